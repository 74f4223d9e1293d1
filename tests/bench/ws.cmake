# WebSocket benchmark (prints figures, never a ctest entry): codec throughput and echo
# figures of WsConnection vs QWebSocket vs a bare-socket client against QWebSocketServer.
wirescope_add_bench(bench_ws SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_ws.cpp LIBS wirescope_core Qt6::WebSockets)

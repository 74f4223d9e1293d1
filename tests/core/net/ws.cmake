# WebSocket connection tests against real peers (QWebSocketServer in-process, python3-websockets,
# nginx, the demo server) and hand-written misbehaving servers.
wirescope_add_test(tst_wsconnection SOURCES tst_wsconnection.cpp LIBS wirescope_core wirescope_peers Qt6::WebSockets
                   TIMEOUT 180)

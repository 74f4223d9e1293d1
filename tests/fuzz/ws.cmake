# WebSocket fuzz targets: the frame parser + message assembler, and the handshake response parser.
wirescope_add_fuzzer(fuzz_wsframeparser SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_wsframeparser.cpp LIBS wirescope_wire)
wirescope_add_fuzzer(fuzz_wshandshake SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_wshandshake.cpp LIBS wirescope_wire)

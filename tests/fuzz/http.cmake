# HTTP fuzz targets: the response parser (and the content decoders behind it).
wirescope_add_fuzzer(fuzz_httpresponseparser SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_httpresponseparser.cpp LIBS wirescope_wire)

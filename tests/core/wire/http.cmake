# HTTP tests
wirescope_add_test(tst_httpresponseparser SOURCES tst_httpresponseparser.cpp LIBS wirescope_wire)
wirescope_add_test(tst_contentdecoder SOURCES tst_contentdecoder.cpp LIBS wirescope_wire PkgConfig::BROTLI ZLIB::ZLIB)
wirescope_add_test(tst_httprequest SOURCES tst_httprequest.cpp LIBS wirescope_wire)

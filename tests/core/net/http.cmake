# HTTP tests
wirescope_add_test(tst_cookiejar SOURCES tst_cookiejar.cpp LIBS wirescope_core)
wirescope_add_test(tst_httpclient SOURCES tst_httpclient.cpp LIBS wirescope_core wirescope_peers TIMEOUT 180)

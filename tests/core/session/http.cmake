# HTTP tests
wirescope_add_test(tst_httpexchangejson SOURCES tst_httpexchangejson.cpp LIBS wirescope_core)

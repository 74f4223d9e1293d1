# HTTP tests
wirescope_add_test(tst_httpresponseparser SOURCES tst_httpresponseparser.cpp LIBS wirescope_wire)

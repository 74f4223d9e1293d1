# JSON encoding of WebSocket events and the `wirescope-cli ws` contract.
wirescope_add_test(tst_wsjson SOURCES tst_wsjson.cpp LIBS wirescope_core)
wirescope_add_test(tst_wscli SOURCES tst_wscli.cpp LIBS wirescope_core Qt6::WebSockets)
if(TARGET wirescope-cli)
    add_dependencies(tst_wscli wirescope-cli)
endif()

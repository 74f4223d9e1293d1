# WebSocket UI tests (owned by uiws).
wirescope_add_test(tst_hexview SOURCES tst_hexview.cpp LIBS wirescope_ui)
wirescope_add_test(tst_wschartdata SOURCES tst_wschartdata.cpp LIBS wirescope_ui)
wirescope_add_test(tst_wslogmodel SOURCES tst_wslogmodel.cpp LIBS wirescope_ui)
wirescope_add_test(tst_wsconsole SOURCES tst_wsconsole.cpp LIBS wirescope_ui wirescope_demo wirescope_peers)
wirescope_add_test(tst_wsscreenshots SOURCES tst_wsscreenshots.cpp LIBS wirescope_ui wirescope_demo)

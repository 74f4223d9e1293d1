# WebSocket UI tests (owned by uiws): wirescope_add_test(tst_ws... SOURCES ... LIBS wirescope_ui wirescope_demo)

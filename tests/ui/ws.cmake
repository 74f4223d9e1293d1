# WebSocket UI tests (owned by uiws).
wirescope_add_test(tst_hexview SOURCES tst_hexview.cpp LIBS wirescope_ui)

# WebSocket console, charts and generic widgets (engineer uiws).
target_sources(wirescope_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ws/wsworkspace.h
    ${CMAKE_CURRENT_LIST_DIR}/ws/wsworkspace.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ws/wslogstore.h
    ${CMAKE_CURRENT_LIST_DIR}/ws/wslogstore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ws/wslogmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/ws/wslogmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ws/wschartdata.h
    ${CMAKE_CURRENT_LIST_DIR}/ws/wschartdata.cpp
    ${CMAKE_CURRENT_LIST_DIR}/widgets/hexlayout.h
    ${CMAKE_CURRENT_LIST_DIR}/widgets/hexlayout.cpp
    ${CMAKE_CURRENT_LIST_DIR}/widgets/hexview.h
    ${CMAKE_CURRENT_LIST_DIR}/widgets/hexview.cpp
)

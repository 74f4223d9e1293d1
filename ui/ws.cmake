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
    ${CMAKE_CURRENT_LIST_DIR}/ws/wsframefieldsmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/ws/wsframefieldsmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ws/wsframediagram.h
    ${CMAKE_CURRENT_LIST_DIR}/ws/wsframediagram.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ws/wsframeinspector.h
    ${CMAKE_CURRENT_LIST_DIR}/ws/wsframeinspector.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ws/wshandshakeview.h
    ${CMAKE_CURRENT_LIST_DIR}/ws/wshandshakeview.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ws/wscomposer.h
    ${CMAKE_CURRENT_LIST_DIR}/ws/wscomposer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ws/wschartswidget.h
    ${CMAKE_CURRENT_LIST_DIR}/ws/wschartswidget.cpp
    ${CMAKE_CURRENT_LIST_DIR}/widgets/hexlayout.h
    ${CMAKE_CURRENT_LIST_DIR}/widgets/hexlayout.cpp
    ${CMAKE_CURRENT_LIST_DIR}/widgets/hexview.h
    ${CMAKE_CURRENT_LIST_DIR}/widgets/hexview.cpp
)

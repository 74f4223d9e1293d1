# WebSocket console, charts and generic widgets (engineer uiws).
target_sources(wirescope_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ws/wsworkspace.h
    ${CMAKE_CURRENT_LIST_DIR}/ws/wsworkspace.cpp
)

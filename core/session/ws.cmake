# JSON encoding of WebSocket events (the CLI's JSON-lines contract, docs/cli-ws.md).
target_sources(wirescope_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/wsjson.h
    ${CMAKE_CURRENT_LIST_DIR}/wsjson.cpp
)

# HTTP exchanges as the CLI's JSON and curl -v style text.
target_sources(wirescope_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/httpexchangejson.h
    ${CMAKE_CURRENT_LIST_DIR}/httpexchangejson.cpp
    ${CMAKE_CURRENT_LIST_DIR}/httpexchangetext.h
    ${CMAKE_CURRENT_LIST_DIR}/httpexchangetext.cpp
)

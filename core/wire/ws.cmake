# WebSocket codecs: RFC 6455 frames, handshake, RFC 7692 permessage-deflate.
target_sources(wirescope_wire PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/permessagedeflate.h
    ${CMAKE_CURRENT_LIST_DIR}/permessagedeflate.cpp
    ${CMAKE_CURRENT_LIST_DIR}/utf8validator.h
    ${CMAKE_CURRENT_LIST_DIR}/utf8validator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/wsclosecode.h
    ${CMAKE_CURRENT_LIST_DIR}/wsclosecode.cpp
    ${CMAKE_CURRENT_LIST_DIR}/wsframe.h
    ${CMAKE_CURRENT_LIST_DIR}/wsframe.cpp
    ${CMAKE_CURRENT_LIST_DIR}/wsframeparser.h
    ${CMAKE_CURRENT_LIST_DIR}/wsframeparser.cpp
    ${CMAKE_CURRENT_LIST_DIR}/wsframewriter.h
    ${CMAKE_CURRENT_LIST_DIR}/wsframewriter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/wshandshake.h
    ${CMAKE_CURRENT_LIST_DIR}/wshandshake.cpp
    ${CMAKE_CURRENT_LIST_DIR}/wsmessageassembler.h
    ${CMAKE_CURRENT_LIST_DIR}/wsmessageassembler.cpp
    ${CMAKE_CURRENT_LIST_DIR}/wsviolations.h
    ${CMAKE_CURRENT_LIST_DIR}/wsviolations.cpp
)

# HTTP/1.1 codecs (RFC 9110, 9112): request model, writer, response parser, content decoding.
target_sources(wirescope_wire PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/httprequest.h
    ${CMAKE_CURRENT_LIST_DIR}/httprequest.cpp
    ${CMAKE_CURRENT_LIST_DIR}/variables.h
    ${CMAKE_CURRENT_LIST_DIR}/variables.cpp
    ${CMAKE_CURRENT_LIST_DIR}/formencoding.h
    ${CMAKE_CURRENT_LIST_DIR}/formencoding.cpp
    ${CMAKE_CURRENT_LIST_DIR}/httprequestwriter.h
    ${CMAKE_CURRENT_LIST_DIR}/httprequestwriter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/httpresponse.h
    ${CMAKE_CURRENT_LIST_DIR}/httpresponseparser.h
    ${CMAKE_CURRENT_LIST_DIR}/httpresponseparser.cpp
    ${CMAKE_CURRENT_LIST_DIR}/contentdecoder.h
    ${CMAKE_CURRENT_LIST_DIR}/contentdecoder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/httpviolations.h
    ${CMAKE_CURRENT_LIST_DIR}/httpviolations.cpp
)

# HTTP/1.1 at the edge: connections, keep-alive pool, TLS, timings, cookies.
target_sources(wirescope_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/phasetimings.h
    ${CMAKE_CURRENT_LIST_DIR}/phasetimings.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tlsinfo.h
    ${CMAKE_CURRENT_LIST_DIR}/tlsinfo.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cookiejar.h
    ${CMAKE_CURRENT_LIST_DIR}/cookiejar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/httpconnection.h
    ${CMAKE_CURRENT_LIST_DIR}/httpconnection.cpp
    ${CMAKE_CURRENT_LIST_DIR}/httpexchange.h
    ${CMAKE_CURRENT_LIST_DIR}/httpclient.h
    ${CMAKE_CURRENT_LIST_DIR}/httpclient.cpp
)

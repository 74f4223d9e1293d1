# WebSocket connection at the edge (QTcpSocket/QSslSocket driving core/wire's codecs).
target_sources(wirescope_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/wsconnectoptions.h
    ${CMAKE_CURRENT_LIST_DIR}/wsconnectoptions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/wsconnection.h
    ${CMAKE_CURRENT_LIST_DIR}/wsconnection.cpp
)

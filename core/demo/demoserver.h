#pragma once

#include "core/demo/demoendpoints.h"

#include <QList>
#include <QObject>
#include <QUrl>

class QTcpServer;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace wirescope {

class DemoEventLog;
class DemoHttpConnection;
class DemoLabRun;
class DemoLabRuns;
class DemoLabWebSocket;

// The embedded demo server: httpbin-style HTTP endpoints and echo/ticker/chat WebSockets on
// one port of 127.0.0.1 (never any other address). Endpoints, parameters and limits:
// docs/demo-server.md, DemoEndpoint::all() (the router's table), DemoLimits.
//
// One QTcpServer accepts every connection. Each connection's request head is peeked; a
// WebSocket upgrade for /ws/echo, /ws/ticker or /ws/chat is handed unread to a
// QWebSocketServer (NonSecureMode) through handleConnection(), one for /lab/ws to a
// DemoLabWebSocket (our own, for permessage-deflate), everything else is answered by
// DemoHttpConnection. Qt 6.4's QHttpServer is not used for HTTP: it hands handlers the
// headers as a QVariantMap, losing their order, their spelling and duplicates, which an echo
// service for a protocol inspector must show exactly.
class DemoServer : public QObject
{
    Q_OBJECT
public:
    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    // Listens on 127.0.0.1; port 0 picks a free one. False (see errorString()) if the port
    // is taken or not allowed. Restarts if already listening.
    bool start(quint16 port = 0);
    // Closes the listener and every connection (WebSockets with 1001 Going Away).
    void stop();
    bool isListening() const;
    quint16 port() const;
    QUrl httpBaseUrl() const; // http://127.0.0.1:port
    QUrl wsBaseUrl() const;   // ws://127.0.0.1:port
    QString errorString() const;

    static const QList<DemoEndpoint> &endpoints() { return DemoEndpoint::all(); }
    // Subprotocols every WebSocket endpoint accepts when offered (RFC 6455 §4.2.2).
    static QStringList subprotocols();
    int httpConnectionCount() const { return int(m_http.size()); }
    int webSocketCount() const { return int(m_sockets.size() + m_labSockets.size()); }
    // Events that /poll delivers (chat, publish, tick).
    DemoEventLog *events() const { return m_events; }
    // The transport lab's runs (/lab/..., docs/lab-endpoints.md).
    DemoLabRuns *labRuns() const { return m_labRuns; }
    // How often a "tick" event is published (default 5000 ms; 0: never).
    void setTickIntervalMs(int ms);
    int tickIntervalMs() const;

Q_SIGNALS:
    void started(const QUrl &httpBaseUrl);
    void stopped();
    void requestServed(const QString &method, const QString &target, int status);
    void webSocketOpened(const QString &path, const QString &subprotocol);
    void webSocketClosed(const QString &path);

private:
    void acceptConnections();
    void upgrade(DemoHttpConnection *connection);
    void upgradeLab(DemoHttpConnection *connection, DemoLabRun *run);
    void acceptWebSockets();
    void serveEcho(QWebSocket *socket);
    void serveTicker(QWebSocket *socket);
    void serveChat(QWebSocket *socket);
    void broadcastChat(const QByteArray &json, const QString &text, const QByteArray &binary, bool isBinary);
    void forget(QWebSocket *socket, const QString &path);

    QTcpServer *m_server;
    QWebSocketServer *m_wsServer;
    DemoEventLog *m_events;
    DemoLabRuns *m_labRuns;
    QTimer *m_tick;
    QList<DemoHttpConnection *> m_http;
    QList<QWebSocket *> m_sockets;
    QList<QWebSocket *> m_chat;
    QList<DemoLabWebSocket *> m_labSockets; // /lab/ws, our own RFC 6455 server side
    QString m_error;
};

} // namespace wirescope

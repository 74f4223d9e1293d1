#pragma once

#include "core/demo/demorequest.h"
#include "core/demo/demoresponse.h"
#include "core/wire/chunkeddecoder.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QTcpSocket;
class QTimer;

namespace wirescope {

class DemoEventLog;

// One HTTP/1.1 connection of the demo server: reads request heads with peek() (so a WebSocket
// upgrade can be handed to QWebSocketServer with its bytes untouched), reads Content-Length or
// chunked bodies, answers in order (pipelined requests wait their turn), keeps the connection
// alive as RFC 9112 §9.3 says, and serves the httpbin-style endpoints, including the slow
// ones (/delay, /stream, /poll) with timers, never by blocking.
class DemoHttpConnection : public QObject
{
    Q_OBJECT
public:
    DemoHttpConnection(QTcpSocket *socket, DemoEventLog *events, QObject *parent = nullptr);

    // Gives the socket away (for a WebSocket upgrade): this object no longer touches it.
    QTcpSocket *takeSocket();
    // Paths served as WebSocket endpoints (an upgrade elsewhere gets 404).
    static bool isWebSocketPath(QByteArrayView path);

Q_SIGNALS:
    // A valid upgrade request for a WebSocket path is waiting unread in the socket.
    void upgradeRequested(wirescope::DemoHttpConnection *connection);
    void requestServed(const QString &method, const QString &target, int status);
    // The socket closed; the owner deletes this object.
    void finished(wirescope::DemoHttpConnection *connection);

private:
    enum class State { Head, Body, Responding, Closed };

    void processInput();
    bool readHead();
    bool readBody();
    void dispatch();
    void respond(DemoResponse response);
    void fail(int status, const QByteArray &detail);
    void finishExchange(int status);
    void onDisconnected();

    // Endpoint handlers.
    void serveDelay(const QByteArray &argument);
    void serveStream(const QByteArray &argument);
    void servePoll();
    void serveSse();
    DemoResponse serveStatus(const QByteArray &argument);
    DemoResponse serveBytes(const QByteArray &argument);
    DemoResponse serveEncoded(bool gzip);
    DemoResponse serveRedirect(const QByteArray &argument);
    DemoResponse serveCookiesSet(bool remove);
    DemoResponse servePublish();
    DemoResponse serveIndex();

    QJsonObject echo() const;
    // Empty, or why the query of a /ws/ticker upgrade is unusable.
    QByteArray tickerQueryProblem() const;
    QString baseUrl() const;

    QTcpSocket *m_socket;
    QPointer<DemoEventLog> m_events;
    State m_state = State::Head;
    DemoRequest m_request;
    qint64 m_bodyRemaining = 0;
    std::optional<ChunkedDecoder> m_chunked;
    bool m_keepAlive = true;
    bool m_inProcess = false;
    // The running slow response (/delay, /stream, /poll): its timers and connections are
    // children of this object, so deleting it cancels them.
    QObject *m_job = nullptr;
    // Closes a connection that sits between requests (or inside a head) too long.
    QTimer *m_idle;
};

} // namespace wirescope

#pragma once

#include "core/demo/demorequest.h"
#include "core/demo/demolabruns.h"
#include "core/demo/demoresponse.h"
#include "core/wire/chunkeddecoder.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QTcpSocket;
class QTimer;

namespace wirescope {

class DemoEventLog;
class DemoLabMeter;
class DemoLabRun;
class DemoLabRuns;

// One HTTP/1.1 connection of the demo server: reads request heads with peek() (so a WebSocket
// upgrade can be handed to QWebSocketServer with its bytes untouched), reads Content-Length or
// chunked bodies, answers in order (pipelined requests wait their turn), keeps the connection
// alive as RFC 9112 §9.3 says, and serves the httpbin-style endpoints, including the slow
// ones (/delay, /stream, /poll) with timers, never by blocking.
class DemoHttpConnection : public QObject
{
    Q_OBJECT
public:
    // labRuns: the /lab/ runs (null: /lab/ answers 503).
    DemoHttpConnection(QTcpSocket *socket, DemoEventLog *events, DemoLabRuns *labRuns, QObject *parent = nullptr);

    // Gives the socket away (for a WebSocket upgrade): this object no longer touches it.
    QTcpSocket *takeSocket();
    // Paths served as WebSocket endpoints (an upgrade elsewhere gets 404).
    static bool isWebSocketPath(QByteArrayView path);

    // For the job answering the current request (DemoLabExchange):
    const DemoRequest &request() const;
    // A whole response; the exchange ends (the connection stays open unless it must close).
    void answer(DemoResponse response);
    // A response whose body is written over time: writes the head (with extraFields, each
    // ending in CRLF) and returns whether the body is chunked (HTTP/1.1) or ends with the
    // connection (HTTP/1.0). The caller frames each part it writes.
    bool beginStreamed(const QByteArray &contentType, const QByteArray &extraFields = {});
    void writeStreamed(const QByteArray &bytes);
    qint64 unsentBytes() const;
    // After the last part: the last chunk (when chunked) and the exchange ends.
    void endStreamed(bool chunked);
    // A valid /lab/ws upgrade: the head is read, the 101 not yet written.
    void handOverToLabWebSocket(wirescope::DemoLabRun *run);

Q_SIGNALS:
    // A valid upgrade request for a WebSocket path is waiting unread in the socket.
    void upgradeRequested(wirescope::DemoHttpConnection *connection);
    // handOverToLabWebSocket(): the owner takes the socket for a DemoLabWebSocket.
    void labWebSocketRequested(wirescope::DemoHttpConnection *connection, wirescope::DemoLabRun *run);
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
    QPointer<DemoLabRuns> m_labRuns;
    // Counts every byte of this connection for the lab run its first request names.
    DemoLabMeter *m_meter;
    qint64 m_served = 0; // requests dispatched so far
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

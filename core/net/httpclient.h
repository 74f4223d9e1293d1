#pragma once

#include "core/session/capturedchunk.h"
#include "core/session/cookiejar.h"
#include "core/net/httpexchange.h"
#include "core/wire/variables.h"

#include <QHash>
#include <QObject>

#include <atomic>
#include <memory>

namespace wirescope {

class Session;
class SessionClock;
class TimelineWriter;

// Sends HTTP/1.1 requests itself over QTcpSocket / QSslSocket so every byte and every
// phase is visible. One client = one session: one clock, one cookie jar, one keep-alive
// pool (idle connections per origin, reused only when the response allowed it).
// Exchanges run on the thread the client lives on; several may run at once (each on its
// own connection). Call it only from that thread, except reserveExchangeId(). The CLI and
// single-threaded tests use it directly; the window runs one inside an HttpEngine, on a
// thread of its own.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    // On its own: its own clock and cookie jar, nothing recorded (the CLI's --repeat, tests).
    explicit HttpClient(QObject *parent = nullptr);
    // Works for a session: its clock, its cookie jar, its connection ids, and every byte and
    // exchange recorded in its timeline (null: on its own, as above).
    explicit HttpClient(Session *session, QObject *parent = nullptr);
    ~HttpClient() override;

    // Starts an exchange at once. Unresolved variables or an invalid URL finish it (still
    // asynchronously, from the event loop) with an error and nothing sent.
    HttpExchange *start(const HttpRequest &request, const HttpRequestOptions &options = {},
                        const VariableScope &variables = {});
    // The same, for an exchange named before it exists: `id` comes from reserveExchangeId(),
    // called on any thread (a caller on another thread queues the start and keeps the id to
    // match the results and to cancel).
    HttpExchange *start(quint64 id, const HttpRequest &request, const HttpRequestOptions &options = {},
                        const VariableScope &variables = {});
    // Sends a request prepared elsewhere as it is (a replay, docs/replay.md): `asComposed` is
    // what the record keeps as the user's request. Host, User-Agent, Cookie, Content-Length
    // are added only when the prepared headers lack them.
    HttpExchange *startPrepared(const HttpRequest &asComposed, const PreparedRequest &prepared,
                        const HttpRequestOptions &options);
    // Thread-safe: the next exchange id of this client, never handed out twice.
    quint64 reserveExchangeId() { return m_nextExchangeId.fetch_add(1, std::memory_order_relaxed); }
    // Cancels the unfinished exchange with this id (see HttpExchange::cancel()); nothing when
    // it finished or is unknown.
    void cancel(quint64 id);

    // Loads the TLS backend and the system CA store now (tens of ms the first time in a
    // process). Otherwise the first https exchange pays it inside its "blocked" phase; call
    // it at start-up (after the first paint) or before timing an https request.
    static void warmUpTls();

    // The client's own jar; a client working for a session uses the session's instead.
    CookieJar &cookieJar() { return m_cookies; }
    QByteArray cookieHeaderFor(const QUrl &url) const;
    void storeCookies(const QList<QByteArray> &setCookieValues, const QUrl &url);
    const SessionClock &clock() const { return *m_clock; }
    int idleConnectionCount() const;
    void closeIdleConnections();

signals:
    void exchangeFinished(const wirescope::HttpExchangeRecord &record);
    // Every chunk any of the client's connections read or wrote, as its Tap stamped it
    // (what the transport lab counts: core/lab). Emitted on the client's thread.
    void chunkCaptured(quint64 connectionId, const wirescope::CapturedChunk &chunk);

private:
    friend class HttpExchange;
    HttpExchange *start(quint64 id, qint64 startNs, const HttpRequest &request, const PreparedRequest &prepared,
                        const HttpRequestOptions &options);
    friend class HttpConnection;
    void beginHop(HttpExchange *exchange, const PreparedRequest &prepared);
    void onHopFinished(HttpExchange *exchange, HttpConnection *connection);
    void failExchange(HttpExchange *exchange, const Failure &failure);
    void finishExchange(HttpExchange *exchange);
    void releaseConnection(HttpConnection *connection, bool reusable);
    void retryHop(HttpExchange *exchange);
    void sendHop(HttpExchange *exchange, bool allowReuse);
    QString poolKey(const PreparedRequest &prepared, const HttpRequestOptions &options) const;

    quint32 newConnectionId();
    void recordChunk(quint32 connection, const CapturedChunk &chunk);
    void recordOpening(quint32 connection, const PreparedRequest &request);

    std::unique_ptr<SessionClock> m_ownClock;
    const SessionClock *m_clock;
    Session *m_session = nullptr;
    std::unique_ptr<TimelineWriter> m_recorder; // rows for the session's timeline
    CookieJar m_cookies;
    QMultiHash<QString, HttpConnection *> m_idle;
    std::atomic<quint64> m_nextExchangeId{1};
    quint64 m_nextConnectionId = 1;
};

} // namespace wirescope

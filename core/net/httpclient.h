#pragma once

#include "core/session/cookiejar.h"
#include "core/net/httpexchange.h"
#include "core/wire/variables.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace wirescope {

class Session;
class SessionClock;
class TimelineWriter;

// Sends HTTP/1.1 requests itself over QTcpSocket / QSslSocket so every byte and every
// phase is visible. One client = one session: one clock, one cookie jar, one keep-alive
// pool (idle connections per origin, reused only when the response allowed it).
// Exchanges run on the thread of the client's event loop; several may run at once
// (each on its own connection).
class HttpClient : public QObject
{
    Q_OBJECT
public:
    // On its own: its own clock and cookie jar, nothing recorded (the CLI's --repeat, tests).
    explicit HttpClient(QObject *parent = nullptr);
    // Works for a session: its clock, its cookie jar, its connection ids, and every byte and
    // exchange recorded in its timeline.
    explicit HttpClient(Session *session, QObject *parent = nullptr);
    ~HttpClient() override;

    // Starts an exchange at once. Unresolved variables or an invalid URL finish it (still
    // asynchronously, from the event loop) with an error and nothing sent.
    HttpExchange *start(const HttpRequest &request, const HttpRequestOptions &options = {},
                        const VariableScope &variables = {});

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

private:
    friend class HttpExchange;
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
    quint64 m_nextExchangeId = 1;
    quint64 m_nextConnectionId = 1;
};

} // namespace wirescope

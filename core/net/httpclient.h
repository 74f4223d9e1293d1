#pragma once

#include "core/session/cookiejar.h"
#include "core/net/httpexchange.h"
#include "core/wire/variables.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace wirescope {

class SessionClock;

// Sends HTTP/1.1 requests itself over QTcpSocket / QSslSocket so every byte and every
// phase is visible. One client = one session: one clock, one cookie jar, one keep-alive
// pool (idle connections per origin, reused only when the response allowed it).
// Exchanges run on the thread of the client's event loop; several may run at once
// (each on its own connection).
class HttpClient : public QObject
{
    Q_OBJECT
public:
    // Without a clock the client makes its own.
    explicit HttpClient(const SessionClock *clock = nullptr, QObject *parent = nullptr);
    ~HttpClient() override;

    // Starts an exchange at once. Unresolved variables or an invalid URL finish it (still
    // asynchronously, from the event loop) with an error and nothing sent.
    HttpExchange *start(const HttpRequest &request, const HttpRequestOptions &options = {},
                        const VariableScope &variables = {});

    // Loads the TLS backend and the system CA store now (tens of ms the first time in a
    // process). Otherwise the first https exchange pays it inside its "blocked" phase; call
    // it at start-up (after the first paint) or before timing an https request.
    static void warmUpTls();

    CookieJar &cookieJar() { return m_cookies; }
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

    std::unique_ptr<SessionClock> m_ownClock;
    const SessionClock *m_clock;
    CookieJar m_cookies;
    QMultiHash<QString, HttpConnection *> m_idle;
    quint64 m_nextExchangeId = 1;
    quint64 m_nextConnectionId = 1;
};

} // namespace wirescope

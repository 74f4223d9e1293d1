#pragma once

#include "core/net/transport.h"
#include "core/session/failure.h"
#include "core/session/httpexchangerecord.h"
#include "core/wire/httpresponseparser.h"

#include <QObject>
#include <QPointer>

namespace wirescope {

class HttpClient;
class HttpExchange;
struct HttpRequestOptions;
struct PreparedRequest;

// One TCP (or TLS) connection to one origin, driven by the client for one exchange hop
// at a time. Internal to core/net: the UI sees HttpExchange and its records only.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    enum class State : quint8 { New, Connecting, Ready, Busy, Closed };

    HttpConnection(HttpClient *client, quint64 id, const QString &poolKey);

    quint64 id() const { return m_id; }
    QString poolKey() const { return m_poolKey; }
    State state() const { return m_state; }
    bool isIdle() const { return m_state == State::Ready && !m_exchange; }
    int requestsServed() const { return m_requestsServed; }

    // Opens the connection for the exchange's current hop, then sends `requestBytes`.
    void open(HttpExchange *exchange, const QByteArray &requestBytes);
    // Sends on this already open connection (keep-alive reuse).
    void sendOn(HttpExchange *exchange, const QByteArray &requestBytes);
    void abort();
    // What a connect that has not finished got to (the exchange ends while it runs): the
    // phases it reached, the addresses once TCP was up, the proxy, the TLS facts so far (a
    // refused certificate's chain and errors).
    void noteConnectProgress(HttpHop &hop) const;
    bool reusable() const;

private:
    void onTransportPhase(Transport::Phase phase);
    void onConnected();
    void onReadyRead(const CapturedChunk &chunk);
    void onEnded(const Failure &failure);
    void onDisconnected();
    void onAllWritten();
    void writeRequest();
    void noteConnection(ConnectionInfo &connection) const;
    void fail(const Failure &failure);
    void progress(int phase);
    void retryOnNewConnection();
    void detachFromExchange();

    friend class HttpClient;
    HttpClient *m_client;
    quint64 m_id;
    QString m_poolKey;
    Transport m_transport;
    HttpResponseParser m_parser;
    QPointer<HttpExchange> m_exchange;
    QByteArray m_requestBytes;
    bool m_sendDone = false;
    bool m_gotBytes = false;
    bool m_leftover = false;
    State m_state = State::New;
    int m_requestsServed = 0;
    qint64 m_responseStart = 0;
};

} // namespace wirescope

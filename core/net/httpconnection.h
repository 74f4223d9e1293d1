#pragma once

#include "core/net/tap.h"
#include "core/session/failure.h"
#include "core/session/tlsinfo.h"
#include "core/wire/httpresponseparser.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

class QTcpSocket;
class QTimer;
class QHostInfo;

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
    enum class State : quint8 { New, Resolving, Connecting, TlsHandshake, Ready, Busy, Closed };

    HttpConnection(HttpClient *client, quint64 id, const QString &poolKey);
    ~HttpConnection() override;

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
    bool reusable() const;

private:
    void onLookedUp(const QHostInfo &info);
    void connectToAddress();
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void onBytesWritten();
    void writeRequest();
    void fail(const Failure &failure);
    void progress(int phase);
    void captureTls();
    void detachFromExchange();

    friend class HttpClient;
    HttpClient *m_client;
    quint64 m_id;
    QString m_poolKey;
    QTcpSocket *m_socket = nullptr;
    QTimer *m_connectTimer = nullptr;
    Tap m_tap;
    HttpResponseParser m_parser;
    QPointer<HttpExchange> m_exchange;
    QByteArray m_requestBytes;
    QList<QHostAddress> m_addresses;
    int m_addressIndex = 0;
    quint16 m_addressPort = 0;
    int m_lookupId = -1;
    TlsInfo m_tls;
    bool m_useTls = false;
    bool m_sendDone = false;
    bool m_gotBytes = false;
    bool m_leftover = false;
    State m_state = State::New;
    int m_requestsServed = 0;
    qint64 m_responseStart = 0;
};

} // namespace wirescope

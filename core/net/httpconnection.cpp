#include "core/net/httpconnection.h"

#include "core/net/httpclient.h"
#include "core/net/socketfailure.h"
#include "core/session/sessionclock.h"

#include <QHostInfo>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace wirescope {

namespace {

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2: return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3: return QStringLiteral("TLSv1.3");
    QT_WARNING_PUSH
    QT_WARNING_DISABLE_DEPRECATED
    case QSsl::TlsV1_0: return QStringLiteral("TLSv1.0");
    case QSsl::TlsV1_1: return QStringLiteral("TLSv1.1");
    QT_WARNING_POP
    default: return QStringLiteral("unknown");
    }
}

} // namespace

HttpConnection::HttpConnection(HttpClient *client, quint64 id, const QString &poolKey)
    : QObject(client)
    , m_client(client)
    , m_id(id)
    , m_poolKey(poolKey)
    , m_tap(client->clock())
{
    // Chunks are copied into each hop's record; the connection itself keeps none.
    m_tap.setKeepChunks(false);
}

HttpConnection::~HttpConnection()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

bool HttpConnection::reusable() const
{
    return m_state == State::Busy && !m_leftover && m_parser.keepAlive() && m_socket
           && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::progress(int phase)
{
    if (!m_exchange)
        return;
    HttpProgress p;
    p.phase = ExchangePhase(phase);
    p.hop = int(m_exchange->m_record.hops.size()) - 1;
    p.bytesSent = m_exchange->m_record.hops.last().requestBytes.size();
    p.bytesReceived = m_exchange->m_record.hops.last().responseBytes.size();
    p.tNs = m_client->clock().nowNs();
    emit m_exchange->progress(p);
}

void HttpConnection::open(HttpExchange *exchange, const QByteArray &requestBytes)
{
    m_exchange = exchange;
    m_requestBytes = requestBytes;
    HttpHop &hop = exchange->m_record.hops.last();
    const HttpRequestOptions &options = exchange->m_record.options;
    m_useTls = hop.request.scheme == u"https";
    m_client->recordOpening(m_id, hop.request);
    if (m_useTls) {
        auto *ssl = new QSslSocket(this);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        if (!options.caCertificates.isEmpty())
            config.addCaCertificates(options.caCertificates);
        // RFC 7301: offer http/1.1 only, this engine speaks nothing else.
        config.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
        ssl->setSslConfiguration(config);
        ssl->setPeerVerifyName(hop.request.host); // also the SNI name
        connect(ssl, &QSslSocket::encrypted, this, &HttpConnection::onEncrypted);
        connect(ssl, &QSslSocket::sslErrors, this, [this, ssl](const QList<QSslError> &errors) {
            const QList<QSslCertificate> chain = ssl->peerCertificateChain();
            for (const QSslError &e : errors)
                m_tls.errors.append(TlsErrorInfo::fromSslError(e, chain));
            if (m_exchange && m_exchange->m_record.options.ignoreCertificateErrors) {
                m_tls.errorsIgnored = true;
                ssl->ignoreSslErrors();
            }
        });
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
    }
    connect(m_socket, &QTcpSocket::connected, this, &HttpConnection::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HttpConnection::onSocketError);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);

    if (options.connectTimeoutMs > 0) {
        m_connectTimer = new QTimer(this);
        m_connectTimer->setSingleShot(true);
        connect(m_connectTimer, &QTimer::timeout, this, [this] {
            fail(Failure::of(failures::ConnectTimeout,
                             QStringLiteral("%1 ms").arg(m_exchange ? m_exchange->m_record.options.connectTimeoutMs : 0)));
        });
        m_connectTimer->start(options.connectTimeoutMs);
    }

    const QNetworkProxy &proxy = options.proxy;
    const bool httpProxy = proxy.type() == QNetworkProxy::HttpProxy;
    QString host = hop.request.host;
    quint16 port = hop.request.port;
    if (httpProxy && !m_useTls) {
        // RFC 9112 §3.2.2: plain http through a proxy = absolute-form to the proxy itself.
        m_socket->setProxy(QNetworkProxy::NoProxy);
        host = proxy.hostName();
        port = proxy.port();
        hop.connection.proxy = QStringLiteral("http://%1:%2").arg(host).arg(port);
    } else if (httpProxy || proxy.type() == QNetworkProxy::Socks5Proxy) {
        // https through an HTTP proxy: Qt sends CONNECT (RFC 9110 §9.3.6); SOCKS5 likewise
        // tunnels. The proxy resolves the name, so there is no DNS phase of ours.
        m_socket->setProxy(proxy);
        hop.connection.proxy = QStringLiteral("%1://%2:%3")
                                   .arg(httpProxy ? QStringLiteral("http") : QStringLiteral("socks5"), proxy.hostName())
                                   .arg(proxy.port());
        hop.timings.connectStartNs = m_client->clock().nowNs();
        m_state = State::Connecting;
        progress(int(ExchangePhase::Connecting));
        m_socket->connectToHost(hop.request.host, hop.request.port);
        return;
    } else {
        m_socket->setProxy(QNetworkProxy::NoProxy);
    }
    m_addressPort = port;
    const QHostAddress literal(host);
    if (!literal.isNull()) {
        // An IP literal needs no lookup: the dns phase does not apply (-1).
        m_addresses = {literal};
        connectToAddress();
        return;
    }
    hop.timings.dnsStartNs = m_client->clock().nowNs();
    const QString lower = host.toLower();
    if (lower == u"localhost" || lower.endsWith(QLatin1String(".localhost"))) {
        // RFC 6761 §6.3: localhost names are the loopback addresses, never looked up
        // (as browsers do); the dns phase is then just this decision.
        m_addresses = {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)};
        hop.timings.dnsEndNs = m_client->clock().nowNs();
        connectToAddress();
        return;
    }
    m_state = State::Resolving;
    progress(int(ExchangePhase::Resolving));
    m_lookupId = QHostInfo::lookupHost(host, this, &HttpConnection::onLookedUp);
}

void HttpConnection::onLookedUp(const QHostInfo &info)
{
    m_lookupId = -1;
    if (!m_exchange)
        return;
    HttpHop &hop = m_exchange->m_record.hops.last();
    hop.timings.dnsEndNs = m_client->clock().nowNs();
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        fail(Failure::of(failures::DnsFailed, QStringLiteral("%1: %2").arg(info.hostName(), info.errorString())));
        return;
    }
    m_addresses = info.addresses();
    connectToAddress();
}

void HttpConnection::connectToAddress()
{
    HttpHop &hop = m_exchange->m_record.hops.last();
    if (hop.timings.connectStartNs < 0)
        hop.timings.connectStartNs = m_client->clock().nowNs();
    m_state = State::Connecting;
    progress(int(ExchangePhase::Connecting));
    m_socket->connectToHost(m_addresses.at(m_addressIndex), m_addressPort);
}

void HttpConnection::onConnected()
{
    if (!m_exchange)
        return;
    HttpHop &hop = m_exchange->m_record.hops.last();
    hop.timings.connectEndNs = m_client->clock().nowNs();
    // Requests are small and latency matters more than coalescing (as curl and nginx do).
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_useTls) {
        hop.timings.sslStartNs = hop.timings.connectEndNs;
        m_state = State::TlsHandshake;
        progress(int(ExchangePhase::TlsHandshake));
        static_cast<QSslSocket *>(m_socket)->startClientEncryption();
        return;
    }
    writeRequest();
}

void HttpConnection::onEncrypted()
{
    if (!m_exchange)
        return;
    m_exchange->m_record.hops.last().timings.sslEndNs = m_client->clock().nowNs();
    captureTls();
    writeRequest();
}

void HttpConnection::captureTls()
{
    auto *ssl = static_cast<QSslSocket *>(m_socket);
    m_tls.used = true;
    m_tls.protocol = protocolName(ssl->sessionProtocol());
    m_tls.cipher = ssl->sessionCipher().name();
    m_tls.alpn = ssl->sslConfiguration().nextNegotiatedProtocol();
    m_tls.chain.clear();
    const QList<QSslCertificate> chain = ssl->peerCertificateChain();
    for (const QSslCertificate &c : chain)
        m_tls.chain.append(TlsCertificateInfo::fromCertificate(c));
}

void HttpConnection::sendOn(HttpExchange *exchange, const QByteArray &requestBytes)
{
    m_exchange = exchange;
    m_requestBytes = requestBytes;
    exchange->m_record.hops.last().connection.reused = true;
    writeRequest();
}

void HttpConnection::writeRequest()
{
    if (m_connectTimer)
        m_connectTimer->stop();
    HttpHop &hop = m_exchange->m_record.hops.last();
    const bool keepChunks = m_exchange->m_record.options.keepChunks;
    hop.connection.id = m_id;
    hop.connection.remoteAddress = m_socket->peerAddress().toString();
    hop.connection.remotePort = m_socket->peerPort();
    hop.connection.localAddress = m_socket->localAddress().toString();
    hop.connection.localPort = m_socket->localPort();
    if (hop.connection.remoteAddress.isEmpty())
        hop.connection.remoteAddress = m_socket->peerName();
    hop.connection.tls = m_tls;
    m_state = State::Busy;
    m_sendDone = false;
    m_gotBytes = false;
    m_leftover = false;
    m_responseStart = m_tap.bytesIn();
    hop.responseStreamOffset = m_responseStart;
    m_parser = HttpResponseParser(m_exchange->m_record.options.limits, m_exchange->m_record.options.leniency);
    m_parser.reset(hop.request.method, m_responseStart);

    const CapturedChunk &chunk = m_tap.record(Direction::Out, m_requestBytes);
    m_client->recordChunk(m_id, chunk);
    hop.timings.sendStartNs = chunk.tNs;
    if (keepChunks)
        hop.chunks.push_back(chunk);
    m_socket->write(m_requestBytes);
    m_socket->flush();
    if (m_socket->bytesToWrite() == 0) {
        m_sendDone = true;
        hop.timings.sendEndNs = m_client->clock().nowNs();
    }
    ++m_requestsServed;
    progress(int(m_sendDone ? ExchangePhase::Waiting : ExchangePhase::Sending));
}

void HttpConnection::onBytesWritten()
{
    if (!m_exchange || m_sendDone || m_state != State::Busy)
        return;
    if (m_socket->bytesToWrite() == 0) {
        m_sendDone = true;
        HttpHop &hop = m_exchange->m_record.hops.last();
        if (hop.timings.sendEndNs < 0)
            hop.timings.sendEndNs = m_client->clock().nowNs();
        progress(int(ExchangePhase::Waiting));
    }
}

void HttpConnection::onReadyRead()
{
    while (m_socket && m_socket->bytesAvailable() > 0) {
        const QByteArray data = m_socket->readAll();
        if (data.isEmpty())
            return;
        if (!m_exchange || m_state != State::Busy) {
            // Bytes nobody asked for (RFC 9112 §9.3 allows no unsolicited response):
            // this connection cannot be trusted for another request.
            m_client->recordChunk(m_id, m_tap.record(Direction::In, data));
            m_leftover = true;
            if (!m_exchange)
                m_client->releaseConnection(this, false); // leaves the pool, closes
            return;
        }
        HttpHop &hop = m_exchange->m_record.hops.last();
        const CapturedChunk &chunk = m_tap.record(Direction::In, data);
        m_client->recordChunk(m_id, chunk);
        m_gotBytes = true;
        if (hop.timings.firstByteNs < 0) {
            hop.timings.firstByteNs = chunk.tNs;
            // A server may answer before it read the whole request (an early error).
            if (hop.timings.sendEndNs < 0 || hop.timings.sendEndNs > chunk.tNs)
                hop.timings.sendEndNs = chunk.tNs;
        }
        hop.timings.lastByteNs = chunk.tNs;
        if (m_exchange->m_record.options.keepChunks)
            hop.chunks.push_back(chunk);
        const ParseResult r = m_parser.feed(data);
        hop.responseBytes.append(data.constData(), r.consumed);
        if (r.status == ParseStatus::NeedMore) {
            progress(int(ExchangePhase::Receiving));
            continue;
        }
        if (r.consumed < data.size())
            m_leftover = true;
        hop.response = m_parser.response();
        if (r.status == ParseStatus::Error) {
            const Violation &v = hop.response.violations.last();
            fail(Failure::of(v));
            return;
        }
        hop.complete = true;
        HttpExchange *exchange = m_exchange;
        m_client->onHopFinished(exchange, this);
        return;
    }
}

void HttpConnection::onDisconnected()
{
    if (!m_exchange) {
        m_state = State::Closed;
        m_client->releaseConnection(this, false);
        return;
    }
    if (m_state != State::Busy)
        return; // connect/TLS failures arrive through onSocketError
    HttpHop &hop = m_exchange->m_record.hops.last();
    if (hop.connection.reused && !m_gotBytes) {
        // RFC 9112 §9.3.1: the server may close an idle connection at any time; a request
        // that got no byte of answer on a reused connection is retried once on a new one.
        HttpExchange *exchange = m_exchange;
        detachFromExchange();
        m_client->retryHop(exchange);
        m_client->releaseConnection(this, false);
        return;
    }
    const ParseStatus status = m_parser.finishEof();
    hop.response = m_parser.response();
    if (status != ParseStatus::Complete) {
        const Violation &v = hop.response.violations.last();
        fail(Failure::of(v));
        return;
    }
    hop.complete = true;
    m_state = State::Closed;
    HttpExchange *exchange = m_exchange;
    m_client->onHopFinished(exchange, this);
}

void HttpConnection::onSocketError()
{
    if (!m_exchange)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError && m_state == State::Busy)
        return; // onDisconnected decides: end of a close-delimited body, or truncation
    if (m_state == State::Connecting && m_addressIndex + 1 < m_addresses.size()
        && (error == QAbstractSocket::ConnectionRefusedError || error == QAbstractSocket::NetworkError
            || error == QAbstractSocket::HostNotFoundError)) {
        ++m_addressIndex; // next address of the name (e.g. ::1 refused, then 127.0.0.1)
        m_socket->abort();
        connectToAddress();
        return;
    }
    if (m_state == State::TlsHandshake || m_useTls) {
        m_exchange->m_record.hops.last().connection.tls = m_tls;
    }
    fail(socketFailure(error, m_state == State::Busy, m_socket->errorString(), m_tls));
}

void HttpConnection::detachFromExchange()
{
    m_exchange = nullptr;
    if (m_connectTimer)
        m_connectTimer->stop();
}

void HttpConnection::fail(const Failure &failure)
{
    HttpExchange *exchange = m_exchange;
    abort();
    if (exchange)
        m_client->failExchange(exchange, failure);
    m_client->releaseConnection(this, false);
}

void HttpConnection::abort()
{
    detachFromExchange();
    m_state = State::Closed;
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

} // namespace wirescope

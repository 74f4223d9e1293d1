#include "core/net/transport.h"

#include "core/net/socketfailure.h"
#include "core/session/sessionclock.h"

#include <QHostInfo>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

#include <limits>

namespace wirescope {

namespace {

QString tlsProtocolName(QSsl::SslProtocol protocol)
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

// The one place TLS facts are taken from a socket, for every engine. Errors are those of
// the last handshake, also when they were ignored (ignoring is recorded, never hiding).
TlsInfo tlsInfoOf(const QSslSocket &socket, bool errorsIgnored)
{
    TlsInfo tls;
    tls.used = true;
    tls.protocol = tlsProtocolName(socket.sessionProtocol());
    tls.cipher = socket.sessionCipher().name();
    tls.alpn = socket.sslConfiguration().nextNegotiatedProtocol();
    const QList<QSslCertificate> chain = socket.peerCertificateChain();
    for (const QSslCertificate &certificate : chain)
        tls.chain.append(TlsCertificateInfo::fromCertificate(certificate));
    const QList<QSslError> errors = socket.sslHandshakeErrors();
    for (const QSslError &error : errors)
        tls.errors.append(TlsErrorInfo::fromSslError(error, chain));
    tls.errorsIgnored = errorsIgnored && !tls.errors.isEmpty();
    return tls;
}

// Errors after which the next address of the name is worth a try (e.g. ::1 refused, then
// 127.0.0.1; an IPv6 address on a host without IPv6 routing).
bool tryNextAddressAfter(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
    case QAbstractSocket::NetworkError:
    case QAbstractSocket::HostNotFoundError:
    case QAbstractSocket::SocketAddressNotAvailableError:
    case QAbstractSocket::UnsupportedSocketOperationError:
        return true;
    default:
        return false;
    }
}

void registerMetaTypes()
{
    static const bool done = [] {
        qRegisterMetaType<Transport::Phase>();
        qRegisterMetaType<CapturedChunk>();
        qRegisterMetaType<Failure>();
        return true;
    }();
    Q_UNUSED(done);
}

} // namespace

Transport::Transport(const SessionClock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_tap(std::make_unique<Tap>(clock))
{
    registerMetaTypes();
    m_connectTimer.setSingleShot(true);
    // A coarse timer may fire 5 % early: a "10000 ms" limit must not end a connect at 9.8 s.
    m_connectTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        // Where it stood: an https:// URL aimed at a plain-HTTP port connects over TCP and
        // then waits in the TLS handshake, which is not "no answer".
        const QString stage = m_phase == Phase::TlsHandshake ? QStringLiteral("; TCP connected, the TLS handshake did not finish")
                              : m_phase == Phase::Resolving  ? QStringLiteral("; the name was still being resolved")
                              : m_phase == Phase::Connecting ? QStringLiteral("; the TCP connect was not answered")
                                                             : QString();
        end(Failure::of(failures::ConnectTimeout, QStringLiteral("%1 ms").arg(m_options.connectTimeoutMs) + stage));
    });
}

Transport::~Transport()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void Transport::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}

bool Transport::isConnected() const
{
    return m_phase == Phase::Connected && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

qint64 Transport::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void Transport::copyPhasesTo(PhaseTimings &timings) const
{
    timings.dnsStartNs = m_timings.dnsStartNs;
    timings.dnsEndNs = m_timings.dnsEndNs;
    timings.connectStartNs = m_timings.connectStartNs;
    timings.connectEndNs = m_timings.connectEndNs;
    timings.sslStartNs = m_timings.sslStartNs;
    timings.sslEndNs = m_timings.sslEndNs;
}

// The ends are kept from the moment TCP connected: a connection that failed later (a TLS
// handshake that never finished) still names them after its socket is gone.
QString Transport::peerAddress() const
{
    return m_ends.peerAddress;
}

quint16 Transport::peerPort() const
{
    return m_ends.peerPort;
}

QString Transport::localAddress() const
{
    return m_ends.localAddress;
}

quint16 Transport::localPort() const
{
    return m_ends.localPort;
}

void Transport::open(const TransportOptions &options)
{
    dropSocket();
    if (m_socket)
        m_socket->deleteLater();
    m_socket = m_ssl = nullptr;
    m_options = options;
    m_tap = std::make_unique<Tap>(m_clock);
    m_timings = PhaseTimings();
    m_ends = Ends();
    m_tls = TlsInfo();
    m_addresses.clear();
    m_addressIndex = 0;
    m_proxyUrl.clear();
    m_phase = Phase::Idle;
    createSocket();
    if (options.connectTimeoutMs > 0)
        m_connectTimer.start(options.connectTimeoutMs);

    const QNetworkProxy &proxy = options.proxy;
    const bool httpProxy = proxy.type() == QNetworkProxy::HttpProxy;
    if (httpProxy && !options.tls && options.forwardPlainThroughHttpProxy) {
        // RFC 9112 §3.2.2: the request goes to the proxy itself, in absolute-form.
        m_proxyUrl = QStringLiteral("http://%1:%2").arg(proxy.hostName()).arg(proxy.port());
        m_socket->setProxy(QNetworkProxy::NoProxy);
        m_port = proxy.port();
        startLookup(proxy.hostName(), {});
        return;
    }
    if (httpProxy || proxy.type() == QNetworkProxy::Socks5Proxy) {
        // A tunnel: CONNECT (RFC 9110 §9.3.6) or SOCKS5 (RFC 1928), set up by Qt. The proxy
        // resolves the name, so there is no DNS phase of ours.
        m_proxyUrl = QStringLiteral("%1://%2:%3")
                         .arg(httpProxy ? QStringLiteral("http") : QStringLiteral("socks5"), proxy.hostName())
                         .arg(proxy.port());
        m_socket->setProxy(proxy);
        // From the event loop, like the other ways, so a caller connects its slots first.
        QMetaObject::invokeMethod(this, &Transport::connectThroughProxy, Qt::QueuedConnection);
        return;
    }
    m_socket->setProxy(QNetworkProxy::NoProxy);
    m_port = options.port;
    startLookup(options.host, options.resolveTo);
}

void Transport::createSocket()
{
    if (m_options.tls) {
        m_ssl = new QSslSocket(this);
        m_socket = m_ssl;
        m_unbuffered = false; // QSslSocket decrypts into its own buffer
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        if (!m_options.caCertificates.isEmpty())
            config.addCaCertificates(m_options.caCertificates);
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        config.setAllowedNextProtocols(m_options.alpn);
        m_ssl->setSslConfiguration(config);
        // RFC 6066 §3: SNI carries the name (Qt leaves it out for IP literals); the
        // certificate is checked against the same name (RFC 6125), whatever address we reach.
        m_ssl->setPeerVerifyName(m_options.host);
        connect(m_ssl, &QSslSocket::encrypted, this, &Transport::onEncrypted);
        connect(m_ssl, &QSslSocket::sslErrors, this, [this] {
            if (m_options.ignoreCertificateErrors)
                m_ssl->ignoreSslErrors(); // asked for explicitly; tlsInfoOf() still lists them
        });
    } else {
        m_ssl = nullptr;
        m_socket = new QTcpSocket(this);
        // Unbuffered: a read lands in our buffer and a write leaves at once (no extra copy,
        // no extra event-loop turn; docs/architecture.md).
        m_unbuffered = true;
    }
    connect(m_socket, &QTcpSocket::connected, this, &Transport::onSocketConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &Transport::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &Transport::onSocketDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &Transport::onSocketError);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Transport::onBytesWritten);
}

void Transport::startLookup(const QString &host, const QList<QHostAddress> &given)
{
    const QHostAddress literal(host);
    if (!literal.isNull() || !given.isEmpty()) {
        // An IP literal or addresses given beforehand: no lookup, the dns phase does not
        // apply (-1).
        m_addresses = literal.isNull() ? given : QList<QHostAddress>{literal};
        QMetaObject::invokeMethod(this, &Transport::connectToNextAddress, Qt::QueuedConnection);
        return;
    }
    m_timings.dnsStartNs = m_clock.nowNs();
    const QString lower = host.toLower();
    if (lower == u"localhost" || lower.endsWith(QLatin1String(".localhost"))) {
        // RFC 6761 §6.3: localhost names are the loopback addresses, never looked up (as
        // browsers do); the dns phase is then just this decision.
        m_addresses = {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)};
        m_timings.dnsEndNs = m_clock.nowNs();
        QMetaObject::invokeMethod(this, &Transport::connectToNextAddress, Qt::QueuedConnection);
        return;
    }
    setPhase(Phase::Resolving);
    m_lookupId = QHostInfo::lookupHost(host, this, &Transport::onLookedUp);
}

void Transport::onLookedUp(const QHostInfo &info)
{
    m_lookupId = -1;
    if (m_phase != Phase::Resolving)
        return;
    m_timings.dnsEndNs = m_clock.nowNs();
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        end(Failure::of(failures::DnsFailed, QStringLiteral("%1: %2").arg(info.hostName(), info.errorString())));
        return;
    }
    m_addresses = info.addresses();
    connectToNextAddress();
}

// Every address of the name in turn; their attempts together are the connect phase.
void Transport::connectToNextAddress()
{
    if (m_phase == Phase::Closed || !m_socket)
        return;
    if (m_timings.connectStartNs < 0)
        m_timings.connectStartNs = m_clock.nowNs();
    setPhase(Phase::Connecting);
    const QHostAddress &address = m_addresses.at(m_addressIndex);
    if (m_unbuffered)
        m_socket->connectToHost(address, m_port, QIODevice::ReadWrite | QIODevice::Unbuffered);
    else
        m_socket->connectToHost(address, m_port);
}

void Transport::connectThroughProxy()
{
    if (m_phase == Phase::Closed || !m_socket)
        return;
    m_timings.connectStartNs = m_clock.nowNs();
    setPhase(Phase::Connecting);
    if (m_unbuffered)
        m_socket->connectToHost(m_options.host, m_options.port, QIODevice::ReadWrite | QIODevice::Unbuffered);
    else
        m_socket->connectToHost(m_options.host, m_options.port);
}

void Transport::onSocketConnected()
{
    m_timings.connectEndNs = m_clock.nowNs();
    // Through a proxy tunnel the socket knows the target only by the name it was given.
    const QHostAddress peer = m_socket->peerAddress();
    m_ends = Ends{peer.isNull() ? m_socket->peerName() : peer.toString(), m_socket->peerPort(),
                  m_socket->localAddress().toString(), m_socket->localPort()};
    // Small writes (a request, a frame) matter more than coalescing, as curl and nginx do.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_ssl) {
        m_timings.sslStartNs = m_timings.connectEndNs;
        setPhase(Phase::TlsHandshake);
        m_ssl->startClientEncryption();
        return;
    }
    m_connectTimer.stop();
    setPhase(Phase::Connected);
    emit connected();
}

void Transport::onEncrypted()
{
    m_timings.sslEndNs = m_clock.nowNs();
    m_tls = tlsInfoOf(*m_ssl, m_options.ignoreCertificateErrors);
    m_connectTimer.stop();
    setPhase(Phase::Connected);
    emit connected();
}

std::optional<CapturedChunk> Transport::write(const QByteArray &bytes)
{
    if (!isConnected())
        return std::nullopt; // never sent, so never captured
    CapturedChunk chunk = m_tap->record(Direction::Out, bytes);
    m_socket->write(bytes);
    if (!m_unbuffered)
        m_socket->flush();
    return chunk;
}

void Transport::onBytesWritten()
{
    if (m_socket && m_socket->bytesToWrite() == 0)
        emit allWritten();
}

void Transport::onReadyRead()
{
    readAvailable(kReadsPerTurn);
}

void Transport::readAvailable(int maxReads)
{
    for (int reads = 0; m_phase == Phase::Connected; ++reads) {
        if (reads == maxReads) {
            // An unbuffered socket's notifier fires again by itself, after timers and other
            // sockets had their turn; a buffered (TLS) socket does not signal data it already
            // holds, so come back for it.
            if (!m_unbuffered)
                QMetaObject::invokeMethod(this, &Transport::onReadyRead, Qt::QueuedConnection);
            return;
        }
        if (!m_readBuffer.isDetached() || m_readBuffer.capacity() < kReadChunk)
            m_readBuffer = QByteArray(kReadChunk, Qt::Uninitialized); // the last chunk is still held
        else
            m_readBuffer.resize(kReadChunk);
        const qint64 n = m_socket->read(m_readBuffer.data(), kReadChunk);
        if (n <= 0) {
            if (n < 0)
                onReadFailed();
            return;
        }
        m_readBuffer.resize(n);
        emit received(m_tap->record(Direction::In, m_readBuffer));
        if (n < kReadChunk)
            return; // drained; an unbuffered socket's notifier fires again for more
    }
}

// An unbuffered socket reports the peer's FIN (or a reset) only through read() returning
// -1: no disconnected() signal follows, so the connection ends here.
void Transport::onReadFailed()
{
    if (!m_unbuffered || !m_socket || m_socket->state() != QAbstractSocket::UnconnectedState)
        return; // buffered (TLS) sockets signal disconnected() themselves
    const QAbstractSocket::SocketError error = m_socket->error();
    end(error == QAbstractSocket::RemoteHostClosedError ? Failure()
                                                        : socketFailure(error, true, m_socket->errorString(), m_tls));
}

void Transport::onSocketDisconnected()
{
    if (m_phase != Phase::Connected) {
        // The peer hung up in the TLS handshake (errorOccurred() usually said so first).
        end(socketFailure(QAbstractSocket::RemoteHostClosedError, false, m_socket->errorString(), m_tls));
        return;
    }
    // What a buffered socket still holds is read before the end is reported.
    if (!m_unbuffered && m_socket->bytesAvailable() > 0)
        readAvailable(std::numeric_limits<int>::max());
    end(Failure());
}

void Transport::onSocketError()
{
    if (!m_socket || m_phase == Phase::Closed)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (m_phase == Phase::Connected) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            return; // the peer ended TCP: disconnected() (or a failed read) follows
        end(socketFailure(error, true, m_socket->errorString(), m_tls));
        return;
    }
    if (m_phase == Phase::Connecting && m_addressIndex + 1 < m_addresses.size() && tryNextAddressAfter(error)) {
        ++m_addressIndex;
        m_socket->abort();
        connectToNextAddress();
        return;
    }
    if (m_ssl && m_phase == Phase::TlsHandshake)
        m_tls = tlsInfoOf(*m_ssl, m_options.ignoreCertificateErrors); // the chain and why it was refused
    end(socketFailure(error, false, m_socket->errorString(), m_tls));
}

void Transport::end(const Failure &failure)
{
    if (m_phase == Phase::Closed)
        return;
    dropSocket();
    setPhase(Phase::Closed);
    emit ended(failure);
}

void Transport::close()
{
    if (m_socket && m_phase == Phase::Connected)
        m_socket->disconnectFromHost();
}

void Transport::abort()
{
    dropSocket();
    m_phase = Phase::Closed;
}

// Stops whatever is under way without a signal; the socket stays (peer and local address
// remain readable) until the next open() or the transport's end.
void Transport::dropSocket()
{
    m_connectTimer.stop();
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

#include "core/net/transport.h"
#include "core/session/sessionclock.h"
#include "tests/peers/tunnelproxy.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QScopeGuard>
#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <memory>
#include <optional>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace wirescope;

namespace {

const int kWait = 20000;

QString certPath(const char *name)
{
    return QStringLiteral(WIRESCOPE_SOURCE_DIR "/tests/peers/certs/") + QString::fromLatin1(name);
}

QList<QSslCertificate> testCa()
{
    return QSslCertificate::fromPath(certPath("ca.crt"));
}

// Everything a transport reported, in order.
struct Events : QObject {
    QList<Transport::Phase> phases;
    bool connected = false;
    std::vector<CapturedChunk> chunks;
    QByteArray in;
    std::optional<Failure> ended;

    explicit Events(Transport &transport)
    {
        connect(&transport, &Transport::phaseChanged, this, [this](Transport::Phase p) { phases << p; });
        connect(&transport, &Transport::connected, this, [this] { connected = true; });
        connect(&transport, &Transport::received, this, [this](const CapturedChunk &c) {
            chunks.push_back(c);
            in += c.bytes;
        });
        connect(&transport, &Transport::ended, this, [this](const Failure &f) { ended = f; });
    }
    bool settled() const { return connected || ended.has_value(); }
    QString endedId() const { return ended ? (ended->isNull() ? QStringLiteral("(none)") : ended->id()) : QStringLiteral("(open)"); }
};

// A transport on a clock of its own, and what it reported.
struct Client {
    SessionClock clock;
    Transport transport{clock};
    Events events{transport};
};

// A server on 127.0.0.1, plain or TLS (the test certificate for "localhost"): sends
// `greeting` to each connection, then closes it when `closeAfterGreeting`; records what it
// received.
class PeerServer : public QObject
{
public:
    PeerServer(bool tls, QByteArray greeting = {}, bool closeAfterGreeting = false)
        : m_greeting(std::move(greeting))
        , m_close(closeAfterGreeting)
    {
        if (tls) {
            auto *server = new QSslServer(this);
            QSslConfiguration config = QSslConfiguration::defaultConfiguration();
            QFile cert(certPath("localhost.crt"));
            QFile key(certPath("localhost.key"));
            cert.open(QIODevice::ReadOnly);
            key.open(QIODevice::ReadOnly);
            config.setLocalCertificate(QSslCertificate(&cert, QSsl::Pem));
            config.setPrivateKey(QSslKey(&key, QSsl::Rsa, QSsl::Pem));
            config.setPeerVerifyMode(QSslSocket::VerifyNone);
            config.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
            server->setSslConfiguration(config);
            m_server = server;
        } else {
            m_server = new QTcpServer(this);
        }
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *s = m_server->nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { m_received += s->readAll(); });
                if (!m_greeting.isEmpty())
                    s->write(m_greeting);
                if (m_close)
                    s->disconnectFromHost(); // after the greeting has left
            }
        });
    }
    bool listen(const QHostAddress &address = QHostAddress::LocalHost) { return m_server->listen(address, 0); }
    quint16 port() const { return m_server->serverPort(); }
    QByteArray received() const { return m_received; }

private:
    QTcpServer *m_server = nullptr;
    QByteArray m_greeting;
    bool m_close = false;
    QByteArray m_received;
};

// A port whose SYNs go unanswered: a listening socket (backlog 0) that never accepts, its
// queue filled, so further connects hang instead of being refused. Stays on loopback.
struct Blackhole {
    int listener = -1;
    std::vector<int> fillers;
    quint16 port = 0;

    Blackhole()
    {
        listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (::bind(listener, reinterpret_cast<sockaddr *>(&address), length) != 0 || ::listen(listener, 0) != 0
            || ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return;
        port = ntohs(address.sin_port);
        std::vector<pollfd> pending;
        for (int i = 0; i < 8; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            ::connect(fd, reinterpret_cast<sockaddr *>(&address), length); // EINPROGRESS
            fillers.push_back(fd);
            pending.push_back(pollfd{fd, POLLOUT, 0});
        }
        ::poll(pending.data(), pending.size(), 200); // the queue takes what it takes
    }
    ~Blackhole()
    {
        for (int fd : fillers)
            ::close(fd);
        if (listener >= 0)
            ::close(listener);
    }
};

TransportOptions optionsFor(const QString &host, quint16 port)
{
    TransportOptions options;
    options.host = host;
    options.port = port;
    return options;
}

} // namespace

class TestTransport : public QObject
{
    Q_OBJECT
private slots:
    void dnsIsAPhaseOfItsOwn_data();
    void dnsIsAPhaseOfItsOwn();
    void triesEveryAddressOfTheName_data();
    void triesEveryAddressOfTheName();
    void connectTimeoutCoversAConnectNobodyAnswers();
    void aConnectTimeoutNamesAStalledTlsHandshake();
    void tlsFactsAndCertificateChecks_data();
    void tlsFactsAndCertificateChecks();
    void proxiesCarryTheConnection_data();
    void proxiesCarryTheConnection();
    void readsEveryByteInOrderThenTheEnd_data();
    void readsEveryByteInOrderThenTheEnd();
    void writesGoThroughTheTapFirst();
};

void TestTransport::dnsIsAPhaseOfItsOwn_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("dnsPhase");
    QTest::addColumn<bool>("lookedUp");
    QTest::addColumn<QString>("failure");
    QTest::newRow("an IP literal is not looked up") << QStringLiteral("127.0.0.1") << false << false << QString();
    QTest::newRow("localhost is loopback without a lookup (RFC 6761)") << QStringLiteral("localhost") << true << false << QString();
    QTest::newRow("a name under .localhost too") << QStringLiteral("api.LocalHost") << true << false << QString();
    QTest::newRow("a name that does not resolve fails in its lookup") << QStringLiteral("nothing.invalid") << true << true
                                                                      << QStringLiteral("dns.failed");
}

void TestTransport::dnsIsAPhaseOfItsOwn()
{
    QFETCH(QString, host);
    QFETCH(bool, dnsPhase);
    QFETCH(bool, lookedUp);
    QFETCH(QString, failure);
    PeerServer server(false);
    QVERIFY(server.listen());
    Client client;
    Transport &transport = client.transport;
    Events &events = client.events;
    TransportOptions options = optionsFor(host, server.port());
    options.connectTimeoutMs = 0; // a slow resolver must not turn into a connect timeout here
    transport.open(options);
    QTRY_VERIFY_WITH_TIMEOUT(events.settled(), kWait);
    QCOMPARE(events.phases.contains(Transport::Phase::Resolving), lookedUp);
    const PhaseTimings &t = transport.timings();
    if (dnsPhase) {
        QVERIFY(t.dnsStartNs >= 0);
        QVERIFY(t.dnsEndNs >= t.dnsStartNs);
    } else {
        QCOMPARE(t.dnsStartNs, -1);
        QCOMPARE(t.dnsNs(), -1);
    }
    if (!failure.isEmpty()) {
        QCOMPARE(events.endedId(), failure);
        QVERIFY(events.ended->message().contains(host));
        QCOMPARE(t.connectStartNs, -1);
        return;
    }
    QVERIFY2(events.connected, qPrintable(events.endedId()));
    QCOMPARE(transport.peerAddress(), QStringLiteral("127.0.0.1"));
    QVERIFY(t.connectStartNs >= std::max(t.dnsEndNs, qint64(0)));
    QVERIFY(t.connectEndNs >= t.connectStartNs);
    QCOMPARE(t.sslStartNs, -1);
}

void TestTransport::triesEveryAddressOfTheName_data()
{
    QTest::addColumn<QList<QHostAddress>>("addresses");
    QTest::addColumn<QString>("connectedTo");
    QTest::addColumn<QString>("failure");
    // The server listens on 127.0.0.1 only: 127.0.0.2 (loopback too) refuses.
    QTest::newRow("the first address refuses, the second answers")
        << QList<QHostAddress>{QHostAddress(QStringLiteral("127.0.0.2")), QHostAddress(QHostAddress::LocalHost)}
        << QStringLiteral("127.0.0.1") << QString();
    QTest::newRow("every address refuses") << QList<QHostAddress>{QHostAddress(QStringLiteral("127.0.0.2")),
                                                                  QHostAddress(QStringLiteral("127.0.0.3"))}
                                           << QString() << QStringLiteral("connect.refused");
}

void TestTransport::triesEveryAddressOfTheName()
{
    QFETCH(QList<QHostAddress>, addresses);
    QFETCH(QString, connectedTo);
    QFETCH(QString, failure);
    PeerServer server(false);
    QVERIFY(server.listen());
    Client client;
    Transport &transport = client.transport;
    Events &events = client.events;
    TransportOptions options = optionsFor(QStringLiteral("service.test"), server.port());
    options.resolveTo = addresses;
    transport.open(options);
    QTRY_VERIFY_WITH_TIMEOUT(events.settled(), kWait);
    const PhaseTimings &t = transport.timings();
    QCOMPARE(t.dnsNs(), -1); // given, not looked up
    // One connect phase for every attempt: it starts with the first address.
    QCOMPARE(events.phases.count(Transport::Phase::Connecting), 1);
    QVERIFY(t.connectStartNs >= 0);
    if (!failure.isEmpty()) {
        QCOMPARE(events.endedId(), failure);
        QCOMPARE(t.connectEndNs, -1);
        return;
    }
    QVERIFY2(events.connected, qPrintable(events.endedId()));
    QCOMPARE(transport.peerAddress(), connectedTo);
    QVERIFY(t.connectEndNs >= t.connectStartNs);
}

void TestTransport::connectTimeoutCoversAConnectNobodyAnswers()
{
    Blackhole blackhole;
    QVERIFY(blackhole.port != 0);
    Client client;
    Transport &transport = client.transport;
    Events &events = client.events;
    TransportOptions options = optionsFor(QStringLiteral("127.0.0.1"), blackhole.port);
    options.connectTimeoutMs = 300;
    transport.open(options);
    QTRY_VERIFY_WITH_TIMEOUT(events.settled(), kWait);
    QVERIFY2(!events.connected, "the blackhole accepted the connection: this test needs SYNs to go unanswered");
    QCOMPARE(events.endedId(), QStringLiteral("connect.timeout"));
    QVERIFY(events.ended->message().contains(QStringLiteral("300 ms")));
    QVERIFY2(events.ended->message().contains(QStringLiteral("the TCP connect was not answered")), qPrintable(events.ended->message()));
    QVERIFY(transport.timings().connectStartNs >= 0);
    QCOMPARE(transport.timings().connectEndNs, -1);
    QCOMPARE(transport.phase(), Transport::Phase::Closed);
}

void TestTransport::aConnectTimeoutNamesAStalledTlsHandshake()
{
    // An https:// URL aimed at a plain server that never answers a ClientHello: TCP is up,
    // the handshake waits. The failure says so instead of "no answer".
    PeerServer silent(false);
    QVERIFY(silent.listen());
    Client client;
    TransportOptions options = optionsFor(QStringLiteral("localhost"), silent.port());
    options.tls = true;
    options.connectTimeoutMs = 300;
    QElapsedTimer waited;
    waited.start();
    client.transport.open(options);
    QTRY_VERIFY_WITH_TIMEOUT(client.events.settled(), kWait);
    // Never before the limit the user set (a coarse timer may fire 5 % early).
    QVERIFY2(waited.elapsed() >= 300, qPrintable(QString::number(waited.elapsed())));
    QCOMPARE(client.events.endedId(), QStringLiteral("connect.timeout"));
    QVERIFY2(client.events.ended->message().contains(QStringLiteral("TCP connected, the TLS handshake did not finish")),
             qPrintable(client.events.ended->message()));
    const PhaseTimings t = client.transport.timings();
    QVERIFY(t.connectEndNs >= t.connectStartNs && t.connectStartNs >= 0);
    QVERIFY(t.sslStartNs >= t.connectEndNs);
    QCOMPARE(t.sslEndNs, -1);
    // The ends TCP connected are still named after the socket is gone.
    QCOMPARE(client.transport.peerAddress(), QStringLiteral("127.0.0.1"));
    QCOMPARE(client.transport.peerPort(), silent.port());
    QVERIFY(client.transport.localPort() != 0);
}

void TestTransport::tlsFactsAndCertificateChecks_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("trustCa");
    QTest::addColumn<bool>("ignoreErrors");
    QTest::addColumn<QList<QByteArray>>("alpnOffer");
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QByteArray>("alpn");
    const QList<QByteArray> http11{QByteArrayLiteral("http/1.1")};
    QTest::newRow("a trusted CA: every fact, no error") << QStringLiteral("localhost") << true << false << http11 << QString()
                                                        << QByteArray("http/1.1");
    QTest::newRow("an untrusted certificate is refused, its chain and errors kept")
        << QStringLiteral("localhost") << false << false << http11 << QStringLiteral("tls.certificate") << QByteArray();
    QTest::newRow("a name the certificate does not carry is refused")
        << QStringLiteral("api.localhost") << true << false << http11 << QStringLiteral("tls.certificate") << QByteArray();
    QTest::newRow("ignored errors: connected, the errors still listed")
        << QStringLiteral("127.0.0.1") << false << true << http11 << QString() << QByteArray("http/1.1");
    QTest::newRow("no ALPN offer, nothing negotiated") << QStringLiteral("localhost") << true << false << QList<QByteArray>()
                                                       << QString() << QByteArray();
}

void TestTransport::tlsFactsAndCertificateChecks()
{
    QFETCH(QString, host);
    QFETCH(bool, trustCa);
    QFETCH(bool, ignoreErrors);
    QFETCH(QList<QByteArray>, alpnOffer);
    QFETCH(QString, failure);
    QFETCH(QByteArray, alpn);
    PeerServer server(true);
    QVERIFY(server.listen());
    Client client;
    Transport &transport = client.transport;
    Events &events = client.events;
    TransportOptions options = optionsFor(host, server.port());
    options.tls = true;
    if (trustCa)
        options.caCertificates = testCa();
    options.ignoreCertificateErrors = ignoreErrors;
    options.alpn = alpnOffer;
    transport.open(options);
    QTRY_VERIFY_WITH_TIMEOUT(events.settled(), kWait);
    const TlsInfo &tls = transport.tls();
    const PhaseTimings &t = transport.timings();
    QVERIFY(tls.used);
    QVERIFY(!tls.chain.isEmpty()); // also of a refused certificate
    QVERIFY(tls.chain.first().subjectAltNames.contains(QStringLiteral("DNS:localhost")));
    QCOMPARE(t.sslStartNs, t.connectEndNs); // TLS starts when TCP is up
    if (!failure.isEmpty()) {
        QCOMPARE(events.endedId(), failure);
        QVERIFY(!tls.errors.isEmpty());
        QVERIFY(events.ended->message().contains(tls.errors.first().message));
        QVERIFY(!tls.errorsIgnored);
        QCOMPARE(t.sslEndNs, -1);
        return;
    }
    QVERIFY2(events.connected, qPrintable(events.endedId() + u' ' + (events.ended ? events.ended->message() : QString())));
    QVERIFY(tls.protocol.startsWith(QStringLiteral("TLSv1.")));
    QVERIFY(!tls.cipher.isEmpty());
    QCOMPARE(tls.alpn, alpn);
    QCOMPARE(tls.errorsIgnored, ignoreErrors);
    QCOMPARE(tls.errors.isEmpty(), !ignoreErrors); // ignored, never hidden
    if (ignoreErrors)
        QVERIFY(tls.errors.first().id.startsWith(QStringLiteral("tls.")));
    QVERIFY(t.sslEndNs >= t.sslStartNs);
    // The TLS connection carries bytes like any other.
    QVERIFY(transport.write("over tls"));
    QTRY_COMPARE_WITH_TIMEOUT(server.received(), QByteArray("over tls"), kWait);
}

void TestTransport::proxiesCarryTheConnection_data()
{
    QTest::addColumn<int>("proxyType"); // QNetworkProxy::ProxyType
    QTest::addColumn<bool>("forward");
    QTest::addColumn<bool>("tls");
    QTest::newRow("plain TCP forwarded to an HTTP proxy itself") << int(QNetworkProxy::HttpProxy) << true << false;
    QTest::newRow("plain TCP through an HTTP CONNECT tunnel") << int(QNetworkProxy::HttpProxy) << false << false;
    QTest::newRow("TLS through an HTTP CONNECT tunnel, even when plain would be forwarded")
        << int(QNetworkProxy::HttpProxy) << true << true;
    QTest::newRow("plain TCP through SOCKS5") << int(QNetworkProxy::Socks5Proxy) << false << false;
    QTest::newRow("TLS through SOCKS5") << int(QNetworkProxy::Socks5Proxy) << false << true;
}

void TestTransport::proxiesCarryTheConnection()
{
    QFETCH(int, proxyType);
    QFETCH(bool, forward);
    QFETCH(bool, tls);
    PeerServer target(tls, "hello from the target");
    QVERIFY(target.listen());
    test::TunnelProxy tunnel(proxyType == QNetworkProxy::Socks5Proxy ? test::TunnelProxy::Kind::Socks5
                                                                     : test::TunnelProxy::Kind::HttpConnect);
    QVERIFY(tunnel.listen());
    const bool forwarded = forward && !tls;
    // Forwarded, the "proxy" is where requests go: here the target itself stands in for it.
    const quint16 proxyPort = forwarded ? target.port() : tunnel.port();
    Client client;
    Transport &transport = client.transport;
    Events &events = client.events;
    TransportOptions options = optionsFor(QStringLiteral("localhost"), forwarded ? 1 : target.port());
    options.tls = tls;
    options.caCertificates = testCa();
    options.proxy = QNetworkProxy(QNetworkProxy::ProxyType(proxyType), QStringLiteral("127.0.0.1"), proxyPort);
    options.forwardPlainThroughHttpProxy = forward;
    transport.open(options);
    QTRY_VERIFY_WITH_TIMEOUT(events.settled(), kWait);
    QVERIFY2(events.connected, qPrintable(events.endedId() + u' ' + (events.ended ? events.ended->message() : QString())));
    QTRY_COMPARE_WITH_TIMEOUT(events.in, QByteArray("hello from the target"), kWait);
    const QString scheme = proxyType == QNetworkProxy::Socks5Proxy ? QStringLiteral("socks5") : QStringLiteral("http");
    QCOMPARE(transport.proxyUrl(), QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(proxyPort));
    // A tunnel's proxy resolves the name; forwarding looks up the proxy's own address (a literal).
    QCOMPARE(transport.timings().dnsNs(), -1);
    QCOMPARE(tunnel.requests().size(), forwarded ? 0 : 1);
    if (!forwarded)
        QVERIFY2(tunnel.requests().first().startsWith(QByteArray("CONNECT localhost:" + QByteArray::number(target.port()))),
                 tunnel.requests().first().constData());
    QCOMPARE(transport.tls().used, tls);
}

void TestTransport::readsEveryByteInOrderThenTheEnd_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("plain TCP (unbuffered: several turns of reads, the FIN is a failed read)") << false;
    QTest::newRow("TLS (buffered: the close is a signal)") << true;
}

void TestTransport::readsEveryByteInOrderThenTheEnd()
{
    QFETCH(bool, tls);
    // 3 MiB, more than one event-loop turn reads (Transport::kReadsPerTurn), sent by a
    // server on a thread of its own while the client is busy: bytes and the close pile up
    // in the kernel and are read over several turns, none lost, none reordered.
    QByteArray payload(3 * 1024 * 1024 + 123, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(i * 7 + i / 251);
    QThread serverThread;
    auto server = std::make_unique<PeerServer>(tls, payload, true);
    QVERIFY(server->listen());
    server->moveToThread(&serverThread);
    serverThread.start();
    const auto stop = qScopeGuard([&] {
        serverThread.quit();
        serverThread.wait();
    });
    Client client;
    Transport &transport = client.transport;
    Events &events = client.events;
    TransportOptions options = optionsFor(QStringLiteral("localhost"), server->port());
    options.tls = tls;
    options.caCertificates = testCa();
    transport.open(options);
    QTRY_VERIFY_WITH_TIMEOUT(events.settled(), kWait);
    QVERIFY2(events.connected, qPrintable(events.endedId()));
    QThread::msleep(500); // busy
    QTRY_VERIFY_WITH_TIMEOUT(events.ended.has_value(), kWait);
    QVERIFY2(events.ended->isNull(), qPrintable(events.endedId() + u' ' + events.ended->message()));
    QCOMPARE(events.in.size(), payload.size());
    QVERIFY(events.in == payload);
    // Each chunk is one read, stamped in order, its offset where the previous one ended.
    qint64 offset = 0;
    qint64 lastT = 0;
    for (const CapturedChunk &c : events.chunks) {
        QCOMPARE(c.direction, Direction::In);
        QVERIFY(c.bytes.size() <= Transport::kReadChunk);
        QCOMPARE(c.streamOffset, offset);
        QVERIFY(c.tNs >= lastT);
        offset += c.bytes.size();
        lastT = c.tNs;
    }
    QCOMPARE(transport.tap().bytesIn(), payload.size());
    QCOMPARE(transport.phase(), Transport::Phase::Closed);
}

void TestTransport::writesGoThroughTheTapFirst()
{
    PeerServer server(false);
    QVERIFY(server.listen());
    Client client;
    Transport &transport = client.transport;
    Events &events = client.events;
    transport.open(optionsFor(QStringLiteral("127.0.0.1"), server.port()));
    QVERIFY(!transport.write("too early")); // not connected: neither sent nor recorded
    QCOMPARE(transport.tap().bytesOut(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(events.settled(), kWait);
    QVERIFY(events.connected);
    const std::optional<CapturedChunk> first = transport.write("first ");
    const std::optional<CapturedChunk> second = transport.write("second");
    QVERIFY(first && second);
    QCOMPARE(first->direction, Direction::Out);
    QCOMPARE(first->streamOffset, 0);
    QCOMPARE(second->streamOffset, 6);
    QVERIFY(first->tNs >= transport.timings().connectEndNs);
    QVERIFY(second->tNs >= first->tNs);
    QCOMPARE(transport.tap().bytesOut(), 12);
    QTRY_COMPARE_WITH_TIMEOUT(server.received(), QByteArray("first second"), kWait);
    transport.close();
    QTRY_VERIFY_WITH_TIMEOUT(events.ended.has_value(), kWait);
    QVERIFY(events.ended->isNull()); // closed by us, in order
    QVERIFY(!transport.write("too late"));
    QCOMPARE(transport.tap().bytesOut(), 12);
}

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"

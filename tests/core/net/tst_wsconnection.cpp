#include "core/net/tap.h"
#include "core/net/wsconnection.h"
#include "core/session/session.h"
#include "core/wire/wsframeparser.h"
#include "core/wire/wshandshake.h"
#include "core/wire/wsframewriter.h"
#include "tests/peers/demopeer.h"
#include "tests/peers/nginxpeer.h"
#include "tests/peers/pythonwspeer.h"
#include "tests/peers/tunnelproxy.h"

#include <QFile>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QRandomGenerator>
#include <QTest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>
#include <optional>

using namespace wirescope;

namespace {

const int kWait = 10000;

QString certPath(const char *name)
{
    return QStringLiteral(WIRESCOPE_SOURCE_DIR "/tests/peers/certs/") + QString::fromLatin1(name);
}

// Everything a connection reported, in order.
struct EventLog : QObject {
    std::vector<WsFrameEvent> frames;
    std::vector<WsMessageEvent> messages;
    std::vector<WsViolationEvent> violations;
    std::vector<WsPongEvent> pongs;
    std::vector<WsErrorEvent> errors;
    std::vector<WsHandshakeRecord> handshakes;
    std::vector<WsCloseRecord> closes;
    QList<WsConnectionState> states;

    explicit EventLog(WsConnection &c)
    {
        connect(&c, &WsConnection::frameDecoded, this, [this](const WsFrameEvent &e) { frames.push_back(e); });
        connect(&c, &WsConnection::messageDecoded, this, [this](const WsMessageEvent &e) { messages.push_back(e); });
        connect(&c, &WsConnection::violationFound, this, [this](const WsViolationEvent &e) { violations.push_back(e); });
        connect(&c, &WsConnection::pongReceived, this, [this](const WsPongEvent &e) { pongs.push_back(e); });
        connect(&c, &WsConnection::errorOccurred, this, [this](const WsErrorEvent &e) { errors.push_back(e); });
        connect(&c, &WsConnection::handshakeFinished, this, [this](const WsHandshakeRecord &r) { handshakes.push_back(r); });
        connect(&c, &WsConnection::closed, this, [this](const WsCloseRecord &r) { closes.push_back(r); });
        connect(&c, &WsConnection::stateChanged, this, [this](WsConnectionState s) { states << s; });
    }
    int messagesIn() const
    {
        return int(std::count_if(messages.begin(), messages.end(), [](const WsMessageEvent &m) { return m.direction == Direction::In; }));
    }
    QStringList violationIds(Direction direction) const
    {
        QStringList ids;
        for (const WsViolationEvent &v : violations)
            if (v.direction == direction)
                ids << v.violation.id();
        return ids;
    }
    // Opens and waits until the connection is open; false when it ended instead
    // (errorsText() then says why).
    bool openAndWait(WsConnection &connection, const WsConnectOptions &options) const
    {
        connection.open(options);
        const bool settled = QTest::qWaitFor(
            [&] { return connection.state() == WsConnectionState::Open || !closes.empty(); }, kWait);
        return settled && connection.state() == WsConnectionState::Open;
    }
    QString errorsText() const
    {
        QStringList out;
        for (const WsErrorEvent &e : errors)
            out << e.failure.id() + u": " + e.failure.message();
        return out.join(u"; ");
    }
};

// QWebSocketServer as the independent reference peer: echoes, and closes on request.
class QtEchoServer : public QObject
{
public:
    explicit QtEchoServer(bool tls = false)
        : m_server(QStringLiteral("echo"), tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode)
    {
        if (tls) {
            QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
            QFile cert(certPath("localhost.crt"));
            QFile key(certPath("localhost.key"));
            cert.open(QIODevice::ReadOnly);
            key.open(QIODevice::ReadOnly);
            conf.setLocalCertificate(QSslCertificate(&cert, QSsl::Pem));
            conf.setPrivateKey(QSslKey(&key, QSsl::Rsa, QSsl::Pem));
            conf.setPeerVerifyMode(QSslSocket::VerifyNone);
            m_server.setSslConfiguration(conf);
        }
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QWebSocket::textMessageReceived, s, [s](const QString &text) {
                    if (text.startsWith(u"close:")) {
                        s->close(QWebSocketProtocol::CloseCode(text.mid(6).toInt()), QStringLiteral("server says bye"));
                        return;
                    }
                    s->sendTextMessage(text);
                });
                connect(s, &QWebSocket::binaryMessageReceived, s, [s](const QByteArray &data) { s->sendBinaryMessage(data); });
                connect(s, &QWebSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const char *scheme = "ws") const
    {
        return QUrl(QString::fromLatin1(scheme) + QStringLiteral("://127.0.0.1:") + QString::number(port()) + QStringLiteral("/echo"));
    }

private:
    QWebSocketServer m_server;
};

// A hand-written server for what a well-behaved peer never does: it answers the handshake
// (or not) and then writes the given bytes.
class RawServer : public QObject
{
public:
    enum class Mode { Upgrade, Reply, Silent };
    RawServer(Mode mode, QByteArray afterHandshake)
        : m_mode(mode)
        , m_after(std::move(afterHandshake))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = m_server.nextPendingConnection();
            s->setParent(this);
            connect(s, &QTcpSocket::readyRead, s, [this, s] {
                m_received += s->readAll();
                if (m_answered || !m_received.contains("\r\n\r\n"))
                    return;
                m_answered = true;
                if (m_mode == Mode::Silent)
                    return;
                if (m_mode == Mode::Reply) {
                    s->write(m_after);
                    s->disconnectFromHost();
                    return;
                }
                QByteArray key;
                for (const QByteArray &line : m_received.split('\n'))
                    if (line.toLower().startsWith("sec-websocket-key:"))
                        key = line.mid(18).trimmed();
                s->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Accept: " + wsAcceptFor(key) + "\r\n\r\n" + m_after);
                m_socket = s;
            });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:") + QString::number(m_server.serverPort()) + u'/'); }
    QByteArray received() const { return m_received; }
    void write(const QByteArray &bytes) { if (m_socket) m_socket->write(bytes); }
    void closeTcp() { if (m_socket) m_socket->disconnectFromHost(); }

private:
    QTcpServer m_server;
    Mode m_mode;
    QByteArray m_after;
    QByteArray m_received;
    bool m_answered = false;
    QTcpSocket *m_socket = nullptr;
};

WsConnectOptions optionsFor(const QUrl &url)
{
    WsConnectOptions options;
    options.url = url;
    return options;
}

} // namespace

class TestWsConnection : public QObject
{
    Q_OBJECT
private slots:
    void echoesAgainstQWebSocketServerAndClosesCleanly();
    void serverInitiatedCloseIsEchoed();
    void serverInitiatedCloseHonoursTheCloseTimeout_data();
    void serverInitiatedCloseHonoursTheCloseTimeout();
    void handshakeRecordsEveryConnectPhase_data();
    void handshakeRecordsEveryConnectPhase();
    void sendingFromAMessageSlotIsSafe();
    void aBurstOfSendsLeavesInOneWrite();
    void peerEndingTcpWithoutCloseIsAbnormal();
    void wssWithTrustedCaShowsTlsFacts();
    void wssCertificateErrorsFailUnlessIgnored();
    void peerViolationsFailWithTheRfcCloseCode_data();
    void peerViolationsFailWithTheRfcCloseCode();
    void keepInspectingRecordsAndGoesOn();
    void refusalIsReportedAsHttpResponse();
    void chunkedRefusalShowsTheDecodedBodyAndKeepsTheRawBytes();
    void closeDelimitedRefusalEndsWithTheClose();
    void aCloseDelimitedRefusalsLastByteIsItsLastRead();
    void bareLfAnswerIsRejectedByDefault();
    void aFrameInTheSameChunkAsThe101IsRead();
    void anOverLongHeadFailsAtTheLimit();
    void handshakeTimeoutIsAnError();
    void refusedConnectionIsAnError();
    void autoPongCanBeSwitchedOff();
    void proxiesTunnelTheConnection_data();
    void proxiesTunnelTheConnection();
    void pythonWebsocketsWithDeflate();
    void pythonWebsocketsWithoutDeflate();
    void pythonWebsocketsLimitingOurWindowTo8Bits();
    void aFloodingPeerDoesNotStarveTheEventLoop();
    void automaticPingsMeasureTheRoundTrip();
    void survivesRandomStreamsFromAHostileServer();
    void pythonWebsocketsOverTls();
    void nginxWebSocketProxy();
    void demoServerEcho();
};

void TestWsConnection::echoesAgainstQWebSocketServerAndClosesCleanly()
{
    QtEchoServer server;
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    QVERIFY2(rec.openAndWait(connection, optionsFor(server.url())), qPrintable(rec.errorsText()));
    QCOMPARE(rec.handshakes.size(), size_t(1));
    const WsHandshakeRecord &hs = rec.handshakes.front();
    QVERIFY(hs.verdict.ok);
    QVERIFY(hs.verdict.accept.match);
    QCOMPARE(hs.response.status, 101);
    QVERIFY(hs.requestBytes.startsWith("GET /echo HTTP/1.1\r\n"));
    QVERIFY(!hs.tls.used);

    QVERIFY(connection.sendText(QStringLiteral("h\u00e9llo")));
    QVERIFY(connection.sendBinary(QByteArray::fromHex("00ff10")));
    QVERIFY(connection.sendText(QStringLiteral("fragmented message"), 4));
    QVERIFY(connection.ping("p1"));
    QTRY_VERIFY_WITH_TIMEOUT(rec.messagesIn() == 3 && rec.pongs.size() == 1, kWait);

    QStringList in;
    for (const WsMessageEvent &m : rec.messages)
        if (m.direction == Direction::In)
            in << QString::fromUtf8(m.message.payload.toHex());
    QCOMPARE(in, (QStringList{QString::fromLatin1(QByteArray("h\xc3\xa9llo").toHex()), QStringLiteral("00ff10"),
                              QString::fromLatin1(QByteArray("fragmented message").toHex())}));
    QCOMPARE(rec.pongs.front().payload, QByteArray("p1"));
    QVERIFY(rec.pongs.front().rttNs > 0);

    // Outgoing frames are masked (fresh keys), incoming ones are not; the fragmented
    // message went out as 5 frames.
    int outData = 0;
    for (const WsFrameEvent &f : rec.frames) {
        QCOMPARE(f.frame.header.masked, f.direction == Direction::Out);
        if (f.direction == Direction::Out && !f.frame.header.isControl())
            ++outData;
    }
    QCOMPARE(outData, 1 + 1 + 5);
    QVERIFY(rec.violations.empty());

    QVERIFY(connection.close(1000, QStringLiteral("done")));
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    const WsCloseRecord &c = rec.closes.front();
    QVERIFY2(c.clean, qPrintable(c.failure.id()));
    QCOMPARE(c.initiator, WsCloseInitiator::Client);
    QCOMPARE(c.sentCode.value_or(0), 1000);
    QCOMPARE(c.sentReason, QStringLiteral("done"));
    QCOMPARE(c.receivedCode.value_or(0), 1000);
    QCOMPARE(c.code, 1000);
    QCOMPARE(rec.states.last(), WsConnectionState::Closed);

    // The Tap saw every byte: what came in is the 101 head plus every incoming frame.
    qint64 inFrameBytes = 0;
    for (const WsFrameEvent &f : rec.frames)
        if (f.direction == Direction::In)
            inFrameBytes += f.frame.wireSize();
    QCOMPARE(connection.tap().bytesIn(), hs.responseBytes.size() + inFrameBytes);
}

void TestWsConnection::sendingFromAMessageSlotIsSafe()
{
    // A slot that answers each message (the CLI's --echo, a UI's auto-reply) re-enters the
    // connection while it is still handing out the events of one read.
    QtEchoServer server;
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    int replies = 0;
    connect(&connection, &WsConnection::messageDecoded, this, [&](const WsMessageEvent &e) {
        if (e.direction != Direction::In)
            return;
        if (++replies < 3000)
            connection.sendText(QStringLiteral("again %1").arg(replies), 3);
        else
            connection.close(1000);
    });
    connection.open(optionsFor(server.url()));
    QTRY_VERIFY_WITH_TIMEOUT(connection.state() == WsConnectionState::Open, kWait);
    for (int i = 0; i < 8; ++i) // several in flight, so reads carry several messages
        connection.sendText(QStringLiteral("start"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), 60000);
    QVERIFY(rec.closes.front().clean);
    QVERIFY(replies >= 3000);
    QVERIFY(rec.violations.empty());
}

void TestWsConnection::serverInitiatedCloseIsEchoed()
{
    QtEchoServer server;
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    connection.open(optionsFor(server.url()));
    QTRY_VERIFY_WITH_TIMEOUT(connection.state() == WsConnectionState::Open, kWait);
    connection.sendText(QStringLiteral("close:4001"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    const WsCloseRecord &c = rec.closes.front();
    QCOMPARE(c.initiator, WsCloseInitiator::Server);
    QCOMPARE(c.receivedCode.value_or(0), 4001);
    QCOMPARE(c.receivedReason, QStringLiteral("server says bye"));
    QCOMPARE(c.sentCode.value_or(0), 4001); // RFC 6455 §5.5.1: echoed
    QVERIFY2(c.clean, qPrintable(c.failure.id()));
    QCOMPARE(c.code, 4001);
}

void TestWsConnection::serverInitiatedCloseHonoursTheCloseTimeout_data()
{
    QTest::addColumn<int>("closeTimeoutMs");
    QTest::addColumn<int>("checkAfterMs");
    // The server sends its close frame and then keeps TCP open. RFC 6455 §7.1.1 leaves the
    // server a moment (500 ms) to close TCP first; the user's close timeout bounds the
    // whole closing. Each row checks, from a timer of its own started at the same instant,
    // that the connection was over before that timer fired.
    QTest::newRow("a close timeout shorter than the RFC's moment ends it first") << 100 << 300;
    QTest::newRow("a long close timeout: the RFC's moment ends it") << 10000 << 1000;
    QTest::newRow("no close timeout: the RFC's moment still ends it") << 0 << 1000;
}

void TestWsConnection::serverInitiatedCloseHonoursTheCloseTimeout()
{
    QFETCH(int, closeTimeoutMs);
    QFETCH(int, checkAfterMs);
    RawServer server(RawServer::Mode::Upgrade, QByteArray::fromHex("880203e8")); // close 1000
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    WsConnectOptions options = optionsFor(server.url());
    options.closeTimeoutMs = closeTimeoutMs;
    std::optional<bool> endedBeforeCheck;
    QTimer check;
    check.setSingleShot(true);
    connect(&check, &QTimer::timeout, this, [&] { endedBeforeCheck = !rec.closes.empty(); });
    connect(&connection, &WsConnection::stateChanged, this, [&](WsConnectionState s) {
        if (s == WsConnectionState::Closing) // the server's close frame arrived and was echoed
            check.start(checkAfterMs);
    });
    connection.open(options);
    QTRY_VERIFY_WITH_TIMEOUT(endedBeforeCheck.has_value(), kWait);
    QVERIFY(*endedBeforeCheck);
    const WsCloseRecord &c = rec.closes.front();
    QCOMPARE(c.initiator, WsCloseInitiator::Server);
    QCOMPARE(c.sentCode.value_or(0), 1000);
    QVERIFY2(c.clean, qPrintable(c.failure.id())); // both close frames crossed: clean (§7.1.4)
    QVERIFY(c.failure.isNull());
}

void TestWsConnection::handshakeRecordsEveryConnectPhase_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("dnsPhase");
    QTest::newRow("ws://localhost has a DNS phase") << QStringLiteral("localhost") << true;
    QTest::newRow("ws://127.0.0.1 has none") << QStringLiteral("127.0.0.1") << false;
}

void TestWsConnection::handshakeRecordsEveryConnectPhase()
{
    QFETCH(QString, host);
    QFETCH(bool, dnsPhase);
    QtEchoServer server;
    QVERIFY(server.listen());
    QUrl url = server.url();
    url.setHost(host);
    WsConnection connection;
    EventLog rec(connection);
    QVERIFY2(rec.openAndWait(connection, optionsFor(url)), qPrintable(rec.errorsText()));
    const WsHandshakeRecord &hs = rec.handshakes.front();
    const PhaseTimings &t = hs.timings;
    QCOMPARE(t.dnsNs() >= 0, dnsPhase);
    if (!dnsPhase)
        QCOMPARE(t.dnsStartNs, -1);
    // In order on the session clock: DNS, TCP, the request written, the 101's bytes.
    QVERIFY(t.connectStartNs >= std::max<qint64>(t.dnsEndNs, 0));
    QVERIFY(t.connectEndNs >= t.connectStartNs);
    QCOMPARE(t.sslNs(), -1); // ws://
    QVERIFY(t.sendStartNs >= t.connectEndNs);
    QVERIFY(t.firstByteNs >= t.sendStartNs);
    QVERIFY(t.lastByteNs >= t.firstByteNs);
    QCOMPARE(hs.peerAddress, QStringLiteral("127.0.0.1:%1").arg(server.port()));
    connection.abort();
}

void TestWsConnection::wssWithTrustedCaShowsTlsFacts()
{
    QtEchoServer server(true);
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    WsConnectOptions options = optionsFor(server.url("wss"));
    options.caCertificates = QSslCertificate::fromPath(certPath("ca.crt"));
    QVERIFY(!options.caCertificates.isEmpty());
    QVERIFY2(rec.openAndWait(connection, options), qPrintable(rec.errorsText()));
    const TlsInfo &tls = rec.handshakes.front().tls;
    QVERIFY(tls.used);
    QVERIFY(tls.protocol.startsWith(u"TLSv1."));
    QVERIFY(!tls.cipher.isEmpty());
    QVERIFY(!tls.chain.isEmpty());
    QVERIFY(tls.chain.first().subject.contains(u"localhost"));
    QVERIFY(tls.errors.isEmpty());
    QVERIFY(rec.handshakes.front().timings.sslNs() >= 0);
    connection.sendText(QStringLiteral("secure"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.messagesIn(), 1, kWait);
    connection.close();
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QVERIFY(rec.closes.front().clean);
}

void TestWsConnection::wssCertificateErrorsFailUnlessIgnored()
{
    QtEchoServer server(true);
    QVERIFY(server.listen());
    {
        WsConnection connection;
        EventLog rec(connection);
        connection.open(optionsFor(server.url("wss")));
        QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
        QVERIFY(rec.handshakes.empty());
        QVERIFY(!rec.errors.empty());
        QCOMPARE(rec.errors.front().failure.id(), QStringLiteral("tls.certificate"));
        QVERIFY(!connection.handshake().tls.errors.isEmpty());
        QVERIFY(!rec.closes.front().clean);
    }
    WsConnection connection;
    EventLog rec(connection);
    WsConnectOptions options = optionsFor(server.url("wss"));
    options.ignoreCertificateErrors = true;
    QVERIFY2(rec.openAndWait(connection, options), qPrintable(rec.errorsText()));
    // Ignored, never hidden.
    QVERIFY(!rec.handshakes.front().tls.errors.isEmpty());
    QVERIFY(rec.handshakes.front().tls.errorsIgnored);
}

void TestWsConnection::peerViolationsFailWithTheRfcCloseCode_data()
{
    QTest::addColumn<QByteArray>("serverBytes");
    QTest::addColumn<QString>("violation");
    QTest::addColumn<int>("closeCode");
    QTest::newRow("a masked server frame fails with 1002") << QByteArray::fromHex("818237fa213d5f93")
                                                           << QStringLiteral("ws.masked_server_frame") << 1002;
    QTest::newRow("RSV1 without an extension fails with 1002") << QByteArray::fromHex("c1026869")
                                                               << QStringLiteral("ws.rsv_nonzero") << 1002;
    QTest::newRow("invalid UTF-8 in a text message fails with 1007") << QByteArray::fromHex("810261ff")
                                                                     << QStringLiteral("ws.invalid_utf8") << 1007;
    QTest::newRow("a continuation without a start fails with 1002") << QByteArray::fromHex("80026869")
                                                                    << QStringLiteral("ws.unexpected_continuation") << 1002;
}

void TestWsConnection::peerViolationsFailWithTheRfcCloseCode()
{
    QFETCH(QByteArray, serverBytes);
    QFETCH(QString, violation);
    QFETCH(int, closeCode);
    RawServer server(RawServer::Mode::Upgrade, serverBytes);
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    connection.open(optionsFor(server.url()));
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QCOMPARE(rec.violationIds(Direction::In), QStringList{violation});
    const WsCloseRecord &c = rec.closes.front();
    QCOMPARE(c.sentCode.value_or(0), closeCode);
    QCOMPARE(c.failure.id(), violation);
    QVERIFY(!c.clean);
    // The close frame really went out: the server received it, masked, with that code.
    const auto afterHead = [&server] { return server.received().mid(server.received().indexOf("\r\n\r\n") + 4); };
    QTRY_VERIFY_WITH_TIMEOUT(!afterHead().isEmpty(), kWait);
    QCOMPARE(quint8(afterHead().at(0)), quint8(0x88));
}

void TestWsConnection::aBurstOfSendsLeavesInOneWrite()
{
    // 200 sends in one event-loop turn: one socket write, one captured chunk, and every
    // message still reported in order with its own place in the outgoing stream.
    QtEchoServer server;
    QVERIFY(server.listen());
    Session session;
    WsConnection connection(&session, nullptr);
    EventLog rec(connection);
    connection.open(optionsFor(server.url()));
    QTRY_VERIFY_WITH_TIMEOUT(connection.state() == WsConnectionState::Open, kWait);
    // Stream offsets: the frames follow the upgrade request.
    qint64 expectedOffset = connection.handshake().requestBytes.size();
    for (int i = 0; i < 200; ++i)
        connection.sendText(QStringLiteral("burst %1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(rec.messagesIn(), 200, kWait);
    session.recorder()->drain();
    const TimelineConnection *recorded = session.timeline().connection(connection.connectionId());
    QVERIFY(recorded);
    // The upgrade request, then the whole burst.
    QCOMPARE(recorded->stream(Direction::Out).chunks().size(), size_t(2));
    int n = 0;
    for (const WsMessageEvent &m : rec.messages) {
        if (m.direction != Direction::Out)
            continue;
        QCOMPARE(m.message.payload, QStringLiteral("burst %1").arg(n++).toUtf8());
        QCOMPARE(m.message.firstFrameOffset, expectedOffset);
        expectedOffset += 6 + m.message.size; // 2-byte header + 4-byte key: all short
    }
    QCOMPARE(n, 200);
    const ByteStream &out = recorded->stream(Direction::Out);
    const qint64 burstStart = connection.handshake().requestBytes.size();
    QCOMPARE(out.chunks().back().offset, burstStart);
    QCOMPARE(out.end(), expectedOffset);
    // The bytes are the frames: a server-role parse of the captured chunk finds them all.
    WsFrameParser check(WsFrameParserOptions{WsRole::Server, 1 << 20, 0});
    QCOMPARE(check.feed(out.copy(burstStart, out.end() - burstStart)).events.size(), size_t(200));
}

void TestWsConnection::peerEndingTcpWithoutCloseIsAbnormal()
{
    // RFC 6455 §7.1.5: no close frame, so the code is 1006 and the close is not clean.
    RawServer server(RawServer::Mode::Upgrade, QByteArray::fromHex("81026f6b"));
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    connection.open(optionsFor(server.url()));
    QTRY_COMPARE_WITH_TIMEOUT(rec.messagesIn(), 1, kWait);
    server.closeTcp();
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QCOMPARE(rec.closes.front().code, quint16(1006));
    QVERIFY(!rec.closes.front().clean);
    QVERIFY(!rec.closes.front().receivedClose);
    QCOMPARE(connection.state(), WsConnectionState::Closed);
}

void TestWsConnection::keepInspectingRecordsAndGoesOn()
{
    RawServer server(RawServer::Mode::Upgrade, QByteArray::fromHex("818237fa213d5f93" "81026f6b" "880203e8"));
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    WsConnectOptions options = optionsFor(server.url());
    options.keepInspecting = true;
    connection.open(options);
    QTRY_VERIFY_WITH_TIMEOUT(connection.closeRecord().sentClose, kWait);
    QCOMPARE(rec.violationIds(Direction::In), QStringList{QStringLiteral("ws.masked_server_frame")});
    QCOMPARE(rec.messagesIn(), 2);
    QCOMPARE(connection.closeRecord().sentCode.value_or(0), 1000); // the echo of the server's close
    server.closeTcp();
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QCOMPARE(rec.closes.front().initiator, WsCloseInitiator::Server);
}

void TestWsConnection::refusalIsReportedAsHttpResponse()
{
    RawServer server(RawServer::Mode::Reply,
                     "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nno access");
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    connection.open(optionsFor(server.url()));
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QCOMPARE(rec.handshakes.size(), size_t(1));
    QCOMPARE(rec.handshakes.front().response.status, 403);
    QCOMPARE(rec.handshakes.front().response.body, QByteArray("no access"));
    QVERIFY(!rec.handshakes.front().verdict.ok);
    QCOMPARE(rec.violationIds(Direction::In), QStringList{QStringLiteral("ws.handshake.bad_status")});
    QCOMPARE(rec.closes.front().failure.id(), QStringLiteral("ws.handshake.bad_status"));
}

void TestWsConnection::chunkedRefusalShowsTheDecodedBodyAndKeepsTheRawBytes()
{
    const QByteArray head = "HTTP/1.1 429 Too Many Requests\r\nTransfer-Encoding: chunked\r\n\r\n";
    const QByteArray raw = "6\r\nslow d\r\n3\r\nown\r\n0\r\n\r\n";
    RawServer server(RawServer::Mode::Reply, head + raw);
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    connection.open(optionsFor(server.url()));
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QCOMPARE(rec.handshakes.size(), size_t(1));
    const WsHandshakeRecord &h = rec.handshakes.front();
    QCOMPARE(h.response.status, 429);
    QCOMPARE(h.response.body, QByteArray("slow down"));
    QCOMPARE(h.response.framing, BodyFraming::Chunked);
    QCOMPARE(h.response.chunks.size(), 3);
    QCOMPARE(h.responseBytes, head + raw);
    QCOMPARE(connection.handshake().responseBytes, head + raw);
    QCOMPARE(rec.closes.front().failure.id(), QStringLiteral("ws.handshake.bad_status"));
}

void TestWsConnection::closeDelimitedRefusalEndsWithTheClose()
{
    // RFC 9112 §6.3 rule 8: no Content-Length, no chunked: the body is everything until the close.
    const QByteArray answer = "HTTP/1.0 403 Forbidden\r\nContent-Type: text/plain\r\n\r\nno access, really";
    RawServer server(RawServer::Mode::Reply, answer);
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    connection.open(optionsFor(server.url()));
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QCOMPARE(rec.handshakes.size(), size_t(1));
    const WsHandshakeRecord &h = rec.handshakes.front();
    QCOMPARE(h.response.status, 403);
    QCOMPARE(h.response.framing, BodyFraming::CloseDelimited);
    QCOMPARE(h.response.body, QByteArray("no access, really"));
    QCOMPARE(h.responseBytes, answer);
    QVERIFY(!h.verdict.ok);
    QCOMPARE(rec.violationIds(Direction::In), QStringList{QStringLiteral("ws.handshake.bad_status")});
    QCOMPARE(rec.closes.front().failure.id(), QStringLiteral("ws.handshake.bad_status"));
}

void TestWsConnection::aCloseDelimitedRefusalsLastByteIsItsLastRead()
{
    // The server answers, then keeps the connection open a while before closing it: the
    // handshake's last byte is stamped with the read that brought it, not with the close.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, this, [&server] {
        QTcpSocket *s = server.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [s] {
            if (!s->readAll().contains("\r\n\r\n") || s->property("answered").toBool())
                return;
            s->setProperty("answered", true);
            s->write("HTTP/1.1 403 Forbidden\r\n\r\nno access");
            QTimer::singleShot(300, s, [s] { s->disconnectFromHost(); });
        });
    });
    WsConnection connection;
    EventLog rec(connection);
    qint64 lastReadNs = -1;
    connect(&connection, &WsConnection::chunkCaptured, this, [&](const CapturedChunk &c) {
        if (c.direction == Direction::In && !c.bytes.isEmpty())
            lastReadNs = c.tNs;
    });
    connection.open(optionsFor(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(server.serverPort()))));
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    const WsHandshakeRecord &h = rec.handshakes.front();
    QCOMPARE(h.response.body, QByteArray("no access"));
    QVERIFY(lastReadNs > 0);
    QCOMPARE(h.timings.lastByteNs, lastReadNs);
    QVERIFY(h.timings.lastByteNs < rec.closes.front().tNs); // the close came later
}

void TestWsConnection::bareLfAnswerIsRejectedByDefault()
{
    // The HTTP path's rule (RFC 9112 §2.2): a bare LF is an error unless the leniency is named.
    const QByteArray answer = "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n\n";
    RawServer server(RawServer::Mode::Reply, answer);
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    connection.open(optionsFor(server.url()));
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QCOMPARE(rec.violationIds(Direction::In), QStringList{QStringLiteral("http.bare_lf")});
    QCOMPARE(rec.violations.front().violation.offset, answer.indexOf('\n'));
    QCOMPARE(rec.closes.front().failure.id(), QStringLiteral("http.bare_lf"));
    QCOMPARE(rec.errors.front().failure.failureClass(), FailureClass::Protocol); // as in `http`
    QCOMPARE(rec.handshakes.size(), size_t(1));
    QVERIFY(rec.handshakes.front().responseBytes.startsWith("HTTP/1.1 101 Switching Protocols\n"));
    QVERIFY(rec.messages.empty());
}

void TestWsConnection::aFrameInTheSameChunkAsThe101IsRead()
{
    // The 101 and a text frame leave the server in one write: the parser stops at the 101's
    // empty line and the frame is the first byte of the WebSocket stream.
    RawServer server(RawServer::Mode::Upgrade, QByteArray::fromHex("8102686981026869"));
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    QVERIFY2(rec.openAndWait(connection, optionsFor(server.url())), qPrintable(rec.errorsText()));
    QTRY_COMPARE_WITH_TIMEOUT(rec.messagesIn(), 2, kWait);
    QList<qint64> offsets;
    for (const WsFrameEvent &e : rec.frames)
        if (e.direction == Direction::In)
            offsets << e.frame.streamOffset;
    const WsHandshakeRecord &h = rec.handshakes.front();
    // Stream offsets: the frames follow the 101's head in the inbound stream.
    const qint64 head = h.responseBytes.size();
    QCOMPARE(offsets, (QList<qint64>{head, head + 4}));
    QCOMPARE(rec.messages.front().message.payload, QByteArray("hi"));
    QVERIFY(h.responseBytes.endsWith("\r\n\r\n")); // the head only: the frames are not in it
    QCOMPARE(h.response.headBytes, h.responseBytes.size());
    QVERIFY(rec.violations.empty());
    connection.abort();
}

void TestWsConnection::anOverLongHeadFailsAtTheLimit()
{
    // A server that never ends its head: the parser stops at the line limit, not at memory's.
    RawServer server(RawServer::Mode::Reply, "HTTP/1.1 101 Switching Protocols\r\nX-Endless: " + QByteArray(256 * 1024, 'a'));
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    connection.open(optionsFor(server.url()));
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QCOMPARE(rec.closes.front().failure.id(), QStringLiteral("http.line_too_long"));
    QCOMPARE(rec.violationIds(Direction::In), QStringList{QStringLiteral("http.line_too_long")});
    QVERIFY(rec.handshakes.front().response.status == 0);
}

void TestWsConnection::handshakeTimeoutIsAnError()
{
    RawServer server(RawServer::Mode::Silent, {});
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    WsConnectOptions options = optionsFor(server.url());
    options.handshakeTimeoutMs = 300;
    connection.open(options);
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QCOMPARE(rec.closes.front().failure.id(), QStringLiteral("timeout.handshake"));
    QCOMPARE(rec.errors.front().failure.id(), QStringLiteral("timeout.handshake"));
}

void TestWsConnection::refusedConnectionIsAnError()
{
    quint16 port;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    WsConnection connection;
    EventLog rec(connection);
    connection.open(optionsFor(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port))));
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QCOMPARE(rec.errors.front().failure.id(), QStringLiteral("connect.refused"));
    QCOMPARE(rec.closes.front().code, 1006);
}

void TestWsConnection::autoPongCanBeSwitchedOff()
{
    for (const bool autoPong : {true, false}) {
        RawServer server(RawServer::Mode::Upgrade, QByteArray::fromHex("89027069"));
        QVERIFY(server.listen());
        WsConnection connection;
        EventLog rec(connection);
        WsConnectOptions options = optionsFor(server.url());
        options.autoPong = autoPong;
        connection.open(options);
        QTRY_VERIFY_WITH_TIMEOUT(connection.framesIn() == 1, kWait);
        connection.ping("sync"); // a frame we always send, to know the server got everything before it
        QTRY_VERIFY_WITH_TIMEOUT(server.received().contains(QByteArray::fromHex("8984")), kWait);
        const QByteArray afterHead = server.received().mid(server.received().indexOf("\r\n\r\n") + 4);
        QCOMPARE(quint8(afterHead.at(0)) == 0x8a, autoPong);
        connection.abort();
    }
}

void TestWsConnection::proxiesTunnelTheConnection_data()
{
    QTest::addColumn<bool>("socks5");
    QTest::newRow("an HTTP CONNECT proxy") << false;
    QTest::newRow("a SOCKS5 proxy") << true;
}

void TestWsConnection::proxiesTunnelTheConnection()
{
    QFETCH(bool, socks5);
    QtEchoServer server;
    QVERIFY(server.listen());
    test::TunnelProxy proxy(socks5 ? test::TunnelProxy::Kind::Socks5 : test::TunnelProxy::Kind::HttpConnect);
    QVERIFY(proxy.listen());
    WsConnection connection;
    EventLog rec(connection);
    WsConnectOptions options = optionsFor(server.url());
    options.proxy = QNetworkProxy(socks5 ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"),
                                  proxy.port());
    QVERIFY2(rec.openAndWait(connection, options), qPrintable(rec.errorsText()));
    const QList<QByteArray> requests = proxy.requests();
    QCOMPARE(requests.size(), 1);
    QVERIFY2(requests.first().startsWith(QByteArray("CONNECT 127.0.0.1:" + QByteArray::number(server.port()))),
             requests.first().constData());
    connection.sendText(QStringLiteral("via proxy"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.messagesIn(), 1, kWait);
    connection.close();
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QVERIFY(rec.closes.front().clean);
}

void TestWsConnection::pythonWebsocketsWithDeflate()
{
    test::PythonWsPeer peer;
    QString error;
    QVERIFY2(peer.start(&error), qPrintable(error));
    WsConnection connection;
    EventLog rec(connection);
    WsConnectOptions options = optionsFor(peer.url());
    options.permessageDeflate = true;
    QVERIFY2(rec.openAndWait(connection, options), qPrintable(rec.errorsText()));
    QVERIFY(rec.handshakes.front().deflateNegotiated);
    QVERIFY(connection.deflateActive());
    const QString text = QString(500, u'a') + QStringLiteral(" and ") + QString(500, u'b');
    connection.sendText(text);
    connection.sendText(text); // context takeover: smaller still
    connection.sendBinary(QByteArray(4096, '\x01'), 1000);
    QTRY_COMPARE_WITH_TIMEOUT(rec.messagesIn(), 3, kWait);
    std::vector<WsMessage> in;
    for (const WsMessageEvent &m : rec.messages)
        if (m.direction == Direction::In)
            in.push_back(m.message);
    QCOMPARE(QString::fromUtf8(in[0].payload), text);
    QVERIFY(in[0].compressed);
    QVERIFY(in[0].wireSize < in[0].size);
    QVERIFY(in[1].wireSize <= in[0].wireSize);
    QCOMPARE(in[2].payload, QByteArray(4096, '\x01'));
    QVERIFY(rec.violations.empty());
    connection.close(1000);
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QVERIFY2(rec.closes.front().clean, qPrintable(rec.closes.front().failure.id()));
}

void TestWsConnection::pythonWebsocketsLimitingOurWindowTo8Bits()
{
    // RFC 7692 §7.1.2.2: the server answers client_max_window_bits=8. zlib cannot deflate
    // with 256 bytes of window, so our messages go uncompressed (RSV1 = 0, §6), while the
    // server's own compressed messages are still inflated.
    test::PythonWsPeer peer;
    test::PythonWsPeer::Options peerOptions;
    peerOptions.clientMaxWindowBits = 8;
    QString error;
    QVERIFY2(peer.start(peerOptions, &error), qPrintable(error));
    WsConnection connection;
    EventLog rec(connection);
    WsConnectOptions options = optionsFor(peer.url());
    options.permessageDeflate = true;
    QVERIFY2(rec.openAndWait(connection, options), qPrintable(rec.errorsText()));
    QCOMPARE(rec.handshakes.front().deflateParams.clientMaxWindowBits, 8);
    const QString text = QString(600, u'x') + QStringLiteral(" then ") + QString(600, u'y');
    connection.sendText(text);
    connection.sendText(text);
    QTRY_COMPARE_WITH_TIMEOUT(rec.messagesIn(), 2, kWait);
    for (const WsMessageEvent &m : rec.messages) {
        QCOMPARE(QString::fromUtf8(m.message.payload), text);
        QCOMPARE(m.message.compressed, m.direction == Direction::In);
    }
    QVERIFY(rec.violations.empty());
    connection.close(1000);
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QVERIFY2(rec.closes.front().clean, qPrintable(rec.closes.front().failure.id()));
}

void TestWsConnection::survivesRandomStreamsFromAHostileServer()
{
    // Seeded, so a failure can be replayed: streams of random frames (any opcode, RSV and
    // MASK bits, lying or non-minimal lengths, invalid UTF-8 and close codes) with garbage
    // between them, cut into random chunks. Whatever arrives, the connection must end with
    // exactly one close record, never crash and never hang.
    for (quint32 seed = 1; seed <= 200; ++seed) {
        QRandomGenerator random(seed);
        QByteArray stream;
        const int frames = random.bounded(1, 12);
        for (int i = 0; i < frames; ++i) {
            if (random.bounded(8) == 0) { // garbage
                QByteArray junk(random.bounded(1, 40), Qt::Uninitialized);
                for (char &c : junk)
                    c = char(random.bounded(256));
                stream += junk;
                continue;
            }
            WsCraftSpec spec;
            spec.fin = random.bounded(4) != 0;
            spec.rsv1 = random.bounded(6) == 0;
            spec.rsv2 = random.bounded(10) == 0;
            spec.rsv3 = random.bounded(10) == 0;
            spec.opcode = quint8(random.bounded(5) == 0 ? random.bounded(16) : QList<int>{0, 1, 2, 8, 9, 10}[random.bounded(6)]);
            spec.masked = random.bounded(5) == 0;
            spec.lengthEncoding = WsCraftSpec::Length(random.bounded(3));
            spec.payload = QByteArray(random.bounded(random.bounded(10) == 0 ? 300 : 20), Qt::Uninitialized);
            for (char &c : spec.payload)
                c = random.bounded(3) == 0 ? char(random.bounded(256)) : char('a' + random.bounded(26));
            if (random.bounded(12) == 0)
                spec.declaredLength = quint64(spec.payload.size()) + random.bounded(3);
            stream += WsFrameWriter::craft(spec);
        }
        RawServer server(RawServer::Mode::Upgrade, QByteArray());
        QVERIFY(server.listen());
        WsConnection connection;
        EventLog rec(connection);
        WsConnectOptions options = optionsFor(server.url());
        options.keepInspecting = seed % 2 == 0;
        options.closeTimeoutMs = 300;
        connection.open(options);
        QTRY_VERIFY_WITH_TIMEOUT(connection.state() == WsConnectionState::Open, kWait);
        for (qsizetype at = 0; at < stream.size();) {
            const qsizetype n = std::min<qsizetype>(random.bounded(1, 64), stream.size() - at);
            server.write(stream.mid(at, n));
            at += n;
            QTest::qWait(random.bounded(2));
        }
        QTest::qWait(20);
        server.closeTcp();
        QTRY_VERIFY2_WITH_TIMEOUT(rec.closes.size() == 1, qPrintable(QStringLiteral("seed %1").arg(seed)), kWait);
        QCOMPARE(connection.state(), WsConnectionState::Closed);
    }
}

void TestWsConnection::automaticPingsMeasureTheRoundTrip()
{
    QtEchoServer server; // QWebSocketServer answers pings itself
    QVERIFY(server.listen());
    WsConnection connection;
    EventLog rec(connection);
    std::vector<WsPongEvent> pongs;
    connect(&connection, &WsConnection::pongReceived, this, [&](const WsPongEvent &e) { pongs.push_back(e); });
    WsConnectOptions options = optionsFor(server.url());
    options.pingIntervalMs = 20;
    connection.open(options);
    QTRY_VERIFY_WITH_TIMEOUT(pongs.size() >= 3, kWait);
    for (size_t i = 0; i < pongs.size(); ++i) {
        QCOMPARE(pongs[i].payload, "auto-" + QByteArray::number(qulonglong(i + 1)));
        QVERIFY(pongs[i].rttNs > 0);
    }
    // Switched off while open: no more pings.
    connection.setPingInterval(0);
    QTest::qWait(60);
    const size_t stopped = pongs.size();
    QTest::qWait(100);
    QCOMPARE(pongs.size(), stopped);
    // And on again, at once.
    connection.setPingInterval(10);
    QTRY_VERIFY_WITH_TIMEOUT(pongs.size() > stopped, kWait);
    connection.close(1000);
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QVERIFY(rec.closes.front().clean);
}

void TestWsConnection::aFloodingPeerDoesNotStarveTheEventLoop()
{
    // 400 000 small frames (26 MB) at kernel speed: faster than they can be decoded, so the
    // socket never runs dry. Reading it all in one go would freeze timers (and a UI) until the flood ends;
    // the connection must hand the event loop back while the messages keep coming.
    test::PythonWsPeer peer;
    test::PythonWsPeer::Options peerOptions;
    peerOptions.compression = test::PythonWsPeer::Compression::None;
    const int flood = 400000;
    peerOptions.floodBytes = qint64(66) * flood;
    QString error;
    QVERIFY2(peer.start(peerOptions, &error), qPrintable(error));
    WsConnectOptions options = optionsFor(peer.url());
    WsConnection connection;
    int messages = 0;
    connect(&connection, &WsConnection::messageDecoded, this, [&](const WsMessageEvent &e) {
        if (e.direction == Direction::In)
            ++messages;
    });
    int ticksDuringFlood = 0;
    QTimer tick;
    tick.setInterval(1);
    connect(&tick, &QTimer::timeout, this, [&] {
        if (messages > 0 && messages < flood)
            ++ticksDuringFlood;
    });
    tick.start();
    connection.open(options);
    QTRY_COMPARE_WITH_TIMEOUT(messages, flood, 60000);
    QVERIFY2(ticksDuringFlood >= 5, qPrintable(QString::number(ticksDuringFlood)));
    connection.abort();
}

void TestWsConnection::pythonWebsocketsWithoutDeflate()
{
    test::PythonWsPeer peer;
    test::PythonWsPeer::Options peerOptions;
    peerOptions.compression = test::PythonWsPeer::Compression::None;
    peerOptions.subprotocols = {QStringLiteral("chat")};
    QString error;
    QVERIFY2(peer.start(peerOptions, &error), qPrintable(error));
    WsConnection connection;
    EventLog rec(connection);
    WsConnectOptions options = optionsFor(peer.url());
    options.permessageDeflate = true; // offered, declined
    options.subprotocols = {QStringLiteral("superchat"), QStringLiteral("chat")};
    QVERIFY2(rec.openAndWait(connection, options), qPrintable(rec.errorsText()));
    QVERIFY(!rec.handshakes.front().deflateNegotiated);
    QCOMPARE(rec.handshakes.front().verdict.subprotocol, QStringLiteral("chat"));
    connection.sendText(QStringLiteral("plain"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.messagesIn(), 1, kWait);
    QVERIFY(!rec.messages.back().message.compressed);
    connection.close(1001, QStringLiteral("going"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QVERIFY(rec.closes.front().clean);
    QCOMPARE(rec.closes.front().receivedCode.value_or(0), 1001);
}

void TestWsConnection::pythonWebsocketsOverTls()
{
    test::PythonWsPeer peer;
    test::PythonWsPeer::Options peerOptions;
    peerOptions.tls = true;
    QString error;
    QVERIFY2(peer.start(peerOptions, &error), qPrintable(error));
    WsConnection connection;
    EventLog rec(connection);
    WsConnectOptions options = optionsFor(peer.url());
    options.caCertificates = QSslCertificate::fromPath(certPath("ca.crt"));
    QVERIFY2(rec.openAndWait(connection, options), qPrintable(rec.errorsText()));
    QVERIFY(rec.handshakes.front().tls.used);
    connection.sendText(QStringLiteral("over tls"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.messagesIn(), 1, kWait);
    connection.close();
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QVERIFY2(rec.closes.front().clean, qPrintable(rec.closes.front().failure.id() + u' ' + rec.errorsText()));
}

void TestWsConnection::nginxWebSocketProxy()
{
    QtEchoServer backend;
    QVERIFY(backend.listen());
    test::NginxPeer nginx;
    test::NginxPeer::Options nginxOptions;
    nginxOptions.wsBackendPort = backend.port();
    QString error;
    QVERIFY2(nginx.start(nginxOptions, &error), qPrintable(error));
    WsConnection connection;
    EventLog rec(connection);
    QVERIFY2(rec.openAndWait(connection, optionsFor(nginx.wsUrl(QStringLiteral("/ws/echo")))),
             qPrintable(rec.errorsText() + nginx.errorLogTail()));
    QVERIFY(rec.handshakes.front().response.headerValue("Server").startsWith("nginx"));
    connection.sendText(QStringLiteral("through nginx"));
    connection.sendBinary(QByteArray(200000, 'n'));
    QTRY_COMPARE_WITH_TIMEOUT(rec.messagesIn(), 2, kWait);
    QCOMPARE(rec.messages.back().message.size, 200000);
    connection.close();
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QVERIFY(rec.closes.front().clean);
}

void TestWsConnection::demoServerEcho()
{
    test::DemoPeer demo;
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    WsConnection connection;
    EventLog rec(connection);
    QVERIFY2(rec.openAndWait(connection, optionsFor(demo.wsUrl(QStringLiteral("/ws/echo")))),
             qPrintable(rec.errorsText()));
    connection.sendText(QStringLiteral("demo"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.messagesIn(), 1, kWait);
    QCOMPARE(rec.messages.back().message.payload, QByteArray("demo"));
    connection.close();
    QTRY_COMPARE_WITH_TIMEOUT(rec.closes.size(), size_t(1), kWait);
    QVERIFY(rec.closes.front().clean);
}

QTEST_GUILESS_MAIN(TestWsConnection)
#include "tst_wsconnection.moc"

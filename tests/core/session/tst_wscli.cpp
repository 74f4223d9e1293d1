// Runs the built `wirescope-cli ws` against in-process servers and checks its JSON lines
// and exit codes (the public contract in docs/cli-ws.md).
#include "core/wire/wshandshake.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {

struct CliRun {
    int exitCode = -1;
    QList<QJsonObject> events;
    QByteArray stderrText;

    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : events)
            if (o[u"event"].toString() == type)
                out << o;
        return out;
    }
};

// Runs the CLI with the event loop alive (the servers live in this process).
CliRun runCli(const QStringList &arguments, const QByteArray &stdinBytes = {})
{
    QProcess process;
    process.setProgram(QStringLiteral(WIRESCOPE_BINARY_DIR "/app/wirescope-cli"));
    process.setArguments(QStringList{QStringLiteral("ws")} + arguments);
    process.start();
    process.waitForStarted();
    if (!stdinBytes.isEmpty())
        process.write(stdinBytes);
    process.closeWriteChannel();
    QSignalSpy finished(&process, &QProcess::finished);
    CliRun run;
    if (!finished.wait(20000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitCode();
    run.stderrText = process.readAllStandardError();
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            run.events << doc.object();
        else
            run.events << QJsonObject{{QStringLiteral("event"), QStringLiteral("NOT-JSON")}};
    }
    return run;
}

class EchoServer : public QObject
{
public:
    EchoServer()
        : m_server(QStringLiteral("cli-echo"), QWebSocketServer::NonSecureMode)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QWebSocket::textMessageReceived, s, [s](const QString &t) { s->sendTextMessage(t); });
                connect(s, &QWebSocket::binaryMessageReceived, s, [s](const QByteArray &b) { s->sendBinaryMessage(b); });
            }
        });
    }
    QString url() const { return QStringLiteral("ws://127.0.0.1:%1/").arg(m_server.serverPort()); }

private:
    QWebSocketServer m_server;
};

// Answers the upgrade, then sends fixed bytes.
class RawUpgradeServer : public QObject
{
public:
    explicit RawUpgradeServer(QByteArray after, bool refuse = false)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this, after, refuse] {
            QTcpSocket *s = m_server.nextPendingConnection();
            s->setParent(this);
            connect(s, &QTcpSocket::readyRead, s, [s, after, refuse] {
                const QByteArray request = s->readAll();
                if (!request.contains("\r\n\r\n"))
                    return;
                if (refuse) {
                    s->write("HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\nnope");
                    s->disconnectFromHost();
                    return;
                }
                QByteArray key;
                for (const QByteArray &line : request.split('\n'))
                    if (line.toLower().startsWith("sec-websocket-key:"))
                        key = line.mid(18).trimmed();
                s->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Accept: " + wirescope::wsAcceptFor(key) + "\r\n\r\n" + after);
            });
        });
    }
    QString url() const { return QStringLiteral("ws://127.0.0.1:%1/").arg(m_server.serverPort()); }

private:
    QTcpServer m_server;
};

} // namespace

class TestWsCli : public QObject
{
    Q_OBJECT
private slots:
    void sendsArgumentsAndStdinAndClosesCleanly();
    void everyLineHasEventAndTime();
    void serverViolationExitsWithFive();
    void rawBytesGoOutAsTheyAreAndAreDecoded();
    void pingIntervalReportsEveryRoundTrip();
    void refusalExitsWithFour();
    void unreachableServerExitsWithThree();
    void badUsageExitsWithTwo();
};

void TestWsCli::sendsArgumentsAndStdinAndClosesCleanly()
{
    EchoServer server;
    const CliRun run = runCli({server.url(), QStringLiteral("--text"), QStringLiteral("first"), QStringLiteral("--binary"),
                               QStringLiteral("00ff"), QStringLiteral("--ping"), QStringLiteral("--fragment"), QStringLiteral("2"),
                               QStringLiteral("--wait"), QStringLiteral("0.3"), QStringLiteral("--close"), QStringLiteral("1000:done"), QStringLiteral("-")},
                              "from stdin\n");
    QCOMPARE(run.exitCode, 0);
    const QList<QJsonObject> handshake = run.ofType(QStringLiteral("handshake"));
    QCOMPARE(handshake.size(), 1);
    QVERIFY(handshake.first()[u"accept_ok"].toBool());
    QVERIFY(handshake.first()[u"request"].toString().startsWith(u"GET / HTTP/1.1\r\n"));
    QVERIFY(handshake.first()[u"response"].toString().startsWith(u"HTTP/1.1 101"));

    QStringList in;
    for (const QJsonObject &m : run.ofType(QStringLiteral("message")))
        if (m[u"dir"].toString() == u"in")
            in << m[u"type"].toString() + u':' + (m.contains(u"text") ? m[u"text"].toString() : m[u"hex"].toString());
    QCOMPARE(in, (QStringList{QStringLiteral("text:first"), QStringLiteral("binary:00ff"), QStringLiteral("text:from stdin")}));

    // --fragment 2: "first" went out as 3 frames, the first masked with a 4-byte key.
    int outTextFrames = 0;
    for (const QJsonObject &f : run.ofType(QStringLiteral("frame"))) {
        if (f[u"dir"].toString() == u"out") {
            QVERIFY(f[u"masked"].toBool());
            QCOMPARE(f[u"mask_key"].toString().size(), 8);
            if (f[u"opcode"].toInt() <= 1 && outTextFrames < 3)
                ++outTextFrames;
        } else {
            QVERIFY(f[u"mask_key"].isNull());
        }
    }
    QCOMPARE(outTextFrames, 3);
    QCOMPARE(run.ofType(QStringLiteral("pong")).size(), 1);

    const QList<QJsonObject> close = run.ofType(QStringLiteral("close"));
    QCOMPARE(close.size(), 1);
    QCOMPARE(close.first()[u"code"].toInt(), 1000);
    QCOMPARE(close.first()[u"reason"].toString(), QStringLiteral("done"));
    QCOMPARE(close.first()[u"initiator"].toString(), QStringLiteral("client"));
    QCOMPARE(close.first()[u"clean"].toBool(), true);
    QCOMPARE(run.events.last()[u"event"].toString(), QStringLiteral("close"));
}

void TestWsCli::rawBytesGoOutAsTheyAreAndAreDecoded()
{
    // An unmasked client frame (RFC 6455 §5.1 forbids it): written unchanged, and our own
    // decoding of what we sent says so. What the server makes of it is its business.
    EchoServer server;
    const CliRun run = runCli({server.url(), QStringLiteral("--raw"), QStringLiteral("81026869"), QStringLiteral("--wait"),
                               QStringLiteral("0.3")});
    bool sawFrame = false;
    for (const QJsonObject &f : run.ofType(QStringLiteral("frame"))) {
        if (f[u"dir"].toString() == u"out" && f[u"opcode"].toInt() == 1) {
            sawFrame = true;
            QCOMPARE(f[u"masked"].toBool(), false);
            QCOMPARE(f[u"header_hex"].toString(), QStringLiteral("8102"));
        }
    }
    QVERIFY(sawFrame);
    QStringList outViolations;
    for (const QJsonObject &v : run.ofType(QStringLiteral("violation")))
        if (v[u"dir"].toString() == u"out")
            outViolations << v[u"id"].toString();
    QCOMPARE(outViolations, QStringList{QStringLiteral("ws.unmasked_client_frame")});
    QCOMPARE(runCli({server.url(), QStringLiteral("--raw"), QStringLiteral("8")}).exitCode, 2);
}

void TestWsCli::pingIntervalReportsEveryRoundTrip()
{
    EchoServer server;
    const CliRun run = runCli({server.url(), QStringLiteral("--ping-interval"), QStringLiteral("0.05"), QStringLiteral("--wait"),
                               QStringLiteral("0.5"), QStringLiteral("--no-frames")});
    QCOMPARE(run.exitCode, 0);
    const QList<QJsonObject> pongs = run.ofType(QStringLiteral("pong"));
    QVERIFY2(pongs.size() >= 3, qPrintable(QString::number(pongs.size())));
    for (const QJsonObject &p : pongs)
        QVERIFY(p[u"rtt_ns"].toDouble() > 0);
    QCOMPARE(runCli({server.url(), QStringLiteral("--ping-interval"), QStringLiteral("0")}).exitCode, 2);
}

void TestWsCli::everyLineHasEventAndTime()
{
    EchoServer server;
    const CliRun run = runCli({server.url(), QStringLiteral("--text"), QStringLiteral("x"), QStringLiteral("--wait"), QStringLiteral("0.1")});
    QVERIFY(run.events.size() >= 4);
    qint64 last = -1;
    for (const QJsonObject &o : run.events) {
        QVERIFY(o.contains(u"event"));
        QVERIFY(o[u"t_ns"].isDouble());
        QVERIFY(o[u"event"].toString() != u"NOT-JSON");
        last = qint64(o[u"t_ns"].toDouble());
    }
    QVERIFY(last > 0);
}

void TestWsCli::serverViolationExitsWithFive()
{
    RawUpgradeServer server(QByteArray::fromHex("83026869")); // reserved opcode 0x3
    const CliRun run = runCli({server.url(), QStringLiteral("--wait"), QStringLiteral("2")});
    QCOMPARE(run.exitCode, 5);
    const QList<QJsonObject> violations = run.ofType(QStringLiteral("violation"));
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.first()[u"id"].toString(), QStringLiteral("ws.reserved_opcode"));
    QCOMPARE(violations.first()[u"rfc"].toString(), QStringLiteral("RFC 6455 §5.2"));
    // Offsets count the whole stream: the frame follows the 101 answer.
    const QString answer = run.ofType(QStringLiteral("handshake")).first()[u"response"].toString();
    QCOMPARE(violations.first()[u"offset"].toInt(), answer.toUtf8().size());
    QVERIFY(!violations.first()[u"message"].toString().isEmpty());
    QCOMPARE(run.ofType(QStringLiteral("close")).first()[u"sent_code"].toInt(), 1002);
}

void TestWsCli::refusalExitsWithFour()
{
    RawUpgradeServer server({}, true);
    const CliRun run = runCli({server.url()});
    QCOMPARE(run.exitCode, 4);
    const QList<QJsonObject> handshake = run.ofType(QStringLiteral("handshake"));
    QCOMPARE(handshake.size(), 1);
    QCOMPARE(handshake.first()[u"status"].toInt(), 404);
    QCOMPARE(handshake.first()[u"body"].toString(), QStringLiteral("nope"));
    QCOMPARE(handshake.first()[u"accept_ok"].toBool(), false);
}

void TestWsCli::unreachableServerExitsWithThree()
{
    quint16 port;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const CliRun run = runCli({QStringLiteral("ws://127.0.0.1:%1/").arg(port)});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.ofType(QStringLiteral("error")).first()[u"id"].toString(), QStringLiteral("connect.refused"));
}

void TestWsCli::badUsageExitsWithTwo()
{
    QCOMPARE(runCli({QStringLiteral("http://example.org/")}).exitCode, 2);
    QCOMPARE(runCli({QStringLiteral("ws://127.0.0.1:1/"), QStringLiteral("--binary"), QStringLiteral("xyz")}).exitCode, 2);
    QCOMPARE(runCli({}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestWsCli)
#include "tst_wscli.moc"

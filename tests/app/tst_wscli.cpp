// Runs the built `wirescope-cli ws` against in-process servers and checks its options and
// JSON lines (docs/cli-ws.md). What both commands share is tested in tst_clicontract.
#include "tests/app/clirun.h"
#include "tests/app/scriptedserver.h"

#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace wirescope::test;

namespace {

CliRun runWs(const QStringList &arguments, const QByteArray &stdinBytes = {})
{
    return runCli(QStringList{QStringLiteral("ws")} + arguments, stdinBytes);
}

// Outgoing data messages as "type:text-or-hex", in the order printed.
QStringList messages(const CliRun &run, const QString &dir)
{
    QStringList out;
    for (const QJsonObject &m : run.ofEvent(QStringLiteral("message")))
        if (m[u"dir"].toString() == dir)
            out << m[u"type"].toString() + u':' + (m.contains(u"text") ? m[u"text"].toString() : m[u"hex"].toString());
    return out;
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

} // namespace

class TestWsCli : public QObject
{
    Q_OBJECT
private slots:
    void sendsArgumentsAndStdinAndClosesCleanly();
    void messagesLeaveInCommandLineOrder_data();
    void messagesLeaveInCommandLineOrder();
    void everyLineHasTheVersionAndATime();
    void serverViolationExitsWithFive();
    void keepInspectingStillExitsWithFive();
    void rawBytesGoOutAsTheyAreAndAreDecoded();
    void pingIntervalReportsEveryRoundTrip();
    void refusalExitsWithFourAndShowsTheAnswer();
    void handshakeTimeoutIsInSeconds();
    void maxTimeEndsTheRunWithExitOne();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void helpNamesTheCommand();
};

void TestWsCli::sendsArgumentsAndStdinAndClosesCleanly()
{
    EchoServer server;
    const CliRun run = runWs({QStringLiteral("--text"), QStringLiteral("first"), QStringLiteral("--binary"),
                              QStringLiteral("00ff"), QStringLiteral("--ping"), QStringLiteral("--fragment"), QStringLiteral("2"),
                              QStringLiteral("--wait"), QStringLiteral("0.3"), QStringLiteral("--close"), QStringLiteral("1000:done"),
                              server.url(), QStringLiteral("-")},
                             "from stdin\n");
    QCOMPARE(run.exitCode, 0);
    const QList<QJsonObject> handshake = run.ofEvent(QStringLiteral("handshake"));
    QCOMPARE(handshake.size(), 1);
    QVERIFY(handshake.first()[u"accept_ok"].toBool());
    QVERIFY(handshake.first()[u"request"].toString().startsWith(u"GET / HTTP/1.1\r\n"));
    QVERIFY(handshake.first()[u"response"].toString().startsWith(u"HTTP/1.1 101"));
    QVERIFY(handshake.first()[u"request_t_ns"].toInteger() < handshake.first()[u"t_ns"].toInteger());
    QVERIFY(handshake.first()[u"timings"].toObject()[u"connect"].toInteger() >= 0);

    QCOMPARE(messages(run, QStringLiteral("in")),
             (QStringList{QStringLiteral("text:first"), QStringLiteral("binary:00ff"), QStringLiteral("text:from stdin")}));

    // --fragment 2: "first" went out as 3 frames, the first masked with a 4-byte key.
    int outTextFrames = 0;
    for (const QJsonObject &f : run.ofEvent(QStringLiteral("frame"))) {
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
    QCOMPARE(run.ofEvent(QStringLiteral("pong")).size(), 1);

    const QList<QJsonObject> close = run.ofEvent(QStringLiteral("close"));
    QCOMPARE(close.size(), 1);
    QCOMPARE(close.first()[u"code"].toInt(), 1000);
    QCOMPARE(close.first()[u"reason"].toString(), QStringLiteral("done"));
    QCOMPARE(close.first()[u"initiator"].toString(), QStringLiteral("client"));
    QCOMPARE(close.first()[u"clean"].toBool(), true);
    QVERIFY(close.first()[u"error"].isNull());
    QCOMPARE(run.lines.last()[u"event"].toString(), QStringLiteral("close"));
}

void TestWsCli::messagesLeaveInCommandLineOrder_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("out");
    QTest::addColumn<QStringList>("pings");
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QTest::newRow("text and binary interleaved keep their order")
        << QStringList{s("--text"), s("a"), s("--binary"), s("0102"), s("--text"), s("b"), s("--binary"), s("03")}
        << QStringList{s("text:a"), s("binary:0102"), s("text:b"), s("binary:03")} << QStringList();
    QTest::newRow("a ping without payload counts the actions before it, one with =PAYLOAD carries it")
        << QStringList{s("--text"), s("a"), s("--ping"), s("--ping=hi"), s("--text"), s("b")}
        << QStringList{s("text:a"), s("text:b")} << QStringList{s("31"), s("6869")};
    QTest::newRow("a value that looks like an option is the value")
        << QStringList{s("--text"), s("--ping"), s("--text=--binary")}
        << QStringList{s("text:--ping"), s("text:--binary")} << QStringList();
}

void TestWsCli::messagesLeaveInCommandLineOrder()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, out);
    QFETCH(QStringList, pings);
    EchoServer server;
    const CliRun run = runWs(arguments + QStringList{QStringLiteral("--wait"), QStringLiteral("0.2"), server.url()});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(messages(run, QStringLiteral("out")), out);
    QCOMPARE(messages(run, QStringLiteral("in")), out);
    QStringList pongs;
    for (const QJsonObject &p : run.ofEvent(QStringLiteral("pong")))
        pongs << p[u"payload_hex"].toString();
    QCOMPARE(pongs, pings);
}

void TestWsCli::everyLineHasTheVersionAndATime()
{
    EchoServer server;
    const CliRun run = runWs({server.url(), QStringLiteral("--text"), QStringLiteral("x"), QStringLiteral("--wait"), QStringLiteral("0.1")});
    QVERIFY(run.lines.size() >= 5);
    QCOMPARE(run.lines.first()[u"event"].toString(), QStringLiteral("session"));
    QCOMPARE(run.lines.first()[u"t_ns"].toInteger(), 0);
    QVERIFY(QDateTime::fromString(run.lines.first()[u"started_at"].toString(), Qt::ISODateWithMs).isValid());
    const qint64 end = run.lines.last()[u"t_ns"].toInteger();
    for (const QJsonObject &o : run.lines) {
        QVERIFY2(o[u"event"].toString() != u"NOT-JSON", run.stdoutBytes.constData());
        QCOMPARE(o[u"format_version"].toInt(), 2);
        const QJsonValue t = o[u"t_ns"];
        QVERIFY(t.isDouble() && t.toDouble() == double(t.toInteger()));
        QVERIFY(t.toInteger() >= 0 && t.toInteger() <= end);
    }
    QVERIFY(end > 0);
}

void TestWsCli::serverViolationExitsWithFive()
{
    ScriptedServer server(ScriptedServer::Answer::Upgrade, QByteArray::fromHex("83026869"), ScriptedServer::Then::StayOpen); // reserved opcode 0x3
    const CliRun run = runWs({server.url(QStringLiteral("ws")), QStringLiteral("--wait"), QStringLiteral("2")});
    QCOMPARE(run.exitCode, 5);
    const QList<QJsonObject> violations = run.ofEvent(QStringLiteral("violation"));
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.first()[u"id"].toString(), QStringLiteral("ws.reserved_opcode"));
    QCOMPARE(violations.first()[u"rfc"].toString(), QStringLiteral("RFC 6455 §5.2"));
    // Offsets count the whole stream: the frame follows the 101 answer.
    const QString answer = run.ofEvent(QStringLiteral("handshake")).first()[u"response"].toString();
    QCOMPARE(violations.first()[u"offset"].toInt(), answer.toUtf8().size());
    QVERIFY(!violations.first()[u"message"].toString().isEmpty());
    const QJsonObject close = run.ofEvent(QStringLiteral("close")).first();
    QCOMPARE(close[u"sent_code"].toInt(), 1002);
    QCOMPARE(close[u"error"].toObject()[u"id"].toString(), QStringLiteral("ws.reserved_opcode"));
    QCOMPARE(close[u"error"].toObject()[u"class"].toString(), QStringLiteral("protocol"));
}

void TestWsCli::keepInspectingStillExitsWithFive()
{
    // RSV1 without an extension, then a clean close from the server: the connection goes on,
    // the broken rule still decides the status.
    ScriptedServer server(ScriptedServer::Answer::Upgrade, QByteArray::fromHex("c1026869") + QByteArray::fromHex("880203e8"),
                          ScriptedServer::Then::Close);
    const CliRun run = runWs({server.url(QStringLiteral("ws")), QStringLiteral("--keep-inspecting"), QStringLiteral("--wait"), QStringLiteral("2")});
    QCOMPARE(run.ofEvent(QStringLiteral("violation")).first()[u"id"].toString(), QStringLiteral("ws.rsv_nonzero"));
    QCOMPARE(run.exitCode, 5);
}

void TestWsCli::rawBytesGoOutAsTheyAreAndAreDecoded()
{
    // An unmasked client frame (RFC 6455 §5.1 forbids it): written unchanged, and our own
    // decoding of what we sent says so. What the server makes of it is its business.
    EchoServer server;
    const CliRun run = runWs({server.url(), QStringLiteral("--raw"), QStringLiteral("81026869"), QStringLiteral("--wait"),
                              QStringLiteral("0.3")});
    bool sawFrame = false;
    for (const QJsonObject &f : run.ofEvent(QStringLiteral("frame"))) {
        if (f[u"dir"].toString() == u"out" && f[u"opcode"].toInt() == 1) {
            sawFrame = true;
            QCOMPARE(f[u"masked"].toBool(), false);
            QCOMPARE(f[u"header_hex"].toString(), QStringLiteral("8102"));
        }
    }
    QVERIFY(sawFrame);
    QStringList outViolations;
    for (const QJsonObject &v : run.ofEvent(QStringLiteral("violation")))
        if (v[u"dir"].toString() == u"out")
            outViolations << v[u"id"].toString();
    QCOMPARE(outViolations, QStringList{QStringLiteral("ws.unmasked_client_frame")});
}

void TestWsCli::pingIntervalReportsEveryRoundTrip()
{
    EchoServer server;
    const CliRun run = runWs({server.url(), QStringLiteral("--ping-interval"), QStringLiteral("0.05"), QStringLiteral("--wait"),
                              QStringLiteral("0.5"), QStringLiteral("--no-frames")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.ofEvent(QStringLiteral("frame")).isEmpty());
    const QList<QJsonObject> pongs = run.ofEvent(QStringLiteral("pong"));
    QVERIFY2(pongs.size() >= 3, qPrintable(QString::number(pongs.size())));
    for (const QJsonObject &p : pongs)
        QVERIFY(p[u"rtt_ns"].toInteger() > 0);
}

void TestWsCli::refusalExitsWithFourAndShowsTheAnswer()
{
    ScriptedServer server(ScriptedServer::Answer::Bytes, "HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\nnope",
                          ScriptedServer::Then::Close);
    const CliRun run = runWs({server.url(QStringLiteral("ws"))});
    QCOMPARE(run.exitCode, 4);
    const QList<QJsonObject> handshake = run.ofEvent(QStringLiteral("handshake"));
    QCOMPARE(handshake.size(), 1);
    QCOMPARE(handshake.first()[u"status"].toInt(), 404);
    QCOMPARE(handshake.first()[u"body"].toString(), QStringLiteral("nope"));
    QCOMPARE(handshake.first()[u"accept_ok"].toBool(), false);
    QCOMPARE(run.ofEvent(QStringLiteral("close")).first()[u"error"].toObject()[u"class"].toString(), QStringLiteral("handshake"));

    // Without Content-Length the refusal's body ends when the server closes: still 4.
    ScriptedServer closeDelimited(ScriptedServer::Answer::Bytes, "HTTP/1.1 403 Forbidden\r\n\r\nnope", ScriptedServer::Then::Close);
    const CliRun untilClose = runWs({closeDelimited.url(QStringLiteral("ws"))});
    QCOMPARE(untilClose.exitCode, 4);
    const QJsonObject answer = untilClose.ofEvent(QStringLiteral("handshake")).first();
    QCOMPARE(answer[u"status"].toInt(), 403);
    for (const QJsonValue &phase : answer[u"timings"].toObject())
        QVERIFY(phase.toInteger() >= -1);
}

void TestWsCli::handshakeTimeoutIsInSeconds()
{
    // A server that accepts and never answers: --handshake-timeout 0.2 is 200 ms, not 0.
    ScriptedServer silent(ScriptedServer::Answer::Bytes, {}, ScriptedServer::Then::StayOpen);
    const CliRun run = runWs({QStringLiteral("--handshake-timeout"), QStringLiteral("0.2"), silent.url(QStringLiteral("ws"))});
    QCOMPARE(run.exitCode, 4);
    const QJsonObject error = run.ofEvent(QStringLiteral("error")).first();
    QCOMPARE(error[u"id"].toString(), QStringLiteral("timeout.handshake"));
    QVERIFY2(error[u"message"].toString().contains(u"200 ms"), qPrintable(error[u"message"].toString()));
}

void TestWsCli::maxTimeEndsTheRunWithExitOne()
{
    EchoServer server;
    const CliRun run = runWs({QStringLiteral("-m"), QStringLiteral("0.3"), QStringLiteral("--wait"), QStringLiteral("-1"), server.url()});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject error = run.ofEvent(QStringLiteral("error")).first();
    QCOMPARE(error[u"id"].toString(), QStringLiteral("timeout.total"));
    QVERIFY(error[u"t_ns"].toInteger() >= 300'000'000);
    const QJsonObject close = run.ofEvent(QStringLiteral("close")).first();
    QCOMPARE(close[u"clean"].toBool(), false);
    QCOMPARE(close[u"error"].toObject()[u"id"].toString(), QStringLiteral("timeout.total"));
}

void TestWsCli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QTest::newRow("an http URL") << QStringList{s("http://example.org/")};
    QTest::newRow("no URL") << QStringList();
    QTest::newRow("two URLs") << QStringList{s("ws://127.0.0.1:1/"), s("ws://127.0.0.1:2/")};
    QTest::newRow("binary that is not hex") << QStringList{s("ws://127.0.0.1:1/"), s("--binary"), s("xyz")};
    QTest::newRow("raw with an odd digit count") << QStringList{s("ws://127.0.0.1:1/"), s("--raw"), s("8")};
    QTest::newRow("a ping payload over 125 bytes") << QStringList{s("ws://127.0.0.1:1/"), QStringLiteral("--ping=") + QString(126, u'x')};
    QTest::newRow("a ping interval of 0") << QStringList{s("ws://127.0.0.1:1/"), s("--ping-interval"), s("0")};
    QTest::newRow("version 1's --timeout is gone") << QStringList{s("ws://127.0.0.1:1/"), s("--timeout"), s("5")};
    QTest::newRow("a negative connect timeout") << QStringList{s("ws://127.0.0.1:1/"), s("--connect-timeout"), s("-1")};
    QTest::newRow("a max time that is not a number") << QStringList{s("ws://127.0.0.1:1/"), s("-m"), s("soon")};
    QTest::newRow("a header without a colon") << QStringList{s("ws://127.0.0.1:1/"), s("-H"), s("NoColon")};
}

void TestWsCli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    const CliRun run = runWs(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.lines.isEmpty()); // nothing was opened, nothing printed on stdout
    QVERIFY2(run.stderrText.startsWith("wirescope-cli ws: "), run.stderrText.constData());
}

void TestWsCli::helpNamesTheCommand()
{
    const CliRun run = runWs({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.stdoutBytes.startsWith("Usage: wirescope-cli ws [options] URL"), run.stdoutBytes.constData());
    for (const char *option : {"-k, --insecure", "-m, --max-time <SECONDS>", "--connect-timeout <SECONDS>",
                               "--handshake-timeout <SECONDS>", "-x, --proxy <URL>", "--ping <PAYLOAD>"})
        QVERIFY2(run.stdoutBytes.contains(option), option);
}

QTEST_GUILESS_MAIN(TestWsCli)
#include "tst_wscli.moc"

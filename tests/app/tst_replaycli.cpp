// `wirescope-cli replay` (docs/replay.md, docs/cli.md) run as built: sessions recorded by the
// CLI against the demo server replay against it without a difference; a server that answers
// differently (the demo server on another path, a WebSocket peer that changes a field) is
// reported with exit 6 unless an ignore rule covers it; reports, pacing, retargeting, and
// bad input (not a session, bad rules, a server that is not there).
#include "core/net/wsconnection.h"
#include "core/session/replayplan.h"
#include "core/session/session.h"
#include "core/session/sessionfilereader.h"
#include "core/session/sessionstore.h"
#include "tests/app/clirun.h"
#include "tests/peers/demopeer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QXmlStreamReader>

using namespace wirescope;
using namespace wirescope::test;

namespace {

constexpr int kDifferences = 6;

QString arg(const char *text)
{
    return QString::fromUtf8(text);
}

// A WebSocket peer that answers a JSON text message with the same object, its "id" plus 100:
// the server of a recorded echo conversation after a change.
class ChangingWsPeer : public QObject
{
public:
    ChangingWsPeer()
        : m_server(QStringLiteral("changing"), QWebSocketServer::NonSecureMode)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QWebSocket::textMessageReceived, socket, [socket](const QString &text) {
                    QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
                    if (o.contains(u"id"))
                        o[QStringLiteral("id")] = o[u"id"].toInt() + 100;
                    socket->sendTextMessage(o.isEmpty() ? text : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
                });
            }
        });
    }
    QString url() const { return QStringLiteral("ws://127.0.0.1:%1").arg(m_server.serverPort()); }

private:
    QWebSocketServer m_server;
};

QList<Direction> directions(const QString &path)
{
    SessionFileError error;
    const std::unique_ptr<Session> session = SessionFileReader::load(path, &error);
    QList<Direction> out;
    if (!session)
        return out;
    for (const ReplayItem &item : ReplayPlan::fromTimeline(session->timeline()))
        for (const ReplayWsMessage &m : item.ws.messages)
            out << m.direction;
    return out;
}

} // namespace

class TestReplayCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void aReplayAgainstTheSameServerFindsNothing();
    void aChangedFieldIsADifferenceUnlessIgnored();
    void aChangedWebSocketReplyIsADifferenceUnlessIgnored();
    void baseUrlRetargetsAndSaveRecordsTheReplay();
    void reportsAreJUnitAndJson();
    void replyPaceWaitsForEachReplyFastDoesNot();
    void originalPaceKeepsTheRecordedOrder();
    void aServerThatIsNotThereIsReportedPerItem();
    void aFileThatIsNotASessionIsRefused_data();
    void aFileThatIsNotASessionIsRefused();
    void badOptionsAreUsageErrors_data();
    void badOptionsAreUsageErrors();

private:
    DemoPeer m_demo;
    QTemporaryDir m_dir;
    QString m_all;  // GET /anything/item, POST /post (JSON), a WebSocket echo of two messages
    QString m_get;  // GET /anything/item?x=1
    QString m_ws;   // a WebSocket echo of two JSON messages
    QString m_turns; // a WebSocket echo recorded one message per reply
    qint64 m_recordedBySecond = 0; // the recordings' Date headers are at most this second
};

void TestReplayCli::initTestCase()
{
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    m_all = m_dir.filePath(QStringLiteral("all.wirescope"));
    m_get = m_dir.filePath(QStringLiteral("get.wirescope"));
    m_ws = m_dir.filePath(QStringLiteral("ws.wirescope"));
    m_turns = m_dir.filePath(QStringLiteral("turns.wirescope"));
    const QString item = m_demo.httpUrl(QStringLiteral("/anything/item")).toString() + QStringLiteral("?x=1");
    const QString echo = m_demo.wsUrl(QStringLiteral("/ws/echo")).toString();
    for (const QString &file : {m_all, m_get})
        QCOMPARE(runCli({arg("http"), arg("--save"), file, item}).exitCode, 0);
    QCOMPARE(runCli({arg("http"), arg("--save"), m_all, arg("-H"), arg("Content-Type: application/json"), arg("-d"),
                     arg(R"({"a":1,"b":[true,null]})"), m_demo.httpUrl(QStringLiteral("/post")).toString()})
                 .exitCode,
             0);
    for (const QString &file : {m_all, m_ws})
        QCOMPARE(runCli({arg("ws"), arg("--save"), file, arg("--text"), arg(R"({"id":1,"v":"a"})"), arg("--text"),
                         arg(R"({"id":2,"v":"b"})"), arg("--wait"), arg("0.3"), echo})
                     .exitCode,
                 0);

    m_recordedBySecond = QDateTime::currentSecsSinceEpoch();

    // One message per reply, which the ws command cannot do: recorded here, as the window would.
    Session session;
    SessionStore store;
    SessionFileError storeError;
    QVERIFY2(store.open(m_turns, &storeError), qPrintable(storeError.message));
    store.attach(&session);
    WsConnection connection(&session, nullptr);
    QSignalSpy opened(&connection, &WsConnection::handshakeFinished);
    QSignalSpy messages(&connection, &WsConnection::messageDecoded);
    QSignalSpy closed(&connection, &WsConnection::closed);
    WsConnectOptions options;
    options.url = m_demo.wsUrl(QStringLiteral("/ws/echo"));
    connection.open(options);
    QVERIFY(opened.wait());
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(connection.sendText(QStringLiteral("turn %1").arg(i)));
        QTRY_COMPARE(messages.size(), 2 * i); // ours and the echo
    }
    QVERIFY(connection.close());
    QVERIFY(closed.wait());
    session.recorder()->drain();
    QVERIFY(store.close());
    QCOMPARE(directions(m_turns), (QList<Direction>{Direction::Out, Direction::In, Direction::Out, Direction::In,
                                                    Direction::Out, Direction::In}));
}

void TestReplayCli::aReplayAgainstTheSameServerFindsNothing()
{
    // Date is the one header of the demo server that changes with time: ignored as
    // docs/replay.md suggests, nothing else is.
    const CliRun run = runCli({arg("replay"), m_all, arg("--ignore"), arg("header:Date")});
    QVERIFY2(run.exitCode == 0, run.stdoutBytes.constData());
    const QString out = QString::fromUtf8(run.stdoutBytes);
    QVERIFY2(out.contains(QStringLiteral("SAME 1/3 GET http://127.0.0.1:%1/anything/item?x=1").arg(m_demo.port())), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("SAME 2/3 POST")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("SAME 3/3 WS ws://127.0.0.1:%1/ws/echo").arg(m_demo.port())), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("replay: 3 items (2 HTTP, 1 WebSocket) in ")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral(": 0 differ, 3 same; 0 differences, ")), qPrintable(out));
    QVERIFY(run.stderrText.isEmpty());
}

void TestReplayCli::aChangedFieldIsADifferenceUnlessIgnored()
{
    // The same demo server under /anything: the echo's "url" field changes, and with it the
    // body's length. Date (RFC 9110 §6.6.1) has a one-second resolution: the replay waits
    // for a second after the recording so that it is an ignored difference every time.
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentSecsSinceEpoch() > m_recordedBySecond, 3000);
    const QString base = m_demo.httpUrl(QStringLiteral("/anything")).toString();
    const CliRun changed = runCli({arg("replay"), m_get, arg("--base-url"), base, arg("--ignore"), arg("header:Date")});
    QCOMPARE(changed.exitCode, kDifferences);
    const QString out = QString::fromUtf8(changed.stdoutBytes);
    QVERIFY2(out.contains(QStringLiteral("DIFF 1/1 GET ")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("    body $.url\n      - \"http://127.0.0.1:%1/anything/item?x=1\"\n"
                                         "      + \"http://127.0.0.1:%1/anything/anything/item?x=1\"\n")
                              .arg(m_demo.port())),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("    header Content-Length\n")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral(": 1 differ, 0 same; 2 differences, 1 ignored")), qPrintable(out));

    const CliRun ignored = runCli({arg("replay"), m_get, arg("--base-url"), base, arg("--ignore"), arg("header:Date"),
                                   arg("--ignore"), arg("json:$.url"), arg("--ignore"), arg("header:content-length")});
    QVERIFY2(ignored.exitCode == 0, ignored.stdoutBytes.constData());
    QVERIFY2(ignored.stdoutBytes.contains("SAME 1/1 GET "), ignored.stdoutBytes.constData());
    QVERIFY2(ignored.stdoutBytes.contains("0 differences, 3 ignored"), ignored.stdoutBytes.constData());
}

void TestReplayCli::aChangedWebSocketReplyIsADifferenceUnlessIgnored()
{
    ChangingWsPeer peer;
    const CliRun changed = runCli({arg("replay"), m_ws, arg("--base-url"), peer.url()});
    QCOMPARE(changed.exitCode, kDifferences);
    const QString out = QString::fromUtf8(changed.stdoutBytes);
    QVERIFY2(out.contains(QStringLiteral("DIFF 1/1 WS ws://127.0.0.1:%1/ws/echo -> %2/ws/echo").arg(m_demo.port()).arg(peer.url())),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("    received message 1 $.id\n      - 1\n      + 101\n")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("    received message 2 $.id\n      - 2\n      + 102\n")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("2 differences, 0 ignored")), qPrintable(out));

    const CliRun ignored = runCli({arg("replay"), m_ws, arg("--base-url"), peer.url(), arg("--ignore"), arg("json:$.id")});
    QVERIFY2(ignored.exitCode == 0, ignored.stdoutBytes.constData());
}

void TestReplayCli::baseUrlRetargetsAndSaveRecordsTheReplay()
{
    DemoPeer other;
    QString error;
    QVERIFY2(other.start(&error), qPrintable(error));
    const QString saved = m_dir.filePath(QStringLiteral("replayed.wirescope"));
    const CliRun run = runCli({arg("replay"), m_all, arg("--base-url"), other.httpUrl().toString(), arg("--ignore"),
                               arg("header:Date"), arg("--save"), saved});
    // The demo server echoes where it was asked: the other port shows in "url" and in the
    // echoed Host header, and nowhere else.
    QCOMPARE(run.exitCode, kDifferences);
    const QString out = QString::fromUtf8(run.stdoutBytes);
    QVERIFY2(out.contains(QStringLiteral("+ \"http://127.0.0.1:%1/anything/item?x=1\"").arg(other.port())), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("SAME 3/3 WS ws://127.0.0.1:%1/ws/echo -> ws://127.0.0.1:%2/ws/echo")
                              .arg(m_demo.port())
                              .arg(other.port())),
             qPrintable(out));

    // --save holds the replayed traffic: the two exchanges and the connection, at the other port.
    SessionFileError loadError;
    const std::unique_ptr<Session> replay = SessionFileReader::load(saved, &loadError);
    QVERIFY2(replay, qPrintable(loadError.message));
    const QList<ReplayItem> items = ReplayPlan::fromTimeline(replay->timeline());
    QCOMPARE(items.size(), 3);
    QCOMPARE(QUrl(items.at(0).exchange->hops.first().request.url).port(), int(other.port()));
    QCOMPARE(items.at(2).ws.options.url.port(), int(other.port()));
    QCOMPARE(items.at(2).ws.count(Direction::In), 2);

    // Replaying the replay against the other server is a regression test that passes.
    const CliRun again = runCli({arg("replay"), saved, arg("--ignore"), arg("header:Date")});
    QVERIFY2(again.exitCode == 0, again.stdoutBytes.constData());
}

void TestReplayCli::reportsAreJUnitAndJson()
{
    const QString junit = m_dir.filePath(QStringLiteral("report.xml"));
    const CliRun run = runCli({arg("replay"), m_all, arg("--base-url"), m_demo.httpUrl(QStringLiteral("/anything")).toString(),
                               arg("--ignore"), arg("header:Date"), arg("--report"), arg("junit"), arg("--out"), junit});
    QCOMPARE(run.exitCode, kDifferences);
    QVERIFY(run.stdoutBytes.contains("replay: 3 items")); // the text still goes to stdout
    QFile file(junit);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList testcases;
    int failures = 0;
    QString suiteTests;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"testsuite")
            suiteTests = xml.attributes().value(QLatin1String("tests")).toString();
        if (xml.name() == u"testcase")
            testcases << xml.attributes().value(QLatin1String("classname")).toString();
        if (xml.name() == u"failure")
            ++failures;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(testcases, (QStringList{arg("replay.http"), arg("replay.http"), arg("replay.websocket")}));
    QCOMPARE(suiteTests, QStringLiteral("3"));
    QCOMPARE(failures, 3); // under /anything every item answers differently (the WebSocket one is refused)

    // Without --out the report is stdout and the text goes to stderr.
    const CliRun json = runCli({arg("replay"), m_get, arg("--report"), arg("json"), arg("--pace"), arg("fast")});
    QCOMPARE(json.exitCode, kDifferences); // Date, not ignored
    const QJsonObject o = json.object();
    QCOMPARE(o[u"format_version"].toInt(), 2);
    QCOMPARE(o[u"report"].toString(), QStringLiteral("replay"));
    QCOMPARE(o[u"pace"].toString(), QStringLiteral("fast"));
    QCOMPARE(o[u"file"].toString(), m_get);
    QCOMPARE(o[u"summary"][u"items"].toInt(), 1);
    const QJsonArray differences = o[u"items"][0][u"differences"].toArray();
    QCOMPARE(differences.size(), 1);
    QCOMPARE(differences.at(0)[u"aspect"].toString(), QStringLiteral("header"));
    QCOMPARE(differences.at(0)[u"header"].toString(), QStringLiteral("Date"));
    QVERIFY(json.stderrText.contains("DIFF 1/1 GET "));
}

void TestReplayCli::replyPaceWaitsForEachReplyFastDoesNot()
{
    const QString reply = m_dir.filePath(QStringLiteral("reply.wirescope"));
    const CliRun run = runCli({arg("replay"), m_turns, arg("--pace"), arg("reply"), arg("--save"), reply});
    QVERIFY2(run.exitCode == 0, run.stdoutBytes.constData());
    QCOMPARE(directions(reply), (QList<Direction>{Direction::Out, Direction::In, Direction::Out, Direction::In,
                                                  Direction::Out, Direction::In}));
    // Fast sends every message at once: all three leave before the first echo can arrive.
    const QString fast = m_dir.filePath(QStringLiteral("fast.wirescope"));
    const CliRun fastRun = runCli({arg("replay"), m_turns, arg("--pace"), arg("fast"), arg("--save"), fast});
    QVERIFY2(fastRun.exitCode == 0, fastRun.stdoutBytes.constData());
    QCOMPARE(directions(fast), (QList<Direction>{Direction::Out, Direction::Out, Direction::Out, Direction::In,
                                                 Direction::In, Direction::In}));
}

void TestReplayCli::originalPaceKeepsTheRecordedOrder()
{
    const QString original = m_dir.filePath(QStringLiteral("original.wirescope"));
    const CliRun run = runCli({arg("replay"), m_all, arg("--pace"), arg("original"), arg("--ignore"), arg("header:Date"),
                               arg("--save"), original});
    QVERIFY2(run.exitCode == 0, run.stdoutBytes.constData());
    SessionFileError error;
    const std::unique_ptr<Session> recorded = SessionFileReader::load(m_all, &error);
    const std::unique_ptr<Session> replayed = SessionFileReader::load(original, &error);
    QVERIFY(recorded && replayed);
    const QList<ReplayItem> a = ReplayPlan::fromTimeline(recorded->timeline());
    const QList<ReplayItem> b = ReplayPlan::fromTimeline(replayed->timeline());
    QCOMPARE(b.size(), a.size());
    // Each item starts no earlier after the first than it did in the recording.
    for (qsizetype i = 1; i < a.size(); ++i)
        QVERIFY(b.at(i).startNs - b.first().startNs >= a.at(i).startNs - a.first().startNs);
}

void TestReplayCli::aServerThatIsNotThereIsReportedPerItem()
{
    // Port 1 on loopback refuses: every item says so and the run ends (exit 3: nothing connected).
    const CliRun run = runCli({arg("replay"), m_all, arg("--base-url"), arg("http://127.0.0.1:1")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 3);
    const QString out = QString::fromUtf8(run.stdoutBytes);
    for (int i = 1; i <= 3; ++i)
        QVERIFY2(out.contains(QStringLiteral("DIFF %1/3 ").arg(i)), qPrintable(out));
    QCOMPARE(out.count(QStringLiteral("connect.refused")), 3);
}

void TestReplayCli::aFileThatIsNotASessionIsRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("id");
    QTest::newRow("a text file") << QByteArray("hello\n") << QStringLiteral("session.not_wirescope");
    QTest::newRow("a file that is not there") << QByteArray() << QStringLiteral("session.unreadable");
    QTest::newRow("SQLite garbage") << QByteArray("SQLite format 3\0garbage garbage garbage", 40) << QStringLiteral("session.");
}

void TestReplayCli::aFileThatIsNotASessionIsRefused()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, id);
    const QString path = m_dir.filePath(QStringLiteral("bad-%1").arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const CliRun run = runCli({arg("replay"), path});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.stdoutBytes.isEmpty()); // nothing sent, nothing compared
    QVERIFY2(run.stderrText.startsWith(QStringLiteral("wirescope-cli replay: %1: %2").arg(path, id).toUtf8()),
             run.stderrText.constData());
}

void TestReplayCli::badOptionsAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList{} << "exactly one session FILE expected";
    QTest::newRow("a rule without a kind") << QStringList{arg("--ignore"), arg("Date")}
                                           << "ignore rule 'Date': expected header:NAME, json:PATH or regex:RE";
    QTest::newRow("a JSON path without $") << QStringList{arg("--ignore"), arg("json:id")}
                                           << "ignore rule 'json:id': a JSON path starts with '$'";
    QTest::newRow("a broken regex") << QStringList{arg("--ignore"), arg("regex:[")} << "ignore rule 'regex:['";
    QTest::newRow("an unknown pace") << QStringList{arg("--pace"), arg("slow")} << "--pace needs original, fast or reply";
    QTest::newRow("an unknown report") << QStringList{arg("--report"), arg("xml")} << "--report needs json or junit";
    QTest::newRow("--out alone") << QStringList{arg("--out"), arg("x")} << "--out needs --report";
    QTest::newRow("an ftp base URL") << QStringList{arg("--base-url"), arg("ftp://x/")} << "is not http://, https://, ws:// or wss://";
    QTest::newRow("a zero reply timeout") << QStringList{arg("--reply-timeout"), arg("0")} << "--reply-timeout needs seconds";
}

void TestReplayCli::badOptionsAreUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QStringList all{arg("replay")};
    all += arguments;
    if (!QTest::currentDataTag() || QByteArray(QTest::currentDataTag()) != "no file")
        all << m_all;
    const CliRun run = runCli(all);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.stdoutBytes.isEmpty());
    QVERIFY2(run.stderrText.contains(message.toUtf8()), run.stderrText.constData());
    QVERIFY(run.stderrText.contains("(see --help)"));
}

QTEST_GUILESS_MAIN(TestReplayCli)
#include "tst_replaycli.moc"

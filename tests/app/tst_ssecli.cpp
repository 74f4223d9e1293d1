// Runs the built `wirescope-cli sse` against the demo server's /sse (streams, drops,
// resumption) and scripted peers (CRLF, a BOM, comments, a block without data, a last event
// the stream ended inside of, answers that are not streams), and checks its JSON lines (docs/cli.md "sse").
#include "tests/app/clirun.h"
#include "tests/app/scriptedserver.h"
#include "tests/peers/demopeer.h"

#include <QJsonArray>
#include <QTest>

using namespace wirescope::test;

namespace {

CliRun runSse(const QStringList &arguments)
{
    return runCli(QStringList{QStringLiteral("sse")} + arguments);
}

QStringList ids(const CliRun &run)
{
    QStringList out;
    for (const QJsonObject &m : run.ofEvent(QStringLiteral("message")))
        out << m[u"id"].toString();
    return out;
}

} // namespace

class TestSseCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
    }

    void aStreamIsPrintedEventByEvent()
    {
        const CliRun run = runSse({m_demo.httpUrl(QStringLiteral("/sse?hz=100&count=3")).toString(), QStringLiteral("--no-reconnect")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!run.lines.isEmpty());
        QCOMPARE(run.lines.first()[u"event"].toString(), QStringLiteral("session"));
        QVERIFY(run.lines.first()[u"started_at"].toString().endsWith(u'Z'));
        for (const QJsonObject &line : run.lines)
            QCOMPARE(line[u"format_version"].toInt(), 2);
        QCOMPARE(run.ofEvent(QStringLiteral("connecting")).size(), 1);
        const QList<QJsonObject> open = run.ofEvent(QStringLiteral("open"));
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first()[u"status"].toInt(), 200);
        QCOMPARE(ids(run), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        const QList<QJsonObject> messages = run.ofEvent(QStringLiteral("message"));
        QCOMPARE(messages.first()[u"type"].toString(), QStringLiteral("message"));
        QCOMPARE(messages.first()[u"retry_ms"].toInt(), 2000);
        QVERIFY(!messages.at(1).contains(u"retry_ms"));
        QVERIFY(messages.first()[u"data"].toString().contains(QStringLiteral("\"seq\":1")));
        // On one clock, in order: the body offsets of each event follow each other.
        QCOMPARE(messages.at(1)[u"span"].toArray().at(0).toInteger(), messages.at(0)[u"span"].toArray().at(1).toInteger());
        QVERIFY(messages.at(1)[u"t_ns"].toInteger() >= messages.at(0)[u"t_ns"].toInteger());
        const QList<QJsonObject> end = run.ofEvent(QStringLiteral("end"));
        QCOMPARE(end.size(), 1);
        QCOMPARE(end.first()[u"reason"].toString(), QStringLiteral("the stream ended"));
        QCOMPARE(end.first()[u"events"].toInt(), 3);
    }

    void aCutStreamReconnectsWithTheLastEventId()
    {
        // The server cuts the connection after every two events; each reconnection names the
        // last id seen, and the stream goes on without a gap or a repeat.
        const CliRun run = runSse({m_demo.httpUrl(QStringLiteral("/sse?hz=100&count=5&retry=50&drop_after=2")).toString(),
                                   QStringLiteral("--max-events"), QStringLiteral("5")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(ids(run), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                                        QStringLiteral("5")}));
        const QList<QJsonObject> attempts = run.ofEvent(QStringLiteral("connecting"));
        QCOMPARE(attempts.size(), 3);
        QVERIFY(attempts.at(0)[u"last_event_id"].isNull());
        QCOMPARE(attempts.at(1)[u"last_event_id"].toString(), QStringLiteral("2"));
        QCOMPARE(attempts.at(2)[u"last_event_id"].toString(), QStringLiteral("4"));
        const QList<QJsonObject> closed = run.ofEvent(QStringLiteral("closed"));
        QCOMPARE(closed.size(), 2);
        QCOMPARE(closed.first()[u"reconnect_in_ms"].toInt(), 50);
        QVERIFY(!closed.first()[u"error"][u"id"].toString().isEmpty()); // the cut, as the engine names it
        QCOMPARE(run.ofEvent(QStringLiteral("end")).first()[u"reason"].toString(), QStringLiteral("max events"));
    }

    void aPostStreamsAsLlmApisDo()
    {
        const CliRun run = runSse({QStringLiteral("-d"), QStringLiteral(R"({"prompt":"hi"})"),
                                   m_demo.httpUrl(QStringLiteral("/sse?hz=100&count=2")).toString(), QStringLiteral("--no-reconnect")});
        QCOMPARE(run.exitCode, 0);
        const QList<QJsonObject> messages = run.ofEvent(QStringLiteral("message"));
        QCOMPARE(messages.size(), 2);
        QVERIFY(messages.first()[u"data"].toString().contains(QStringLiteral("\"method\":\"POST\"")));
    }

    void theEventStreamRulesOfAnIndependentPeer()
    {
        ScriptedServer server(ScriptedServer::Answer::Bytes,
                              "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
                              "\xEF\xBB\xBF: hello\r\nevent: add\r\ndata: a\r\ndata:  b\r\n\r\nid: 9\r\nretry: 70\r\n\r\n"
                              "data: cut\n",
                              ScriptedServer::Then::Close);
        const CliRun run = runSse({server.url(QStringLiteral("http")), QStringLiteral("--no-reconnect")});
        QCOMPARE(run.exitCode, 0);
        const QList<QJsonObject> comments = run.ofEvent(QStringLiteral("comment"));
        QCOMPARE(comments.size(), 1);
        QCOMPARE(comments.first()[u"text"].toString(), QStringLiteral("hello"));
        const QList<QJsonObject> messages = run.ofEvent(QStringLiteral("message"));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first()[u"type"].toString(), QStringLiteral("add"));
        QCOMPARE(messages.first()[u"data"].toString(), QStringLiteral("a\n b"));
        const QList<QJsonObject> noData = run.ofEvent(QStringLiteral("no_data"));
        QCOMPARE(noData.size(), 1);
        QCOMPARE(noData.first()[u"id"].toString(), QStringLiteral("9"));
        QCOMPARE(noData.first()[u"retry_ms"].toInt(), 70);
        const QList<QJsonObject> cut = run.ofEvent(QStringLiteral("unterminated"));
        QCOMPARE(cut.size(), 1);
        QCOMPARE(cut.first()[u"data"].toString(), QStringLiteral("cut"));
        QCOMPARE(run.ofEvent(QStringLiteral("end")).first()[u"events"].toInt(), 1);
    }

    void whatIsNotAStreamEndsIt_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("reason");
        QTest::newRow("JSON") << QStringLiteral("/get") << 5 << QStringLiteral("Content-Type application/json is not text/event-stream");
        QTest::newRow("503") << QStringLiteral("/status/503") << 5 << QStringLiteral("status 503 is not a stream");
        QTest::newRow("204 ends it") << QStringLiteral("/status/204") << 0 << QStringLiteral("no content: the server ended the stream (204)");
    }

    void whatIsNotAStreamEndsIt()
    {
        // WHATWG HTML §9.2.3: anything but a 200 text/event-stream fails the connection for
        // good, without reconnecting.
        QFETCH(QString, path);
        QFETCH(int, exitCode);
        QFETCH(QString, reason);
        const CliRun run = runSse({m_demo.httpUrl(path).toString()});
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(run.ofEvent(QStringLiteral("connecting")).size(), 1);
        QCOMPARE(run.ofEvent(QStringLiteral("end")).first()[u"reason"].toString(), reason);
    }

    void badOptionsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no URL") << QStringList{};
        QTest::newRow("max-events 0") << QStringList{QStringLiteral("--max-events"), QStringLiteral("0"), QStringLiteral("http://127.0.0.1:1/")};
        QTest::newRow("wait not a number") << QStringList{QStringLiteral("--wait"), QStringLiteral("soon"), QStringLiteral("http://127.0.0.1:1/")};
    }

    void badOptionsAreUsageErrors()
    {
        QFETCH(QStringList, arguments);
        const CliRun run = runSse(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.stdoutBytes.isEmpty());
    }

private:
    DemoPeer m_demo;
};

QTEST_MAIN(TestSseCli)
#include "tst_ssecli.moc"

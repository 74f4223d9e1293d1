// The replay engine as a window uses it (docs/replay.md#in-the-window): a session recorded in
// this process, replayed against the demo server, reported through three signals with values;
// a cancelled replay ends once and starts nothing more.
#include "core/net/httpclient.h"
#include "core/net/replayer.h"
#include "core/net/wsconnection.h"
#include "core/session/session.h"
#include "tests/peers/demopeer.h"

#include <QSignalSpy>
#include <QTest>

using namespace wirescope;

class TestReplayer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void replaysAndReportsItemByItem();
    void aCancelledReplayEndsOnce();

private:
    test::DemoPeer m_demo;
    Session m_recording;
};

void TestReplayer::initTestCase()
{
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
    HttpClient client(&m_recording);
    for (const QString &path : {QStringLiteral("/get?a=1"), QStringLiteral("/anything/x")}) {
        HttpRequest request;
        request.setUrl(m_demo.httpUrl(path).toString());
        HttpExchange *exchange = client.start(request);
        QSignalSpy finished(exchange, &HttpExchange::finished);
        QVERIFY(finished.wait());
    }
    WsConnection ws(&m_recording, nullptr);
    QSignalSpy opened(&ws, &WsConnection::handshakeFinished);
    QSignalSpy messages(&ws, &WsConnection::messageDecoded);
    QSignalSpy closed(&ws, &WsConnection::closed);
    WsConnectOptions options;
    options.url = m_demo.wsUrl(QStringLiteral("/ws/echo"));
    ws.open(options);
    QVERIFY(opened.wait());
    ws.sendText(QStringLiteral("{\"n\":1}"));
    ws.sendBinary(QByteArray("\x00\x01", 2));
    QTRY_COMPARE(messages.size(), 4);
    ws.close(4000, QStringLiteral("done"));
    QVERIFY(closed.wait());
    m_recording.recorder()->drain();
    QCOMPARE(ReplayPlan::fromTimeline(m_recording.timeline()).size(), 3);
}

void TestReplayer::replaysAndReportsItemByItem()
{
    Session replay;
    Replayer replayer(&replay);
    QSignalSpy started(&replayer, &Replayer::itemStarted);
    QSignalSpy itemFinished(&replayer, &Replayer::itemFinished);
    QSignalSpy finished(&replayer, &Replayer::finished);
    ReplayOptions options;
    QString error;
    QVERIFY(options.rules.add(QStringLiteral("header:Date"), &error));
    replayer.start(ReplayPlan::fromTimeline(m_recording.timeline()), options, QStringLiteral("in memory"));
    QVERIFY(replayer.isRunning());
    QVERIFY(finished.wait(20000));
    QVERIFY(!replayer.isRunning());
    QCOMPARE(started.size(), 3);
    QCOMPARE(itemFinished.size(), 3);
    QCOMPARE(started.at(0).at(0).value<qsizetype>(), 0);
    QCOMPARE(started.at(0).at(1).value<qsizetype>(), 3);
    QVERIFY(started.at(2).at(2).toString().startsWith(QStringLiteral("WS ws://")));
    const ReplayReport report = finished.first().first().value<ReplayReport>();
    QCOMPARE(report.items.size(), 3);
    for (const ReplayItemResult &item : report.items)
        QVERIFY2(item.passed(), qPrintable(ReplayReportWriter::itemText(item, 3)));
    QCOMPARE(report.items.at(2).kind, ReplayItem::Kind::WebSocket);
    QCOMPARE(report.ignoreRules, QStringList{QStringLiteral("header:Date")});
    // The replay is in the session's timeline like any traffic: the close as recorded.
    const QList<ReplayItem> replayed = ReplayPlan::fromTimeline(replay.timeline());
    QCOMPARE(replayed.size(), 3);
    QCOMPARE(replayed.at(2).ws.close->sentCode, std::optional<quint16>(4000));
    QCOMPARE(replayed.at(2).ws.messages.size(), 4);
}

void TestReplayer::aCancelledReplayEndsOnce()
{
    Session replay;
    Replayer replayer(&replay);
    QSignalSpy itemFinished(&replayer, &Replayer::itemFinished);
    QSignalSpy finished(&replayer, &Replayer::finished);
    ReplayOptions options;
    options.pace = ReplayPace::Original;
    connect(&replayer, &Replayer::itemStarted, &replayer, [&replayer](qsizetype index) {
        if (index == 1)
            replayer.cancel();
    });
    replayer.start(ReplayPlan::fromTimeline(m_recording.timeline()), options);
    QVERIFY(finished.wait(20000));
    QTest::qWait(50); // nothing more comes
    QCOMPARE(finished.size(), 1);
    QCOMPARE(itemFinished.size(), 2);
    const ReplayReport report = finished.first().first().value<ReplayReport>();
    QCOMPARE(report.items.size(), 2);
    QCOMPARE(report.items.at(1).failure.id(), QStringLiteral("cancelled"));
    QVERIFY(!report.items.at(1).passed());
}

QTEST_GUILESS_MAIN(TestReplayer)
#include "tst_replayer.moc"

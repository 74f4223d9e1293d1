// The recorder and the timeline, fed the way the engines feed them: real bytes through the
// real codecs (frame parser, assembler, permessage-deflate) into a TimelineWriter, then
// compared line by line with golden event logs, for every split of the server's bytes.
#include "core/session/recorder.h"
#include "core/session/timeline.h"
#include "core/session/timelinetext.h"
#include "core/session/timelinewriter.h"
#include "core/wire/wsframewriter.h"
#include "tests/peers/simulatedwsconnection.h"

#include <QFile>
#include <QtTest>

#include <memory>

using namespace wirescope;
using wirescope::test::SimulatedWsConnection;

namespace {

QString goldenPath(const QString &name)
{
    return QStringLiteral(WIRESCOPE_SOURCE_DIR "/tests/core/session/golden/") + name + QStringLiteral(".txt");
}

// Compares with the golden log; WIRESCOPE_UPDATE_GOLDEN=1 rewrites it instead.
bool matchesGolden(const QString &name, const QString &actual, QString *why)
{
    QFile file(goldenPath(name));
    if (qEnvironmentVariableIntValue("WIRESCOPE_UPDATE_GOLDEN")) {
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(actual.toUtf8());
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("missing golden file ") + file.fileName();
        return false;
    }
    const QString expected = QString::fromUtf8(file.readAll());
    if (expected == actual)
        return true;
    *why = QStringLiteral("golden %1 differs.\n--- expected\n%2--- actual\n%3").arg(name, expected, actual);
    return false;
}

// The Message rows of a timeline (messages of more than one frame).
QList<qsizetype> messageRows(const Timeline &t)
{
    QList<qsizetype> rows;
    for (qsizetype i = 0; i < t.rowCount(); ++i)
        if (t.row(i).rowKind() == RowKind::Message)
            rows << i;
    return rows;
}

struct Harness {
    Timeline timeline;
    Recorder recorder{&timeline};
    QObject context;
    TimelineWriter writer{&recorder, &context};
    QList<QPair<qsizetype, qsizetype>> announced; // every rowsAppended(first, end)

    Harness()
    {
        QObject::connect(&recorder, &Recorder::rowsAppended, &context,
                         [this](qsizetype first, qsizetype end) { announced.append({first, end}); });
    }

    QString finish(bool withTimes = false)
    {
        writer.flush();
        recorder.drain();
        return timelineText(timeline, 0, withTimes);
    }
};

} // namespace

class TestRecorder : public QObject
{
    Q_OBJECT
private slots:
    void goldenLogs_data();
    void goldenLogs();
    void rowsStayCompact();
    void payloadsComeBackFromTheStoredBytes();
    void aMessageReassemblesItsFragmentsAroundControlFrames();
    void aRuleBrokenByAFragmentFlagsItsMessage();
    void aReconnectAppendsAConnection();
    void httpAndWebSocketShareOneClock();
    void anExchangeThatNeverConnectedIsStillARow();
    void batchesFromSeveralThreadsKeepEachConnectionsOrder();
    void theByteBudgetDropsBytesNotRows();
    void nothingIsAnnouncedTwice();
    void aTurnOnTheRecordersThreadIsAppliedWhenItEnds();
    void aTurnOnAnotherThreadIsPosted();
};

void TestRecorder::goldenLogs_data()
{
    QTest::addColumn<QString>("golden");
    QTest::addColumn<int>("scenario");
    QTest::newRow("a fragmented message with a ping between its frames") << QStringLiteral("fragmented_with_ping") << 0;
    QTest::newRow("a rule broken in the middle of a message") << QStringLiteral("violation_mid_message") << 1;
    QTest::newRow("compressed messages, one frame and three") << QStringLiteral("compressed") << 2;
    QTest::newRow("a crafted frame and the server's close") << QStringLiteral("crafted_and_close") << 3;
}

void TestRecorder::goldenLogs()
{
    QFETCH(QString, golden);
    QFETCH(int, scenario);
    // Every split of the server's bytes gives the same log (the parser is resumable at any
    // byte, and the rows do not depend on how reads were cut).
    QString first;
    for (qsizetype split : {0, 1, 2, 3, 5, 7, 13}) {
        Harness h;
        SimulatedWsConnection ws(h.writer, 1, scenario == 2);
        ws.open(100, QStringLiteral("ws://example.test/chat"));
        ws.playConversation(SimulatedWsConnection::Conversation(scenario), split);
        const QString log = h.finish();
        if (split == 0) {
            first = log;
            QString why;
            QVERIFY2(matchesGolden(golden, log, &why), qPrintable(why));
        } else {
            QCOMPARE(log, first);
        }
    }
}

void TestRecorder::rowsStayCompact()
{
    QCOMPARE(sizeof(TimelineRow), size_t(32));
    // A million small messages: rows and bytes, nothing per row on the heap.
    Harness h;
    SimulatedWsConnection ws(h.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    QByteArray burst;
    for (int i = 0; i < 1000; ++i)
        burst += ws.serverFrame(WsOpcode::Text, QByteArray(32, 'a'));
    for (int i = 0; i < 1000; ++i)
        ws.read(i, burst);
    h.finish();
    const qsizetype messages = 1'000'000;
    const double perMessage = double(h.timeline.memoryUsed()) / messages;
    qInfo("timeline: %.1f bytes per 32-byte message (34 on the wire)", perMessage);
    QVERIFY2(perMessage < 34 + 32 + 8 + 16, qPrintable(QString::number(perMessage)));
}

void TestRecorder::payloadsComeBackFromTheStoredBytes()
{
    Harness h;
    SimulatedWsConnection ws(h.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    ws.sendText(10, "masked by us");
    ws.read(20, ws.serverFrame(WsOpcode::Binary, QByteArray::fromHex("00ff10")));
    h.finish();
    const Timeline &t = h.timeline;
    qsizetype out = -1, in = -1;
    for (qsizetype i = 0; i < t.rowCount(); ++i) {
        if (t.row(i).rowKind() != RowKind::Frame)
            continue;
        (t.row(i).direction() == Direction::Out ? out : in) = i;
    }
    QVERIFY(out >= 0 && in >= 0);
    QCOMPARE(t.payload(out), QByteArray("masked by us"));
    QCOMPARE(t.payload(out, 6), QByteArray("masked"));
    QCOMPARE(t.payload(in), QByteArray::fromHex("00ff10"));
    const std::optional<WsFrame> frame = t.frame(out);
    QVERIFY(frame);
    QVERIFY(frame->header.masked);
    QCOMPARE(wsMaskKeyHex(*frame->header.maskingKey), QByteArray("11223344"));
    QCOMPARE(frame->wireBytes(), t.wireBytes(out));
    QCOMPARE(frame->streamOffset, t.row(out).offset);
}

void TestRecorder::aMessageReassemblesItsFragmentsAroundControlFrames()
{
    Harness h;
    SimulatedWsConnection ws(h.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    QByteArray server = ws.serverFrame(WsOpcode::Text, "one ", false);
    server += ws.serverFrame(WsOpcode::Ping, "x");
    server += ws.serverFrame(WsOpcode::Continuation, "two ", false);
    server += ws.serverFrame(WsOpcode::Continuation, "three", true);
    ws.read(5, server);
    ws.sendText(6, "abcdefghij", 4);
    h.finish();
    const Timeline &t = h.timeline;
    const QList<qsizetype> messages = messageRows(t);
    QCOMPARE(messages.size(), 2);
    QCOMPARE(t.payload(messages[0]), QByteArray("one two three"));
    QCOMPARE(t.framesOf(messages[0]).size(), size_t(3)); // the ping between them is not part of it
    QCOMPARE(t.payload(messages[1]), QByteArray("abcdefghij"));
    QCOMPARE(t.framesOf(messages[1]).size(), size_t(3));
    QCOMPARE(t.payload(messages[1], 5), QByteArray("abcde"));
    const TimelineConnection *c = t.connection(1);
    QCOMPARE(c->messageCount[0], quint64(1));
    QCOMPARE(c->messageCount[1], quint64(1));
    QCOMPARE(c->frameCount[0], quint64(4));
}

void TestRecorder::aRuleBrokenByAFragmentFlagsItsMessage()
{
    Harness h;
    SimulatedWsConnection ws(h.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    QByteArray first = ws.serverFrame(WsOpcode::Text, "ab", false);
    first[0] = char(quint8(first[0]) | 0x20); // RSV2 without an extension (RFC 6455 §5.2)
    ws.read(5, first + ws.serverFrame(WsOpcode::Continuation, "cd", true));
    ws.read(6, ws.serverFrame(WsOpcode::Text, "ef", false) + ws.serverFrame(WsOpcode::Continuation, "gh", true));
    h.finish();
    const Timeline &t = h.timeline;
    const QList<qsizetype> messages = messageRows(t);
    QCOMPARE(messages.size(), 2);
    QCOMPARE(t.payload(messages[0]), QByteArray("abcd"));
    // The message shows its fragment's broken rule; the next one broke none.
    QVERIFY(t.row(messages[0]).has(TimelineRow::HasViolation));
    QVERIFY(!t.row(messages[1]).has(TimelineRow::HasViolation));
}

void TestRecorder::aReconnectAppendsAConnection()
{
    Harness h;
    {
        SimulatedWsConnection first(h.writer, 1);
        first.open(0, QStringLiteral("ws://h/echo"));
        first.sendText(1, "before");
        first.close(2, 1000, true);
    }
    SimulatedWsConnection second(h.writer, 2);
    second.open(10, QStringLiteral("ws://h/echo"));
    second.sendText(11, "after");
    QString why;
    QVERIFY2(matchesGolden(QStringLiteral("reconnect"), h.finish(true), &why), qPrintable(why));
    QCOMPARE(h.timeline.connectionIds(), QList<quint32>({1, 2}));
    QVERIFY(h.timeline.connection(1)->close);
    QVERIFY(!h.timeline.connection(2)->close);
    QCOMPARE(h.timeline.connection(1)->label, h.timeline.connection(2)->label);
}

void TestRecorder::httpAndWebSocketShareOneClock()
{
    Harness h;
    SimulatedWsConnection ws(h.writer, 1);
    ws.open(1000, QStringLiteral("ws://h/"));
    HttpExchangeRecord exchange;
    exchange.startNs = 1500;
    exchange.endNs = 2500;
    HttpHop hop;
    hop.request.method = "GET";
    hop.request.url = QStringLiteral("http://h/get");
    hop.response.status = 200;
    hop.responseBytes = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    hop.connection.id = 2;
    exchange.hops.append(hop);
    ConnectionOpening http;
    http.protocol = ConnectionProtocol::Http;
    http.label = QStringLiteral("http://h:80");
    h.writer.opening(2, 1500, http);
    h.writer.chunk(2, CapturedChunk{1600, Direction::Out, 0, "GET /get HTTP/1.1\r\n\r\n"});
    h.writer.chunk(2, CapturedChunk{2400, Direction::In, 0, hop.responseBytes});
    h.writer.httpExchange(2, exchange);
    ws.sendText(2000, "between");
    QString why;
    QVERIFY2(matchesGolden(QStringLiteral("http_and_ws"), h.finish(true), &why), qPrintable(why));
    const TimelineConnection *c = h.timeline.connection(2);
    QCOMPARE(c->protocol, ConnectionProtocol::Http);
    QCOMPARE(c->stream(Direction::In).end(), qint64(hop.responseBytes.size()));
}

void TestRecorder::anExchangeThatNeverConnectedIsStillARow()
{
    Harness h;
    HttpExchangeRecord refused;
    refused.startNs = 5;
    refused.error = Failure::of(failures::UnresolvedVariables, QStringLiteral("host"));
    h.writer.httpExchange(0, refused);
    QCOMPARE(h.finish(), QStringLiteral("#0 c0 out exchange failed request.unresolved_variables\n"));
    QVERIFY(h.timeline.connectionIds().isEmpty());
}

void TestRecorder::batchesFromSeveralThreadsKeepEachConnectionsOrder()
{
    Timeline timeline;
    Recorder recorder(&timeline);
    constexpr int kThreads = 4;
    constexpr int kMessages = 5000;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int n = 0; n < kThreads; ++n) {
        threads.push_back(std::unique_ptr<QThread>(QThread::create([&recorder, n] {
            QObject context;
            TimelineWriter writer(&recorder, &context);
            SimulatedWsConnection ws(writer, quint32(n + 1));
            ws.open(0, QStringLiteral("ws://h/%1").arg(n));
            for (int i = 0; i < kMessages; ++i) {
                ws.read(i + 1, ws.serverFrame(WsOpcode::Text, QByteArray::number(i)));
                if (i % 97 == 0)
                    writer.flush();
            }
        })));
        threads.back()->start();
    }
    for (auto &t : threads)
        QVERIFY(t->wait(20000));
    recorder.drain();
    for (quint32 id = 1; id <= kThreads; ++id) {
        const TimelineConnection *c = timeline.connection(id);
        QVERIFY(c);
        QCOMPARE(c->messageCount[0], quint64(kMessages));
        int expected = 0;
        for (quint32 row : c->frameRows[0]) {
            QCOMPARE(timeline.payload(row), QByteArray::number(expected));
            ++expected;
        }
    }
}

void TestRecorder::theByteBudgetDropsBytesNotRows()
{
    Harness h;
    h.timeline.setByteBudget(64 * 1024);
    SimulatedWsConnection ws(h.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    for (int i = 0; i < 200; ++i)
        ws.read(i + 1, ws.serverFrame(WsOpcode::Binary, QByteArray(4000, char(i))));
    h.finish();
    const TimelineConnection *c = h.timeline.connection(1);
    QCOMPARE(c->messageCount[0], quint64(200));
    QVERIFY2(h.timeline.bytesHeld() <= 64 * 1024 + 1024 * 1024, qPrintable(QString::number(h.timeline.bytesHeld())));
    const quint32 firstFrame = c->frameRows[0].front();
    const quint32 lastFrame = c->frameRows[0].back();
    QVERIFY(!h.timeline.bytesHeld(firstFrame));
    QVERIFY(h.timeline.payload(firstFrame).isEmpty());
    QCOMPARE(h.timeline.row(firstFrame).size, quint32(4000)); // the row keeps its size
    QVERIFY(h.timeline.bytesHeld(lastFrame));
    QCOMPARE(h.timeline.payload(lastFrame), QByteArray(4000, char(199)));
}

void TestRecorder::nothingIsAnnouncedTwice()
{
    Harness h;
    const auto &announced = h.announced;
    SimulatedWsConnection ws(h.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    h.writer.flush();
    ws.sendText(1, "a");
    h.writer.flush();
    // Both batches were posted; one drain applies them in order and announces them once.
    QTRY_VERIFY(!announced.isEmpty());
    QCOMPARE(announced.size(), 1);
    QCOMPARE(announced.front().first, 0);
    QCOMPARE(announced.front().second, h.timeline.rowCount());
}

void TestRecorder::aTurnOnTheRecordersThreadIsAppliedWhenItEnds()
{
    Harness h;
    const auto &announced = h.announced;
    SimulatedWsConnection ws(h.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    h.writer.flush(); // queued, not applied yet
    QCOMPARE(h.timeline.rowCount(), 0);
    {
        const TimelineWriter::Turn outer(&h.writer);
        {
            const TimelineWriter::Turn inner(&h.writer);
            ws.read(1, ws.serverFrame(WsOpcode::Text, "a"));
        }
        QCOMPARE(h.timeline.rowCount(), 0); // only the outermost turn hands over
        ws.read(2, ws.serverFrame(WsOpcode::Text, "b"));
    }
    // Applied when the turn ended, after what was queued before it, and announced once.
    QCOMPARE(announced.size(), 1);
    QCOMPARE(announced.front().second, h.timeline.rowCount());
    const TimelineConnection *c = h.timeline.connection(1);
    QVERIFY(c);
    QCOMPARE(c->messageCount[0], quint64(2));
    QCOMPARE(h.timeline.payload(c->frameRows[0].back()), QByteArray("b"));
    QCOMPARE(h.timeline.row(0).rowKind(), RowKind::Event); // the opening, queued first
    // The flush posted by the first rows finds nothing left to apply.
    QCoreApplication::processEvents();
    QCOMPARE(announced.size(), 1);
}

void TestRecorder::aTurnOnAnotherThreadIsPosted()
{
    Timeline timeline;
    Recorder recorder(&timeline);
    std::unique_ptr<QThread> engine(QThread::create([&recorder] {
        QObject context;
        TimelineWriter writer(&recorder, &context);
        SimulatedWsConnection ws(writer, 1);
        const TimelineWriter::Turn turn(&writer);
        ws.open(0, QStringLiteral("ws://h/"));
        ws.read(1, ws.serverFrame(WsOpcode::Text, "a"));
    }));
    engine->start();
    QVERIFY(engine->wait(20000));
    // Never applied on the engine's thread: the timeline belongs to the recorder's.
    QCOMPARE(timeline.rowCount(), 0);
    QTRY_VERIFY(timeline.rowCount() > 0);
    QCOMPARE(timeline.connection(1)->messageCount[0], quint64(1));
}

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"

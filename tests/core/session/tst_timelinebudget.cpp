// The timeline's payload memory budget and the release of a connection's bytes: conversations
// are recorded the way the engine records them (SimulatedWsConnection: real bytes through the
// real codecs into a TimelineWriter and the Recorder), then the arithmetic is checked against
// what the streams saw, and every row says whether its bytes are held, dropped or released.
#include "core/session/recorder.h"
#include "core/session/timeline.h"
#include "core/session/timelinewriter.h"
#include "tests/peers/simulatedwsconnection.h"

#include <QtTest>

using namespace wirescope;
using wirescope::test::SimulatedWsConnection;

namespace {

struct Harness {
    Timeline timeline;
    Recorder recorder{&timeline};
    QObject context;
    TimelineWriter writer{&recorder, &context};

    void record()
    {
        writer.flush();
        recorder.drain();
    }
};

// Every byte the streams saw, and every inflated byte kept beside them.
qint64 bytesSeen(const Timeline &t, qint64 inflated)
{
    qint64 total = inflated;
    for (quint32 id : t.connectionIds())
        for (Direction d : {Direction::In, Direction::Out})
            total += t.connection(id)->stream(d).end();
    return total;
}

// The data messages of connection `id` received, oldest first.
QList<qsizetype> received(const Timeline &t, quint32 id)
{
    QList<qsizetype> rows;
    for (qsizetype i = 0; i < t.rowCount(); ++i) {
        const TimelineRow &r = t.row(i);
        if (r.connection == id && r.rowKind() == RowKind::Frame && r.direction() == Direction::In
            && (r.opcode == quint8(WsOpcode::Text) || r.opcode == quint8(WsOpcode::Binary)))
            rows << i;
    }
    return rows;
}

QByteArray messageText(int connection, int i, int size)
{
    QByteArray text = QByteArray::number(connection) + '/' + QByteArray::number(i) + ' ';
    // Varied enough that permessage-deflate cannot make it vanish, repetitive enough to shrink.
    while (text.size() < size)
        text += QByteArray::number(i * 7919 + text.size());
    return text.left(size);
}

} // namespace

class TestTimelineBudget : public QObject
{
    Q_OBJECT
private slots:
    void theOldestPayloadBytesGoFirst_data();
    void theOldestPayloadBytesGoFirst();
    void aLowerBudgetAppliesAtOnce();
    void releasingAConnectionFreesItsBytesAndKeepsItsRows();
    void aDiscardedConnectionKeepsNoLaterBytes();
    void aPongKnowsItsPing();
    void aMessageWithoutWireBytesIsHeldUntilReleased();
};

void TestTimelineBudget::theOldestPayloadBytesGoFirst_data()
{
    QTest::addColumn<qint64>("budget");
    QTest::addColumn<int>("connections");
    QTest::addColumn<int>("messages"); // per connection
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("deflate");
    QTest::addColumn<bool>("dropsSome");
    QTest::newRow("no budget keeps everything") << qint64(0) << 1 << 200 << 4000 << false << false;
    QTest::newRow("a budget larger than the traffic drops nothing") << qint64(8 << 20) << 1 << 200 << 4000 << false << false;
    QTest::newRow("one connection over 64 KiB") << qint64(64 << 10) << 1 << 400 << 4000 << false << true;
    QTest::newRow("two connections share the budget, oldest first") << qint64(256 << 10) << 2 << 400 << 4000 << false << true;
    QTest::newRow("500 kB messages, 4 MiB budget") << qint64(4 << 20) << 1 << 40 << 500000 << false << true;
    QTest::newRow("inflated payloads count and go oldest first") << qint64(64 << 10) << 1 << 400 << 4000 << true << true;
    // Above the blocks being written (which stay): a budget below them keeps no inflated
    // payload at all, not even the newest.
    QTest::newRow("inflated, two connections") << qint64(1 << 20) << 2 << 500 << 2000 << true << true;
}

void TestTimelineBudget::theOldestPayloadBytesGoFirst()
{
    QFETCH(qint64, budget);
    QFETCH(int, connections);
    QFETCH(int, messages);
    QFETCH(int, size);
    QFETCH(bool, deflate);
    QFETCH(bool, dropsSome);
    Harness h;
    h.timeline.setByteBudget(budget);
    std::vector<std::unique_ptr<SimulatedWsConnection>> ws;
    for (int c = 0; c < connections; ++c) {
        ws.push_back(std::make_unique<SimulatedWsConnection>(h.writer, quint32(c + 1), deflate));
        ws.back()->open(c, QStringLiteral("ws://h/%1").arg(c));
    }
    qint64 inflated = 0;
    qint64 t = 100;
    for (int i = 0; i < messages; ++i) {
        for (int c = 0; c < connections; ++c) {
            const QByteArray text = messageText(c, i, size);
            SimulatedWsConnection &conn = *ws[size_t(c)];
            conn.read(++t, deflate ? conn.serverCompressed(text) : conn.serverFrame(WsOpcode::Text, text));
            if (deflate)
                inflated += text.size();
        }
        if (i % 16 == 0)
            h.record(); // the budget is kept batch by batch, as the recorder applies them
    }
    h.record();

    // The arithmetic: every byte seen is either held or dropped.
    QCOMPARE(h.timeline.bytesHeld() + h.timeline.bytesDropped(), bytesSeen(h.timeline, inflated));
    QCOMPARE(h.timeline.bytesReleased(), qint64(0));
    QCOMPARE(h.timeline.bytesDropped() > 0, dropsSome);
    if (budget > 0) {
        // Over the budget by at most the block each stream is writing into (1 MiB at most,
        // or one chunk larger than that).
        const qint64 slack = qint64(connections) * 2 * std::max<qint64>(1 << 20, size + 14);
        QVERIFY2(h.timeline.bytesHeld() <= budget + slack,
                 qPrintable(QStringLiteral("%1 held for a budget of %2").arg(h.timeline.bytesHeld()).arg(budget)));
    }
    for (int c = 0; c < connections; ++c) {
        const QList<qsizetype> rows = received(h.timeline, quint32(c + 1));
        QCOMPARE(rows.size(), messages); // every row stays
        // The gone ones are the oldest: once one is held, every later one is.
        bool held = false;
        int gone = 0;
        for (int i = 0; i < rows.size(); ++i) {
            const qsizetype row = rows[i];
            QCOMPARE(h.timeline.row(row).size, quint32(size)); // the size stays
            const ByteStream::Absence absence = h.timeline.absence(row);
            if (absence == ByteStream::Absence::None) {
                held = true;
                QCOMPARE(h.timeline.payload(row), messageText(c, i, size));
            } else {
                QVERIFY2(!held, qPrintable(QStringLiteral("message %1 dropped after a held one").arg(i)));
                QCOMPARE(absence, ByteStream::Absence::Dropped);
                QVERIFY(!h.timeline.bytesHeld(row));
                QVERIFY(h.timeline.payload(row).isEmpty()); // nothing invented
                ++gone;
            }
        }
        QVERIFY(held); // the newest message is always there
        if (!dropsSome)
            QCOMPARE(gone, 0);
    }
}

void TestTimelineBudget::aLowerBudgetAppliesAtOnce()
{
    Harness h;
    SimulatedWsConnection ws(h.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    for (int i = 0; i < 40; ++i)
        ws.read(i + 1, ws.serverFrame(WsOpcode::Binary, QByteArray(100'000, char(i))));
    h.record();
    const qint64 seen = bytesSeen(h.timeline, 0);
    QCOMPARE(h.timeline.bytesHeld(), seen);
    h.timeline.setByteBudget(1 << 20);
    QVERIFY(h.timeline.bytesDropped() > 0);
    QCOMPARE(h.timeline.bytesHeld() + h.timeline.bytesDropped(), seen);
    QVERIFY(h.timeline.bytesHeld() <= 2 << 20);
    const QList<qsizetype> rows = received(h.timeline, 1);
    QCOMPARE(h.timeline.absence(rows.first()), ByteStream::Absence::Dropped);
    QCOMPARE(h.timeline.payload(rows.last()), QByteArray(100'000, char(39)));
}

void TestTimelineBudget::releasingAConnectionFreesItsBytesAndKeepsItsRows()
{
    Harness h;
    SimulatedWsConnection one(h.writer, 1, true);
    SimulatedWsConnection two(h.writer, 2);
    one.open(0, QStringLiteral("ws://h/one"));
    two.open(1, QStringLiteral("ws://h/two"));
    for (int i = 0; i < 20; ++i) {
        one.read(10 + i, one.serverCompressed(messageText(1, i, 3000)));
        two.read(10 + i, two.serverFrame(WsOpcode::Text, messageText(2, i, 3000)));
    }
    h.record();
    const qsizetype rowsBefore = h.timeline.rowCount();
    const qint64 heldBefore = h.timeline.bytesHeld();
    h.timeline.releaseConnection(1);
    QCOMPARE(h.timeline.rowCount(), rowsBefore); // append-only: the rows stay
    const qint64 released = h.timeline.bytesReleased();
    QVERIFY(released > 20 * 3000); // the inflated payloads went too
    QCOMPARE(h.timeline.bytesHeld(), heldBefore - released);
    QCOMPARE(h.timeline.connection(1)->stream(Direction::In).blockCount(), 0);
    for (qsizetype row : received(h.timeline, 1)) {
        QCOMPARE(h.timeline.absence(row), ByteStream::Absence::Released);
        QVERIFY(h.timeline.payload(row).isEmpty()); // not the compressed bytes, not anything
        QCOMPARE(h.timeline.row(row).size, quint32(3000));
    }
    QCOMPARE(h.timeline.connection(1)->messageCount[0], quint64(20)); // counters stay
    // The other connection is untouched.
    const QList<qsizetype> others = received(h.timeline, 2);
    QCOMPARE(h.timeline.payload(others.first()), messageText(2, 0, 3000));
    // A live connection goes on: its later bytes are held again.
    one.read(100, one.serverCompressed(messageText(1, 99, 3000)));
    h.record();
    const QList<qsizetype> after = received(h.timeline, 1);
    QCOMPARE(h.timeline.absence(after.last()), ByteStream::Absence::None);
    QCOMPARE(h.timeline.payload(after.last()), messageText(1, 99, 3000));
    QCOMPARE(h.timeline.bytesHeld() + h.timeline.bytesReleased(), bytesSeen(h.timeline, 21 * 3000));
}

void TestTimelineBudget::aDiscardedConnectionKeepsNoLaterBytes()
{
    Harness h;
    SimulatedWsConnection ws(h.writer, 1, true);
    ws.open(0, QStringLiteral("ws://h/"));
    ws.read(1, ws.serverCompressed(messageText(1, 0, 3000)));
    h.record();
    h.timeline.discardConnection(1);
    QCOMPARE(h.timeline.bytesHeld(), qint64(0));
    // What was still on its way when the tab closed.
    ws.read(2, ws.serverCompressed(messageText(1, 1, 3000)));
    ws.read(3, ws.serverFrame(WsOpcode::Text, "late"));
    h.record();
    QCOMPARE(h.timeline.bytesHeld(), qint64(0));
    const QList<qsizetype> rows = received(h.timeline, 1);
    QCOMPARE(rows.size(), 3);
    for (qsizetype row : rows) {
        QCOMPARE(h.timeline.absence(row), ByteStream::Absence::Released);
        QVERIFY(h.timeline.payload(row).isEmpty());
    }
    QCOMPARE(h.timeline.connection(1)->messageCount[0], quint64(3));
    QCOMPARE(h.timeline.connection(1)->stream(Direction::In).chunks().back().tNs, qint64(3)); // times stay
}

void TestTimelineBudget::aPongKnowsItsPing()
{
    Harness h;
    SimulatedWsConnection ws(h.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    ws.ping(10, "auto-1");
    ws.read(20, ws.serverFrame(WsOpcode::Text, "between"));
    ws.read(30, ws.serverFrame(WsOpcode::Pong, "auto-1"));
    ws.ping(40, "auto-2");
    h.record();
    qsizetype ping1 = -1, ping2 = -1, pong = -1;
    for (qsizetype i = 0; i < h.timeline.rowCount(); ++i) {
        const TimelineRow &r = h.timeline.row(i);
        if (r.rowKind() != RowKind::Frame)
            continue;
        if (r.opcode == quint8(WsOpcode::Ping))
            (ping1 < 0 ? ping1 : ping2) = i;
        else if (r.opcode == quint8(WsOpcode::Pong))
            pong = i;
    }
    QVERIFY(ping1 >= 0 && ping2 >= 0 && pong >= 0);
    QCOMPARE(h.timeline.pingOf(pong), ping1);
    QCOMPARE(h.timeline.pongOf(ping1), pong);
    QCOMPARE(h.timeline.pongOf(ping2), qsizetype(-1)); // not answered yet
    QCOMPARE(h.timeline.roundTripNs(pong), qint64(20));
}

void TestTimelineBudget::aMessageWithoutWireBytesIsHeldUntilReleased()
{
    // As a HAR import records a message: no frames, its payload kept with the row.
    Timeline t;
    RecordBatch batch;
    TimelineRow row;
    row.tNs = 10;
    row.connection = 1;
    row.kind = quint8(RowKind::Message);
    row.opcode = quint8(WsOpcode::Text);
    row.size = 5;
    batch.rows.push_back(row);
    batch.messages.push_back({0, RecordBatch::MessageDetail{-1, QByteArray("hello")}});
    t.apply(std::move(batch));
    QCOMPARE(t.absence(0), ByteStream::Absence::None);
    QCOMPARE(t.payload(0), QByteArray("hello"));
    QCOMPARE(t.bytesHeld(), qint64(5));
    t.releaseConnection(1);
    QCOMPARE(t.absence(0), ByteStream::Absence::Released);
    QVERIFY(t.payload(0).isEmpty());
    QCOMPARE(t.bytesHeld(), qint64(0));
    QCOMPARE(t.bytesReleased(), qint64(5));
}

QTEST_GUILESS_MAIN(TestTimelineBudget)
#include "tst_timelinebudget.moc"

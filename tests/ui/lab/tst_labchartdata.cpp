#include "ui/lab/labchartdata.h"

#include <QTest>

#include <cmath>

using namespace wirescope;

namespace {

constexpr qint64 kMs = 1'000'000;

LabConfig config(LabWorkload workload = LabWorkload::Push)
{
    LabConfig c;
    c.transports = {LabTransport::KeepAlive, LabTransport::WebSocket};
    c.workload = workload;
    c.durationMs = 2000;
    c.lateMs = 100;
    return c;
}

LabSample sample(qint64 seq, qint64 receivedNs, qint64 delayNs, bool duplicate = false)
{
    LabSample s;
    s.transport = LabTransport::WebSocket;
    s.seq = seq;
    s.receivedNs = receivedNs;
    s.sentNs = receivedNs - delayNs;
    s.delayNs = delayNs;
    s.duplicate = duplicate;
    return s;
}

// 100 messages of 64 bytes over WebSocket with 2-byte frame headers.
LabTransportResult hundredFrames()
{
    LabTransportResult r;
    r.transport = LabTransport::WebSocket;
    r.messagesDelivered = 100;
    r.payloadBytes = 6400;
    r.overhead.frameHeaders = 200;
    return r;
}

} // namespace

class TestLabChartData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pushDelaysAreDrawnAgainstTheTransportsOwnStart();
    void theEchoWorkloadDrawsRoundTrips();
    void duplicatesAreCountedNotDrawn();
    void lateMessagesAreCountedLiveAndLostOnesAtTheEnd();
    void decimationKeepsEveryStretchsLowestAndHighest_data();
    void decimationKeepsEveryStretchsLowestAndHighest();
    void theLogAxisSpansWholeDecades();
    void bytesPerMessageSplitTheOverheadByKind();
    void deflateDrawsThePayloadAsItCrossed();
    void aStackBelowZeroWidensTheBytesAxis();
    void resetForgetsTheLastRun();
    void axisEndsAreRoundAndTheirTicksFallOnRoundSteps_data();
    void axisEndsAreRoundAndTheirTicksFallOnRoundSteps();
};

void TestLabChartData::pushDelaysAreDrawnAgainstTheTransportsOwnStart()
{
    LabChartData data;
    data.reset(config());
    data.startTransport(LabTransport::WebSocket, 5000 * kMs);
    data.addSamples(LabTransport::WebSocket, {sample(1, 5500 * kMs, 2 * kMs), sample(2, 6000 * kMs, kMs / 4),
                                              sample(-1, 6100 * kMs, 3 * kMs)});
    const QList<QPointF> points = data.latencyPoints(LabTransport::WebSocket);
    // The client's own message (seq < 0) is a round trip: not a push delay.
    QCOMPARE(points.size(), 2);
    QCOMPARE(points.at(0), QPointF(0.5, 2.0));
    QCOMPARE(points.at(1), QPointF(1.0, 0.25));
    QVERIFY(data.latencyPoints(LabTransport::KeepAlive).isEmpty());
    // The axis spans the configured duration at least, to a round end.
    QCOMPARE(data.latencyXMax(), 2.0);
    QCOMPARE(data.latencyXTicks(), 5);
    data.addSamples(LabTransport::WebSocket, {sample(3, 7100 * kMs, kMs)});
    QCOMPARE(data.latencyXMax(), 2.5);
    QCOMPARE(data.latencyXTicks(), 6);
    QCOMPARE(data.transports(), config().transports);
}

void TestLabChartData::theEchoWorkloadDrawsRoundTrips()
{
    LabChartData data;
    data.reset(config(LabWorkload::Echo));
    QVERIFY(data.chartsRoundTrips());
    data.startTransport(LabTransport::WebSocket, 0);
    data.addSamples(LabTransport::WebSocket, {sample(-1, 100 * kMs, kMs), sample(3, 200 * kMs, 5 * kMs)});
    const QList<QPointF> points = data.latencyPoints(LabTransport::WebSocket);
    QCOMPARE(points.size(), 1);
    QCOMPARE(points.at(0), QPointF(0.1, 1.0));
}

void TestLabChartData::duplicatesAreCountedNotDrawn()
{
    LabChartData data;
    data.reset(config());
    data.startTransport(LabTransport::WebSocket, 0);
    data.addSamples(LabTransport::WebSocket, {sample(1, 10 * kMs, kMs), sample(1, 20 * kMs, 2 * kMs, true)});
    QCOMPARE(data.latencySampleCount(LabTransport::WebSocket), 1);
    QCOMPARE(data.counts(LabTransport::WebSocket).duplicated, qint64(1));
    QCOMPARE(data.counts(LabTransport::WebSocket).onTime, qint64(1));
}

void TestLabChartData::lateMessagesAreCountedLiveAndLostOnesAtTheEnd()
{
    LabChartData data;
    data.reset(config());
    data.startTransport(LabTransport::KeepAlive, 0);
    data.addSamples(LabTransport::KeepAlive, {sample(1, 10 * kMs, 40 * kMs), sample(2, 200 * kMs, 150 * kMs),
                                              sample(3, 300 * kMs, 100 * kMs)});
    LabChartData::Counts live = data.counts(LabTransport::KeepAlive);
    // Late is strictly over the threshold.
    QCOMPARE(live.onTime, qint64(2));
    QCOMPARE(live.late, qint64(1));
    QCOMPARE(live.lost, qint64(0));
    QVERIFY(!live.final);

    LabTransportResult result;
    result.transport = LabTransport::KeepAlive;
    result.messagesSent = 5;
    result.messagesDelivered = 4;
    result.late = 1;
    result.lost = 1;
    data.finishTransport(result);
    const LabChartData::Counts final = data.counts(LabTransport::KeepAlive);
    QCOMPARE(final.onTime, qint64(3));
    QCOMPARE(final.late, qint64(1));
    QCOMPARE(final.lost, qint64(1));
    QVERIFY(final.final);
    QCOMPARE(data.countsMax(), 5.0);
    // Samples that come after the end change nothing.
    data.addSamples(LabTransport::KeepAlive, {sample(9, 900 * kMs, kMs)});
    QCOMPARE(data.counts(LabTransport::KeepAlive).onTime, qint64(3));
}

void TestLabChartData::decimationKeepsEveryStretchsLowestAndHighest_data()
{
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("budget");
    QTest::newRow("fewer samples than the budget: every one") << 500 << 1000;
    QTest::newRow("exactly the budget") << 1000 << 1000;
    QTest::newRow("a 1000/s run of 10 s") << 10000 << 1000;
    QTest::newRow("a narrow chart") << 10000 << 50;
    QTest::newRow("an odd budget") << 777 << 101;
}

void TestLabChartData::decimationKeepsEveryStretchsLowestAndHighest()
{
    QFETCH(int, samples);
    QFETCH(int, budget);
    LabChartData data;
    data.reset(config());
    data.startTransport(LabTransport::WebSocket, 0);
    QList<LabSample> batch;
    for (int i = 0; i < samples; ++i) {
        // A sawtooth between 1 and 50 ms with one spike of 900 ms and one floor of 0.05 ms.
        qint64 delay = (1 + i % 50) * kMs;
        if (i == samples / 3)
            delay = 900 * kMs;
        if (i == 2 * samples / 3)
            delay = kMs / 20;
        batch.append(sample(i + 1, qint64(i + 1) * kMs, delay));
    }
    data.addSamples(LabTransport::WebSocket, batch);
    const QList<QPointF> points = data.latencyPoints(LabTransport::WebSocket, budget);
    QVERIFY(points.size() <= qMax(budget, 2));
    if (samples <= budget)
        QCOMPARE(points.size(), samples);
    double low = 1e9;
    double high = 0;
    for (int i = 0; i < points.size(); ++i) {
        low = qMin(low, points.at(i).y());
        high = qMax(high, points.at(i).y());
        if (i > 0)
            QVERIFY2(points.at(i).x() > points.at(i - 1).x(), "points stay in time order");
    }
    QCOMPARE(high, 900.0);
    QCOMPARE(low, 0.05);
}

void TestLabChartData::theLogAxisSpansWholeDecades()
{
    LabChartData data;
    data.reset(config());
    QCOMPARE(data.latencyYRange(), std::make_pair(0.1, 10.0)); // before any delay
    data.startTransport(LabTransport::WebSocket, 0);
    // 0 ns is drawn at the floor of the logarithmic axis.
    data.addSamples(LabTransport::WebSocket, {sample(1, kMs, 0), sample(2, 2 * kMs, 37 * kMs)});
    QCOMPARE(data.latencyPoints(LabTransport::WebSocket).at(0).y(), LabChartData::kMinDelayMs);
    QCOMPARE(data.latencyYRange(), std::make_pair(0.01, 100.0));
}

void TestLabChartData::bytesPerMessageSplitTheOverheadByKind()
{
    LabChartData data;
    data.reset(config());
    QVERIFY(!data.bytesKnown(LabTransport::KeepAlive));
    LabTransportResult result;
    result.transport = LabTransport::KeepAlive;
    result.messagesDelivered = 10;
    result.payloadBytes = 640;
    result.overhead.requestHeads = 1840;
    result.overhead.responseHeads = 1520;
    result.overhead.other = 5;
    data.finishTransport(result);
    QVERIFY(data.bytesKnown(LabTransport::KeepAlive));
    const auto bytes = data.bytesPerMessage(LabTransport::KeepAlive);
    QCOMPARE(bytes[LabChartData::Payload], 64.0);
    QCOMPARE(bytes[LabChartData::RequestHeads], 184.0);
    QCOMPARE(bytes[LabChartData::ResponseHeads], 152.0);
    QCOMPARE(bytes[LabChartData::Other], 0.5);
    QCOMPARE(bytes[LabChartData::FrameHeaders], 0.0);
    QVERIFY(data.partUsed(LabChartData::RequestHeads));
    QVERIFY(!data.partUsed(LabChartData::FrameHeaders));
    // 400.5 bytes per message: the axis ends on a round number above.
    QCOMPARE(data.bytesRange(), std::make_pair(0.0, 500.0));

    // A transport that delivered nothing has no bytes per message.
    LabTransportResult nothing;
    nothing.transport = LabTransport::WebSocket;
    nothing.error = QStringLiteral("the server has no /lab/ws endpoint (404)");
    nothing.overhead.other = 300;
    data.finishTransport(nothing);
    QVERIFY(data.bytesKnown(LabTransport::WebSocket));
    QCOMPARE(data.bytesPerMessage(LabTransport::WebSocket)[LabChartData::Other], 0.0);
}

void TestLabChartData::deflateDrawsThePayloadAsItCrossed()
{
    LabChartData data;
    data.reset(config());
    // Deflate saved 43 of every 64 bytes: the bar is the 21 deflated bytes and the framing,
    // as long as the wire bytes per message, never below zero.
    LabTransportResult saved = hundredFrames();
    saved.overhead.compression = -4300;
    data.finishTransport(saved);
    auto bytes = data.bytesPerMessage(LabTransport::WebSocket);
    QCOMPARE(bytes[LabChartData::Payload], 0.0);
    QCOMPARE(bytes[LabChartData::DeflatedPayload], 21.0);
    QCOMPARE(bytes[LabChartData::FrameHeaders], 2.0);
    QCOMPARE(bytes[LabChartData::DeflateGrowth], 0.0);
    QCOMPARE(data.bytesRange(), std::make_pair(0.0, 25.0));

    // Random letters grow under deflate: the payload stays, the growth is a part of its own.
    LabTransportResult grown = saved;
    grown.transport = LabTransport::KeepAlive;
    grown.overhead.compression = 300;
    data.finishTransport(grown);
    bytes = data.bytesPerMessage(LabTransport::KeepAlive);
    QCOMPARE(bytes[LabChartData::Payload], 64.0);
    QCOMPARE(bytes[LabChartData::DeflatedPayload], 0.0);
    QCOMPARE(bytes[LabChartData::DeflateGrowth], 3.0);
}

void TestLabChartData::aStackBelowZeroWidensTheBytesAxis()
{
    LabChartData data;
    data.reset(config());
    // Bytes no category explains may be negative (the runner's own arithmetic says so).
    LabTransportResult result = hundredFrames();
    result.overhead.other = -4300;
    data.finishTransport(result);
    QCOMPARE(data.bytesRange(), std::make_pair(-50.0, 80.0));
}

void TestLabChartData::resetForgetsTheLastRun()
{
    LabChartData data;
    data.reset(config());
    data.startTransport(LabTransport::WebSocket, 0);
    data.addSamples(LabTransport::WebSocket, {sample(1, 5000 * kMs, 700 * kMs)});
    const quint64 before = data.revision();
    LabConfig next = config();
    next.transports = {LabTransport::Sse};
    data.reset(next);
    QVERIFY(data.revision() > before);
    QCOMPARE(data.transports(), QList<LabTransport>{LabTransport::Sse});
    QVERIFY(data.latencyPoints(LabTransport::WebSocket).isEmpty());
    QCOMPARE(data.latencyXMax(), 2.0);
    QCOMPARE(data.latencyYRange(), std::make_pair(0.1, 10.0));
}

void TestLabChartData::axisEndsAreRoundAndTheirTicksFallOnRoundSteps_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("end");
    QTest::addColumn<int>("ticks");
    QTest::newRow("a power of ten stays") << 100.0 << 100.0 << 6;
    QTest::newRow("30 messages: 0-30 in tens") << 30.0 << 30.0 << 4;
    QTest::newRow("589 bytes: 0-600 in 200s") << 589.0 << 600.0 << 4;
    QTest::newRow("2.04 s: 0-2.5 in halves") << 2.04 << 2.5 << 6;
    QTest::newRow("701 bytes: 0-800 in 200s") << 701.0 << 800.0 << 5;
    QTest::newRow("0.11 ms: 0-0.12") << 0.11 << 0.12 << 7;
    QTest::newRow("just above 8: the next decade") << 8.01 << 10.0 << 6;
}

void TestLabChartData::axisEndsAreRoundAndTheirTicksFallOnRoundSteps()
{
    QFETCH(double, value);
    QFETCH(double, end);
    QFETCH(int, ticks);
    QCOMPARE(LabChartData::niceAxisEnd(value), end);
    QCOMPARE(LabChartData::niceTickCount(end), ticks);
    // The steps are round: a whole multiple of 1, 2 or 5 times a power of ten.
    const double step = end / (ticks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    const double leading = step / magnitude;
    QVERIFY2(qFuzzyCompare(leading, 1.0) || qFuzzyCompare(leading, 2.0) || qFuzzyCompare(leading, 5.0),
             qPrintable(QString::number(step)));
}

QTEST_APPLESS_MAIN(TestLabChartData)
#include "tst_labchartdata.moc"

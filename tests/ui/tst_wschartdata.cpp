#include "ui/ws/wschartdata.h"

#include <QTest>

using namespace wirescope;

static constexpr qint64 kSecond = 1'000'000'000;

class TestWsChartData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ratesArePerSecondPerDirection();
    void theBucketStillFillingIsLeftOut();
    void seriesNeverExceedTheirPointBudget_data();
    void seriesNeverExceedTheirPointBudget();
    void mergingBucketsKeepsTheRate();
    void historyOlderThanTheRingIsForgotten();
    void rttSamplesInTheWindowAreShownInMilliseconds();
};

void TestWsChartData::ratesArePerSecondPerDirection()
{
    WsChartData data;
    // 10 incoming messages of 100 bytes and 2 outgoing in the bucket [1.0 s, 1.1 s).
    for (int i = 0; i < 10; ++i)
        data.addMessage(kSecond + i * 1'000'000, Direction::In, 100);
    data.addMessage(kSecond + 50'000'000, Direction::Out, 7);
    data.addMessage(kSecond + 60'000'000, Direction::Out, 7);
    const qint64 now = 2 * kSecond;
    const QList<QPointF> in = data.ratePoints(WsChartMetric::MessagesIn, now, 10 * kSecond);
    const QList<QPointF> bytesIn = data.ratePoints(WsChartMetric::BytesIn, now, 10 * kSecond);
    const QList<QPointF> out = data.ratePoints(WsChartMetric::MessagesOut, now, 10 * kSecond);
    QCOMPARE(in.size(), 20); // 0.0 .. 1.9 s in 100 ms buckets
    // The point for the bucket ending at 1.1 s: 10 messages in 0.1 s = 100 messages/s.
    const auto at = [](const QList<QPointF> &points, double x) {
        for (const QPointF &p : points) {
            if (qFuzzyCompare(p.x(), x))
                return p.y();
        }
        return -1.0;
    };
    QCOMPARE(at(in, 1.1), 100.0);
    QCOMPARE(at(bytesIn, 1.1), 10000.0);
    QCOMPARE(at(out, 1.1), 20.0);
    QCOMPARE(at(in, 1.2), 0.0);
    QCOMPARE(data.totalMessages(Direction::In), qint64(10));
    QCOMPARE(data.totalBytes(Direction::Out), qint64(14));
}

void TestWsChartData::theBucketStillFillingIsLeftOut()
{
    WsChartData data;
    data.addMessage(kSecond + 10, Direction::In, 1);
    const QList<QPointF> points = data.ratePoints(WsChartMetric::MessagesIn, kSecond + 20, 5 * kSecond);
    QVERIFY(!points.isEmpty());
    QCOMPARE(points.last().x(), 1.0);
    QCOMPARE(points.last().y(), 0.0);
}

void TestWsChartData::seriesNeverExceedTheirPointBudget_data()
{
    QTest::addColumn<qint64>("window");
    QTest::addColumn<int>("budget");
    QTest::newRow("one minute fits in 600 buckets") << 60 * kSecond << 2000;
    QTest::newRow("fifteen minutes are merged down to the budget") << 900 * kSecond << 2000;
    QTest::newRow("a narrow plot asks for fewer points") << 900 * kSecond << 300;
}

void TestWsChartData::seriesNeverExceedTheirPointBudget()
{
    QFETCH(qint64, window);
    QFETCH(int, budget);
    WsChartData data;
    // 50 000 messages/s for 15 minutes, sampled every millisecond (50 per sample).
    for (qint64 t = 0; t < 900 * kSecond; t += 1'000'000)
        data.addMessage(t, Direction::In, 32);
    const QList<QPointF> points = data.ratePoints(WsChartMetric::MessagesIn, 900 * kSecond, window, budget);
    QVERIFY2(points.size() <= budget, qPrintable(QString::number(points.size())));
    QVERIFY(points.size() >= budget / 2 || points.size() == int(window / WsChartData::kBucketNs) - 1
            || points.size() == int(window / WsChartData::kBucketNs));
    for (int i = 1; i < points.size(); ++i)
        QVERIFY(points.at(i).x() > points.at(i - 1).x());
}

void TestWsChartData::mergingBucketsKeepsTheRate()
{
    WsChartData data;
    for (qint64 t = 0; t < 600 * kSecond; t += 10'000'000) // 100 messages/s
        data.addMessage(t, Direction::Out, 1);
    const QList<QPointF> points = data.ratePoints(WsChartMetric::MessagesOut, 600 * kSecond, 600 * kSecond, 100);
    QVERIFY(points.size() <= 100);
    for (const QPointF &p : points)
        QCOMPARE(qRound(p.y()), 100);
}

void TestWsChartData::historyOlderThanTheRingIsForgotten()
{
    WsChartData data;
    data.addMessage(0, Direction::In, 1);
    data.addMessage(3600 * kSecond, Direction::In, 1);
    const QList<QPointF> points = data.ratePoints(WsChartMetric::MessagesIn, 3600 * kSecond + kSecond,
                                                  3601 * kSecond, 2000);
    double total = 0;
    for (const QPointF &p : points)
        total += p.y();
    // Only the recent message is still in the ring; the one an hour ago is gone.
    QVERIFY(total > 0);
    QVERIFY(points.first().y() == 0.0);
    QCOMPARE(data.totalMessages(Direction::In), qint64(2));
}

void TestWsChartData::rttSamplesInTheWindowAreShownInMilliseconds()
{
    WsChartData data;
    data.addRtt(1 * kSecond, 250'000);    // 0.25 ms
    data.addRtt(70 * kSecond, 1'500'000); // 1.5 ms
    const QList<QPointF> points = data.rttPoints(80 * kSecond, 60 * kSecond);
    QCOMPARE(points.size(), 1);
    QCOMPARE(points.first(), QPointF(70.0, 1.5));
}

QTEST_GUILESS_MAIN(TestWsChartData)
#include "tst_wschartdata.moc"

#include "ui/http/httptimingchartdata.h"

#include <QTest>

using namespace wirescope;

namespace {
// A plain exchange of `totalNs`: everything is waiting except 10 % receive.
PhaseTimings exchange(qint64 totalNs, qint64 tlsNs = -1)
{
    PhaseTimings t;
    t.startNs = 0;
    t.dnsStartNs = 0;
    t.dnsEndNs = 0;
    t.connectStartNs = 0;
    t.connectEndNs = 0;
    if (tlsNs >= 0) {
        t.sslStartNs = 0;
        t.sslEndNs = tlsNs;
    }
    t.sendStartNs = std::max<qint64>(0, tlsNs);
    t.sendEndNs = t.sendStartNs;
    t.lastByteNs = std::max(totalNs, t.sendEndNs);
    t.firstByteNs = t.lastByteNs - (t.lastByteNs - t.sendEndNs) / 10;
    return t;
}
} // namespace

class tst_HttpTimingChartData : public QObject
{
    Q_OBJECT
private slots:
    void theUnitFollowsTheLargestRequest_data()
    {
        QTest::addColumn<qint64>("totalNs");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<qreal>("axisMax");
        QTest::newRow("a loopback request of 420 µs reads in microseconds") << qint64(420'000) << QStringLiteral("µs") << qreal(500);
        QTest::newRow("a 12 ms request reads in milliseconds") << qint64(12'000'000) << QStringLiteral("ms") << qreal(20);
        QTest::newRow("a 1.2 s request still reads in milliseconds") << qint64(1'200'000'000) << QStringLiteral("ms") << qreal(2000);
        QTest::newRow("a 30 s request reads in seconds") << qint64(30'000'000'000) << QStringLiteral("s") << qreal(50);
    }

    void theUnitFollowsTheLargestRequest()
    {
        QFETCH(qint64, totalNs);
        QFETCH(QString, unit);
        QFETCH(qreal, axisMax);
        HttpTimingChartData data;
        data.append(QStringLiteral("#1"), {}, exchange(totalNs));
        QCOMPARE(data.unitSymbol(), unit);
        QCOMPARE(data.axisMax(), axisMax);
        qreal sum = 0;
        for (int s = 0; s < HttpTimingChartData::SegmentCount; ++s)
            sum += data.segmentValues(s).value(0);
        QVERIFY(qAbs(sum - qreal(totalNs) / HttpTimingChartData::scaleFrom(data.unit())) < 1e-6);
    }

    void tlsIsStackedBesideTcpNotCountedTwice()
    {
        HttpTimingChartData data;
        PhaseTimings t = exchange(10'000'000, 3'000'000);
        t.connectEndNs = 1'000'000; // TCP 1 ms, then TLS until 3 ms... connect (HAR) = 3 ms
        t.sslStartNs = 1'000'000;
        data.append(QStringLiteral("#1"), {}, t);
        QCOMPARE(data.segmentValues(2).value(0), qreal(1.0)); // connect (TCP), ms
        QCOMPARE(data.segmentValues(3).value(0), qreal(2.0)); // ssl, ms
        QCOMPARE(HttpTimingChartData::segmentName(3), QStringLiteral("ssl"));
    }

    void onlyTheLastRequestsAreKept()
    {
        HttpTimingChartData data(3);
        for (int i = 1; i <= 5; ++i)
            data.append(QStringLiteral("#%1").arg(i), {}, exchange(1'000'000));
        QCOMPARE(data.entries().size(), 3);
        QCOMPARE(data.entries().first().label, QStringLiteral("#3"));
        QCOMPARE(data.segmentValues(5).size(), 3);
    }

    void anUnfinishedExchangeAddsNoBar()
    {
        HttpTimingChartData data;
        PhaseTimings t;
        t.startNs = 0;
        data.append(QStringLiteral("#1"), {}, t);
        QVERIFY(data.entries().isEmpty());
        QCOMPARE(data.axisMax(), qreal(1));
    }
};

QTEST_GUILESS_MAIN(tst_HttpTimingChartData)
#include "tst_httptimingchartdata.moc"

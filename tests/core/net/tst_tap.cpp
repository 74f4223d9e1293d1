#include "core/session/sessionclock.h"
#include "core/net/tap.h"

#include <QTest>

using namespace wirescope;

class TestTap : public QObject
{
    Q_OBJECT
private slots:
    void offsetsCountEachDirectionSeparately()
    {
        SessionClock clock;
        Tap tap(clock);
        tap.record(Direction::Out, QByteArrayLiteral("GET / HTTP/1.1\r\n\r\n"));
        tap.record(Direction::In, QByteArrayLiteral("HTTP/1.1 200 OK\r\n"));
        const CapturedChunk &third = tap.record(Direction::Out, QByteArrayLiteral("abc"));
        QCOMPARE(third.streamOffset, 18);
        QCOMPARE(tap.bytesOut(), 21);
        QCOMPARE(tap.bytesIn(), 17);
        QCOMPARE(third.direction, Direction::Out);
    }
    void stampsAreMonotonic()
    {
        SessionClock clock;
        Tap tap(clock);
        qint64 previous = -1;
        for (int i = 0; i < 100; ++i) {
            const qint64 t = tap.record(Direction::In, QByteArray(1, 'x')).tNs;
            QVERIFY(t >= previous);
            previous = t;
        }
    }
    void wallClockFollowsTheAnchor()
    {
        SessionClock clock;
        const double anchor = clock.epochSecondsAt(0);
        QCOMPARE(clock.epochSecondsAt(1'500'000'000), anchor + 1.5);
        QCOMPARE(clock.wallTimeAt(2'000'000'000), clock.wallAnchor().addMSecs(2000));
    }
};

QTEST_GUILESS_MAIN(TestTap)
#include "tst_tap.moc"

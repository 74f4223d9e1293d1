#include "core/session/sessionclock.h"
#include "core/net/tap.h"

#include <QTest>

#include <algorithm>

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
        QCOMPARE(tap.chunks().size(), size_t(3));
        QCOMPARE(tap.chunks().at(1).streamOffset, 0);
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
    void notKeepingChunksStillCountsBytes()
    {
        SessionClock clock;
        Tap tap(clock);
        tap.setKeepChunks(false);
        tap.record(Direction::In, QByteArray(10, 'x'));
        const CapturedChunk &last = tap.record(Direction::In, QByteArray(5, 'y'));
        QCOMPARE(last.streamOffset, 10);
        QCOMPARE(last.bytes, QByteArray(5, 'y'));
        QVERIFY(tap.chunks().empty());
        QCOMPARE(tap.bytesIn(), 15);
    }
    void keptChunksOwnRightSizedBytes()
    {
        // A connection records from a large reused buffer: what is kept must not change
        // when the buffer is refilled, nor hold the buffer's whole capacity.
        SessionClock clock;
        Tap tap(clock);
        QByteArray buffer(64 * 1024, 'a');
        buffer.resize(3);
        const CapturedChunk chunk = tap.record(Direction::In, buffer);
        buffer.resize(64 * 1024);
        std::fill(buffer.begin(), buffer.end(), 'b');
        QCOMPARE(tap.chunks().front().bytes, QByteArray("aaa"));
        QCOMPARE(chunk.bytes, QByteArray("aaa"));
        QVERIFY(tap.chunks().front().bytes.capacity() < 1024);
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

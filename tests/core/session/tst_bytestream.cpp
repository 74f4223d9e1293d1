#include "core/session/bytestream.h"

#include <QtTest>

using namespace wirescope;

class TestByteStream : public QObject
{
    Q_OBJECT
private slots:
    void bytesComeBackAsTheyWereAppended();
    void aChunkNeverStraddlesTwoBlocks();
    void aViewSpanningBlocksIsAssembled();
    void aGapIsNotHeld();
    void bytesSeenTwiceAreKeptOnce();
    void chunksKeepTheirTimes();
    void droppingKeepsTheNewestBlock();
};

void TestByteStream::bytesComeBackAsTheyWereAppended()
{
    ByteStream s;
    s.append(1, 0, "hello ");
    s.append(2, 6, "world");
    QCOMPARE(s.end(), qint64(11));
    QCOMPARE(s.copy(0, 11), QByteArray("hello world"));
    QCOMPARE(s.copy(3, 5), QByteArray("lo wo"));
    QVERIFY(!s.holds(8, 4));
    QVERIFY(s.copy(8, 4).isEmpty());
}

void TestByteStream::aChunkNeverStraddlesTwoBlocks()
{
    ByteStream s;
    QByteArray scratch;
    s.append(0, 0, QByteArray(3000, 'a'));
    s.append(1, 3000, QByteArray(3000, 'b')); // does not fit in the first 4 KiB block
    QCOMPARE(s.blockCount(), 2);
    const QByteArrayView view = s.bytes(3000, 3000, scratch);
    QVERIFY(scratch.isEmpty()); // a view into the store, no copy
    QCOMPARE(view.toByteArray(), QByteArray(3000, 'b'));
}

void TestByteStream::aViewSpanningBlocksIsAssembled()
{
    ByteStream s;
    s.append(0, 0, QByteArray(3000, 'a'));
    s.append(1, 3000, QByteArray(3000, 'b'));
    QByteArray scratch;
    const QByteArrayView view = s.bytes(2990, 20, scratch);
    QCOMPARE(view.toByteArray(), QByteArray(10, 'a') + QByteArray(10, 'b'));
    QCOMPARE(view.data(), scratch.constData());
}

void TestByteStream::aGapIsNotHeld()
{
    ByteStream s;
    s.append(0, 0, "abc");
    s.append(1, 10, "xyz");
    QVERIFY(s.holds(0, 3));
    QVERIFY(!s.holds(2, 3));
    QVERIFY(s.holds(10, 3));
    QCOMPARE(s.end(), qint64(13));
}

void TestByteStream::bytesSeenTwiceAreKeptOnce()
{
    ByteStream s;
    s.append(0, 0, "abcd");
    s.append(1, 2, "cdef");
    QCOMPARE(s.copy(0, 6), QByteArray("abcdef"));
    QCOMPARE(s.chunks().size(), size_t(2));
    QCOMPARE(s.chunks()[1].offset, qint64(4));
}

void TestByteStream::chunksKeepTheirTimes()
{
    ByteStream s;
    s.append(100, 0, "ab");
    s.append(200, 2, "cde");
    QCOMPARE(s.chunkAt(0), 0);
    QCOMPARE(s.chunkAt(1), 0);
    QCOMPARE(s.chunkAt(2), 1);
    QCOMPARE(s.chunkAt(4), 1);
    QCOMPARE(s.chunkAt(5), -1);
    QCOMPARE(s.chunks()[1].tNs, qint64(200));
}

void TestByteStream::droppingKeepsTheNewestBlock()
{
    ByteStream s;
    s.append(0, 0, QByteArray(4000, 'a'));
    s.append(1, 4000, QByteArray(8000, 'b'));
    QCOMPARE(s.dropOldestBlock(), qint64(4000));
    QCOMPARE(s.begin(), qint64(4000));
    QVERIFY(!s.holds(0, 1));
    QCOMPARE(s.copy(4000, 3), QByteArray("bbb"));
    QCOMPARE(s.dropOldestBlock(), qint64(0));
}

QTEST_GUILESS_MAIN(TestByteStream)
#include "tst_bytestream.moc"

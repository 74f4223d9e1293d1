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
    void goneBytesSayWhy_data();
    void goneBytesSayWhy();
    void aReleasedStreamKeepsItsChunksAndGrowsAgain();
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

void TestByteStream::goneBytesSayWhy_data()
{
    // Three blocks: [0, 4000) in a 4 KiB block, [4000, 12000) in an 8 KiB block, then a gap
    // and [20000, 20010) in a block of its own (the one being written).
    QTest::addColumn<QString>("actions"); // d: drop the oldest block, r: release everything
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("length");
    QTest::addColumn<int>("absence");
    QTest::addColumn<qint64>("droppedBytes");
    QTest::addColumn<qint64>("goneEnd");
    using A = ByteStream::Absence;
    QTest::newRow("nothing gone") << QString() << qint64(0) << qint64(10) << int(A::None) << qint64(0) << qint64(0);
    QTest::newRow("a gap was never seen") << QString() << qint64(12000) << qint64(10) << int(A::NeverSeen) << qint64(0) << qint64(0);
    QTest::newRow("past the end was never seen") << QString() << qint64(20005) << qint64(10) << int(A::NeverSeen) << qint64(0) << qint64(0);
    QTest::newRow("one drop: its block is dropped") << QStringLiteral("d") << qint64(3999) << qint64(1) << int(A::Dropped) << qint64(4000) << qint64(4000);
    QTest::newRow("one drop: a range starting in it is dropped") << QStringLiteral("d") << qint64(3990) << qint64(20) << int(A::Dropped) << qint64(4000) << qint64(4000);
    QTest::newRow("one drop: the next block is held") << QStringLiteral("d") << qint64(4000) << qint64(8000) << int(A::None) << qint64(4000) << qint64(4000);
    QTest::newRow("two drops: both blocks dropped") << QStringLiteral("dd") << qint64(11999) << qint64(1) << int(A::Dropped) << qint64(12000) << qint64(12000);
    QTest::newRow("the block being written is never dropped") << QStringLiteral("ddd") << qint64(20000) << qint64(10) << int(A::None) << qint64(12000) << qint64(12000);
    QTest::newRow("release: everything released") << QStringLiteral("r") << qint64(0) << qint64(1) << int(A::Released) << qint64(0) << qint64(20010);
    QTest::newRow("drop then release: the dropped stretch stays dropped") << QStringLiteral("dr") << qint64(100) << qint64(1) << int(A::Dropped) << qint64(4000) << qint64(20010);
    QTest::newRow("drop then release: the rest is released") << QStringLiteral("dr") << qint64(4000) << qint64(1) << int(A::Released) << qint64(4000) << qint64(20010);
}

void TestByteStream::goneBytesSayWhy()
{
    QFETCH(QString, actions);
    QFETCH(qint64, offset);
    QFETCH(qint64, length);
    QFETCH(int, absence);
    QFETCH(qint64, droppedBytes);
    QFETCH(qint64, goneEnd);
    ByteStream s;
    QCOMPARE(s.append(0, 0, QByteArray(4000, 'a')), qint64(4000));
    QCOMPARE(s.append(1, 4000, QByteArray(8000, 'b')), qint64(8000));
    QCOMPARE(s.append(2, 20000, QByteArray(10, 'c')), qint64(10));
    QCOMPARE(s.blockCount(), 3);
    for (QChar action : actions) {
        if (action == u'd')
            s.dropOldestBlock();
        else
            s.release();
    }
    QCOMPARE(int(s.absence(offset, length)), absence);
    QCOMPARE(s.holds(offset, length), absence == int(ByteStream::Absence::None));
    QCOMPARE(s.droppedBytes(), droppedBytes);
    QCOMPARE(s.goneEnd(), goneEnd);
    if (absence != int(ByteStream::Absence::None))
        QVERIFY(s.copy(offset, length).isEmpty()); // never other bytes in their place
}

void TestByteStream::aReleasedStreamKeepsItsChunksAndGrowsAgain()
{
    ByteStream s;
    s.append(10, 0, QByteArray(3000, 'a'));
    s.append(20, 3000, QByteArray(3000, 'b'));
    QCOMPARE(s.release(), qint64(6000));
    QCOMPARE(s.blockCount(), 0);
    QCOMPARE(s.memoryUsed(), qint64(s.chunks().capacity() * sizeof(ByteStream::Chunk)));
    QCOMPARE(s.chunks().size(), size_t(2)); // times and offsets stay
    QCOMPARE(s.end(), qint64(6000));
    QCOMPARE(s.append(30, 6000, "new"), qint64(3));
    QCOMPARE(s.copy(6000, 3), QByteArray("new"));
    QCOMPARE(s.absence(5999, 1), ByteStream::Absence::Released);
    QCOMPARE(s.release(), qint64(3));
    QCOMPARE(s.absence(6000, 3), ByteStream::Absence::Released);
    QCOMPARE(s.release(), qint64(0)); // nothing left to free
}

QTEST_GUILESS_MAIN(TestByteStream)
#include "tst_bytestream.moc"

// Chunked request bodies (RFC 9112 §7.1) fed in every split, plus the limits and errors.
#include "core/demo/demochunkeddecoder.h"

#include <QTest>

using namespace wirescope;
using State = DemoChunkedDecoder::State;

class tst_DemoChunkedDecoder : public QObject
{
    Q_OBJECT
private slots:
    void decodesInEverySplit_data();
    void decodesInEverySplit();
    void stopsAtTheEndOfTheBody();
    void refusesBrokenFraming_data();
    void refusesBrokenFraming();
};

void tst_DemoChunkedDecoder::decodesInEverySplit_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("two chunks") << QByteArray("5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n") << QByteArray("hello, world");
    QTest::newRow("hex sizes in both cases") << QByteArray("a\r\n0123456789\r\nA\r\nabcdefghij\r\n0\r\n\r\n") << QByteArray("0123456789abcdefghij");
    QTest::newRow("extensions ignored") << QByteArray("3;name=value\r\nabc\r\n0;last\r\n\r\n") << QByteArray("abc");
    QTest::newRow("trailer fields skipped") << QByteArray("2\r\nok\r\n0\r\nX-Checksum: 1\r\nX-More: 2\r\n\r\n") << QByteArray("ok");
    QTest::newRow("empty body") << QByteArray("0\r\n\r\n") << QByteArray();
    QTest::newRow("binary data with CRLF inside") << QByteArray("4\r\n\r\n\x00\xff\r\n0\r\n\r\n", 14) << QByteArray("\r\n\x00\xff", 4);
}

void tst_DemoChunkedDecoder::decodesInEverySplit()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, body);
    for (qsizetype split = 0; split <= wire.size(); ++split) {
        DemoChunkedDecoder decoder;
        // The caller keeps what was not consumed and offers it again with more bytes.
        QByteArray pending = wire.left(split);
        pending.remove(0, decoder.feed(pending));
        pending += wire.mid(split);
        pending.remove(0, decoder.feed(pending));
        QVERIFY2(decoder.state() == State::Done, qPrintable(QString::number(split)));
        QCOMPARE(decoder.body(), body);
        QVERIFY(pending.isEmpty());
    }
}

void tst_DemoChunkedDecoder::stopsAtTheEndOfTheBody()
{
    DemoChunkedDecoder decoder;
    const QByteArray wire = "1\r\nx\r\n0\r\n\r\nGET /next HTTP/1.1\r\n";
    const qsizetype used = decoder.feed(wire);
    QCOMPARE(decoder.state(), State::Done);
    // The pipelined next request stays for the connection.
    QCOMPARE(wire.mid(used), QByteArray("GET /next HTTP/1.1\r\n"));
}

void tst_DemoChunkedDecoder::refusesBrokenFraming_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("status");
    QTest::newRow("size is not hex") << QByteArray("xyz\r\n") << 400;
    QTest::newRow("empty size line") << QByteArray("\r\n") << 400;
    QTest::newRow("data longer than its size") << QByteArray("2\r\nabc\r\n") << 400;
    QTest::newRow("size over the 10 MiB body limit") << QByteArray("A00001\r\n") << 413;
    QTest::newRow("size line over 1 KiB") << QByteArray(2000, '1') << 400;
    QTest::newRow("size too long to be a number") << QByteArray("10000000000000000\r\n") << 400;
}

void tst_DemoChunkedDecoder::refusesBrokenFraming()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, status);
    DemoChunkedDecoder decoder;
    decoder.feed(wire);
    QCOMPARE(decoder.state(), State::Error);
    QCOMPARE(decoder.errorStatus(), status);
    QVERIFY(!decoder.error().isEmpty());
}

QTEST_GUILESS_MAIN(tst_DemoChunkedDecoder)
#include "tst_demochunkeddecoder.moc"

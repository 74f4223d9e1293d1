#include "core/wire/contentdecoder.h"
#include "tests/support/zlibdeflate.h"

#include <QTest>

#include <brotli/encode.h>

using namespace wirescope;

namespace {


QByteArray brotli(const QByteArray &data)
{
    size_t size = BrotliEncoderMaxCompressedSize(size_t(data.size())) + 64;
    QByteArray out(qsizetype(size), '\0');
    BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, size_t(data.size()),
                          reinterpret_cast<const uint8_t *>(data.data()), &size, reinterpret_cast<uint8_t *>(out.data()));
    out.resize(qsizetype(size));
    return out;
}

QByteArray sample()
{
    QByteArray s;
    for (int i = 0; i < 2000; ++i)
        s += "line " + QByteArray::number(i) + " of a compressible body\n";
    return s;
}

} // namespace

class TestContentDecoder : public QObject
{
    Q_OBJECT
private slots:
    void decodesEachCoding_data();
    void decodesEachCoding();
    void undoesStackedCodingsLastFirst();
    void capsTheOutputOfABomb();
    void keepsTheBodyWhenCorrupt();
    void reportsUnknownCodings();
    void identityIsTheBody();
    void gzipDecodesEveryMember_data();
    void gzipDecodesEveryMember();
    void reportsDataAfterTheCompressedStream_data();
    void reportsDataAfterTheCompressedStream();
    void undecodableBodiesAreErrors_data();
    void undecodableBodiesAreErrors();
    void anEmptyBodyHasNothingToDecode();
};

void TestContentDecoder::decodesEachCoding_data()
{
    QTest::addColumn<QByteArray>("coding");
    QTest::addColumn<QByteArray>("encoded");
    const QByteArray s = sample();
    QTest::newRow("gzip") << QByteArray("gzip") << test::deflateWith(s, 15 + 16);
    QTest::newRow("x-gzip is gzip") << QByteArray("x-gzip") << test::deflateWith(s, 15 + 16);
    QTest::newRow("deflate with the zlib wrapper") << QByteArray("deflate") << test::deflateWith(s, 15);
    QTest::newRow("raw deflate as some servers send it") << QByteArray("deflate") << test::deflateWith(s, -15);
    QTest::newRow("br") << QByteArray("br") << brotli(s);
}

void TestContentDecoder::decodesEachCoding()
{
    QFETCH(QByteArray, coding);
    QFETCH(QByteArray, encoded);
    HttpResponse r;
    r.body = encoded;
    r.contentCodings = {coding};
    decodeResponseBody(r, 64 * 1024 * 1024);
    QCOMPARE(r.decodedBody, sample());
    QCOMPARE(r.encodedSize(), encoded.size());
    QCOMPARE(r.decodedSize(), sample().size());
    QVERIFY(r.violations.isEmpty());
    QVERIFY(!r.decodedTruncated);
}

void TestContentDecoder::undoesStackedCodingsLastFirst()
{
    // Content-Encoding: gzip, br  = gzip applied first, then br.
    HttpResponse r;
    r.body = brotli(test::deflateWith(sample(), 15 + 16));
    r.contentCodings = {"gzip", "br"};
    decodeResponseBody(r, 64 * 1024 * 1024);
    QCOMPARE(r.decodedBody, sample());
}


void TestContentDecoder::capsTheOutputOfABomb()
{
    // 64 MiB of zeros compress to ~64 KiB; a 1 MiB cap stops the inflation there.
    const QByteArray zeros(64 * 1024 * 1024, '\0');
    for (const QByteArray &coding : {QByteArray("gzip"), QByteArray("br")}) {
        HttpResponse r;
        r.body = coding == "gzip" ? test::deflateWith(zeros, 15 + 16) : brotli(zeros);
        QVERIFY(r.body.size() < 1024 * 1024);
        r.contentCodings = {coding};
        decodeResponseBody(r, 1024 * 1024);
        QCOMPARE(r.decodedSize(), 1024 * 1024);
        QVERIFY(r.decodedTruncated);
        QCOMPARE(r.violations.size(), 1);
        QCOMPARE(r.violations.first().id(), QStringLiteral("http.decode_limit"));
    }
    // Exactly at the cap is not truncated.
    HttpResponse exact;
    exact.body = test::deflateWith(QByteArray(1000, 'a'), 15 + 16);
    exact.contentCodings = {"gzip"};
    decodeResponseBody(exact, 1000);
    QCOMPARE(exact.decodedSize(), 1000);
    QVERIFY(!exact.decodedTruncated);
}

void TestContentDecoder::keepsTheBodyWhenCorrupt()
{
    HttpResponse r;
    r.body = test::deflateWith(sample(), 15 + 16);
    r.body[r.body.size() / 2] = char(r.body.at(r.body.size() / 2) ^ 0x55);
    r.body.chop(10);
    r.contentCodings = {"gzip"};
    decodeResponseBody(r, 64 * 1024 * 1024);
    QCOMPARE(r.decodedBody, r.body);
    QCOMPARE(r.violations.size(), 1);
    QCOMPARE(r.violations.first().id(), QStringLiteral("http.decode_failed"));
}

void TestContentDecoder::reportsUnknownCodings()
{
    HttpResponse r;
    r.body = "zstd bytes";
    r.contentCodings = {"zstd"};
    decodeResponseBody(r, 1024);
    QCOMPARE(r.decodedBody, r.body);
    QCOMPARE(r.violations.first().id(), QStringLiteral("http.unknown_coding"));
}

void TestContentDecoder::identityIsTheBody()
{
    HttpResponse r;
    r.body = "plain";
    decodeResponseBody(r, 1024);
    QCOMPARE(r.decodedBody, QByteArray("plain"));
    QVERIFY(r.violations.isEmpty());
}

void TestContentDecoder::gzipDecodesEveryMember_data()
{
    QTest::addColumn<QList<QByteArray>>("parts");
    QTest::newRow("two members make one body (RFC 1952 §2.2)") << QList<QByteArray>{"hello, ", "world"};
    QTest::newRow("three members, one of them empty") << QList<QByteArray>{"a", QByteArray(), sample()};
}

void TestContentDecoder::gzipDecodesEveryMember()
{
    QFETCH(QList<QByteArray>, parts);
    HttpResponse r;
    for (const QByteArray &part : parts)
        r.body += test::deflateWith(part, 15 + 16);
    r.contentCodings = {"gzip"};
    decodeResponseBody(r, 64 * 1024 * 1024);
    QCOMPARE(r.decodedBody, parts.join());
    QVERIFY(r.violations.isEmpty());
    // The cap counts every member: the second member's first byte is over a cap at the first's end.
    HttpResponse capped;
    capped.body = test::deflateWith("abc", 15 + 16) + test::deflateWith("def", 15 + 16);
    capped.contentCodings = {"gzip"};
    decodeResponseBody(capped, 3);
    QCOMPARE(capped.decodedBody, QByteArray("abc"));
    QVERIFY(capped.decodedTruncated);
    QCOMPARE(capped.violations.first().id(), QStringLiteral("http.decode_limit"));
}

void TestContentDecoder::reportsDataAfterTheCompressedStream_data()
{
    QTest::addColumn<QByteArray>("coding");
    QTest::addColumn<QByteArray>("stream");
    const QByteArray text = "the decoded text";
    QTest::newRow("gzip followed by bytes that are not a member") << QByteArray("gzip") << test::deflateWith(text, 15 + 16);
    QTest::newRow("deflate (zlib) followed by bytes") << QByteArray("deflate") << test::deflateWith(text, 15);
    QTest::newRow("raw deflate followed by bytes") << QByteArray("deflate") << test::deflateWith(text, -15);
    QTest::newRow("br followed by bytes") << QByteArray("br") << brotli(text);
}

void TestContentDecoder::reportsDataAfterTheCompressedStream()
{
    QFETCH(QByteArray, coding);
    QFETCH(QByteArray, stream);
    HttpResponse r;
    r.body = stream + "JUNK!";
    r.contentCodings = {coding};
    decodeResponseBody(r, 1024);
    QCOMPARE(r.decodedBody, QByteArray("the decoded text"));
    QCOMPARE(r.violations.size(), 1);
    const Violation &v = r.violations.first();
    QCOMPARE(v.id(), QStringLiteral("http.trailing_data_after_coding"));
    QVERIFY(!v.isError()); // the decoded body is whole; the rest is shown, not decoded
    QCOMPARE(v.offset, stream.size()); // where the junk starts in the coding's input
    QCOMPARE(v.length, 5);
    QVERIFY2(v.detail.contains(QStringLiteral("4a 55 4e 4b 21")), qPrintable(v.detail));
}

void TestContentDecoder::undecodableBodiesAreErrors_data()
{
    QTest::addColumn<QByteArray>("coding");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<QString>("id");
    const QByteArray gzip = test::deflateWith(sample(), 15 + 16);
    QByteArray corrupt = gzip;
    corrupt[corrupt.size() / 2] = char(corrupt.at(corrupt.size() / 2) ^ 0x55);
    QTest::newRow("corrupt gzip") << QByteArray("gzip") << corrupt << qint64(1 << 26) << QStringLiteral("http.decode_failed");
    QTest::newRow("truncated gzip") << QByteArray("gzip") << gzip.left(gzip.size() - 20) << qint64(1 << 26)
                                    << QStringLiteral("http.decode_failed");
    QTest::newRow("a second gzip member cut short") << QByteArray("gzip") << gzip + gzip.left(30) << qint64(1 << 26)
                                                    << QStringLiteral("http.decode_failed");
    QTest::newRow("plain text labelled gzip") << QByteArray("gzip") << QByteArray("{\"not\": \"gzip\"}") << qint64(1 << 26)
                                              << QStringLiteral("http.decode_failed");
    QTest::newRow("plain text labelled br") << QByteArray("br") << QByteArray("{\"not\": \"brotli\"}") << qint64(1 << 26)
                                            << QStringLiteral("http.decode_failed");
    QTest::newRow("truncated br") << QByteArray("br") << brotli(sample()).left(40) << qint64(1 << 26)
                                  << QStringLiteral("http.decode_failed");
    QTest::newRow("over the decompression limit") << QByteArray("deflate") << test::deflateWith(sample(), 15) << qint64(100)
                                                  << QStringLiteral("http.decode_limit");
}

void TestContentDecoder::undecodableBodiesAreErrors()
{
    QFETCH(QByteArray, coding);
    QFETCH(QByteArray, body);
    QFETCH(qint64, limit);
    QFETCH(QString, id);
    HttpResponse r;
    r.body = body;
    r.contentCodings = {coding};
    decodeResponseBody(r, limit);
    QCOMPARE(r.violations.size(), 1);
    QCOMPARE(r.violations.first().id(), id);
    // An error: the exchange that received it ends with this id (HttpClient).
    QVERIFY(r.violations.first().isError());
    QCOMPARE(r.body, body); // the bytes as received stay
}

void TestContentDecoder::anEmptyBodyHasNothingToDecode()
{
    // A HEAD answer or a 304 carries Content-Encoding for the body it does not have.
    HttpResponse r;
    r.contentCodings = {"gzip"};
    decodeResponseBody(r, 1024);
    QVERIFY(r.decodedBody.isEmpty());
    QVERIFY(r.violations.isEmpty());
}

QTEST_GUILESS_MAIN(TestContentDecoder)
#include "tst_contentdecoder.moc"

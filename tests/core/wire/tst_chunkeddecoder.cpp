// The one chunked decoder (RFC 9112 §7.1), used by the response parser and the demo server:
// every input fed in every split gives the same data, chunks, trailers and violations.
#include "core/wire/chunkeddecoder.h"
#include "tests/support/splits.h"

#include <QTest>

using namespace wirescope;
using State = ChunkedDecoder::State;

namespace {

constexpr qint64 kBase = 1000; // the body starts at this offset of the inbound stream

struct Decoded {
    QByteArray data;
    QList<HttpChunkInfo> chunks;
    QList<HttpHeaderField> trailers;
    QList<Violation> violations;
    qsizetype consumed = 0;
    State state = State::Size;
};

// Feeds `wire` cut at `cuts` (increasing); stops feeding once the decoder stops taking bytes.
Decoded decode(const QByteArray &wire, const QList<qsizetype> &cuts, ChunkedDecoderOptions options = {})
{
    ChunkedDecoder decoder(options);
    decoder.reset(kBase);
    Decoded d;
    qsizetype from = 0;
    QList<qsizetype> ends = cuts;
    ends.append(wire.size());
    for (qsizetype end : std::as_const(ends)) {
        const QByteArrayView piece = QByteArrayView(wire).sliced(from, end - from);
        const qsizetype used = decoder.feed(piece, ChunkedOutput{d.data, d.chunks, d.trailers, d.violations});
        d.consumed += used;
        from = end;
        if (used < piece.size())
            break; // done or failed: the rest is not the body's
    }
    d.state = decoder.state();
    return d;
}


QString splitName(const QList<qsizetype> &cuts)
{
    QStringList parts;
    for (qsizetype cut : cuts)
        parts << QString::number(cut);
    return QStringLiteral("cuts [%1]").arg(parts.join(u' ').left(60));
}

} // namespace

class tst_ChunkedDecoder : public QObject
{
    Q_OBJECT
private slots:
    void decodesEverySplit_data();
    void decodesEverySplit();
    void stopsAtTheEndOfTheBody();
    void reportsViolationsWithStreamOffsets_data();
    void reportsViolationsWithStreamOffsets();
    void namedLeniencyRecordsTheRule();
    void anEndlessLineCostsOnlyTheLimit();
};

void tst_ChunkedDecoder::decodesEverySplit_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("chunks");
    QTest::addColumn<int>("trailers");
    QTest::newRow("two chunks") << QByteArray("5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n") << QByteArray("hello, world") << 3 << 0;
    QTest::newRow("hex sizes in both cases") << QByteArray("a\r\n0123456789\r\nA\r\nabcdefghij\r\n0\r\n\r\n")
                                             << QByteArray("0123456789abcdefghij") << 3 << 0;
    QTest::newRow("extensions are kept, not decoded as data") << QByteArray("3;name=value\r\nabc\r\n0;last\r\n\r\n")
                                                              << QByteArray("abc") << 2 << 0;
    QTest::newRow("trailer fields are kept") << QByteArray("2\r\nok\r\n0\r\nX-Checksum: 1\r\nX-More: 2\r\n\r\n")
                                             << QByteArray("ok") << 2 << 2;
    QTest::newRow("empty body") << QByteArray("0\r\n\r\n") << QByteArray() << 1 << 0;
    QTest::newRow("binary data with CRLF inside") << QByteArray("4\r\n\r\n\x00\xff\r\n0\r\n\r\n", 14) << QByteArray("\r\n\x00\xff", 4)
                                                  << 2 << 0;
    QTest::newRow("chunk data that looks like a last-chunk does not end the body")
        << QByteArray("5\r\n0\r\n\r\n\r\n2\r\nok\r\n0\r\n\r\n") << QByteArray("0\r\n\r\nok") << 3 << 0;
}

void tst_ChunkedDecoder::decodesEverySplit()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, body);
    QFETCH(int, chunks);
    QFETCH(int, trailers);
    for (const QList<qsizetype> &cuts : test::everySplit(wire.size())) {
        const Decoded d = decode(wire, cuts);
        QVERIFY2(d.state == State::Done, qPrintable(splitName(cuts)));
        QCOMPARE(d.data, body);
        QCOMPARE(d.consumed, wire.size());
        QCOMPARE(d.chunks.size(), chunks);
        QCOMPARE(d.chunks.first().offset, kBase);
        QCOMPARE(d.trailers.size(), trailers);
        QVERIFY(d.violations.isEmpty());
    }
    const Decoded d = decode(wire, {});
    if (trailers > 0) {
        QCOMPARE(d.trailers.first().name, QByteArray("X-Checksum"));
        QCOMPARE(d.trailers.first().value, QByteArray("1"));
        QCOMPARE(d.trailers.first().offset, kBase + wire.indexOf("X-Checksum"));
    }
    if (QTest::currentDataTag() == QByteArrayView("extensions are kept, not decoded as data"))
        QCOMPARE(d.chunks.first().extensions, QByteArray(";name=value"));
}

void tst_ChunkedDecoder::stopsAtTheEndOfTheBody()
{
    const QByteArray body = "1\r\nx\r\n0\r\nX-T: 1\r\n\r\n";
    const QByteArray wire = body + "GET /next HTTP/1.1\r\n";
    for (const QList<qsizetype> &cuts : test::everySplit(wire.size())) {
        const Decoded d = decode(wire, cuts);
        QCOMPARE(d.state, State::Done);
        // The pipelined next request stays for the connection.
        QCOMPARE(d.consumed, body.size());
    }
}

void tst_ChunkedDecoder::reportsViolationsWithStreamOffsets_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("id");
    QTest::addColumn<qint64>("offset");
    QTest::newRow("a size that is not hex") << QByteArray("xyz\r\n") << QStringLiteral("http.bad_chunk_size") << kBase;
    QTest::newRow("an empty size line") << QByteArray("\r\n") << QStringLiteral("http.bad_chunk_size") << kBase;
    QTest::newRow("data longer than its size, caught at its first extra byte")
        << QByteArray("2\r\nabc\r\n") << QStringLiteral("http.bad_chunk_end") << kBase + 5;
    QTest::newRow("a size over the body limit, before any data is stored")
        << QByteArray("A00001\r\n") << QStringLiteral("http.body_too_large") << kBase;
    QTest::newRow("a size line over the line limit") << QByteArray(2000, '1') << QStringLiteral("http.line_too_long") << kBase;
    QTest::newRow("a size too long to be a number") << QByteArray("10000000000000000\r\n")
                                                   << QStringLiteral("http.bad_chunk_size") << kBase;
    QTest::newRow("trailing whitespace after the size") << QByteArray("3 \r\nabc\r\n0\r\n\r\n")
                                                       << QStringLiteral("http.bad_chunk_size") << kBase + 1;
    QTest::newRow("a bare LF ending a size line (strict by default)") << QByteArray("3\nabc\r\n0\r\n\r\n")
                                                                    << QStringLiteral("http.bare_lf") << kBase + 1;
    QTest::newRow("a bare LF after chunk data") << QByteArray("3\r\nabc\n0\r\n\r\n") << QStringLiteral("http.bare_lf") << kBase + 6;
    QTest::newRow("a trailer line without a colon") << QByteArray("0\r\nno colon\r\n\r\n")
                                                   << QStringLiteral("http.bad_header_line") << kBase + 3;
    QTest::newRow("an obs-folded trailer (strict by default)") << QByteArray("0\r\nX-A: 1\r\n 2\r\n\r\n")
                                                              << QStringLiteral("http.obs_fold") << kBase + 11;
    QTest::newRow("more trailer lines than allowed") << "0\r\n" + QByteArray("X: y\r\n").repeated(4) + "\r\n"
                                                    << QStringLiteral("http.too_many_headers") << kBase + 3 + 3 * 6;
}

void tst_ChunkedDecoder::reportsViolationsWithStreamOffsets()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, id);
    QFETCH(qint64, offset);
    ChunkedDecoderOptions options;
    options.maxLineBytes = 1024;
    options.maxBodyBytes = 10 * 1024 * 1024;
    options.maxTrailerCount = 3;
    for (const QList<qsizetype> &cuts : test::everySplit(wire.size())) {
        const Decoded d = decode(wire, cuts, options);
        QVERIFY2(d.state == State::Error, qPrintable(splitName(cuts)));
        QCOMPARE(d.violations.size(), 1);
        QCOMPARE(d.violations.first().id(), id);
        QCOMPARE(d.violations.first().offset, offset);
        QVERIFY(d.violations.first().isError());
        QVERIFY(d.data.size() <= 3); // nothing announced was stored
    }
}

void tst_ChunkedDecoder::namedLeniencyRecordsTheRule()
{
    const QByteArray wire = "3\nabc\n0\nX-A: 1\n 2\n\n";
    ChunkedDecoderOptions options;
    options.bareLf = true;
    options.obsFold = true;
    for (const QList<qsizetype> &cuts : test::everySplit(wire.size())) {
        const Decoded d = decode(wire, cuts, options);
        QCOMPARE(d.state, State::Done);
        QCOMPARE(d.data, QByteArray("abc"));
        QCOMPARE(d.trailers.size(), 1);
        QCOMPARE(d.trailers.first().value, QByteArray("1 2"));
        // Tolerated, still recorded: six bare LFs and one obs-fold, as warnings.
        QStringList ids;
        for (const Violation &v : d.violations) {
            QVERIFY(!v.isError());
            ids << v.id();
        }
        QCOMPARE(ids.count(QStringLiteral("http.bare_lf")), 6);
        QCOMPARE(ids.count(QStringLiteral("http.obs_fold")), 1);
    }
}

void tst_ChunkedDecoder::anEndlessLineCostsOnlyTheLimit()
{
    ChunkedDecoder decoder(ChunkedDecoderOptions{});
    decoder.reset(0);
    QByteArray data;
    QList<HttpChunkInfo> chunks;
    QList<HttpHeaderField> trailers;
    QList<Violation> violations;
    const QByteArray junk(4096, 'f');
    int fed = 0;
    while (!decoder.isError() && fed < 1000) {
        decoder.feed(junk, ChunkedOutput{data, chunks, trailers, violations});
        ++fed;
    }
    QCOMPARE(violations.first().id(), QStringLiteral("http.line_too_long"));
    QVERIFY(fed <= 3); // 8 KiB line limit
}

QTEST_GUILESS_MAIN(tst_ChunkedDecoder)
#include "tst_chunkeddecoder.moc"

#include "core/wire/httpresponseparser.h"

#include <QTest>

using namespace wirescope;

namespace {

struct Outcome {
    ParseStatus status = ParseStatus::NeedMore;
    qsizetype consumed = 0;
    HttpResponse response;
    bool keepAlive = false;
};

// Feeds `bytes` split at the given points; calls finishEof() when `eof` and not done.
Outcome run(const QByteArray &bytes, const QList<qsizetype> &splits, const QByteArray &method, bool eof,
            HttpParserLimits limits = {}, HttpParserLeniency leniency = {}, bool upgradeRequested = false)
{
    HttpResponseParser parser(limits, leniency);
    parser.reset(method, 0, upgradeRequested);
    Outcome o;
    qsizetype pos = 0;
    QList<qsizetype> cuts = splits;
    cuts.append(bytes.size());
    for (qsizetype cut : std::as_const(cuts)) {
        if (cut < pos)
            continue;
        const ParseResult r = parser.feed(QByteArrayView(bytes).sliced(pos, cut - pos));
        o.consumed += r.consumed;
        o.status = r.status;
        if (r.status != ParseStatus::NeedMore)
            break;
        pos = cut;
    }
    if (o.status == ParseStatus::NeedMore && eof)
        o.status = parser.finishEof();
    o.response = parser.response();
    o.keepAlive = parser.keepAlive();
    return o;
}

QString firstErrorId(const HttpResponse &r)
{
    for (const Violation &v : r.violations) {
        if (v.isError())
            return v.id();
    }
    return {};
}

// The same result for the whole buffer, one byte at a time and every two-piece split.
QList<QList<qsizetype>> allSplits(qsizetype size)
{
    QList<QList<qsizetype>> out{{}};
    QList<qsizetype> bytewise;
    for (qsizetype i = 1; i < size; ++i)
        bytewise.append(i);
    out.append(bytewise);
    for (qsizetype i = 1; i < size; ++i)
        out.append(QList<qsizetype>{i});
    return out;
}

} // namespace

class TestHttpResponseParser : public QObject
{
    Q_OBJECT
private slots:
    void parsesEverySplit_data();
    void parsesEverySplit();
    void rejectsBrokenFraming_data();
    void rejectsBrokenFraming();
    void keepsHeaderOrderRawBytesAndOffsets();
    void recordsInterimResponses();
    void namedLeniencyRecordsTheViolation_data();
    void namedLeniencyRecordsTheViolation();
    void limitsStopBeforeStoring_data();
    void limitsStopBeforeStoring();
    void leavesBytesOfTheNextResponseUnconsumed();
    void decidesPersistence_data();
    void decidesPersistence();
    void reportsChunksWithExtensionsAndTrailers();
    void endlessHeaderLineCostsOnlyTheLimit();
    void notHttpShowsTheFirstBytesInHex();
    void a101ToAnUpgradeRequestEndsWithItsHead();
    void extraBytesAfterTheResponseAreReported();
};

void TestHttpResponseParser::parsesEverySplit_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("eof");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("framing");

    QTest::newRow("a Content-Length body is read exactly")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << QByteArray("GET") << false << 200
        << QByteArray("hello") << int(BodyFraming::ContentLength);
    QTest::newRow("a chunked body with an extension and a trailer is de-chunked")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=val\r\nhello\r\n"
                      "6\r\n world\r\n0\r\nX-Checksum: 42\r\n\r\n")
        << QByteArray("GET") << false << 200 << QByteArray("hello world") << int(BodyFraming::Chunked);
    QTest::newRow("a body without framing runs until the server closes")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil close") << QByteArray("GET") << true
        << 200 << QByteArray("until close") << int(BodyFraming::CloseDelimited);
    QTest::newRow("a HEAD response has no body despite Content-Length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1024\r\n\r\n") << QByteArray("HEAD") << false << 200
        << QByteArray() << int(BodyFraming::None);
    QTest::newRow("204 No Content has no body")
        << QByteArray("HTTP/1.1 204 No Content\r\nServer: x\r\n\r\n") << QByteArray("DELETE") << false << 204
        << QByteArray() << int(BodyFraming::None);
    QTest::newRow("304 Not Modified has no body despite its Content-Length")
        << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\nETag: \"x\"\r\n\r\n") << QByteArray("GET")
        << false << 304 << QByteArray() << int(BodyFraming::None);
    QTest::newRow("100 Continue is skipped to the final 201")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")
        << QByteArray("POST") << false << 201 << QByteArray("ok") << int(BodyFraming::ContentLength);
    QTest::newRow("a repeated identical Content-Length is one value")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc") << QByteArray("GET")
        << false << 200 << QByteArray("abc") << int(BodyFraming::ContentLength);
    QTest::newRow("an empty reason phrase is allowed")
        << QByteArray("HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n") << QByteArray("GET") << false << 404
        << QByteArray() << int(BodyFraming::ContentLength);
    QTest::newRow("an HTTP/1.0 answer is read until close")
        << QByteArray("HTTP/1.0 200 OK\r\n\r\nold") << QByteArray("GET") << true << 200 << QByteArray("old")
        << int(BodyFraming::CloseDelimited);
    QTest::newRow("chunk sizes are case-insensitive hex with leading zeros")
        << QByteArray("HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\n000A\r\n0123456789\r\n0\r\n\r\n")
        << QByteArray("GET") << false << 200 << QByteArray("0123456789") << int(BodyFraming::Chunked);
}

void TestHttpResponseParser::parsesEverySplit()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, method);
    QFETCH(bool, eof);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, framing);
    for (const QList<qsizetype> &splits : allSplits(bytes.size())) {
        const Outcome o = run(bytes, splits, method, eof);
        const QByteArray where = "splits " + QByteArray::number(splits.size()) + " first "
                                 + QByteArray::number(splits.value(0, -1));
        QVERIFY2(o.status == ParseStatus::Complete, where.constData());
        QCOMPARE(o.response.status, status);
        QCOMPARE(o.response.body, body);
        QCOMPARE(int(o.response.framing), framing);
        QCOMPARE(o.consumed, bytes.size());
        QCOMPARE(firstErrorId(o.response), QString());
    }
}

void TestHttpResponseParser::rejectsBrokenFraming_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("eof");
    QTest::addColumn<QString>("errorId");

    QTest::newRow("Transfer-Encoding with Content-Length is ambiguous")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
        << false << QStringLiteral("http.cl_te_conflict");
    QTest::newRow("two different Content-Length values")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!") << false
        << QStringLiteral("http.cl_mismatch");
    QTest::newRow("a Content-Length list with different values")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5, 7\r\n\r\nhello") << false << QStringLiteral("http.cl_mismatch");
    QTest::newRow("a negative Content-Length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << false << QStringLiteral("http.bad_content_length");
    QTest::newRow("a Content-Length that overflows 64 bits")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n") << false
        << QStringLiteral("http.bad_content_length");
    QTest::newRow("a chunk size that is not hex")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << false
        << QStringLiteral("http.bad_chunk_size");
    QTest::newRow("a chunk size that overflows")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1ffffffffffffffff\r\n") << false
        << QStringLiteral("http.bad_chunk_size");
    QTest::newRow("a huge chunk size beyond the body limit")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffff\r\n") << false
        << QStringLiteral("http.body_too_large");
    QTest::newRow("chunk data not followed by CRLF")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n") << false
        << QStringLiteral("http.bad_chunk_end");
    QTest::newRow("chunked not last in Transfer-Encoding")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n") << false
        << QStringLiteral("http.bad_transfer_encoding");
    QTest::newRow("obs-fold is rejected by default")
        << QByteArray("HTTP/1.1 200 OK\r\nX-A: one\r\n two\r\nContent-Length: 0\r\n\r\n") << false
        << QStringLiteral("http.obs_fold");
    QTest::newRow("a bare LF is rejected by default")
        << QByteArray("HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n") << false << QStringLiteral("http.bare_lf");
    QTest::newRow("whitespace before the colon")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n") << false << QStringLiteral("http.space_before_colon");
    QTest::newRow("a header line without colon")
        << QByteArray("HTTP/1.1 200 OK\r\nnot a header\r\n\r\n") << false << QStringLiteral("http.bad_header_line");
    QTest::newRow("a status code of two digits")
        << QByteArray("HTTP/1.1 20 OK\r\n\r\n") << false << QStringLiteral("http.bad_status_line");
    QTest::newRow("a status code with a letter")
        << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << false << QStringLiteral("http.bad_status_line");
    QTest::newRow("a non-HTTP answer with CRLF is not HTTP, not a bad status line")
        << QByteArray("ICY 200 OK\r\n\r\n") << false << QStringLiteral("http.not_http");
    QTest::newRow("a non-HTTP answer with a bare LF is not HTTP, not a line-ending problem")
        << QByteArray("SSH-2.0-OpenSSH_9.2\n") << false << QStringLiteral("http.not_http");
    QTest::newRow("binary without any line end is not HTTP, not a line too long")
        << QByteArray::fromHex("15030300020228") + QByteArray(9000, '\x01') << false << QStringLiteral("http.not_http");
    QTest::newRow("an empty line before the status line")
        << QByteArray("\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n") << false << QStringLiteral("http.not_http");
    QTest::newRow("a 101 to a request that asked for no upgrade")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n") << false
        << QStringLiteral("http.unexpected_upgrade");
    QTest::newRow("a bare LF after chunk data")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\n0\r\n\r\n") << false
        << QStringLiteral("http.bare_lf");
    QTest::newRow("a trailer field with whitespace before the colon")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T : 1\r\n\r\n") << false
        << QStringLiteral("http.space_before_colon");
    QTest::newRow("an HTTP/2 status line")
        << QByteArray("HTTP/2.0 200 OK\r\n\r\n") << false << QStringLiteral("http.bad_version");
    QTest::newRow("a NUL byte in a header value")
        << QByteArray("HTTP/1.1 200 OK\r\nX-A: a\0b\r\n\r\n", 29) << false << QStringLiteral("http.nul_in_header");
    QTest::newRow("a body cut short by the close")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort") << true << QStringLiteral("http.truncated");
    QTest::newRow("a close before any byte")
        << QByteArray() << true << QStringLiteral("http.truncated");
    QTest::newRow("a close inside the chunked body")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel") << true
        << QStringLiteral("http.truncated");
}

void TestHttpResponseParser::rejectsBrokenFraming()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, eof);
    QFETCH(QString, errorId);
    for (const QList<qsizetype> &splits : allSplits(bytes.size())) {
        const Outcome o = run(bytes, splits, "GET", eof);
        QVERIFY(o.status == ParseStatus::Error);
        QCOMPARE(firstErrorId(o.response), errorId);
        QVERIFY(!o.keepAlive);
    }
}

void TestHttpResponseParser::keepsHeaderOrderRawBytesAndOffsets()
{
    const QByteArray bytes("HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nX-Pad:   spaced  \r\nset-cookie: b=2\r\n"
                           "Content-Length: 0\r\n\r\n");
    HttpResponseParser parser;
    parser.reset("GET", 1000); // this response starts at byte 1000 of the connection
    QCOMPARE(parser.feed(bytes).status, ParseStatus::Complete);
    const HttpResponse &r = parser.response();
    QCOMPARE(r.headers.size(), 4);
    QCOMPARE(r.headers.at(0).name, QByteArray("Set-Cookie"));
    QCOMPARE(r.headers.at(1).value, QByteArray("spaced"));
    QCOMPARE(r.headers.at(1).raw, QByteArray("X-Pad:   spaced  \r\n"));
    QCOMPARE(r.headers.at(2).name, QByteArray("set-cookie"));
    QCOMPARE(r.headerValues("SET-COOKIE"), (QList<QByteArray>{"a=1", "b=2"}));
    QCOMPARE(r.offset, 1000);
    QCOMPARE(r.headers.at(0).offset, 1000 + qint64(strlen("HTTP/1.1 200 OK\r\n")));
    QCOMPARE(r.headBytes, bytes.size());
    QCOMPARE(r.reason, QByteArray("OK"));
    QCOMPARE(r.version, QByteArray("HTTP/1.1"));
}

void TestHttpResponseParser::recordsInterimResponses()
{
    const QByteArray bytes("HTTP/1.1 100 Continue\r\n\r\n"
                           "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\nLink: </app.js>; rel=preload\r\n\r\n"
                           "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
    for (const QList<qsizetype> &splits : allSplits(bytes.size())) {
        const Outcome o = run(bytes, splits, "POST", false);
        QVERIFY(o.status == ParseStatus::Complete);
        QCOMPARE(o.response.interim.size(), 2);
        QCOMPARE(o.response.interim.at(0).status, 100);
        QCOMPARE(o.response.interim.at(1).status, 103);
        QCOMPARE(o.response.interim.at(1).headers.size(), 2);
        QCOMPARE(o.response.interim.at(1).headers.at(1).value, QByteArray("</app.js>; rel=preload"));
        QCOMPARE(o.response.interim.at(1).offset, qint64(strlen("HTTP/1.1 100 Continue\r\n\r\n")));
        QCOMPARE(o.response.status, 200);
        QCOMPARE(o.response.body, QByteArray("hi"));
    }
}

void TestHttpResponseParser::namedLeniencyRecordsTheViolation_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("bareLf");
    QTest::addColumn<bool>("obsFold");
    QTest::addColumn<QString>("violationId");
    QTest::addColumn<QByteArray>("headerValue");

    QTest::newRow("bare LF line endings are read when allowed")
        << QByteArray("HTTP/1.1 200 OK\nX-A: v\nContent-Length: 1\n\nz") << true << false << QStringLiteral("http.bare_lf")
        << QByteArray("v");
    QTest::newRow("obs-fold is unfolded to one space when allowed")
        << QByteArray("HTTP/1.1 200 OK\r\nX-A: one\r\n\t two\r\nContent-Length: 1\r\n\r\nz") << false << true
        << QStringLiteral("http.obs_fold") << QByteArray("one two");
}

void TestHttpResponseParser::namedLeniencyRecordsTheViolation()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, bareLf);
    QFETCH(bool, obsFold);
    QFETCH(QString, violationId);
    QFETCH(QByteArray, headerValue);
    HttpParserLeniency leniency;
    leniency.bareLf = bareLf;
    leniency.obsFold = obsFold;
    for (const QList<qsizetype> &splits : allSplits(bytes.size())) {
        const Outcome o = run(bytes, splits, "GET", false, {}, leniency);
        QVERIFY(o.status == ParseStatus::Complete);
        QCOMPARE(o.response.headerValue("X-A"), headerValue);
        QCOMPARE(o.response.body, QByteArray("z"));
        QVERIFY(!o.response.violations.isEmpty());
        QCOMPARE(o.response.violations.first().id(), violationId);
        QVERIFY(!o.response.violations.first().isError()); // tolerated: recorded as a warning
    }
}

void TestHttpResponseParser::limitsStopBeforeStoring_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxHeaderBytes");
    QTest::addColumn<int>("maxHeaderCount");
    QTest::addColumn<int>("maxBodyBytes");
    QTest::addColumn<QString>("errorId");

    QByteArray manyHeaders("HTTP/1.1 200 OK\r\n");
    for (int i = 0; i < 11; ++i)
        manyHeaders += "X-" + QByteArray::number(i) + ": v\r\n";
    manyHeaders += "\r\n";
    QTest::newRow("more header lines than allowed") << manyHeaders << 65536 << 10 << 1000 << QStringLiteral("http.too_many_headers");
    QTest::newRow("a header section larger than allowed")
        << QByteArray("HTTP/1.1 200 OK\r\nX-Big: " + QByteArray(200, 'a') + "\r\n\r\n") << 100 << 100 << 1000
        << QStringLiteral("http.headers_too_large");
    QTest::newRow("a Content-Length above the body limit fails before reading")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1001\r\n\r\n") << 65536 << 100 << 1000
        << QStringLiteral("http.body_too_large");
    QTest::newRow("a close-delimited body above the limit")
        << QByteArray("HTTP/1.1 200 OK\r\n\r\n" + QByteArray(1001, 'x')) << 65536 << 100 << 1000
        << QStringLiteral("http.body_too_large");
    QTest::newRow("chunks adding up above the limit")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n200\r\n" + QByteArray(512, 'x')
                      + "\r\n200\r\n" + QByteArray(512, 'x') + "\r\n0\r\n\r\n")
        << 65536 << 100 << 1000 << QStringLiteral("http.body_too_large");
}

void TestHttpResponseParser::limitsStopBeforeStoring()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxHeaderBytes);
    QFETCH(int, maxHeaderCount);
    QFETCH(int, maxBodyBytes);
    QFETCH(QString, errorId);
    HttpParserLimits limits;
    limits.maxHeaderBytes = maxHeaderBytes;
    limits.maxHeaderCount = maxHeaderCount;
    limits.maxBodyBytes = maxBodyBytes;
    const Outcome o = run(bytes, {}, "GET", false, limits);
    QVERIFY(o.status == ParseStatus::Error);
    QCOMPARE(firstErrorId(o.response), errorId);
    QVERIFY(o.response.body.size() <= maxBodyBytes);
    const Outcome bytewise = run(bytes, allSplits(bytes.size()).at(1), "GET", false, limits);
    QCOMPARE(firstErrorId(bytewise.response), errorId);
}

void TestHttpResponseParser::leavesBytesOfTheNextResponseUnconsumed()
{
    const QByteArray first("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nA");
    const QByteArray second("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nB");
    HttpResponseParser parser;
    parser.reset("GET", 0);
    const QByteArray both = first + second;
    const ParseResult r = parser.feed(both);
    QCOMPARE(r.status, ParseStatus::Complete);
    QCOMPARE(r.consumed, first.size());
    QCOMPARE(parser.response().body, QByteArray("A"));
    parser.reset("GET", first.size());
    QCOMPARE(parser.feed(QByteArrayView(both).sliced(r.consumed)).status, ParseStatus::Complete);
    QCOMPARE(parser.response().body, QByteArray("B"));
    QCOMPARE(parser.response().offset, first.size());
}

void TestHttpResponseParser::decidesPersistence_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("HTTP/1.1 persists by default") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n") << true;
    QTest::newRow("Connection: close ends it")
        << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n") << false;
    QTest::newRow("HTTP/1.0 ends it") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n") << false;
    QTest::newRow("HTTP/1.0 with keep-alive persists")
        << QByteArray("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n") << true;
    QTest::newRow("a close-delimited body ends it") << QByteArray("HTTP/1.1 200 OK\r\n\r\nx") << false;
}

void TestHttpResponseParser::decidesPersistence()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, keepAlive);
    const Outcome o = run(bytes, {}, "GET", true);
    QVERIFY(o.status == ParseStatus::Complete);
    QCOMPARE(o.keepAlive, keepAlive);
}

void TestHttpResponseParser::reportsChunksWithExtensionsAndTrailers()
{
    const QByteArray bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                           "4 ;a=1\r\nWiki\r\n5\r\npedia\r\n0;last\r\nExpires: never\r\nX-T: 1\r\n\r\n");
    const Outcome o = run(bytes, {}, "GET", false);
    QVERIFY(o.status == ParseStatus::Complete);
    QCOMPARE(o.response.body, QByteArray("Wikipedia"));
    QCOMPARE(o.response.chunks.size(), 3);
    QCOMPARE(o.response.chunks.at(0).size, 4);
    QCOMPARE(o.response.chunks.at(0).extensions, QByteArray(" ;a=1"));
    QCOMPARE(o.response.chunks.at(2).extensions, QByteArray(";last"));
    QCOMPARE(o.response.trailers.size(), 2);
    QCOMPARE(o.response.trailers.at(0).name, QByteArray("Expires"));
    QCOMPARE(o.response.wireBodyBytes, bytes.size() - o.response.headBytes);
}

void TestHttpResponseParser::endlessHeaderLineCostsOnlyTheLimit()
{
    // A hostile server sending one header line forever: the parser fails at the line limit.
    HttpResponseParser parser;
    parser.reset("GET", 0);
    ParseResult r = parser.feed("HTTP/1.1 200 OK\r\nX-Endless: ");
    const QByteArray junk(4096, 'a');
    int fed = 0;
    while (r.status == ParseStatus::NeedMore && fed < 1000) {
        r = parser.feed(junk);
        ++fed;
    }
    QCOMPARE(r.status, ParseStatus::Error);
    QCOMPARE(firstErrorId(parser.response()), QStringLiteral("http.line_too_long"));
    QVERIFY(fed <= 3); // 8 KiB line limit
}

void TestHttpResponseParser::notHttpShowsTheFirstBytesInHex()
{
    // A TLS alert where an HTTP answer was expected (https spoken to on port 80, or the reverse).
    const QByteArray alert = QByteArray::fromHex("150303000202") + QByteArray(40, '\x28');
    for (const QList<qsizetype> &splits : allSplits(alert.size())) {
        const Outcome o = run(alert, splits, "GET", true);
        QVERIFY(o.status == ParseStatus::Error);
        QCOMPARE(o.response.violations.size(), 1); // one finding, not a line-ending one after it
        const Violation &v = o.response.violations.first();
        QCOMPARE(v.id(), QStringLiteral("http.not_http"));
        QCOMPARE(v.offset, 0);
        QVERIFY2(v.detail.startsWith(QStringLiteral("15")), qPrintable(v.detail));
    }
    const Outcome whole = run(alert, {}, "GET", true);
    QCOMPARE(whole.response.violations.first().detail, QString::fromLatin1(alert.left(32).toHex(' ')));
    // "HTTP/" then garbage is a status line gone wrong, named as such.
    QCOMPARE(firstErrorId(run("HTTP/x.y 200 OK\r\n\r\n", {}, "GET", true).response), QStringLiteral("http.bad_status_line"));
}

void TestHttpResponseParser::a101ToAnUpgradeRequestEndsWithItsHead()
{
    // RFC 9110 §15.2.2: after the 101's empty line the connection speaks the new protocol.
    const QByteArray head("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          "Content-Length: 5\r\n\r\n");
    const QByteArray frame = QByteArray::fromHex("810568656c6c6f");
    const QByteArray bytes = head + frame;
    for (const QList<qsizetype> &splits : allSplits(bytes.size())) {
        const Outcome o = run(bytes, splits, "GET", false, {}, {}, true);
        QVERIFY(o.status == ParseStatus::Complete);
        QCOMPARE(o.response.status, 101);
        QCOMPARE(o.consumed, head.size()); // the frame is left for the frame parser
        QVERIFY(o.response.body.isEmpty());
        QVERIFY(!o.keepAlive); // the connection is handed over, not reused for HTTP
        QVERIFY(o.response.violations.isEmpty());
    }
    // The same answer to a request without Upgrade is an error at the 101's head.
    const Outcome unasked = run(bytes, {}, "GET", false);
    QVERIFY(unasked.status == ParseStatus::Error);
    QCOMPARE(firstErrorId(unasked.response), QStringLiteral("http.unexpected_upgrade"));
    QCOMPARE(unasked.response.violations.first().offset, 0);
    QCOMPARE(unasked.response.violations.first().length, head.size());
}

void TestHttpResponseParser::extraBytesAfterTheResponseAreReported()
{
    const QByteArray response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    const QByteArray extra("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nevil");
    HttpResponseParser parser;
    parser.reset("GET", 100);
    const QByteArray both = response + extra;
    const ParseResult r = parser.feed(both);
    QCOMPARE(r.status, ParseStatus::Complete);
    QCOMPARE(r.consumed, response.size());
    parser.noteExtraBytes(QByteArrayView(both).sliced(r.consumed));
    QCOMPARE(parser.response().body, QByteArray("ok"));
    QCOMPARE(parser.response().violations.size(), 1);
    const Violation &v = parser.response().violations.first();
    QCOMPARE(v.id(), QStringLiteral("http.extra_bytes"));
    QCOMPARE(v.offset, 100 + response.size());
    QCOMPARE(v.length, extra.size());
    QVERIFY(!v.isError()); // the response itself is whole
    QVERIFY2(v.detail.contains(QStringLiteral("48 54 54 50")), qPrintable(v.detail));
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"

#include "core/wire/httpresponseparser.h"
#include "core/wire/wshandshake.h"
#include "tests/support/splits.h"

#include <QTest>

using namespace wirescope;

namespace {

// RFC 6455 §1.3: the sample nonce and its accept value.
const QByteArray kNonce = "the sample nonce";
const QByteArray kKey = "dGhlIHNhbXBsZSBub25jZQ==";
const QByteArray kAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

WsHandshakeRequest sampleRequest(QStringList subprotocols = {}, QList<QByteArray> extensions = {})
{
    WsHandshakeRequestOptions options;
    options.url = QUrl(QStringLiteral("ws://server.example.com/chat"));
    options.subprotocols = subprotocols;
    options.extensions = extensions;
    return wsBuildHandshakeRequest(options, kNonce);
}

// The answer to the upgrade as the connection reads it: HttpResponseParser, told the request
// asked for an upgrade, fed in the given pieces, then the close when `eof`.
struct Answer {
    ParseStatus status = ParseStatus::NeedMore;
    qsizetype consumed = 0;
    HttpResponse response;
};

Answer readAnswer(const QByteArray &bytes, const QList<qsizetype> &cuts = {}, bool eof = false,
                  HttpParserLimits limits = {}, HttpParserLeniency leniency = {})
{
    HttpResponseParser parser(limits, leniency);
    parser.reset("GET", 0, true);
    Answer a;
    qsizetype from = 0;
    QList<qsizetype> ends = cuts;
    ends.append(bytes.size());
    for (qsizetype end : std::as_const(ends)) {
        const ParseResult r = parser.feed(QByteArrayView(bytes).sliced(from, end - from));
        a.consumed += r.consumed;
        a.status = r.status;
        from = end;
        if (r.status != ParseStatus::NeedMore)
            break;
    }
    if (a.status == ParseStatus::NeedMore && eof)
        a.status = parser.finishEof();
    a.response = parser.response();
    return a;
}

HttpResponse parseResponse(const QByteArray &bytes)
{
    return readAnswer(bytes).response;
}


QString firstErrorId(const HttpResponse &response)
{
    for (const Violation &v : response.violations) {
        if (v.isError())
            return v.id();
    }
    return {};
}

} // namespace

class TestWsHandshake : public QObject
{
    Q_OBJECT
private slots:
    void requestFollowsRfc6455Section4();
    void requestCarriesOptionsAuthAndCookies();
    void freshKeysAreRandom();
    void acceptDerivationShowsEveryStep();
    void aRequestHeadSplitsIntoItsFields();
    void a101WithFramesInTheSameChunkEndsAtItsHead();
    void checks_data();
    void checks();
    void refusalIsAnHttpResponseWithBody_data();
    void refusalIsAnHttpResponseWithBody();
    void aBareLfAnswerIsRejectedUnlessTolerated();
    void malformedOrOversizedAnswersFail_data();
    void malformedOrOversizedAnswersFail();
    void aRefusalCutShortIsTruncated();
};

void TestWsHandshake::requestFollowsRfc6455Section4()
{
    const WsHandshakeRequest request = sampleRequest();
    QCOMPARE(request.key, kKey);
    QCOMPARE(request.bytes, QByteArray("GET /chat HTTP/1.1\r\n"
                                       "Host: server.example.com\r\n"
                                       "Upgrade: websocket\r\n"
                                       "Connection: Upgrade\r\n"
                                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                       "Sec-WebSocket-Version: 13\r\n"
                                       "\r\n"));
}

void TestWsHandshake::requestCarriesOptionsAuthAndCookies()
{
    WsHandshakeRequestOptions options;
    options.url = QUrl(QStringLiteral("wss://user:pa%20ss@[::1]:8443/a%20b?x=1&y=2"));
    options.origin = QStringLiteral("https://example.org");
    options.subprotocols = {QStringLiteral("chat"), QStringLiteral("superchat")};
    options.extensions = {"permessage-deflate; client_max_window_bits"};
    options.headers = {{"X-Trace", "42"}};
    options.cookies = {{"session", "abc"}, {"theme", "dark"}};
    const QByteArray bytes = wsBuildHandshakeRequest(options, kNonce).bytes;
    QVERIFY(bytes.startsWith("GET /a%20b?x=1&y=2 HTTP/1.1\r\nHost: [::1]:8443\r\n"));
    QVERIFY(bytes.contains("\r\nOrigin: https://example.org\r\n"));
    QVERIFY(bytes.contains("\r\nSec-WebSocket-Protocol: chat, superchat\r\n"));
    QVERIFY(bytes.contains("\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"));
    QVERIFY(bytes.contains(QByteArray("\r\nAuthorization: Basic " + QByteArray("user:pa ss").toBase64() + "\r\n")));
    QVERIFY(bytes.contains("\r\nCookie: session=abc; theme=dark\r\n"));
    QVERIFY(bytes.endsWith("\r\nX-Trace: 42\r\n\r\n"));

    options.bearerToken = QStringLiteral("t0k3n");
    QVERIFY(wsBuildHandshakeRequest(options, kNonce).bytes.contains("\r\nAuthorization: Bearer t0k3n\r\n"));
}

void TestWsHandshake::freshKeysAreRandom()
{
    const WsHandshakeRequest a = wsBuildHandshakeRequest(WsHandshakeRequestOptions{QUrl(QStringLiteral("ws://h/")), {}, {}, {}, {}, {}, {}, {}, {}});
    const WsHandshakeRequest b = wsBuildHandshakeRequest(WsHandshakeRequestOptions{QUrl(QStringLiteral("ws://h/")), {}, {}, {}, {}, {}, {}, {}, {}});
    QCOMPARE(QByteArray::fromBase64(a.key).size(), 16);
    QVERIFY(a.key != b.key);
}

void TestWsHandshake::acceptDerivationShowsEveryStep()
{
    QCOMPARE(wsAcceptFor(kKey), kAccept);
    const WsAcceptDerivation d = wsDeriveAccept(kKey, kAccept, true);
    QCOMPARE(d.keyPlusGuid, QByteArray("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    QCOMPARE(d.sha1Hex, QByteArray("b37a4f2cc0624f1690f64606cf385945b2bec4ea"));
    QCOMPARE(d.expected, kAccept);
    QVERIFY(d.match);
    QVERIFY(!wsDeriveAccept(kKey, "wrong", true).match);
}

void TestWsHandshake::a101WithFramesInTheSameChunkEndsAtItsHead()
{
    const QByteArray head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
    const QByteArray stream = head + QByteArray::fromHex("810548656c6c6f" "8900");
    for (const QList<qsizetype> &cuts : test::everySplit(stream.size())) {
        const Answer a = readAnswer(stream, cuts);
        QCOMPARE(a.status, ParseStatus::Complete);
        QCOMPARE(a.consumed, head.size()); // the frames after the head are left for the frame parser
        QCOMPARE(a.response.status, 101);
        QCOMPARE(a.response.headBytes, head.size());
        QCOMPARE(a.response.headers.size(), 3);
        // Per-header offsets for the handshake view: where each line starts in the stream.
        QCOMPARE(a.response.headers.at(2).offset, head.indexOf("Sec-WebSocket-Accept"));
        QVERIFY(wsCheckHandshakeResponse(sampleRequest(), a.response).ok);
    }
}

void TestWsHandshake::checks_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("violations");
    const QByteArray good = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n";
    QTest::newRow("the RFC sample response passes") << good + "\r\n" << true << QStringList();
    QTest::newRow("header names and tokens are compared case-insensitively")
        << QByteArray("HTTP/1.1 101 OK\r\nupgrade: WebSocket\r\nconnection: keep-alive, UPGRADE\r\n"
                      "sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n") << true << QStringList();
    QTest::newRow("a wrong accept value fails")
        << QByteArray("HTTP/1.1 101 OK\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: AAAA\r\n\r\n")
        << false << QStringList{QStringLiteral("ws.handshake.accept_mismatch")};
    QTest::newRow("the accept field twice fails, even with the right value (RFC 6455 §11.3.3)")
        << good + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n" << false
        << QStringList{QStringLiteral("ws.handshake.accept_mismatch")};
    QTest::newRow("no accept, no upgrade, no connection")
        << QByteArray("HTTP/1.1 101 OK\r\n\r\n") << false
        << QStringList{QStringLiteral("ws.handshake.missing_upgrade"), QStringLiteral("ws.handshake.missing_connection"),
                       QStringLiteral("ws.handshake.missing_accept")};
    QTest::newRow("a subprotocol that was not offered")
        << good + "Sec-WebSocket-Protocol: mqtt\r\n\r\n" << false << QStringList{QStringLiteral("ws.handshake.unrequested_subprotocol")};
    QTest::newRow("an offered subprotocol") << good + "Sec-WebSocket-Protocol: chat\r\n\r\n" << true << QStringList();
    QTest::newRow("an extension that was not offered")
        << good + "Sec-WebSocket-Extensions: x-webkit-deflate-frame\r\n\r\n" << false
        << QStringList{QStringLiteral("ws.handshake.unrequested_extension")};
    QTest::newRow("an offered extension") << good + "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover\r\n\r\n"
                                          << true << QStringList();
    QTest::newRow("a 403 is one violation, not four")
        << QByteArray("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n") << false
        << QStringList{QStringLiteral("ws.handshake.bad_status")};
}

void TestWsHandshake::checks()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, ok);
    QFETCH(QStringList, violations);
    const WsHandshakeRequest request = sampleRequest({QStringLiteral("chat")}, {"permessage-deflate"});
    const WsHandshakeVerdict verdict = wsCheckHandshakeResponse(request, parseResponse(response));
    QCOMPARE(verdict.ok, ok);
    QStringList ids;
    for (const Violation &v : verdict.violations)
        ids << v.id();
    QCOMPARE(ids, violations);
    QVERIFY(verdict.checks.size() >= 4); // status, Upgrade, Connection, Accept always run
    QCOMPARE(verdict.checks[3].what, QStringLiteral("Sec-WebSocket-Accept"));
    QCOMPARE(verdict.checks[3].expected, QString::fromLatin1(kAccept));
}

void TestWsHandshake::refusalIsAnHttpResponseWithBody_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("eof");
    QTest::addColumn<int>("framing");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("Content-Length")
        << QByteArray("HTTP/1.1 401 Unauthorized\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nlog in first")
        << false << int(BodyFraming::ContentLength) << QByteArray("log in first");
    QTest::newRow("chunked, with an extension and a trailer")
        << QByteArray("HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trace: 7\r\n\r\n")
        << false << int(BodyFraming::Chunked) << QByteArray("hello, world");
    QTest::newRow("chunk data that looks like a last-chunk does not end the body")
        << QByteArray("HTTP/1.1 429 Too Many\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n0\r\n\r\n\r\n2\r\nok\r\n0\r\n\r\n")
        << false << int(BodyFraming::Chunked) << QByteArray("0\r\n\r\nok");
    QTest::newRow("close-delimited (RFC 9112 §6.3 rule 8)")
        << QByteArray("HTTP/1.0 500 Oops\r\nContent-Type: text/plain\r\n\r\nstack trace") << true
        << int(BodyFraming::CloseDelimited) << QByteArray("stack trace");
    QTest::newRow("a 304 has no body whatever it says")
        << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n") << false << int(BodyFraming::None)
        << QByteArray();
}

void TestWsHandshake::refusalIsAnHttpResponseWithBody()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, eof);
    QFETCH(int, framing);
    QFETCH(QByteArray, body);
    // Bytes after a finished refusal do not belong to it (a close-delimited one takes all).
    const QByteArray bytes = answer + (eof ? QByteArray() : QByteArray("NEXT"));
    for (const QList<qsizetype> &cuts : test::everySplit(bytes.size())) {
        const Answer a = readAnswer(bytes, cuts, eof);
        QCOMPARE(a.status, ParseStatus::Complete);
        QCOMPARE(a.consumed, answer.size());
        QCOMPARE(int(a.response.framing), framing);
        QCOMPARE(a.response.body, body);
        QCOMPARE(a.response.wireBodyBytes, answer.size() - a.response.headBytes); // the raw body, framing included
        QVERIFY(a.response.violations.isEmpty());
        const WsHandshakeVerdict verdict = wsCheckHandshakeResponse(sampleRequest(), a.response);
        QVERIFY(!verdict.ok);
        QCOMPARE(verdict.violations.size(), size_t(1));
        QCOMPARE(verdict.violations.front().id(), QStringLiteral("ws.handshake.bad_status"));
    }
}

void TestWsHandshake::aBareLfAnswerIsRejectedUnlessTolerated()
{
    // The same rule as any HTTP response (RFC 9112 §2.2): strict by default, a named leniency.
    const QByteArray answer = "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n"
                              "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\n\n";
    for (const QList<qsizetype> &cuts : test::everySplit(answer.size())) {
        const Answer strict = readAnswer(answer, cuts);
        QCOMPARE(strict.status, ParseStatus::Error);
        QCOMPARE(firstErrorId(strict.response), QStringLiteral("http.bare_lf"));
        QCOMPARE(strict.response.violations.first().offset, answer.indexOf('\n'));
    }
    HttpParserLeniency leniency;
    leniency.bareLf = true;
    const Answer tolerated = readAnswer(answer, {}, false, {}, leniency);
    QCOMPARE(tolerated.status, ParseStatus::Complete);
    QVERIFY(wsCheckHandshakeResponse(sampleRequest(), tolerated.response).ok);
    QCOMPARE(tolerated.response.violations.size(), 5); // every line end, recorded as a warning
    QCOMPARE(tolerated.response.violations.first().id(), QStringLiteral("http.bare_lf"));
    QVERIFY(!tolerated.response.violations.first().isError());
}

void TestWsHandshake::malformedOrOversizedAnswersFail_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("id");
    QTest::newRow("not HTTP at all") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << QStringLiteral("http.not_http");
    QTest::newRow("a non-numeric status") << QByteArray("HTTP/1.1 1x1 Hmm\r\n\r\n") << QStringLiteral("http.bad_status_line");
    QTest::newRow("whitespace before the colon") << QByteArray("HTTP/1.1 101 OK\r\nUpgrade : websocket\r\n\r\n")
                                                 << QStringLiteral("http.space_before_colon");
    QTest::newRow("obsolete line folding") << QByteArray("HTTP/1.1 101 OK\r\nUpgrade: web\r\n socket\r\n\r\n")
                                           << QStringLiteral("http.obs_fold");
    QTest::newRow("a header line that never ends") << QByteArray("HTTP/1.1 101 OK\r\nX: ") + QByteArray(20000, 'a')
                                                   << QStringLiteral("http.line_too_long");
    QByteArray manyLines = "HTTP/1.1 101 OK\r\n";
    for (int i = 0; i < 2000; ++i)
        manyLines += "X-Pad-" + QByteArray::number(i) + ": " + QByteArray(40, 'p') + "\r\n";
    QTest::newRow("a head over the header section limit") << manyLines << QStringLiteral("http.headers_too_large");
    QTest::newRow("a refusal whose chunk size is not hex")
        << QByteArray("HTTP/1.1 503 No\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\nzz\r\nmore")
        << QStringLiteral("http.bad_chunk_size");
}

void TestWsHandshake::malformedOrOversizedAnswersFail()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, id);
    HttpParserLimits limits;
    limits.maxHeaderCount = 10000; // so the size limit, not the count, is what a long head hits
    const Answer a = readAnswer(bytes, {}, false, limits);
    QCOMPARE(a.status, ParseStatus::Error);
    QCOMPARE(firstErrorId(a.response), id);
    // Limits are checked before storing: an oversized answer is not kept whole.
    QVERIFY(a.consumed <= 64 * 1024 + 8 * 1024);
}

void TestWsHandshake::aRefusalCutShortIsTruncated()
{
    const QByteArray answer = "HTTP/1.1 403 Forbidden\r\nContent-Length: 20\r\n\r\nonly ten b";
    const Answer a = readAnswer(answer, {}, true);
    QCOMPARE(a.status, ParseStatus::Error);
    QCOMPARE(firstErrorId(a.response), QStringLiteral("http.truncated"));
    QCOMPARE(a.response.status, 403); // the head is still there for the checks and the view
    QCOMPARE(a.response.body, QByteArray("only ten b"));
}

void TestWsHandshake::aRequestHeadSplitsIntoItsFields()
{
    WsHandshakeRequestOptions options;
    options.url = QUrl(QStringLiteral("ws://example.com:8080/chat?x=1"));
    options.subprotocols = {QStringLiteral("json")};
    options.headers = {{"X-Twice", "a"}, {"X-Twice", " b "}};
    const WsHandshakeRequest request = wsBuildHandshakeRequest(options, QByteArray(16, 'k'));
    const WsRequestHead head = wsSplitRequestHead(QByteArray(request.bytes + "ignored body"));
    QCOMPARE(head.requestLine, QByteArray("GET /chat?x=1 HTTP/1.1"));
    QList<QByteArray> names;
    for (const WsHeader &field : head.fields)
        names.append(field.first);
    QVERIFY(names.contains("Host"));
    QVERIFY(names.contains("Sec-WebSocket-Protocol"));
    QCOMPARE(names.count("X-Twice"), 2);
    for (const WsHeader &field : head.fields) {
        if (field.first == "Sec-WebSocket-Key")
            QCOMPARE(field.second, request.key);
        if (field.first == "Host")
            QCOMPARE(field.second, QByteArray("example.com:8080"));
    }
    QCOMPARE(head.fields.last(), WsHeader("X-Twice", "b"));
    QVERIFY(wsSplitRequestHead({}).fields.isEmpty());
    QCOMPARE(wsSplitRequestHead("GET / HTTP/1.1\r\nno colon here\r\nA: 1\r\n\r\n").fields.size(), 1);
}

QTEST_GUILESS_MAIN(TestWsHandshake)
#include "tst_wshandshake.moc"

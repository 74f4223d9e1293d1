#include "core/wire/wshandshake.h"

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

WsHttpResponse parseResponse(const QByteArray &bytes)
{
    WsHandshakeResponseParser parser;
    parser.feed(bytes);
    return parser.response();
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
    void responseHeadParsesWhateverTheSplit();
    void checks_data();
    void checks();
    void refusalIsAnHttpResponseWithBody();
    void chunkedRefusalBodyIsDecodedAndKeptRaw_data();
    void chunkedRefusalBodyIsDecodedAndKeptRaw();
    void malformedOrOversizedHeadsFail_data();
    void malformedOrOversizedHeadsFail();
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

void TestWsHandshake::responseHeadParsesWhateverTheSplit()
{
    const QByteArray head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
    const QByteArray stream = head + QByteArray::fromHex("810548656c6c6f");
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        WsHandshakeResponseParser parser;
        qsizetype used = parser.feed(QByteArrayView(stream).first(cut));
        if (parser.state() != WsHandshakeResponseParser::State::Complete) {
            QCOMPARE(used, cut);
            used = cut + parser.feed(QByteArrayView(stream).sliced(cut));
        }
        QCOMPARE(parser.state(), WsHandshakeResponseParser::State::Complete);
        QCOMPARE(used, head.size()); // the frame after the head is left for the frame parser
        QCOMPARE(parser.response().status, 101);
        QCOMPARE(parser.response().head, head);
        QCOMPARE(parser.response().headers.size(), 3);
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

void TestWsHandshake::refusalIsAnHttpResponseWithBody()
{
    WsHandshakeResponseParser parser;
    const QByteArray bytes = "HTTP/1.1 401 Unauthorized\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nlog in first";
    QCOMPARE(parser.feed(bytes.left(80)), 80); // the head (75 bytes) and 5 bytes of body
    QCOMPARE(parser.state(), WsHandshakeResponseParser::State::Body);
    parser.feed(bytes.mid(80));
    QCOMPARE(parser.state(), WsHandshakeResponseParser::State::Complete);
    QCOMPARE(parser.response().status, 401);
    QCOMPARE(parser.response().reason, QByteArray("Unauthorized"));
    QCOMPARE(parser.response().body, QByteArray("log in first"));
    QVERIFY(parser.response().bodyComplete);

    WsHandshakeResponseParser untilClose(WsResponseParserLimits{16 * 1024, 100, 4});
    untilClose.feed("HTTP/1.0 500 Oops\r\n\r\nstack trace");
    untilClose.finishAtEof();
    QCOMPARE(untilClose.response().body, QByteArray("stac"));
    QCOMPARE(untilClose.response().bodyRaw, QByteArray("stac"));
    QVERIFY(!untilClose.response().bodyChunked);
    QVERIFY(untilClose.response().bodyTruncated);
}

void TestWsHandshake::chunkedRefusalBodyIsDecodedAndKeptRaw_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("oneByteAtATime");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("complete");
    QTest::addColumn<bool>("malformed");
    const QByteArray two = "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";
    QTest::newRow("two chunks and the last-chunk give the joined text") << two << false << QByteArray("hello, world") << true << false;
    QTest::newRow("the same fed one byte at a time") << two << true << QByteArray("hello, world") << true << false;
    QTest::newRow("chunk data that looks like a last-chunk does not end the body")
        << QByteArray("5\r\n0\r\n\r\n\r\n2\r\nok\r\n0\r\n\r\n") << false << QByteArray("0\r\n\r\nok") << true << false;
    QTest::newRow("trailer fields stay in the raw bytes only")
        << QByteArray("3\r\nabc\r\n0\r\nX-Trace: 7\r\n\r\n") << false << QByteArray("abc") << true << false;
    QTest::newRow("a body cut off by the connection's end is incomplete")
        << QByteArray("a\r\n01234") << false << QByteArray("01234") << false << false;
    QTest::newRow("a size line that is not hex stops decoding, the raw bytes stay")
        << QByteArray("3\r\nabc\r\nzz\r\nmore") << false << QByteArray("abc") << false << true;
}

void TestWsHandshake::chunkedRefusalBodyIsDecodedAndKeptRaw()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, oneByteAtATime);
    QFETCH(QByteArray, body);
    QFETCH(bool, complete);
    QFETCH(bool, malformed);
    const QByteArray head = "HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n";
    // Bytes after a finished body do not belong to it (an unfinished one takes everything).
    const QByteArray after = complete ? QByteArray("NEXT") : QByteArray();
    const QByteArray bytes = head + raw + after;
    WsHandshakeResponseParser parser;
    qsizetype used = 0;
    if (oneByteAtATime) {
        for (qsizetype i = 0; i < bytes.size() && parser.state() != WsHandshakeResponseParser::State::Complete; ++i)
            used += parser.feed(bytes.mid(i, 1));
    } else {
        used = parser.feed(bytes);
    }
    parser.finishAtEof();
    const WsHttpResponse &r = parser.response();
    QCOMPARE(r.status, 503);
    QVERIFY(r.bodyChunked);
    QCOMPARE(r.body, body);
    QCOMPARE(r.bodyComplete, complete);
    QCOMPARE(r.bodyChunkedMalformed, malformed);
    QCOMPARE(r.bodyRaw, raw);
    QCOMPARE(used, head.size() + raw.size());
}

void TestWsHandshake::malformedOrOversizedHeadsFail_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("id");
    QTest::newRow("not HTTP at all") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << QStringLiteral("ws.handshake.malformed");
    QTest::newRow("a non-numeric status") << QByteArray("HTTP/1.1 1x1 Hmm\r\n\r\n") << QStringLiteral("ws.handshake.malformed");
    QTest::newRow("whitespace before the colon") << QByteArray("HTTP/1.1 101 OK\r\nUpgrade : websocket\r\n\r\n")
                                                 << QStringLiteral("ws.handshake.malformed");
    QTest::newRow("obsolete line folding") << QByteArray("HTTP/1.1 101 OK\r\nUpgrade: web\r\n socket\r\n\r\n")
                                           << QStringLiteral("ws.handshake.malformed");
    QTest::newRow("a head that never ends") << QByteArray("HTTP/1.1 101 OK\r\n") + QByteArray(20000, 'a')
                                            << QStringLiteral("ws.handshake.too_large");
}

void TestWsHandshake::malformedOrOversizedHeadsFail()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, id);
    WsHandshakeResponseParser parser;
    parser.feed(bytes);
    QCOMPARE(parser.state(), WsHandshakeResponseParser::State::Failed);
    QCOMPARE(parser.error().id(), id);
}

QTEST_GUILESS_MAIN(TestWsHandshake)
#include "tst_wshandshake.moc"

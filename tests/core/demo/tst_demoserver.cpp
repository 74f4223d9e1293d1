// The demo server through independent clients: QNetworkAccessManager and QWebSocket, raw bytes
// where the exact wire form matters, and nginx's reverse proxy in front of it.
#include "tests/peers/demopeer.h"
#include "tests/peers/nginxpeer.h"
#include "tests/peers/testclient.h"

#include "core/demo/demoeventlog.h"
#include "core/demo/demoserver.h"
#include "core/demo/demoserverthread.h"
#include "core/demo/demoticker.h"
#include "core/wire/chunkeddecoder.h"
#include "core/wire/sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

using namespace wirescope;
using namespace wirescope::test;

namespace {

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray bodyOf(const QByteArray &raw)
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : raw.mid(end + 4);
}

// A connected QWebSocket with spies on everything it receives.
struct WsClient
{
    QWebSocket socket;
    QSignalSpy connected{&socket, &QWebSocket::connected};
    QSignalSpy disconnected{&socket, &QWebSocket::disconnected};
    QSignalSpy texts{&socket, &QWebSocket::textMessageReceived};
    QSignalSpy binaries{&socket, &QWebSocket::binaryMessageReceived};

    bool open(const QUrl &url, const QStringList &subprotocols = {})
    {
        QWebSocketHandshakeOptions options;
        options.setSubprotocols(subprotocols);
        socket.open(url, options);
        return connected.wait(10000);
    }
    QString text(int i) const { return texts.at(i).first().toString(); }
};

} // namespace

class tst_DemoServer : public QObject
{
    Q_OBJECT
private slots:
    void onItsOwnThreadItAnswersWhileTheCallerIsBlocked();
    void aSecondServerOnTheSamePortSaysWhy();
    void initTestCase();

    void echoesEachMethodAsJson_data();
    void echoesEachMethodAsJson();
    void echoKeepsHeaderOrderSpellingAndDuplicates();
    void echoShowsBinaryBodyAsBase64();
    void echoShowsFormFields();
    void wrongMethodGets405WithAllow_data();
    void wrongMethodGets405WithAllow();
    void unknownPathGets404Json();
    void headHasHeadersButNoBody();
    void statusAnswersWithTheCode_data();
    void statusAnswersWithTheCode();
    void delayAnswersLaterWithoutBlockingOthers();
    void bytesAreSeededAndCapped_data();
    void bytesAreSeededAndCapped();
    void streamSendsChunkedJsonLines();
    void streamReachesQnamLineByLine();
    void sseStreamsEventsWithIdsAndRetry_data();
    void sseStreamsEventsWithIdsAndRetry();
    void sseRejectsBadParameters_data();
    void sseRejectsBadParameters();
    void contentEncodingIsReal_data();
    void contentEncodingIsReal();
    void redirectChainEndsAtGet();
    void headersEndpointListsHeadersInOrder();
    void cookiesSetThenShown();
    void pollAnswersAtThePublishedEvent();
    void pollTimesOutWithEmptyEvents();
    void pollSinceReturnsMissedEvents();
    void pollAnswersAtAClockTick();
    void keepAliveAndPipelining();
    void http10GetsCloseDelimitedStreamAndOptInKeepAlive();
    void malformedRequestsGetClearStatus_data();
    void malformedRequestsGetClearStatus();
    void chunkedRequestBodyIsEchoed();
    void expectContinueGets100();
    void indexPageListsEveryEndpoint();
    void everyEndpointRoutesToItselfAndItsExampleAnswers();

    void wsEchoesTextAndBinary();
    void wsTickerSendsExactSizes_data();
    void wsTickerSendsExactSizes();
    void wsTickerNeverExceedsTheRate_data();
    void wsTickerNeverExceedsTheRate();
    void wsTickerRejectsBadParameters_data();
    void wsTickerRejectsBadParameters();
    void wsChatBroadcastsToEveryClient();
    void wsChatFeedsPoll();
    void wsNegotiatesSubprotocol_data();
    void wsNegotiatesSubprotocol();
    void wsUnknownPathGets404();
    void wsPathWithoutUpgradeGets426();

    void throughNginxHttpProxy();
    void throughNginxChunkedStream();
    void throughNginxWebSocketProxy();

    void clientsLeavingMidResponseAreHarmless();
    void startOnTakenPortFails();
    void stopClosesWebSocketsWithGoingAway();

private:
    DemoPeer m_demo;
    NginxPeer m_nginx;
    QNetworkAccessManager m_manager;
};

void tst_DemoServer::initTestCase()
{
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
    // No clock ticks here: a tick could answer a long poll before the event a test sends.
    m_demo.server().setTickIntervalMs(0);
    NginxPeer::Options options;
    options.wsBackendPort = m_demo.port();
    options.httpBackendPort = m_demo.port();
    QVERIFY2(m_nginx.start(options, &error), qPrintable(error));
}

void tst_DemoServer::echoesEachMethodAsJson_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("GET echoes method, url and args") << QByteArray("GET") << u"/get?a=1&b=two%20words"_qs << QByteArray();
    QTest::newRow("POST echoes a JSON body and parses it") << QByteArray("POST") << u"/post?a=1"_qs << QByteArray("{\"k\":[1,2]}");
    QTest::newRow("PUT echoes a text body") << QByteArray("PUT") << u"/put?a=1"_qs << QByteArray("plain text");
    QTest::newRow("PATCH echoes its body") << QByteArray("PATCH") << u"/patch?a=1"_qs << QByteArray("{\"op\":\"x\"}");
    QTest::newRow("DELETE echoes without body") << QByteArray("DELETE") << u"/delete?a=1"_qs << QByteArray();
    QTest::newRow("anything echoes any method") << QByteArray("PROPFIND") << u"/anything/deep/path?a=1"_qs << QByteArray();
}

void tst_DemoServer::echoesEachMethodAsJson()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QNetworkRequest request(m_demo.httpUrl(path));
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const FetchResult result = fetch(m_manager, request, method, body);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject echo = jsonOf(result.body);
    QCOMPARE(echo.value(u"method"_qs).toString(), QString::fromLatin1(method));
    QCOMPARE(echo.value(u"url"_qs).toString(), QString::fromLatin1(m_demo.httpUrl(path).toEncoded()));
    QCOMPARE(echo.value(u"args"_qs).toObject().value(u"a"_qs).toString(), u"1"_qs);
    QCOMPARE(echo.value(u"origin"_qs).toString(), u"127.0.0.1"_qs);
    QCOMPARE(echo.value(u"body"_qs).toString(), QString::fromUtf8(body));
    QCOMPARE(echo.value(u"body_size"_qs).toInt(), body.size());
    const QJsonDocument parsed = QJsonDocument::fromJson(body);
    QCOMPARE(echo.value(u"json"_qs).isNull(), parsed.isNull());
    if (!parsed.isNull())
        QCOMPARE(echo.value(u"json"_qs).toObject(), parsed.object());
    if (path.startsWith(u"/get"))
        QCOMPARE(echo.value(u"args"_qs).toObject().value(u"b"_qs).toString(), u"two words"_qs);
}

void tst_DemoServer::echoKeepsHeaderOrderSpellingAndDuplicates()
{
    const QByteArray raw = rawExchange(m_demo.port(),
        "GET /get?x=1&x=2 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Zeta: last-alphabetically\r\nx-alpha: one\r\n"
        "X-Alpha: two\r\nConnection: close\r\n\r\n");
    QVERIFY2(raw.startsWith("HTTP/1.1 200 OK\r\n"), raw.constData());
    const QJsonObject echo = jsonOf(bodyOf(raw));
    const QJsonArray expected = {QJsonArray{u"Host"_qs, u"127.0.0.1"_qs},
                                 QJsonArray{u"X-Zeta"_qs, u"last-alphabetically"_qs},
                                 QJsonArray{u"x-alpha"_qs, u"one"_qs},
                                 QJsonArray{u"X-Alpha"_qs, u"two"_qs},
                                 QJsonArray{u"Connection"_qs, u"close"_qs}};
    QCOMPARE(echo.value(u"headers"_qs).toArray(), expected);
    // Repeated query keys become a list, in order.
    QCOMPARE(echo.value(u"args"_qs).toObject().value(u"x"_qs).toArray(), (QJsonArray{u"1"_qs, u"2"_qs}));
}

void tst_DemoServer::echoShowsBinaryBodyAsBase64()
{
    const QByteArray binary = QByteArray::fromHex("00ff80fe41");
    QNetworkRequest request(m_demo.httpUrl(u"/post"_qs));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
    const FetchResult result = fetch(m_manager, request, "POST", binary);
    const QJsonObject echo = jsonOf(result.body);
    QCOMPARE(echo.value(u"body_encoding"_qs).toString(), u"base64"_qs);
    QCOMPARE(QByteArray::fromBase64(echo.value(u"body"_qs).toString().toLatin1()), binary);
    QCOMPARE(echo.value(u"body_size"_qs).toInt(), 5);
}

void tst_DemoServer::echoShowsFormFields()
{
    QNetworkRequest request(m_demo.httpUrl(u"/post"_qs));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
    const FetchResult result = fetch(m_manager, request, "POST", "name=Ada+Lovelace&lang=en");
    const QJsonObject form = jsonOf(result.body).value(u"form"_qs).toObject();
    QCOMPARE(form.value(u"name"_qs).toString(), u"Ada Lovelace"_qs);
    QCOMPARE(form.value(u"lang"_qs).toString(), u"en"_qs);
}

void tst_DemoServer::wrongMethodGets405WithAllow_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("allow");
    QTest::newRow("POST to /get") << QByteArray("POST") << u"/get"_qs << QByteArray("GET, HEAD, OPTIONS");
    QTest::newRow("GET to /post") << QByteArray("GET") << u"/post"_qs << QByteArray("POST, OPTIONS");
    QTest::newRow("DELETE to /bytes") << QByteArray("DELETE") << u"/bytes/3"_qs << QByteArray("GET, HEAD, OPTIONS");
}

void tst_DemoServer::wrongMethodGets405WithAllow()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, allow);
    const FetchResult result = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(path)), method);
    QCOMPARE(result.status, 405);
    QCOMPARE(result.header("Allow"), allow);
    QCOMPARE(jsonOf(result.body).value(u"status"_qs).toInt(), 405);
}

void tst_DemoServer::unknownPathGets404Json()
{
    const FetchResult result = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(u"/nope"_qs)));
    QCOMPARE(result.status, 404);
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(jsonOf(result.body).value(u"error"_qs).toString(), u"Not Found"_qs);
}

void tst_DemoServer::headHasHeadersButNoBody()
{
    const QByteArray get = rawExchange(m_demo.port(), "GET /bytes/100 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    const QByteArray head = rawExchange(m_demo.port(), "HEAD /bytes/100 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    QVERIFY(get.contains("\r\nContent-Length: 100\r\n"));
    // RFC 9110 §9.3.2: same fields as GET, no content.
    QVERIFY2(head.contains("\r\nContent-Length: 100\r\n"), head.constData());
    QVERIFY(head.endsWith("\r\n\r\n"));
    QCOMPARE(bodyOf(get).size(), 100);
}

void tst_DemoServer::statusAnswersWithTheCode_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<QByteArray>("field");
    QTest::newRow("200 OK") << u"/status/200"_qs << QByteArray("HTTP/1.1 200 OK") << QByteArray("Content-Length: ");
    QTest::newRow("204 has no Content-Length") << u"/status/204"_qs << QByteArray("HTTP/1.1 204 No Content") << QByteArray();
    QTest::newRow("302 points at /get") << u"/status/302"_qs << QByteArray("HTTP/1.1 302 Found") << QByteArray("Location: /get");
    QTest::newRow("401 carries WWW-Authenticate") << u"/status/401"_qs << QByteArray("HTTP/1.1 401 Unauthorized") << QByteArray("WWW-Authenticate: Basic");
    QTest::newRow("418 is a teapot") << u"/status/418"_qs << QByteArray("HTTP/1.1 418 I'm a teapot") << QByteArray("Content-Type: application/json");
    QTest::newRow("503 carries Retry-After") << u"/status/503"_qs << QByteArray("HTTP/1.1 503 Service Unavailable") << QByteArray("Retry-After: 1");
    QTest::newRow("an unnamed code has an empty reason") << u"/status/599"_qs << QByteArray("HTTP/1.1 599 \r\n") << QByteArray();
    QTest::newRow("600 is refused") << u"/status/600"_qs << QByteArray("HTTP/1.1 400 Bad Request") << QByteArray();
    QTest::newRow("1xx is refused") << u"/status/101"_qs << QByteArray("HTTP/1.1 400 Bad Request") << QByteArray();
}

void tst_DemoServer::statusAnswersWithTheCode()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, statusLine);
    QFETCH(QByteArray, field);
    const QByteArray raw = rawExchange(m_demo.port(),
                                       "GET " + path.toLatin1() + " HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    QVERIFY2(raw.startsWith(statusLine), raw.constData());
    if (!field.isEmpty())
        QVERIFY2(raw.contains(QByteArray("\r\n" + field)), raw.constData());
    if (statusLine.contains(" 204 "))
        QVERIFY(!raw.contains("Content-Length"));
}

void tst_DemoServer::delayAnswersLaterWithoutBlockingOthers()
{
    QNetworkRequest slowRequest(m_demo.httpUrl(u"/delay/1.5"_qs));
    std::unique_ptr<QNetworkReply> slow(m_manager.get(slowRequest));
    // The server is single-threaded: /get must still be answered while /delay waits.
    const FetchResult fast = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(u"/get"_qs)));
    QCOMPARE(fast.status, 200);
    QVERIFY(!slow->isFinished());
    QSignalSpy finished(slow.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    const QJsonObject echo = jsonOf(slow->readAll());
    QCOMPARE(echo.value(u"delay"_qs).toDouble(), 1.5);
    QCOMPARE(echo.value(u"method"_qs).toString(), u"GET"_qs);
}

void tst_DemoServer::bytesAreSeededAndCapped_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("size");
    QTest::newRow("zero bytes") << u"/bytes/0"_qs << 200 << 0;
    QTest::newRow("one KiB") << u"/bytes/1024"_qs << 200 << 1024;
    QTest::newRow("exactly the 10 MiB cap") << u"/bytes/10485760"_qs << 200 << 10485760;
    QTest::newRow("over the cap is refused") << u"/bytes/10485761"_qs << 400 << -1;
    QTest::newRow("not a number is refused") << u"/bytes/ten"_qs << 400 << -1;
}

void tst_DemoServer::bytesAreSeededAndCapped()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(int, size);
    const FetchResult first = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(path)));
    QCOMPARE(first.status, status);
    if (size < 0)
        return;
    QCOMPARE(first.body.size(), size);
    QCOMPARE(first.header("Content-Type"), QByteArray("application/octet-stream"));
    const FetchResult again = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(path)));
    QCOMPARE(again.body, first.body);
    if (size > 16) {
        const FetchResult other = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(path + u"?seed=7")));
        QCOMPARE(other.body.size(), size);
        QVERIFY(other.body != first.body);
    }
}

void tst_DemoServer::streamSendsChunkedJsonLines()
{
    const QByteArray raw = rawExchange(m_demo.port(),
        "GET /stream/3?interval_ms=10 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    QVERIFY2(raw.startsWith("HTTP/1.1 200 OK\r\n"), raw.constData());
    QVERIFY(raw.contains("\r\nTransfer-Encoding: chunked\r\n"));
    QVERIFY(!raw.contains("Content-Length"));
    QVERIFY2(raw.endsWith("\n\r\n0\r\n\r\n"), raw.right(40).constData());
    // Decode the chunks by hand: three chunks, one JSON line each, ids 0..2.
    QByteArray body = bodyOf(raw);
    QList<QJsonObject> lines;
    for (;;) {
        const qsizetype lineEnd = body.indexOf("\r\n");
        QVERIFY(lineEnd > 0);
        bool ok = false;
        const int size = body.left(lineEnd).toInt(&ok, 16);
        QVERIFY(ok);
        if (size == 0)
            break;
        const QByteArray data = body.mid(lineEnd + 2, size);
        QVERIFY(data.endsWith('\n'));
        lines.append(jsonOf(data));
        body = body.mid(lineEnd + 2 + size + 2);
    }
    QCOMPARE(lines.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(lines[i].value(u"id"_qs).toInt(), i);
    QVERIFY(lines[2].value(u"t_ns"_qs).toInteger() >= lines[0].value(u"t_ns"_qs).toInteger());
}

void tst_DemoServer::sseStreamsEventsWithIdsAndRetry_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::addColumn<bool>("ended"); // the chunked body's last-chunk came
    QTest::newRow("GET") << QByteArray("GET /sse?hz=200&count=5 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
                         << QList<qint64>{1, 2, 3, 4, 5} << true;
    QTest::newRow("POST, as LLM APIs stream") << QByteArray("POST /sse?hz=200&count=3 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n"
                                                            "Content-Length: 6\r\n\r\nprompt")
                                              << QList<qint64>{1, 2, 3} << true;
    QTest::newRow("resumed after Last-Event-ID") << QByteArray("GET /sse?hz=200&count=5 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n"
                                                               "Last-Event-ID: 3\r\n\r\n")
                                                 << QList<qint64>{4, 5} << true;
    QTest::newRow("dropped after 2") << QByteArray("GET /sse?hz=200&count=5&drop_after=2 HTTP/1.1\r\nHost: h\r\n\r\n")
                                     << QList<qint64>{1, 2} << false;
}

void tst_DemoServer::sseStreamsEventsWithIdsAndRetry()
{
    // Read with the product's own codecs: de-chunked, then parsed by the WHATWG rules.
    QFETCH(QByteArray, request);
    QFETCH(QList<qint64>, ids);
    QFETCH(bool, ended);
    const QByteArray raw = rawExchange(m_demo.port(), request);
    QVERIFY2(raw.startsWith("HTTP/1.1 200 OK\r\n"), raw.constData());
    QVERIFY(raw.contains("\r\nContent-Type: text/event-stream; charset=utf-8\r\n"));
    QVERIFY(raw.contains("\r\nCache-Control: no-cache\r\n"));
    ChunkedDecoder chunked;
    QByteArray body;
    QList<HttpChunkInfo> chunks;
    QList<HttpHeaderField> trailers;
    QList<Violation> violations;
    chunked.feed(bodyOf(raw), ChunkedOutput{body, chunks, trailers, violations});
    QVERIFY(violations.isEmpty());
    QCOMPARE(chunked.isDone(), ended);
    SseParser parser;
    std::vector<SseRecord> records;
    QVERIFY(parser.feed(body, records));
    parser.finish(records);
    QList<qint64> got;
    for (const SseRecord &record : records) {
        if (record.kind != SseRecord::Kind::Event)
            continue;
        QCOMPARE(record.type, u"message"_qs);
        const QJsonObject data = jsonOf(record.data.toUtf8());
        QCOMPARE(QString::number(data.value(u"seq"_qs).toInteger()), record.lastEventId);
        QCOMPARE(data.contains(u"method"_qs), request.startsWith("POST"));
        // The first event of each response says how long to wait before reconnecting.
        QCOMPARE(record.retryMs.has_value(), got.isEmpty());
        got.append(data.value(u"seq"_qs).toInteger());
    }
    QCOMPARE(got, ids);
    QCOMPARE(parser.reconnectionTimeMs(), std::optional<qint64>(2000));
}

void tst_DemoServer::sseRejectsBadParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("hz 0") << u"hz=0"_qs;
    QTest::newRow("hz too high") << u"hz=10001"_qs;
    QTest::newRow("size too big") << u"size=1048577"_qs;
    QTest::newRow("count negative") << u"count=-1"_qs;
    QTest::newRow("retry not a number") << u"retry=soon"_qs;
}

void tst_DemoServer::sseRejectsBadParameters()
{
    QFETCH(QString, query);
    const FetchResult result = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(u"/sse?"_qs + query)));
    QCOMPARE(result.status, 400);
}

void tst_DemoServer::streamReachesQnamLineByLine()
{
    const FetchResult result = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(u"/stream/5?interval_ms=0"_qs)));
    QCOMPARE(result.status, 200);
    const QList<QByteArray> lines = result.body.trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(jsonOf(lines.last()).value(u"id"_qs).toInt(), 4);
}

void tst_DemoServer::contentEncodingIsReal_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("magic");
    QTest::addColumn<QString>("flag");
    QTest::newRow("gzip is RFC 1952 gzip") << u"/gzip"_qs << QByteArray("gzip") << QByteArray("\x1f\x8b") << u"gzipped"_qs;
    QTest::newRow("deflate is the RFC 1950 zlib format") << u"/deflate"_qs << QByteArray("deflate") << QByteArray("\x78") << u"deflated"_qs;
}

void tst_DemoServer::contentEncodingIsReal()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, magic);
    QFETCH(QString, flag);
    const QByteArray raw = rawExchange(m_demo.port(),
                                       "GET " + path.toLatin1() + " HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    QVERIFY2(raw.contains(QByteArray("\r\nContent-Encoding: " + encoding + "\r\n")), raw.constData());
    QVERIFY(bodyOf(raw).startsWith(magic));
    // QNAM decodes both codings itself: the decoded body is the JSON echo.
    const FetchResult decoded = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(path)));
    QCOMPARE(decoded.status, 200);
    QCOMPARE(jsonOf(decoded.body).value(flag).toBool(), true);
}

void tst_DemoServer::redirectChainEndsAtGet()
{
    const QByteArray raw = rawExchange(m_demo.port(), "GET /redirect/3 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    QVERIFY2(raw.startsWith("HTTP/1.1 302 Found\r\n"), raw.constData());
    QVERIFY(raw.contains("\r\nLocation: /redirect/2\r\n"));
    QNetworkRequest request(m_demo.httpUrl(u"/redirect/3"_qs));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    const FetchResult followed = fetch(m_manager, request);
    QCOMPARE(followed.status, 200);
    QCOMPARE(followed.finalUrl.path(), u"/get"_qs);
    QCOMPARE(jsonOf(followed.body).value(u"method"_qs).toString(), u"GET"_qs);
}

void tst_DemoServer::headersEndpointListsHeadersInOrder()
{
    QNetworkRequest request(m_demo.httpUrl(u"/headers"_qs));
    request.setRawHeader("X-First", "1");
    request.setRawHeader("X-Second", "2");
    const QJsonArray headers = jsonOf(fetch(m_manager, request).body).value(u"headers"_qs).toArray();
    int first = -1;
    int second = -1;
    for (int i = 0; i < headers.size(); ++i) {
        const QString name = headers[i].toArray().first().toString();
        if (name == u"X-First")
            first = i;
        if (name == u"X-Second")
            second = i;
    }
    QVERIFY(first >= 0);
    QVERIFY(second > first);
}

void tst_DemoServer::cookiesSetThenShown()
{
    QNetworkAccessManager manager;
    manager.setCookieJar(new QNetworkCookieJar(&manager));
    QNetworkRequest request(m_demo.httpUrl(u"/cookies/set?flavour=oatmeal&size=large"_qs));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    const FetchResult result = fetch(manager, request);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.finalUrl.path(), u"/cookies"_qs);
    const QJsonObject cookies = jsonOf(result.body).value(u"cookies"_qs).toObject();
    QCOMPARE(cookies.value(u"flavour"_qs).toString(), u"oatmeal"_qs);
    QCOMPARE(cookies.value(u"size"_qs).toString(), u"large"_qs);

    const QByteArray raw = rawExchange(m_demo.port(), "GET /cookies/set?a=1&b=2 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    QVERIFY2(raw.contains("\r\nSet-Cookie: a=1; Path=/\r\nSet-Cookie: b=2; Path=/\r\n"), raw.constData());
}

void tst_DemoServer::pollAnswersAtThePublishedEvent()
{
    // since = the newest id now, so the answer is the next event whenever the poll arrives.
    const qint64 since = m_demo.server().events()->lastId();
    std::unique_ptr<QNetworkReply> poll(
        m_manager.get(QNetworkRequest(m_demo.httpUrl(u"/poll?timeout=20&since=%1"_qs.arg(since)))));
    QSignalSpy finished(poll.get(), &QNetworkReply::finished);
    // Nothing newer than since exists, so the poll must still be waiting for the publish.
    QTest::qWait(200);
    QVERIFY(!poll->isFinished());
    QNetworkRequest publish(m_demo.httpUrl(u"/publish"_qs));
    publish.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/plain"));
    const FetchResult published = fetch(m_manager, publish, "POST", "hello pollers");
    QCOMPARE(published.status, 200);
    // The answer may already have arrived while fetch() ran its event loop.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    const QJsonObject answer = jsonOf(poll->readAll());
    QCOMPARE(answer.value(u"timed_out"_qs).toBool(), false);
    const QJsonArray events = answer.value(u"events"_qs).toArray();
    QVERIFY(!events.isEmpty());
    const QJsonObject last = events.last().toObject();
    QCOMPARE(last.value(u"type"_qs).toString(), u"publish"_qs);
    QCOMPARE(last.value(u"data"_qs).toObject().value(u"message"_qs).toString(), u"hello pollers"_qs);
    QCOMPARE(answer.value(u"last_id"_qs).toInteger(), last.value(u"id"_qs).toInteger());
}

void tst_DemoServer::pollTimesOutWithEmptyEvents()
{
    const FetchResult result = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(u"/poll?timeout=0"_qs)));
    QCOMPARE(result.status, 200);
    const QJsonObject answer = jsonOf(result.body);
    QCOMPARE(answer.value(u"timed_out"_qs).toBool(), true);
    QCOMPARE(answer.value(u"events"_qs).toArray().size(), 0);
    QCOMPARE(fetch(m_manager, QNetworkRequest(m_demo.httpUrl(u"/poll?timeout=121"_qs))).status, 400);
}

void tst_DemoServer::pollSinceReturnsMissedEvents()
{
    const qint64 before = m_demo.server().events()->lastId();
    m_demo.server().events()->append(u"publish"_qs, {{u"message"_qs, u"one"_qs}});
    m_demo.server().events()->append(u"publish"_qs, {{u"message"_qs, u"two"_qs}});
    const FetchResult result = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(u"/poll?since=%1"_qs.arg(before))));
    const QJsonArray events = jsonOf(result.body).value(u"events"_qs).toArray();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[1].toObject().value(u"data"_qs).toObject().value(u"message"_qs).toString(), u"two"_qs);
}

void tst_DemoServer::pollAnswersAtAClockTick()
{
    DemoServer server;
    server.setTickIntervalMs(100);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const FetchResult result = fetch(m_manager, QNetworkRequest(QUrl(server.httpBaseUrl().toString() + u"/poll?timeout=20")));
    const QJsonObject answer = jsonOf(result.body);
    QCOMPARE(answer.value(u"timed_out"_qs).toBool(), false);
    QCOMPARE(answer.value(u"events"_qs).toArray().first().toObject().value(u"type"_qs).toString(), u"tick"_qs);
}

void tst_DemoServer::keepAliveAndPipelining()
{
    // Three pipelined requests in one write: answered in order on one connection (RFC 9112 §9.3.2).
    const QByteArray raw = rawExchange(m_demo.port(),
        "GET /status/201 HTTP/1.1\r\nHost: h\r\n\r\n"
        "POST /post HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
        "GET /status/202 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    const qsizetype first = raw.indexOf("HTTP/1.1 201 Created");
    const qsizetype second = raw.indexOf("HTTP/1.1 200 OK");
    const qsizetype third = raw.indexOf("HTTP/1.1 202 Accepted");
    QVERIFY2(first == 0 && second > first && third > second, raw.constData());
    QVERIFY(raw.contains("\"body\": \"hello\""));
    QCOMPARE(raw.count("Connection: close"), 1);
}

void tst_DemoServer::http10GetsCloseDelimitedStreamAndOptInKeepAlive()
{
    // RFC 9112 §7.1: no chunked for HTTP/1.0; the body ends when the connection closes.
    const QByteArray stream = rawExchange(m_demo.port(), "GET /stream/2?interval_ms=0 HTTP/1.0\r\n\r\n");
    QVERIFY2(stream.startsWith("HTTP/1.1 200 OK\r\n"), stream.constData());
    QVERIFY(!stream.contains("Transfer-Encoding"));
    QVERIFY(stream.contains("\r\nConnection: close\r\n"));
    QCOMPARE(bodyOf(stream).count('\n'), 2);
    // RFC 9112 §9.3: an HTTP/1.0 connection persists only when the client asks for keep-alive.
    const QByteArray twice = rawExchange(m_demo.port(),
        "GET /status/200 HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /status/201 HTTP/1.0\r\n\r\n");
    QVERIFY2(twice.contains("HTTP/1.1 200 OK\r\n") && twice.contains("HTTP/1.1 201 Created\r\n"), twice.constData());
    QVERIFY(twice.contains("\r\nConnection: keep-alive\r\n"));
    QVERIFY(twice.endsWith("}\n"));
}

void tst_DemoServer::malformedRequestsGetClearStatus_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET /get HTTP/1.1\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("two Host fields") << QByteArray("GET /get HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("space before the colon") << QByteArray("GET /get HTTP/1.1\r\nHost : a\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("obs-fold continuation line") << QByteArray("GET /get HTTP/1.1\r\nHost: a\r\nX: 1\r\n 2\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("garbage request line") << QByteArray("HELLO\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("HTTP/2.0 in an HTTP/1 request line") << QByteArray("GET / HTTP/2.0\r\nHost: a\r\n\r\n") << QByteArray("HTTP/1.1 505 ");
    QTest::newRow("Content-Length with Transfer-Encoding") << QByteArray("POST /post HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("conflicting Content-Lengths") << QByteArray("POST /post HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("negative Content-Length") << QByteArray("POST /post HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("body over 10 MiB") << QByteArray("POST /post HTTP/1.1\r\nHost: a\r\nContent-Length: 10485761\r\n\r\n") << QByteArray("HTTP/1.1 413 ");
    QTest::newRow("a chunk over 10 MiB") << QByteArray("POST /post HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nA00001\r\n") << QByteArray("HTTP/1.1 413 ");
    QTest::newRow("chunk data longer than its size") << QByteArray("POST /post HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("head over 16 KiB") << QByteArray("GET /get HTTP/1.1\r\nHost: a\r\nX-Big: " + QByteArray(17000, 'a') + "\r\n\r\n") << QByteArray("HTTP/1.1 431 ");
    QTest::newRow("more than 100 fields") << "GET /get HTTP/1.1\r\nHost: a\r\n" + QByteArray("X: 1\r\n").repeated(101) + "\r\n" << QByteArray("HTTP/1.1 431 ");
    QTest::newRow("unknown expectation") << QByteArray("POST /post HTTP/1.1\r\nHost: a\r\nExpect: magic\r\nContent-Length: 1\r\n\r\nx") << QByteArray("HTTP/1.1 417 ");
    QTest::newRow("bad chunk size") << QByteArray("POST /post HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << QByteArray("HTTP/1.1 400 ");
}

void tst_DemoServer::malformedRequestsGetClearStatus()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, statusLine);
    const QByteArray raw = rawExchange(m_demo.port(), request);
    QVERIFY2(raw.startsWith(statusLine), raw.left(200).constData());
    QVERIFY(raw.contains("\r\nConnection: close\r\n"));
    QVERIFY(!jsonOf(bodyOf(raw)).value(u"detail"_qs).toString().isEmpty());
}

void tst_DemoServer::chunkedRequestBodyIsEchoed()
{
    const QByteArray raw = rawExchange(m_demo.port(),
        "POST /post HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n");
    QVERIFY2(raw.startsWith("HTTP/1.1 200 OK"), raw.constData());
    const QJsonObject echo = jsonOf(bodyOf(raw));
    QCOMPARE(echo.value(u"body"_qs).toString(), u"hello, world"_qs);
    // RFC 9112 §7.1.2: the trailer section is kept and echoed like the headers.
    QCOMPARE(echo.value(u"trailers"_qs).toArray(), (QJsonArray{QJsonArray{u"X-Trailer"_qs, u"t"_qs}}));
}

void tst_DemoServer::expectContinueGets100()
{
    const QByteArray raw = rawExchange(m_demo.port(),
        "PUT /put HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\nConnection: close\r\n\r\ndata");
    QVERIFY2(raw.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"), raw.constData());
}

void tst_DemoServer::indexPageListsEveryEndpoint()
{
    const FetchResult result = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(u"/"_qs)));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
    const QString html = QString::fromUtf8(result.body);
    for (const DemoEndpoint &endpoint : DemoServer::endpoints()) {
        const QString example = QString::fromLatin1(endpoint.example).toHtmlEscaped();
        QVERIFY2(html.contains(u"<tr><td>" + endpoint.methodLabel() + u"</td>"), endpoint.example);
        const QString shown = endpoint.isWebSocket() ? QString(u"<code>" + example + u"</code>")
                                                     : QString(u"<a href=\"" + example + u"\">");
        QVERIFY2(html.contains(shown), endpoint.example);
        QVERIFY2(html.contains(QString::fromUtf8(endpoint.description).toHtmlEscaped()), endpoint.example);
    }
}

void tst_DemoServer::everyEndpointRoutesToItselfAndItsExampleAnswers()
{
    // The router is the listed table: each example reaches its own row, and answers as its
    // description says. Statuses other than 200 are what the description promises.
    const QHash<QByteArray, int> promised = {
        {"/status/418", 418}, {"/redirect/3", 302}, {"/cookies/set?flavour=oatmeal", 302}, {"/cookies/delete?flavour", 302},
        {"/lab/send?run=try-send&workload=chat", 204},
    };
    for (const DemoEndpoint &endpoint : DemoServer::endpoints()) {
        const QByteArray example(endpoint.example);
        const QByteArray path = example.left(example.indexOf('?') < 0 ? example.size() : example.indexOf('?'));
        QCOMPARE(DemoEndpoint::find(path), &endpoint);
        QVERIFY2(endpoint.allows(endpoint.exampleMethod()), endpoint.example);
        if (endpoint.isWebSocket()) {
            WsClient client;
            QVERIFY2(client.open(m_demo.wsUrl(QString::fromLatin1(example))), endpoint.example);
            client.socket.close();
            continue;
        }
        const QByteArray raw = rawExchange(m_demo.port(), endpoint.exampleMethod() + ' ' + example
                                                              + " HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        const QByteArray statusLine = "HTTP/1.1 " + QByteArray::number(promised.value(example, 200)) + ' ';
        QVERIFY2(raw.startsWith(statusLine), qPrintable(QString::fromLatin1(example + " answered " + raw.left(40))));
    }
    // A path no row serves is a 404, below a Subtree row's neighbour too.
    QVERIFY(!DemoEndpoint::find("/anythingelse"));
    QVERIFY(!DemoEndpoint::find("/status/418/more"));
    QVERIFY(!DemoEndpoint::find("/ws/other"));
}

void tst_DemoServer::wsEchoesTextAndBinary()
{
    WsClient client;
    QVERIFY2(client.open(m_demo.wsUrl(u"/ws/echo"_qs)), qPrintable(client.socket.errorString()));
    const QByteArray big(1024 * 1024, '\x5a');
    client.socket.sendTextMessage(u"ünïcödé ✓"_qs);
    client.socket.sendBinaryMessage(QByteArray::fromHex("0001fffe"));
    client.socket.sendBinaryMessage(big);
    QTRY_COMPARE_WITH_TIMEOUT(client.texts.size() + client.binaries.size(), 3, 10000);
    QCOMPARE(client.text(0), u"ünïcödé ✓"_qs);
    QCOMPARE(client.binaries.at(0).first().toByteArray(), QByteArray::fromHex("0001fffe"));
    QCOMPARE(client.binaries.at(1).first().toByteArray(), big);
}

void tst_DemoServer::wsTickerSendsExactSizes_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("binary");
    QTest::newRow("size 0 gives the bare object") << 0 << false;
    QTest::newRow("64-byte text messages") << 64 << false;
    QTest::newRow("1000-byte text messages") << 1000 << false;
    QTest::newRow("64 KiB binary messages") << 65536 << true;
}

void tst_DemoServer::wsTickerSendsExactSizes()
{
    QFETCH(int, size);
    QFETCH(bool, binary);
    WsClient client;
    const QString path = u"/ws/ticker?hz=1000&count=50&size=%1%2"_qs.arg(size).arg(binary ? u"&binary=1"_qs : QString());
    QVERIFY(client.open(m_demo.wsUrl(path)));
    QTRY_COMPARE_WITH_TIMEOUT(client.disconnected.size(), 1, 15000);
    QCOMPARE(int(client.socket.closeCode()), 1000);
    QSignalSpy &spy = binary ? client.binaries : client.texts;
    QCOMPARE(spy.size(), 50);
    qint64 previousTime = 0;
    for (int i = 0; i < 50; ++i) {
        const QByteArray payload = binary ? spy.at(i).first().toByteArray() : spy.at(i).first().toString().toUtf8();
        if (size > 0)
            QCOMPARE(payload.size(), size);
        const QJsonObject message = jsonOf(payload);
        QCOMPARE(message.value(u"seq"_qs).toInteger(), qint64(i));
        const qint64 t = message.value(u"t_ns"_qs).toInteger();
        QVERIFY(t >= previousTime);
        previousTime = t;
    }
    // size 0: no padding at all.
    if (size == 0)
        QVERIFY(!client.text(0).contains(u"pad"_qs));
}

void tst_DemoServer::wsTickerNeverExceedsTheRate_data()
{
    QTest::addColumn<int>("hz");
    QTest::addColumn<int>("count");
    QTest::newRow("20 Hz") << 20 << 10;
    QTest::newRow("1 kHz") << 1000 << 500;
    QTest::newRow("50 kHz") << 50000 << 50000;
}

void tst_DemoServer::wsTickerNeverExceedsTheRate()
{
    QFETCH(int, hz);
    QFETCH(int, count);
    WsClient client;
    QVERIFY(client.open(m_demo.wsUrl(u"/ws/ticker?hz=%1&count=%2&size=32"_qs.arg(hz).arg(count))));
    QTRY_COMPARE_WITH_TIMEOUT(client.disconnected.size(), 1, 30000);
    QCOMPARE(client.texts.size(), count);
    // Server timestamps: message k is never sent before k/hz seconds after message 0.
    const qint64 first = jsonOf(client.text(0).toUtf8()).value(u"t_ns"_qs).toInteger();
    const qint64 last = jsonOf(client.text(count - 1).toUtf8()).value(u"t_ns"_qs).toInteger();
    const qint64 minimumNs = qint64(count - 1) * 1000000000 / hz;
    QVERIFY2(last - first >= minimumNs - 2000000, qPrintable(u"%1 ns < %2 ns"_qs.arg(last - first).arg(minimumNs)));
    // A figure, not an assertion: the rate really reached.
    qInfo("ticker asked %d Hz, sent %d messages in %.3f s: %.0f msg/s", hz, count, double(last - first) / 1e9,
          double(count - 1) * 1e9 / double(qMax<qint64>(1, last - first)));
}

void tst_DemoServer::wsTickerRejectsBadParameters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("hz 0") << QByteArray("hz=0");
    QTest::newRow("hz above 100000") << QByteArray("hz=100001");
    QTest::newRow("size above 1 MiB") << QByteArray("size=1048577");
    QTest::newRow("hz not a number") << QByteArray("hz=fast");
}

void tst_DemoServer::wsTickerRejectsBadParameters()
{
    QFETCH(QByteArray, query);
    const QByteArray raw = rawExchange(m_demo.port(),
        "GET /ws/ticker?" + query + " HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY2(raw.startsWith("HTTP/1.1 400 Bad Request\r\n"), raw.constData());
}

void tst_DemoServer::wsChatBroadcastsToEveryClient()
{
    WsClient alice;
    WsClient bob;
    WsClient carol;
    QVERIFY(alice.open(m_demo.wsUrl(u"/ws/chat"_qs)));
    QVERIFY(bob.open(m_demo.wsUrl(u"/ws/chat"_qs)));
    QVERIFY(carol.open(m_demo.wsUrl(u"/ws/chat"_qs), {u"json"_qs}));
    QCOMPARE(carol.socket.subprotocol(), u"json"_qs);
    alice.socket.sendTextMessage(u"hi all"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(bob.texts.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(alice.texts.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(carol.texts.size(), 1, 10000);
    QCOMPARE(bob.text(0), u"hi all"_qs);
    QCOMPARE(alice.text(0), u"hi all"_qs);
    // The "json" subprotocol gets an envelope naming the sender.
    const QJsonObject envelope = jsonOf(carol.text(0).toUtf8());
    QCOMPARE(envelope.value(u"message"_qs).toString(), u"hi all"_qs);
    QCOMPARE(envelope.value(u"from"_qs).toString(), u"127.0.0.1:%1"_qs.arg(alice.socket.localPort()));
    bob.socket.sendBinaryMessage(QByteArray::fromHex("c0ffee"));
    QTRY_COMPARE_WITH_TIMEOUT(alice.binaries.size(), 1, 10000);
    QCOMPARE(alice.binaries.at(0).first().toByteArray(), QByteArray::fromHex("c0ffee"));
}

void tst_DemoServer::wsChatFeedsPoll()
{
    const qint64 since = m_demo.server().events()->lastId();
    std::unique_ptr<QNetworkReply> poll(
        m_manager.get(QNetworkRequest(m_demo.httpUrl(u"/poll?timeout=20&since=%1"_qs.arg(since)))));
    QSignalSpy finished(poll.get(), &QNetworkReply::finished);
    QTest::qWait(200);
    WsClient client;
    QVERIFY(client.open(m_demo.wsUrl(u"/ws/chat"_qs)));
    client.socket.sendTextMessage(u"to the pollers"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    const QJsonArray events = jsonOf(poll->readAll()).value(u"events"_qs).toArray();
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.last().toObject().value(u"type"_qs).toString(), u"chat"_qs);
    QCOMPARE(events.last().toObject().value(u"data"_qs).toObject().value(u"message"_qs).toString(), u"to the pollers"_qs);

    // And HTTP /publish reaches the chat clients.
    const FetchResult published = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(u"/publish"_qs)), "POST", "from http");
    QCOMPARE(published.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(client.texts.size(), 2, 10000);
    QCOMPARE(client.text(1), u"from http"_qs);
}

void tst_DemoServer::wsNegotiatesSubprotocol_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<QString>("selected");
    QTest::newRow("chat offered to /ws/chat") << u"/ws/chat"_qs << QStringList{u"chat"_qs} << u"chat"_qs;
    QTest::newRow("json offered to /ws/echo") << u"/ws/echo"_qs << QStringList{u"json"_qs} << u"json"_qs;
    QTest::newRow("unknown then json: json") << u"/ws/echo"_qs << QStringList{u"mqtt"_qs, u"json"_qs} << u"json"_qs;
    QTest::newRow("only unknown: none") << u"/ws/echo"_qs << QStringList{u"mqtt"_qs} << QString();
    QTest::newRow("none offered: none") << u"/ws/echo"_qs << QStringList{} << QString();
}

void tst_DemoServer::wsNegotiatesSubprotocol()
{
    QFETCH(QString, path);
    QFETCH(QStringList, offered);
    QFETCH(QString, selected);
    WsClient client;
    QVERIFY(client.open(m_demo.wsUrl(path), offered));
    QCOMPARE(client.socket.subprotocol(), selected);
}

void tst_DemoServer::wsUnknownPathGets404()
{
    const QByteArray raw = rawExchange(m_demo.port(),
        "GET /ws/nothing HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nConnection: close\r\n\r\n",
        5000, "}\n");
    QVERIFY2(raw.startsWith("HTTP/1.1 404 Not Found\r\n"), raw.constData());
    WsClient client;
    QVERIFY(!client.open(m_demo.wsUrl(u"/elsewhere"_qs)));
}

void tst_DemoServer::wsPathWithoutUpgradeGets426()
{
    const FetchResult result = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(u"/ws/echo"_qs)));
    QCOMPARE(result.status, 426);
    QCOMPARE(result.header("Upgrade"), QByteArray("websocket"));
}

void tst_DemoServer::throughNginxHttpProxy()
{
    QNetworkRequest request(m_nginx.httpUrl(u"/proxy/post?via=nginx"_qs));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const FetchResult result = fetch(m_manager, request, "POST", "{\"through\":\"proxy\"}");
    QVERIFY2(result.status == 200, qPrintable(m_nginx.errorLogTail()));
    const QJsonObject echo = jsonOf(result.body);
    QCOMPARE(echo.value(u"args"_qs).toObject().value(u"via"_qs).toString(), u"nginx"_qs);
    QCOMPARE(echo.value(u"json"_qs).toObject().value(u"through"_qs).toString(), u"proxy"_qs);
    QVERIFY(echo.value(u"url"_qs).toString().endsWith(u"/post?via=nginx"_qs));
    QCOMPARE(fetch(m_manager, QNetworkRequest(m_nginx.httpUrl(u"/proxy/status/418"_qs))).status, 418);
}

void tst_DemoServer::throughNginxChunkedStream()
{
    const QByteArray raw = rawExchange(m_nginx.port(),
        "GET /proxy/stream/4?interval_ms=20 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QVERIFY2(raw.startsWith("HTTP/1.1 200 OK\r\n"), raw.constData());
    QVERIFY(raw.contains("\r\nTransfer-Encoding: chunked\r\n"));
    QVERIFY(raw.endsWith("0\r\n\r\n"));
    QCOMPARE(bodyOf(raw).count("\"id\":"), 4);
}

void tst_DemoServer::throughNginxWebSocketProxy()
{
    WsClient echo;
    QVERIFY2(echo.open(m_nginx.wsUrl(u"/ws/echo"_qs), {u"chat"_qs}), qPrintable(m_nginx.errorLogTail()));
    QCOMPARE(echo.socket.subprotocol(), u"chat"_qs);
    echo.socket.sendTextMessage(u"via nginx"_qs);
    QVERIFY(echo.texts.wait(10000));
    QCOMPARE(echo.text(0), u"via nginx"_qs);

    WsClient ticker;
    QVERIFY(ticker.open(m_nginx.wsUrl(u"/ws/ticker?hz=2000&count=300&size=100"_qs)));
    QTRY_COMPARE_WITH_TIMEOUT(ticker.disconnected.size(), 1, 15000);
    QCOMPARE(ticker.texts.size(), 300);
    QCOMPARE(jsonOf(ticker.text(299).toUtf8()).value(u"seq"_qs).toInt(), 299);
    QCOMPARE(int(ticker.socket.closeCode()), 1000);
}

void tst_DemoServer::clientsLeavingMidResponseAreHarmless()
{
    // Clients that vanish during /delay, /stream, /poll or mid-head, and one that upgrades and
    // drops: the server cancels their timers and keeps serving everyone else.
    const QList<QByteArray> requests = {
        "GET /delay/0.3 HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /stream/1000?interval_ms=5 HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /poll?timeout=1 HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /get HTTP/1.1\r\nHost: h\r\nX-Half: ",
        "GET /ws/ticker?hz=5000 HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
    };
    for (const QByteArray &request : requests)
        rawExchange(m_demo.port(), request, 100);
    QTest::qWait(1200); // let every abandoned timer come due
    const FetchResult after = fetch(m_manager, QNetworkRequest(m_demo.httpUrl(u"/get"_qs)));
    QCOMPARE(after.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_demo.server().webSocketCount(), 0, 5000);
}

void tst_DemoServer::startOnTakenPortFails()
{
    DemoServer second;
    QVERIFY(!second.start(m_demo.port()));
    QVERIFY(!second.isListening());
    QVERIFY(!second.errorString().isEmpty());
}

void tst_DemoServer::stopClosesWebSocketsWithGoingAway()
{
    DemoServer server;
    QVERIFY(server.start());
    QSignalSpy stopped(&server, &DemoServer::stopped);
    WsClient client;
    QVERIFY(client.open(QUrl(server.wsBaseUrl().toString() + u"/ws/echo")));
    QTRY_COMPARE_WITH_TIMEOUT(server.webSocketCount(), 1, 5000);
    server.stop();
    QCOMPARE(stopped.size(), 1);
    QVERIFY(!server.isListening());
    QTRY_COMPARE_WITH_TIMEOUT(client.disconnected.size(), 1, 10000);
    QCOMPARE(int(client.socket.closeCode()), 1001);
}

void tst_DemoServer::onItsOwnThreadItAnswersWhileTheCallerIsBlocked()
{
    // The window runs the server this way: a caller whose thread does not return to its
    // event loop (blocking waits here, a long paint in the window) still gets answers, so
    // what it measures is network and server time.
    DemoServerThread demo;
    QVERIFY(demo.start(0));
    QVERIFY(demo.server()->isListening());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, demo.server()->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /get HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
    QVERIFY(QThread::currentThread() != demo.server()->thread());
}

void tst_DemoServer::aSecondServerOnTheSamePortSaysWhy()
{
    DemoServerThread first;
    QVERIFY(first.start(0));
    DemoServerThread second;
    QVERIFY(!second.start(first.server()->port()));
    QVERIFY(!second.server()->errorString().isEmpty());
}

QTEST_GUILESS_MAIN(tst_DemoServer)
#include "tst_demoserver.moc"

#include "core/net/httpclient.h"
#include "core/session/sessionclock.h"
#include "tests/peers/demopeer.h"
#include "tests/peers/nginxpeer.h"
#include "tests/peers/tunnelproxy.h"
#include "tests/support/zlibdeflate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>


#include <functional>
#include <memory>

using namespace wirescope;
using namespace wirescope::test;

namespace {

// A scripted HTTP server on 127.0.0.1 for what nginx cannot be made to do: hostile answers,
// 303/307 redirects, cookies, acting as a proxy. Each request head (plus Content-Length body)
// is handed to `handler`, which writes whatever bytes it wants.
class ScriptedServer
{
public:
    using Handler = std::function<void(QTcpSocket *socket, const QByteArray &request)>;

    explicit ScriptedServer(Handler handler)
        : m_handler(std::move(handler))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                ++m_connections;
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                    buffer->append(s->readAll());
                    while (true) {
                        const qsizetype end = buffer->indexOf("\r\n\r\n");
                        if (end < 0)
                            return;
                        qsizetype length = 0;
                        for (const QByteArray &line : buffer->left(end).split('\n')) {
                            if (line.toLower().startsWith("content-length:"))
                                length = line.mid(15).trimmed().toLongLong();
                        }
                        if (buffer->size() < end + 4 + length)
                            return;
                        const QByteArray request = buffer->left(end + 4 + length);
                        buffer->remove(0, end + 4 + length);
                        m_requests.append(request);
                        m_handler(s, request);
                    }
                });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path) const { return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path); }
    int connections() const { return m_connections; }
    const QList<QByteArray> &requests() const { return m_requests; }

private:
    QTcpServer m_server;
    Handler m_handler;
    QList<QByteArray> m_requests;
    int m_connections = 0;
};

QByteArray pathOf(const QByteArray &request)
{
    const QList<QByteArray> parts = request.left(request.indexOf("\r\n")).split(' ');
    return parts.value(1);
}

HttpExchangeRecord exchange(HttpClient &client, const QString &url, HttpRequestOptions options = {},
                            const QString &method = QStringLiteral("GET"), const HttpBody &body = {},
                            const QList<KeyValueRow> &headers = {})
{
    HttpRequest request;
    request.setMethod(method);
    request.setUrl(url);
    request.setBody(body);
    request.setHeaders(headers);
    if (options.totalTimeoutMs == 30'000)
        options.totalTimeoutMs = 15'000;
    HttpExchange *ex = client.start(request, options);
    QSignalSpy spy(ex, &HttpExchange::finished);
    if (!spy.wait(20'000))
        qWarning("exchange did not finish");
    HttpExchangeRecord record = ex->record();
    ex->deleteLater();
    return record;
}

// One gzip member (RFC 1952) holding `data`.
QByteArray gzipMember(const QByteArray &data)
{
    return test::deflateWith(data, 15 + 16, 6);
}

QByteArray gzipAnswer(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QStringList violationIds(const HttpResponse &response)
{
    QStringList ids;
    for (const Violation &v : response.violations)
        ids << v.id();
    return ids;
}

// The HAR phases must tile the total exactly.
bool phasesAddUp(const PhaseTimings &t)
{
    qint64 sum = 0;
    for (qint64 v : {t.blockedNs(), t.dnsNs(), t.connectNs(), t.sendNs(), t.waitNs(), t.receiveNs()}) {
        if (v < -1)
            return false;
        if (v > 0)
            sum += v;
    }
    return t.totalNs() >= 0 && sum == t.totalNs();
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fetchesAStaticFileWithEveryByteAndPhase();
    void decodesGzipFromNginx();
    void readsChunkedBodiesThroughProxyPass();
    void reportsTheBodyAsItArrives();
    void anOpenEventStreamOutlivesTheTimeLimit_data();
    void anOpenEventStreamOutlivesTheTimeLimit();
    void reusesOneConnectionForSequentialRequests();
    void followsRedirectsRecordingEveryHop();
    void doesNotFollowWithoutBeingAsked();
    void redirectMethodRules_data();
    void redirectMethodRules();
    void crossOriginRedirectDropsAuthorization();
    void keepsCookiesPerSession();
    void trustsAnExtraCaAndReportsTheChain();
    void refusesAnUntrustedCertificateByDefault();
    void ignoresCertificateErrorsWhenAsked();
    void hostileServersGiveClearErrors_data();
    void hostileServersGiveClearErrors();
    void slowlorisHitsTheTotalTimeout();
    void refusedConnectionIsAnError();
    void silentTlsServerHitsTheConnectTimeout();
    void cancelStopsTheExchange();
    void deletingAnUnfinishedExchangeClosesItsConnection();
    void anExchangeNamedBeforeItStartsIsCancelledById();
    void unresolvedVariablesSendNothing();
    void plainHttpThroughAProxyUsesAbsoluteForm();
    void retriesOnceWhenAnIdleConnectionWasClosed();
    void httpsThroughAProxyUsesConnect();
    void unsolicitedBytesRetireAnIdleConnection();
    void notHttpShowsTheFirstBytesInHex();
    void gzipBodyOfSeveralMembersDecodesWhole();
    void dataAfterTheGzipStreamIsReported();
    void undecodableBodyEndsTheExchangeKeepingTheBytes_data();
    void undecodableBodyEndsTheExchangeKeepingTheBytes();
    void bytesAfterTheResponseAreFlaggedAndNotReused_data();
    void bytesAfterTheResponseAreFlaggedAndNotReused();
    void demoEchoesHeadersInOrderWithDuplicates();
    void demoReceivesEveryBodyKind_data();
    void demoReceivesEveryBodyKind();
    void demoStreamsChunks();
    void demoDecodesGzipAndDeflate_data();
    void demoDecodesGzipAndDeflate();
    void demoCookiesSurviveRedirects();
    void demoBodilessAnswers_data();
    void demoBodilessAnswers();

private:
    QJsonObject demoJson(const HttpExchangeRecord &record);
    NginxPeer m_nginx;
    DemoPeer m_demo;
    std::unique_ptr<ScriptedServer> m_backend; // /proxy/ upstream: chunked answers
};

void TestHttpClient::reportsTheBodyAsItArrives()
{
    // A stream (here the demo server's JSON lines, one chunk every 100 ms) is seen while it
    // runs: each report adds the bytes just read, in order, before the exchange finishes.
    HttpClient client;
    HttpRequest request;
    request.setUrl(m_demo.httpUrl(QStringLiteral("/stream/3?interval_ms=100")).toString());
    HttpExchange *exchange = client.start(request);
    QByteArray seen;
    QList<qint64> times;
    bool finished = false;
    bool inOrder = true;
    int reportsBeforeTheEnd = 0;
    connect(exchange, &HttpExchange::receiving, this,
            [&](int hop, const HttpResponse &response, qsizetype added, qint64 tNs) {
                seen += response.body.right(added);
                inOrder = inOrder && hop == 0 && response.status == 200 && seen == response.body;
                times.append(tNs);
                reportsBeforeTheEnd += finished ? 0 : 1;
            });
    connect(exchange, &HttpExchange::finished, this, [&] { finished = true; });
    QTRY_VERIFY_WITH_TIMEOUT(finished, 15000);
    QVERIFY(inOrder);
    QCOMPARE(seen, exchange->record().finalHop()->response.body);
    QVERIFY2(reportsBeforeTheEnd >= 3, qPrintable(QString::number(reportsBeforeTheEnd))); // one per line at least
    QVERIFY(std::is_sorted(times.begin(), times.end()));
    exchange->deleteLater();
}

void TestHttpClient::anOpenEventStreamOutlivesTheTimeLimit_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("outlives");
    // The demo's /sse sends an event every 100 ms, endlessly; /stream sends JSON lines as
    // long: only the event stream (WHATWG HTML §9.2.3: 200, text/event-stream) is exempt.
    QTest::newRow("event stream") << QStringLiteral("/sse?hz=10&count=0") << true;
    QTest::newRow("a stream of another type") << QStringLiteral("/stream/100?interval_ms=100") << false;
}

void TestHttpClient::anOpenEventStreamOutlivesTheTimeLimit()
{
    QFETCH(QString, path);
    QFETCH(bool, outlives);
    HttpClient client;
    HttpRequest request;
    request.setUrl(m_demo.httpUrl(path).toString());
    HttpRequestOptions options;
    options.totalTimeoutMs = 400;
    HttpExchange *exchange = client.start(request, options);
    qint64 bodyBytes = 0;
    connect(exchange, &HttpExchange::receiving, this,
            [&](int, const HttpResponse &response, qsizetype, qint64) { bodyBytes = response.body.size(); });
    if (outlives) {
        // Three time limits later the event stream is still open, and growing.
        QTest::qWait(1200);
        QVERIFY(!exchange->isFinished());
        const qint64 before = bodyBytes;
        QTRY_VERIFY_WITH_TIMEOUT(bodyBytes > before, 5000);
        exchange->cancel();
        QTRY_VERIFY(exchange->isFinished());
        QCOMPARE(exchange->record().error.id(), QStringLiteral("cancelled"));
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(exchange->isFinished(), 10000);
        QVERIFY2(exchange->record().error.id().startsWith(QStringLiteral("timeout")), qPrintable(exchange->record().error.id()));
    }
    exchange->deleteLater();
}

void TestHttpClient::initTestCase()
{
    m_backend = std::make_unique<ScriptedServer>([](QTcpSocket *s, const QByteArray &) {
        s->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                 "6\r\nchunk1\r\n6;ext=1\r\nchunk2\r\n0\r\n\r\n");
    });
    NginxPeer::Options options;
    options.tls = true;
    options.httpBackendPort = m_backend->port();
    QString error;
    QVERIFY2(m_nginx.start(options, &error), qPrintable(QStringLiteral("nginx peer: ") + error));
    QVERIFY2(m_demo.start(&error), qPrintable(QStringLiteral("demo peer: ") + error));
}

QJsonObject TestHttpClient::demoJson(const HttpExchangeRecord &record)
{
    if (!record.completed())
        return {};
    return QJsonDocument::fromJson(record.finalHop()->response.decodedBody).object();
}

void TestHttpClient::fetchesAStaticFileWithEveryByteAndPhase()
{
    HttpClient client;
    const HttpExchangeRecord r = exchange(client, m_nginx.httpUrl(QStringLiteral("/small.html")).toString());
    QVERIFY2(r.completed(), qPrintable(r.error.id() + u' ' + r.error.message()));
    const HttpHop &hop = *r.finalHop();
    QCOMPARE(hop.response.status, 200);
    QCOMPARE(hop.response.decodedBody, NginxPeer::fileContent(QStringLiteral("small.html")));
    QVERIFY(hop.requestBytes.startsWith("GET /small.html HTTP/1.1\r\nHost: 127.0.0.1:"));
    QCOMPARE(hop.responseBytes.size(), hop.response.headBytes + 1024);
    QCOMPARE(hop.connection.remoteAddress, QStringLiteral("127.0.0.1"));
    QVERIFY(!hop.connection.reused);
    QVERIFY(!hop.connection.tls.used);
    const PhaseTimings &t = hop.timings;
    QCOMPARE(t.dnsNs(), -1); // an IP literal is not looked up
    QCOMPARE(t.sslNs(), -1);
    QVERIFY(t.connectNs() > 0);
    QVERIFY(t.waitNs() >= 0);
    QVERIFY(phasesAddUp(t));
    QCOMPARE(t.startNs, r.startNs);

    // By name: localhost has a (tiny) dns phase.
    const HttpExchangeRecord named = exchange(client, QStringLiteral("http://localhost:%1/small.html").arg(m_nginx.port()));
    QVERIFY(named.completed());
    QVERIFY(named.finalHop()->timings.dnsNs() >= 0);
    QVERIFY(phasesAddUp(named.finalHop()->timings));
}

void TestHttpClient::decodesGzipFromNginx()
{
    HttpClient client;
    HttpRequestOptions options;
    options.acceptCompressed = true;
    const HttpExchangeRecord r = exchange(client, m_nginx.httpUrl(QStringLiteral("/big.txt")).toString(), options);
    QVERIFY(r.completed());
    const HttpResponse &resp = r.finalHop()->response;
    QVERIFY(r.finalHop()->requestBytes.contains("Accept-Encoding: gzip, deflate, br\r\n"));
    QCOMPARE(resp.contentCodings, QList<QByteArray>{"gzip"});
    QCOMPARE(resp.decodedBody, NginxPeer::fileContent(QStringLiteral("big.txt")));
    QVERIFY(resp.encodedSize() < resp.decodedSize() / 4);
    QVERIFY(resp.violations.isEmpty());
}

void TestHttpClient::readsChunkedBodiesThroughProxyPass()
{
    HttpClient client;
    const HttpExchangeRecord r = exchange(client, m_nginx.httpUrl(QStringLiteral("/proxy/anything")).toString());
    QVERIFY2(r.completed(), qPrintable(r.error.message()));
    const HttpResponse &resp = r.finalHop()->response;
    QCOMPARE(resp.status, 200);
    QCOMPARE(resp.framing, BodyFraming::Chunked);
    QCOMPARE(resp.decodedBody, QByteArray("chunk1chunk2"));
    QVERIFY(resp.chunks.size() >= 2);
}

void TestHttpClient::reusesOneConnectionForSequentialRequests()
{
    HttpClient client;
    quint64 firstId = 0;
    for (int i = 0; i < 5; ++i) {
        const HttpExchangeRecord r = exchange(client, m_nginx.httpUrl(QStringLiteral("/small.html")).toString());
        QVERIFY(r.completed());
        const HttpHop &hop = *r.finalHop();
        if (i == 0) {
            firstId = hop.connection.id;
            QVERIFY(!hop.connection.reused);
            continue;
        }
        QVERIFY(hop.connection.reused);
        QCOMPARE(hop.connection.id, firstId);
        // A reused connection shows no dns/connect/ssl phase.
        QCOMPARE(hop.timings.dnsNs(), -1);
        QCOMPARE(hop.timings.connectNs(), -1);
        QCOMPARE(hop.timings.sslNs(), -1);
        QVERIFY(phasesAddUp(hop.timings));
    }
    // nginx's own counters: one accepted connection carried all of it.
    const HttpExchangeRecord status = exchange(client, m_nginx.httpUrl(QStringLiteral("/status")).toString());
    QVERIFY(status.completed());
    QVERIFY(status.finalHop()->connection.reused);
    const QList<QByteArray> lines = status.finalHop()->response.decodedBody.split('\n');
    QVERIFY(lines.size() > 2);
    const QList<QByteArray> counters = lines.at(2).trimmed().split(' ');
    QVERIFY2(counters.size() == 3, lines.at(2).constData());
    QCOMPARE(counters.at(2).toInt() - counters.at(0).toInt() >= 5, true);
    QCOMPARE(client.idleConnectionCount(), 1);
}

void TestHttpClient::followsRedirectsRecordingEveryHop()
{
    HttpClient client;
    HttpRequestOptions options;
    options.followRedirects = true;
    const HttpExchangeRecord r = exchange(client, m_nginx.httpUrl(QStringLiteral("/redirect/3")).toString(), options);
    QVERIFY2(r.completed(), qPrintable(r.error.message()));
    QCOMPARE(r.hops.size(), 4);
    QCOMPARE(r.hops.at(0).response.status, 302);
    QCOMPARE(r.hops.at(0).response.headerValue("Location"), QByteArray("/redirect/2"));
    QVERIFY(r.hops.at(1).request.url.endsWith(QStringLiteral("/redirect/2")));
    QVERIFY(r.hops.at(1).connection.reused); // same origin, same connection
    QCOMPARE(r.hops.last().response.status, 200);
    QVERIFY(r.hops.last().request.url.endsWith(QStringLiteral("/small.html")));
    for (const HttpHop &hop : r.hops)
        QVERIFY(phasesAddUp(hop.timings));

    options.maxRedirects = 2;
    const HttpExchangeRecord limited = exchange(client, m_nginx.httpUrl(QStringLiteral("/redirect/5")).toString(), options);
    QCOMPARE(limited.error.id(), QStringLiteral("redirect.limit"));
}

void TestHttpClient::doesNotFollowWithoutBeingAsked()
{
    HttpClient client;
    const HttpExchangeRecord r = exchange(client, m_nginx.httpUrl(QStringLiteral("/redirect/1")).toString());
    QVERIFY(r.completed());
    QCOMPARE(r.hops.size(), 1);
    QCOMPARE(r.finalHop()->response.status, 302);
}

void TestHttpClient::redirectMethodRules_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expectedRequestLine");
    QTest::addColumn<bool>("bodyKept");
    QTest::newRow("303 turns POST into GET without body") << 303 << QByteArray("GET /target HTTP/1.1") << false;
    QTest::newRow("302 after POST becomes GET as browsers do") << 302 << QByteArray("GET /target HTTP/1.1") << false;
    QTest::newRow("307 keeps method and body") << 307 << QByteArray("POST /target HTTP/1.1") << true;
    QTest::newRow("308 keeps method and body") << 308 << QByteArray("POST /target HTTP/1.1") << true;
}

void TestHttpClient::redirectMethodRules()
{
    QFETCH(int, status);
    QFETCH(QByteArray, expectedRequestLine);
    QFETCH(bool, bodyKept);
    ScriptedServer server([status](QTcpSocket *s, const QByteArray &request) {
        if (pathOf(request) == "/start")
            s->write("HTTP/1.1 " + QByteArray::number(status) + " Moved\r\nLocation: /target\r\nContent-Length: 0\r\n\r\n");
        else
            s->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    });
    HttpClient client;
    HttpRequestOptions options;
    options.followRedirects = true;
    HttpBody body;
    body.kind = BodyKind::Json;
    body.text = QStringLiteral("{\"k\":1}");
    const HttpExchangeRecord r = exchange(client, server.url(QStringLiteral("/start")), options, QStringLiteral("POST"), body);
    QVERIFY(r.completed());
    QCOMPARE(r.hops.size(), 2);
    const QByteArray second = r.hops.at(1).requestBytes;
    QVERIFY2(second.startsWith(QByteArray(expectedRequestLine + "\r\n")), second.constData());
    QCOMPARE(second.endsWith("{\"k\":1}"), bodyKept);
    QCOMPARE(second.contains("Content-Type: application/json"), bodyKept);
}

void TestHttpClient::crossOriginRedirectDropsAuthorization()
{
    ScriptedServer target([](QTcpSocket *s, const QByteArray &) { s->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"); });
    ScriptedServer origin([&target](QTcpSocket *s, const QByteArray &request) {
        if (pathOf(request) == "/same")
            s->write("HTTP/1.1 302 Found\r\nLocation: /other\r\nContent-Length: 0\r\n\r\n");
        else if (pathOf(request) == "/other")
            s->write("HTTP/1.1 302 Found\r\nLocation: http://localhost:" + QByteArray::number(target.port())
                     + "/x\r\nContent-Length: 0\r\n\r\n");
    });
    HttpClient client;
    HttpRequestOptions options;
    options.followRedirects = true;
    const HttpExchangeRecord r = exchange(client, origin.url(QStringLiteral("/same")), options, QStringLiteral("GET"), {},
                                          {{QStringLiteral("Authorization"), QStringLiteral("Bearer secret"), true}});
    QVERIFY(r.completed());
    QCOMPARE(r.hops.size(), 3);
    QVERIFY(r.hops.at(1).requestBytes.contains("Authorization: Bearer secret")); // same origin keeps it
    QVERIFY(!r.hops.at(2).requestBytes.contains("Authorization"));               // another origin does not
    QCOMPARE(target.requests().size(), 1);
    QVERIFY(!target.requests().first().contains("secret"));
}

void TestHttpClient::keepsCookiesPerSession()
{
    ScriptedServer server([](QTcpSocket *s, const QByteArray &request) {
        if (pathOf(request) == "/login")
            s->write("HTTP/1.1 200 OK\r\nSet-Cookie: sid=abc; Path=/\r\nSet-Cookie: pref=dark\r\nContent-Length: 0\r\n\r\n");
        else
            s->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    });
    HttpClient client;
    QVERIFY(exchange(client, server.url(QStringLiteral("/login"))).completed());
    const HttpExchangeRecord r = exchange(client, server.url(QStringLiteral("/page")));
    QVERIFY(r.finalHop()->requestBytes.contains("Cookie: sid=abc; pref=dark\r\n"));
    HttpClient otherSession;
    const HttpExchangeRecord fresh = exchange(otherSession, server.url(QStringLiteral("/page")));
    QVERIFY(!fresh.finalHop()->requestBytes.contains("Cookie:"));
}

void TestHttpClient::trustsAnExtraCaAndReportsTheChain()
{
    HttpClient client;
    HttpRequestOptions options;
    options.caCertificates = QSslCertificate::fromPath(QStringLiteral(WIRESCOPE_SOURCE_DIR "/tests/peers/certs/ca.crt"));
    QCOMPARE(options.caCertificates.size(), 1);
    const HttpExchangeRecord r = exchange(client, QStringLiteral("https://localhost:%1/small.html").arg(m_nginx.tlsPort()), options);
    QVERIFY2(r.completed(), qPrintable(r.error.id() + u' ' + r.error.message()));
    const HttpHop &hop = *r.finalHop();
    QCOMPARE(hop.response.decodedBody, NginxPeer::fileContent(QStringLiteral("small.html")));
    const TlsInfo &tls = hop.connection.tls;
    QVERIFY(tls.used);
    QVERIFY(tls.protocol.startsWith(QStringLiteral("TLSv1.")));
    QVERIFY(!tls.cipher.isEmpty());
    QCOMPARE(tls.alpn, QByteArray("http/1.1"));
    QVERIFY(tls.errors.isEmpty());
    QVERIFY(!tls.chain.isEmpty());
    QVERIFY(tls.chain.first().subjectAltNames.contains(QStringLiteral("DNS:localhost")));
    QCOMPARE(tls.chain.first().sha256.size(), 64);
    QVERIFY(tls.chain.first().notAfter > tls.chain.first().notBefore);
    QVERIFY(hop.timings.sslNs() > 0);
    QVERIFY(hop.timings.connectNs() >= hop.timings.sslNs()); // HAR: connect includes ssl
    QVERIFY(phasesAddUp(hop.timings));
    // Second request: same TLS connection, no handshake.
    const HttpExchangeRecord again = exchange(client, QStringLiteral("https://localhost:%1/small.html").arg(m_nginx.tlsPort()), options);
    QVERIFY(again.finalHop()->connection.reused);
    QCOMPARE(again.finalHop()->timings.sslNs(), -1);
}

void TestHttpClient::refusesAnUntrustedCertificateByDefault()
{
    HttpClient client;
    const HttpExchangeRecord r = exchange(client, QStringLiteral("https://127.0.0.1:%1/small.html").arg(m_nginx.tlsPort()));
    QCOMPARE(r.error.id(), QStringLiteral("tls.certificate"));
    QVERIFY(!r.error.message().isEmpty());
    QVERIFY(!r.finalHop()->connection.tls.errors.isEmpty());
    QVERIFY(r.finalHop()->requestBytes.size() > 0);
    QCOMPARE(r.finalHop()->timings.sendStartNs, -1); // nothing was sent
}

void TestHttpClient::ignoresCertificateErrorsWhenAsked()
{
    HttpClient client;
    HttpRequestOptions options;
    options.ignoreCertificateErrors = true;
    const HttpExchangeRecord r = exchange(client, QStringLiteral("https://127.0.0.1:%1/small.html").arg(m_nginx.tlsPort()), options);
    QVERIFY2(r.completed(), qPrintable(r.error.message()));
    const TlsInfo &tls = r.finalHop()->connection.tls;
    QVERIFY(tls.errorsIgnored);
    QVERIFY(!tls.errors.isEmpty()); // still reported
    QVERIFY(tls.errors.first().id.startsWith(QStringLiteral("tls.")));
}

void TestHttpClient::hostileServersGiveClearErrors_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("errorId");
    QTest::newRow("garbage instead of HTTP") << QByteArray("\x16\x03\x01 not http at all\r\n\r\n") << QStringLiteral("http.not_http");
    QTest::newRow("a bare-LF banner instead of HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\n") << QStringLiteral("http.not_http");
    QTest::newRow("a 101 to a request that asked for no upgrade")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n") + QByteArray::fromHex("000012040000")
        << QStringLiteral("http.unexpected_upgrade");
    QTest::newRow("endless headers") << QByteArray("HTTP/1.1 200 OK\r\n") + QByteArray("X: y\r\n").repeated(200)
                                     << QStringLiteral("http.too_many_headers");
    QTest::newRow("a huge chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7fffffffffffffff\r\n")
                                       << QStringLiteral("http.bad_chunk_size");
    QTest::newRow("a body cut by the close") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this")
                                             << QStringLiteral("http.truncated");
    QTest::newRow("smuggling-style framing") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
                                             << QStringLiteral("http.cl_te_conflict");
}

void TestHttpClient::hostileServersGiveClearErrors()
{
    QFETCH(QByteArray, answer);
    QFETCH(QString, errorId);
    ScriptedServer server([answer](QTcpSocket *s, const QByteArray &) {
        s->write(answer);
        s->disconnectFromHost();
    });
    HttpClient client;
    const HttpExchangeRecord r = exchange(client, server.url(QStringLiteral("/")));
    QCOMPARE(r.error.id(), errorId);
    QVERIFY(!r.error.message().isEmpty());
    QVERIFY(r.finalHop()->responseBytes.size() <= answer.size());
    QCOMPARE(client.idleConnectionCount(), 0);
}

void TestHttpClient::slowlorisHitsTheTotalTimeout()
{
    // One header byte now and then, forever: the exchange ends at its total timeout.
    QTimer drip;
    QList<QPointer<QTcpSocket>> sockets;
    ScriptedServer server([&](QTcpSocket *s, const QByteArray &) {
        s->write("HTTP/1.1 200 OK\r\nX-Slow: ");
        sockets.append(s);
    });
    QObject::connect(&drip, &QTimer::timeout, &drip, [&] {
        for (const QPointer<QTcpSocket> &s : std::as_const(sockets)) {
            if (s)
                s->write("a");
        }
    });
    drip.start(20);
    HttpClient client;
    HttpRequestOptions options;
    options.totalTimeoutMs = 400;
    const HttpExchangeRecord r = exchange(client, server.url(QStringLiteral("/")), options);
    QCOMPARE(r.error.id(), QStringLiteral("timeout.total"));
    QVERIFY(r.finalHop()->responseBytes.size() > 0);
}

void TestHttpClient::refusedConnectionIsAnError()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    HttpClient client;
    const HttpExchangeRecord r = exchange(client, QStringLiteral("http://127.0.0.1:%1/").arg(port));
    QCOMPARE(r.error.id(), QStringLiteral("connect.refused"));
}

void TestHttpClient::silentTlsServerHitsTheConnectTimeout()
{
    // TCP is accepted but the TLS handshake never gets an answer: the connect timeout
    // covers DNS + TCP + TLS.
    ScriptedServer silent([](QTcpSocket *, const QByteArray &) {});
    HttpClient client;
    HttpRequestOptions options;
    options.connectTimeoutMs = 300;
    const HttpExchangeRecord r = exchange(client, QStringLiteral("https://127.0.0.1:%1/").arg(silent.port()), options);
    QCOMPARE(r.error.id(), QStringLiteral("connect.timeout"));
    QVERIFY(r.finalHop()->timings.connectEndNs > 0);  // TCP was up
    QCOMPARE(r.finalHop()->timings.sslEndNs, -1);     // TLS never finished
    QCOMPARE(client.idleConnectionCount(), 0);
}

void TestHttpClient::cancelStopsTheExchange()
{
    ScriptedServer silent([](QTcpSocket *, const QByteArray &) {});
    HttpClient client;
    HttpRequest request;
    request.setUrl(silent.url(QStringLiteral("/")));
    HttpExchange *ex = client.start(request);
    QSignalSpy progress(ex, &HttpExchange::progress);
    QSignalSpy finished(ex, &HttpExchange::finished);
    QTRY_VERIFY(silent.requests().size() == 1);
    ex->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(ex->record().error.id(), QStringLiteral("cancelled"));
    QVERIFY(progress.size() >= 2);
    ex->cancel(); // twice is harmless
    QCOMPARE(finished.size(), 1);
}

void TestHttpClient::deletingAnUnfinishedExchangeClosesItsConnection()
{
    ScriptedServer silent([](QTcpSocket *, const QByteArray &) {});
    HttpClient client;
    QSignalSpy done(&client, &HttpClient::exchangeFinished);
    HttpRequest request;
    request.setUrl(silent.url(QStringLiteral("/")));
    HttpExchange *ex = client.start(request);
    QTRY_VERIFY(silent.requests().size() == 1);
    delete ex;
    QTest::qWait(50); // the connection's deferred deletion runs; nothing may touch the exchange
    QCOMPARE(client.idleConnectionCount(), 0);
    QCOMPARE(done.size(), 0);
    // The client stays usable.
    ScriptedServer ok([](QTcpSocket *s, const QByteArray &) { s->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"); });
    QVERIFY(exchange(client, ok.url(QStringLiteral("/"))).completed());
}

void TestHttpClient::anExchangeNamedBeforeItStartsIsCancelledById()
{
    ScriptedServer silent([](QTcpSocket *, const QByteArray &) {});
    HttpClient client;
    const quint64 id = client.reserveExchangeId();
    QVERIFY(client.reserveExchangeId() != id); // never handed out twice
    HttpRequest request;
    request.setUrl(silent.url(QStringLiteral("/")));
    HttpExchange *ex = client.start(id, request);
    QCOMPARE(ex->id(), id);
    QSignalSpy finished(ex, &HttpExchange::finished);
    QTRY_VERIFY(silent.requests().size() == 1);
    client.cancel(id + 1000); // unknown: nothing happens
    QCOMPARE(finished.size(), 0);
    client.cancel(id);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(ex->record().id, id);
    QCOMPARE(ex->record().error.id(), QStringLiteral("cancelled"));
    // A plain start() draws from the same ids.
    HttpExchange *next = client.start(request);
    QVERIFY(next->id() != id);
    next->cancel();
    ex->deleteLater();
    next->deleteLater();
}

void TestHttpClient::unresolvedVariablesSendNothing()
{
    HttpClient client;
    HttpRequest request;
    request.setUrl(QStringLiteral("http://127.0.0.1:1/{{missing}}"));
    HttpExchange *ex = client.start(request);
    QSignalSpy finished(ex, &HttpExchange::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(ex->record().error.id(), QStringLiteral("request.unresolved_variables"));
    QVERIFY(ex->record().error.message().contains(QStringLiteral("missing")));
    QVERIFY(ex->record().hops.isEmpty());
}

void TestHttpClient::plainHttpThroughAProxyUsesAbsoluteForm()
{
    ScriptedServer proxy([](QTcpSocket *s, const QByteArray &) { s->write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nproxy"); });
    HttpClient client;
    HttpRequestOptions options;
    options.proxy = QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.port(),
                                  QStringLiteral("user"), QStringLiteral("pass"));
    const HttpExchangeRecord r = exchange(client, QStringLiteral("http://example.invalid:8080/path?q=1"), options);
    QVERIFY(proxy.requests().value(0).contains("Proxy-Authorization: Basic dXNlcjpwYXNz\r\n"));
    QVERIFY2(r.completed(), qPrintable(r.error.message()));
    QCOMPARE(proxy.requests().size(), 1);
    QVERIFY2(proxy.requests().first().startsWith("GET http://example.invalid:8080/path?q=1 HTTP/1.1\r\nHost: example.invalid:8080\r\n"),
             proxy.requests().first().constData());
    QCOMPARE(r.finalHop()->connection.proxy, QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()));
}

void TestHttpClient::retriesOnceWhenAnIdleConnectionWasClosed()
{
    // The server closes every connection right after its answer without saying so.
    ScriptedServer server([](QTcpSocket *s, const QByteArray &) {
        s->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        s->flush();
        QTimer::singleShot(50, s, [s] { s->disconnectFromHost(); });
    });
    HttpClient client;
    QVERIFY(exchange(client, server.url(QStringLiteral("/1"))).completed());
    QTRY_COMPARE(client.idleConnectionCount(), 0); // the pool notices the close
    const HttpExchangeRecord r = exchange(client, server.url(QStringLiteral("/2")));
    QVERIFY(r.completed());
    QCOMPARE(server.connections(), 2);
}

void TestHttpClient::unsolicitedBytesRetireAnIdleConnection()
{
    // RFC 9112 §9.3: a server may not answer what was not asked; such a connection is not reused.
    ScriptedServer server([](QTcpSocket *s, const QByteArray &) {
        s->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        QTimer::singleShot(30, s, [s] { s->write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nextra"); });
    });
    HttpClient client;
    QVERIFY(exchange(client, server.url(QStringLiteral("/1"))).completed());
    QCOMPARE(client.idleConnectionCount(), 1);
    QTRY_COMPARE(client.idleConnectionCount(), 0);
    const HttpExchangeRecord r = exchange(client, server.url(QStringLiteral("/2")));
    QVERIFY(r.completed());
    QCOMPARE(r.finalHop()->response.decodedBody, QByteArray("ok"));
    QVERIFY(!r.finalHop()->connection.reused);
    QCOMPARE(server.connections(), 2);
}

void TestHttpClient::notHttpShowsTheFirstBytesInHex()
{
    // A TLS server spoken to in plain HTTP answers with a TLS alert record.
    const QByteArray alert = QByteArray::fromHex("15030300020246");
    ScriptedServer server([alert](QTcpSocket *s, const QByteArray &) {
        s->write(alert);
        s->disconnectFromHost();
    });
    HttpClient client;
    const HttpExchangeRecord r = exchange(client, server.url(QStringLiteral("/")));
    QCOMPARE(r.error.id(), QStringLiteral("http.not_http"));
    QCOMPARE(r.error.failureClass(), FailureClass::Protocol);
    QVERIFY2(r.error.message().contains(QStringLiteral("15 03 03 00 02 02 46")), qPrintable(r.error.message()));
    QCOMPARE(violationIds(r.finalHop()->response), QStringList{QStringLiteral("http.not_http")});
}

void TestHttpClient::gzipBodyOfSeveralMembersDecodesWhole()
{
    // RFC 1952 §2.2: a gzip body may be several members; all of them are the body.
    const QByteArray body = gzipMember("first member, ") + gzipMember("second member");
    ScriptedServer server([body](QTcpSocket *s, const QByteArray &) { s->write(gzipAnswer(body)); });
    HttpClient client;
    const HttpExchangeRecord r = exchange(client, server.url(QStringLiteral("/")));
    QVERIFY2(r.completed(), qPrintable(r.error.message()));
    QCOMPARE(r.finalHop()->response.decodedBody, QByteArray("first member, second member"));
    QCOMPARE(r.finalHop()->response.body, body);
    QVERIFY(r.finalHop()->response.violations.isEmpty());
}

void TestHttpClient::dataAfterTheGzipStreamIsReported()
{
    const QByteArray member = gzipMember("the data");
    ScriptedServer server([member](QTcpSocket *s, const QByteArray &) { s->write(gzipAnswer(member + "padding")); });
    HttpClient client;
    const HttpExchangeRecord r = exchange(client, server.url(QStringLiteral("/")));
    QVERIFY2(r.completed(), qPrintable(r.error.message())); // the decoded body is whole
    const HttpResponse &response = r.finalHop()->response;
    QCOMPARE(response.decodedBody, QByteArray("the data"));
    QCOMPARE(violationIds(response), QStringList{QStringLiteral("http.trailing_data_after_coding")});
    QCOMPARE(response.violations.first().offset, member.size());
    QCOMPARE(response.violations.first().length, 7);
}

void TestHttpClient::undecodableBodyEndsTheExchangeKeepingTheBytes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<QString>("errorId");
    const QByteArray member = gzipMember(QByteArray(4000, 'z'));
    QByteArray corrupt = member;
    corrupt[corrupt.size() / 2] = char(corrupt.at(corrupt.size() / 2) ^ 0x5a);
    QTest::newRow("corrupt gzip") << corrupt << qint64(1 << 20) << QStringLiteral("http.decode_failed");
    QTest::newRow("gzip cut short") << member.left(member.size() - 8) << qint64(1 << 20) << QStringLiteral("http.decode_failed");
    QTest::newRow("not gzip at all") << QByteArray("{\"plain\": \"json\"}") << qint64(1 << 20) << QStringLiteral("http.decode_failed");
    QTest::newRow("over the decompression limit") << member << qint64(1000) << QStringLiteral("http.decode_limit");
}

void TestHttpClient::undecodableBodyEndsTheExchangeKeepingTheBytes()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, limit);
    QFETCH(QString, errorId);
    const QByteArray answer = gzipAnswer(body);
    ScriptedServer server([answer](QTcpSocket *s, const QByteArray &) { s->write(answer); });
    HttpClient client;
    HttpRequestOptions options;
    options.decodedBodyLimit = limit;
    const HttpExchangeRecord r = exchange(client, server.url(QStringLiteral("/")), options);
    QCOMPARE(r.error.id(), errorId);
    QCOMPARE(exitStatusFor(r.error.failureClass()), 5); // a protocol failure, as the CLI reports it
    QVERIFY(!r.completed());
    const HttpHop *hop = r.finalHop();
    QVERIFY(hop->complete); // the framing was fine: every byte was read and is kept
    QCOMPARE(hop->responseBytes, answer);
    QCOMPARE(hop->response.body, body);
    QCOMPARE(hop->response.status, 200);
}

void TestHttpClient::bytesAfterTheResponseAreFlaggedAndNotReused_data()
{
    QTest::addColumn<QByteArray>("extra");
    QTest::newRow("more than its Content-Length") << QByteArray("and more");
    QTest::newRow("an unrequested second response") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nevil");
}

void TestHttpClient::bytesAfterTheResponseAreFlaggedAndNotReused()
{
    QFETCH(QByteArray, extra);
    const QByteArray answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    ScriptedServer server([answer, extra](QTcpSocket *s, const QByteArray &) { s->write(answer + extra); });
    HttpClient client;
    const HttpExchangeRecord first = exchange(client, server.url(QStringLiteral("/1")));
    QVERIFY2(first.completed(), qPrintable(first.error.message()));
    const HttpHop *hop = first.finalHop();
    QCOMPARE(hop->response.decodedBody, QByteArray("ok"));
    QCOMPARE(hop->responseBytes, answer); // the extra bytes are not the response's
    QCOMPARE(violationIds(hop->response), QStringList{QStringLiteral("http.extra_bytes")});
    const Violation &v = hop->response.violations.first();
    QCOMPARE(v.offset, hop->responseStreamOffset + answer.size());
    QCOMPARE(v.length, extra.size());
    QCOMPARE(client.idleConnectionCount(), 0); // out of step: not reused
    const HttpExchangeRecord second = exchange(client, server.url(QStringLiteral("/2")));
    QVERIFY(second.completed());
    QVERIFY(!second.finalHop()->connection.reused);
    QCOMPARE(server.connections(), 2);
}

void TestHttpClient::httpsThroughAProxyUsesConnect()
{
    TunnelProxy proxy(TunnelProxy::Kind::HttpConnect);
    QVERIFY(proxy.listen());
    HttpClient client;
    HttpRequestOptions options;
    options.proxy = QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.port());
    options.caCertificates = QSslCertificate::fromPath(QStringLiteral(WIRESCOPE_SOURCE_DIR "/tests/peers/certs/ca.crt"));
    const HttpExchangeRecord r = exchange(client, QStringLiteral("https://localhost:%1/small.html").arg(m_nginx.tlsPort()), options);
    QVERIFY2(r.completed(), qPrintable(r.error.id() + u' ' + r.error.message()));
    QCOMPARE(r.finalHop()->response.decodedBody, NginxPeer::fileContent(QStringLiteral("small.html")));
    QCOMPARE(proxy.requests().size(), 1);
    QVERIFY2(proxy.requests().first().startsWith(QByteArray("CONNECT localhost:" + QByteArray::number(m_nginx.tlsPort()) + " HTTP/1.1\r\n")),
             proxy.requests().first().constData());
    QVERIFY(r.finalHop()->connection.tls.used);
    QCOMPARE(r.finalHop()->timings.dnsNs(), -1); // the proxy resolves the name
    QVERIFY(r.finalHop()->timings.sslNs() > 0);
    QVERIFY(phasesAddUp(r.finalHop()->timings));
}

void TestHttpClient::demoEchoesHeadersInOrderWithDuplicates()
{
    HttpClient client;
    const HttpExchangeRecord r = exchange(client, m_demo.httpUrl(QStringLiteral("/headers")).toString(), {}, QStringLiteral("GET"), {},
                                          {{QStringLiteral("X-Dup"), QStringLiteral("1"), true},
                                           {QStringLiteral("x-off"), QStringLiteral("no"), false},
                                           {QStringLiteral("X-Dup"), QStringLiteral("2"), true}});
    QVERIFY2(r.completed(), qPrintable(r.error.message()));
    const QJsonArray headers = demoJson(r).value(QStringLiteral("headers")).toArray();
    QStringList seen;
    for (const QJsonValue &h : headers)
        seen.append(h.toArray().at(0).toString() + u'=' + h.toArray().at(1).toString());
    QCOMPARE(seen.first(), QStringLiteral("Host=127.0.0.1:%1").arg(m_demo.port()));
    QVERIFY(seen.indexOf(QStringLiteral("X-Dup=1")) >= 0);
    QCOMPARE(seen.indexOf(QStringLiteral("X-Dup=2")), seen.indexOf(QStringLiteral("X-Dup=1")) + 1);
    QVERIFY(!seen.join(u',').contains(QStringLiteral("x-off")));
}

void TestHttpClient::demoReceivesEveryBodyKind_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("JSON arrives parsed") << int(BodyKind::Json) << QStringLiteral("json") << QStringLiteral("{\"k\":[1,2]}");
    QTest::newRow("a urlencoded form arrives as fields") << int(BodyKind::UrlEncoded) << QStringLiteral("form")
                                                         << QStringLiteral("{\"name\":\"Ada Lovelace\",\"x\":\"a&b\"}");
    QTest::newRow("raw text arrives as is") << int(BodyKind::Raw) << QStringLiteral("body") << QStringLiteral("plain ü text");
}

void TestHttpClient::demoReceivesEveryBodyKind()
{
    QFETCH(int, kind);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    HttpBody body;
    body.kind = BodyKind(kind);
    body.text = kind == int(BodyKind::Json) ? QStringLiteral("{\"k\": [1, 2]}") : QStringLiteral("plain ü text");
    body.rawContentType = QStringLiteral("text/plain; charset=utf-8");
    body.formFields = {{QStringLiteral("name"), QStringLiteral("Ada Lovelace"), true}, {QStringLiteral("x"), QStringLiteral("a&b"), true}};
    HttpClient client;
    const HttpExchangeRecord r = exchange(client, m_demo.httpUrl(QStringLiteral("/post?q=1")).toString(), {}, QStringLiteral("POST"), body);
    QVERIFY2(r.completed(), qPrintable(r.error.message()));
    QCOMPARE(r.finalHop()->response.status, 200);
    const QJsonValue value = demoJson(r).value(field);
    const QString got = value.isString() ? value.toString()
                                         : QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    QCOMPARE(got, expected);
}

void TestHttpClient::demoStreamsChunks()
{
    HttpClient client;
    const HttpExchangeRecord r = exchange(client, m_demo.httpUrl(QStringLiteral("/stream/5?interval_ms=5")).toString());
    QVERIFY2(r.completed(), qPrintable(r.error.message()));
    const HttpHop &hop = *r.finalHop();
    QCOMPARE(hop.response.framing, BodyFraming::Chunked);
    QCOMPARE(hop.response.decodedBody.count('\n'), 5);
    QVERIFY(hop.response.chunks.size() >= 6); // five lines and the last chunk
    QVERIFY(hop.timings.receiveNs() > 0);    // the lines arrived over time
}

void TestHttpClient::demoDecodesGzipAndDeflate_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("flag");
    QTest::newRow("gzip") << QStringLiteral("/gzip") << QStringLiteral("gzipped");
    QTest::newRow("deflate") << QStringLiteral("/deflate") << QStringLiteral("deflated");
}

void TestHttpClient::demoDecodesGzipAndDeflate()
{
    QFETCH(QString, path);
    QFETCH(QString, flag);
    HttpClient client;
    const HttpExchangeRecord r = exchange(client, m_demo.httpUrl(path).toString());
    QVERIFY2(r.completed(), qPrintable(r.error.message()));
    QVERIFY(r.finalHop()->response.encodedSize() != r.finalHop()->response.decodedSize());
    QCOMPARE(demoJson(r).value(flag).toBool(), true);
}

void TestHttpClient::demoCookiesSurviveRedirects()
{
    HttpClient client;
    HttpRequestOptions options;
    options.followRedirects = true;
    const HttpExchangeRecord r = exchange(client, m_demo.httpUrl(QStringLiteral("/cookies/set?flavour=oat&n=1")).toString(), options);
    QVERIFY2(r.completed(), qPrintable(r.error.message()));
    QCOMPARE(r.hops.size(), 2);
    const QJsonObject cookies = demoJson(r).value(QStringLiteral("cookies")).toObject();
    QCOMPARE(cookies.value(QStringLiteral("flavour")).toString(), QStringLiteral("oat"));
    QCOMPARE(cookies.value(QStringLiteral("n")).toString(), QStringLiteral("1"));
    QCOMPARE(client.cookieJar().cookies().size(), 2);
}

void TestHttpClient::demoBodilessAnswers_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("HEAD has GET's fields and no body") << QStringLiteral("HEAD") << QStringLiteral("/get") << 200;
    QTest::newRow("204 has no body") << QStringLiteral("GET") << QStringLiteral("/status/204") << 204;
    QTest::newRow("304 has no body") << QStringLiteral("GET") << QStringLiteral("/status/304") << 304;
}

void TestHttpClient::demoBodilessAnswers()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    HttpClient client;
    // Twice on one connection: a body mistakenly expected would swallow the second answer.
    for (int i = 0; i < 2; ++i) {
        const HttpExchangeRecord r = exchange(client, m_demo.httpUrl(path).toString(), {}, method);
        QVERIFY2(r.completed(), qPrintable(r.error.message()));
        QCOMPARE(r.finalHop()->response.status, status);
        QCOMPARE(r.finalHop()->response.framing, BodyFraming::None);
        QCOMPARE(r.finalHop()->response.body.size(), 0);
        QCOMPARE(r.finalHop()->connection.reused, i == 1);
    }
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"

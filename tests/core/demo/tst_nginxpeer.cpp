// The nginx fixture itself: what it serves is what the other tests rely on.
#include "tests/peers/nginxpeer.h"
#include "tests/peers/pythonwspeer.h"
#include "tests/peers/testclient.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>
#include <QWebSocket>

using namespace wirescope::test;

class tst_NginxPeer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void servesStaticFiles_data();
    void servesStaticFiles();
    void gzipsTextWhenAsked_data();
    void gzipsTextWhenAsked();
    void followsRedirectChain();
    void keepsConnectionAlive();
    void reportsStubStatus();
    void servesTlsWithTestCertificate();
    void proxiesWebSocketToPythonEcho();
    void twoPeersGetDifferentPorts();
    void reportsMissingBackendAs404();

private:
    NginxPeer m_nginx;
    PythonWsPeer m_python;
    QNetworkAccessManager m_manager;
};

void tst_NginxPeer::initTestCase()
{
    QString error;
    QVERIFY2(m_python.start(&error), qPrintable(error));
    NginxPeer::Options options;
    options.wsBackendPort = m_python.port();
    options.tls = true;
    QVERIFY2(m_nginx.start(options, &error), qPrintable(error));
    QVERIFY(m_nginx.port() != 0);
    QVERIFY(m_nginx.tlsPort() != 0);
}

void tst_NginxPeer::servesStaticFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("size");
    QTest::newRow("small.html is exactly 1 KiB of HTML") << u"small.html"_qs << QByteArray("text/html") << 1024;
    QTest::newRow("big.txt is 200 KiB of plain text") << u"big.txt"_qs << QByteArray("text/plain") << 200 * 1024;
    QTest::newRow("data.json is JSON") << u"data.json"_qs << QByteArray("application/json")
                                       << int(NginxPeer::fileContent(u"data.json"_qs).size());
}

void tst_NginxPeer::servesStaticFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, contentType);
    QFETCH(int, size);
    QNetworkRequest request(m_nginx.httpUrl(u'/' + name));
    const FetchResult result = fetch(m_manager, request);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Type"), contentType);
    QCOMPARE(result.body.size(), size);
    QCOMPARE(result.body, NginxPeer::fileContent(name));
}

void tst_NginxPeer::gzipsTextWhenAsked_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("big text file") << u"/big.txt"_qs;
    QTest::newRow("JSON document") << u"/data.json"_qs;
    QTest::newRow("HTML page") << u"/small.html"_qs;
}

void tst_NginxPeer::gzipsTextWhenAsked()
{
    QFETCH(QString, path);
    // Asked explicitly, so QNAM hands over the encoded bytes instead of decoding them.
    QNetworkRequest request(m_nginx.httpUrl(path));
    request.setRawHeader("Accept-Encoding", "gzip");
    const FetchResult result = fetch(m_manager, request);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Encoding"), QByteArray("gzip"));
    QCOMPARE(result.header("Vary"), QByteArray("Accept-Encoding"));
    QVERIFY(result.body.startsWith("\x1f\x8b")); // RFC 1952 §2.3.1 magic
    QVERIFY(result.body.size() < NginxPeer::fileContent(path.mid(1)).size());
}

void tst_NginxPeer::followsRedirectChain()
{
    const QByteArray raw = rawExchange(m_nginx.port(),
                                       "GET /redirect/3 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QVERIFY2(raw.startsWith("HTTP/1.1 302"), raw.constData());
    QVERIFY2(raw.contains("\r\nLocation: /redirect/2\r\n"), raw.constData());

    QNetworkRequest request(m_nginx.httpUrl(u"/redirect/3"_qs));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    const FetchResult result = fetch(m_manager, request);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.finalUrl.path(), u"/small.html"_qs);
    QCOMPARE(result.body, NginxPeer::fileContent(u"small.html"_qs));
}

void tst_NginxPeer::keepsConnectionAlive()
{
    // Two requests on one connection, both answered: keepalive works.
    const QByteArray raw = rawExchange(m_nginx.port(),
                                       "GET /data.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                       "GET /small.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QCOMPARE(raw.count("HTTP/1.1 200 OK\r\n"), 2);
    QVERIFY(raw.endsWith("</p></body></html>\n"));
}

void tst_NginxPeer::reportsStubStatus()
{
    const FetchResult result = fetch(m_manager, QNetworkRequest(m_nginx.httpUrl(u"/status"_qs)));
    QCOMPARE(result.status, 200);
    QVERIFY2(result.body.startsWith("Active connections:"), result.body.constData());
}

void tst_NginxPeer::servesTlsWithTestCertificate()
{
    const auto ca = QSslCertificate::fromPath(certsDir() + u"/ca.crt"_qs);
    QCOMPARE(ca.size(), 1);
    QNetworkRequest request(m_nginx.httpsUrl(u"/data.json"_qs));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(ca);
    request.setSslConfiguration(tls);
    const FetchResult trusted = fetch(m_manager, request);
    QVERIFY2(trusted.error.isEmpty(), qPrintable(trusted.error));
    QCOMPARE(trusted.status, 200);
    QCOMPARE(trusted.body, NginxPeer::fileContent(u"data.json"_qs));

    // Without the test CA the leaf is untrusted: the fixture really presents that certificate.
    QNetworkRequest untrusted(m_nginx.httpsUrl(u"/data.json"_qs));
    QSslConfiguration bare = QSslConfiguration::defaultConfiguration();
    bare.setCaCertificates({});
    untrusted.setSslConfiguration(bare);
    QNetworkAccessManager fresh; // m_manager would reuse the trusted encrypted connection
    const FetchResult rejected = fetch(fresh, untrusted);
    QCOMPARE(rejected.status, 0);
    QVERIFY(!rejected.error.isEmpty());
}

void tst_NginxPeer::proxiesWebSocketToPythonEcho()
{
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy texts(&socket, &QWebSocket::textMessageReceived);
    QSignalSpy binaries(&socket, &QWebSocket::binaryMessageReceived);
    socket.open(m_nginx.wsUrl(u"/ws/echo"_qs));
    QVERIFY2(connected.wait(10000), qPrintable(socket.errorString() + u'\n' + m_nginx.errorLogTail()));
    socket.sendTextMessage(u"héllo through nginx"_qs);
    socket.sendBinaryMessage(QByteArray::fromHex("00ff10"));
    QTRY_COMPARE_WITH_TIMEOUT(texts.size() + binaries.size(), 2, 10000);
    QCOMPARE(texts.first().first().toString(), u"héllo through nginx"_qs);
    QCOMPARE(binaries.first().first().toByteArray(), QByteArray::fromHex("00ff10"));
    socket.close();
}

void tst_NginxPeer::twoPeersGetDifferentPorts()
{
    NginxPeer second;
    QString error;
    QVERIFY2(second.start(&error), qPrintable(error));
    QVERIFY(second.port() != m_nginx.port());
    const FetchResult result = fetch(m_manager, QNetworkRequest(second.httpUrl(u"/small.html"_qs)));
    QCOMPARE(result.status, 200);
    second.stop();
    QVERIFY(!second.isRunning());
}

void tst_NginxPeer::reportsMissingBackendAs404()
{
    NginxPeer plain;
    QString error;
    QVERIFY2(plain.start(&error), qPrintable(error));
    QCOMPARE(fetch(m_manager, QNetworkRequest(plain.httpUrl(u"/proxy/get"_qs))).status, 404);
    QCOMPARE(fetch(m_manager, QNetworkRequest(plain.httpUrl(u"/ws/echo"_qs))).status, 404);
}

QTEST_GUILESS_MAIN(tst_NginxPeer)
#include "tst_nginxpeer.moc"

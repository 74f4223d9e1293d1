// "Copy as cURL" and "Copy as websocat": what is written reads back into the same request
// (our reader, for many requests), makes the real curl send the same request to the demo
// server's echo, and hides credentials unless asked not to.
#include "core/net/httpclient.h"
#include "core/session/curlsnippet.h"
#include "core/session/session.h"
#include "core/session/websocatsnippet.h"
#include "core/wire/curlcommand.h"
#include "core/wire/httprequestwriter.h"
#include "tests/peers/demopeer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

using namespace wirescope;

namespace {

QByteArray randomBytes(QRandomGenerator &rng, const QByteArray &alphabet, int maxLength)
{
    QByteArray out;
    const int n = int(rng.bounded(maxLength + 1));
    for (int i = 0; i < n; ++i)
        out += alphabet[int(rng.bounded(int(alphabet.size())))];
    return out;
}

// What a request looks like once curl has read the command: the headers curl writes by
// itself where the client wrote them (Host first, Content-Length of the body, our own
// Accept-Encoding) are not in the command.
QList<WireHeader> expectedHeaders(const HttpExchangeRecord &record)
{
    const PreparedRequest &r = record.hops.first().request;
    QList<WireHeader> out;
    for (qsizetype i = 0; i < r.headers.size(); ++i) {
        const WireHeader &h = r.headers[i];
        if (i == 0 && h.name == "Host" && h.value == HttpRequestWriter::hostHeaderValue(r))
            continue;
        if (h.name == "Content-Length" && h.value == QByteArray::number(r.body.size()))
            continue;
        if (h.name == "Accept-Encoding" && record.options.acceptCompressed)
            continue;
        out.append(h);
    }
    return out;
}

QByteArray lines(const QList<WireHeader> &headers)
{
    QByteArray out;
    for (const WireHeader &h : headers)
        out += h.name + ": " + h.value + '\n';
    return out;
}

// A request with random method, URL, headers and body, completed as the client completes
// it before writing.
HttpExchangeRecord randomRecord(QRandomGenerator &rng)
{
    static const QList<QByteArray> methods{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "PURGE"};
    // Printable ASCII with every shell special, then UTF-8, then bytes that are not UTF-8.
    QByteArray text;
    for (int c = 0x20; c < 0x7f; ++c)
        text += char(c);
    text += "\xc3\xa9\xe2\x82\xac";
    QByteArray any;
    for (int c = 0; c < 256; ++c)
        any += char(c);
    const QByteArray token = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_!#$%&'*+.^`|~";

    HttpExchangeRecord record;
    HttpHop hop;
    PreparedRequest &r = hop.request;
    r.method = methods[int(rng.bounded(int(methods.size())))];
    r.scheme = rng.bounded(2) ? QStringLiteral("https") : QStringLiteral("http");
    r.host = QStringLiteral("127.0.0.1");
    r.port = quint16(rng.bounded(1, 65535));
    r.target = "/p/" + randomBytes(rng, "abc%20'\"$`[]{}", 8).toPercentEncoding("/%") + "?q="
               + randomBytes(rng, text, 12).toPercentEncoding();
    r.url = r.scheme + QStringLiteral("://127.0.0.1:%1").arg(r.port) + QString::fromLatin1(r.target);
    const int headers = int(rng.bounded(6));
    for (int i = 0; i < headers; ++i) {
        QByteArray name = "X-" + randomBytes(rng, token, 8);
        QByteArray value = randomBytes(rng, text + "\x80\xff", 24).trimmed();
        r.headers.append(WireHeader{name, value});
    }
    if (rng.bounded(3) == 0)
        r.headers.append(WireHeader{"Content-Type", "application/octet-stream"});
    if (rng.bounded(2))
        r.body = randomBytes(rng, rng.bounded(2) ? text + "\n\r\t" : any, 64);
    HttpWriterOptions writer;
    record.options.acceptCompressed = rng.bounded(2);
    record.options.ignoreCertificateErrors = rng.bounded(2);
    record.options.followRedirects = rng.bounded(2);
    record.options.maxRedirects = int(rng.bounded(1, 20));
    writer.acceptEncoding = record.options.acceptCompressed;
    HttpRequestWriter::completeHeaders(r, writer);
    record.hops.append(hop);
    return record;
}

constexpr int kWait = 15000;

} // namespace

class TestCurlSnippet : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void readsBackIntoTheSameRequest();
    void writesWhatCurlNeedsOnly();
    void hidesCredentialsByDefault();
    void nothingToCopyWithoutARequest();
    void realCurlSendsTheRecordedRequest_data();
    void realCurlSendsTheRecordedRequest();
    void websocatCommand();
    void websocatHidesCredentials();

private:
    HttpExchangeRecord record(const HttpRequest &request, const HttpRequestOptions &options = {});
    test::DemoPeer m_demo;
    Session m_session;
};

void TestCurlSnippet::initTestCase()
{
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
    QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/curl")), "the real curl (Debian package curl) is needed");
}

HttpExchangeRecord TestCurlSnippet::record(const HttpRequest &request, const HttpRequestOptions &options)
{
    HttpClient client(&m_session);
    HttpExchange *exchange = client.start(request, options);
    HttpExchangeRecord out;
    bool done = false;
    connect(exchange, &HttpExchange::finished, exchange, [&](const HttpExchangeRecord &r) {
        out = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, kWait))
        out.error = Failure::of(failures::Cancelled, QStringLiteral("no answer within the test's wait"));
    exchange->deleteLater();
    return out;
}

void TestCurlSnippet::readsBackIntoTheSameRequest()
{
    QRandomGenerator rng(20261207);
    for (int i = 0; i < 500; ++i) {
        const HttpExchangeRecord record = randomRecord(rng);
        const PreparedRequest &sent = record.hops.first().request;
        const QString command = curlSnippet(record, RedactionRules::none());
        const CurlCommand read = CurlCommand::parse(command);
        const QByteArray where = "request " + QByteArray::number(i) + ":\n" + command.toUtf8();
        QVERIFY2(read.ok(), where.constData());
        QVERIFY2(read.warnings.isEmpty(), qPrintable(read.warnings.join(u'\n') + u'\n' + command));
        QCOMPARE(read.method, sent.method);
        QCOMPARE(read.url, sent.url);
        QCOMPARE(lines(read.headers), lines(expectedHeaders(record)));
        QCOMPARE(read.body, sent.body);
        QCOMPARE(read.hasBody, sent.hasHeader("Content-Length"));
        QCOMPARE(read.insecure, record.options.ignoreCertificateErrors);
        QCOMPARE(read.followRedirects, record.options.followRedirects);
        QCOMPARE(read.maxRedirects, record.options.followRedirects ? record.options.maxRedirects : -1);
        QCOMPARE(read.compressed, record.options.acceptCompressed);
    }
}

void TestCurlSnippet::writesWhatCurlNeedsOnly()
{
    HttpExchangeRecord record;
    HttpHop hop;
    hop.request.method = "GET";
    hop.request.url = QStringLiteral("http://127.0.0.1:8080/get?a=1");
    hop.request.scheme = QStringLiteral("http");
    hop.request.host = QStringLiteral("127.0.0.1");
    hop.request.port = 8080;
    hop.request.target = "/get?a=1";
    hop.request.headers = {{"X-Note", "it's"}};
    HttpRequestWriter::completeHeaders(hop.request, {});
    record.hops.append(hop);
    QCOMPARE(curlSnippet(record),
             QStringLiteral("curl 'http://127.0.0.1:8080/get?a=1' \\\n"
                            "  -H 'X-Note: it'\\''s' \\\n"
                            "  -H 'User-Agent: wirescope/0.1' \\\n"
                            "  -H 'Accept: */*'"));
}

void TestCurlSnippet::hidesCredentialsByDefault()
{
    HttpRequest request;
    request.setMethod(QStringLiteral("POST"));
    request.setUrl(m_demo.httpUrl(QStringLiteral("/anything?page=2&access_token=s3cr3t-query")).toString());
    request.addHeader(QStringLiteral("Authorization"), QStringLiteral("Bearer s3cr3t-bearer"));
    request.addHeader(QStringLiteral("Cookie"), QStringLiteral("sid=s3cr3t-cookie"));
    request.addHeader(QStringLiteral("Proxy-Authorization"), QStringLiteral("Basic s3cr3t-proxy"));
    request.body().kind = BodyKind::Json;
    request.body().text = QStringLiteral("{\"a\":1}");
    const HttpExchangeRecord r = record(request);
    QVERIFY(r.completed());

    const QString hidden = curlSnippet(r);
    QVERIFY2(!hidden.contains(QStringLiteral("s3cr3t")), qPrintable(hidden));
    QVERIFY(hidden.contains(QStringLiteral("-H 'Authorization: [redacted]'")));
    QVERIFY(hidden.contains(QStringLiteral("-H 'Cookie: [redacted]'")));
    QVERIFY(hidden.contains(QStringLiteral("-H 'Proxy-Authorization: [redacted]'")));
    QVERIFY(hidden.contains(QStringLiteral("page=2&access_token=[redacted]")));
    QVERIFY2(hidden.contains(QStringLiteral(" \\\n  -g")), "a [redacted] URL is not a curl glob pattern");
    QVERIFY(hidden.contains(QStringLiteral("--data-binary '{\"a\":1}'")));

    const QString shown = curlSnippet(r, RedactionRules::none());
    for (const char *secret : {"Bearer s3cr3t-bearer", "sid=s3cr3t-cookie", "Basic s3cr3t-proxy", "access_token=s3cr3t-query"})
        QVERIFY2(shown.contains(QLatin1String(secret)), secret);
}

void TestCurlSnippet::nothingToCopyWithoutARequest()
{
    HttpExchangeRecord refused;
    refused.error = Failure::of(failures::UnresolvedVariables, QStringLiteral("host"));
    QVERIFY(curlSnippet(refused).isEmpty());
}

void TestCurlSnippet::realCurlSendsTheRecordedRequest_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("headers"); // name, value, name, value...
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("json");

    QTest::newRow("GET with duplicate headers, quotes and unicode")
        << QStringLiteral("GET") << QStringLiteral("/anything/it's?q=caf%C3%A9&x=%24HOME")
        << QStringList{QStringLiteral("X-Dup"), QStringLiteral("1"), QStringLiteral("X-Dup"), QStringLiteral("two 'quoted' \"words\""),
                       QStringLiteral("X-Unicode"), QStringLiteral("Grüße €"), QStringLiteral("X-Shell"), QStringLiteral("$(id) `id` \\ !")}
        << QByteArray() << false;
    QTest::newRow("POST JSON with newlines")
        << QStringLiteral("POST") << QStringLiteral("/post")
        << QStringList{QStringLiteral("X-Trace"), QStringLiteral("abc")}
        << QByteArray("{\n  \"text\": \"it's \\\"quoted\\\"\\nüber\",\n  \"n\": 1\n}\n") << true;
    QTest::newRow("PUT a binary body with NUL bytes")
        << QStringLiteral("PUT") << QStringLiteral("/put") << QStringList{QStringLiteral("Content-Type"), QStringLiteral("application/octet-stream")}
        << QByteArray("\x00\x01\x02 %s %% \\x41 \xfe\xff\r\n\x00", 23) << false;
    QTest::newRow("POST a body that starts with @ (no file is read)")
        << QStringLiteral("POST") << QStringLiteral("/post") << QStringList() << QByteArray("@/etc/hostname") << false;
    QTest::newRow("POST without a body sends Content-Length 0")
        << QStringLiteral("POST") << QStringLiteral("/post") << QStringList() << QByteArray() << false;
    QTest::newRow("DELETE with a custom method spelling")
        << QStringLiteral("DELETE") << QStringLiteral("/delete?id=7") << QStringList() << QByteArray() << false;
}

void TestCurlSnippet::realCurlSendsTheRecordedRequest()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QStringList, headers);
    QFETCH(QByteArray, body);
    QFETCH(bool, json);

    HttpRequest request;
    request.setMethod(method);
    request.setUrl(m_demo.httpUrl(QStringLiteral("/")).toString().chopped(1) + path);
    for (qsizetype i = 0; i + 1 < headers.size(); i += 2)
        request.addHeader(headers[i], headers[i + 1]);
    QTemporaryDir dir;
    if (json) {
        request.body().kind = BodyKind::Json;
        request.body().text = QString::fromUtf8(body);
    } else if (!body.isEmpty()) {
        // A file body keeps every byte (a text body is UTF-8).
        QFile file(dir.filePath(QStringLiteral("body.bin")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(body);
        file.close();
        request.body().kind = BodyKind::BinaryFile;
        request.body().binaryFilePath = file.fileName();
    }
    const HttpExchangeRecord r = record(request);
    QVERIFY2(r.completed(), qPrintable(r.error.message()));
    QCOMPARE(r.hops.first().request.body, body);
    const QByteArray ours = r.finalHop()->response.decodedBody;

    const QString command = curlSnippet(r, RedactionRules::none());
    QProcess bash;
    bash.start(QStringLiteral("/bin/bash"), {QStringLiteral("-c"), command + QStringLiteral(" -sS")});
    // The demo server answers on this thread's event loop: wait with it running.
    QVERIFY(QTest::qWaitFor([&] { return bash.state() == QProcess::NotRunning; }, kWait));
    QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
    const QByteArray theirs = bash.readAllStandardOutput();

    const QJsonObject a = QJsonDocument::fromJson(ours).object();
    const QJsonObject b = QJsonDocument::fromJson(theirs).object();
    QVERIFY2(!a.isEmpty() && !b.isEmpty(), QByteArray(ours + "\n---\n" + theirs).constData());
    for (const char *field : {"method", "url", "body", "body_encoding"})
        QCOMPARE(b.value(QLatin1String(field)), a.value(QLatin1String(field)));
    // Every header, in order, with its spelling: the request that arrived is the recorded one.
    QCOMPARE(QJsonDocument(b.value(QStringLiteral("headers")).toArray()).toJson(QJsonDocument::Compact),
             QJsonDocument(a.value(QStringLiteral("headers")).toArray()).toJson(QJsonDocument::Compact));
}

void TestCurlSnippet::websocatCommand()
{
    WsConnectOptions options;
    options.url = QUrl(QStringLiteral("wss://echo.example/ws?room=1"));
    options.origin = QStringLiteral("https://app.example");
    options.subprotocols = {QStringLiteral("json"), QStringLiteral("chat")};
    options.headers = {{"X-Client", "wirescope's"}};
    options.ignoreCertificateErrors = true;
    QCOMPARE(websocatSnippet(options),
             QStringLiteral("websocat \\\n"
                            "  -k \\\n"
                            "  --protocol 'json, chat' \\\n"
                            "  -H 'Origin: https://app.example' \\\n"
                            "  -H 'X-Client: wirescope'\\''s' \\\n"
                            "  'wss://echo.example/ws?room=1'"));
}

void TestCurlSnippet::websocatHidesCredentials()
{
    WsConnectOptions options;
    options.url = QUrl(QStringLiteral("ws://ada:pw-s3cr3t@127.0.0.1:9/ws?token=q-s3cr3t&x=1"));
    options.cookies = {{"sid", "c-s3cr3t"}};
    options.headers = {{"Authorization", "Bearer h-s3cr3t"}};
    const QString hidden = websocatSnippet(options);
    QVERIFY2(!hidden.contains(QStringLiteral("s3cr3t")), qPrintable(hidden));
    QVERIFY(hidden.contains(QStringLiteral("'ws://127.0.0.1:9/ws?token=[redacted]&x=1'")));
    QCOMPARE(hidden.count(QStringLiteral("[redacted]")), 4);

    const QString shown = websocatSnippet(options, RedactionRules::none());
    QVERIFY(shown.contains(QStringLiteral("-H 'Authorization: ") + QString::fromLatin1(basicAuthorization(
                                                                          QStringLiteral("ada"), QStringLiteral("pw-s3cr3t")))));
    QVERIFY(shown.contains(QStringLiteral("-H 'Cookie: sid=c-s3cr3t'")));
    QVERIFY(shown.contains(QStringLiteral("-H 'Authorization: Bearer h-s3cr3t'")));
    QVERIFY(shown.contains(QStringLiteral("token=q-s3cr3t")));
}

QTEST_MAIN(TestCurlSnippet)
#include "tst_curlsnippet.moc"

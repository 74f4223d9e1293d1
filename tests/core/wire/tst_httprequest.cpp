#include "core/wire/httprequest.h"
#include "core/wire/httprequestwriter.h"
#include "core/wire/variables.h"

#include <QTest>

using namespace wirescope;

namespace {

PreparedRequest prepare(const HttpRequest &r, const VariableScope &scope = {})
{
    return prepareRequest(r, scope, [](const QString &path) -> std::optional<QByteArray> {
        if (path == u"/files/a.bin")
            return QByteArray("\x00\x01\x02", 3);
        return std::nullopt;
    });
}

} // namespace

class TestHttpRequest : public QObject
{
    Q_OBJECT
private slots:
    void urlAndQueryParamsStayInSync();
    void paramsAreDecodedFromTheUrl_data();
    void paramsAreDecodedFromTheUrl();
    void disabledParamsStayOutOfTheUrl();
    void writesTheRequestBytesExactly();
    void resolvesVariablesFromEnvironments();
    void reportsEveryUnresolvedVariableBeforeSending();
    void authHelpersAddAuthorization_data();
    void authHelpersAddAuthorization();
    void bodiesGetTheirContentType_data();
    void bodiesGetTheirContentType();
    void multipartCarriesFiles();
    void unreadableFileIsAnError();
    void rejectsBadUrlsAndTokens_data();
    void rejectsBadUrlsAndTokens();
    void headersKeepOrderDuplicatesAndDisabledRows();
    void targetIsPercentEncoded();
    void absoluteFormForProxies();
};

void TestHttpRequest::urlAndQueryParamsStayInSync()
{
    HttpRequest r;
    r.setUrl(QStringLiteral("https://api.example.com/items?q=a%20b&tag=x&tag=y#frag"));
    QCOMPARE(r.queryParams().size(), 3);
    QCOMPARE(r.queryParams().at(0).name, QStringLiteral("q"));
    QCOMPARE(r.queryParams().at(0).value, QStringLiteral("a b"));
    QCOMPARE(r.queryParams().at(2).value, QStringLiteral("y"));

    QList<KeyValueRow> params = r.queryParams();
    params[0].value = QStringLiteral("café & crème=1+1");
    params.append({QStringLiteral("page"), QStringLiteral("{{page}}"), true});
    r.setQueryParams(params);
    QCOMPARE(r.url(), QStringLiteral("https://api.example.com/items?q=caf%C3%A9%20%26%20cr%C3%A8me%3D1%2B1&tag=x&tag=y&page={{page}}#frag"));
    // ... and back: the URL gives the same list.
    HttpRequest again;
    again.setUrl(r.url());
    QCOMPARE(again.queryParams(), params);
}

void TestHttpRequest::paramsAreDecodedFromTheUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("firstName");
    QTest::addColumn<QString>("firstValue");
    QTest::newRow("no query") << QStringLiteral("http://h/p") << 0 << QString() << QString();
    QTest::newRow("a flag without value") << QStringLiteral("http://h/p?debug") << 1 << QStringLiteral("debug") << QString();
    QTest::newRow("an empty query") << QStringLiteral("http://h/p?") << 0 << QString() << QString();
    QTest::newRow("UTF-8 escapes") << QStringLiteral("http://h/?n=%E2%82%AC") << 1 << QStringLiteral("n") << QStringLiteral("€");
    QTest::newRow("a plus stays a plus") << QStringLiteral("http://h/?a=1+2") << 1 << QStringLiteral("a") << QStringLiteral("1+2");
    QTest::newRow("empty pairs are skipped") << QStringLiteral("http://h/?&&a=1&") << 1 << QStringLiteral("a") << QStringLiteral("1");
}

void TestHttpRequest::paramsAreDecodedFromTheUrl()
{
    QFETCH(QString, url);
    QFETCH(int, count);
    QFETCH(QString, firstName);
    QFETCH(QString, firstValue);
    HttpRequest r;
    r.setUrl(url);
    QCOMPARE(r.queryParams().size(), count);
    if (count > 0) {
        QCOMPARE(r.queryParams().first().name, firstName);
        QCOMPARE(r.queryParams().first().value, firstValue);
    }
}

void TestHttpRequest::disabledParamsStayOutOfTheUrl()
{
    HttpRequest r;
    r.setUrl(QStringLiteral("http://h/p"));
    r.setQueryParams({{QStringLiteral("a"), QStringLiteral("1"), true}, {QStringLiteral("b"), QStringLiteral("2"), false}});
    QCOMPARE(r.url(), QStringLiteral("http://h/p?a=1"));
    r.setUrl(QStringLiteral("http://h/p?c=3"));
    QCOMPARE(r.queryParams().size(), 2);
    QCOMPARE(r.queryParams().at(0).name, QStringLiteral("c"));
    QCOMPARE(r.queryParams().at(1).name, QStringLiteral("b"));
    QVERIFY(!r.queryParams().at(1).enabled);
}

void TestHttpRequest::writesTheRequestBytesExactly()
{
    HttpRequest r;
    r.setMethod(QStringLiteral("POST"));
    r.setUrl(QStringLiteral("http://127.0.0.1:8080/submit?x=1"));
    r.addHeader(QStringLiteral("X-Trace"), QStringLiteral("abc"));
    HttpBody body;
    body.kind = BodyKind::Json;
    body.text = QStringLiteral("{\"a\":1}");
    r.setBody(body);
    PreparedRequest p = prepare(r);
    QVERIFY(p.isValid());
    HttpRequestWriter::completeHeaders(p, {});
    QCOMPARE(HttpRequestWriter::write(p, {}),
             QByteArray("POST /submit?x=1 HTTP/1.1\r\n"
                        "Host: 127.0.0.1:8080\r\n"
                        "X-Trace: abc\r\n"
                        "Content-Type: application/json\r\n"
                        "User-Agent: wirescope/0.1\r\n"
                        "Accept: */*\r\n"
                        "Content-Length: 7\r\n"
                        "\r\n"
                        "{\"a\":1}"));
}

void TestHttpRequest::resolvesVariablesFromEnvironments()
{
    const Environment local{QStringLiteral("local"), {{QStringLiteral("host"), QStringLiteral("127.0.0.1:9000"), true},
                                                      {QStringLiteral("token"), QStringLiteral("t-local"), true}}};
    const Environment globals{QStringLiteral("globals"), {{QStringLiteral("token"), QStringLiteral("t-global"), true},
                                                          {QStringLiteral("id"), QStringLiteral("42"), true}}};
    HttpRequest r;
    r.setUrl(QStringLiteral("http://{{host}}/items/{{ id }}"));
    r.addHeader(QStringLiteral("X-Token"), QStringLiteral("{{token}}"));
    const PreparedRequest p = prepare(r, VariableScope({local, globals}));
    QVERIFY(p.isValid());
    QCOMPARE(p.url, QStringLiteral("http://127.0.0.1:9000/items/42"));
    QCOMPARE(p.port, quint16(9000));
    QCOMPARE(p.headerValue("x-token"), QByteArray("t-local")); // the first environment wins
}

void TestHttpRequest::reportsEveryUnresolvedVariableBeforeSending()
{
    HttpRequest r;
    r.setUrl(QStringLiteral("http://{{host}}/{{path}}"));
    r.addHeader(QStringLiteral("Authorization"), QStringLiteral("Bearer {{token}}"));
    HttpBody body;
    body.kind = BodyKind::Raw;
    body.text = QStringLiteral("{{host}} {{missing}}");
    r.setBody(body);
    const PreparedRequest p = prepare(r, VariableScope({Environment{QStringLiteral("e"), {{QStringLiteral("path"), QStringLiteral("x"), true}}}}));
    QVERIFY(!p.isValid());
    QCOMPARE(p.unresolvedVariables, (QStringList{QStringLiteral("host"), QStringLiteral("token"), QStringLiteral("missing")}));
}

void TestHttpRequest::authHelpersAddAuthorization_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("Basic is base64 of user:password in UTF-8") << int(AuthKind::Basic) << QByteArray("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    QTest::newRow("Bearer carries the token") << int(AuthKind::Bearer) << QByteArray("Bearer tok123");
}

void TestHttpRequest::authHelpersAddAuthorization()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, expected);
    HttpRequest r;
    r.setUrl(QStringLiteral("http://h/"));
    r.setAuth({AuthKind(kind), QStringLiteral("Aladdin"), QStringLiteral("open sesame"), QStringLiteral("tok123")});
    QCOMPARE(prepare(r).headerValue("Authorization"), expected);
    // A header typed by the user wins over the helper.
    r.addHeader(QStringLiteral("authorization"), QStringLiteral("Custom x"));
    const PreparedRequest p = prepare(r);
    QCOMPARE(p.headerValue("Authorization"), QByteArray("Custom x"));
    QCOMPARE(p.headers.size(), 1);
}

void TestHttpRequest::bodiesGetTheirContentType_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("raw text with its own type") << int(BodyKind::Raw) << QByteArray("text/plain") << QByteArray("a b");
    QTest::newRow("JSON") << int(BodyKind::Json) << QByteArray("application/json") << QByteArray("a b");
    QTest::newRow("urlencoded form uses + for space and escapes the rest")
        << int(BodyKind::UrlEncoded) << QByteArray("application/x-www-form-urlencoded") << QByteArray("name=J%C3%BCrgen+M&x=a%26b%3Dc");
    QTest::newRow("a binary file") << int(BodyKind::BinaryFile) << QByteArray("application/octet-stream") << QByteArray("\x00\x01\x02", 3);
}

void TestHttpRequest::bodiesGetTheirContentType()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    HttpRequest r;
    r.setMethod(QStringLiteral("POST"));
    r.setUrl(QStringLiteral("http://h/"));
    HttpBody b;
    b.kind = BodyKind(kind);
    b.text = QStringLiteral("a b");
    b.rawContentType = QStringLiteral("text/plain");
    b.formFields = {{QStringLiteral("name"), QStringLiteral("Jürgen M"), true},
                    {QStringLiteral("skip"), QStringLiteral("me"), false},
                    {QStringLiteral("x"), QStringLiteral("a&b=c"), true}};
    b.binaryFilePath = QStringLiteral("/files/a.bin");
    r.setBody(b);
    const PreparedRequest p = prepare(r);
    QVERIFY(p.isValid());
    QCOMPARE(p.headerValue("Content-Type"), contentType);
    QCOMPARE(p.body, body);
}

void TestHttpRequest::multipartCarriesFiles()
{
    HttpRequest r;
    r.setMethod(QStringLiteral("POST"));
    r.setUrl(QStringLiteral("http://h/upload"));
    HttpBody b;
    b.kind = BodyKind::Multipart;
    b.multipartBoundary = "XyZ";
    b.parts = {{QStringLiteral("title"), QStringLiteral("Hi \"there\""), {}, {}, {}, true},
               {QStringLiteral("file"), {}, QStringLiteral("/files/a.bin"), {}, {}, true},
               {QStringLiteral("off"), QStringLiteral("x"), {}, {}, {}, false}};
    r.setBody(b);
    const PreparedRequest p = prepare(r);
    QVERIFY(p.isValid());
    QCOMPARE(p.headerValue("Content-Type"), QByteArray("multipart/form-data; boundary=XyZ"));
    QCOMPARE(p.body, QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHi \"there\"\r\n"
                                "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                                "Content-Type: application/octet-stream\r\n\r\n")
                         + QByteArray("\x00\x01\x02", 3) + QByteArray("\r\n--XyZ--\r\n"));
}

void TestHttpRequest::unreadableFileIsAnError()
{
    HttpRequest r;
    r.setUrl(QStringLiteral("http://h/"));
    HttpBody b;
    b.kind = BodyKind::BinaryFile;
    b.binaryFilePath = QStringLiteral("/no/such/file");
    r.setBody(b);
    const PreparedRequest p = prepare(r);
    QVERIFY(!p.isValid());
    QVERIFY(p.errors.first().contains(QStringLiteral("/no/such/file")));
}

void TestHttpRequest::rejectsBadUrlsAndTokens_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("headerName");
    QTest::newRow("a method with a space") << QStringLiteral("GE T") << QStringLiteral("http://h/") << QStringLiteral("X");
    QTest::newRow("an ftp URL") << QStringLiteral("GET") << QStringLiteral("ftp://h/") << QStringLiteral("X");
    QTest::newRow("a port out of range") << QStringLiteral("GET") << QStringLiteral("http://h:70000/") << QStringLiteral("X");
    QTest::newRow("no host") << QStringLiteral("GET") << QStringLiteral("http:///path") << QStringLiteral("X");
    QTest::newRow("a header name with a colon") << QStringLiteral("GET") << QStringLiteral("http://h/") << QStringLiteral("X:Y");
}

void TestHttpRequest::rejectsBadUrlsAndTokens()
{
    QFETCH(QString, method);
    QFETCH(QString, url);
    QFETCH(QString, headerName);
    HttpRequest r;
    r.setMethod(method);
    r.setUrl(url);
    r.addHeader(headerName, QStringLiteral("v"));
    QVERIFY(!prepare(r).errors.isEmpty());
}

void TestHttpRequest::headersKeepOrderDuplicatesAndDisabledRows()
{
    HttpRequest r;
    r.setUrl(QStringLiteral("http://h/"));
    r.setHeaders({{QStringLiteral("Accept"), QStringLiteral("a"), true},
                  {QStringLiteral("X-Dup"), QStringLiteral("1"), true},
                  {QStringLiteral("X-Off"), QStringLiteral("no"), false},
                  {QStringLiteral("X-Dup"), QStringLiteral("2"), true}});
    PreparedRequest p = prepare(r);
    HttpRequestWriter::completeHeaders(p, {});
    const QByteArray bytes = HttpRequestWriter::write(p, {});
    QVERIFY(bytes.contains("Accept: a\r\nX-Dup: 1\r\nX-Dup: 2\r\n"));
    QVERIFY(!bytes.contains("X-Off"));
    QVERIFY(!bytes.contains("Accept: */*")); // the user's Accept is not duplicated
    QVERIFY(bytes.startsWith("GET / HTTP/1.1\r\nHost: h\r\n"));
}

void TestHttpRequest::targetIsPercentEncoded()
{
    HttpRequest r;
    r.setUrl(QStringLiteral("http://[::1]:8080/a b/ü?q=x y|z%41"));
    const PreparedRequest p = prepare(r);
    QVERIFY(p.isValid());
    QCOMPARE(p.host, QStringLiteral("::1"));
    QCOMPARE(p.target, QByteArray("/a%20b/%C3%BC?q=x%20y%7Cz%41"));
    QCOMPARE(HttpRequestWriter::hostHeaderValue(p), QByteArray("[::1]:8080"));
}

void TestHttpRequest::absoluteFormForProxies()
{
    HttpRequest r;
    r.setUrl(QStringLiteral("example.com/x"));
    PreparedRequest p = prepare(r);
    QCOMPARE(p.url, QStringLiteral("http://example.com/x"));
    HttpWriterOptions options;
    options.absoluteForm = true;
    QVERIFY(HttpRequestWriter::write(p, options).startsWith("GET http://example.com/x HTTP/1.1\r\n"));
}

QTEST_GUILESS_MAIN(TestHttpRequest)
#include "tst_httprequest.moc"

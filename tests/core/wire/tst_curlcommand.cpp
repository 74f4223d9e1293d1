#include "core/wire/curlcommand.h"

#include <QProcess>
#include <QTest>

using namespace wirescope;

namespace {

// Headers as "Name: value" lines, to compare in one QCOMPARE.
QByteArray headerLines(const QList<WireHeader> &headers)
{
    QByteArray out;
    for (const WireHeader &h : headers)
        out += h.name + ": " + h.value + '\n';
    return out;
}

} // namespace

class TestCurlCommand : public QObject
{
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void warns_data();
    void warns();
    void refusesWhatIsNotCurl_data();
    void refusesWhatIsNotCurl();
    void recognisesPastedCommands();
    void readsFormParts();
    void printfFeedsStandardInput();
    void shellQuoteReadsBackThroughBash_data();
    void shellQuoteReadsBackThroughBash();
    void hostileTextNeverHangs();
};

void TestCurlCommand::parses_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("flags"); // k = insecure, L = follow, c = compressed

    // Chrome DevTools, "Copy as cURL (bash)", a JSON POST (Chrome 120).
    QTest::newRow("Chrome bash: JSON POST with cookie header and --compressed")
        << QStringLiteral(
               "curl 'https://api.example.com/v1/items?page=2' \\\n"
               "  -H 'authority: api.example.com' \\\n"
               "  -H 'accept: application/json, text/plain, */*' \\\n"
               "  -H 'accept-language: en-US,en;q=0.9' \\\n"
               "  -H 'content-type: application/json' \\\n"
               "  -H 'cookie: sid=abc123; theme=dark' \\\n"
               "  -H 'origin: https://www.example.com' \\\n"
               "  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36' \\\n"
               "  --data-raw '{\"name\":\"Ada\",\"tags\":[\"a\",\"b\"]}' \\\n"
               "  --compressed")
        << QByteArray("POST") << QStringLiteral("https://api.example.com/v1/items?page=2")
        << QByteArray("authority: api.example.com\naccept: application/json, text/plain, */*\n"
                      "accept-language: en-US,en;q=0.9\ncontent-type: application/json\n"
                      "cookie: sid=abc123; theme=dark\norigin: https://www.example.com\n"
                      "user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36\n")
        << QByteArray("{\"name\":\"Ada\",\"tags\":[\"a\",\"b\"]}") << QStringLiteral("c");
    // Chrome switches to $'...' when the value has a quote, a control character or '!'
    // (escapeStringPosix: \\ \' \n \r and \uXXXX), and writes cookies with -b since 117.
    QTest::newRow("Chrome bash: $'...' body with \\n, \\u0021 and an escaped quote; -b cookies")
        << QStringLiteral("curl 'http://127.0.0.1:8080/post' \\\n"
                          "  -b 'sid=abc; lang=de' \\\n"
                          "  -H 'Content-Type: text/plain' \\\n"
                          "  --data-raw $'it\\'s line one\\nline two\\u0021 caf\u00e9' \\\n"
                          "  --compressed")
        << QByteArray("POST") << QStringLiteral("http://127.0.0.1:8080/post")
        << QByteArray("Content-Type: text/plain\nCookie: sid=abc; lang=de\n")
        << QByteArray("it's line one\nline two! caf\xc3\xa9") << QStringLiteral("c");
    // Chrome DevTools, "Copy as cURL (cmd)": ^"...^" around every argument, \^" for a quote,
    // ^ before everything not alphanumeric, ^ and a line break between arguments.
    QTest::newRow("Chrome cmd: ^\"-quoted JSON POST with continuations")
        << QStringLiteral("curl ^\"https://api.example.com/v1/items?page=2^&sort=desc^\" ^\r\n"
                          "  -H ^\"accept: application/json^\" ^\r\n"
                          "  -H ^\"content-type: application/json^\" ^\r\n"
                          "  --data-raw ^\"^{^\\^\"name^\\^\":^\\^\"Ada Lovelace^\\^\",^\\^\"n^\\^\":1^}^\" ^\r\n"
                          "  --compressed")
        << QByteArray("POST") << QStringLiteral("https://api.example.com/v1/items?page=2&sort=desc")
        << QByteArray("accept: application/json\ncontent-type: application/json\n")
        << QByteArray("{\"name\":\"Ada Lovelace\",\"n\":1}") << QStringLiteral("c");
    // Chrome escapes % as ^%^ before a name character, and a quote inside a value as \^".
    QTest::newRow("Chrome cmd: ^%^2F in the URL, a quoted sec-ch-ua, -b cookies")
        << QStringLiteral("curl ^\"https://example.com/api/tz?zone=Asia^%^2FBerlin^&x=1^\" ^\r\n"
                          "  -H ^\"sec-ch-ua: ^\\^\"Google Chrome^\\^\";v=^\\^\"120^\\^\"^\" ^\r\n"
                          "  -b ^\"sid=abc; lang=de^\" ^\r\n"
                          "  --compressed")
        << QByteArray("GET") << QStringLiteral("https://example.com/api/tz?zone=Asia%2FBerlin&x=1")
        << QByteArray("sec-ch-ua: \"Google Chrome\";v=\"120\"\nCookie: sid=abc; lang=de\n") << QByteArray()
        << QStringLiteral("c");
    // Firefox's "Copy as cURL (Windows)" since 2023 writes curl.exe in the same ^" style.
    QTest::newRow("Firefox cmd: curl.exe with ^\" quoting")
        << QStringLiteral("curl.exe ^\"https://example.com/items?id=7^&t=1^\" ^\r\n"
                          "  -H ^\"Accept: application/json, text/plain, */*^\" ^\r\n"
                          "  -H ^\"Authorization: Bearer eyJ0eXAi.eyJleHAi.sig^\"")
        << QByteArray("GET") << QStringLiteral("https://example.com/items?id=7&t=1")
        << QByteArray("Accept: application/json, text/plain, */*\nAuthorization: Bearer eyJ0eXAi.eyJleHAi.sig\n")
        << QByteArray() << QString();
    QTest::newRow("Chrome cmd: a newline in the body is ^ and two line breaks")
        << QStringLiteral("curl ^\"http://h/post^\" ^\n  --data-raw ^\"a^\n\nb^\"")
        << QByteArray("POST") << QStringLiteral("http://h/post")
        << QByteArray("Content-Type: application/x-www-form-urlencoded\n") << QByteArray("a\nb") << QString();
    // Firefox, "Copy as cURL" (POSIX): one line, -X POST written out, every header.
    QTest::newRow("Firefox bash: form login, one line")
        << QStringLiteral("curl 'https://example.com/login' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:121.0) "
                          "Gecko/20100101 Firefox/121.0' -H 'Accept: */*' -H 'Accept-Language: en-US,en;q=0.5' "
                          "-H 'Accept-Encoding: gzip, deflate, br' -H 'Content-Type: application/x-www-form-urlencoded' "
                          "-H 'Origin: https://example.com' -H 'Connection: keep-alive' -H 'Cookie: a=1' "
                          "--data-raw 'user=ada&pass=x%26y'")
        << QByteArray("POST") << QStringLiteral("https://example.com/login")
        << QByteArray("User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0\nAccept: */*\n"
                      "Accept-Language: en-US,en;q=0.5\nAccept-Encoding: gzip, deflate, br\n"
                      "Content-Type: application/x-www-form-urlencoded\nOrigin: https://example.com\n"
                      "Connection: keep-alive\nCookie: a=1\n")
        << QByteArray("user=ada&pass=x%26y") << QString();
    // Postman's code snippet (cURL): --location first, --header, multi-line --data.
    QTest::newRow("Postman: --location, --header, multi-line --data")
        << QStringLiteral("curl --location 'https://postman-echo.com/post' \\\n"
                          "--header 'Content-Type: application/json' \\\n"
                          "--header 'Authorization: Bearer eyJhbGciOi.abc.def' \\\n"
                          "--data '{\n    \"x\": 1\n}'")
        << QByteArray("POST") << QStringLiteral("https://postman-echo.com/post")
        << QByteArray("Content-Type: application/json\nAuthorization: Bearer eyJhbGciOi.abc.def\n")
        << QByteArray("{\n    \"x\": 1\n}") << QStringLiteral("L");
    QTest::newRow("Postman (older): --request PUT and --data-raw")
        << QStringLiteral("curl --location --request PUT 'https://postman-echo.com/put' \\\n"
                          "--header 'Content-Type: text/plain' \\\n--data-raw 'hello'")
        << QByteArray("PUT") << QStringLiteral("https://postman-echo.com/put")
        << QByteArray("Content-Type: text/plain\n") << QByteArray("hello") << QStringLiteral("L");
    // The curl man page's examples.
    QTest::newRow("man page: -d twice is joined with &")
        << QStringLiteral("curl -d \"name=curl\" -d \"tool=cmdline\" https://example.com")
        << QByteArray("POST") << QStringLiteral("https://example.com")
        << QByteArray("Content-Type: application/x-www-form-urlencoded\n") << QByteArray("name=curl&tool=cmdline") << QString();
    QTest::newRow("man page: --data-urlencode forms")
        << QStringLiteral("curl --data-urlencode \"name=I am Daniel\" --data-urlencode '=a&b' --data-urlencode 'x y' https://example.com")
        << QByteArray("POST") << QStringLiteral("https://example.com")
        << QByteArray("Content-Type: application/x-www-form-urlencoded\n")
        << QByteArray("name=I%20am%20Daniel&a%26b&x%20y") << QString();
    QTest::newRow("man page: --json sets both headers")
        << QStringLiteral("curl --json '{\"drink\": \"coffe\"}' https://example.com")
        << QByteArray("POST") << QStringLiteral("https://example.com")
        << QByteArray("Accept: application/json\nContent-Type: application/json\n")
        << QByteArray("{\"drink\": \"coffe\"}") << QString();
    QTest::newRow("man page: -G moves the data into the query")
        << QStringLiteral("curl -G -d \"name=daniel\" -d 'x=1' 'https://example.com/s?q=a#top'")
        << QByteArray("GET") << QStringLiteral("https://example.com/s?q=a&name=daniel&x=1#top")
        << QByteArray() << QByteArray() << QString();
    QTest::newRow("man page: -u user:password is Basic")
        << QStringLiteral("curl -u name:passwd https://example.com")
        << QByteArray("GET") << QStringLiteral("https://example.com")
        << QByteArray("Authorization: Basic bmFtZTpwYXNzd2Q=\n") << QByteArray() << QString();
    QTest::newRow("man page: -I is HEAD")
        << QStringLiteral("curl -I https://example.com") << QByteArray("HEAD") << QStringLiteral("https://example.com")
        << QByteArray() << QByteArray() << QString();
    QTest::newRow("man page: -A, -e and -b strings")
        << QStringLiteral("curl -A \"Agent 007\" -e \"https://example.com/\" -b \"name=Daniel\" https://example.com")
        << QByteArray("GET") << QStringLiteral("https://example.com")
        << QByteArray("User-Agent: Agent 007\nReferer: https://example.com/\nCookie: name=Daniel\n") << QByteArray()
        << QString();
    // What people type.
    QTest::newRow("combined short flags -sSLk and -XPOST")
        << QStringLiteral("curl -sSLk -XPOST -d x=1 https://h/")
        << QByteArray("POST") << QStringLiteral("https://h/")
        << QByteArray("Content-Type: application/x-www-form-urlencoded\n") << QByteArray("x=1") << QStringLiteral("kL");
    QTest::newRow("--opt=value, --url and --insecure")
        << QStringLiteral("curl --request=DELETE --header='X-Id: 7' --url 'http://h/items/7' --insecure --location")
        << QByteArray("DELETE") << QStringLiteral("http://h/items/7") << QByteArray("X-Id: 7\n") << QByteArray()
        << QStringLiteral("kL");
    QTest::newRow("duplicate headers are kept in order")
        << QStringLiteral("curl http://h/ -H 'X-Dup: 1' -H 'X-Dup: 2' -H 'x-dup: 3'")
        << QByteArray("GET") << QStringLiteral("http://h/") << QByteArray("X-Dup: 1\nX-Dup: 2\nx-dup: 3\n") << QByteArray()
        << QString();
    QTest::newRow("-H 'Content-Type:' removes curl's own; -H 'X-Empty;' sends it empty")
        << QStringLiteral("curl http://h/ -H 'Content-Type:' -H 'X-Empty;' --data-binary ''")
        << QByteArray("POST") << QStringLiteral("http://h/") << QByteArray("X-Empty: \n") << QByteArray() << QString();
    QTest::newRow("double quotes: backslash escapes \" and $ only")
        << QStringLiteral("curl \"http://h/p?a=1&b=2\" -d \"say \\\"hi\\\" for \\$5 C:\\dir\"")
        << QByteArray("POST") << QStringLiteral("http://h/p?a=1&b=2")
        << QByteArray("Content-Type: application/x-www-form-urlencoded\n") << QByteArray("say \"hi\" for $5 C:\\dir") << QString();
    QTest::newRow("unquoted backslashes and a comment")
        << QStringLiteral("curl http://h/a\\ b -H X-A:\\ 1 # a comment -k")
        << QByteArray("GET") << QStringLiteral("http://h/a b") << QByteArray("X-A: 1\n") << QByteArray() << QString();
    QTest::newRow("ANSI-C escapes: hex, octal, \\u, \\U, \\c")
        << QStringLiteral("curl http://h/ --data-binary $'\\x7f\\377\\101\\u20ac\\U0001F600\\cA\\e\\q'")
        << QByteArray("POST") << QStringLiteral("http://h/")
        << QByteArray("Content-Type: application/x-www-form-urlencoded\n")
        << QByteArray("\x7f\xff" "A\xe2\x82\xac\xf0\x9f\x98\x80\x01\x1b\\q") << QString();
    QTest::newRow("-X wins over the data; --no-location undoes -L")
        << QStringLiteral("curl -L --no-location -X PATCH --data '{}' -H 'Content-Type: application/json' http://h/")
        << QByteArray("PATCH") << QStringLiteral("http://h/") << QByteArray("Content-Type: application/json\n")
        << QByteArray("{}") << QString();
    QTest::newRow("--oauth2-bearer and --max-redirs")
        << QStringLiteral("curl --oauth2-bearer tok123 -L --max-redirs 3 http://h/")
        << QByteArray("GET") << QStringLiteral("http://h/") << QByteArray("Authorization: Bearer tok123\n") << QByteArray()
        << QStringLiteral("L");
    QTest::newRow("a custom Authorization replaces -u")
        << QStringLiteral("curl -u a:b -H 'Authorization: Bearer x' http://h/")
        << QByteArray("GET") << QStringLiteral("http://h/") << QByteArray("Authorization: Bearer x\n") << QByteArray()
        << QString();
    QTest::newRow("curl.exe on one line with plain double quotes")
        << QStringLiteral("curl.exe -X POST \"http://h/p\" -H \"Content-Type: application/json\" -d \"{\\\"a\\\":1}\"")
        << QByteArray("POST") << QStringLiteral("http://h/p") << QByteArray("Content-Type: application/json\n")
        << QByteArray("{\"a\":1}") << QString();
    QTest::newRow("a pipe after the command ends it")
        << QStringLiteral("curl -s http://h/get | jq .")
        << QByteArray("GET") << QStringLiteral("http://h/get") << QByteArray() << QByteArray() << QString();
}

void TestCurlCommand::parses()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, method);
    QFETCH(QString, url);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, flags);
    const CurlCommand c = CurlCommand::parse(command);
    QVERIFY2(c.ok(), qPrintable(c.error));
    QCOMPARE(c.method, method);
    QCOMPARE(c.url, url);
    QCOMPARE(headerLines(c.headers), headers);
    QCOMPARE(c.body, body);
    QCOMPARE(c.hasBody, method == "POST" || method == "PUT" || method == "PATCH");
    QCOMPARE(c.insecure, flags.contains(u'k'));
    QCOMPARE(c.followRedirects, flags.contains(u'L'));
    QCOMPARE(c.compressed, flags.contains(u'c'));
}

void TestCurlCommand::warns_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("warning"); // a part of one of the warnings

    QTest::newRow("-d @file is not read") << QStringLiteral("curl -d @body.json http://h/") << QStringLiteral("-d @body.json reads a file");
    QTest::newRow("--data-binary @file") << QStringLiteral("curl --data-binary @blob http://h/") << QStringLiteral("--data-binary @blob");
    QTest::newRow("-T uploads a file") << QStringLiteral("curl -T up.txt http://h/") << QStringLiteral("-T up.txt uploads a file");
    QTest::newRow("-x proxy") << QStringLiteral("curl -x http://proxy:3128 http://h/") << QStringLiteral("--proxy is not applied");
    QTest::newRow("unknown long option") << QStringLiteral("curl --frobnicate http://h/") << QStringLiteral("unknown option --frobnicate");
    QTest::newRow("unknown short option") << QStringLiteral("curl -Z http://h/") << QStringLiteral("unknown option -Z");
    QTest::newRow("$VAR is not expanded") << QStringLiteral("curl -H \"Authorization: Bearer $TOKEN\" http://h/")
                                          << QStringLiteral("$TOKEN is kept as text");
    QTest::newRow("unterminated quote") << QStringLiteral("curl 'http://h/") << QStringLiteral("not closed");
    QTest::newRow("option without its value") << QStringLiteral("curl http://h/ -H") << QStringLiteral("-H needs a value");
    QTest::newRow("two URLs") << QStringLiteral("curl http://a/ http://b/") << QStringLiteral("only http://a/ is used");
    QTest::newRow("an unknown option's value is not the URL")
        << QStringLiteral("curl --frob 42 'https://h/x'") << QStringLiteral("only https://h/x is used");
    QTest::newRow("-K reads a config file") << QStringLiteral("curl -K my.cfg http://h/") << QStringLiteral("--config is not applied");
    QTest::newRow("-u without password") << QStringLiteral("curl -u ada http://h/") << QStringLiteral("has no password");
    QTest::newRow("cookie file") << QStringLiteral("curl -b cookies.txt http://h/") << QStringLiteral("names a cookie file");
    QTest::newRow("HTTP/2") << QStringLiteral("curl --http2 http://h/") << QStringLiteral("speaks HTTP/1.1");
    QTest::newRow("a NUL byte ends a $'...' quote") << QStringLiteral("curl http://h/ -d $'ab\\x00cd'")
                                                  << QStringLiteral("a NUL byte in $'...' ends the text there");
    QTest::newRow("a second command") << QStringLiteral("curl http://h/ && rm -rf x") << QStringLiteral("another command");
}

void TestCurlCommand::warns()
{
    QFETCH(QString, command);
    QFETCH(QString, warning);
    const CurlCommand c = CurlCommand::parse(command);
    QVERIFY2(c.ok(), qPrintable(c.error));
    QVERIFY2(c.warnings.join(u'\n').contains(warning), qPrintable(c.warnings.join(u'\n')));
    QCOMPARE(c.url.isEmpty(), false);
}

void TestCurlCommand::refusesWhatIsNotCurl_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("a URL") << QStringLiteral("http://example.com/");
    QTest::newRow("wget") << QStringLiteral("wget http://example.com/");
    QTest::newRow("curl without URL") << QStringLiteral("curl -sS -H 'A: b'");
    QTest::newRow("an empty URL") << QStringLiteral("curl '' -k");
    QTest::newRow("an empty cmd URL") << QStringLiteral("curl ^\"^\" -k");
    QTest::newRow("only quotes") << QStringLiteral("'''\"\"\"$'");
}

void TestCurlCommand::refusesWhatIsNotCurl()
{
    QFETCH(QString, text);
    const CurlCommand c = CurlCommand::parse(text);
    QVERIFY(!c.ok());
    QVERIFY(!c.error.isEmpty());
}

void TestCurlCommand::recognisesPastedCommands()
{
    QVERIFY(CurlCommand::looksLikeCurl(u"curl http://h/"));
    QVERIFY(CurlCommand::looksLikeCurl(u"  curl 'http://h/' \\\n -k"));
    QVERIFY(CurlCommand::looksLikeCurl(u"curl ^\"http://h/^\""));
    QVERIFY(CurlCommand::looksLikeCurl(u"CURL.EXE http://h/"));
    QVERIFY(!CurlCommand::looksLikeCurl(u"curl"));
    QVERIFY(!CurlCommand::looksLikeCurl(u"curling.example.com/"));
    QVERIFY(!CurlCommand::looksLikeCurl(u"http://h/?q=curl -k"));
}

void TestCurlCommand::readsFormParts()
{
    // The man page's -F, and Postman's quoted form values.
    const CurlCommand c = CurlCommand::parse(
        u"curl -F \"name=daniel\" -F \"file=@localfile;type=text/plain;filename=a.txt\" "
        u"--form 'note=\"semi;colon\"' --form 'doc=@\"/tmp/my file.pdf\"' --form-string 'raw=@not-a-file' https://example.com");
    QVERIFY(c.ok());
    QCOMPARE(c.method, QByteArray("POST"));
    QVERIFY(!c.hasBody);
    QCOMPARE(c.formParts.size(), 5);
    QCOMPARE(c.formParts[0].name, QStringLiteral("name"));
    QCOMPARE(c.formParts[0].value, QStringLiteral("daniel"));
    QCOMPARE(c.formParts[1].filePath, QStringLiteral("localfile"));
    QCOMPARE(c.formParts[1].contentType, QStringLiteral("text/plain"));
    QCOMPARE(c.formParts[1].fileName, QStringLiteral("a.txt"));
    QCOMPARE(c.formParts[2].value, QStringLiteral("semi;colon"));
    QCOMPARE(c.formParts[3].filePath, QStringLiteral("/tmp/my file.pdf"));
    QCOMPARE(c.formParts[4].value, QStringLiteral("@not-a-file"));
    QCOMPARE(c.headerValue("content-type"), QByteArray("multipart/form-data"));
    QVERIFY(c.warnings.join(u'\n').contains(QStringLiteral("sends a file")));
}

void TestCurlCommand::printfFeedsStandardInput()
{
    const CurlCommand c = CurlCommand::parse(
        u"printf '\\000\\001%%\\x41\\n' | curl http://h/ -H 'Content-Type:' --data-binary @-");
    QVERIFY(c.ok());
    QCOMPARE(c.body, QByteArray("\x00\x01%A\n", 5));
    QVERIFY(c.warnings.isEmpty());
    const CurlCommand noStdin = CurlCommand::parse(u"curl http://h/ --data-binary @-");
    QVERIFY(noStdin.warnings.join(u'\n').contains(QStringLiteral("@-")));
}

void TestCurlCommand::shellQuoteReadsBackThroughBash_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("plain") << QByteArray("hello world");
    QTest::newRow("quotes of both kinds") << QByteArray("it's \"quoted\" 'twice'");
    QTest::newRow("shell specials") << QByteArray("$HOME `id` $(id) \\ ! * ? ; & | > < # ~");
    QTest::newRow("newlines and tabs") << QByteArray("a\nb\r\nc\td");
    QTest::newRow("unicode") << QByteArray("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    QTest::newRow("bytes that are not UTF-8") << QByteArray("\xff\xfe\x80 abc \x1b[0m \x7f");
    QTest::newRow("hex digit after an escape") << QByteArray("\x01" "ab\x02" "9f");
}

void TestCurlCommand::shellQuoteReadsBackThroughBash()
{
    QFETCH(QByteArray, bytes);
    const QByteArray word = CurlCommand::shellQuote(bytes);
    // Our reader reads it back...
    const CurlCommand c = CurlCommand::parse(QString::fromUtf8("curl http://h/ --data-binary " + word));
    QCOMPARE(c.body, bytes);
    // ...and so does bash itself.
    QProcess bash;
    bash.start(QStringLiteral("/bin/bash"), {QStringLiteral("-c"), QString::fromUtf8("printf %s " + word)});
    QVERIFY2(bash.waitForFinished(10000), "bash did not run");
    QCOMPARE(bash.readAllStandardOutput(), bytes);
}

void TestCurlCommand::hostileTextNeverHangs()
{
    // Each ends in the middle of something; the reader stops at the end of the text.
    const QStringList texts = {QStringLiteral("curl $'\\x"), QStringLiteral("curl $'\\u"), QStringLiteral("curl \"\\"),
                               QStringLiteral("curl \\"), QStringLiteral("curl ^\"a^"), QStringLiteral("curl -"),
                               QStringLiteral("curl --=x http://h/"), QStringLiteral("curl -H"),
                               QStringLiteral("printf | curl"), QStringLiteral("curl -F = http://h/"),
                               QStringLiteral("curl -F 'a=\"unclosed' http://h/"), QStringLiteral("curl ^\r\n^")};
    for (const QString &text : texts) {
        const CurlCommand c = CurlCommand::parse(text);
        QVERIFY(c.ok() || !c.error.isEmpty());
    }
}

QTEST_APPLESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"

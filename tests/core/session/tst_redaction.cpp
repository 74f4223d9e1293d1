// One set of rules hides credentials in every export: header values and token-like query
// values, case-insensitively, extensible, with an explicit opt-out; in capture bytes the
// hidden bytes become '*' and no length changes.
#include "core/session/redaction.h"

#include <QtTest>

using namespace wirescope;

class TestRedaction : public QObject
{
    Q_OBJECT
private slots:
    void headHidesCredentialValuesByteForByte_data();
    void headHidesCredentialValuesByteForByte();
    void urlHidesTokenLikeQueryValues_data();
    void urlHidesTokenLikeQueryValues();
    void theUserCanAddNamesOrOptOut();
};

void TestRedaction::headHidesCredentialValuesByteForByte_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("masked");
    QTest::newRow("an Authorization value, whatever the name's case")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nauthorization:  Bearer abc \r\n\r\n")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nauthorization:  ********** \r\n\r\n");
    QTest::newRow("cookies both ways, other headers untouched")
        << QByteArray("HTTP/1.1 200 OK\r\nSet-Cookie: id=42; Path=/\r\nX-Key: k\r\n\r\n")
        << QByteArray("HTTP/1.1 200 OK\r\nSet-Cookie: *************\r\nX-Key: k\r\n\r\n");
    QTest::newRow("token-like values in the request target only")
        << QByteArray("GET /a?x=1&access_token=zz&Key=v2#f HTTP/1.1\r\nReferer: /b?token=t\r\n\r\n")
        << QByteArray("GET /a?x=1&access_token=**&Key=**#f HTTP/1.1\r\nReferer: /b?token=t\r\n\r\n");
    QTest::newRow("a status line is not a request target")
        << QByteArray("HTTP/1.1 302 Found?token=x HTTP/1.1\r\n\r\n")
        << QByteArray("HTTP/1.1 302 Found?token=x HTTP/1.1\r\n\r\n");
}

void TestRedaction::headHidesCredentialValuesByteForByte()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, masked);
    const QByteArray result = Redaction().maskHead(head);
    QCOMPARE(result, masked);
    QCOMPARE(result.size(), head.size());
}

void TestRedaction::urlHidesTokenLikeQueryValues_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("redacted");
    QTest::newRow("api_key and signature hidden, the rest kept")
        << QStringLiteral("https://h/p?api_key=1&q=a&signature=xyz#frag")
        << QStringLiteral("https://h/p?api_key=[redacted]&q=a&signature=[redacted]#frag");
    QTest::newRow("a percent-encoded name is still the name")
        << QStringLiteral("https://h/p?%74oken=1") << QStringLiteral("https://h/p?%74oken=[redacted]");
    QTest::newRow("no query, nothing to hide") << QStringLiteral("ws://h/chat") << QStringLiteral("ws://h/chat");
    QTest::newRow("a name without a value has nothing to hide")
        << QStringLiteral("http://h/?token&code=") << QStringLiteral("http://h/?token&code=[redacted]");
}

void TestRedaction::urlHidesTokenLikeQueryValues()
{
    QFETCH(QString, url);
    QFETCH(QString, redacted);
    QCOMPARE(Redaction().url(url), redacted);
}

void TestRedaction::theUserCanAddNamesOrOptOut()
{
    RedactionRules rules = RedactionRules::defaults();
    rules.headers << "X-Api-Key";
    rules.queryParameters << QStringLiteral("session_hint");
    const Redaction extended(rules);
    QCOMPARE(extended.headerValue("x-api-key", QStringLiteral("k")), QStringLiteral("[redacted]"));
    QCOMPARE(extended.url(QStringLiteral("/p?session_hint=3")), QStringLiteral("/p?session_hint=[redacted]"));
    QCOMPARE(extended.cookieValue(QStringLiteral("v")), QStringLiteral("[redacted]"));

    const Redaction none(RedactionRules::none());
    QCOMPARE(none.headerValue("Authorization", QStringLiteral("Basic x")), QStringLiteral("Basic x"));
    QCOMPARE(none.url(QStringLiteral("/p?token=1")), QStringLiteral("/p?token=1"));
    QCOMPARE(none.cookieValue(QStringLiteral("v")), QStringLiteral("v"));
    const QByteArray head("GET /?token=1 HTTP/1.1\r\nCookie: a=b\r\n\r\n");
    QCOMPARE(none.maskHead(head), head);
}

QTEST_MAIN(TestRedaction)
#include "tst_redaction.moc"

#include "core/session/cookiejar.h"

#include <QTest>

using namespace wirescope;

class TestCookieJar : public QObject
{
    Q_OBJECT
private slots:
    void sendsCookiesWhereTheyApply_data();
    void sendsCookiesWhereTheyApply();
    void rejectsForeignDomainsAndInsecureSecureCookies_data();
    void rejectsForeignDomainsAndInsecureSecureCookies();
    void expiryInThePastDeletes();
    void longerPathsComeFirst();
    void sameNameDomainPathReplaces();

private:
    const QDateTime m_now = QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC);
};

void TestCookieJar::sendsCookiesWhereTheyApply_data()
{
    QTest::addColumn<QByteArray>("setCookie");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("a host-only cookie goes back to its host")
        << QByteArray("sid=1") << QStringLiteral("http://example.com/") << QStringLiteral("http://example.com/x") << QByteArray("sid=1");
    QTest::newRow("a host-only cookie does not go to a subdomain")
        << QByteArray("sid=1") << QStringLiteral("http://example.com/") << QStringLiteral("http://a.example.com/") << QByteArray();
    QTest::newRow("a Domain cookie goes to subdomains")
        << QByteArray("sid=1; Domain=example.com") << QStringLiteral("http://www.example.com/") << QStringLiteral("http://api.example.com/") << QByteArray("sid=1");
    QTest::newRow("the default path is the request's directory")
        << QByteArray("sid=1") << QStringLiteral("http://h.test/app/login") << QStringLiteral("http://h.test/other") << QByteArray();
    QTest::newRow("a path matches below itself")
        << QByteArray("sid=1; Path=/app") << QStringLiteral("http://h.test/") << QStringLiteral("http://h.test/app/x") << QByteArray("sid=1");
    QTest::newRow("a path does not match a longer sibling")
        << QByteArray("sid=1; Path=/app") << QStringLiteral("http://h.test/") << QStringLiteral("http://h.test/application") << QByteArray();
    QTest::newRow("a Secure cookie is not sent over http")
        << QByteArray("sid=1; Secure") << QStringLiteral("https://h.test/") << QStringLiteral("http://h.test/") << QByteArray();
    QTest::newRow("a Secure cookie is sent over https")
        << QByteArray("sid=1; Secure") << QStringLiteral("https://h.test/") << QStringLiteral("https://h.test/") << QByteArray("sid=1");
    QTest::newRow("an expired cookie is not sent")
        << QByteArray("sid=1; Max-Age=0") << QStringLiteral("http://h.test/") << QStringLiteral("http://h.test/") << QByteArray();
    QTest::newRow("IP hosts match only exactly")
        << QByteArray("sid=1") << QStringLiteral("http://127.0.0.1:8080/") << QStringLiteral("http://127.0.0.1:9090/") << QByteArray("sid=1");
}

void TestCookieJar::sendsCookiesWhereTheyApply()
{
    QFETCH(QByteArray, setCookie);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QByteArray, expected);
    CookieJar jar;
    QVERIFY(jar.setCookieFromHeader(setCookie, QUrl(from), m_now));
    QCOMPARE(jar.cookieHeaderFor(QUrl(to), m_now), expected);
}

void TestCookieJar::rejectsForeignDomainsAndInsecureSecureCookies_data()
{
    QTest::addColumn<QByteArray>("setCookie");
    QTest::addColumn<QString>("from");
    QTest::newRow("a Domain the host is not in") << QByteArray("a=1; Domain=other.com") << QStringLiteral("http://example.com/");
    QTest::newRow("a top-level Domain") << QByteArray("a=1; Domain=com") << QStringLiteral("http://example.com/");
    QTest::newRow("a Secure cookie set over http") << QByteArray("a=1; Secure") << QStringLiteral("http://example.com/");
}

void TestCookieJar::rejectsForeignDomainsAndInsecureSecureCookies()
{
    QFETCH(QByteArray, setCookie);
    QFETCH(QString, from);
    CookieJar jar;
    QVERIFY(!jar.setCookieFromHeader(setCookie, QUrl(from), m_now));
    QVERIFY(jar.cookies().isEmpty());
}

void TestCookieJar::expiryInThePastDeletes()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("http://h.test/"));
    jar.setCookieFromHeader("a=1; Expires=Wed, 21 Oct 2099 07:28:00 GMT", url, m_now);
    QCOMPARE(jar.cookieHeaderFor(url, m_now), QByteArray("a=1"));
    jar.setCookieFromHeader("a=gone; Expires=Wed, 21 Oct 2015 07:28:00 GMT", url, m_now);
    QCOMPARE(jar.cookieHeaderFor(url, m_now), QByteArray());
    QVERIFY(jar.cookies().isEmpty());
    // A session cookie with Max-Age expires with time.
    jar.setCookieFromHeader("b=2; Max-Age=60", url, m_now);
    QCOMPARE(jar.cookieHeaderFor(url, m_now.addSecs(30)), QByteArray("b=2"));
    QCOMPARE(jar.cookieHeaderFor(url, m_now.addSecs(61)), QByteArray());
}

void TestCookieJar::longerPathsComeFirst()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("http://h.test/a/b/c"));
    jar.setCookieFromHeader("root=1; Path=/", url, m_now);
    jar.setCookieFromHeader("deep=2; Path=/a/b", url, m_now);
    QCOMPARE(jar.cookieHeaderFor(url, m_now), QByteArray("deep=2; root=1"));
}

void TestCookieJar::sameNameDomainPathReplaces()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("http://h.test/"));
    jar.setCookieFromHeader("a=1", url, m_now);
    jar.setCookieFromHeader("a=2", url, m_now);
    QCOMPARE(jar.cookies().size(), 1);
    QCOMPARE(jar.cookieHeaderFor(url, m_now), QByteArray("a=2"));
}

QTEST_GUILESS_MAIN(TestCookieJar)
#include "tst_cookiejar.moc"

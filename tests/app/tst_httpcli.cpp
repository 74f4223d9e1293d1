// Runs the built `wirescope-cli http` against the demo server and checks its options and its
// JSON object (docs/cli-http.md). What both commands share is tested in tst_clicontract.
#include "tests/app/clirun.h"
#include "tests/peers/demopeer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace wirescope::test;

namespace {

CliRun runHttp(const QStringList &arguments)
{
    return runCli(QStringList{QStringLiteral("http")} + arguments);
}

} // namespace

class TestHttpCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void jsonTimesAreIntegerNanosecondsOnTheSessionClock();
    void anHttpErrorStatusIsACompletedExchange();
    void maxTimeIsSecondsAsInCurl();
    void redirectsCarryTheirOwnStamps();
    void repeatStatisticsAreNanoseconds();
    void textOutputGoesToStderrAndTheBodyToStdout();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void helpNamesTheCommand();
    void aCurlCommandIsTheRequest();

private:
    QString url(const QString &path) const { return m_demo.httpUrl(path).toString(); }
    DemoPeer m_demo;
};

void TestHttpCli::initTestCase()
{
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
}

void TestHttpCli::jsonTimesAreIntegerNanosecondsOnTheSessionClock()
{
    const CliRun run = runHttp({QStringLiteral("--json"), url(QStringLiteral("/get"))});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = run.object();
    QCOMPARE(o[u"format_version"].toInt(), 2);
    QVERIFY(QDateTime::fromString(o[u"started_at"].toString(), Qt::ISODateWithMs).isValid());
    const qint64 start = o[u"start_ns"].toInteger();
    const qint64 end = o[u"end_ns"].toInteger();
    QVERIFY(0 <= start && start < end);
    // HAR 1.2: the phases tile the exchange, here in whole nanoseconds.
    const QJsonObject t = o[u"timings"].toObject();
    qint64 sum = 0;
    for (const char *phase : {"blocked", "dns", "connect", "send", "wait", "receive"}) {
        const QJsonValue v = t.value(QLatin1String(phase));
        QVERIFY2(v.isDouble() && v.toDouble() == double(v.toInteger()), phase);
        sum += std::max<qint64>(0, v.toInteger());
    }
    QCOMPARE(sum, t[u"total"].toInteger());
    QVERIFY(t[u"total"].toInteger() <= end - start);
    QCOMPARE(t[u"ssl"].toInteger(), -1);
    QCOMPARE(o[u"request"].toObject()[u"headers"].toArray().first().toObject()[u"name"].toString(), QStringLiteral("Host"));
    QVERIFY(o[u"error"].isNull());
}

void TestHttpCli::anHttpErrorStatusIsACompletedExchange()
{
    const CliRun run = runHttp({QStringLiteral("--json"), url(QStringLiteral("/status/503"))});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.object()[u"response"].toObject()[u"status"].toInt(), 503);
    QVERIFY(run.object()[u"error"].isNull());
}

void TestHttpCli::maxTimeIsSecondsAsInCurl()
{
    // -m 0.3 is 300 ms (version 1 read it as 0.3 ms): the exchange is cut after the
    // connection was made, before the server's answer (it waits 2 s).
    const CliRun run = runHttp({QStringLiteral("--json"), QStringLiteral("-m"), QStringLiteral("0.3"), url(QStringLiteral("/delay/2"))});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject o = run.object();
    const QJsonObject error = o[u"error"].toObject();
    QCOMPARE(error[u"id"].toString(), QStringLiteral("timeout.total"));
    QCOMPARE(error[u"class"].toString(), QStringLiteral("incomplete"));
    QVERIFY2(error[u"message"].toString().contains(u"300 ms"), qPrintable(error[u"message"].toString()));
    QVERIFY(o[u"connection"].toObject()[u"local_port"].toInt() > 0);
    QVERIFY(o[u"response"].isNull());
}

void TestHttpCli::redirectsCarryTheirOwnStamps()
{
    const CliRun run = runHttp({QStringLiteral("--json"), QStringLiteral("-L"), url(QStringLiteral("/redirect/2"))});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = run.object();
    const QJsonArray redirects = o[u"redirects"].toArray();
    QCOMPARE(redirects.size(), 2);
    qint64 previousEnd = o[u"start_ns"].toInteger();
    for (const QJsonValue &r : redirects) {
        const qint64 start = r.toObject()[u"start_ns"].toInteger();
        const qint64 end = r.toObject()[u"end_ns"].toInteger();
        QVERIFY(previousEnd <= start && start < end);
        QCOMPARE(r.toObject()[u"status"].toInt(), 302);
        previousEnd = end;
    }
    QVERIFY(previousEnd <= o[u"end_ns"].toInteger());
}

void TestHttpCli::repeatStatisticsAreNanoseconds()
{
    const CliRun run = runHttp({QStringLiteral("--json"), QStringLiteral("--repeat"), QStringLiteral("4"), url(QStringLiteral("/get"))});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject repeat = run.object()[u"repeat"].toObject();
    QCOMPARE(repeat[u"count"].toInt(), 4);
    QCOMPARE(repeat[u"completed"].toInt(), 4);
    const QJsonObject timings = repeat[u"timings"].toObject();
    QCOMPARE(timings[u"connect"].toObject()[u"count"].toInt(), 1); // keep-alive: one connection
    QVERIFY(timings[u"dns"].isNull());                              // an IP literal is not looked up
    const QJsonObject total = timings[u"total"].toObject();
    QVERIFY(0 < total[u"min"].toInteger());
    QVERIFY(total[u"min"].toInteger() <= total[u"median"].toInteger());
    QVERIFY(total[u"median"].toInteger() <= total[u"p99"].toInteger());
    QCOMPARE(total[u"p99"].toDouble(), double(total[u"p99"].toInteger()));
}

void TestHttpCli::textOutputGoesToStderrAndTheBodyToStdout()
{
    const CliRun run = runHttp({QStringLiteral("--repeat"), QStringLiteral("2"), url(QStringLiteral("/bytes/16"))});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.stdoutBytes.size(), 16);
    QVERIFY(run.stderrText.contains("> GET /bytes/16 HTTP/1.1"));
    QVERIFY(run.stderrText.contains("* repeat: 2 exchanges, 2 completed"));
}

void TestHttpCli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QTest::newRow("no URL") << QStringList();
    QTest::newRow("an unknown option") << QStringList{s("--bogus"), s("http://127.0.0.1:1/")};
    QTest::newRow("a max time that is not a number") << QStringList{s("-m"), s("5ms"), s("http://127.0.0.1:1/")};
    QTest::newRow("a negative connect timeout") << QStringList{s("--connect-timeout"), s("-2"), s("http://127.0.0.1:1/")};
    QTest::newRow("a proxy that is not http or socks5") << QStringList{s("-x"), s("ftp://p:1"), s("http://127.0.0.1:1/")};
    QTest::newRow("a repeat of 0") << QStringList{s("--repeat"), s("0"), s("http://127.0.0.1:1/")};
    QTest::newRow("--curl and a URL") << QStringList{s("--curl"), s("curl http://127.0.0.1:1/"), s("http://127.0.0.1:1/")};
    QTest::newRow("--curl and -d") << QStringList{s("--curl"), s("curl http://127.0.0.1:1/"), s("-d"), s("x")};
    QTest::newRow("--curl that is not curl") << QStringList{s("--curl"), s("wget http://127.0.0.1:1/")};
}

void TestHttpCli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    const CliRun run = runHttp(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.stdoutBytes.isEmpty());
    QVERIFY2(run.stderrText.startsWith("wirescope-cli http: "), run.stderrText.constData());
}

void TestHttpCli::helpNamesTheCommand()
{
    const CliRun run = runHttp({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.stdoutBytes.startsWith("Usage: wirescope-cli http [options] URL"), run.stdoutBytes.constData());
    for (const char *option : {"-k, --insecure", "-m, --max-time <SECONDS>", "--connect-timeout <SECONDS>", "-x, --proxy <URL>"})
        QVERIFY2(run.stdoutBytes.contains(option), option);
}

void TestHttpCli::aCurlCommandIsTheRequest()
{
    const QString command = QStringLiteral("curl '%1' -H 'X-From: curl' -u ada:pw --json '{\"a\": 1}' -T up.bin")
                                .arg(url(QStringLiteral("/anything?x=1")));
    const CliRun run = runHttp({QStringLiteral("--json"), QStringLiteral("-H"), QStringLiteral("X-Extra: cli"),
                                QStringLiteral("--curl"), command});
    QCOMPARE(run.exitCode, 0);
    // What the command asked that cannot be done is said on stderr; stdout stays the contract.
    QVERIFY2(run.stderrText.contains("wirescope-cli http: --curl: -T up.bin uploads a file"), run.stderrText.constData());
    const QJsonObject echo
        = QJsonDocument::fromJson(run.object()[u"response"].toObject()[u"body_text"].toString().toUtf8()).object();
    QCOMPARE(echo[u"method"].toString(), QStringLiteral("POST"));
    QCOMPARE(echo[u"url"].toString(), url(QStringLiteral("/anything?x=1")));
    QCOMPARE(echo[u"body"].toString(), QStringLiteral("{\"a\": 1}"));
    QStringList headers;
    for (const QJsonValue &h : echo[u"headers"].toArray())
        headers << h.toArray()[0].toString() + QStringLiteral(": ") + h.toArray()[1].toString();
    for (const char *expected : {"X-From: curl", "X-Extra: cli", "Accept: application/json", "Content-Type: application/json",
                                 "Authorization: Basic YWRhOnB3"})
        QVERIFY2(headers.contains(QLatin1String(expected)), qPrintable(headers.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestHttpCli)
#include "tst_httpcli.moc"

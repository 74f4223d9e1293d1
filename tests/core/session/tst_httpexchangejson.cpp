#include "core/session/httpexchangejson.h"
#include "core/session/httpexchangetext.h"
#include "core/session/sessionclock.h"
#include "core/wire/httpresponseparser.h"
#include "core/wire/variables.h"

#include <QJsonArray>
#include <QTest>

using namespace wirescope;

namespace {

HttpHop makeHop(const QByteArray &responseBytes, const QString &url)
{
    HttpHop hop;
    HttpRequest r;
    r.setUrl(url);
    hop.request = prepareRequest(r, {}, {});
    hop.request.headers = {{"Host", "h"}, {"X-Dup", "1"}, {"X-Dup", "2"}};
    hop.requestBytes = "GET / HTTP/1.1\r\nHost: h\r\nX-Dup: 1\r\nX-Dup: 2\r\n\r\n";
    HttpResponseParser parser;
    parser.reset("GET", 0);
    parser.feed(responseBytes);
    hop.response = parser.response();
    hop.response.decodedBody = hop.response.body;
    hop.responseBytes = responseBytes;
    hop.complete = true;
    // 0.1 ms blocked, 0.2 dns, 0.3 connect, 0.05 send, 0.4 wait, 0.15 receive.
    PhaseTimings &t = hop.timings;
    t.startNs = 1'000'000;
    t.dnsStartNs = 1'100'000;
    t.dnsEndNs = 1'300'000;
    t.connectStartNs = 1'300'000;
    t.connectEndNs = 1'600'000;
    t.sendStartNs = 1'600'000;
    t.sendEndNs = 1'650'000;
    t.firstByteNs = 2'050'000;
    t.lastByteNs = 2'200'000;
    hop.connection.id = 3;
    hop.connection.remoteAddress = QStringLiteral("127.0.0.1");
    hop.connection.remotePort = 8080;
    return hop;
}

} // namespace

class TestHttpExchangeJson : public QObject
{
    Q_OBJECT
private slots:
    void encodesTheContractFields();
    void carriesTheVersionAndTheSessionClock();
    void phasesAddUpToTheTotal();
    void binaryBodiesAreBase64();
    void redirectsAndErrorsAreListed();
    void statisticsUseNearestRank_data();
    void statisticsUseNearestRank();
    void repeatStatisticsAreNanoseconds();
    void textLooksLikeCurlVerbose();
};

void TestHttpExchangeJson::encodesTheContractFields()
{
    HttpExchangeRecord record;
    record.hops.append(makeHop("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello",
                               QStringLiteral("http://h/")));
    const QJsonObject o = httpExchangeToJson(record, SessionClock());
    const QJsonObject request = o.value(QStringLiteral("request")).toObject();
    QCOMPARE(request.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
    QCOMPARE(request.value(QStringLiteral("url")).toString(), QStringLiteral("http://h/"));
    const QJsonArray headers = request.value(QStringLiteral("headers")).toArray();
    QCOMPARE(headers.size(), 3);
    QCOMPARE(headers.at(2).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("X-Dup"));
    QCOMPARE(headers.at(2).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("2"));
    QCOMPARE(request.value(QStringLiteral("body_size")).toInt(), 0);
    const QJsonObject response = o.value(QStringLiteral("response")).toObject();
    QCOMPARE(response.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(response.value(QStringLiteral("reason")).toString(), QStringLiteral("OK"));
    QCOMPARE(response.value(QStringLiteral("http_version")).toString(), QStringLiteral("HTTP/1.1"));
    QCOMPARE(response.value(QStringLiteral("body_size")).toInt(), 5);
    QCOMPARE(response.value(QStringLiteral("encoded_size")).toInt(), 5);
    QCOMPARE(response.value(QStringLiteral("body_text")).toString(), QStringLiteral("hello"));
    QCOMPARE(response.value(QStringLiteral("framing")).toString(), QStringLiteral("content-length"));
    QCOMPARE(response.value(QStringLiteral("headers")).toArray().first().toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Content-Type"));
    const QJsonObject connection = o.value(QStringLiteral("connection")).toObject();
    QCOMPARE(connection.value(QStringLiteral("reused")).toBool(), false);
    QCOMPARE(connection.value(QStringLiteral("remote_address")).toString(), QStringLiteral("127.0.0.1"));
    QVERIFY(connection.value(QStringLiteral("tls")).isNull());
    QVERIFY(o.value(QStringLiteral("error")).isNull());
    QCOMPARE(o.value(QStringLiteral("redirects")).toArray().size(), 0);
}

void TestHttpExchangeJson::carriesTheVersionAndTheSessionClock()
{
    HttpExchangeRecord record;
    record.startNs = 900'000;
    record.endNs = 2'300'000;
    record.hops.append(makeHop("HTTP/1.1 302 Found\r\nLocation: /next\r\nContent-Length: 0\r\n\r\n", QStringLiteral("http://h/")));
    record.hops.append(makeHop("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", QStringLiteral("http://h/next")));
    const SessionClock clock;
    const QJsonObject o = httpExchangeToJson(record, clock);
    QCOMPARE(o.value(QStringLiteral("format_version")).toInt(), 2);
    QCOMPARE(QDateTime::fromString(o.value(QStringLiteral("started_at")).toString(), Qt::ISODateWithMs), clock.wallAnchor());
    QCOMPARE(o.value(QStringLiteral("start_ns")).toInteger(), 900'000);
    QCOMPARE(o.value(QStringLiteral("end_ns")).toInteger(), 2'300'000);
    const QJsonObject redirect = o.value(QStringLiteral("redirects")).toArray().first().toObject();
    QCOMPARE(redirect.value(QStringLiteral("start_ns")).toInteger(), 1'000'000);
    QCOMPARE(redirect.value(QStringLiteral("end_ns")).toInteger(), 2'200'000);
    QCOMPARE(redirect.value(QStringLiteral("timings")).toObject().value(QStringLiteral("total")).toInteger(), 1'200'000);
}

void TestHttpExchangeJson::phasesAddUpToTheTotal()
{
    HttpExchangeRecord record;
    record.hops.append(makeHop("HTTP/1.1 204 No Content\r\n\r\n", QStringLiteral("http://h/")));
    const QJsonObject t = httpExchangeToJson(record, SessionClock()).value(QStringLiteral("timings")).toObject();
    QCOMPARE(t.value(QStringLiteral("blocked")).toInteger(), 100'000);
    QCOMPARE(t.value(QStringLiteral("dns")).toInteger(), 200'000);
    QCOMPARE(t.value(QStringLiteral("connect")).toInteger(), 300'000);
    QCOMPARE(t.value(QStringLiteral("ssl")).toInteger(), -1);
    QCOMPARE(t.value(QStringLiteral("send")).toInteger(), 50'000);
    QCOMPARE(t.value(QStringLiteral("wait")).toInteger(), 400'000);
    QCOMPARE(t.value(QStringLiteral("receive")).toInteger(), 150'000);
    QCOMPARE(t.value(QStringLiteral("total")).toInteger(), 1'200'000);
    const PhaseTimings &p = record.hops.first().timings;
    QCOMPARE(p.blockedNs() + p.dnsNs() + p.connectNs() + p.sendNs() + p.waitNs() + p.receiveNs(), p.totalNs());
}

void TestHttpExchangeJson::binaryBodiesAreBase64()
{
    HttpExchangeRecord record;
    record.hops.append(makeHop(QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n\xff\x00\x01", 41), QStringLiteral("http://h/")));
    const QJsonObject response = httpExchangeToJson(record, SessionClock()).value(QStringLiteral("response")).toObject();
    QVERIFY(!response.contains(QStringLiteral("body_text")));
    QCOMPARE(response.value(QStringLiteral("body_base64")).toString(), QStringLiteral("/wAB"));
}

void TestHttpExchangeJson::redirectsAndErrorsAreListed()
{
    HttpExchangeRecord record;
    record.hops.append(makeHop("HTTP/1.1 302 Found\r\nLocation: /next\r\nContent-Length: 0\r\n\r\n", QStringLiteral("http://h/")));
    record.hops.append(makeHop("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", QStringLiteral("http://h/next")));
    record.error = Failure::of(failures::TimeoutTotal, QStringLiteral("5 ms"));
    const QJsonObject o = httpExchangeToJson(record, SessionClock());
    const QJsonArray redirects = o.value(QStringLiteral("redirects")).toArray();
    QCOMPARE(redirects.size(), 1);
    QCOMPARE(redirects.first().toObject().value(QStringLiteral("status")).toInt(), 302);
    QCOMPARE(redirects.first().toObject().value(QStringLiteral("location")).toString(), QStringLiteral("/next"));
    QCOMPARE(o.value(QStringLiteral("request")).toObject().value(QStringLiteral("url")).toString(), QStringLiteral("http://h/next"));
    QCOMPARE(o.value(QStringLiteral("error")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("timeout.total"));
    QCOMPARE(o.value(QStringLiteral("error")).toObject().value(QStringLiteral("class")).toString(), QStringLiteral("incomplete"));

    HttpExchangeRecord nothingSent;
    nothingSent.request.setUrl(QStringLiteral("http://{{host}}/"));
    nothingSent.error = Failure::of(failures::UnresolvedVariables, QStringLiteral("host"));
    const QJsonObject n = httpExchangeToJson(nothingSent, SessionClock());
    QVERIFY(n.value(QStringLiteral("response")).isNull());
    QCOMPARE(n.value(QStringLiteral("request")).toObject().value(QStringLiteral("url")).toString(), QStringLiteral("http://{{host}}/"));
}

void TestHttpExchangeJson::statisticsUseNearestRank_data()
{
    QTest::addColumn<QList<qint64>>("values");
    QTest::addColumn<qint64>("min");
    QTest::addColumn<qint64>("median");
    QTest::addColumn<qint64>("p99");
    QTest::newRow("one value is every statistic") << QList<qint64>{2500} << qint64(2500) << qint64(2500) << qint64(2500);
    QTest::newRow("phases that did not apply are skipped") << QList<qint64>{-1, 3, 1, -1, 2} << qint64(1) << qint64(2) << qint64(3);
    QList<qint64> hundred;
    for (int i = 100; i >= 1; --i)
        hundred.append(i);
    QTest::newRow("p99 of 1..100 is 99") << hundred << qint64(1) << qint64(50) << qint64(99);
}

void TestHttpExchangeJson::statisticsUseNearestRank()
{
    QFETCH(QList<qint64>, values);
    QFETCH(qint64, min);
    QFETCH(qint64, median);
    QFETCH(qint64, p99);
    const PhaseStatistics s = phaseStatistics(values);
    QCOMPARE(s.min, min);
    QCOMPARE(s.median, median);
    QCOMPARE(s.p99, p99);
}

void TestHttpExchangeJson::repeatStatisticsAreNanoseconds()
{
    PhaseDurations fresh;
    fresh.connect = 300'000;
    fresh.total = 1'000'000;
    PhaseDurations reused;
    reused.total = 400'000;
    const QJsonObject stats = phaseStatisticsToJson({fresh, reused, reused});
    QVERIFY(stats.value(QStringLiteral("dns")).isNull());
    QCOMPARE(stats.value(QStringLiteral("connect")).toObject().value(QStringLiteral("count")).toInt(), 1);
    const QJsonObject total = stats.value(QStringLiteral("total")).toObject();
    QCOMPARE(total.value(QStringLiteral("min")).toInteger(), 400'000);
    QCOMPARE(total.value(QStringLiteral("median")).toInteger(), 400'000);
    QCOMPARE(total.value(QStringLiteral("p99")).toInteger(), 1'000'000);
    QCOMPARE(total.value(QStringLiteral("count")).toInt(), 3);
    QVERIFY(phaseStatisticsText(4, {fresh, reused, reused}).contains(QStringLiteral("* repeat: 4 exchanges, 3 completed")));
}

void TestHttpExchangeJson::textLooksLikeCurlVerbose()
{
    HttpExchangeRecord record;
    record.hops.append(makeHop("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", QStringLiteral("http://h/")));
    const QString text = httpExchangeHeadText(record);
    QVERIFY(text.contains(QStringLiteral("> GET / HTTP/1.1\n> Host: h\n> X-Dup: 1\n> X-Dup: 2\n>\n")));
    QVERIFY(text.contains(QStringLiteral("< HTTP/1.1 200 OK\n< Content-Length: 0\n<\n")));
    QVERIFY(text.contains(QStringLiteral("* timings: blocked 0.100 ms | dns 0.200 ms | connect 0.300 ms (ssl -)")));
}

QTEST_GUILESS_MAIN(TestHttpExchangeJson)
#include "tst_httpexchangejson.moc"

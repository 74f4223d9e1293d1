// Recorded vs replayed as values (docs/replay.md): the ignore rules a user types, what the
// comparison reports for an exchange and a WebSocket conversation, and the three report forms.
#include "core/session/replaycomparison.h"
#include "core/session/replayignorerules.h"
#include "core/session/replayplan.h"
#include "core/session/replayreport.h"
#include "tests/support/strings.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QXmlStreamReader>

using namespace wirescope;
using wirescope::test::strings;

Q_DECLARE_METATYPE(wirescope::ReplayWsConversation)

namespace {

HttpExchangeRecord exchange(int status, QList<QPair<QByteArray, QByteArray>> headers, const QByteArray &body)
{
    HttpExchangeRecord r;
    HttpHop hop;
    hop.complete = true;
    hop.response.status = status;
    for (const auto &[name, value] : headers)
        hop.response.headers.append({name, value, {}, -1});
    hop.response.decodedBody = body;
    r.hops.append(hop);
    return r;
}

QStringList described(const QList<ReplayDifference> &differences)
{
    QStringList out;
    for (const ReplayDifference &d : differences)
        out << QStringLiteral("%1: %2 -> %3%4")
                   .arg(d.where(), d.recorded.value_or(QStringLiteral("-")), d.replayed.value_or(QStringLiteral("-")),
                        d.ignored() ? QStringLiteral(" [") + d.ignoredBy + u']' : QString());
    return out;
}

ReplayIgnoreRules rules(const QStringList &texts)
{
    ReplayIgnoreRules r;
    for (const QString &t : texts) {
        QString error;
        if (!r.add(t, &error))
            qFatal("%s", qPrintable(error));
    }
    return r;
}

ReplayWsConversation conversation(QList<QPair<Direction, QByteArray>> messages, std::optional<quint16> close)
{
    ReplayWsConversation c;
    c.handshakeStatus = 101;
    for (const auto &[direction, payload] : messages)
        c.messages.append({direction, false, payload, 0});
    if (close) {
        auto record = std::make_shared<WsCloseRecord>();
        record->code = *close;
        c.close = record;
    }
    return c;
}

} // namespace

class TestReplayComparison : public QObject
{
    Q_OBJECT
private slots:
    void badRulesAreRefusedWithAReason_data();
    void badRulesAreRefusedWithAReason();
    void exchangesDifferAsUsersReadThem_data();
    void exchangesDifferAsUsersReadThem();
    void aFailedSideIsComparedByItsFailure();
    void conversationsCompareMessagesInOrderAndTheClose_data();
    void conversationsCompareMessagesInOrderAndTheClose();
    void reportsSayTheSameInJsonAndJUnit();
    void retargetingKeepsPathAndQuery_data();
    void retargetingKeepsPathAndQuery();
};

void TestReplayComparison::badRulesAreRefusedWithAReason_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no kind") << "Date" << "ignore rule 'Date': expected header:NAME, json:PATH or regex:RE";
    QTest::newRow("unknown kind") << "body:x" << "unknown kind 'body' (header, json or regex)";
    QTest::newRow("kinds are lower case") << "Header:Date" << "unknown kind 'Header'";
    QTest::newRow("empty header") << "header:" << "'' is not a header name";
    QTest::newRow("header with a space") << "header:X Y" << "'X Y' is not a header name (RFC 9110 §5.1 token)";
    QTest::newRow("header with a colon") << "header:Date:" << "'Date:' is not a header name";
    QTest::newRow("non-ASCII header") << "header:Dätum" << "is not a header name";
    QTest::newRow("json without $") << "json:id" << "ignore rule 'json:id': a JSON path starts with '$'";
    QTest::newRow("json recursive") << "json:$..id" << "recursive descent";
    QTest::newRow("empty regex") << "regex:" << "the regular expression is empty";
    QTest::newRow("broken regex") << "regex:(a" << "ignore rule 'regex:(a': missing closing parenthesis at character 3";
}

void TestReplayComparison::badRulesAreRefusedWithAReason()
{
    QFETCH(QString, rule);
    QFETCH(QString, reason);
    ReplayIgnoreRules r;
    QString error;
    QVERIFY(!r.add(rule, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(r.rules().isEmpty());
}

void TestReplayComparison::exchangesDifferAsUsersReadThem_data()
{
    QTest::addColumn<HttpExchangeRecord>("recorded");
    QTest::addColumn<HttpExchangeRecord>("replayed");
    QTest::addColumn<QStringList>("ignore");
    QTest::addColumn<QStringList>("expected");
    const HttpExchangeRecord base = exchange(200, {{"Date", "Mon, 07 Dec 2026 10:00:00 GMT"}, {"Content-Type", "application/json"}},
                                             R"({"id":1,"items":[{"ts":5,"n":"a"}]})");
    QTest::newRow("the same") << base << base << QStringList{} << QStringList{};
    QTest::newRow("Date counts unless ignored")
        << base
        << exchange(200, {{"date", "Mon, 07 Dec 2026 10:00:01 GMT"}, {"Content-Type", "application/json"}},
                    R"({"id":1,"items":[{"ts":5,"n":"a"}]})")
        << QStringList{} << strings({"header Date: Mon, 07 Dec 2026 10:00:00 GMT -> Mon, 07 Dec 2026 10:00:01 GMT"});
    QTest::newRow("header rule, any case")
        << base
        << exchange(200, {{"Date", "x"}, {"Content-Type", "application/json"}}, R"({"id":1,"items":[{"ts":5,"n":"a"}]})")
        << strings({"header:date"}) << strings({"header Date: Mon, 07 Dec 2026 10:00:00 GMT -> x [header:date]"});
    QTest::newRow("status, a new header, a removed one")
        << exchange(200, {{"A", "1"}}, "") << exchange(404, {{"B", "2"}}, "") << QStringList{}
        << strings({"status: 200 -> 404", "header A: 1 -> -", "header B: - -> 2"});
    QTest::newRow("repeated headers are one list")
        << exchange(200, {{"Set-Cookie", "a=1"}, {"Set-Cookie", "b=2"}}, "")
        << exchange(200, {{"Set-Cookie", "a=1"}, {"set-cookie", "b=3"}}, "") << QStringList{}
        << strings({"header Set-Cookie: a=1, b=2 -> a=1, b=3"});
    QTest::newRow("JSON bodies by path, one ignored with a wildcard")
        << base
        << exchange(200, {{"Date", "Mon, 07 Dec 2026 10:00:00 GMT"}, {"Content-Type", "application/json"}},
                    R"({"id":2,"items":[{"ts":6,"n":"b"}]})")
        << strings({"json:$.items[*].ts"})
        << strings({"body $.id: 1 -> 2", "body $.items[0].n: \"a\" -> \"b\"", "body $.items[0].ts: 5 -> 6 [json:$.items[*].ts]"});
    QTest::newRow("JSON written differently is the same")
        << exchange(200, {}, R"({"a":1,"b":2})") << exchange(200, {}, "{ \"b\": 2,\n \"a\": 1 }") << QStringList{}
        << QStringList{};
    QTest::newRow("text bodies are one difference")
        << exchange(200, {}, "hello 12:00") << exchange(200, {}, "hello 12:01") << QStringList{}
        << strings({"body: hello 12:00 -> hello 12:01"});
    QTest::newRow("a regex masks volatile text")
        << exchange(200, {}, "hello 12:00") << exchange(200, {}, "hello 12:01") << strings({"regex:\\d\\d:\\d\\d"})
        << strings({"body: hello 12:00 -> hello 12:01 [regex:\\d\\d:\\d\\d]"});
    QTest::newRow("a regex does not cover what is absent")
        << exchange(200, {{"X-Id", "1"}}, "") << exchange(200, {}, "") << strings({"regex:.*"})
        << strings({"header X-Id: 1 -> -"});
    QTest::newRow("binary bodies as hex") << exchange(200, {}, QByteArray("\x00\xff", 2))
                                          << exchange(200, {}, QByteArray("\x00\xfe", 2)) << QStringList{}
                                          << strings({"body: 0x00ff -> 0x00fe"});
    QTest::newRow("JSON on one side only") << exchange(200, {}, "{}") << exchange(200, {}, "oops") << strings({"json:$"})
                                           << strings({"body: {} -> oops"});
}

void TestReplayComparison::exchangesDifferAsUsersReadThem()
{
    QFETCH(HttpExchangeRecord, recorded);
    QFETCH(HttpExchangeRecord, replayed);
    QFETCH(QStringList, ignore);
    QFETCH(QStringList, expected);
    QCOMPARE(described(ReplayComparison::exchanges(recorded, replayed, rules(ignore))), expected);
}

void TestReplayComparison::aFailedSideIsComparedByItsFailure()
{
    const HttpExchangeRecord ok = exchange(200, {{"A", "1"}}, "x");
    HttpExchangeRecord refused;
    refused.error = Failure::of(failures::ConnectRefused, QStringLiteral("127.0.0.1:1"));
    const QStringList got = described(ReplayComparison::exchanges(ok, refused, {}));
    QCOMPARE(got.size(), 1);
    QVERIFY2(got.first().startsWith(QStringLiteral("outcome: completed -> connect.refused: ")), qPrintable(got.first()));
    // Failing the same way as recorded is no difference.
    QCOMPARE(described(ReplayComparison::exchanges(refused, refused, {})), QStringList{});
}

void TestReplayComparison::conversationsCompareMessagesInOrderAndTheClose_data()
{
    QTest::addColumn<ReplayWsConversation>("recorded");
    QTest::addColumn<ReplayWsConversation>("replayed");
    QTest::addColumn<QStringList>("ignore");
    QTest::addColumn<QStringList>("expected");
    const ReplayWsConversation echo = conversation({{Direction::Out, R"({"id":1})"}, {Direction::In, R"({"id":1,"t":5})"},
                                                    {Direction::Out, "hi"}, {Direction::In, "hi"}},
                                                   1000);
    QTest::newRow("the same") << echo << echo << QStringList{} << QStringList{};
    QTest::newRow("replies by place, JSON by path")
        << echo
        << conversation({{Direction::Out, R"({"id":1})"}, {Direction::In, R"({"id":1,"t":6})"}, {Direction::Out, "hi"},
                         {Direction::In, "ho"}},
                        1000)
        << strings({"json:$.t"})
        << strings({"received message 1 $.t: 5 -> 6 [json:$.t]", "received message 2: hi -> ho"});
    QTest::newRow("a missing reply and another close")
        << echo
        << conversation({{Direction::Out, R"({"id":1})"}, {Direction::In, R"({"id":1,"t":5})"}, {Direction::Out, "hi"}},
                        1011)
        << QStringList{} << strings({"received message 2: hi -> -", "close: 1000 -> 1011"});
    QTest::newRow("a recording saved while open says nothing about the close")
        << conversation({{Direction::Out, "hi"}}, std::nullopt) << conversation({{Direction::Out, "hi"}}, 1000)
        << QStringList{} << QStringList{};
    // A push server's message that crossed our close frame is a race, not an answer.
    ReplayWsConversation pushed = conversation({{Direction::In, "1"}, {Direction::In, "2"}}, 1000);
    pushed.messages[1].tNs = 20;
    pushed.clientCloseNs = 10;
    QTest::newRow("what arrives after our close is not compared")
        << conversation({{Direction::In, "1"}}, 1000) << pushed << QStringList{} << QStringList{};
    ReplayWsConversation refused;
    refused.handshakeStatus = 403;
    QTest::newRow("a refused upgrade is its status, not every message")
        << echo << refused << QStringList{} << strings({"status: 101 -> 403"});
}

void TestReplayComparison::conversationsCompareMessagesInOrderAndTheClose()
{
    QFETCH(ReplayWsConversation, recorded);
    QFETCH(ReplayWsConversation, replayed);
    QFETCH(QStringList, ignore);
    QFETCH(QStringList, expected);
    QCOMPARE(described(ReplayComparison::conversations(recorded, replayed, rules(ignore))), expected);
}

void TestReplayComparison::reportsSayTheSameInJsonAndJUnit()
{
    ReplayReport report;
    report.file = QStringLiteral("rec.wirescope");
    report.pace = QStringLiteral("reply");
    report.ignoreRules = {QStringLiteral("header:Date")};
    report.startedAt = QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC);
    ReplayItemResult same;
    same.label = same.target = QStringLiteral("GET http://a/x");
    same.target = QStringLiteral("http://a/x");
    same.differences = ReplayComparison::exchanges(exchange(200, {{"Date", "1"}}, ""), exchange(200, {{"Date", "2"}}, ""),
                                                   rules(report.ignoreRules));
    ReplayItemResult differs;
    differs.index = 1;
    differs.kind = ReplayItem::Kind::WebSocket;
    differs.label = QStringLiteral("WS ws://a/ws");
    differs.target = QStringLiteral("ws://a/ws");
    differs.differences = ReplayComparison::conversations(conversation({{Direction::In, "a\x01<&>"}}, 1000),
                                                          conversation({{Direction::In, "b"}}, 1000), {});
    report.items = {same, differs};

    const QJsonObject json = ReplayReportWriter::toJson(report);
    QCOMPARE(json[u"format_version"].toInt(), 2);
    QCOMPARE(json[u"report"].toString(), QStringLiteral("replay"));
    QCOMPARE(json[u"passed"].toBool(), false);
    QCOMPARE(json[u"base_url"].isNull(), true);
    const QJsonObject summary = json[u"summary"].toObject();
    QCOMPARE(summary[u"items"].toInt(), 2);
    QCOMPARE(summary[u"differ"].toInt(), 1);
    QCOMPARE(summary[u"differences"].toInt(), 1);
    QCOMPARE(summary[u"ignored"].toInt(), 1);
    const QJsonArray items = json[u"items"].toArray();
    QCOMPARE(items.at(0)[u"passed"].toBool(), true);
    QCOMPARE(items.at(0)[u"differences"][0][u"ignored_by"].toString(), QStringLiteral("header:Date"));
    QCOMPARE(items.at(0)[u"differences"][0][u"header"].toString(), QStringLiteral("Date"));
    QCOMPARE(items.at(1)[u"kind"].toString(), QStringLiteral("websocket"));
    QCOMPARE(items.at(1)[u"differences"][0][u"where"].toString(), QStringLiteral("received message 1"));
    QCOMPARE(items.at(1)[u"differences"][0][u"message"].toInt(), 1);

    // JUnit: one testcase per item, a failure on the one that differs, well-formed XML even
    // with a control character in a payload.
    const QByteArray xml = ReplayReportWriter::toJUnit(report);
    QXmlStreamReader reader(xml);
    int testcases = 0;
    int failures = 0;
    QString failureText;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == u"testcase")
            ++testcases;
        if (reader.isStartElement() && reader.name() == u"failure") {
            ++failures;
            failureText = reader.readElementText();
        }
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString() + u'\n' + QString::fromUtf8(xml)));
    QCOMPARE(testcases, 2);
    QCOMPARE(failures, 1);
    QVERIFY2(failureText.contains(QStringLiteral("received message 1\n  - a\\x01<&>\n  + b")), qPrintable(failureText));

    const QString text = ReplayReportWriter::itemText(differs, 2);
    QVERIFY2(text.startsWith(QStringLiteral("DIFF 2/2 WS ws://a/ws (0.000 s, 1 difference)\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("  - a\\x01<&>\n")), qPrintable(text));
    QVERIFY(ReplayReportWriter::itemText(same, 2).startsWith(QStringLiteral("SAME 1/2 GET http://a/x (0.000 s, 1 ignored)")));

    // A body that differs everywhere: the screen shows the first 50, the JSON report all.
    QByteArray a = "[";
    QByteArray b = "[";
    for (int i = 0; i < 1000; ++i) {
        a += QByteArray(i ? "," : "") + QByteArray::number(i);
        b += QByteArray(i ? "," : "") + QByteArray::number(-i - 1);
    }
    ReplayItemResult many;
    many.label = many.target = QStringLiteral("GET http://a/many");
    many.differences = ReplayComparison::exchanges(exchange(200, {}, a + ']'), exchange(200, {}, b + ']'), {});
    QCOMPARE(many.counted(), 1000);
    const QString manyText = ReplayReportWriter::itemText(many, 1);
    QCOMPARE(manyText.count(QStringLiteral("    body $[")), 50);
    QVERIFY2(manyText.endsWith(QStringLiteral("    ... 950 more (all of them: --report json)\n")), qPrintable(manyText.right(200)));
    report.items = {many};
    QCOMPARE(ReplayReportWriter::toJson(report)[u"items"][0][u"differences"].toArray().size(), 1000);
}

void TestReplayComparison::retargetingKeepsPathAndQuery_data()
{
    QTest::addColumn<QString>("recorded");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no base") << "http://a:1/x?q=1" << "" << "http://a:1/x?q=1";
    QTest::newRow("another host") << "http://a:1/x?q=1" << "http://b:2" << "http://b:2/x?q=1";
    QTest::newRow("a base path goes before") << "http://a:1/x" << "http://b:2/v2/" << "http://b:2/v2/x";
    QTest::newRow("TLS from the base") << "http://a/x" << "https://b" << "https://b/x";
    QTest::newRow("WebSocket keeps ws") << "ws://a:1/ws/echo" << "http://b:2" << "ws://b:2/ws/echo";
    QTest::newRow("WebSocket over TLS") << "ws://a:1/ws" << "https://b" << "wss://b/ws";
    QTest::newRow("a ws base for http") << "http://a/x" << "ws://b:3" << "http://b:3/x";
}

void TestReplayComparison::retargetingKeepsPathAndQuery()
{
    QFETCH(QString, recorded);
    QFETCH(QString, base);
    QFETCH(QString, expected);
    QString error;
    const std::optional<QUrl> url = ReplayPlan::retarget(QUrl(recorded), QUrl(base), &error);
    QVERIFY2(url, qPrintable(error));
    QCOMPARE(url->toString(), expected);
    QVERIFY(!ReplayPlan::retarget(QUrl(recorded), QUrl(QStringLiteral("ftp://b/")), &error));
    QVERIFY2(error.contains(QStringLiteral("is not http://, https://, ws:// or wss://")), qPrintable(error));
}

QTEST_APPLESS_MAIN(TestReplayComparison)
#include "tst_replaycomparison.moc"

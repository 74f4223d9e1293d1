// JSON paths as users type them in ignore rules and as replay reports name differences, and
// the JSON-aware comparison behind them (docs/replay.md#ignore-rules).
#include "core/wire/jsondiff.h"
#include "core/wire/jsonpath.h"
#include "tests/support/strings.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace wirescope;
using wirescope::test::strings;

class TestJsonPath : public QObject
{
    Q_OBJECT
private slots:
    void parsesAndPrintsBack_data();
    void parsesAndPrintsBack();
    void refusesWithAReason_data();
    void refusesWithAReason();
    void patternsCoverPathsAndWhatIsInside_data();
    void patternsCoverPathsAndWhatIsInside();
    void differencesByPath_data();
    void differencesByPath();
    void readsAnyJsonText_data();
    void readsAnyJsonText();
};

void TestJsonPath::parsesAndPrintsBack_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("printed");
    QTest::newRow("the whole value") << "$" << "$";
    QTest::newRow("a member") << "$.id" << "$.id";
    QTest::newRow("nested with an index") << "$.items[2].ts" << "$.items[2].ts";
    QTest::newRow("wildcards") << "$.items[*].*" << "$.items[*].*";
    QTest::newRow("a quoted name") << "$['a b']" << "$['a b']";
    QTest::newRow("a double-quoted name") << "$[\"x.y\"]" << "$['x.y']";
    QTest::newRow("a quoted plain name prints plain") << "$['id']" << "$.id";
    QTest::newRow("escapes in a quoted name") << R"($['it\'s\\'])" << R"($['it\'s\\'])";
    QTest::newRow("dashes and digits") << "$.x-request-id.a1" << "$.x-request-id.a1";
    QTest::newRow("an empty quoted name") << "$['']" << "$['']";
}

void TestJsonPath::parsesAndPrintsBack()
{
    QFETCH(QString, text);
    QFETCH(QString, printed);
    QString error;
    const std::optional<JsonPath> path = JsonPath::parse(text, &error);
    QVERIFY2(path, qPrintable(error));
    QCOMPARE(path->toString(), printed);
    const std::optional<JsonPath> again = JsonPath::parse(printed, &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(*again == *path);
}

void TestJsonPath::refusesWithAReason_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << "" << "starts with '$'";
    QTest::newRow("no dollar") << "id" << "starts with '$'";
    QTest::newRow("dot at the end") << "$." << "member name is expected after '.' at character 2";
    QTest::newRow("recursive descent") << "$..id" << "'..' (recursive descent) is not supported at character 2";
    QTest::newRow("unclosed bracket") << "$[" << "'[' is not closed at character 2";
    QTest::newRow("unclosed quote") << "$['a" << "the quoted name is not closed at character 3";
    QTest::newRow("quote without bracket") << "$['a'" << "']' expected after the quoted name at character 6";
    QTest::newRow("negative index") << "$[-1]" << "an index (0, 1, ...), * or a quoted name is expected";
    QTest::newRow("a filter") << "$[?(@.a)]" << "an index (0, 1, ...), * or a quoted name is expected";
    QTest::newRow("a slice") << "$[0:2]" << "a quoted name is expected in '[...]' at character 3";
    QTest::newRow("a huge index") << "$[99999999999999999999]" << "index too large";
    QTest::newRow("garbage after") << "$.a b" << "'.' or '[' expected, found ' ' at character 4";
    QTest::newRow("star without bracket") << "$[*" << "']' expected after '[*' at character 4";
    QTest::newRow("unknown escape") << R"($['\n'])" << "only \\' and \\\\ are escapes";
    QTest::newRow("space after dot") << "$. a" << "member name is expected";
}

void TestJsonPath::refusesWithAReason()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!JsonPath::parse(text, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestJsonPath::patternsCoverPathsAndWhatIsInside_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("covers");
    QTest::newRow("itself") << "$.id" << "$.id" << true;
    QTest::newRow("inside it") << "$.meta" << "$.meta.a[0]" << true;
    QTest::newRow("the root covers all") << "$" << "$.a" << true;
    QTest::newRow("a sibling") << "$.id" << "$.idx" << false;
    QTest::newRow("a parent is not covered") << "$.a.b" << "$.a" << false;
    QTest::newRow("any index") << "$.items[*].ts" << "$.items[7].ts" << true;
    QTest::newRow("any index is no member") << "$[*]" << "$.a" << false;
    QTest::newRow("any member") << "$.*.ts" << "$.b.ts" << true;
    QTest::newRow("any member is no index") << "$.*" << "$[0]" << false;
    QTest::newRow("one index") << "$[1]" << "$[2]" << false;
}

void TestJsonPath::patternsCoverPathsAndWhatIsInside()
{
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    QFETCH(bool, covers);
    QCOMPARE(JsonPath::parse(pattern, nullptr)->covers(*JsonPath::parse(path, nullptr)), covers);
}

void TestJsonPath::differencesByPath_data()
{
    QTest::addColumn<QByteArray>("recorded");
    QTest::addColumn<QByteArray>("replayed");
    // "path recorded replayed" per difference; "-" for absent
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("equal") << QByteArray(R"({"a":1,"b":[1,2]})") << QByteArray(R"({"b":[1,2],"a":1})") << QStringList{};
    QTest::newRow("white space and order do not count")
        << QByteArray("{ \"a\" : 1 ,\n\"b\":2}") << QByteArray(R"({"b":2,"a":1})") << QStringList{};
    QTest::newRow("a changed member") << QByteArray(R"({"id":1,"v":"x"})") << QByteArray(R"({"id":2,"v":"x"})")
                                      << strings({"$.id 1 2"});
    QTest::newRow("added and removed members") << QByteArray(R"({"a":1})") << QByteArray(R"({"b":1})")
                                               << strings({"$.a 1 -", "$.b - 1"});
    QTest::newRow("nested arrays") << QByteArray(R"({"items":[{"ts":1},{"ts":2}]})")
                                   << QByteArray(R"({"items":[{"ts":1},{"ts":3},{"ts":4}]})")
                                   << strings({"$.items[1].ts 2 3", R"($.items[2] - {"ts":4})"});
    QTest::newRow("another type is one difference") << QByteArray(R"({"a":{"b":1}})") << QByteArray(R"({"a":[1]})")
                                                    << strings({R"($.a {"b":1} [1])"});
    QTest::newRow("scalars at the top") << QByteArray("\"x\"") << QByteArray("\"y\"") << strings({R"($ "x" "y")"});
    QTest::newRow("null is a value, absent is not") << QByteArray(R"({"a":null})") << QByteArray("{}")
                                                    << strings({"$.a null -"});
    QTest::newRow("names that need quotes") << QByteArray(R"({"a b":1})") << QByteArray(R"({"a b":2})")
                                            << strings({"$['a b'] 1 2"});
}

void TestJsonPath::differencesByPath()
{
    QFETCH(QByteArray, recorded);
    QFETCH(QByteArray, replayed);
    QFETCH(QStringList, expected);
    QStringList got;
    for (const JsonDifference &d : JsonDiff::compare(*JsonDiff::parse(recorded), *JsonDiff::parse(replayed)))
        got << QStringLiteral("%1 %2 %3").arg(d.path.toString(), d.recorded ? JsonDiff::text(*d.recorded) : QStringLiteral("-"),
                                               d.replayed ? JsonDiff::text(*d.replayed) : QStringLiteral("-"));
    QCOMPARE(got, expected);
}

void TestJsonPath::readsAnyJsonText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("json");
    QTest::newRow("object") << QByteArray(R"({"a":1})") << true;
    QTest::newRow("number") << QByteArray(" 12 ") << true;
    QTest::newRow("string") << QByteArray("\"a\"") << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("two values") << QByteArray("1],[2") << false;
    QTest::newRow("text") << QByteArray("hello") << false;
    QTest::newRow("half an object") << QByteArray(R"({"a":)") << false;
    QTest::newRow("binary") << QByteArray("\x00\xff", 2) << false;
}

void TestJsonPath::readsAnyJsonText()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, json);
    QCOMPARE(JsonDiff::parse(text).has_value(), json);
}

QTEST_APPLESS_MAIN(TestJsonPath)
#include "tst_jsonpath.moc"

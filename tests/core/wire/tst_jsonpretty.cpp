#include "core/wire/jsonpretty.h"

#include <QJsonDocument>
#include <QTest>

using namespace wirescope;

class TestJsonPretty : public QObject
{
    Q_OBJECT
private slots:
    void indentsFromTheTokens_data();
    void indentsFromTheTokens();
    void refusesWhatIsNotJson_data();
    void refusesWhatIsNotJson();
    void countsRepeatedNames();
    void isIdempotentAndAgreesWithQtOnPlainDocuments();
    void deepNestingIsAnErrorNotAStack();
};

void TestJsonPretty::indentsFromTheTokens_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("pretty");
    QTest::newRow("members keep their order") << QByteArray(R"({"z":1,"a":2,"m":3})")
                                              << QByteArray("{\n  \"z\": 1,\n  \"a\": 2,\n  \"m\": 3\n}");
    QTest::newRow("a repeated name stays") << QByteArray(R"({"a":1,"a":2})")
                                           << QByteArray("{\n  \"a\": 1,\n  \"a\": 2\n}");
    QTest::newRow("numbers keep their spelling")
        << QByteArray(R"([12345678901234567890,1.50,-0,1E+2,0.1e-7])")
        << QByteArray("[\n  12345678901234567890,\n  1.50,\n  -0,\n  1E+2,\n  0.1e-7\n]");
    QTest::newRow("strings keep their escapes") << QByteArray(R"(["\u00e9\n\/","é"])")
                                                << QByteArray("[\n  \"\\u00e9\\n\\/\",\n  \"é\"\n]");
    QTest::newRow("empty containers stay on one line") << QByteArray(R"({"a":{},"b":[ ],"c":[{}]})")
                                                       << QByteArray("{\n  \"a\": {},\n  \"b\": [],\n  \"c\": [\n    {}\n  ]\n}");
    QTest::newRow("whitespace of every kind goes") << QByteArray(" \t\r\n[ true ,\n false,null ] \n")
                                                   << QByteArray("[\n  true,\n  false,\n  null\n]");
    QTest::newRow("a scalar document") << QByteArray(" \"just text\" ") << QByteArray("\"just text\"");
    QTest::newRow("a byte order mark is not part of the text") << QByteArray("\xEF\xBB\xBF{}") << QByteArray("{}");
    QTest::newRow("nested") << QByteArray(R"({"a":[1,{"b":null}]})")
                            << QByteArray("{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ]\n}");
}

void TestJsonPretty::indentsFromTheTokens()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, pretty);
    const JsonPretty r = jsonPretty(json, 2);
    QVERIFY2(r.ok, r.error);
    QCOMPARE(r.text, pretty);
}

void TestJsonPretty::refusesWhatIsNotJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qsizetype>("offset");
    QTest::newRow("nothing") << QByteArray("  ") << qsizetype(2);
    QTest::newRow("a trailing comma") << QByteArray("[1,]") << qsizetype(3);
    QTest::newRow("a name without quotes") << QByteArray("{a:1}") << qsizetype(1);
    QTest::newRow("single quotes") << QByteArray("['a']") << qsizetype(1);
    QTest::newRow("a missing colon") << QByteArray(R"({"a" 1})") << qsizetype(5);
    QTest::newRow("a leading zero") << QByteArray("[01]") << qsizetype(2);
    QTest::newRow("a bare dot") << QByteArray("[1.]") << qsizetype(3);
    QTest::newRow("plus sign") << QByteArray("[+1]") << qsizetype(1);
    QTest::newRow("an empty exponent") << QByteArray("[1e]") << qsizetype(3);
    QTest::newRow("NaN") << QByteArray("[NaN]") << qsizetype(1);
    QTest::newRow("a misspelt literal") << QByteArray("[tru]") << qsizetype(4);
    QTest::newRow("a bad escape") << QByteArray(R"(["\x"])") << qsizetype(3);
    QTest::newRow("a short unicode escape") << QByteArray(R"(["\u12"])") << qsizetype(6);
    QTest::newRow("a raw control character") << QByteArray("[\"a\tb\"]") << qsizetype(3);
    QTest::newRow("an unterminated string") << QByteArray("[\"abc") << qsizetype(5);
    QTest::newRow("invalid UTF-8") << QByteArray("[\"a\xff\"]") << qsizetype(3);
    QTest::newRow("a second document") << QByteArray("{} {}") << qsizetype(3);
    QTest::newRow("an unclosed array") << QByteArray("[1, 2") << qsizetype(5);
    QTest::newRow("a mismatched closer") << QByteArray("[1}") << qsizetype(2);
}

void TestJsonPretty::refusesWhatIsNotJson()
{
    QFETCH(QByteArray, json);
    QFETCH(qsizetype, offset);
    const JsonPretty r = jsonPretty(json);
    QVERIFY(!r.ok);
    QVERIFY(r.text.isEmpty());
    QVERIFY(r.error);
    QCOMPARE(r.errorOffset, offset);
}

void TestJsonPretty::countsRepeatedNames()
{
    const JsonPretty r = jsonPretty(R"({"a":1,"b":{"a":2,"a":3},"a":4,"c":[{"a":5}]})");
    QVERIFY(r.ok);
    QCOMPARE(r.duplicateKeys, 2); // "a" twice in the outer object, twice in the inner one
}

void TestJsonPretty::isIdempotentAndAgreesWithQtOnPlainDocuments()
{
    const QByteArray json = R"({"id":7,"tags":["x","y"],"nested":{"deep":[1,2,{"k":"v"}]},"ok":true,"none":null})";
    const JsonPretty once = jsonPretty(json);
    QVERIFY(once.ok);
    QCOMPARE(jsonPretty(once.text).text, once.text);
    // Same values as Qt reads them (Qt sorts the keys, so compare the documents, not text).
    QCOMPARE(QJsonDocument::fromJson(once.text), QJsonDocument::fromJson(json));
}

void TestJsonPretty::deepNestingIsAnErrorNotAStack()
{
    const QByteArray deep = QByteArray(QByteArray(100000, '[') + QByteArray(100000, ']'));
    const JsonPretty r = jsonPretty(deep);
    QVERIFY(!r.ok);
    QCOMPARE(r.errorOffset, qsizetype(1000));
    QVERIFY(jsonPretty(QByteArray(QByteArray(999, '[') + QByteArray(999, ']'))).ok);
}

QTEST_GUILESS_MAIN(TestJsonPretty)
#include "tst_jsonpretty.moc"

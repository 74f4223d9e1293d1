// The HTTP/1.1 grammar helpers every reader shares (RFC 9110 §5.6, RFC 9112 §5).
#include "core/wire/httpgrammar.h"

#include <QTest>

using namespace wirescope;

class tst_HttpGrammar : public QObject
{
    Q_OBJECT
private slots:
    void tokensAreTcharsOnly_data();
    void tokensAreTcharsOnly();
    void listsSplitOutsideQuotes_data();
    void listsSplitOutsideQuotes();
    void listTokensCompareCaseInsensitively();
    void owsIsSpaceAndTabOnly();
    void hexDigitsHaveTheirValue();
    void fieldLinesFollowRfc9112Section5_data();
    void fieldLinesFollowRfc9112Section5();
    void obsFoldIsRejectedOrUnfoldedByName();
};

void tst_HttpGrammar::tokensAreTcharsOnly_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("token");
    QTest::newRow("letters, digits and the RFC's punctuation") << QByteArray("Abc-09!#$%&'*+.^_`|~") << true;
    QTest::newRow("empty is not a token") << QByteArray() << false;
    QTest::newRow("a space") << QByteArray("a b") << false;
    QTest::newRow("a separator") << QByteArray("a:b") << false;
    QTest::newRow("a quote") << QByteArray("a\"b") << false;
    QTest::newRow("a byte above 127") << QByteArray("caf\xc3\xa9") << false;
    QTest::newRow("a NUL") << QByteArray("a\0b", 3) << false;
}

void tst_HttpGrammar::tokensAreTcharsOnly()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, token);
    QCOMPARE(http::isToken(text), token);
}

void tst_HttpGrammar::listsSplitOutsideQuotes_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QList<QByteArray>>("elements");
    QTest::newRow("OWS around elements is trimmed") << QByteArray(" a ,\tb\t, c") << QList<QByteArray>{"a", "b", "c"};
    QTest::newRow("empty elements are dropped (RFC 9110 §5.6.1)") << QByteArray(",a,, ,b,") << QList<QByteArray>{"a", "b"};
    QTest::newRow("a comma inside a quoted string does not split")
        << QByteArray("x; q=\"1,2\", y") << QList<QByteArray>{"x; q=\"1,2\"", "y"};
    QTest::newRow("an escaped quote does not end the quoted string")
        << QByteArray("a=\"p\\\",q\", b") << QList<QByteArray>{"a=\"p\\\",q\"", "b"};
    QTest::newRow("extension parameters stay with their element")
        << QByteArray("permessage-deflate; client_max_window_bits, x-foo")
        << QList<QByteArray>{"permessage-deflate; client_max_window_bits", "x-foo"};
    QTest::newRow("an empty value has no elements") << QByteArray("") << QList<QByteArray>{};
}

void tst_HttpGrammar::listsSplitOutsideQuotes()
{
    QFETCH(QByteArray, value);
    QFETCH(QList<QByteArray>, elements);
    QCOMPARE(http::splitList(value), elements);
}

void tst_HttpGrammar::listTokensCompareCaseInsensitively()
{
    QVERIFY(http::listHasToken("keep-alive, UPGRADE", "upgrade"));
    QVERIFY(!http::listHasToken("keep-alive, upgraded", "upgrade"));
    QVERIFY(!http::listHasToken("\"upgrade\"", "upgrade"));
    QVERIFY(http::listHasToken(QList<QByteArray>{"close", "WebSocket"}, "websocket"));
    QVERIFY(!http::listHasToken(QList<QByteArray>{}, "websocket"));
}

void tst_HttpGrammar::owsIsSpaceAndTabOnly()
{
    QCOMPARE(http::trimOws(" \t value \t "), QByteArrayView("value"));
    QCOMPARE(http::trimOws("\v value\r"), QByteArrayView("\v value\r")); // not OWS: kept, so checks see them
    QCOMPARE(http::trimOws("   "), QByteArrayView(""));
}

void tst_HttpGrammar::hexDigitsHaveTheirValue()
{
    QCOMPARE(http::hexDigitValue('0'), 0);
    QCOMPARE(http::hexDigitValue('9'), 9);
    QCOMPARE(http::hexDigitValue('a'), 10);
    QCOMPARE(http::hexDigitValue('F'), 15);
    QCOMPARE(http::hexDigitValue('g'), -1);
    QCOMPARE(http::hexDigitValue(' '), -1);
}

void tst_HttpGrammar::fieldLinesFollowRfc9112Section5_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("errorAt");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("name and value, OWS trimmed") << QByteArray("X-Pad:  \tv  w \t") << QString() << 0
                                                << QByteArray("X-Pad") << QByteArray("v  w");
    QTest::newRow("an empty value") << QByteArray("X-Empty:") << QString() << 0 << QByteArray("X-Empty") << QByteArray();
    QTest::newRow("no colon") << QByteArray("not a header") << QStringLiteral("http.bad_header_line") << 0 << QByteArray() << QByteArray();
    QTest::newRow("an empty name") << QByteArray(": v") << QStringLiteral("http.bad_header_name") << 0 << QByteArray() << QByteArray();
    QTest::newRow("whitespace before the colon") << QByteArray("Host : x") << QStringLiteral("http.space_before_colon") << 4
                                                << QByteArray() << QByteArray();
    QTest::newRow("a separator in the name") << QByteArray("X(y): v") << QStringLiteral("http.bad_header_name") << 1
                                            << QByteArray() << QByteArray();
    QTest::newRow("a NUL in the value") << QByteArray("X: a\0b", 6) << QStringLiteral("http.nul_in_header") << 2
                                       << QByteArray() << QByteArray();
    QTest::newRow("a CR in the value") << QByteArray("X: a\rb") << QStringLiteral("http.nul_in_header") << 2
                                      << QByteArray() << QByteArray();
}

void tst_HttpGrammar::fieldLinesFollowRfc9112Section5()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    QFETCH(int, errorAt);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    const http::FieldLine field = http::parseFieldLine(line);
    QCOMPARE(field.error ? QString::fromLatin1(field.error->id) : QString(), error);
    QCOMPARE(field.errorAt, errorAt);
    QCOMPARE(field.name, name);
    QCOMPARE(field.value, value);
}

void tst_HttpGrammar::obsFoldIsRejectedOrUnfoldedByName()
{
    QList<HttpHeaderField> fields;
    QList<Violation> notes;
    QVERIFY(!http::addFieldLine(fields, "X-A: one\r\n", "X-A: one", 10, 100, false, notes).kind);
    const Violation strict = http::addFieldLine(fields, " two\r\n", " two", 20, 100, false, notes);
    QCOMPARE(strict.id(), QStringLiteral("http.obs_fold"));
    QCOMPARE(strict.offset, 20);
    QVERIFY(!http::addFieldLine(fields, "\ttwo\r\n", "\ttwo", 20, 100, true, notes).kind);
    QCOMPARE(fields.size(), 1);
    QCOMPARE(fields.first().value, QByteArray("one two"));
    QCOMPARE(fields.first().raw, QByteArray("X-A: one\r\n\ttwo\r\n"));
    QCOMPARE(notes.size(), 1);
    QVERIFY(!notes.first().isError());
    QCOMPARE(http::addFieldLine(fields, "Y: 1\r\n", "Y: 1", 30, 1, false, notes).id(), QStringLiteral("http.too_many_headers"));
    QList<HttpHeaderField> none;
    QCOMPARE(http::addFieldLine(none, " x\r\n", " x", 0, 100, true, notes).id(), QStringLiteral("http.bad_header_line"));
}

QTEST_GUILESS_MAIN(tst_HttpGrammar)
#include "tst_httpgrammar.moc"

#include "core/wire/utf8validator.h"

#include <QTest>

using namespace wirescope;

class TestUtf8Validator : public QObject
{
    Q_OBJECT
private slots:
    void validatesWhateverTheSplit_data();
    void validatesWhateverTheSplit();
    void resetStartsAfresh();
};

void TestUtf8Validator::validatesWhateverTheSplit_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("errorOffset"); // -1: only incomplete at the end
    QTest::newRow("plain ASCII longer than a word is valid") << QByteArray("Hello, WebSocket world!") << true << qint64(-1);
    QTest::newRow("two-, three- and four-byte characters are valid")
        << QByteArray::fromHex("c3a9e282acf09f9880") << true << qint64(-1);
    QTest::newRow("the highest code point U+10FFFF is valid") << QByteArray::fromHex("f48fbfbf") << true << qint64(-1);
    QTest::newRow("a lone continuation byte is invalid at once") << QByteArray::fromHex("4180") << false << qint64(1);
    QTest::newRow("an overlong slash C0 AF is invalid") << QByteArray::fromHex("c0af") << false << qint64(0);
    QTest::newRow("an overlong three-byte E0 80 AF is invalid at the second byte") << QByteArray::fromHex("e080af") << false << qint64(1);
    QTest::newRow("a UTF-16 surrogate ED A0 80 is invalid") << QByteArray::fromHex("eda080") << false << qint64(1);
    QTest::newRow("above U+10FFFF F4 90 is invalid") << QByteArray::fromHex("f4908080") << false << qint64(1);
    QTest::newRow("FF never appears in UTF-8") << QByteArray::fromHex("6162ff") << false << qint64(2);
    QTest::newRow("a code point cut at the end is incomplete") << QByteArray::fromHex("61e282") << false << qint64(-1);
    QTest::newRow("Autobahn 6.4.1 fails fast at the first impossible byte")
        << QByteArray::fromHex("cebae1bdb9cf83cebcceb5f4908080656469746564") << false << qint64(12);
}

void TestUtf8Validator::validatesWhateverTheSplit()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QFETCH(qint64, errorOffset);
    QCOMPARE(Utf8Validator::isValid(bytes), valid);
    for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
        Utf8Validator v;
        const bool first = v.feed(QByteArrayView(bytes).first(cut));
        const bool second = first && v.feed(QByteArrayView(bytes).sliced(cut));
        QCOMPARE(second && v.finish(), valid);
        if (errorOffset >= 0) {
            QVERIFY(v.failed());
            QCOMPARE(v.errorOffset(), errorOffset);
            // RFC 6455 §8.1 fail fast: a chunk ending before the bad byte is still fine.
            QCOMPARE(first, cut <= errorOffset);
        } else if (!valid) {
            QVERIFY(!v.failed());
            QVERIFY(!v.finish());
        }
    }
}

void TestUtf8Validator::resetStartsAfresh()
{
    Utf8Validator v;
    QVERIFY(!v.feed(QByteArray::fromHex("ff")));
    v.reset();
    QVERIFY(v.feed("ok"));
    QVERIFY(v.finish());
    QCOMPARE(v.errorOffset(), -1);
}

QTEST_GUILESS_MAIN(TestUtf8Validator)
#include "tst_utf8validator.moc"

#include "core/wire/wsmaskingtable.h"

#include <QTest>

using namespace wirescope;

class TestWsMaskingTable : public QObject
{
    Q_OBJECT
private slots:
    void theRfcExampleXorsByteByByte();
    void theKeyRepeatsEveryFourBytes();
    void anUnmaskedFrameHasNoKeyColumns();
    void aLongPayloadShowsItsFirstBytes();
    void linesSplitTheColumns_data();
    void linesSplitTheColumns();
    void charactersArePrintableAsciiOrADot();
};

namespace {

WsFrame maskedFrame(const QByteArray &payload, WsMaskKey key)
{
    WsFrame frame;
    frame.header.masked = true;
    frame.header.maskingKey = key;
    frame.header.payloadLength = quint64(payload.size());
    frame.payload = payload;
    return frame;
}

} // namespace

void TestWsMaskingTable::theRfcExampleXorsByteByByte()
{
    // RFC 6455 §5.7: "A single-frame masked text message": 0x81 0x85 0x37 0xfa 0x21 0x3d
    // 0x7f 0x9f 0x4d 0x51 0x58 contains "Hello".
    const WsMaskingTable table = WsMaskingTable::of(maskedFrame("Hello", {0x37, 0xfa, 0x21, 0x3d}), 64);
    QVERIFY(table.masked());
    QCOMPARE(table.columns().size(), 5);
    const QByteArray wire = QByteArray::fromHex("7f9f4d5158");
    for (int i = 0; i < 5; ++i) {
        const WsMaskingColumn &c = table.columns().at(i);
        QCOMPARE(c.offset, i);
        QCOMPARE(c.wire, quint8(wire.at(i)));
        QCOMPARE(c.plain, quint8("Hello"[i]));
        QCOMPARE(quint8(c.wire ^ c.key), c.plain);
    }
    QCOMPARE(table.columns().at(4).keyIndex, 0);
    QCOMPARE(table.columns().at(4).key, quint8(0x37));
    QVERIFY(!table.truncated());
}

void TestWsMaskingTable::theKeyRepeatsEveryFourBytes()
{
    const WsMaskingTable table = WsMaskingTable::of(maskedFrame(QByteArray(11, 'a'), {1, 2, 3, 4}), 64);
    for (const WsMaskingColumn &c : table.columns()) {
        QCOMPARE(c.keyIndex, int(c.offset % 4));
        QCOMPARE(c.key, quint8(c.keyIndex + 1));
        QCOMPARE(c.wire, quint8('a' ^ c.key));
    }
}

void TestWsMaskingTable::anUnmaskedFrameHasNoKeyColumns()
{
    WsFrame frame;
    frame.payload = "hi";
    frame.header.payloadLength = 2;
    const WsMaskingTable table = WsMaskingTable::of(frame, 64);
    QVERIFY(!table.masked());
    QCOMPARE(table.columns().size(), 2);
    QCOMPARE(table.columns().at(1).keyIndex, -1);
    QCOMPARE(table.columns().at(1).wire, quint8('i'));
    QCOMPARE(table.columns().at(1).plain, quint8('i'));
}

void TestWsMaskingTable::aLongPayloadShowsItsFirstBytes()
{
    const WsMaskingTable table = WsMaskingTable::of(maskedFrame(QByteArray(1000, 'z'), {9, 9, 9, 9}), 256);
    QCOMPARE(table.columns().size(), 256);
    QCOMPARE(table.payloadBytes(), 1000);
    QVERIFY(table.truncated());

    WsFrame discarded = maskedFrame({}, {1, 2, 3, 4});
    discarded.header.payloadLength = 5'000'000;
    discarded.payloadDiscarded = true;
    QVERIFY(WsMaskingTable::of(discarded, 256).columns().isEmpty());
}

void TestWsMaskingTable::linesSplitTheColumns_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("perLine");
    QTest::addColumn<QList<int>>("lineSizes");
    QTest::newRow("empty") << 0 << 8 << QList<int>{};
    QTest::newRow("exact") << 16 << 8 << QList<int>{8, 8};
    QTest::newRow("short last") << 10 << 4 << QList<int>{4, 4, 2};
    QTest::newRow("zero per line means one") << 2 << 0 << QList<int>{1, 1};
}

void TestWsMaskingTable::linesSplitTheColumns()
{
    QFETCH(int, bytes);
    QFETCH(int, perLine);
    QFETCH(QList<int>, lineSizes);
    const auto lines = WsMaskingTable::of(maskedFrame(QByteArray(bytes, 'q'), {1, 2, 3, 4}), 64).lines(perLine);
    QList<int> sizes;
    for (const auto &line : lines)
        sizes.append(int(line.size()));
    QCOMPARE(sizes, lineSizes);
    if (!lines.isEmpty())
        QCOMPARE(lines.last().last().offset, bytes - 1);
}

void TestWsMaskingTable::charactersArePrintableAsciiOrADot()
{
    const WsMaskingTable table = WsMaskingTable::of(maskedFrame(QByteArray("A \x7f\n\xc3", 5), {0, 0, 0, 0}), 64);
    QString text;
    for (const WsMaskingColumn &c : table.columns())
        text += c.character();
    QCOMPARE(text, QStringLiteral("A ..."));
}

QTEST_APPLESS_MAIN(TestWsMaskingTable)
#include "tst_wsmaskingtable.moc"

#include "core/wire/wsframeparser.h"
#include "core/wire/wsframewriter.h"

#include <QSet>
#include <QTest>

using namespace wirescope;

namespace {

std::vector<WsParseEvent> parseAs(WsRole role, const QByteArray &bytes, quint8 allowedRsv = 0)
{
    WsFrameParser parser(WsFrameParserOptions{role, 64ull << 20, allowedRsv});
    return parser.feed(bytes).events;
}

QStringList violationIds(const std::vector<WsParseEvent> &events)
{
    QStringList ids;
    for (const WsParseEvent &e : events)
        if (e.type == WsParseEventType::Violation)
            ids << e.violation.id();
    return ids;
}

const WsMaskKey kRfcKey{0x37, 0xfa, 0x21, 0x3d};

} // namespace

class TestWsFrameWriter : public QObject
{
    Q_OBJECT
private slots:
    void clientFramesMatchTheRfcExamples();
    void serverFramesAreUnmasked();
    void everyClientFrameGetsAFreshKey();
    void lengthEncodingsAreMinimal_data();
    void lengthEncodingsAreMinimal();
    void fragmentationSplitsIntoChosenSizes();
    void closeFrameCarriesCodeAndReason();
    void closeReasonIsCutAtACodePointBoundary();
    void craftModeWritesWhatIsAsked_data();
    void craftModeWritesWhatIsAsked();
    void wordUnmaskAgreesWithTheByteRuleAtEveryAlignment();
    void keysStayFreshAcrossPoolRefills();
    void appendMessageAddsFramesAfterWhatIsThere();
};

void TestWsFrameWriter::clientFramesMatchTheRfcExamples()
{
    // RFC 6455 §5.7: masked "Hello" text and masked "Hello" pong with key 37 fa 21 3d.
    WsFrameWriter writer(WsRole::Client);
    writer.setFixedMaskKey(kRfcKey);
    QCOMPARE(writer.text(QStringLiteral("Hello")).toHex(), QByteArray("818537fa213d7f9f4d5158"));
    QCOMPARE(writer.pong("Hello").toHex(), QByteArray("8a8537fa213d7f9f4d5158"));
}

void TestWsFrameWriter::serverFramesAreUnmasked()
{
    WsFrameWriter writer(WsRole::Server);
    QCOMPARE(writer.text(QStringLiteral("Hello")).toHex(), QByteArray("810548656c6c6f"));
    QCOMPARE(writer.ping("Hello").toHex(), QByteArray("890548656c6c6f"));
    QCOMPARE(writer.message(WsOpcode::Text, "Hello", 3).toHex(), QByteArray("010348656c" "80026c6f"));
}

void TestWsFrameWriter::everyClientFrameGetsAFreshKey()
{
    WsFrameWriter writer(WsRole::Client);
    QSet<QByteArray> keys;
    for (int i = 0; i < 64; ++i) {
        const QByteArray frame = writer.text(QStringLiteral("same text"));
        const auto events = parseAs(WsRole::Server, frame);
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events.front().frame.payload, QByteArray("same text"));
        keys.insert(frame.mid(2, 4));
    }
    // 64 draws of 32 random bits: a repeat would mean the keys are not random.
    QCOMPARE(keys.size(), 64);
}

void TestWsFrameWriter::keysStayFreshAcrossPoolRefills()
{
    // Keys come from the CSPRNG in pools of 1024: 2100 draws cross two refills. Among 2100
    // random 32-bit keys a repeat has a chance of 1 in 2000, two repeats of about 1 in 10^7.
    QSet<quint32> keys;
    const int draws = 2100;
    for (int i = 0; i < draws; ++i) {
        const WsMaskKey key = WsFrameWriter::randomMaskKey();
        keys.insert(quint32(key[0]) << 24 | quint32(key[1]) << 16 | quint32(key[2]) << 8 | key[3]);
    }
    QVERIFY2(keys.size() >= draws - 1, qPrintable(QString::number(keys.size())));
}

void TestWsFrameWriter::appendMessageAddsFramesAfterWhatIsThere()
{
    WsFrameWriter writer(WsRole::Client);
    writer.setFixedMaskKey(kRfcKey);
    QByteArray out("prefix");
    writer.appendMessage(out, WsOpcode::Text, "Hello");
    writer.appendMessage(out, WsOpcode::Binary, QByteArray(300, 'b'), 200);
    for (int i = 0; i < 1000; ++i) // a burst of sends into one buffer
        writer.appendMessage(out, WsOpcode::Text, "Hello");
    QVERIFY(out.startsWith("prefix"));
    QCOMPARE(out.mid(6, 11).toHex(), QByteArray("818537fa213d7f9f4d5158"));
    const auto events = parseAs(WsRole::Server, out.mid(6 + 11));
    QCOMPARE(events.size(), size_t(1002));
    QCOMPARE(events[0].frame.header.opcode, WsOpcode::Binary);
    QCOMPARE(events[0].frame.header.fin, false);
    QCOMPARE(events[1].frame.header.opcode, WsOpcode::Continuation);
    QCOMPARE(events[0].frame.payload.size() + events[1].frame.payload.size(), 300);
    QCOMPARE(events.back().frame.payload, QByteArray("Hello"));
    QCOMPARE(violationIds(events), QStringList());
}

void TestWsFrameWriter::lengthEncodingsAreMinimal_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("headerSize");
    QTest::newRow("125 bytes fit the 7-bit code") << 125 << 6;
    QTest::newRow("126 bytes need the 16-bit length") << 126 << 8;
    QTest::newRow("65535 bytes still fit 16 bits") << 65535 << 8;
    QTest::newRow("65536 bytes need the 64-bit length") << 65536 << 14;
}

void TestWsFrameWriter::lengthEncodingsAreMinimal()
{
    QFETCH(int, size);
    QFETCH(int, headerSize);
    WsFrameWriter writer;
    const QByteArray payload(size, 'a');
    const auto events = parseAs(WsRole::Server, writer.message(WsOpcode::Binary, payload));
    QCOMPARE(events.size(), size_t(1)); // no violation: minimal
    QCOMPARE(events.front().frame.header.headerSize, headerSize);
    QCOMPARE(events.front().frame.payload, payload);
}

void TestWsFrameWriter::fragmentationSplitsIntoChosenSizes()
{
    WsFrameWriter writer;
    const QByteArray payload("0123456789");
    const auto events = parseAs(WsRole::Server, writer.message(WsOpcode::Binary, payload, 4, true), 4);
    QCOMPARE(events.size(), size_t(3));
    QCOMPARE(events[0].frame.header.opcode, WsOpcode::Binary);
    QVERIFY(events[0].frame.header.rsv1); // RFC 7692: RSV1 only on the first frame
    QVERIFY(!events[0].frame.header.fin);
    QCOMPARE(events[1].frame.header.opcode, WsOpcode::Continuation);
    QVERIFY(!events[1].frame.header.rsv1);
    QVERIFY(!events[1].frame.header.fin);
    QCOMPARE(events[2].frame.header.opcode, WsOpcode::Continuation);
    QVERIFY(events[2].frame.header.fin);
    QCOMPARE(events[0].frame.payload + events[1].frame.payload + events[2].frame.payload, payload);
    QCOMPARE(events[2].frame.payload, QByteArray("89"));
}

void TestWsFrameWriter::closeFrameCarriesCodeAndReason()
{
    WsFrameWriter writer(WsRole::Server);
    QCOMPARE(writer.close(1000, QStringLiteral("bye")).toHex(), QByteArray("880503e8627965"));
    QCOMPARE(writer.close(std::nullopt).toHex(), QByteArray("8800"));
}

void TestWsFrameWriter::closeReasonIsCutAtACodePointBoundary()
{
    WsFrameWriter writer(WsRole::Server);
    // 62 two-byte characters = 124 bytes: one too many for 123 bytes of reason.
    const QByteArray frame = writer.close(1001, QString(62, QChar(0x00e9)));
    const auto events = parseAs(WsRole::Client, frame);
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(events.front().frame.payload.size(), 2 + 122);
    QCOMPARE(QString::fromUtf8(events.front().frame.payload.mid(2)), QString(61, QChar(0x00e9)));
}

void TestWsFrameWriter::craftModeWritesWhatIsAsked_data()
{
    QTest::addColumn<QByteArray>("expectedHex");
    QTest::addColumn<QStringList>("violationsSeenByServer");
    QTest::addColumn<int>("variant");
    QTest::newRow("an unmasked client frame") << QByteArray("81026869") << QStringList{QStringLiteral("ws.unmasked_client_frame")} << 0;
    QTest::newRow("a non-minimal 64-bit length") << QByteArray("81ff000000000000000237fa213d5f93")
                                                 << QStringList{QStringLiteral("ws.non_minimal_length")} << 1;
    QTest::newRow("RSV3 and reserved opcode 0x4") << QByteArray("948237fa213d5f93")
                                                  << QStringList{QStringLiteral("ws.rsv_nonzero"), QStringLiteral("ws.reserved_opcode")} << 2;
    QTest::newRow("a declared length shorter than the payload") << QByteArray("818137fa213d5f93") << QStringList{} << 3;
}

void TestWsFrameWriter::craftModeWritesWhatIsAsked()
{
    QFETCH(QByteArray, expectedHex);
    QFETCH(QStringList, violationsSeenByServer);
    QFETCH(int, variant);
    WsCraftSpec spec;
    spec.payload = "hi";
    spec.maskKey = kRfcKey;
    switch (variant) {
    case 0: spec.masked = false; break;
    case 1: spec.lengthEncoding = WsCraftSpec::Length::Force64; break;
    case 2: spec.rsv3 = true; spec.opcode = 0x4; break;
    case 3: spec.declaredLength = 1; break;
    }
    const QByteArray bytes = WsFrameWriter::craft(spec);
    QCOMPARE(bytes.toHex(), expectedHex);
    QCOMPARE(violationIds(parseAs(WsRole::Server, bytes)), violationsSeenByServer);
}

void TestWsFrameWriter::wordUnmaskAgreesWithTheByteRuleAtEveryAlignment()
{
    QByteArray data(203, Qt::Uninitialized);
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i * 7 + 3);
    for (int start = 0; start < 9; ++start) {
        for (quint64 keyOffset = 0; keyOffset < 4; ++keyOffset) {
            QByteArray masked = data.mid(start);
            wsApplyMask(masked.data(), masked.size(), kRfcKey, keyOffset);
            for (qsizetype i = 0; i < masked.size(); ++i)
                QCOMPARE(quint8(masked[i]), quint8(data[start + i] ^ kRfcKey[(i + keyOffset) % 4]));
        }
    }
}

QTEST_GUILESS_MAIN(TestWsFrameWriter)
#include "tst_wsframewriter.moc"

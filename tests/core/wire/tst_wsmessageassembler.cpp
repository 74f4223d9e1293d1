#include "core/wire/permessagedeflate.h"
#include "core/wire/wsframeparser.h"
#include "core/wire/wsframewriter.h"
#include "core/wire/wsmessageassembler.h"

#include <QTest>

using namespace wirescope;

namespace {

struct Outcome {
    QStringList violations; // "id@offset"
    QList<WsMessage> messages;
    QList<WsClosePayload> closes;
};

Outcome run(const QByteArray &stream, WsAssemblerOptions options = {}, PerMessageDeflate *deflate = nullptr,
            qsizetype chunk = 0)
{
    WsFrameParser parser(WsFrameParserOptions{WsRole::Client, 64ull << 20, quint8(deflate ? 4 : 0)});
    WsMessageAssembler assembler(options);
    assembler.setDeflate(deflate);
    Outcome out;
    WsParseResult result;
    if (chunk <= 0)
        chunk = stream.size();
    for (qsizetype i = 0; i < stream.size(); i += chunk)
        parser.feed(QByteArrayView(stream).sliced(i, std::min(chunk, stream.size() - i)), result);
    for (const WsParseEvent &e : result.events) {
        if (e.type == WsParseEventType::Violation) {
            out.violations << e.violation.id() + u'@' + QString::number(e.violation.offset);
            continue;
        }
        WsAssembleResult r = assembler.push(e.frame);
        for (const Violation &v : r.violations)
            out.violations << v.id() + u'@' + QString::number(v.offset);
        if (r.hasMessage)
            out.messages << r.message;
        if (r.isClose)
            out.closes << r.close;
    }
    return out;
}

} // namespace

class TestWsMessageAssembler : public QObject
{
    Q_OBJECT
private slots:
    void fragmentsWithAnInterleavedPingMakeOneMessage();
    void sequenceViolations_data();
    void sequenceViolations();
    void invalidUtf8IsFoundInTheFragmentThatBreaksIt();
    void aCodePointSplitAcrossFragmentsIsValid();
    void messageLimitIsCheckedBeforeBuffering();
    void compressedMessagesAreInflatedWithSizes();
    void inflateCapReportsTooBig();
};

void TestWsMessageAssembler::fragmentsWithAnInterleavedPingMakeOneMessage()
{
    // RFC 6455 §5.4 / §5.7: "Hel", ping, "lo".
    const QByteArray stream = QByteArray::fromHex("010348656c" "890548656c6c6f" "80026c6f");
    for (qsizetype chunk : {qsizetype(1), qsizetype(3), qsizetype(0)}) {
        const Outcome out = run(stream, {}, nullptr, chunk);
        QCOMPARE(out.violations, QStringList());
        QCOMPARE(out.messages.size(), 1);
        const WsMessage &m = out.messages.first();
        QCOMPARE(m.type, WsMessageType::Text);
        QCOMPARE(m.payload, QByteArray("Hello"));
        QCOMPARE(m.frameCount, 2);
        QCOMPARE(m.wireSize, 5);
        QCOMPARE(m.size, 5);
        QCOMPARE(m.firstFrameOffset, 0);
        QVERIFY(m.utf8Valid);
    }
}

void TestWsMessageAssembler::sequenceViolations_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("violations");
    QTest::addColumn<int>("messages");
    QTest::newRow("a continuation without a start")
        << QByteArray::fromHex("80026869") << QStringList{QStringLiteral("ws.unexpected_continuation@0")} << 0;
    QTest::newRow("a new text frame while a message is unfinished")
        << QByteArray::fromHex("01026869" "81026f6b") << QStringList{QStringLiteral("ws.data_during_fragmented_message@4")} << 1;
    QTest::newRow("a frame after the close frame")
        << QByteArray::fromHex("880203e8" "81026869") << QStringList{QStringLiteral("ws.data_after_close@4")} << 0;
    QTest::newRow("a close payload of one byte")
        << QByteArray::fromHex("880103") << QStringList{QStringLiteral("ws.close_payload_one_byte@2")} << 0;
    QTest::newRow("close code 1006 on the wire")
        << QByteArray::fromHex("880203ee") << QStringList{QStringLiteral("ws.invalid_close_code@2")} << 0;
    QTest::newRow("close code 5000")
        << QByteArray::fromHex("88021388") << QStringList{QStringLiteral("ws.invalid_close_code@2")} << 0;
    QTest::newRow("a close reason that is not UTF-8")
        << QByteArray::fromHex("880403e8c328") << QStringList{QStringLiteral("ws.invalid_close_reason_utf8@5")} << 0;
    QTest::newRow("a text message ending inside a code point")
        << QByteArray::fromHex("810261e2") << QStringList{QStringLiteral("ws.invalid_utf8@3")} << 1;
}

void TestWsMessageAssembler::sequenceViolations()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, violations);
    QFETCH(int, messages);
    const Outcome out = run(stream);
    QCOMPARE(out.violations, violations);
    QCOMPARE(out.messages.size(), messages);
}

void TestWsMessageAssembler::invalidUtf8IsFoundInTheFragmentThatBreaksIt()
{
    // "ok" then a fragment with 0xFF as its second byte: reported at that byte's stream offset,
    // before the message is finished (RFC 6455 §8.1 fail fast).
    const QByteArray stream = QByteArray::fromHex("01026f6b" "0002 61ff" "8000");
    WsFrameParser parser;
    WsMessageAssembler assembler;
    const WsParseResult parsed = parser.feed(stream);
    QCOMPARE(parsed.events.size(), size_t(3));
    QVERIFY(assembler.push(parsed.events[0].frame).violations.empty());
    const WsAssembleResult second = assembler.push(parsed.events[1].frame);
    QCOMPARE(second.violations.size(), size_t(1));
    QCOMPARE(second.violations.front().id(), QStringLiteral("ws.invalid_utf8"));
    QCOMPARE(second.violations.front().offset, 7);
    const WsAssembleResult last = assembler.push(parsed.events[2].frame);
    QVERIFY(last.hasMessage);
    QVERIFY(!last.message.utf8Valid);
}

void TestWsMessageAssembler::aCodePointSplitAcrossFragmentsIsValid()
{
    // "€" = e2 82 ac split 1 + 2 across fragments.
    const Outcome out = run(QByteArray::fromHex("0101e2" "8002 82ac"));
    QCOMPARE(out.violations, QStringList());
    QCOMPARE(QString::fromUtf8(out.messages.first().payload), QStringLiteral("\u20ac"));
}

void TestWsMessageAssembler::messageLimitIsCheckedBeforeBuffering()
{
    WsAssemblerOptions options;
    options.maxMessageSize = 5;
    const Outcome out = run(QByteArray::fromHex("0203616263" "8003646566"), options);
    QCOMPARE(out.violations, QStringList{QStringLiteral("ws.message_too_big@5")});
    QCOMPARE(out.messages.size(), 1);
    QVERIFY(out.messages.first().truncated);
    QCOMPARE(out.messages.first().payload, QByteArray("abc"));
    QCOMPARE(out.messages.first().wireSize, 6);
}

void TestWsMessageAssembler::compressedMessagesAreInflatedWithSizes()
{
    // RFC 7692 §7.2.3.1 and §7.2.3.2: "Hello" twice with context takeover, the second
    // one refers back to the first.
    PerMessageDeflate deflate(WsRole::Client, PmdParams{});
    const QByteArray stream = QByteArray::fromHex("c107f248cdc9c90700" "c105f200110000");
    const Outcome out = run(stream, {}, &deflate);
    QCOMPARE(out.violations, QStringList());
    QCOMPARE(out.messages.size(), 2);
    QCOMPARE(out.messages[0].payload, QByteArray("Hello"));
    QVERIFY(out.messages[0].compressed);
    QCOMPARE(out.messages[0].wireSize, 7);
    QCOMPARE(out.messages[1].payload, QByteArray("Hello"));
    QCOMPARE(out.messages[1].wireSize, 5);
    QCOMPARE(out.messages[1].size, 5);
}

void TestWsMessageAssembler::inflateCapReportsTooBig()
{
    PerMessageDeflate sender(WsRole::Server, PmdParams{});
    const QByteArray compressed = sender.compress(QByteArray(100000, 'z'));
    QVERIFY(compressed.size() < 1000);
    WsFrameWriter writer(WsRole::Server);
    PerMessageDeflate receiver(WsRole::Client, PmdParams{});
    WsAssemblerOptions options;
    options.maxInflatedSize = 50000;
    const Outcome out = run(writer.message(WsOpcode::Binary, compressed, 0, true), options, &receiver);
    QCOMPARE(out.violations, QStringList{QStringLiteral("ws.inflate_too_big@0")});
    QCOMPARE(out.messages.size(), 1);
    QVERIFY(out.messages.first().truncated);
    QVERIFY(out.messages.first().payload.size() <= 50000);
}

QTEST_GUILESS_MAIN(TestWsMessageAssembler)
#include "tst_wsmessageassembler.moc"

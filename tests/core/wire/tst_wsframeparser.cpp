#include "core/wire/wsframeparser.h"
#include "core/wire/wsviolations.h"

#include <QTest>

using namespace wirescope;

namespace {

// A compact, comparable trace of what the parser reported.
QStringList trace(const std::vector<WsParseEvent> &events)
{
    QStringList out;
    for (const WsParseEvent &e : events) {
        if (e.type == WsParseEventType::Violation) {
            out << QStringLiteral("violation %1 @%2+%3").arg(e.violation.id()).arg(e.violation.offset).arg(e.violation.length);
            continue;
        }
        const WsFrameHeader &h = e.frame.header;
        out << QStringLiteral("frame @%1 fin=%2 rsv=%3 op=%4 mask=%5 len=%6 hdr=%7 key=%8 payload=%9")
                   .arg(e.frame.streamOffset)
                   .arg(int(h.fin))
                   .arg(int(h.rsvBits()))
                   .arg(int(h.opcode))
                   .arg(int(h.masked))
                   .arg(h.payloadLength)
                   .arg(QString::fromLatin1(e.frame.headerBytes.toHex()))
                   .arg(h.maskingKey ? QString::fromLatin1(wsMaskKeyHex(*h.maskingKey)) : QStringLiteral("-"))
                   .arg(QString::fromLatin1(e.frame.payload.left(32).toHex()));
    }
    return out;
}

QStringList parseWhole(const QByteArray &bytes, const WsFrameParserOptions &options)
{
    WsFrameParser parser(options);
    return trace(parser.feed(bytes).events);
}

} // namespace

class TestWsFrameParser : public QObject
{
    Q_OBJECT
private slots:
    void rfcExamples_data();
    void rfcExamples();
    void everySplitGivesTheSameFrames_data();
    void everySplitGivesTheSameFrames();
    void violations_data();
    void violations();
    void lengthWithTopBitStopsTheStream();
    void oversizedFramePayloadIsSkippedNotAllocated();
    void negotiatedRsv1IsAllowed();
    void fieldRangesPointAtTheRightBytes();
    void stateIsExplicitWhileResuming();
    void feedFrameReportsWhatFeedReports_data();
    void feedFrameReportsWhatFeedReports();
    void feedFrameSharesTheCallersPayload();
    void headerBytesAndPayloadAreIndependentValues();
    void feedSharedReportsWhatFeedReports_data();
    void feedSharedReportsWhatFeedReports();
    void feedSharedFramesViewTheChunkAndDetachOnWrite();
    void skipFrameKeepsOffsetsInStep();
};

void TestWsFrameParser::rfcExamples_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("role");
    QTest::addColumn<int>("opcode");
    QTest::addColumn<bool>("fin");
    QTest::addColumn<bool>("masked");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("headerSize");

    // RFC 6455 §5.7, byte for byte.
    QTest::newRow("a single-frame unmasked text message reads Hello")
        << QByteArray::fromHex("810548656c6c6f") << int(WsRole::Client) << 1 << true << false << QByteArray("Hello") << 2;
    QTest::newRow("a single-frame masked text message reads Hello")
        << QByteArray::fromHex("818537fa213d7f9f4d5158") << int(WsRole::Server) << 1 << true << true << QByteArray("Hello") << 6;
    QTest::newRow("the first fragment of an unmasked text message reads Hel")
        << QByteArray::fromHex("010348656c") << int(WsRole::Client) << 1 << false << false << QByteArray("Hel") << 2;
    QTest::newRow("the last fragment of an unmasked text message reads lo")
        << QByteArray::fromHex("80026c6f") << int(WsRole::Client) << 0 << true << false << QByteArray("lo") << 2;
    QTest::newRow("an unmasked ping carries Hello")
        << QByteArray::fromHex("890548656c6c6f") << int(WsRole::Client) << 9 << true << false << QByteArray("Hello") << 2;
    QTest::newRow("a masked pong carries Hello")
        << QByteArray::fromHex("8a8537fa213d7f9f4d5158") << int(WsRole::Server) << 10 << true << true << QByteArray("Hello") << 6;
    QTest::newRow("256 bytes of binary use the 16-bit length")
        << QByteArray::fromHex("827e0100") + QByteArray(256, 'x') << int(WsRole::Client) << 2 << true << false << QByteArray(256, 'x') << 4;
    QTest::newRow("64 KiB of binary use the 64-bit length")
        << QByteArray::fromHex("827f0000000000010000") + QByteArray(65536, 'y') << int(WsRole::Client) << 2 << true << false
        << QByteArray(65536, 'y') << 10;
}

void TestWsFrameParser::rfcExamples()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, role);
    QFETCH(int, opcode);
    QFETCH(bool, fin);
    QFETCH(bool, masked);
    QFETCH(QByteArray, payload);
    QFETCH(int, headerSize);

    WsFrameParser parser(WsFrameParserOptions{WsRole(role), 64ull << 20, 0});
    const WsParseResult result = parser.feed(bytes);
    QCOMPARE(result.consumed, bytes.size());
    QCOMPARE(result.events.size(), size_t(1));
    const WsFrame &frame = result.events.front().frame;
    QCOMPARE(int(frame.header.opcode), opcode);
    QCOMPARE(frame.header.fin, fin);
    QCOMPARE(frame.header.masked, masked);
    QCOMPARE(frame.header.headerSize, headerSize);
    QVERIFY(frame.header.minimalLength);
    QCOMPARE(frame.payload, payload);
    QCOMPARE(frame.headerBytes, bytes.left(headerSize));
    // The masked payload and the whole frame are exactly the bytes that were fed.
    QCOMPARE(frame.maskedPayload(), bytes.mid(headerSize));
    QCOMPARE(frame.wireBytes(), bytes);
    if (masked)
        QCOMPARE(wsMaskKeyHex(*frame.header.maskingKey), QByteArray("37fa213d"));
}

void TestWsFrameParser::everySplitGivesTheSameFrames_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("role");
    QTest::newRow("the RFC 6455 §5.7 client examples back to back")
        << QByteArray::fromHex("818537fa213d7f9f4d5158" "8a8537fa213d7f9f4d5158" "81fe007e01020304") + QByteArray(126, 'm')
        << int(WsRole::Server);
    QTest::newRow("a fragmented message with a ping in between and a 64-bit frame")
        << QByteArray::fromHex("010348656c" "890548656c6c6f" "80026c6f" "827f000000000000012c") + QByteArray(300, 'z')
        << int(WsRole::Client);
    QTest::newRow("frames with violations keep the same reports wherever the stream is cut")
        << QByteArray::fromHex("f1026869" "83026869" "097e0007616263646566678800")
        << int(WsRole::Client);
}

void TestWsFrameParser::everySplitGivesTheSameFrames()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, role);
    const WsFrameParserOptions options{WsRole(role), 64ull << 20, 0};
    const QStringList whole = parseWhole(stream, options);
    QVERIFY(!whole.isEmpty());
    // Every two-chunk split.
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        WsFrameParser parser(options);
        WsParseResult result;
        parser.feed(QByteArrayView(stream).first(cut), result);
        parser.feed(QByteArrayView(stream).sliced(cut), result);
        QCOMPARE(result.consumed, stream.size());
        QCOMPARE(trace(result.events), whole);
    }
    // One byte at a time.
    WsFrameParser parser(options);
    WsParseResult result;
    for (qsizetype i = 0; i < stream.size(); ++i)
        parser.feed(QByteArrayView(stream).sliced(i, 1), result);
    QCOMPARE(trace(result.events), whole);
    QCOMPARE(parser.state(), WsFrameParser::State::Header);
}

void TestWsFrameParser::violations_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("id");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<bool>("frameStillDecoded");

    QTest::newRow("RSV2 set without an extension is reported at the first byte")
        << QByteArray::fromHex("a1026869") << int(WsRole::Client) << QStringLiteral("ws.rsv_nonzero") << qint64(0) << true;
    QTest::newRow("a masked frame from the server is reported at the mask bit")
        << QByteArray::fromHex("818237fa213d5f93") << int(WsRole::Client) << QStringLiteral("ws.masked_server_frame") << qint64(1) << true;
    QTest::newRow("an unmasked frame from a client is reported when parsing as server")
        << QByteArray::fromHex("81026869") << int(WsRole::Server) << QStringLiteral("ws.unmasked_client_frame") << qint64(1) << true;
    QTest::newRow("opcode 0x3 is reserved")
        << QByteArray::fromHex("83026869") << int(WsRole::Client) << QStringLiteral("ws.reserved_opcode") << qint64(0) << true;
    QTest::newRow("opcode 0xB is reserved")
        << QByteArray::fromHex("8b00") << int(WsRole::Client) << QStringLiteral("ws.reserved_opcode") << qint64(0) << true;
    QTest::newRow("a ping of 126 bytes is too long for a control frame")
        << QByteArray::fromHex("897e007e") + QByteArray(126, 'p') << int(WsRole::Client) << QStringLiteral("ws.control_too_long") << qint64(1) << true;
    QTest::newRow("a ping without FIN is a fragmented control frame")
        << QByteArray::fromHex("0900") << int(WsRole::Client) << QStringLiteral("ws.control_fragmented") << qint64(0) << true;
    QTest::newRow("five bytes in a 16-bit length are not minimal")
        << QByteArray::fromHex("817e00056162636465") << int(WsRole::Client) << QStringLiteral("ws.non_minimal_length") << qint64(1) << true;
    QTest::newRow("300 bytes in a 64-bit length are not minimal")
        << QByteArray::fromHex("827f000000000000012c") + QByteArray(300, 'n') << int(WsRole::Client) << QStringLiteral("ws.non_minimal_length") << qint64(1) << true;
}

void TestWsFrameParser::violations()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, role);
    QFETCH(QString, id);
    QFETCH(qint64, offset);
    QFETCH(bool, frameStillDecoded);
    // Put a harmless frame in front so offsets are checked as stream offsets.
    const QByteArray lead = role == int(WsRole::Client) ? QByteArray::fromHex("8a00") : QByteArray::fromHex("8a8001020304");
    WsFrameParser parser(WsFrameParserOptions{WsRole(role), 64ull << 20, 0});
    const WsParseResult result = parser.feed(QByteArray(lead + bytes));
    bool found = false;
    for (const WsParseEvent &e : result.events) {
        if (e.type == WsParseEventType::Violation && e.violation.id() == id) {
            found = true;
            QCOMPARE(e.violation.offset, lead.size() + offset);
            QVERIFY(e.violation.kind->rfc[0] != '\0');
            QVERIFY(!violationMessage(e.violation).isEmpty());
        }
    }
    QVERIFY2(found, qPrintable(trace(result.events).join(u'\n')));
    QCOMPARE(result.events.back().type == WsParseEventType::Frame, frameStillDecoded);
    QCOMPARE(parser.state(), WsFrameParser::State::Header);
}

void TestWsFrameParser::lengthWithTopBitStopsTheStream()
{
    WsFrameParser parser;
    const QByteArray bytes = QByteArray::fromHex("827f8000000000000001" "8100");
    const WsParseResult result = parser.feed(bytes);
    QCOMPARE(result.events.size(), size_t(1));
    QCOMPARE(result.events.front().violation.id(), QStringLiteral("ws.length_msb_set"));
    QCOMPARE(result.events.front().violation.offset, 2);
    QCOMPARE(parser.state(), WsFrameParser::State::Failed);
    QVERIFY(!result.needMore);
    QCOMPARE(result.consumed, 10);
}

void TestWsFrameParser::oversizedFramePayloadIsSkippedNotAllocated()
{
    WsFrameParser parser(WsFrameParserOptions{WsRole::Client, 100, 0});
    // 200-byte binary frame, then a normal text frame: the second still decodes.
    const QByteArray bytes = QByteArray::fromHex("827e00c8") + QByteArray(200, 'b') + QByteArray::fromHex("81026f6b");
    const WsParseResult result = parser.feed(bytes);
    QCOMPARE(result.events.size(), size_t(3));
    QCOMPARE(result.events[0].violation.id(), QStringLiteral("ws.frame_too_big"));
    QVERIFY(result.events[1].frame.payloadDiscarded);
    QVERIFY(result.events[1].frame.payload.isEmpty());
    QCOMPARE(result.events[1].frame.header.payloadLength, 200u);
    QCOMPARE(result.events[2].frame.payload, QByteArray("ok"));
}

void TestWsFrameParser::negotiatedRsv1IsAllowed()
{
    WsFrameParser parser;
    parser.setAllowedRsvBits(4);
    const WsParseResult result = parser.feed(QByteArray::fromHex("c1026869" "e1026869"));
    const QStringList t = trace(result.events);
    QCOMPARE(t.size(), 3); // RSV1 fine; RSV2 still reported
    QVERIFY(t.at(1).startsWith(u"violation ws.rsv_nonzero @4"));
}

void TestWsFrameParser::fieldRangesPointAtTheRightBytes()
{
    WsFrameParser parser(WsFrameParserOptions{WsRole::Server, 1 << 20, 0});
    const QByteArray bytes = QByteArray::fromHex("82fe0100a1b2c3d4") + QByteArray(256, 'q');
    const WsFrame frame = parser.feed(bytes).events.front().frame;
    const auto r = frame.header.fieldRanges();
    QCOMPARE(r[size_t(WsField::Fin)].bitMask, quint8(0x80));
    QCOMPARE(r[size_t(WsField::Opcode)].offset, 0);
    QCOMPARE(r[size_t(WsField::Mask)].offset, 1);
    QCOMPARE(r[size_t(WsField::ExtLength)].offset, 2);
    QCOMPARE(r[size_t(WsField::ExtLength)].length, 2);
    QCOMPARE(r[size_t(WsField::MaskingKey)].offset, 4);
    QCOMPARE(r[size_t(WsField::MaskingKey)].length, 4);
    QCOMPARE(r[size_t(WsField::Payload)].offset, 8);
    QCOMPARE(r[size_t(WsField::Payload)].length, 256);
    QCOMPARE(bytes.mid(r[size_t(WsField::MaskingKey)].offset, 4).toHex(), QByteArray("a1b2c3d4"));
}

void TestWsFrameParser::stateIsExplicitWhileResuming()
{
    WsFrameParser parser(WsFrameParserOptions{WsRole::Server, 1 << 20, 0});
    const QByteArray bytes = QByteArray::fromHex("81fe0100a1b2c3d4") + QByteArray(256, 'q');
    parser.feed(bytes.left(1));
    QCOMPARE(parser.state(), WsFrameParser::State::Header);
    parser.feed(bytes.mid(1, 2));
    QCOMPARE(parser.state(), WsFrameParser::State::ExtendedLength);
    parser.feed(bytes.mid(3, 2));
    QCOMPARE(parser.state(), WsFrameParser::State::MaskingKey);
    parser.feed(bytes.mid(5, 4));
    QCOMPARE(parser.state(), WsFrameParser::State::Payload);
    const WsParseResult rest = parser.feed(bytes.mid(9));
    QCOMPARE(rest.events.size(), size_t(1));
    QCOMPARE(parser.state(), WsFrameParser::State::Header);
    QCOMPARE(parser.streamOffset(), bytes.size());
}

void TestWsFrameParser::feedFrameReportsWhatFeedReports_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("role");
    QTest::newRow("a masked client text frame (RFC 6455 §5.7) decodes as feed() decodes it")
        << QByteArray::fromHex("818537fa213d7f9f4d5158") << QByteArray("Hello") << int(WsRole::Server);
    QTest::newRow("a masked frame with a 16-bit length decodes as feed() decodes it")
        << (QByteArray::fromHex("82fe010000000000") + QByteArray(256, 'q')) << QByteArray(256, 'q') << int(WsRole::Server);
    QTest::newRow("an empty masked ping decodes as feed() decodes it")
        << QByteArray::fromHex("898001020304") << QByteArray() << int(WsRole::Server);
    QTest::newRow("an unmasked client frame with a reserved opcode is still reported")
        << QByteArray::fromHex("83026869") << QByteArray("hi") << int(WsRole::Server);
    QTest::newRow("a non-minimal 16-bit length is still reported")
        << QByteArray::fromHex("81fe000200000000" "6869") << QByteArray("hi") << int(WsRole::Server);
    QTest::newRow("a header announcing fewer bytes than the payload is parsed byte for byte")
        << QByteArray::fromHex("81830000000068696a6b6c") << QByteArray("hijkl") << int(WsRole::Server);
    QTest::newRow("a 64-bit length with the top bit set still stops the stream")
        << QByteArray::fromHex("82ff80000000000000010000000061") << QByteArray("a") << int(WsRole::Server);
}

void TestWsFrameParser::feedFrameReportsWhatFeedReports()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, payload);
    QFETCH(int, role);
    // A frame in front, so the offsets compared are stream offsets.
    const QByteArray lead = QByteArray::fromHex("8a8001020304");
    const WsFrameParserOptions options{WsRole(role), 64ull << 20, 0};
    WsFrameParser plain(options);
    const WsParseResult expected = plain.feed(QByteArray(lead + wire));
    WsFrameParser fast(options);
    WsParseResult got;
    fast.feed(lead, got);
    fast.feedFrame(wire, payload, got);
    QCOMPARE(trace(got.events), trace(expected.events));
    QCOMPARE(got.consumed, expected.consumed);
    QCOMPARE(got.needMore, expected.needMore);
    QCOMPARE(fast.state(), plain.state());
    QCOMPARE(fast.streamOffset(), plain.streamOffset());
}

void TestWsFrameParser::feedFrameSharesTheCallersPayload()
{
    WsFrameParser parser(WsFrameParserOptions{WsRole::Server, 64ull << 20, 0});
    const QByteArray payload(70000, 'p');
    QByteArray wire = QByteArray::fromHex("82ff0000000000011170a1b2c3d4") + payload;
    wsApplyMask(wire.data() + 14, payload.size(), WsMaskKey{0xa1, 0xb2, 0xc3, 0xd4});
    WsParseResult result;
    parser.feedFrame(wire, payload, result);
    QCOMPARE(result.events.size(), size_t(1));
    const WsFrame &frame = result.events.front().frame;
    QCOMPARE(frame.header.payloadLength, 70000u);
    QCOMPARE(frame.headerBytes, QByteArray::fromHex("82ff0000000000011170a1b2c3d4"));
    QCOMPARE(frame.maskedPayload(), wire.mid(14));
    QCOMPARE(frame.payload.constData(), payload.constData()); // no second allocation or unmask
    // The next frame is parsed from where the shared one ended.
    const WsParseResult next = parser.feed(QByteArray::fromHex("8a8001020304"));
    QCOMPARE(next.events.front().frame.streamOffset, wire.size());
}

void TestWsFrameParser::headerBytesAndPayloadAreIndependentValues()
{
    WsFrameParser parser;
    WsFrame frame = parser.feed(QByteArray::fromHex("8205" "68656c6c6f")).events.front().frame;
    QCOMPARE(frame.headerBytes, QByteArray::fromHex("8205"));
    QCOMPARE(frame.payload, QByteArray("hello"));
    // Growing the header must not write over the payload, nor changing the payload the header.
    frame.headerBytes.append("XYZ");
    QCOMPARE(frame.payload, QByteArray("hello"));
    frame.payload[0] = 'j';
    QCOMPARE(frame.headerBytes, QByteArray::fromHex("8205") + "XYZ");
    const WsFrame copy = frame;
    frame = WsFrame();
    QCOMPARE(copy.payload, QByteArray("jello"));
    QCOMPARE(copy.wireBytes(), QByteArray::fromHex("8205") + "XYZjello");
}

void TestWsFrameParser::feedSharedReportsWhatFeedReports_data()
{
    everySplitGivesTheSameFrames_data();
}

void TestWsFrameParser::feedSharedReportsWhatFeedReports()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, role);
    const WsFrameParserOptions options{WsRole(role), 64ull << 20, 0};
    const QStringList whole = parseWhole(stream, options);
    // Every two-chunk split, each chunk its own QByteArray (as read from a socket).
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        WsFrameParser parser(options);
        WsParseResult result;
        const QByteArray first = stream.first(cut);
        const QByteArray second = stream.sliced(cut);
        parser.feedShared(first, result);
        parser.feedShared(second, result);
        QCOMPARE(result.consumed, stream.size());
        QCOMPARE(trace(result.events), whole);
    }
}

void TestWsFrameParser::feedSharedFramesViewTheChunkAndDetachOnWrite()
{
    // Two unmasked frames and a masked one in one chunk (a lenient parse as the client).
    const QByteArray chunk = QByteArray::fromHex("8105" "68656c6c6f" "8203" "616263" "818237fa213d5f93");
    WsFrameParser parser(WsFrameParserOptions{WsRole::Client, 64ull << 20, 0});
    WsParseResult result;
    parser.feedShared(chunk, result);
    std::vector<WsFrame> frames;
    for (const WsParseEvent &e : result.events)
        if (e.type == WsParseEventType::Frame)
            frames.push_back(e.frame);
    QCOMPARE(frames.size(), size_t(3));
    // Unmasked payloads are the chunk's own bytes: no allocation, no copy.
    QCOMPARE(frames[0].payload.constData(), chunk.constData() + 2);
    QCOMPARE(frames[0].headerBytes.constData(), chunk.constData());
    QCOMPARE(frames[1].payload.constData(), chunk.constData() + 9);
    QCOMPARE(frames[1].payload, QByteArray("abc"));
    // A masked payload differs from the wire bytes: it gets its own unmasked copy.
    QVERIFY(frames[2].payload.constData() < chunk.constData() || frames[2].payload.constData() >= chunk.constData() + chunk.size());
    QCOMPARE(frames[2].payload, QByteArray("hi"));
    // Writing to a frame never changes the chunk (or the other frames).
    frames[0].payload[0] = 'j';
    QCOMPARE(frames[0].payload, QByteArray("jello"));
    QCOMPARE(chunk, QByteArray::fromHex("8105" "68656c6c6f" "8203" "616263" "818237fa213d5f93"));
    QCOMPARE(frames[1].payload, QByteArray("abc"));
    // The frames outlive the chunk they were cut from.
    QByteArray owned = QByteArray::fromHex("8102") + "ok";
    WsParseResult again;
    parser.feedShared(owned, again);
    const WsFrame kept = again.events.front().frame;
    owned = QByteArray();
    again = WsParseResult();
    QCOMPARE(kept.payload, QByteArray("ok"));
}

void TestWsFrameParser::skipFrameKeepsOffsetsInStep()
{
    WsFrameParser parser(WsFrameParserOptions{WsRole::Server, 64ull << 20, 0});
    QVERIFY(parser.atFrameBoundary());
    parser.skipFrame(38);
    const WsParseResult result = parser.feed(QByteArray::fromHex("8a8001020304"));
    QCOMPARE(result.events.front().frame.streamOffset, 38);
    // Mid-frame is not a boundary.
    parser.feed(QByteArray::fromHex("81"));
    QVERIFY(!parser.atFrameBoundary());
}

QTEST_GUILESS_MAIN(TestWsFrameParser)
#include "tst_wsframeparser.moc"

#include "core/session/wsjson.h"
#include "core/wire/httpresponseparser.h"
#include "core/wire/wsframeparser.h"
#include "core/wire/wsviolations.h"

#include <QJsonArray>
#include <QTest>

using namespace wirescope;

class TestWsJson : public QObject
{
    Q_OBJECT
private slots:
    void frameCarriesEveryHeaderField();
    void longPayloadsAreTruncatedWithTheFullLength();
    void messageIsTextOrHex();
    void violationHasIdRfcOffsetAndSentence();
    void closeRecordsBothSides();
    void handshakeRefusalKeepsItsDocumentedFields();
};

void TestWsJson::frameCarriesEveryHeaderField()
{
    WsFrameParser parser(WsFrameParserOptions{WsRole::Server, 1 << 20, 0});
    WsFrameEvent event{1234, Direction::Out, 7, parser.feed(QByteArray::fromHex("818537fa213d7f9f4d5158")).events.front().frame};
    const QJsonObject o = wsFrameToJson(event);
    QCOMPARE(o[u"event"].toString(), QStringLiteral("frame"));
    QCOMPARE(o[u"t_ns"].toDouble(), 1234.0);
    QCOMPARE(o[u"dir"].toString(), QStringLiteral("out"));
    QCOMPARE(o[u"fin"].toBool(), true);
    QCOMPARE(o[u"rsv1"].toBool(), false);
    QCOMPARE(o[u"rsv2"].toBool(), false);
    QCOMPARE(o[u"rsv3"].toBool(), false);
    QCOMPARE(o[u"opcode"].toInt(), 1);
    QCOMPARE(o[u"masked"].toBool(), true);
    QCOMPARE(o[u"length"].toInt(), 5);
    QCOMPARE(o[u"mask_key"].toString(), QStringLiteral("37fa213d"));
    QCOMPARE(o[u"payload_hex"].toString(), QStringLiteral("48656c6c6f"));
    QCOMPARE(o[u"payload_truncated"].toBool(), false);
    QCOMPARE(o[u"header_hex"].toString(), QStringLiteral("818537fa213d"));

    WsFrameParser client;
    WsFrameEvent in{1, Direction::In, 0, client.feed(QByteArray::fromHex("8900")).events.front().frame};
    QVERIFY(wsFrameToJson(in)[u"mask_key"].isNull());
}

void TestWsJson::longPayloadsAreTruncatedWithTheFullLength()
{
    WsFrameParser parser;
    WsFrameEvent event{1, Direction::In, 0, parser.feed(QByteArray(QByteArray::fromHex("827e0100") + QByteArray(256, 'x'))).events.front().frame};
    const QJsonObject o = wsFrameToJson(event, WsJsonOptions{16});
    QCOMPARE(o[u"payload_hex"].toString().size(), 32);
    QCOMPARE(o[u"payload_truncated"].toBool(), true);
    QCOMPARE(o[u"length"].toInt(), 256);
}

void TestWsJson::messageIsTextOrHex()
{
    WsMessage text;
    text.payload = "h\xc3\xa9";
    text.size = 3;
    QJsonObject o = wsMessageToJson(WsMessageEvent{5, Direction::In, text});
    QCOMPARE(o[u"type"].toString(), QStringLiteral("text"));
    QCOMPARE(o[u"text"].toString(), QStringLiteral("h\u00e9"));
    QCOMPARE(o[u"size"].toInt(), 3);
    QVERIFY(!o.contains(u"hex"));

    WsMessage binary;
    binary.type = WsMessageType::Binary;
    binary.payload = QByteArray::fromHex("00ff");
    binary.size = 2;
    o = wsMessageToJson(WsMessageEvent{5, Direction::Out, binary});
    QCOMPARE(o[u"type"].toString(), QStringLiteral("binary"));
    QCOMPARE(o[u"hex"].toString(), QStringLiteral("00ff"));
    QCOMPARE(o[u"dir"].toString(), QStringLiteral("out"));
}

void TestWsJson::violationHasIdRfcOffsetAndSentence()
{
    const QJsonObject o = wsViolationToJson(WsViolationEvent{9, Direction::In, Violation{&wsv::ReservedOpcode, 42, 1, QStringLiteral("opcode 0x3")}});
    QCOMPARE(o[u"event"].toString(), QStringLiteral("violation"));
    QCOMPARE(o[u"id"].toString(), QStringLiteral("ws.reserved_opcode"));
    QCOMPARE(o[u"rfc"].toString(), QStringLiteral("RFC 6455 §5.2"));
    QCOMPARE(o[u"offset"].toInt(), 42);
    QVERIFY(o[u"message"].toString().startsWith(u"The frame uses a reserved opcode"));
    QCOMPARE(o[u"severity"].toString(), QStringLiteral("error"));
}

void TestWsJson::closeRecordsBothSides()
{
    WsCloseRecord r;
    r.tNs = 77;
    r.initiator = WsCloseInitiator::Server;
    r.sentClose = r.receivedClose = true;
    r.sentCode = 4001;
    r.receivedCode = 4001;
    r.receivedReason = QStringLiteral("bye");
    r.code = 4001;
    r.reason = QStringLiteral("bye");
    r.clean = true;
    const QJsonObject o = wsCloseToJson(r);
    QCOMPARE(o[u"code"].toInt(), 4001);
    QCOMPARE(o[u"reason"].toString(), QStringLiteral("bye"));
    QCOMPARE(o[u"initiator"].toString(), QStringLiteral("server"));
    QCOMPARE(o[u"clean"].toBool(), true);
    QCOMPARE(o[u"sent_code"].toInt(), 4001);
    QVERIFY(o[u"error"].isNull());
}

void TestWsJson::handshakeRefusalKeepsItsDocumentedFields()
{
    // The answer as WsConnection records it: read by HttpResponseParser, raw bytes kept.
    const QByteArray head = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Busy\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\n\r\n";
    const QByteArray body = "4\r\nbusy\r\n5\r\n, try\r\n0\r\n\r\n";
    HttpResponseParser parser;
    parser.reset("GET", 0, true);
    QCOMPARE(parser.feed(QByteArray(head + body)).status, ParseStatus::Complete);
    WsHandshakeRecord record;
    record.responseBytes = head + body;
    record.response = parser.response();
    WsJsonOptions options;
    options.maxPayloadBytes = 6;
    const QJsonObject o = wsHandshakeToJson(record, options);
    QCOMPARE(o[u"response"].toString(), QString::fromLatin1(head)); // every head byte as received
    QCOMPARE(o[u"status"].toInt(), 503);
    QCOMPARE(o[u"response_headers"].toArray().at(1).toArray().at(0).toString(), QStringLiteral("X-A"));
    QCOMPARE(o[u"body"].toString(), QStringLiteral("busy, "));
    QCOMPARE(o[u"body_size"].toInt(), 9);
    QCOMPARE(o[u"body_truncated"].toBool(), true);
    QCOMPARE(o[u"body_chunked"].toBool(), true);
    QCOMPARE(o[u"body_raw_size"].toInt(), body.size()); // response + these bytes crossed the socket
    QCOMPARE(o[u"ok"].toBool(), false);
}

QTEST_GUILESS_MAIN(TestWsJson)
#include "tst_wsjson.moc"

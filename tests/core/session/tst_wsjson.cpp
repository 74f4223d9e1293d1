#include "core/session/sessionclock.h"
#include "core/session/wsjson.h"
#include "core/wire/httpresponseparser.h"
#include "core/wire/wsframeparser.h"
#include "core/wire/wsviolations.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace wirescope;

class TestWsJson : public QObject
{
    Q_OBJECT
private slots:
    void everyLineCarriesTheVersionAndItsTime();
    void sessionLineAnchorsTheClock();
    void handshakeHasPhasesTlsAndHeaderObjects();
    void frameCarriesEveryHeaderField();
    void longPayloadsAreTruncatedWithTheFullLength();
    void messageIsTextOrHex();
    void violationHasIdRfcOffsetAndSentence();
    void closeRecordsBothSides();
    void handshakeRefusalKeepsItsDocumentedFields();
    void errorIsTheFailureObject();
};

void TestWsJson::everyLineCarriesTheVersionAndItsTime()
{
    WsFrameParser parser;
    WsHandshakeRecord handshake;
    handshake.timings.lastByteNs = 11;
    WsCloseRecord close;
    close.tNs = 66;
    const QList<QPair<QJsonObject, qint64>> lines{
        {wsSessionToJson(SessionClock(), QUrl(QStringLiteral("ws://h/"))), 0},
        {wsHandshakeToJson(handshake), 11},
        {wsFrameToJson(WsFrameEvent{22, Direction::In, 0, parser.feed(QByteArray::fromHex("8900")).events.front().frame}), 22},
        {wsMessageToJson(WsMessageEvent{33, Direction::In, WsMessage()}), 33},
        {wsViolationToJson(WsViolationEvent{44, Direction::In, Violation{&wsv::RsvNonzero, 0, 1, QString()}}), 44},
        {wsPongToJson(WsPongEvent{55, "p", 5}), 55},
        {wsErrorToJson(WsErrorEvent{60, Failure::of(failures::SocketError)}), 60},
        {wsCloseToJson(close), 66},
    };
    for (const auto &[line, tNs] : lines) {
        QVERIFY2(line[u"format_version"].toInt() == 2, qPrintable(line[u"event"].toString()));
        QVERIFY2(line[u"t_ns"].toInteger() == tNs, qPrintable(line[u"event"].toString()));
        QVERIFY(!line[u"event"].toString().isEmpty());
    }
}

void TestWsJson::sessionLineAnchorsTheClock()
{
    const SessionClock clock;
    const QJsonObject o = wsSessionToJson(clock, QUrl(QStringLiteral("wss://example.test/chat")));
    QCOMPARE(o[u"event"].toString(), QStringLiteral("session"));
    QCOMPARE(o[u"t_ns"].toInteger(), 0);
    QCOMPARE(QDateTime::fromString(o[u"started_at"].toString(), Qt::ISODateWithMs), clock.wallAnchor());
    QCOMPARE(o[u"url"].toString(), QStringLiteral("wss://example.test/chat"));
}

void TestWsJson::handshakeHasPhasesTlsAndHeaderObjects()
{
    WsHandshakeRecord r;
    r.timings.dnsStartNs = 100;
    r.timings.dnsEndNs = 150;
    r.timings.connectStartNs = 150;
    r.timings.connectEndNs = 450;
    r.timings.sslStartNs = 450;
    r.timings.sslEndNs = 1'150;
    r.timings.sendStartNs = 2'000; // the request written
    r.timings.firstByteNs = 2'400;
    r.timings.lastByteNs = 2'500;  // the response head complete
    r.tls.used = true;
    r.tls.protocol = QStringLiteral("TLSv1.3");
    r.response.status = 101;
    r.response.headers = {HttpHeaderField{"Upgrade", "websocket", {}, -1}, HttpHeaderField{"X-Note", "\xe9", {}, -1}};
    const QJsonObject o = wsHandshakeToJson(r);
    QCOMPARE(o[u"t_ns"].toInteger(), 2'500);
    QCOMPARE(o[u"request_t_ns"].toInteger(), 2'000);
    const QJsonObject t = o[u"timings"].toObject();
    QCOMPARE(t[u"dns"].toInteger(), 50);
    QCOMPARE(t[u"connect"].toInteger(), 1'850); // TCP + TLS up to the request, as HAR counts it
    QCOMPARE(t[u"ssl"].toInteger(), 700);
    QCOMPARE(t[u"wait"].toInteger(), 500);
    QCOMPARE(t[u"total"].toInteger(), 2'400); // dns + connect + wait
    QCOMPARE(o[u"tls"].toObject()[u"protocol"].toString(), QStringLiteral("TLSv1.3"));
    const QJsonArray headers = o[u"response_headers"].toArray();
    QCOMPARE(headers.at(0).toObject()[u"name"].toString(), QStringLiteral("Upgrade"));
    QCOMPARE(headers.at(1).toObject()[u"value_hex"].toString(), QStringLiteral("e9"));

    WsHandshakeRecord plain; // ws:// to an IP literal: neither DNS nor TLS
    plain.timings.connectStartNs = 0;
    plain.timings.connectEndNs = 300;
    plain.timings.sendStartNs = 300;
    plain.timings.lastByteNs = 400;
    const QJsonObject plainTimings = wsHandshakeToJson(plain)[u"timings"].toObject();
    QCOMPARE(plainTimings[u"ssl"].toInteger(), -1);
    QCOMPARE(plainTimings[u"dns"].toInteger(), -1);
    QCOMPARE(plainTimings[u"total"].toInteger(), 400);
    QVERIFY(wsHandshakeToJson(plain)[u"tls"].isNull());
}

void TestWsJson::errorIsTheFailureObject()
{
    const QJsonObject o = wsErrorToJson(WsErrorEvent{3, Failure::of(failures::ConnectRefused, QStringLiteral("Connection refused"))});
    QCOMPARE(o[u"event"].toString(), QStringLiteral("error"));
    QCOMPARE(o[u"id"].toString(), QStringLiteral("connect.refused"));
    QCOMPARE(o[u"class"].toString(), QStringLiteral("connect"));
    QVERIFY(o[u"message"].toString().endsWith(u"Connection refused"));
}

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
    QCOMPARE(o[u"length"].toInt(), 1);
    QCOMPARE(o[u"detail"].toString(), QStringLiteral("opcode 0x3"));
    QCOMPARE(o[u"dir"].toString(), QStringLiteral("in"));
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

    WsCloseRecord failed;
    failed.failure = Failure::of(failures::TimeoutClose);
    const QJsonObject error = wsCloseToJson(failed)[u"error"].toObject();
    QCOMPARE(error[u"id"].toString(), QStringLiteral("timeout.close"));
    QCOMPARE(error[u"class"].toString(), QStringLiteral("incomplete"));
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
    QCOMPARE(o[u"response_headers"].toArray().at(1).toObject()[u"name"].toString(), QStringLiteral("X-A"));
    QCOMPARE(o[u"body"].toString(), QStringLiteral("busy, "));
    QCOMPARE(o[u"body_size"].toInt(), 9);
    QCOMPARE(o[u"body_truncated"].toBool(), true);
    QCOMPARE(o[u"body_chunked"].toBool(), true);
    QCOMPARE(o[u"body_raw_size"].toInt(), body.size()); // response + these bytes crossed the socket
    QCOMPARE(o[u"ok"].toBool(), false);
}

QTEST_GUILESS_MAIN(TestWsJson)
#include "tst_wsjson.moc"

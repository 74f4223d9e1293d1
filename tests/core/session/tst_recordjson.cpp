// The objects `http` and `ws` share (docs/cli.md): one encoder each, and the same object in
// both commands' output for the same fact.
#include "core/session/httpexchangejson.h"
#include "core/session/recordjson.h"
#include "core/session/sessionclock.h"
#include "core/session/wsjson.h"
#include "core/wire/httpresponseparser.h"
#include "core/wire/httpviolations.h"
#include "core/wire/wsviolations.h"

#include <QJsonArray>
#include <QTest>

using namespace wirescope;

namespace {

QStringList keys(const QJsonObject &o)
{
    QStringList k = o.keys();
    k.sort();
    return k;
}

TlsInfo sampleTls()
{
    TlsInfo tls;
    tls.used = true;
    tls.protocol = QStringLiteral("TLSv1.3");
    tls.cipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
    tls.alpn = "http/1.1";
    TlsCertificateInfo leaf;
    leaf.subject = QStringLiteral("CN=localhost");
    leaf.issuer = QStringLiteral("CN=Wirescope Test CA");
    leaf.notBefore = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    leaf.notAfter = QDateTime(QDate(2034, 1, 1), QTime(0, 0), Qt::UTC);
    leaf.sha256 = "ab12";
    leaf.subjectAltNames = {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")};
    tls.chain.append(leaf);
    tls.errors.append(TlsErrorInfo{QStringLiteral("tls.self_signed_certificate"), QStringLiteral("self signed"), 0});
    tls.errorsIgnored = true;
    return tls;
}

// An exchange whose final response carries `headers` and a violation, over `tls`.
HttpExchangeRecord exchangeWith(const QByteArray &head, const TlsInfo &tls, const Failure &error)
{
    HttpHop hop;
    HttpResponseParser parser({}, HttpParserLeniency{true, false}); // a bare LF is a warning
    parser.reset("GET", 0);
    parser.feed(head);
    hop.response = parser.response();
    hop.connection.tls = tls;
    hop.complete = error.isNull();
    HttpExchangeRecord record;
    record.hops.append(hop);
    record.error = error;
    return record;
}

// A ws line without what makes it a line: what is left is the shared object.
QJsonObject withoutEnvelope(QJsonObject line)
{
    for (const char *key : {"event", "format_version", "t_ns", "dir"})
        line.remove(QLatin1String(key));
    return line;
}

} // namespace

class TestRecordJson : public QObject
{
    Q_OBJECT
private slots:
    void violationObject_data();
    void violationObject();
    void failureObject_data();
    void failureObject();
    void tlsObject();
    void headerKeepsBytesOutsidePrintableAscii_data();
    void headerKeepsBytesOutsidePrintableAscii();
    void headerListsKeepOrderAndDuplicatesWhateverTheirType();
    void phaseTimingsAreIntegerNanosecondsWithHarNames_data();
    void phaseTimingsAreIntegerNanosecondsWithHarNames();
    void startedAtIsTheClocksWallAnchorInUtc();
    void bothCommandsPrintTheSameObjects();
};

void TestRecordJson::violationObject_data()
{
    QTest::addColumn<Violation>("violation");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("rfc");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("group");
    QTest::newRow("a reserved opcode is a protocol error with its byte")
        << Violation{&wsv::ReservedOpcode, 42, 1, QStringLiteral("opcode 0x3")} << QStringLiteral("ws.reserved_opcode")
        << QStringLiteral("RFC 6455 §5.2") << QStringLiteral("error") << QStringLiteral("protocol");
    QTest::newRow("a tolerated bare LF is a warning")
        << Violation{&httpv::BareLfTolerated, 17, 1, QString()} << QStringLiteral("http.bare_lf")
        << QStringLiteral("RFC 9112 §2.2") << QStringLiteral("warning") << QStringLiteral("protocol");
    QTest::newRow("a handshake check not tied to bytes has offset -1")
        << Violation{&wsv::HandshakeAcceptMismatch, -1, 0, QStringLiteral("expected x")}
        << QStringLiteral("ws.handshake.accept_mismatch") << QString::fromUtf8(wsv::HandshakeAcceptMismatch.rfc)
        << QStringLiteral("error") << violationGroupName(wsv::HandshakeAcceptMismatch.group);
}

void TestRecordJson::violationObject()
{
    QFETCH(Violation, violation);
    QFETCH(QString, id);
    QFETCH(QString, rfc);
    QFETCH(QString, severity);
    QFETCH(QString, group);
    const QJsonObject o = violationToJson(violation);
    QCOMPARE(keys(o), (QStringList{QStringLiteral("detail"), QStringLiteral("group"), QStringLiteral("id"), QStringLiteral("length"),
                                   QStringLiteral("message"), QStringLiteral("offset"), QStringLiteral("rfc"), QStringLiteral("severity")}));
    QCOMPARE(o[u"id"].toString(), id);
    QCOMPARE(o[u"rfc"].toString(), rfc);
    QCOMPARE(o[u"severity"].toString(), severity);
    QCOMPARE(o[u"group"].toString(), group);
    QCOMPARE(o[u"offset"].toInteger(), violation.offset);
    QCOMPARE(o[u"length"].toInteger(), violation.length);
    QCOMPARE(o[u"detail"].toString(), violation.detail);
    QCOMPARE(o[u"message"].toString(), violationMessage(violation));
}

void TestRecordJson::failureObject_data()
{
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("failureClass");
    QTest::addColumn<int>("exitStatus");
    QTest::newRow("a refused connection could not connect")
        << Failure::of(failures::ConnectRefused, QStringLiteral("Connection refused")) << QStringLiteral("connect.refused")
        << QStringLiteral("connect") << 3;
    QTest::newRow("the total time limit cuts a run short")
        << Failure::of(failures::TimeoutTotal) << QStringLiteral("timeout.total") << QStringLiteral("incomplete") << 1;
    QTest::newRow("an invalid request sent nothing")
        << Failure::of(failures::RequestInvalid) << QStringLiteral("request.invalid") << QStringLiteral("usage") << 2;
    QTest::newRow("a bad Sec-WebSocket-Accept fails the upgrade")
        << Failure::of(Violation{&wsv::HandshakeAcceptMismatch, -1, 0, QString()})
        << QStringLiteral("ws.handshake.accept_mismatch") << QStringLiteral("handshake") << 4;
    QTest::newRow("a bad status line breaks the protocol")
        << Failure::of(Violation{&httpv::BadStatusLine, 0, 3, QString()}) << QStringLiteral("http.bad_status_line")
        << QStringLiteral("protocol") << 5;
    QTest::newRow("a reserved opcode breaks the protocol")
        << Failure::of(Violation{&wsv::ReservedOpcode, 0, 1, QString()}) << QStringLiteral("ws.reserved_opcode")
        << QStringLiteral("protocol") << 5;
}

void TestRecordJson::failureObject()
{
    QFETCH(Failure, failure);
    QFETCH(QString, id);
    QFETCH(QString, failureClass);
    QFETCH(int, exitStatus);
    const QJsonObject o = failureToJson(failure).toObject();
    QCOMPARE(keys(o), (QStringList{QStringLiteral("class"), QStringLiteral("id"), QStringLiteral("message")}));
    QCOMPARE(o[u"id"].toString(), id);
    QCOMPARE(o[u"class"].toString(), failureClass);
    QCOMPARE(o[u"message"].toString(), failure.message());
    QCOMPARE(exitStatusFor(failure.failureClass()), exitStatus);
    QVERIFY(failureToJson(Failure()).isNull());
}

void TestRecordJson::tlsObject()
{
    QVERIFY(tlsToJson(TlsInfo()).isNull());
    const QJsonObject o = tlsToJson(sampleTls()).toObject();
    QCOMPARE(keys(o), (QStringList{QStringLiteral("alpn"), QStringLiteral("chain"), QStringLiteral("cipher"), QStringLiteral("errors"),
                                   QStringLiteral("errors_ignored"), QStringLiteral("protocol")}));
    QCOMPARE(o[u"protocol"].toString(), QStringLiteral("TLSv1.3"));
    QCOMPARE(o[u"alpn"].toString(), QStringLiteral("http/1.1"));
    const QJsonObject leaf = o[u"chain"].toArray().first().toObject();
    QCOMPARE(leaf[u"not_before"].toString(), QStringLiteral("2024-01-01T00:00:00Z"));
    QCOMPARE(leaf[u"not_after"].toString(), QStringLiteral("2034-01-01T00:00:00Z"));
    QCOMPARE(leaf[u"subject_alt_names"].toArray().size(), 2);
    const QJsonObject error = o[u"errors"].toArray().first().toObject();
    QCOMPARE(error[u"id"].toString(), QStringLiteral("tls.self_signed_certificate"));
    QCOMPARE(error[u"certificate"].toInt(), 0);
    QCOMPARE(o[u"errors_ignored"].toBool(), true);

    // A certificate refused before the handshake finished is still shown.
    TlsInfo refused;
    refused.errors = sampleTls().errors;
    QVERIFY(tlsToJson(refused).isObject());
}

void TestRecordJson::headerKeepsBytesOutsidePrintableAscii_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hex");
    QTest::newRow("printable ASCII is text only") << QByteArray("Content-Type") << QByteArray("text/plain; q=0.5") << QStringLiteral("text/plain; q=0.5") << false;
    QTest::newRow("an empty value is text only") << QByteArray("X-Empty") << QByteArray() << QString() << false;
    QTest::newRow("a Latin-1 obs-text byte keeps its bytes") << QByteArray("X-Name") << QByteArray("caf\xe9") << QStringLiteral("caf\ufffd") << true;
    QTest::newRow("UTF-8 text is decoded and keeps its bytes") << QByteArray("X-Name") << QByteArray("caf\xc3\xa9") << QStringLiteral("caf\u00e9") << true;
    QTest::newRow("a NUL byte keeps its bytes") << QByteArray("X-Nul") << QByteArray("a\0b", 3) << QStringLiteral("a") + QChar(0) + u'b' << true;
    QTest::newRow("a tab keeps its bytes") << QByteArray("X-Tab") << QByteArray("a\tb") << QStringLiteral("a\tb") << true;
    QTest::newRow("a byte outside ASCII in the name keeps both") << QByteArray("X-\xff") << QByteArray("v") << QStringLiteral("v") << true;
}

void TestRecordJson::headerKeepsBytesOutsidePrintableAscii()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QString, text);
    QFETCH(bool, hex);
    const QJsonObject o = headerToJson(name, value);
    QCOMPARE(o[u"name"].toString(), QString::fromUtf8(name));
    QCOMPARE(o[u"value"].toString(), text);
    QCOMPARE(o.contains(u"name_hex"), hex);
    QCOMPARE(o.contains(u"value_hex"), hex);
    if (hex) {
        QCOMPARE(QByteArray::fromHex(o[u"name_hex"].toString().toLatin1()), name);
        QCOMPARE(QByteArray::fromHex(o[u"value_hex"].toString().toLatin1()), value);
    }
}

void TestRecordJson::headerListsKeepOrderAndDuplicatesWhateverTheirType()
{
    const QList<WsHeader> ws{{"X-Dup", "1"}, {"Host", "h"}, {"X-Dup", "2\xff"}};
    QList<WireHeader> wire;
    QList<HttpHeaderField> fields;
    for (const WsHeader &h : ws) {
        wire.append(WireHeader{h.first, h.second});
        fields.append(HttpHeaderField{h.first, h.second, h.first + ": " + h.second + "\r\n", 0});
    }
    const QJsonArray fromWs = headersToJson(ws);
    QCOMPARE(headersToJson(wire), fromWs);
    QCOMPARE(headersToJson(fields), fromWs);
    QCOMPARE(fromWs.size(), 3);
    QCOMPARE(fromWs.at(0).toObject()[u"value"].toString(), QStringLiteral("1"));
    QCOMPARE(fromWs.at(2).toObject()[u"value_hex"].toString(), QStringLiteral("32ff"));
}

void TestRecordJson::phaseTimingsAreIntegerNanosecondsWithHarNames_data()
{
    QTest::addColumn<PhaseTimings>("timings");
    QTest::addColumn<QList<qint64>>("expected"); // blocked dns connect ssl send wait receive total
    PhaseTimings fresh;
    fresh.startNs = 1'000'000;
    fresh.dnsStartNs = 1'000'100;
    fresh.dnsEndNs = 1'200'100;
    fresh.connectStartNs = 1'200'100;
    fresh.connectEndNs = 1'500'000;
    fresh.sslStartNs = 1'500'000;
    fresh.sslEndNs = 1'900'000;
    fresh.sendStartNs = 1'900'000;
    fresh.sendEndNs = 1'900'333;
    fresh.firstByteNs = 2'400'333;
    fresh.lastByteNs = 2'400'999;
    QTest::newRow("a new TLS connection has every phase") << fresh << QList<qint64>{100, 200'000, 699'900, 400'000, 333, 500'000, 666, 1'400'999};
    PhaseTimings reused;
    reused.startNs = 10;
    reused.sendStartNs = 15;
    reused.sendEndNs = 20;
    reused.firstByteNs = 30;
    reused.lastByteNs = 31;
    QTest::newRow("a reused connection has no dns, connect or ssl") << reused << QList<qint64>{5, -1, -1, -1, 5, 10, 1, 21};
    QTest::newRow("nothing sent is -1 everywhere") << PhaseTimings() << QList<qint64>(8, -1);
}

void TestRecordJson::phaseTimingsAreIntegerNanosecondsWithHarNames()
{
    QFETCH(PhaseTimings, timings);
    QFETCH(QList<qint64>, expected);
    const QJsonObject o = phaseTimingsToJson(timings.durations());
    QCOMPARE(o.size(), 8);
    QList<qint64> actual;
    for (const char *name : {"blocked", "dns", "connect", "ssl", "send", "wait", "receive", "total"}) {
        const QJsonValue v = o.value(QLatin1String(name));
        QVERIFY2(v.isDouble() && v.toDouble() == double(v.toInteger()), name);
        actual.append(v.toInteger());
    }
    QCOMPARE(actual, expected);
}

void TestRecordJson::startedAtIsTheClocksWallAnchorInUtc()
{
    const SessionClock clock;
    const QString text = startedAtJson(clock);
    QVERIFY2(text.endsWith(u'Z'), qPrintable(text));
    QCOMPARE(QDateTime::fromString(text, Qt::ISODateWithMs), clock.wallAnchor());
}

void TestRecordJson::bothCommandsPrintTheSameObjects()
{
    const Failure failure = Failure::of(failures::SocketError, QStringLiteral("reset by peer"));
    HttpExchangeRecord record = exchangeWith("HTTP/1.1 200 OK\nX-Summer: \xe9t\xe9\r\nContent-Length: 0\r\n\r\n", sampleTls(), failure);
    const SessionClock clock;
    const QJsonObject http = httpExchangeToJson(record, clock);
    const QJsonObject response = http[u"response"].toObject();

    const Violation bareLf = record.hops.first().response.violations.first();
    QCOMPARE(bareLf.id(), QStringLiteral("http.bare_lf"));
    const QJsonObject wsViolation = wsViolationToJson(WsViolationEvent{5, Direction::In, bareLf});
    QCOMPARE(response[u"violations"].toArray().first().toObject(), withoutEnvelope(wsViolation));
    QCOMPARE(withoutEnvelope(wsViolation), violationToJson(bareLf));

    WsHandshakeRecord handshake;
    handshake.tls = sampleTls();
    for (const HttpHeaderField &h : record.hops.first().response.headers)
        handshake.response.headers.append(h);
    const QJsonObject wsHandshake = wsHandshakeToJson(handshake);
    QCOMPARE(wsHandshake[u"tls"], http[u"connection"].toObject()[u"tls"]);
    QCOMPARE(wsHandshake[u"response_headers"], response[u"headers"]);
    QVERIFY(response[u"headers"].toArray().first().toObject().contains(u"value_hex"));

    const QJsonObject wsError = wsErrorToJson(WsErrorEvent{9, failure});
    QCOMPARE(withoutEnvelope(wsError), http[u"error"].toObject());
    WsCloseRecord close;
    close.failure = failure;
    QCOMPARE(wsCloseToJson(close)[u"error"], http[u"error"]);
}

QTEST_GUILESS_MAIN(TestRecordJson)
#include "tst_recordjson.moc"

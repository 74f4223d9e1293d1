// HAR files from Chrome, Firefox, HTTP Toolkit, mitmproxy and Wirescope itself become
// timeline content (exchanges, WebSocket connections with message rows and their close)
// holding only what the HAR held; bad input is refused with an id and builds nothing.
#include "core/session/harreader.h"
#include "core/session/harwriter.h"
#include "core/session/session.h"
#include "tests/peers/demopeer.h"
#include "tests/peers/demorecording.h"

#include <QBuffer>
#include <QtTest>

using namespace wirescope;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(WIRESCOPE_SOURCE_DIR "/tests/core/session/har/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Imported records in a timeline of their own.
struct Imported {
    Timeline timeline;
    HarImport import;
    QList<qsizetype> rows(RowKind kind) const
    {
        QList<qsizetype> out;
        for (qsizetype i = 0; i < timeline.rowCount(); ++i)
            if (timeline.row(i).rowKind() == kind)
                out << i;
        return out;
    }
};

std::unique_ptr<Imported> import(const QByteArray &json, QString *error)
{
    HarReader reader;
    std::optional<HarImport> result = reader.read(json);
    if (!result) {
        *error = reader.error().message();
        return nullptr;
    }
    auto out = std::make_unique<Imported>();
    out->import = std::move(*result);
    out->timeline.apply(RecordBatch(out->import.batch));
    return out;
}

// What the window shows of an import, row by row: connections opened, exchanges (status,
// remote address, body), handshakes, messages (direction, opcode, payload) and closes, with
// their session times in µs.
QStringList describe(const Timeline &t)
{
    QStringList out;
    for (qsizetype i = 0; i < t.rowCount(); ++i) {
        const TimelineRow &r = t.row(i);
        const QString c = QString::number(r.connection);
        if (r.rowKind() == RowKind::Exchange) {
            const HttpHop &hop = t.exchange(i)->hops.front();
            out << QStringLiteral("%1 %2 %3 -> %4 %5 [%6] body %7 req %8").arg(c, QString::fromLatin1(hop.request.method), hop.request.url)
                       .arg(hop.response.status).arg(QString::fromLatin1(hop.response.version), hop.connection.remoteAddress,
                            QString::fromLatin1(hop.response.decodedBody.left(12).toHex()), QString::fromLatin1(hop.request.body.toHex()));
        } else if (r.rowKind() == RowKind::Message) {
            out << QStringLiteral("%1 %2 %3 %4 @%5us").arg(c, r.direction() == Direction::Out ? QStringLiteral(">") : QStringLiteral("<"))
                       .arg(r.opcode).arg(QString::fromLatin1(t.payload(i).toHex())).arg(r.tNs / 1000);
        } else if (r.rowKind() == RowKind::Event && r.extra == quint8(EventType::Opening)) {
            out << QStringLiteral("%1 open %2").arg(c, t.connection(r.connection)->label);
        } else if (r.rowKind() == RowKind::Event && r.extra == quint8(EventType::Handshake)) {
            const auto &hs = t.connection(r.connection)->handshake;
            out << QStringLiteral("%1 handshake %2 [%3] @%4us").arg(c).arg(hs->response.status).arg(hs->peerAddress).arg(r.tNs / 1000);
        } else if (r.rowKind() == RowKind::Event && r.extra == quint8(EventType::Closed)) {
            const auto &close = t.connection(r.connection)->close;
            out << QStringLiteral("%1 close %2 \"%3\" @%4us").arg(c).arg(close->code).arg(close->reason).arg(r.tNs / 1000);
        }
    }
    return out;
}

} // namespace

class TestHarReader : public QObject
{
    Q_OBJECT
private slots:
    void aWirescopeExportComesBackAsTheSameTraffic();
    void otherToolsFilesAreRead_data();
    void otherToolsFilesAreRead();
    void timingsAndBodiesAreTheHarsOwn();
    void eachToolsShapeShowsWhatItHeld_data();
    void eachToolsShapeShowsWhatItHeld();
    void badInputIsRefusedWithAnId_data();
    void badInputIsRefusedWithAnId();
    void connectionsAreGroupedOnlyByIds_data();
    void connectionsAreGroupedOnlyByIds();
    void oneBadPartIsLeftOutWithANote_data();
    void oneBadPartIsLeftOutWithANote();
};

void TestHarReader::aWirescopeExportComesBackAsTheSameTraffic()
{
    test::DemoPeer demo;
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    Session session;
    QVERIFY2(test::DemoRecording::record(session, demo, &error), qPrintable(error));
    ExportOptions options;
    options.wallAnchor = session.clock().wallAnchor();
    options.redaction = RedactionRules::none();
    QBuffer har;
    har.open(QIODevice::WriteOnly);
    QVERIFY2(writeHar(session.timeline(), &har, options, &error), qPrintable(error));

    const auto back = import(har.data(), &error);
    QVERIFY2(back, qPrintable(error));
    const Timeline &t = back->timeline;
    const Timeline &original = session.timeline();
    // The exchanges: same requests, answers and bodies; no bytes invented.
    QList<std::shared_ptr<const HttpExchangeRecord>> recorded;
    for (qsizetype i = 0; i < original.rowCount(); ++i)
        if (auto r = original.exchange(i))
            recorded << r;
    const QList<qsizetype> exchanges = back->rows(RowKind::Exchange);
    QCOMPARE(exchanges.size(), recorded.size());
    for (qsizetype i = 0; i < exchanges.size(); ++i) {
        const HttpHop &was = recorded[i]->hops.front();
        const HttpHop &is = t.exchange(exchanges[i])->hops.front();
        QCOMPARE(is.request.method, was.request.method);
        QCOMPARE(is.request.url, was.request.url);
        QCOMPARE(is.request.body, was.request.body);
        QCOMPARE(is.response.status, was.response.status);
        QCOMPARE(is.response.decodedBody, was.response.decodedBody);
        QCOMPARE(is.response.headers.size(), was.response.headers.size());
        QVERIFY(is.requestBytes.isEmpty() && is.responseBytes.isEmpty());
        // Session time: the HAR's millisecond clock, so within a millisecond of the original.
        const qint64 anchorShift = (back->import.wallAnchor.toMSecsSinceEpoch()
                                    - session.clock().wallAnchor().toMSecsSinceEpoch()) * 1'000'000;
        QVERIFY(qAbs(is.timings.startNs + anchorShift - was.timings.startNs) < 1'000'000);
        QVERIFY(qAbs(is.timings.waitNs() - was.timings.waitNs()) < 1'000);
    }
    // Both exchanges shared one connection, and still do.
    QCOMPARE(t.row(exchanges[0]).connection, t.row(exchanges[1]).connection);
    QCOMPARE(t.connection(t.row(exchanges[0]).connection)->protocol, ConnectionProtocol::Http);

    // The WebSocket: its messages in order, payloads exact, and its close.
    QStringList was;
    for (qsizetype i = 0; i < original.rowCount(); ++i) {
        const TimelineRow &r = original.row(i);
        const bool oneFrame = r.rowKind() == RowKind::Frame && (r.opcode == 1 || r.opcode == 2) && !r.has(TimelineRow::Fragment);
        if (oneFrame || r.rowKind() == RowKind::Message)
            was << QStringLiteral("%1 %2 %3").arg(r.direction() == Direction::Out ? u'>' : u'<').arg(r.opcode)
                       .arg(QString::fromLatin1(original.payload(i).toHex()));
    }
    QStringList is;
    quint32 ws = 0;
    for (qsizetype i : back->rows(RowKind::Message)) {
        const TimelineRow &r = t.row(i);
        ws = r.connection;
        is << QStringLiteral("%1 %2 %3").arg(r.direction() == Direction::Out ? u'>' : u'<').arg(r.opcode)
                  .arg(QString::fromLatin1(t.payload(i).toHex()));
    }
    QCOMPARE(is, was);
    const TimelineConnection *c = t.connection(ws);
    QVERIFY(c && c->handshake && c->close);
    QCOMPARE(c->protocol, ConnectionProtocol::WebSocket);
    QCOMPARE(c->handshake->response.status, 101);
    QCOMPARE(c->close->code, quint16(1000));
    QCOMPARE(c->close->reason, QStringLiteral("bye"));
    QCOMPARE(c->frameCount[0] + c->frameCount[1], quint64(0)); // HAR has no frames
    QCOMPARE(c->streams[0].end() + c->streams[1].end(), qint64(0)); // nor bytes
}

void TestHarReader::otherToolsFilesAreRead_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exchanges");
    QTest::addColumn<int>("messages");
    QTest::addColumn<QList<int>>("closeCodes");
    QTest::addColumn<int>("notes");
    QTest::newRow("Chrome: a WebSocket with text and binary messages, an HTTP/2 page")
        << QStringLiteral("chrome-websocket.har") << 1 << 4 << QList<int>() << 1;
    QTest::newRow("Firefox: a form POST, offsets in dates, no headersSize")
        << QStringLiteral("firefox-form.har") << 1 << 0 << QList<int>() << 0;
    QTest::newRow("HTTP Toolkit: closes as an object and as \"aborted\", a ping left out")
        << QStringLiteral("httptoolkit-close.har") << 0 << 1 << QList<int>{4001, 1006} << 2;
    QTest::newRow("mitmproxy: microsecond dates, a base64 body")
        << QStringLiteral("mitmproxy.har") << 1 << 0 << QList<int>() << 0;
}

void TestHarReader::otherToolsFilesAreRead()
{
    QFETCH(QString, file);
    QFETCH(int, exchanges);
    QFETCH(int, messages);
    QFETCH(QList<int>, closeCodes);
    QFETCH(int, notes);
    QString error;
    const auto back = import(fixture(file), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->rows(RowKind::Exchange).size(), exchanges);
    QCOMPARE(back->rows(RowKind::Message).size(), messages);
    QList<int> codes;
    for (quint32 id : back->timeline.connectionIds())
        if (const auto &close = back->timeline.connection(id)->close)
            codes << close->code;
    QCOMPARE(codes, closeCodes);
    QCOMPARE(back->import.notes.size(), notes);
}

void TestHarReader::timingsAndBodiesAreTheHarsOwn()
{
    QString error;
    // Chrome: the earliest entry is session time 0; the WebSocket started 223 ms later.
    const auto chrome = import(fixture(QStringLiteral("chrome-websocket.har")), &error);
    QVERIFY2(chrome, qPrintable(error));
    QCOMPARE(chrome->import.wallAnchor, QDateTime::fromString(QStringLiteral("2024-05-01T09:29:59.900Z"), Qt::ISODateWithMs));
    const Timeline &t = chrome->timeline;
    const QList<qsizetype> messages = chrome->rows(RowKind::Message);
    QCOMPARE(t.payload(messages[2]), QByteArray("\x00\x01\x02\xff", 4));
    QCOMPARE(t.row(messages[1]).direction(), Direction::In);
    QCOMPARE(t.row(messages[0]).tNs, qint64(300'000'000)); // 1714555800.2 s - 09:29:59.900
    const TimelineConnection *ws = t.connection(t.row(messages[0]).connection);
    QCOMPARE(ws->handshake->timings.startNs, qint64(223'000'000));
    QCOMPARE(ws->handshake->timings.sslNs(), qint64(12'500'000));
    QCOMPARE(ws->handshake->timings.connectNs(), qint64(30'100'000)); // HAR 1.2: includes ssl
    QCOMPARE(ws->handshake->peerAddress, QStringLiteral("93.184.216.34:443"));

    // mitmproxy: connect excludes ssl there; µs in the date; a base64 body.
    const auto mitm = import(fixture(QStringLiteral("mitmproxy.har")), &error);
    QVERIFY2(mitm, qPrintable(error));
    const auto record = mitm->timeline.exchange(mitm->rows(RowKind::Exchange).front());
    const HttpHop &hop = record->hops.front();
    QCOMPARE(hop.timings.connectNs(), qint64(30'000'000));
    QCOMPARE(hop.timings.sslNs(), qint64(20'000'000));
    QCOMPARE(hop.response.decodedBody, QByteArray("\xde\xad\xbe\xef", 4));
    QCOMPARE(hop.request.target, QByteArray("/v1/items?page=2"));
    QCOMPARE(hop.connection.remoteAddress, QStringLiteral("203.0.113.5"));

    // Firefox: a gzip answer keeps its decoded text; the encoded bytes are not invented.
    const auto firefox = import(fixture(QStringLiteral("firefox-form.har")), &error);
    QVERIFY2(firefox, qPrintable(error));
    const HttpHop &post = firefox->timeline.exchange(firefox->rows(RowKind::Exchange).front())->hops.front();
    QCOMPARE(post.request.body, QByteArray("user=ann&pw=1"));
    QCOMPARE(post.response.decodedBody, QByteArray("ok"));
    QVERIFY(post.response.body.isEmpty());
    QCOMPARE(firefox->import.wallAnchor, QDateTime::fromString(QStringLiteral("2024-05-01T09:30:00.010Z"), Qt::ISODateWithMs));
}

void TestHarReader::eachToolsShapeShowsWhatItHeld_data()
{
    // One file per tool, in its exact shape (field order, extension fields, types and quirks
    // as the real tools write them); what the HAR does not hold is in the notes.
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QStringList>("notes");
    // Chrome: `_connectionId` groups (`connection` is the server's port), bracketed IPv6,
    // h3 and http/2.0, a base64 body, `_error`, a WebSocket with an "error" message whose
    // `wait` runs past its first message (as Chrome 133 writes it): the handshake is placed
    // at that message, each message at its own time (1717402500.6012058 s - 08:15:00.012).
    QTest::newRow("Chrome DevTools") << QStringLiteral("chrome-devtools.har")
        << QStringList{QStringLiteral("1 open https://chat.example.net"),
                       QStringLiteral("1 GET https://chat.example.net/ -> 200 http/2.0 [2001:db8::7] body 3c703e636861743c2f703e0a req "),
                       QStringLiteral("1 GET https://chat.example.net/dot.png -> 200 h3 [2001:db8::7] body 89504e47 req "),
                       QStringLiteral("2 open https://offline.example.net"),
                       QStringLiteral("2 GET https://offline.example.net/ -> 0  [] body  req "),
                       QStringLiteral("3 open wss://chat.example.net/live"),
                       QStringLiteral("3 handshake 101 [[2001:db8::7]:443] @589206us"),
                       QStringLiteral("3 > 1 7b226a6f696e223a22726f6f6d227d @589206us"),
                       QStringLiteral("3 < 1 7b226f6b223a747275657d @628981us"),
                       QStringLiteral("3 < 2 00ff10 @688300us")}
        << QStringList{QStringLiteral("log.entries[2].response: no response (status 0): net::ERR_INTERNET_DISCONNECTED"),
                       QStringLiteral("log.entries[3]._webSocketMessages[3]: Chrome's error \"Invalid frame header\", not a message"),
                       QStringLiteral("1 WebSocket upgrade requests' headers are not shown (a handshake keeps raw bytes): log.entries[3]")};
    // Firefox: local offsets, `connection` "443" (a port: groups nothing), an image whose
    // body is not included (unknown, not empty), null headersSize, empty timings.
    QTest::newRow("Firefox") << QStringLiteral("firefox.har")
        << QStringList{QStringLiteral("1 open https://shop.example.com"),
                       QStringLiteral("1 GET https://shop.example.com/ -> 304 HTTP/3 [198.51.100.20] body 3c703e73686f700a req "),
                       QStringLiteral("2 open https://shop.example.com"),
                       QStringLiteral("2 GET https://shop.example.com/logo.png -> 200  [] body  req "),
                       QStringLiteral("3 open https://shop.example.com"),
                       QStringLiteral("3 POST https://shop.example.com/cart?add=7 -> 303 HTTP/1.1 [198.51.100.20] body  req 7174793d32266e6f74653d6869")}
        << QStringList{QStringLiteral("1 response bodies are not in the HAR, unknown: log.entries[1]")};
    // HTTP Toolkit: a binary request body in `_content`, a response over its size limit, a
    // close without code (1005) and one "aborted" (1006), `_tlsErrors`.
    QTest::newRow("HTTP Toolkit") << QStringLiteral("httptoolkit.har")
        << QStringList{QStringLiteral("1 open http://api.example.org:8080"),
                       QStringLiteral("1 PUT http://api.example.org:8080/blob -> 201 HTTP/1.1 [] body  req ff0001"),
                       QStringLiteral("2 open ws://api.example.org:8080/feed"),
                       QStringLiteral("2 handshake 101 [] @1003500us"),
                       QStringLiteral("2 > 1 737562736372696265 @1010500us"),
                       QStringLiteral("2 < 2 deadbeef @1250100us"),
                       QStringLiteral("2 < 1 7469636b @2500000us"),
                       QStringLiteral("2 close 1005 \"\" @2500000us"),
                       QStringLiteral("3 open wss://push.example.org/socket"),
                       QStringLiteral("3 handshake 101 [] @3000000us"),
                       QStringLiteral("3 close 1006 \"\" @3000000us")}
        << QStringList{QStringLiteral("log._tlsErrors: 1 failed TLS connections, not imported"),
                       QStringLiteral("1 response bodies are not in the HAR, unknown: log.entries[0]"),
                       QStringLiteral("2 WebSocket upgrade requests' headers are not shown (a handshake keeps raw bytes): log.entries[1], log.entries[2]")};
    // mitmproxy: the upgrade's https URL (a wss connection), bare IPv6, µs dates (session time
    // 0 is 08:15:20.196, Qt's millisecond), messages at their own times although its timings
    // add up past them, `content: {}` with `_error`.
    QTest::newRow("mitmproxy") << QStringLiteral("mitmproxy-websocket.har")
        << QStringList{QStringLiteral("1 open wss://ws.example.com/v3/room?notify_self"),
                       QStringLiteral("1 handshake 101 [[2001:db8::42]:443] @140985us"),
                       QStringLiteral("1 < 1 7b2268656c6c6f223a317d @140985us"),
                       QStringLiteral("1 > 2 010203 @8598808us"),
                       QStringLiteral("1 > 1 627965 @11843395us"),
                       QStringLiteral("2 open http://down.example.com"),
                       QStringLiteral("2 GET http://down.example.com/ -> 0  [] body  req ")}
        << QStringList{QStringLiteral("log.entries[1].response: no response (status 0): Connect call failed ('192.0.2.8', 80)"),
                       QStringLiteral("1 WebSocket upgrade requests' headers are not shown (a handshake keeps raw bytes): log.entries[0]")};
    // Charles: no statusText, null redirectURL and mimeType, a header whose value is null.
    QTest::newRow("Charles") << QStringLiteral("charles.har")
        << QStringList{QStringLiteral("1 open https://docs.example.com"),
                       QStringLiteral("1 GET https://docs.example.com/?= -> 200 HTTP/1.1 [203.0.113.50] body 3c703e646f63733c2f703e req "),
                       QStringLiteral("2 open https://docs.example.com"),
                       QStringLiteral("2 POST https://docs.example.com/search -> 200 HTTP/1.1 [203.0.113.50] body  req 713d686172")}
        << QStringList{QStringLiteral("log.entries[1].request.headers[1]: not a name and a value, left out")};
    // Safari: `connection` "1" is an id (two entries shared it; `_serverPort` has the port),
    // a memory-cache entry with neither, content.size 0 although text is there.
    QTest::newRow("Safari") << QStringLiteral("safari.har")
        << QStringList{QStringLiteral("1 open https://news.example.org"),
                       QStringLiteral("1 GET https://news.example.org/ -> 200 HTTP/2 [192.0.2.29] body 3c703e6e6577730a req "),
                       QStringLiteral("2 open https://news.example.org"),
                       QStringLiteral("2 GET https://news.example.org/style.css -> 200  [] body 707b7d req "),
                       QStringLiteral("1 GET https://news.example.org/data.json?since=1 -> 200 HTTP/2 [192.0.2.29] body 5b5d req ")}
        << QStringList{};
    QTest::newRow("Insomnia") << QStringLiteral("insomnia.har")
        << QStringList{QStringLiteral("1 open http://localhost:3000"),
                       QStringLiteral("1 POST http://localhost:3000/graphql -> 200 HTTP/1.1 [] body 7b2264617461223a7b226d65 req 7b227175657279223a227b206d65207b206964207d207d227d")}
        << QStringList{};
}

void TestHarReader::eachToolsShapeShowsWhatItHeld()
{
    QFETCH(QString, file);
    QFETCH(QStringList, rows);
    QFETCH(QStringList, notes);
    QString error;
    const auto back = import(fixture(file), &error);
    QVERIFY2(back, qPrintable(error));
    const QStringList shown = describe(back->timeline);
    if (shown != rows || back->import.notes != notes)
        qWarning().noquote() << "rows:\n" << shown.join(u'\n') << "\nnotes:\n" << back->import.notes.join(u'\n');
    QCOMPARE(shown, rows);
    QCOMPARE(back->import.notes, notes);
    // Exported again, every entry names its method: an imported WebSocket entry kept no
    // request bytes, and its handshake is a GET all the same (RFC 6455 §4.1).
    QBuffer har;
    QVERIFY(har.open(QIODevice::WriteOnly));
    QVERIFY2(writeHar(back->timeline, &har, ExportOptions(), &error), qPrintable(error));
    const QJsonArray entries = QJsonDocument::fromJson(har.data()).object().value(u"log").toObject().value(u"entries").toArray();
    for (const QJsonValue &entry : entries) {
        const QString method = entry[u"request"][u"method"].toString();
        QVERIFY(!method.isEmpty());
        if (entry[u"_resourceType"].toString() == u"websocket")
            QCOMPARE(method, u"GET"_qs);
    }
}

void TestHarReader::badInputIsRefusedWithAnId_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("path");
    const QByteArray entry = R"({"startedDateTime":"2024-05-01T09:30:00Z","request":{"method":"GET","url":"http://a/"},"response":{"status":200}})";
    const auto log = [](const QByteArray &entries) -> QByteArray {
        return "{\"log\":{\"version\":\"1.2\",\"entries\":[" + entries + "]}}";
    };
    QTest::newRow("not JSON") << QByteArray("<html>") << QStringLiteral("har.not_json") << QString();
    QTest::newRow("an invalid escape") << log(QByteArray(entry).replace("GET", "G\\qT")) << QStringLiteral("har.not_json") << QString();
    QTest::newRow("a JSON array") << QByteArray("[]") << QStringLiteral("har.not_json") << QString();
    QTest::newRow("no log") << QByteArray("{}") << QStringLiteral("har.missing_field") << QStringLiteral("log");
    QTest::newRow("entries that are not a list") << QByteArray(R"({"log":{"entries":{}}})")
                                                 << QStringLiteral("har.wrong_type") << QStringLiteral("log.entries");
    QTest::newRow("an entry without its URL") << log(QByteArray(entry).replace(R"(,"url":"http://a/")", ""))
                                              << QStringLiteral("har.missing_field") << QStringLiteral("log.entries[0].request.url");
    QTest::newRow("a status that is a string") << log(QByteArray(entry).replace("200", "\"200\""))
                                               << QStringLiteral("har.wrong_type") << QStringLiteral("log.entries[0].response.status");
    QTest::newRow("a date that is not ISO 8601") << log(QByteArray(entry).replace("2024-05-01T09:30:00Z", "yesterday"))
                                                 << QStringLiteral("har.bad_value") << QStringLiteral("log.entries[0].startedDateTime");
    QTest::newRow("a relative URL") << log(QByteArray(entry).replace("http://a/", "/a"))
                                    << QStringLiteral("har.bad_value") << QStringLiteral("log.entries[0].request.url");
    QTest::newRow("a body that is not base64")
        << log(QByteArray(entry).replace(R"({"status":200})", R"({"status":200,"content":{"text":"%%","encoding":"base64"}})"))
        << QStringLiteral("har.bad_value") << QStringLiteral("log.entries[0].response.content.text");
    QTest::newRow("a body over the limit")
        << log(QByteArray(entry).replace(R"({"status":200})", QByteArray(R"({"status":200,"content":{"text":")" + QByteArray(2000, 'x') + "\"}}")))
        << QStringLiteral("har.body_too_large") << QStringLiteral("log.entries[0].response.content.text");
    QTest::newRow("nested deeper than the limit") << QByteArray(QByteArray(100, '[') + QByteArray(100, ']'))
                                                  << QStringLiteral("har.too_deep") << QString();
}

void TestHarReader::badInputIsRefusedWithAnId()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, id);
    QFETCH(QString, path);
    HarReaderLimits limits;
    limits.maxBodyBytes = 1000;
    HarReader reader(limits);
    QVERIFY(!reader.read(json));
    QCOMPARE(reader.error().id, id);
    QCOMPARE(reader.error().path, path);
    QVERIFY(reader.error().message().startsWith(id));
}

void TestHarReader::connectionsAreGroupedOnlyByIds_data()
{
    // Two entries to http://a/ that name the same connection in one way or another.
    QTest::addColumn<QByteArray>("creator");
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<int>("connections");
    QTest::newRow("Chrome's _connectionId") << QByteArray("WebInspector") << QByteArray(R"("_connectionId":"812","connection":"80")") << 1;
    QTest::newRow("Chrome's _connectionId 0 and the port") << QByteArray("WebInspector") << QByteArray(R"("_connectionId":"0","connection":"80")") << 2;
    QTest::newRow("Firefox's port") << QByteArray("Firefox") << QByteArray(R"("connection":"80")") << 2;
    QTest::newRow("Safari's id") << QByteArray("WebKit Web Inspector") << QByteArray(R"("connection":"3")") << 1;
    QTest::newRow("Wirescope's id that looks like the port") << QByteArray("Wirescope") << QByteArray(R"("connection":"80")") << 1;
    QTest::newRow("none") << QByteArray("Insomnia REST Client") << QByteArray(R"("comment":"")") << 2;
}

void TestHarReader::connectionsAreGroupedOnlyByIds()
{
    QFETCH(QByteArray, creator);
    QFETCH(QByteArray, fields);
    QFETCH(int, connections);
    const QByteArray entry = "{" + fields + R"(,"startedDateTime":"2024-05-01T09:30:00Z","request":{"method":"GET","url":"http://a/"},"response":{"status":204}})";
    const QByteArray json = R"({"log":{"version":"1.2","creator":{"name":")" + creator + R"(","version":"1"},"entries":[)" + entry + ','
                            + entry + "]}}";
    QString error;
    const auto back = import(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->rows(RowKind::Exchange).size(), 2);
    QCOMPARE(back->timeline.connectionIds().size(), connections);
}

void TestHarReader::oneBadPartIsLeftOutWithANote_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("exchanges");
    QTest::addColumn<int>("messages");
    QTest::addColumn<QStringList>("notes");
    const QByteArray entry = R"({"startedDateTime":"2024-05-01T09:30:00Z","request":{"method":"GET","url":"http://a/"},"response":{"status":200,"content":{"size":0}}})";
    const QByteArray ws = QByteArray(entry).replace("{\"startedDateTime\"", R"({"_webSocketMessages":[MESSAGES],"startedDateTime")");
    const auto log = [](const QByteArray &entries) -> QByteArray {
        return "{\"log\":{\"version\":\"1.2\",\"entries\":[" + entries + "]}}";
    };
    QTest::newRow("a broken entry after a good one")
        << log(entry + ',' + QByteArray(entry).replace("\"method\":\"GET\",", "")) << 1 << 0
        << QStringList{QStringLiteral("log.entries[1] left out: har.missing_field at log.entries[1].request.method: required by HAR 1.2")};
    QByteArray noBodies = entry;
    noBodies.replace(R"("content":{"size":0})", R"("content":{"mimeType":"image/png"})");
    QByteArray twelve = noBodies;
    for (int i = 1; i < 12; ++i)
        twelve += ',' + noBodies;
    QTest::newRow("twelve bodies left out, one note naming ten")
        << log(twelve) << 12 << 0
        << QStringList{QStringLiteral("12 response bodies are not in the HAR, unknown: log.entries[0], log.entries[1], "
                                      "log.entries[2], log.entries[3], log.entries[4], log.entries[5], log.entries[6], "
                                      "log.entries[7], log.entries[8], log.entries[9] and 2 more")};
    QTest::newRow("an entry that is not an object, and a date that is not one")
        << log(entry + ",7," + QByteArray(entry).replace("2024-05-01T09:30:00Z", "yesterday")) << 1 << 0
        << QStringList{QStringLiteral("log.entries[1] left out: har.wrong_type at log.entries[1]: not an object"),
                       QStringLiteral("log.entries[2] left out: har.bad_value at log.entries[2].startedDateTime: not an ISO 8601 date and time: \"yesterday\"")};
    QTest::newRow("messages of an unknown direction, without time, not base64, a ping")
        << log(QByteArray(ws).replace("MESSAGES", R"({"type":"up","time":1714555800,"opcode":1,"data":""},)"
                                                   R"({"type":"send","opcode":1,"data":"x"},)"
                                                   R"({"type":"receive","time":1714555800,"opcode":2,"data":"%%"},)"
                                                   R"({"type":"receive","time":1714555800,"opcode":9,"data":""},)"
                                                   R"({"type":"send","time":1714555800.5,"opcode":1,"data":"ok"})"))
        << 0 << 1
        << QStringList{QStringLiteral("log.entries[0]._webSocketMessages[0]: type neither \"send\" nor \"receive\", left out"),
                       QStringLiteral("log.entries[0]._webSocketMessages[1]: no time near the entry's, left out"),
                       QStringLiteral("log.entries[0]._webSocketMessages[2]: binary data that is not base64, left out"),
                       QStringLiteral("log.entries[0]._webSocketMessages[3]: opcode 9 is not a data message, left out")};
    QTest::newRow("comments that are not strings: the entry and the message stay")
        << log(QByteArray(entry).replace("{\"startedDateTime\"", R"({"comment":42,"startedDateTime")") + ','
               + QByteArray(ws).replace("MESSAGES", R"({"type":"send","time":1714555800.5,"opcode":1,"data":"ok","_comment":[],"_label":"x"})"))
        << 1 << 1
        << QStringList{QStringLiteral("log.entries[0].comment: not a string, left out"),
                       QStringLiteral("log.entries[1]._webSocketMessages[0]._comment: not a string, left out")};
}

void TestHarReader::oneBadPartIsLeftOutWithANote()
{
    QFETCH(QByteArray, json);
    QFETCH(int, exchanges);
    QFETCH(int, messages);
    QFETCH(QStringList, notes);
    QString error;
    const auto back = import(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->rows(RowKind::Exchange).size(), exchanges);
    QCOMPARE(back->rows(RowKind::Message).size(), messages);
    QCOMPARE(back->import.notes, notes);
}

QTEST_MAIN(TestHarReader)
#include "tst_harreader.moc"

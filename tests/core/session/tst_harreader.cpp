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

} // namespace

class TestHarReader : public QObject
{
    Q_OBJECT
private slots:
    void aWirescopeExportComesBackAsTheSameTraffic();
    void otherToolsFilesAreRead_data();
    void otherToolsFilesAreRead();
    void timingsAndBodiesAreTheHarsOwn();
    void badInputIsRefusedWithAnId_data();
    void badInputIsRefusedWithAnId();
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
        << QStringLiteral("chrome-websocket.har") << 1 << 4 << QList<int>() << 0;
    QTest::newRow("Firefox: a form POST, offsets in dates, no headersSize")
        << QStringLiteral("firefox-form.har") << 1 << 0 << QList<int>() << 0;
    QTest::newRow("HTTP Toolkit: closes as an object and as \"aborted\", a ping left out")
        << QStringLiteral("httptoolkit-close.har") << 0 << 1 << QList<int>{4001, 1006} << 1;
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
    QTest::newRow("a message of an unknown direction")
        << log(QByteArray(entry).replace("{\"startedDateTime\"", R"({"_webSocketMessages":[{"type":"up","time":1714555800,"opcode":1,"data":""}],"startedDateTime")"))
        << QStringLiteral("har.bad_value") << QStringLiteral("log.entries[0]._webSocketMessages[0].type");
    QTest::newRow("a comment that is not a string")
        << log(QByteArray(entry).replace("{\"startedDateTime\"", R"({"comment":42,"startedDateTime")"))
        << QStringLiteral("har.wrong_type") << QStringLiteral("log.entries[0].comment");
    QTest::newRow("a second entry that is broken after a good one")
        << log(QByteArray(entry + ',' + QByteArray(entry).replace("\"method\":\"GET\",", "")))
        << QStringLiteral("har.missing_field") << QStringLiteral("log.entries[1].request.method");
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

QTEST_MAIN(TestHarReader)
#include "tst_harreader.moc"

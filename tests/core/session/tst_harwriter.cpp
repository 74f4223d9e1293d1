// A session exported as HAR 1.2 is a log other tools read: every entry has the fields and
// types HAR 1.2 requires, times on the session's wall clock, each HTTP hop an entry, and a
// WebSocket connection in Chrome's shape with its messages in order, binary data in
// base64, HTTP Toolkit's close and Wirescope's frame detail; credentials are redacted
// unless asked not to.
#include "core/session/harreader.h"
#include "core/session/harwriter.h"
#include "core/session/session.h"
#include "tests/peers/demopeer.h"
#include "tests/peers/demorecording.h"
#include "tests/peers/simulatedwsconnection.h"
#include "tests/support/noterows.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QtTest>

#include <algorithm>

using namespace wirescope;

namespace {

// HAR 1.2's required members (softwareishard.com/blog/har-12-spec) with their types; what
// is wrong, one line per problem, empty when the log is valid.
class HarValidator
{
public:
    QStringList problems;

    void log(const QJsonObject &root)
    {
        const QJsonObject log = object(root, QStringLiteral("log"), QStringLiteral("log"));
        if (log.value(QStringLiteral("version")).toString() != u"1.2")
            problems << QStringLiteral("log.version is not \"1.2\"");
        const QJsonObject creator = object(log, QStringLiteral("creator"), QStringLiteral("log.creator"));
        strings(creator, {QStringLiteral("name"), QStringLiteral("version")}, QStringLiteral("log.creator"));
        const QJsonArray entries = array(log, QStringLiteral("entries"), QStringLiteral("log"));
        for (qsizetype i = 0; i < entries.size(); ++i)
            entry(entries[i].toObject(), QStringLiteral("entries[%1]").arg(i));
    }

private:
    void entry(const QJsonObject &e, const QString &where)
    {
        strings(e, {QStringLiteral("startedDateTime")}, where);
        if (!QDateTime::fromString(e.value(QStringLiteral("startedDateTime")).toString(), Qt::ISODateWithMs).isValid())
            problems << where + QStringLiteral(".startedDateTime is not ISO 8601");
        nonNegative(e, QStringLiteral("time"), where);
        object(e, QStringLiteral("cache"), where);
        const QString rq = where + QStringLiteral(".request");
        const QJsonObject request = object(e, QStringLiteral("request"), where);
        strings(request, {QStringLiteral("method"), QStringLiteral("url"), QStringLiteral("httpVersion")}, rq);
        pairs(request, QStringLiteral("cookies"), rq);
        pairs(request, QStringLiteral("headers"), rq);
        pairs(request, QStringLiteral("queryString"), rq);
        numbers(request, {QStringLiteral("headersSize"), QStringLiteral("bodySize")}, rq);
        if (request.contains(QStringLiteral("postData")))
            strings(request.value(QStringLiteral("postData")).toObject(), {QStringLiteral("mimeType"), QStringLiteral("text")},
                    rq + QStringLiteral(".postData"));
        const QString rs = where + QStringLiteral(".response");
        const QJsonObject response = object(e, QStringLiteral("response"), where);
        numbers(response, {QStringLiteral("status"), QStringLiteral("headersSize"), QStringLiteral("bodySize")}, rs);
        strings(response, {QStringLiteral("statusText"), QStringLiteral("httpVersion"), QStringLiteral("redirectURL")}, rs);
        pairs(response, QStringLiteral("cookies"), rs);
        pairs(response, QStringLiteral("headers"), rs);
        const QJsonObject content = object(response, QStringLiteral("content"), rs);
        numbers(content, {QStringLiteral("size")}, rs + QStringLiteral(".content"));
        strings(content, {QStringLiteral("mimeType")}, rs + QStringLiteral(".content"));
        const QString tm = where + QStringLiteral(".timings");
        const QJsonObject timings = object(e, QStringLiteral("timings"), where);
        for (const QString &phase : {QStringLiteral("send"), QStringLiteral("wait"), QStringLiteral("receive")})
            nonNegative(timings, phase, tm);
        for (const QString &phase : {QStringLiteral("blocked"), QStringLiteral("dns"), QStringLiteral("connect"),
                                     QStringLiteral("ssl")})
            if (timings.contains(phase) && timings.value(phase).toDouble() < -1)
                problems << tm + u'.' + phase + QStringLiteral(" is below -1");
    }
    QJsonObject object(const QJsonObject &o, const QString &key, const QString &where)
    {
        if (!o.value(key).isObject())
            problems << where + u'.' + key + QStringLiteral(" is not an object");
        return o.value(key).toObject();
    }
    QJsonArray array(const QJsonObject &o, const QString &key, const QString &where)
    {
        if (!o.value(key).isArray())
            problems << where + u'.' + key + QStringLiteral(" is not an array");
        return o.value(key).toArray();
    }
    void strings(const QJsonObject &o, const QStringList &keys, const QString &where)
    {
        for (const QString &key : keys)
            if (!o.value(key).isString())
                problems << where + u'.' + key + QStringLiteral(" is not a string");
    }
    void numbers(const QJsonObject &o, const QStringList &keys, const QString &where)
    {
        for (const QString &key : keys)
            if (!o.value(key).isDouble())
                problems << where + u'.' + key + QStringLiteral(" is not a number");
    }
    void nonNegative(const QJsonObject &o, const QString &key, const QString &where)
    {
        if (!o.value(key).isDouble() || o.value(key).toDouble() < 0)
            problems << where + u'.' + key + QStringLiteral(" is not a number >= 0");
    }
    void pairs(const QJsonObject &o, const QString &key, const QString &where)
    {
        const QJsonArray list = array(o, key, where);
        for (const QJsonValue &v : list)
            strings(v.toObject(), {QStringLiteral("name"), QStringLiteral("value")}, where + u'.' + key);
    }
};

QStringList problemsOf(const QJsonObject &root)
{
    HarValidator validator;
    validator.log(root);
    return validator.problems;
}

// Counts the writes it receives: a streamed log arrives in many.
class CountingBuffer : public QBuffer
{
public:
    int writes = 0;
    qint64 largest = 0;

protected:
    qint64 writeData(const char *data, qint64 length) override
    {
        ++writes;
        largest = std::max(largest, length);
        return QBuffer::writeData(data, length);
    }
};

QString valueOf(const QJsonArray &pairs, const QString &name)
{
    for (const QJsonValue &v : pairs)
        if (v.toObject().value(QStringLiteral("name")).toString().compare(name, Qt::CaseInsensitive) == 0)
            return v.toObject().value(QStringLiteral("value")).toString();
    return QStringLiteral("(absent)");
}

} // namespace

class TestHarWriter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyEntryHasWhatHar12Requires();
    void theValidatorFindsWhatIsMissing();
    void debiansHarValidatorAcceptsTheLog();
    void chromesImporterReadsTheWebSocketMessages();
    void httpEntriesAreTheRecordedExchanges();
    void aWebSocketIsOneEntryWithItsMessagesInOrder();
    void credentialsAreRedactedUnlessOptedOut();
    void theLogIsWrittenEntryByEntry();
    void notesAreCommentsAndReadBack();
    void aLongWebSocketEntryIsStreamedInPieces();
    // Last: it frees the recording's WebSocket bytes.
    void bytesNoLongerHeldAreSaidNotInvented();

private:
    QJsonObject exportHar(const ExportOptions &options, int *writes = nullptr);

    test::DemoPeer m_demo;
    Session m_session;
    QJsonObject m_har;
    QJsonArray m_entries;
};

void TestHarWriter::initTestCase()
{
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
    QVERIFY2(test::DemoRecording::record(m_session, m_demo, &error), qPrintable(error));
    ExportOptions options;
    options.wallAnchor = m_session.clock().wallAnchor();
    m_har = exportHar(options);
    m_entries = m_har.value(QStringLiteral("log")).toObject().value(QStringLiteral("entries")).toArray();
}

QJsonObject TestHarWriter::exportHar(const ExportOptions &options, int *writes)
{
    CountingBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!writeHar(m_session.timeline(), &buffer, options, &error))
        qWarning("export failed: %s", qPrintable(error));
    if (writes)
        *writes = buffer.writes;
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(buffer.data(), &parse);
    if (parse.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(parse.errorString()));
    return doc.object();
}

void TestHarWriter::everyEntryHasWhatHar12Requires()
{
    QCOMPARE(problemsOf(m_har), QStringList());
    const QJsonObject creator = m_har[QStringLiteral("log")][QStringLiteral("creator")].toObject();
    QCOMPARE(creator[QStringLiteral("name")].toString(), QStringLiteral("Wirescope"));
    QVERIFY(!creator[QStringLiteral("version")].toString().isEmpty());
    QCOMPARE(m_entries.size(), 3); // GET, POST, the WebSocket
}

void TestHarWriter::theValidatorFindsWhatIsMissing()
{
    QJsonObject broken = m_entries[0].toObject();
    broken.remove(QStringLiteral("timings"));
    QJsonObject request = broken[QStringLiteral("request")].toObject();
    request[QStringLiteral("headersSize")] = QStringLiteral("12");
    broken[QStringLiteral("request")] = request;
    const QJsonObject log{{QStringLiteral("log"), QJsonObject{{QStringLiteral("version"), QStringLiteral("1.2")},
                                                              {QStringLiteral("creator"), QJsonObject()},
                                                              {QStringLiteral("entries"), QJsonArray{broken}}}}};
    const QStringList problems = problemsOf(log);
    QVERIFY2(problems.contains(QStringLiteral("entries[0].timings is not an object")), qPrintable(problems.join(u'\n')));
    QVERIFY(problems.contains(QStringLiteral("entries[0].request.headersSize is not a number")));
    QVERIFY(problems.contains(QStringLiteral("log.creator.name is not a string")));
}

void TestHarWriter::debiansHarValidatorAcceptsTheLog()
{
    // har-validator (ajv with the HAR 1.2 JSON schema, Debian's node-har-validator), the one
    // HTTP Toolkit's import runs, when it is installed.
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QString modules = QStringLiteral("/usr/share/nodejs");
    if (node.isEmpty() || !QFile::exists(modules + QStringLiteral("/har-validator/package.json")))
        QSKIP("node and node-har-validator are not installed (apt-get install node-har-validator)");
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(QJsonDocument(m_har).toJson());
    file.close();
    QProcess validator;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"), modules);
    validator.setProcessEnvironment(env);
    validator.start(node, {QStringLiteral("-e"),
                           QStringLiteral("require('har-validator').har(JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')))"
                                          ".then(() => process.exit(0), e => { console.log(JSON.stringify(e.errors || e.message)); process.exit(1); })"),
                           file.fileName()});
    QVERIFY(validator.waitForFinished(60000));
    QVERIFY2(validator.exitStatus() == QProcess::NormalExit && validator.exitCode() == 0,
             validator.readAllStandardOutput().constData());
}

void TestHarWriter::chromesImporterReadsTheWebSocketMessages()
{
    // What Chrome DevTools' HAR import (front_end/models/har/HARFormat.ts, Importer.ts) needs:
    // an object for creator, request, response, content and timings; numbers for time,
    // headersSize, bodySize, status, content.size, timings.send/wait/receive; a date it can
    // parse; and, to show a WebSocket's messages, `_resourceType: "websocket"` and
    // `_webSocketMessages` of {type "send"/"receive", time (epoch seconds), opcode, data}.
    QCOMPARE(problemsOf(m_har), QStringList());
    int messages = 0;
    for (const QJsonValue &v : std::as_const(m_entries)) {
        const QJsonObject e = v.toObject();
        QVERIFY(e.value(QStringLiteral("time")).isDouble());
        if (!e.contains(QStringLiteral("_webSocketMessages")))
            continue;
        QCOMPARE(e.value(QStringLiteral("_resourceType")).toString(), QStringLiteral("websocket"));
        const QDateTime started = QDateTime::fromString(e.value(QStringLiteral("startedDateTime")).toString(), Qt::ISODateWithMs);
        for (const QJsonValue &m : e.value(QStringLiteral("_webSocketMessages")).toArray()) {
            const QJsonObject o = m.toObject();
            const QString type = o.value(QStringLiteral("type")).toString();
            QVERIFY(type == u"send" || type == u"receive");
            QVERIFY(o.value(QStringLiteral("opcode")) == 1 || o.value(QStringLiteral("opcode")) == 2);
            QVERIFY(o.value(QStringLiteral("data")).isString());
            const double time = o.value(QStringLiteral("time")).toDouble(-1);
            QVERIFY2(time * 1000 >= double(started.toMSecsSinceEpoch()) && time - started.toSecsSinceEpoch() < 3600,
                     "time is not epoch seconds after the entry's start");
            ++messages;
        }
    }
    QVERIFY(messages > 0);
}

void TestHarWriter::httpEntriesAreTheRecordedExchanges()
{
    const Timeline &t = m_session.timeline();
    QList<std::shared_ptr<const HttpExchangeRecord>> records;
    for (qsizetype row = 0; row < t.rowCount(); ++row)
        if (auto record = t.exchange(row))
            records << record;
    QCOMPARE(records.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const HttpHop &hop = records[i]->hops.front();
        const QJsonObject e = m_entries[i].toObject();
        const QJsonObject request = e[QStringLiteral("request")].toObject();
        const QJsonObject response = e[QStringLiteral("response")].toObject();
        QCOMPARE(request[QStringLiteral("method")].toString(), QString::fromLatin1(hop.request.method));
        QCOMPARE(response[QStringLiteral("status")].toInt(), hop.response.status);
        QCOMPARE(response[QStringLiteral("content")][QStringLiteral("text")].toString(),
                 QString::fromUtf8(hop.response.decodedBody));
        QCOMPARE(response[QStringLiteral("headersSize")].toInteger(), hop.response.headBytes);
        QCOMPARE(e[QStringLiteral("serverIPAddress")].toString(), QStringLiteral("127.0.0.1"));
        // Wall clock: the anchor plus the hop's start on the session clock.
        QCOMPARE(QDateTime::fromString(e[QStringLiteral("startedDateTime")].toString(), Qt::ISODateWithMs),
                 m_session.clock().wallTimeAt(hop.timings.startNs));
        const QJsonObject timings = e[QStringLiteral("timings")].toObject();
        double sum = 0;
        for (const QString &phase : {QStringLiteral("blocked"), QStringLiteral("dns"), QStringLiteral("connect"),
                                     QStringLiteral("send"), QStringLiteral("wait"), QStringLiteral("receive")})
            sum += std::max(0.0, timings[phase].toDouble());
        QCOMPARE(e[QStringLiteral("time")].toDouble(), sum);
        QCOMPARE(timings[QStringLiteral("wait")].toDouble(), hop.timings.wait());
    }
    // The POST went on the kept-alive connection: no connect phase (HAR 1.2: -1).
    QCOMPARE(m_entries[1][QStringLiteral("timings")][QStringLiteral("connect")].toDouble(), -1.0);
    QCOMPARE(m_entries[0][QStringLiteral("connection")], m_entries[1][QStringLiteral("connection")]);
    QVERIFY(m_entries[0][QStringLiteral("timings")][QStringLiteral("connect")].toDouble() >= 0);
    QCOMPARE(m_entries[0][QStringLiteral("timings")][QStringLiteral("ssl")].toDouble(), -1.0); // plain http
    const QJsonObject post = m_entries[1][QStringLiteral("request")][QStringLiteral("postData")].toObject();
    QCOMPARE(post[QStringLiteral("mimeType")].toString(), QStringLiteral("application/json"));
    QCOMPARE(post[QStringLiteral("text")].toString(), QStringLiteral("{\"answer\":42}"));
    QCOMPARE(m_entries[1][QStringLiteral("request")][QStringLiteral("bodySize")].toInt(), 13);
}

void TestHarWriter::aWebSocketIsOneEntryWithItsMessagesInOrder()
{
    const QJsonObject e = m_entries[2].toObject();
    QCOMPARE(e[QStringLiteral("_resourceType")].toString(), QStringLiteral("websocket"));
    QCOMPARE(e[QStringLiteral("response")][QStringLiteral("status")].toInt(), 101);
    QCOMPARE(e[QStringLiteral("request")][QStringLiteral("url")].toString(), m_demo.wsUrl(QStringLiteral("/ws/echo")).toString());
    QCOMPARE(valueOf(e[QStringLiteral("request")][QStringLiteral("headers")].toArray(), QStringLiteral("upgrade")),
             QStringLiteral("websocket"));

    // Sent then echoed, in the order they crossed: text, binary, the fragmented text.
    const QJsonArray messages = e[QStringLiteral("_webSocketMessages")].toArray();
    const QByteArray binary = test::DemoRecording::binary().toBase64();
    const QList<QStringList> expected = {
        {QStringLiteral("send"), QStringLiteral("1"), QLatin1String(test::DemoRecording::kText)},
        {QStringLiteral("send"), QStringLiteral("2"), QString::fromLatin1(binary)},
        {QStringLiteral("send"), QStringLiteral("1"), QLatin1String(test::DemoRecording::kFragmented)},
    };
    QList<QStringList> sent;
    QList<QStringList> received;
    double last = 0;
    for (const QJsonValue &v : messages) {
        const QJsonObject m = v.toObject();
        const QStringList item{m[QStringLiteral("type")].toString(), QString::number(m[QStringLiteral("opcode")].toInt()),
                               m[QStringLiteral("data")].toString()};
        (item[0] == u"send" ? sent : received) << item;
        const double time = m[QStringLiteral("time")].toDouble();
        QVERIFY(time >= last);
        last = time;
    }
    QCOMPARE(sent, expected);
    for (QStringList &item : received)
        item[0] = QStringLiteral("send");
    QCOMPARE(received, expected); // the echo
    // Epoch seconds, within the session.
    const double begin = m_session.clock().epochSecondsAt(0);
    QVERIFY(messages[0][QStringLiteral("time")].toDouble() > begin);
    QVERIFY(last < m_session.clock().epochSecondsAt(m_session.clock().nowNs()));

    const QJsonObject close = e[QStringLiteral("_webSocketClose")].toObject();
    QCOMPARE(close[QStringLiteral("code")].toInt(), 1000);
    QCOMPARE(close[QStringLiteral("reason")].toString(), QStringLiteral("bye"));
    QVERIFY(close[QStringLiteral("timestamp")].toDouble() >= last);

    // Frame detail: every frame, ours masked with the key on the wire.
    const QJsonArray frames = e[QStringLiteral("_wirescope")][QStringLiteral("frames")].toArray();
    QCOMPARE(frames.size(), 12);
    const QJsonObject first = frames[0].toObject();
    QCOMPARE(first[QStringLiteral("type")].toString(), QStringLiteral("send"));
    QCOMPARE(first[QStringLiteral("opcode")].toInt(), 1);
    QCOMPARE(first[QStringLiteral("fin")].toBool(), true);
    QCOMPARE(first[QStringLiteral("masked")].toBool(), true);
    QCOMPARE(first[QStringLiteral("lengthEncoding")].toInt(), 7);
    const QString key = first[QStringLiteral("maskKey")].toString();
    QCOMPARE(key.size(), 8);
    // 0x81 (FIN, text), 0x80 | length, then the key.
    QCOMPARE(first[QStringLiteral("header")].toString(),
             QStringLiteral("81%1").arg(0x80 | int(qstrlen(test::DemoRecording::kText)), 2, 16) + key);
    int fragments = 0;
    for (const QJsonValue &f : frames)
        fragments += f[QStringLiteral("type")].toString() == u"send" && !f[QStringLiteral("fin")].toBool();
    QCOMPARE(fragments, 2); // three fragments: two without FIN
    QCOMPARE(e[QStringLiteral("_wirescope")][QStringLiteral("violations")].toArray().size(), 0);

    // The upgrade's wait: written -> first byte of the 101.
    const Timeline &t = m_session.timeline();
    const TimelineConnection *c = t.connection(quint32(e[QStringLiteral("_wirescope")][QStringLiteral("connection")].toInt()));
    QVERIFY(c && c->handshake);
    const PhaseTimings &phases = c->handshake->timings;
    QCOMPARE(e[QStringLiteral("timings")][QStringLiteral("wait")].toDouble(),
             double(phases.firstByteNs - phases.sendStartNs) / 1e6);
}

void TestHarWriter::credentialsAreRedactedUnlessOptedOut()
{
    const QString marker = QLatin1String(Redaction::kMarker);
    const QJsonObject get = m_entries[0][QStringLiteral("request")].toObject();
    QCOMPARE(valueOf(get[QStringLiteral("headers")].toArray(), QStringLiteral("authorization")), marker);
    QCOMPARE(valueOf(get[QStringLiteral("queryString")].toArray(), QStringLiteral("token")), marker);
    QCOMPARE(valueOf(get[QStringLiteral("queryString")].toArray(), QStringLiteral("greeting")), QStringLiteral("hello"));
    QCOMPARE(get[QStringLiteral("url")].toString(),
             QStringLiteral("http://127.0.0.1:%1/get?greeting=hello&token=%2").arg(m_demo.port()).arg(marker));

    ExportOptions plain;
    plain.wallAnchor = m_session.clock().wallAnchor();
    plain.redaction = RedactionRules::none();
    const QJsonObject clear = exportHar(plain)[QStringLiteral("log")][QStringLiteral("entries")][0][QStringLiteral("request")].toObject();
    QCOMPARE(valueOf(clear[QStringLiteral("headers")].toArray(), QStringLiteral("authorization")),
             QLatin1String(test::DemoRecording::kBearer));
    QCOMPARE(valueOf(clear[QStringLiteral("queryString")].toArray(), QStringLiteral("token")),
             QLatin1String(test::DemoRecording::kToken));

    // A name the user adds is hidden too.
    ExportOptions more = plain;
    more.redaction = RedactionRules::defaults();
    more.redaction.queryParameters << QStringLiteral("greeting");
    const QJsonObject extended = exportHar(more)[QStringLiteral("log")][QStringLiteral("entries")][0][QStringLiteral("request")].toObject();
    QCOMPARE(valueOf(extended[QStringLiteral("queryString")].toArray(), QStringLiteral("greeting")), marker);
}

void TestHarWriter::theLogIsWrittenEntryByEntry()
{
    int writes = 0;
    ExportOptions options;
    options.wallAnchor = m_session.clock().wallAnchor();
    exportHar(options, &writes);
    QCOMPARE(writes, 2 + int(m_entries.size())); // the head, each entry, the tail
}

void TestHarWriter::notesAreCommentsAndReadBack()
{
    // The rows a user annotates: the exchange (its last hop's entry), the WebSocket's
    // handshake (its entry) and its first message (the message item).
    const test::NoteRows rows = test::noteRowsOf(m_session.timeline());
    QVERIFY(rows.found());
    const qsizetype exchange = rows.exchange, handshake = rows.handshake, message = rows.message;
    ExportOptions options;
    options.wallAnchor = m_session.clock().wallAnchor();
    options.annotations.insert(exchange, SessionAnnotation{exchange, QStringLiteral("slow"), QStringLiteral("1st\n2nd")});
    options.annotations.insert(handshake, SessionAnnotation{handshake, {}, QStringLiteral("the echo server")});
    options.annotations.insert(message, SessionAnnotation{message, QStringLiteral("hello"), {}});
    const QJsonObject har = exportHar(options);
    QCOMPARE(problemsOf(har), QStringList()); // `comment` is HAR 1.2's own field
    const QJsonArray entries = har[QStringLiteral("log")][QStringLiteral("entries")].toArray();
    QCOMPARE(entries[0][QStringLiteral("comment")].toString(), QStringLiteral("slow\n1st\n2nd"));
    QCOMPARE(entries[0][QStringLiteral("_label")].toString(), QStringLiteral("slow"));
    QVERIFY(!entries[1].toObject().contains(QStringLiteral("comment")));
    QCOMPARE(entries[2][QStringLiteral("comment")].toString(), QStringLiteral("the echo server"));
    QVERIFY(!entries[2].toObject().contains(QStringLiteral("_label")));
    const QJsonArray messages = entries[2][QStringLiteral("_webSocketMessages")].toArray();
    QCOMPARE(messages[0][QStringLiteral("_comment")].toString(), QStringLiteral("hello"));
    QCOMPARE(messages[0][QStringLiteral("_label")].toString(), QStringLiteral("hello"));
    QVERIFY(!messages[1].toObject().contains(QStringLiteral("_comment")));

    // Imported again, each comment is a note on the row its entry or message became.
    HarReader reader;
    const std::optional<HarImport> imported = reader.read(QJsonDocument(har).toJson());
    QVERIFY2(imported, qPrintable(reader.error().detail));
    QCOMPARE(imported->annotations.size(), 3);
    const auto kindOf = [&](const SessionAnnotation &a) { return int(imported->batch.rows.at(a.row).rowKind()); };
    QCOMPARE(kindOf(imported->annotations[0]), int(RowKind::Exchange));
    QCOMPARE(imported->annotations[0].label, QStringLiteral("slow"));
    QCOMPARE(imported->annotations[0].note, QStringLiteral("1st\n2nd"));
    QCOMPARE(kindOf(imported->annotations[1]), int(RowKind::Event));
    QCOMPARE(imported->annotations[1].label, QString());
    QCOMPARE(imported->annotations[1].note, QStringLiteral("the echo server"));
    QCOMPARE(kindOf(imported->annotations[2]), int(RowKind::Message));
    QCOMPARE(imported->annotations[2].label, QStringLiteral("hello"));
    QCOMPARE(imported->annotations[2].note, QString());
}

void TestHarWriter::aLongWebSocketEntryIsStreamedInPieces()
{
    // Issue #11: the export of a session of a million messages must not hold the entry of its
    // connection in memory; its messages and frames go out as they are read.
    Session session;
    QObject context;
    TimelineWriter writer(session.recorder(), &context);
    test::SimulatedWsConnection ws(writer, session.newConnectionId());
    ws.open(0, QStringLiteral("ws://bench.test/feed"));
    constexpr int kMessages = 20'000;
    QByteArray burst;
    for (int i = 0; i < kMessages; ++i)
        burst += ws.serverFrame(WsOpcode::Text, QByteArray::number(i).rightJustified(32, '0'));
    ws.read(1000, burst);
    writer.flush();
    session.recorder()->drain();

    CountingBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ExportOptions options;
    options.wallAnchor = session.clock().wallAnchor();
    QString error;
    QVERIFY2(writeHar(session.timeline(), &buffer, options, &error), qPrintable(error));
    QVERIFY(buffer.data().size() > 4 * 1024 * 1024);
    QVERIFY2(buffer.largest < 128 * 1024, qPrintable(QString::number(buffer.largest)));
    const QJsonObject har = QJsonDocument::fromJson(buffer.data()).object();
    QCOMPARE(problemsOf(har), QStringList());
    const QJsonObject e = har[QStringLiteral("log")][QStringLiteral("entries")][0].toObject();
    const QJsonArray messages = e[QStringLiteral("_webSocketMessages")].toArray();
    QCOMPARE(messages.size(), kMessages);
    QCOMPARE(messages.last()[QStringLiteral("data")].toString(), QString::number(kMessages - 1).rightJustified(32, u'0'));
    QCOMPARE(e[QStringLiteral("_wirescope")][QStringLiteral("frames")].toArray().size(), kMessages);
    QCOMPARE(e[QStringLiteral("_resourceType")].toString(), QStringLiteral("websocket"));
    QCOMPARE(e[QStringLiteral("response")][QStringLiteral("status")].toInt(), 101);
}

void TestHarWriter::bytesNoLongerHeldAreSaidNotInvented()
{
    quint32 ws = 0;
    for (quint32 id : m_session.timeline().connectionIds())
        if (m_session.timeline().connection(id)->protocol == ConnectionProtocol::WebSocket)
            ws = id;
    QVERIFY(ws > 0);
    m_session.timeline().releaseConnection(ws); // its log was cleared
    ExportOptions options;
    options.wallAnchor = m_session.clock().wallAnchor();
    const QJsonObject har = exportHar(options);
    QCOMPARE(problemsOf(har), QStringList());
    const QJsonObject e = har[QStringLiteral("log")][QStringLiteral("entries")].toArray()[2].toObject();
    const QJsonArray messages = e[QStringLiteral("_webSocketMessages")].toArray();
    QVERIFY(!messages.isEmpty());
    for (const QJsonValue &m : messages) {
        QCOMPARE(m[QStringLiteral("_bytesHeld")].toBool(true), false);
        QCOMPARE(m[QStringLiteral("_bytesGone")].toString(), QStringLiteral("released"));
        QCOMPARE(m[QStringLiteral("data")].toString(), QString());
    }
    const QJsonArray frames = e[QStringLiteral("_wirescope")][QStringLiteral("frames")].toArray();
    QVERIFY(!frames.isEmpty());
    for (const QJsonValue &f : frames)
        QCOMPARE(f[QStringLiteral("bytesGone")].toString(), QStringLiteral("released"));
}

QTEST_MAIN(TestHarWriter)
#include "tst_harwriter.moc"

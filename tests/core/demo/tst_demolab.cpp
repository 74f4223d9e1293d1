// The demo server's transport lab endpoints (/lab/..., docs/lab-endpoints.md) through real
// clients: raw QTcpSocket requests where the exact bytes matter, the project's HttpClient, and
// the server's own byte counts compared with what the client sockets counted.
#include "core/demo/demoeventlog.h"
#include "core/demo/demolabconfig.h"
#include "core/demo/demolimits.h"
#include "core/demo/demoserver.h"
#include "core/demo/demoserverthread.h"
#include "core/net/httpclient.h"
#include "core/net/wsconnection.h"
#include "core/wire/chunkeddecoder.h"
#include "core/wire/sseparser.h"
#include "core/wire/wsframeparser.h"
#include "core/wire/wsframewriter.h"
#include "core/wire/wshandshake.h"
#include "tests/peers/demopeer.h"
#include "tests/peers/peerprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QTest>

using namespace wirescope;
using namespace wirescope::test;

namespace {

// One HTTP response as a raw client read it.
struct RawResponse {
    int status = 0;
    QByteArray head;
    QByteArray body; // de-chunked
    QByteArray wire; // every byte of the response
    QList<QByteArray> chunks;
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// A client connection that counts every byte it wrote and read, and reads responses one by one.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
    }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    void send(const QByteArray &bytes)
    {
        m_written += m_socket.write(bytes);
        m_socket.flush();
    }
    void get(const QByteArray &target, const QByteArray &extra = {}, bool close = false)
    {
        send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra
            + (close ? "Connection: close\r\n" : "") + "\r\n");
    }
    void post(const QByteArray &target, const QByteArray &body)
    {
        send("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    // Waits for one whole response (Content-Length, chunked, or until the server closes).
    RawResponse response(int timeoutMs = 15000)
    {
        RawResponse out;
        const bool done = QTest::qWaitFor(
            [&] {
                pull();
                return parse(&out);
            },
            timeoutMs);
        if (!done)
            out.status = -1;
        return out;
    }
    // Bytes received so far, unparsed (for streams read while they run).
    QByteArray &buffer()
    {
        pull();
        return m_buffer;
    }
    bool waitClosed(int timeoutMs = 15000)
    {
        return QTest::qWaitFor(
            [&] {
                pull();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }
    void close()
    {
        m_socket.disconnectFromHost();
        if (m_socket.state() != QAbstractSocket::UnconnectedState)
            m_socket.waitForDisconnected(5000);
    }
    QTcpSocket &socket() { return m_socket; }
    qint64 written() const { return m_written; }
    qint64 read() const { return m_read; }

private:
    void pull()
    {
        const QByteArray bytes = m_socket.readAll();
        m_read += bytes.size();
        m_buffer += bytes;
    }
    bool parse(RawResponse *out)
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        out->head = m_buffer.left(end + 2);
        out->status = m_buffer.mid(9, 3).toInt();
        const qsizetype bodyStart = end + 4;
        qsizetype total = -1;
        if (out->header("Transfer-Encoding") == "chunked") {
            ChunkedDecoder decoder;
            QList<HttpChunkInfo> chunks;
            QList<HttpHeaderField> trailers;
            QList<Violation> findings;
            QByteArray body;
            const qsizetype used
                = decoder.feed(m_buffer.mid(bodyStart), ChunkedOutput {body, chunks, trailers, findings});
            if (!decoder.isDone())
                return false;
            out->body = body;
            total = bodyStart + used;
            // Each chunk's data, in order, from the wire (sizes in hex before each CRLF).
            qsizetype p = bodyStart;
            for (;;) {
                const qsizetype eol = m_buffer.indexOf("\r\n", p);
                const qsizetype size = m_buffer.mid(p, eol - p).toLongLong(nullptr, 16);
                if (size == 0)
                    break;
                out->chunks.append(m_buffer.mid(eol + 2, size));
                p = eol + 2 + size + 2;
            }
        } else if (!out->header("Content-Length").isEmpty()) {
            total = bodyStart + out->header("Content-Length").toLongLong();
            if (m_buffer.size() < total)
                return false;
            out->body = m_buffer.mid(bodyStart, total - bodyStart);
        } else if (out->status == 204 || out->status == 101) {
            total = bodyStart;
        } else {
            if (m_socket.state() != QAbstractSocket::UnconnectedState)
                return false;
            total = m_buffer.size();
            out->body = m_buffer.mid(bodyStart);
        }
        out->wire = m_buffer.left(total);
        m_buffer.remove(0, total);
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    qint64 m_written = 0;
    qint64 m_read = 0;
};

QList<QByteArray> lines(const QByteArray &ndjson)
{
    QList<QByteArray> out = ndjson.split('\n');
    if (!out.isEmpty() && out.constLast().isEmpty())
        out.removeLast();
    return out;
}

// The events an EventSource would dispatch from a whole SSE body.
QList<SseRecord> sseEvents(const QByteArray &body)
{
    SseParser parser;
    std::vector<SseRecord> records;
    parser.feed(body, records);
    parser.finish(records);
    QList<SseRecord> events;
    for (const SseRecord &record : records) {
        if (record.kind == SseRecord::Kind::Event)
            events.append(record);
    }
    return events;
}

qint64 seqOf(const QByteArray &message)
{
    if (message.startsWith('{'))
        return QJsonDocument::fromJson(message).object().value(u"seq"_qs).toInteger();
    return message.left(message.indexOf(' ')).toLongLong();
}

// A WsConnection (core/net) to a /lab/ws URL, with everything it received and every byte its
// socket carried.
struct LabWsClient {
    WsConnection connection;
    QList<WsMessage> messages;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    bool closed = false;

    LabWsClient()
    {
        QObject::connect(
            &connection, &WsConnection::messageDecoded, &connection, [this](const WsMessageEvent &event) {
                if (event.direction == Direction::In)
                    messages.append(event.message);
            });
        QObject::connect(
            &connection, &WsConnection::chunkCaptured, &connection, [this](const CapturedChunk &chunk) {
                (chunk.direction == Direction::In ? bytesIn : bytesOut) += chunk.bytes.size();
            });
        QObject::connect(&connection, &WsConnection::closed, &connection, [this] { closed = true; });
    }
    void open(const QUrl &url, bool deflate)
    {
        WsConnectOptions options;
        options.url = url;
        options.permessageDeflate = deflate;
        connection.open(options);
    }
};

// The frames a server sent after its 101 (RFC 6455: unmasked).
QList<WsFrame> serverFrames(const QByteArray &bytes)
{
    WsFrameParserOptions options;
    options.role = WsRole::Client;
    WsFrameParser parser(options);
    QList<WsFrame> frames;
    for (const WsParseEvent &event : parser.feed(bytes).events) {
        if (event.type == WsParseEventType::Frame)
            frames.append(event.frame);
    }
    return frames;
}

QByteArray upgradeRequest(const QByteArray &target, const QByteArray &extra = {})
{
    return "GET " + target
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + extra;
}

} // namespace

class tst_DemoLab : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void messagesHaveTheirExactSizeAndFormat_data();
    void messagesHaveTheirExactSizeAndFormat();
    void badParametersAre400NamingThem_data();
    void badParametersAre400NamingThem();
    void unknownLabPathsAre404AndStatsOfAnUnknownRunToo();

    void pollDeliversTheWholeScheduleAndSays204WithoutNews();
    void pollResumesAfterTheSeqItNames();
    void aPollClientThatNeverPollsCostsBoundedMemory();
    void longPollHoldsUntilTheNextEvent();
    void longPollAnswers204OnceTheRunIsOver();
    void sseStreamsEveryEventWithIdsAndEnds();
    void sseResumesAfterLastEventId();
    void streamIsOneChunkPerMessage();
    void echoAnswersTheBodyAsItCame();
    void sendRelaysIntoTheRunsStream();
    void sendRefusesWhatIsNotOneLine();

    void statsCountEveryByteTheClientSocketsCarried();
    void statsMatchTheProjectsHttpClient();

    void wsPushesEachMessageAsOneTextFrameAndCloses_data();
    void wsPushesEachMessageAsOneTextFrameAndCloses();
    void wsEchoesEachMessageBack_data();
    void wsEchoesEachMessageBack();
    void wsChatRelaysAmongTheRunsEvents();
    void wsHandshakeIsRfc6455();
    void wsHandshakeRefusals_data();
    void wsHandshakeRefusals();
    void wsAnswersPingWithPongAndEchoesTheClientsClose();
    void wsViolationsCloseWithTheirRfcCode_data();
    void wsViolationsCloseWithTheirRfcCode();
    void tenThousandMessagesASecondArriveWhole_data();
    void tenThousandMessagesASecondArriveWhole();
    void wsInteroperatesWithPythonWebsockets_data();
    void wsInteroperatesWithPythonWebsockets();

private:
    QJsonObject stats(const QByteArray &run) { return stats(m_demo.port(), run); }
    static QJsonObject stats(quint16 port, const QByteArray &run);
    DemoPeer m_demo;
};

void tst_DemoLab::initTestCase()
{
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
}

QJsonObject tst_DemoLab::stats(quint16 port, const QByteArray &run)
{
    RawClient client(port);
    client.get("/lab/stats?run=" + run, {}, true);
    const RawResponse response = client.response();
    return response.status == 200 ? response.json() : QJsonObject {{u"status"_qs, response.status}};
}

void tst_DemoLab::messagesHaveTheirExactSizeAndFormat_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<int>("size");
    QTest::addColumn<qint64>("seq");
    QTest::newRow("text, smallest") << u"text"_qs << 32 << qint64(7);
    QTest::newRow("text, 1000") << u"text"_qs << 1000 << qint64(123456);
    QTest::newRow("random, smallest") << u"random"_qs << 32 << qint64(99);
    QTest::newRow("random, 64 KiB") << u"random"_qs << 65536 << qint64(1);
    QTest::newRow("json, smallest") << u"json"_qs << 40 << qint64(3);
    QTest::newRow("json, 64") << u"json"_qs << 64 << qint64(5000000);
    QTest::newRow("json, 64 KiB") << u"json"_qs << 65536 << qint64(42);
}

void tst_DemoLab::messagesHaveTheirExactSizeAndFormat()
{
    QFETCH(QString, payload);
    QFETCH(int, size);
    QFETCH(qint64, seq);
    DemoLabProblem problem;
    const std::optional<DemoLabConfig> config = DemoLabConfig::fromQuery(
        QUrlQuery(u"run=a&payload=%1&size=%2&rate=1&duration_ms=1000"_qs.arg(payload).arg(size)), &problem);
    QVERIFY2(config, qPrintable(problem.message));
    QRandomGenerator random(7);
    const qint64 t = 1765146000123456;
    const QByteArray message = config->message(seq, t, random);
    QCOMPARE(message.size(), size);
    QVERIFY(DemoLabConfig::isLabLine(message));
    if (payload == u"json") {
        const QJsonObject object = QJsonDocument::fromJson(message).object();
        QCOMPARE(object.value(u"seq"_qs).toInteger(), seq);
        QCOMPARE(object.value(u"t"_qs).toInteger(), t);
        QCOMPARE(object.keys(), (QStringList {u"pad"_qs, u"seq"_qs, u"t"_qs}));
        QVERIFY(message.startsWith(QByteArray("{\"seq\":" + QByteArray::number(seq) + ",\"t\":")));
    } else {
        const QByteArray prefix = QByteArray::number(seq) + ' ' + QByteArray::number(t) + ' ';
        QVERIFY(message.startsWith(prefix));
        const QByteArray rest = message.mid(prefix.size());
        if (payload == u"text")
            QCOMPARE(rest, QByteArray(rest.size(), 'x'));
        else
            QVERIFY(QRegularExpression(u"^[A-Za-z0-9]*$"_qs).match(QString::fromLatin1(rest)).hasMatch());
    }
}

void tst_DemoLab::badParametersAre400NamingThem_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("no run") << QByteArray("/lab/poll") << u"run"_qs;
    QTest::newRow("run with a slash") << QByteArray("/lab/poll?run=a%2Fb") << u"run"_qs;
    QTest::newRow("run of 65 characters") << "/lab/sse?run=" + QByteArray(65, 'a') << u"run"_qs;
    QTest::newRow("workload") << QByteArray("/lab/poll?run=b&workload=pull") << u"workload"_qs;
    QTest::newRow("payload") << QByteArray("/lab/poll?run=b&payload=xml") << u"payload"_qs;
    QTest::newRow("rate too low") << QByteArray("/lab/poll?run=b&rate=0.05") << u"rate"_qs;
    QTest::newRow("rate too high") << QByteArray("/lab/poll?run=b&rate=10001") << u"rate"_qs;
    QTest::newRow("rate not a number") << QByteArray("/lab/poll?run=b&rate=fast") << u"rate"_qs;
    QTest::newRow("rate x size too high")
        << QByteArray("/lab/poll?run=b&rate=10000&size=65536") << u"rate"_qs;
    QTest::newRow("size too small for text")
        << QByteArray("/lab/poll?run=b&payload=text&size=31") << u"size"_qs;
    QTest::newRow("size too small for json") << QByteArray("/lab/poll?run=b&size=39") << u"size"_qs;
    QTest::newRow("json size too small for the seqs")
        << QByteArray("/lab/poll?run=b&size=40&rate=1000&duration_ms=10000") << u"size"_qs;
    QTest::newRow("size too big") << QByteArray("/lab/stream?run=b&size=65537") << u"size"_qs;
    QTest::newRow("duration 0") << QByteArray("/lab/sse?run=b&duration_ms=0") << u"duration_ms"_qs;
    QTest::newRow("duration too long")
        << QByteArray("/lab/poll?run=b&duration_ms=600001") << u"duration_ms"_qs;
    QTest::newRow("after negative") << QByteArray("/lab/poll?run=b&after=-1") << u"after"_qs;
    QTest::newRow("stats without run") << QByteArray("/lab/stats") << u"run"_qs;
}

void tst_DemoLab::badParametersAre400NamingThem()
{
    QFETCH(QByteArray, target);
    QFETCH(QString, parameter);
    RawClient client(m_demo.port());
    client.get(target, {}, true);
    const RawResponse response = client.response();
    QCOMPARE(response.status, 400);
    QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject body = response.json();
    QCOMPARE(body.value(u"parameter"_qs).toString(), parameter);
    QVERIFY2(body.value(u"error"_qs).toString().contains(parameter),
        qPrintable(body.value(u"error"_qs).toString()));
}

void tst_DemoLab::unknownLabPathsAre404AndStatsOfAnUnknownRunToo()
{
    for (const QByteArray &target :
        {QByteArray("/lab/x?run=a"), QByteArray("/lab/"), QByteArray("/lab/poll/more?run=a")}) {
        RawClient client(m_demo.port());
        client.get(target, {}, true);
        QCOMPARE(client.response().status, 404);
    }
    RawClient client(m_demo.port());
    client.get("/lab/stats?run=never-made", {}, true);
    const RawResponse response = client.response();
    QCOMPARE(response.status, 404);
    QCOMPARE(response.json().value(u"parameter"_qs).toString(), u"run"_qs);
}

void tst_DemoLab::pollDeliversTheWholeScheduleAndSays204WithoutNews()
{
    // 200 events/s for 500 ms: N = 100, polled over one keep-alive connection.
    RawClient client(m_demo.port());
    QList<qint64> seqs;
    qint64 after = 0;
    const QByteArray query = "run=poll-all&rate=200&duration_ms=500&size=48&payload=text";
    QVERIFY(QTest::qWaitFor(
        [&] {
            client.get("/lab/poll?" + query + "&after=" + QByteArray::number(after));
            const RawResponse response = client.response();
            if (response.status == 204) {
                QTest::qWait(10);
                return false;
            }
            if (response.status != 200)
                return true;
            for (const QByteArray &line : lines(response.body)) {
                seqs.append(seqOf(line));
                after = seqs.constLast();
                if (line.size() != 48)
                    return true;
            }
            return after >= 100;
        },
        15000));
    QCOMPARE(seqs.size(), 100);
    for (int i = 0; i < seqs.size(); ++i)
        QCOMPARE(seqs.at(i), qint64(i + 1));
    client.get("/lab/poll?run=poll-all&after=100");
    const RawResponse none = client.response();
    QCOMPARE(none.status, 204);
    QVERIFY(none.body.isEmpty());
    const QJsonObject counted = stats("poll-all");
    QCOMPARE(counted.value(u"messages_scheduled"_qs).toInteger(), 100);
    QCOMPARE(counted.value(u"messages_created"_qs).toInteger(), 100);
    QCOMPARE(counted.value(u"messages_dropped"_qs).toInteger(), 0);
}

void tst_DemoLab::pollResumesAfterTheSeqItNames()
{
    RawClient client(m_demo.port());
    client.get("/lab/poll?run=poll-after&rate=1000&duration_ms=20&after=0");
    QCOMPARE(client.response().status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(stats("poll-after").value(u"over"_qs).toBool(), 5000);
    client.get("/lab/poll?run=poll-after&after=12");
    const RawResponse response = client.response();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Type"), QByteArray("application/x-ndjson"));
    const QList<QByteArray> got = lines(response.body);
    QCOMPARE(got.size(), 8);
    QCOMPARE(seqOf(got.first()), 13);
    QCOMPARE(seqOf(got.last()), 20);
    // The same after= again gets the same events (a lost answer is asked for again).
    client.get("/lab/poll?run=poll-after&after=19");
    QCOMPARE(lines(client.response().body).size(), 1);
    client.get("/lab/poll?run=poll-after&after=19");
    QCOMPARE(lines(client.response().body).size(), 1);
}

void tst_DemoLab::aPollClientThatNeverPollsCostsBoundedMemory()
{
    // 10 000 events/s for 1.5 s is 15 000 events; the run keeps the newest 10 000.
    RawClient client(m_demo.port());
    client.get("/lab/poll?run=never-polls&rate=10000&duration_ms=1500&size=44&after=15000");
    QCOMPARE(client.response().status, 204);
    QTRY_VERIFY_WITH_TIMEOUT(stats("never-polls").value(u"over"_qs).toBool(), 10000);
    client.get("/lab/poll?run=never-polls&after=0");
    const RawResponse response = client.response();
    const QList<QByteArray> got = lines(response.body);
    QCOMPARE(got.size(), DemoLimits::maxLabPendingMessages);
    QCOMPARE(seqOf(got.first()), 15000 - DemoLimits::maxLabPendingMessages + 1);
    QCOMPARE(seqOf(got.last()), 15000);
    const QJsonObject counted = stats("never-polls");
    QCOMPARE(counted.value(u"messages_created"_qs).toInteger(), 15000);
    QCOMPARE(counted.value(u"messages_dropped"_qs).toInteger(), 15000 - DemoLimits::maxLabPendingMessages);
}

void tst_DemoLab::longPollHoldsUntilTheNextEvent()
{
    // Two events 400 ms apart: the second poll is held until the second exists. Its creation
    // stamp comes after the moment the request was written: the server waited for it.
    RawClient client(m_demo.port());
    client.get("/lab/longpoll?run=held&rate=2.5&duration_ms=800&payload=text&size=40&after=0");
    RawResponse first = client.response();
    QCOMPARE(first.status, 200);
    QCOMPARE(seqOf(lines(first.body).value(0)), 1);
    const qint64 askedUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    client.get("/lab/longpoll?run=held&after=1");
    const RawResponse second = client.response();
    QCOMPARE(second.status, 200);
    const QList<QByteArray> got = lines(second.body);
    QCOMPARE(got.size(), 1);
    QCOMPARE(seqOf(got.first()), 2);
    const qint64 createdUs = got.first().split(' ').at(1).toLongLong();
    QVERIFY2(createdUs >= askedUs - 1000, qPrintable(u"%1 %2"_qs.arg(createdUs).arg(askedUs)));
}

void tst_DemoLab::longPollAnswers204OnceTheRunIsOver()
{
    RawClient client(m_demo.port());
    // N = floor(2 x 1.4) = 2: seq 1 at once, seq 2 500 ms later, then nothing more will come.
    client.get("/lab/longpoll?run=held-over&rate=2&duration_ms=1400&after=0");
    QCOMPARE(client.response().status, 200);
    client.get("/lab/longpoll?run=held-over&after=1");
    QCOMPARE(client.response().status, 200);
    client.get("/lab/longpoll?run=held-over&after=2");
    QCOMPARE(client.response().status, 204);
}

void tst_DemoLab::sseStreamsEveryEventWithIdsAndEnds()
{
    RawClient client(m_demo.port());
    client.get("/lab/sse?run=sse-all&rate=500&duration_ms=100&size=64", "Accept: text/event-stream\r\n");
    const RawResponse response = client.response();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Type"), QByteArray("text/event-stream; charset=utf-8"));
    QCOMPARE(response.header("Transfer-Encoding"), QByteArray("chunked"));
    QVERIFY(response.body.startsWith("retry: 1000\n\n"));
    QCOMPARE(response.chunks.size(), 1 + 50); // the retry, then one chunk per event
    const QList<SseRecord> events = sseEvents(response.body);
    QCOMPARE(events.size(), 50);
    for (int i = 0; i < events.size(); ++i) {
        QCOMPARE(events.at(i).lastEventId, QString::number(i + 1));
        QCOMPARE(events.at(i).data.toUtf8().size(), 64);
        QCOMPARE(seqOf(events.at(i).data.toUtf8()), i + 1);
        QCOMPARE(response.chunks.at(i + 1),
            "id: " + QByteArray::number(i + 1) + "\ndata: " + events.at(i).data.toUtf8() + "\n\n");
    }
}

void tst_DemoLab::sseResumesAfterLastEventId()
{
    RawClient first(m_demo.port());
    first.get("/lab/sse?run=sse-resume&rate=1000&duration_ms=30");
    QCOMPARE(first.response().status, 200);
    RawClient again(m_demo.port());
    again.get("/lab/sse?run=sse-resume", "Last-Event-ID: 25\r\n");
    const RawResponse response = again.response();
    const QList<SseRecord> events = sseEvents(response.body);
    QCOMPARE(events.size(), 5);
    QCOMPARE(events.first().lastEventId, u"26"_qs);
    QCOMPARE(events.last().lastEventId, u"30"_qs);
}

void tst_DemoLab::streamIsOneChunkPerMessage()
{
    RawClient client(m_demo.port());
    client.get("/lab/stream?run=stream-all&rate=400&duration_ms=100&payload=random&size=100");
    const RawResponse response = client.response();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Type"), QByteArray("application/x-ndjson"));
    QCOMPARE(response.chunks.size(), 40);
    for (int i = 0; i < 40; ++i) {
        QCOMPARE(response.chunks.at(i).size(), 101);
        QVERIFY(response.chunks.at(i).endsWith('\n'));
        QCOMPARE(seqOf(response.chunks.at(i)), i + 1);
    }
    // after= resumes a stream too.
    RawClient again(m_demo.port());
    again.get("/lab/stream?run=stream-all&after=38");
    QCOMPARE(again.response().chunks.size(), 2);
}

void tst_DemoLab::echoAnswersTheBodyAsItCame()
{
    RawClient client(m_demo.port());
    const QByteArray message = "c1 1765146000123456 xxxxxxxxxxxxxxxxxxxxxxxx";
    client.post("/lab/echo?run=echo-it&workload=echo", message);
    const RawResponse response = client.response();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Type"), QByteArray("text/plain"));
    QCOMPARE(response.body, message);
    client.post("/lab/echo?run=echo-it", QByteArray(DemoLimits::maxLabSize + 1, 'x'));
    const RawResponse tooBig = client.response();
    QCOMPARE(tooBig.status, 413);
    QCOMPARE(tooBig.json().value(u"parameter"_qs).toString(), u"body"_qs);
    QCOMPARE(stats("echo-it").value(u"messages_echoed"_qs).toInteger(), 1);
}

void tst_DemoLab::sendRelaysIntoTheRunsStream()
{
    // Chat over SSE: the run's events and the client's own message, relayed among them.
    RawClient reader(m_demo.port());
    reader.get("/lab/sse?run=chat-sse&workload=chat&rate=20&duration_ms=500&payload=json&size=60");
    QTRY_VERIFY_WITH_TIMEOUT(reader.buffer().contains("id: 1\n"), 5000);
    RawClient sender(m_demo.port());
    const QByteArray mine = "{\"cseq\":1,\"t\":1765146000123456,\"pad\":\"xxxxxxxxxxxxxxxxx\"}";
    sender.post("/lab/send?run=chat-sse", mine);
    QCOMPARE(sender.response().status, 204);
    const RawResponse response = reader.response();
    QVERIFY(response.body.contains(QByteArray("event: relay\ndata: " + mine + "\n\n")));
    const QList<SseRecord> events = sseEvents(response.body);
    QCOMPARE(events.size(), 10 + 1);
    QCOMPARE(stats("chat-sse").value(u"messages_relayed"_qs).toInteger(), 1);
}

void tst_DemoLab::sendRefusesWhatIsNotOneLine()
{
    RawClient client(m_demo.port());
    client.post("/lab/send?run=chat-bad&workload=chat", "two\nlines");
    const RawResponse response = client.response();
    QCOMPARE(response.status, 400);
    QCOMPARE(response.json().value(u"parameter"_qs).toString(), u"body"_qs);
}

void tst_DemoLab::statsCountEveryByteTheClientSocketsCarried()
{
    // Polls with a new connection each (Connection: close), a keep-alive poller, an SSE reader
    // and a sender: the run's counts equal the sum of what each client socket wrote and read.
    const QByteArray run = "counted";
    qint64 written = 0;
    qint64 read = 0;
    qint64 requests = 0;
    for (int i = 0; i < 5; ++i) {
        RawClient client(m_demo.port());
        client.get("/lab/poll?run=" + run
                + "&workload=chat&rate=50&duration_ms=300&after=" + QByteArray::number(i * 3),
            {}, true);
        QVERIFY(client.response().status > 0);
        QVERIFY(client.waitClosed());
        written += client.written();
        read += client.read();
        ++requests;
    }
    RawClient keepAlive(m_demo.port());
    for (int i = 0; i < 4; ++i) {
        keepAlive.get("/lab/poll?run=" + run + "&after=0");
        QVERIFY(keepAlive.response().status > 0);
        ++requests;
    }
    RawClient sse(m_demo.port());
    sse.get("/lab/sse?run=" + run);
    ++requests;
    RawClient sender(m_demo.port());
    sender.post("/lab/send?run=" + run, "c1 1765146000123456 xxxxxxxxxxxxxxx");
    QCOMPARE(sender.response().status, 204);
    ++requests;
    QCOMPARE(sse.response().status, 200);
    // A non-lab first request does not attribute its connection to a run.
    RawClient other(m_demo.port());
    other.get("/get");
    QCOMPARE(other.response().status, 200);
    other.get("/lab/poll?run=" + run);
    QVERIFY(other.response().status > 0);
    other.close();
    for (RawClient *client : {&keepAlive, &sse, &sender}) {
        client->close();
        written += client->written();
        read += client->read();
    }
    QTRY_COMPARE_WITH_TIMEOUT(stats(run).value(u"open_connections"_qs).toInt(), 0, 5000);
    const QJsonObject counted = stats(run);
    QCOMPARE(counted.value(u"connections"_qs).toInteger(), 5 + 3);
    QCOMPARE(counted.value(u"requests"_qs).toInteger(), requests);
    QCOMPARE(counted.value(u"bytes_in"_qs).toInteger(), written);
    QCOMPARE(counted.value(u"bytes_out"_qs).toInteger(), read);
}

void tst_DemoLab::statsMatchTheProjectsHttpClient()
{
    // HttpClient polls over its keep-alive pool: the run's counts equal the bytes of its hops.
    HttpClient client;
    qint64 out = 0;
    qint64 in = 0;
    for (int i = 0; i < 6; ++i) {
        HttpRequest request;
        request.setUrl(
            m_demo.httpUrl(u"/lab/poll?run=by-httpclient&rate=100&duration_ms=200&after=%1"_qs.arg(i * 5))
                .toString());
        HttpExchange *exchange = client.start(request);
        bool finished = false;
        connect(exchange, &HttpExchange::finished, this, [&] { finished = true; });
        QTRY_VERIFY_WITH_TIMEOUT(finished, 10000);
        for (const HttpHop &hop : exchange->record().hops) {
            out += hop.requestBytes.size();
            in += hop.responseBytes.size();
        }
        exchange->deleteLater();
    }
    client.closeIdleConnections();
    QTRY_COMPARE_WITH_TIMEOUT(stats("by-httpclient").value(u"open_connections"_qs).toInt(), 0, 5000);
    const QJsonObject counted = stats("by-httpclient");
    QCOMPARE(counted.value(u"requests"_qs).toInteger(), 6);
    QCOMPARE(counted.value(u"bytes_in"_qs).toInteger(), out);
    QCOMPARE(counted.value(u"bytes_out"_qs).toInteger(), in);
}

void tst_DemoLab::wsPushesEachMessageAsOneTextFrameAndCloses_data()
{
    QTest::addColumn<bool>("deflate");
    QTest::addColumn<QString>("payload");
    QTest::newRow("json") << false << u"json"_qs;
    QTest::newRow("text, deflate") << true << u"text"_qs;
    QTest::newRow("random, deflate") << true << u"random"_qs;
}

void tst_DemoLab::wsPushesEachMessageAsOneTextFrameAndCloses()
{
    QFETCH(bool, deflate);
    QFETCH(QString, payload);
    const QString run = u"ws-push-%1-%2"_qs.arg(payload).arg(deflate);
    LabWsClient client;
    client.open(
        m_demo.wsUrl(u"/lab/ws?run=%1&rate=1000&duration_ms=200&size=200&payload=%2"_qs.arg(run, payload)),
        deflate);
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, 10000);
    QCOMPARE(client.connection.deflateActive(), deflate);
    QCOMPARE(client.messages.size(), 200);
    for (int i = 0; i < client.messages.size(); ++i) {
        const WsMessage &message = client.messages.at(i);
        QCOMPARE(message.type, WsMessageType::Text);
        QCOMPARE(message.frameCount, 1);
        QCOMPARE(message.compressed, deflate);
        QCOMPARE(message.payload.size(), 200);
        QCOMPARE(seqOf(message.payload), i + 1);
    }
    const WsCloseRecord &close = client.connection.closeRecord();
    QCOMPARE(close.receivedCode, std::optional<quint16>(1000));
    QVERIFY(close.clean);
    QTRY_COMPARE_WITH_TIMEOUT(stats(run.toLatin1()).value(u"open_connections"_qs).toInt(), 0, 5000);
    const QJsonObject counted = stats(run.toLatin1());
    QCOMPARE(counted.value(u"connections"_qs).toInteger(), 1);
    QCOMPARE(counted.value(u"requests"_qs).toInteger(), 1);
    QCOMPARE(counted.value(u"bytes_in"_qs).toInteger(), client.bytesOut);
    QCOMPARE(counted.value(u"bytes_out"_qs).toInteger(), client.bytesIn);
}

void tst_DemoLab::wsEchoesEachMessageBack_data()
{
    QTest::addColumn<bool>("deflate");
    QTest::newRow("plain") << false;
    QTest::newRow("deflate") << true;
}

void tst_DemoLab::wsEchoesEachMessageBack()
{
    QFETCH(bool, deflate);
    const QByteArray run = deflate ? "ws-echo-deflate" : "ws-echo";
    LabWsClient client;
    client.open(
        m_demo.wsUrl(u"/lab/ws?run=%1&workload=echo&duration_ms=100"_qs.arg(QString::fromLatin1(run))),
        deflate);
    QTRY_COMPARE_WITH_TIMEOUT(client.connection.state(), WsConnectionState::Open, 5000);
    for (int i = 1; i <= 5; ++i)
        client.connection.sendText(u"c%1 1765146000123456 xxxxxxxxxxxxxxxxxxxxxxxx"_qs.arg(i));
    client.connection.sendBinary(QByteArray("\x00\x01\xff", 3));
    QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 6, 5000);
    for (int i = 1; i <= 5; ++i)
        QCOMPARE(client.messages.at(i - 1).payload,
            u"c%1 1765146000123456 xxxxxxxxxxxxxxxxxxxxxxxx"_qs.arg(i).toLatin1());
    QCOMPARE(client.messages.at(5).type, WsMessageType::Binary);
    QCOMPARE(client.messages.at(5).payload, QByteArray("\x00\x01\xff", 3));
    // An echo run ends duration_ms + 5 s after it began: the server closes then.
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, 15000);
    QCOMPARE(client.connection.closeRecord().receivedCode, std::optional<quint16>(1000));
    QTRY_COMPARE_WITH_TIMEOUT(stats(run).value(u"open_connections"_qs).toInt(), 0, 5000);
    const QJsonObject counted = stats(run);
    QCOMPARE(counted.value(u"messages_echoed"_qs).toInteger(), 6);
    QCOMPARE(counted.value(u"bytes_in"_qs).toInteger(), client.bytesOut);
    QCOMPARE(counted.value(u"bytes_out"_qs).toInteger(), client.bytesIn);
}

void tst_DemoLab::wsChatRelaysAmongTheRunsEvents()
{
    LabWsClient client;
    client.open(
        m_demo.wsUrl(u"/lab/ws?run=ws-chat&workload=chat&rate=20&duration_ms=500&payload=text&size=40"_qs),
        true);
    QTRY_VERIFY_WITH_TIMEOUT(!client.messages.isEmpty(), 5000);
    client.connection.sendText(u"c1 1765146000123456 xxxxxxxxxxxxxxxxxx"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, 10000);
    QCOMPARE(client.messages.size(), 10 + 1);
    int relayed = 0;
    for (const WsMessage &message : client.messages)
        relayed += message.payload.startsWith("c1 ") ? 1 : 0;
    QCOMPARE(relayed, 1);
    QCOMPARE(stats("ws-chat").value(u"messages_relayed"_qs).toInteger(), 1);
}

void tst_DemoLab::wsHandshakeIsRfc6455()
{
    // RFC 6455 §1.3's own example key, and a permessage-deflate offer as browsers send it.
    RawClient client(m_demo.port());
    client.send(upgradeRequest("/lab/ws?run=ws-handshake&rate=10&duration_ms=100",
        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Extensions: permessage-deflate; "
        "client_max_window_bits, x-webkit-deflate-frame\r\n\r\n"));
    const RawResponse response = client.response();
    QCOMPARE(response.status, 101);
    QCOMPARE(response.header("Sec-WebSocket-Accept"), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QCOMPARE(response.header("Upgrade"), QByteArray("websocket"));
    QCOMPARE(response.header("Sec-WebSocket-Extensions"), QByteArray("permessage-deflate"));
    QVERIFY(client.waitClosed());
    const QList<WsFrame> frames = serverFrames(client.buffer());
    QCOMPARE(frames.size(), 1 + 1); // N = 1, then the close
    QVERIFY(frames.first().header.rsv1);
    QCOMPARE(frames.last().header.opcode, WsOpcode::Close);
}

void tst_DemoLab::wsHandshakeRefusals_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("version 8") << upgradeRequest("/lab/ws?run=ws-refused", "Sec-WebSocket-Version: 8\r\n\r\n")
                               << 426 << QByteArray("Sec-WebSocket-Version: 13");
    QTest::newRow("a key that is not 16 bytes") << QByteArray(
        "GET /lab/ws?run=ws-refused HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: c2hvcnQ=\r\nSec-WebSocket-Version: 13\r\n\r\n")
                                                << 400 << QByteArray("Content-Type: application/json");
    QTest::newRow("not an upgrade") << QByteArray("GET /lab/ws?run=ws-refused HTTP/1.1\r\nHost: h\r\n\r\n")
                                    << 426 << QByteArray("Upgrade: websocket");
    QTest::newRow("a bad parameter") << upgradeRequest(
        "/lab/ws?run=ws-refused&rate=0", "Sec-WebSocket-Version: 13\r\n\r\n")
                                     << 400 << QByteArray("\"parameter\": \"rate\"");
}

void tst_DemoLab::wsHandshakeRefusals()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, header);
    RawClient client(m_demo.port());
    client.send(request);
    const RawResponse response = client.response();
    QCOMPARE(response.status, status);
    QVERIFY2(response.wire.contains(header), response.wire.constData());
}

void tst_DemoLab::wsAnswersPingWithPongAndEchoesTheClientsClose()
{
    RawClient client(m_demo.port());
    client.send(upgradeRequest(
        "/lab/ws?run=ws-ping&workload=echo&duration_ms=60000", "Sec-WebSocket-Version: 13\r\n\r\n"));
    QCOMPARE(client.response().status, 101);
    WsFrameWriter writer(WsRole::Client);
    client.send(writer.ping("are you there") + writer.close(4000, u"bye"_qs));
    QVERIFY(client.waitClosed()); // the server closes TCP first once both close frames crossed
    const QList<WsFrame> frames = serverFrames(client.buffer());
    QCOMPARE(frames.size(), 2);
    QCOMPARE(frames.at(0).header.opcode, WsOpcode::Pong);
    QCOMPARE(frames.at(0).payload, QByteArray("are you there"));
    QCOMPARE(frames.at(1).header.opcode, WsOpcode::Close);
    QCOMPARE(frames.at(1).payload.left(2), QByteArray("\x0f\xa0", 2)); // 4000 echoed
    QVERIFY(!frames.at(1).header.masked);
}

void tst_DemoLab::wsViolationsCloseWithTheirRfcCode_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("code");
    WsFrameWriter writer(WsRole::Client);
    WsCraftSpec unmasked;
    unmasked.masked = false;
    unmasked.payload = "hello";
    WsCraftSpec reserved;
    reserved.opcode = 0x3;
    WsCraftSpec rsv1;
    rsv1.rsv1 = true;
    rsv1.payload = "not compressed";
    QTest::newRow("unmasked frame: 1002")
        << QByteArray("workload=echo") << WsFrameWriter::craft(unmasked) << 1002;
    QTest::newRow("reserved opcode: 1002")
        << QByteArray("workload=echo") << WsFrameWriter::craft(reserved) << 1002;
    QTest::newRow("RSV1 without deflate: 1002")
        << QByteArray("workload=echo") << WsFrameWriter::craft(rsv1) << 1002;
    QTest::newRow("invalid UTF-8: 1007")
        << QByteArray("workload=echo") << writer.message(WsOpcode::Text, QByteArray("\xc3\x28", 2)) << 1007;
    QTest::newRow("over 64 KiB: 1009")
        << QByteArray("workload=echo") << writer.message(WsOpcode::Text, QByteArray(2 * 65536 + 1, 'x'))
        << 1009;
    QTest::newRow("a message of 64 KiB + 1: 1009")
        << QByteArray("workload=echo") << writer.message(WsOpcode::Text, QByteArray(65537, 'x')) << 1009;
    QTest::newRow("binary chat message: 1003")
        << QByteArray("workload=chat") << writer.message(WsOpcode::Binary, QByteArray("abc")) << 1003;
    QTest::newRow("chat message of two lines: 1003")
        << QByteArray("workload=chat") << writer.message(WsOpcode::Text, QByteArray("a\nb")) << 1003;
}

void tst_DemoLab::wsViolationsCloseWithTheirRfcCode()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, frame);
    QFETCH(int, code);
    RawClient client(m_demo.port());
    client.send(upgradeRequest("/lab/ws?run=ws-violation-" + QByteArray::number(code) + '-'
            + QByteArray::number(frame.size()) + "&duration_ms=60000&rate=0.1&" + query,
        "Sec-WebSocket-Version: 13\r\n\r\n"));
    QCOMPARE(client.response().status, 101);
    client.send(frame);
    QVERIFY(client.waitClosed()); // RFC 6455 §7.1.7: failing closes TCP
    const QList<WsFrame> frames = serverFrames(client.buffer());
    QVERIFY(!frames.isEmpty());
    const WsFrame &close = frames.last();
    QCOMPARE(close.header.opcode, WsOpcode::Close);
    QCOMPARE(int(quint8(close.payload.at(0))) << 8 | quint8(close.payload.at(1)), code);
}

void tst_DemoLab::tenThousandMessagesASecondArriveWhole_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("ws") << u"ws"_qs;
    QTest::newRow("ws-deflate") << u"ws-deflate"_qs;
    QTest::newRow("sse") << u"sse"_qs;
}

void tst_DemoLab::tenThousandMessagesASecondArriveWhole()
{
    // The server on its own thread, as in the window: 10 000 events/s for 2 s reach the client
    // whole and in order, and the server answers other requests meanwhile. The push delays
    // (creation stamp -> receipt, same machine, same clock) are printed, not asserted; they are
    // taken while this thread runs a real event loop (QTest's waits sleep 10 ms between turns).
    QFETCH(QString, transport);
    DemoServerThread server;
    QVERIFY2(server.start(0), qPrintable(server.server()->errorString()));
    const quint16 port = server.server()->port();
    const QByteArray run = "fast-" + transport.toLatin1();
    const QByteArray query = "run=" + run + "&rate=10000&duration_ms=2000&size=64&payload=text";
    QList<qint64> delaysUs;
    qint64 received = 0;
    bool inOrder = true;
    bool measuring = false;
    const auto receive = [&](const QByteArray &message) {
        const QList<QByteArray> fields = message.split(' ');
        inOrder = inOrder && fields.value(0).toLongLong() == ++received && message.size() == 64;
        if (measuring)
            delaysUs.append(demoWallClockNs() / 1000 - fields.value(1).toLongLong());
    };
    QEventLoop loop;
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    bool answeredMeanwhile = false;
    if (transport.startsWith(u"ws")) {
        LabWsClient client;
        QObject::connect(&client.connection, &WsConnection::messageDecoded, &client.connection,
            [&](const WsMessageEvent &event) {
                if (event.direction == Direction::In)
                    receive(event.message.payload);
            });
        client.open(QUrl(u"ws://127.0.0.1:%1/lab/ws?"_qs.arg(port) + QString::fromLatin1(query)),
            transport == u"ws-deflate");
        QTRY_VERIFY_WITH_TIMEOUT(client.messages.size() > 1000, 10000);
        answeredMeanwhile = stats(port, run).value(u"messages_created"_qs).toInteger() > 0;
        QObject::connect(&client.connection, &WsConnection::closed, &loop, &QEventLoop::quit);
        measuring = true;
        if (!client.closed)
            loop.exec();
        QVERIFY(client.closed);
    } else {
        // Read as it arrives: de-chunked, then parsed, each event stamped when its bytes came.
        RawClient client(port);
        client.get("/lab/sse?" + query);
        ChunkedDecoder decoder;
        SseParser parser;
        bool inBody = false;
        const auto readMore = [&] {
            QByteArray &buffer = client.buffer();
            if (!inBody) {
                const qsizetype end = buffer.indexOf("\r\n\r\n");
                if (end < 0)
                    return false;
                buffer.remove(0, end + 4);
                inBody = true;
            }
            QByteArray body;
            QList<HttpChunkInfo> chunks;
            QList<HttpHeaderField> trailers;
            QList<Violation> findings;
            buffer.remove(0, decoder.feed(buffer, ChunkedOutput {body, chunks, trailers, findings}));
            std::vector<SseRecord> records;
            parser.feed(body, records);
            for (const SseRecord &record : records) {
                if (record.kind == SseRecord::Kind::Event)
                    receive(record.data.toLatin1());
            }
            return decoder.isDone() || decoder.isError();
        };
        QVERIFY(QTest::qWaitFor([&] { return readMore() || received > 1000; }, 10000));
        answeredMeanwhile = stats(port, run).value(u"messages_created"_qs).toInteger() > 0;
        bool done = false;
        QObject::connect(&client.socket(), &QTcpSocket::readyRead, &loop, [&] {
            if ((done = readMore()))
                loop.quit();
        });
        measuring = true;
        if (!readMore())
            loop.exec();
        QVERIFY(done || decoder.isDone());
    }
    QVERIFY(answeredMeanwhile);
    QCOMPARE(received, 20000);
    QVERIFY(inOrder);
    QVERIFY(!delaysUs.isEmpty());
    std::sort(delaysUs.begin(), delaysUs.end());
    qInfo("%s at 10 000 msg/s: push delay p50 %.2f ms, p99 %.2f ms, max %.2f ms", qPrintable(transport),
        delaysUs.at(delaysUs.size() / 2) / 1000.0, delaysUs.at(delaysUs.size() * 99 / 100) / 1000.0,
        delaysUs.last() / 1000.0);
}

void tst_DemoLab::wsInteroperatesWithPythonWebsockets_data()
{
    QTest::addColumn<QString>("compression");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("echo");
    QTest::addColumn<int>("messages");
    QTest::newRow("push, deflate") << u"deflate"_qs << u"rate=500&duration_ms=200&size=100&payload=text"_qs
                                   << 0 << 100;
    QTest::newRow("push, no deflate")
        << u"none"_qs << u"rate=500&duration_ms=200&size=100&payload=random"_qs << 0 << 100;
    QTest::newRow("echo, deflate") << u"deflate"_qs << u"workload=echo&duration_ms=1"_qs << 5 << 0;
}

void tst_DemoLab::wsInteroperatesWithPythonWebsockets()
{
    // A client that is not ours (python3-websockets 10.4), with and without permessage-deflate.
    // The server runs on a thread of its own so that this thread may wait for the script.
    QFETCH(QString, compression);
    QFETCH(QString, query);
    QFETCH(int, echo);
    QFETCH(int, messages);
    QString error;
    const QString python = findSystemPython3(&error);
    QVERIFY2(!python.isEmpty(), qPrintable(error));
    DemoServerThread server;
    QVERIFY2(server.start(0), qPrintable(server.server()->errorString()));
    const QString run = u"python-%1-%2"_qs.arg(compression).arg(echo);
    const QString url = server.server()->wsBaseUrl().toString() + u"/lab/ws?run="_qs + run + u'&' + query;
    PeerProcess process;
    QVERIFY2(process.start(python,
                 {peersDir() + u"/lab_ws_client.py"_qs, url, u"--compression"_qs, compression, u"--echo"_qs,
                     QString::number(echo)},
                 &error),
        qPrintable(error));
    const QByteArray line = process.waitForLine("RESULT ", 30000);
    QVERIFY2(!line.isEmpty(), qPrintable(process.outputTail()));
    const QJsonObject result = QJsonDocument::fromJson(line).object();
    QCOMPARE(result.value(u"messages"_qs).toInt(), messages);
    if (messages > 0) {
        QCOMPARE(result.value(u"sizes"_qs).toArray(), QJsonArray {100});
        QVERIFY(result.value(u"in_order"_qs).toBool());
    }
    QCOMPARE(result.value(u"echoed"_qs).toInt(), echo);
    QCOMPARE(result.value(u"close_code"_qs).toInt(), 1000);
    QCOMPARE(result.value(u"extensions"_qs).toString(),
        compression == u"deflate" ? u"permessage-deflate"_qs : QString());
    // The connection was attributed to its run and is closed on the server's side too.
    const QJsonObject counted = stats(server.server()->port(), run.toLatin1());
    QCOMPARE(counted.value(u"connections"_qs).toInt(), 1);
    QCOMPARE(counted.value(u"open_connections"_qs).toInt(), 0);
    QCOMPARE(counted.value(u"messages_echoed"_qs).toInt(), echo);
}

QTEST_MAIN(tst_DemoLab)
#include "tst_demolab.moc"

// The lab client (core/lab) against the real demo server (core/demo on a thread of its own):
// every transport with every workload it serves, and the truth test: what the client's sockets
// counted is what the server's sockets counted (GET /lab/stats), byte for byte. A server
// without the lab endpoints (nginx) and hostile servers end the run with an error that says
// what went wrong. The claims are judged on hand-made results.
#include "tests/peers/holdinghttppeer.h"
#include "tests/peers/nginxpeer.h"

#include "core/demo/demoserver.h"
#include "core/demo/demoserverthread.h"
#include "core/lab/labclaims.h"
#include "core/lab/labmessage.h"
#include "core/lab/labreport.h"
#include "core/lab/labrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace wirescope;
using namespace wirescope::test;

Q_DECLARE_METATYPE(wirescope::LabClaim::Verdict)

namespace {

// Answers every connection with fixed bytes and keeps it open: a server that lies.
class HostileServer
{
public:
    explicit HostileServer(QByteArray answer)
        : m_answer(std::move(answer))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    if (!socket->property("answered").toBool()) {
                        socket->setProperty("answered", true);
                        socket->write(m_answer);
                    }
                });
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    QByteArray m_answer;
    QTcpServer m_server;
};

LabRunResult runLab(const LabConfig &config, int timeoutMs)
{
    LabRunner runner;
    QSignalSpy finished(&runner, &LabRunner::finished);
    runner.start(config);
    if (!finished.wait(timeoutMs))
        return {};
    return finished.first().first().value<LabRunResult>();
}

QJsonObject stats(quint16 port, const QString &run)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write("GET /lab/stats?run=" + run.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    answer += socket.readAll();
    return QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
}

LabConfig demoConfig(const QUrl &base, LabTransport transport, LabWorkload workload)
{
    LabConfig c;
    c.baseUrl = base;
    c.transports = {transport};
    c.workload = workload;
    c.rate = 20;
    c.size = 64;
    c.durationMs = 1000;
    c.pollIntervalMs = 50;
    return c;
}

LabTransportResult ranWith(LabTransport transport)
{
    LabTransportResult r;
    r.transport = transport;
    return r;
}

} // namespace

class tst_LabRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void messages_data();
    void messages();
    void clientMessagesHaveTheirSize_data();
    void clientMessagesHaveTheirSize();

    void workloadsOverEveryTransport_data();
    void workloadsOverEveryTransport();
    void samplesArriveInBatchesAndTheReportHoldsThem();
    void aServerWithoutTheLabSaysWhichEndpointIsMissing();
    void aRefusedConnectionSaysSoAndTheOthersStillRun();
    void hostileServersEndAtTheDeadline_data();
    void hostileServersEndAtTheDeadline();
    void cancelEndsTheRun();

    void claims_data();
    void claims();

private:
    DemoServerThread *m_demo = nullptr;
    QUrl m_base;
};

void tst_LabRunner::initTestCase()
{
    m_demo = new DemoServerThread;
    QVERIFY2(m_demo->start(0), qPrintable(m_demo->server()->errorString()));
    m_base = m_demo->server()->httpBaseUrl();
}

void tst_LabRunner::cleanupTestCase()
{
    delete m_demo;
}

void tst_LabRunner::messages_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<qint64>("seq");
    QTest::addColumn<qint64>("epochUs");
    QTest::newRow("text") << QByteArray("17 1765146000123456 xxxxxxxxxxxx") << qint64(17) << qint64(1765146000123456);
    QTest::newRow("client text") << QByteArray("c3 1765146000123456 xxxx") << qint64(-3) << qint64(1765146000123456);
    QTest::newRow("random") << QByteArray("1 42 aZ09") << qint64(1) << qint64(42);
    QTest::newRow("json") << QByteArray(R"({"seq":17,"t":1765146000123456,"pad":"xx"})") << qint64(17)
                          << qint64(1765146000123456);
    QTest::newRow("client json") << QByteArray(R"({"cseq":9,"t":5,"pad":"xx"})") << qint64(-9) << qint64(5);
    QTest::newRow("no time") << QByteArray("17 xxxx") << qint64(0) << qint64(0);
    QTest::newRow("empty") << QByteArray() << qint64(0) << qint64(0);
    QTest::newRow("json without seq") << QByteArray(R"({"t":5})") << qint64(0) << qint64(0);
    QTest::newRow("html") << QByteArray("<html>") << qint64(0) << qint64(0);
}

void tst_LabRunner::messages()
{
    QFETCH(QByteArray, message);
    QFETCH(qint64, seq);
    QFETCH(qint64, epochUs);
    const std::optional<LabMessageStamp> stamp = parseLabMessage(message);
    QCOMPARE(stamp.has_value(), seq != 0);
    if (stamp) {
        QCOMPARE(stamp->seq, seq);
        QCOMPARE(stamp->epochUs, epochUs);
    }
}

void tst_LabRunner::clientMessagesHaveTheirSize_data()
{
    QTest::addColumn<LabPayloadKind>("kind");
    QTest::addColumn<int>("size");
    QTest::newRow("text 32") << LabPayloadKind::Text << 32;
    QTest::newRow("random 64") << LabPayloadKind::Random << 64;
    QTest::newRow("json 40") << LabPayloadKind::Json << 40;
    QTest::newRow("json 1000") << LabPayloadKind::Json << 1000;
}

void tst_LabRunner::clientMessagesHaveTheirSize()
{
    QFETCH(LabPayloadKind, kind);
    QFETCH(int, size);
    const QByteArray m = makeLabClientMessage(kind, size, 12345, 1765146000123456);
    QCOMPARE(m.size(), size);
    QVERIFY(!m.contains('\n') && !m.contains('\r'));
    const std::optional<LabMessageStamp> stamp = parseLabMessage(m);
    QVERIFY(stamp);
    QCOMPARE(stamp->seq, -12345);
    QCOMPARE(stamp->epochUs, 1765146000123456);
    if (kind == LabPayloadKind::Json)
        QVERIFY(QJsonDocument::fromJson(m).isObject());
}

void tst_LabRunner::workloadsOverEveryTransport_data()
{
    QTest::addColumn<LabTransport>("transport");
    QTest::addColumn<LabWorkload>("workload");
    for (LabTransport t : allLabTransports())
        QTest::addRow("%s push", qPrintable(labName(t))) << t << LabWorkload::Push;
    for (LabTransport t : {LabTransport::Poll, LabTransport::KeepAlive, LabTransport::Sse, LabTransport::WebSocket,
                           LabTransport::WebSocketDeflate})
        QTest::addRow("%s echo", qPrintable(labName(t))) << t << LabWorkload::Echo;
    for (LabTransport t : {LabTransport::KeepAlive, LabTransport::LongPoll, LabTransport::Stream, LabTransport::WebSocket})
        QTest::addRow("%s chat", qPrintable(labName(t))) << t << LabWorkload::Chat;
}

// The truth test: per transport, the bytes the client's sockets wrote are the bytes the
// server's sockets read (and back), exactly; the overhead categories add up; nothing is lost
// or duplicated on loopback; N is what the schedule says.
void tst_LabRunner::workloadsOverEveryTransport()
{
    QFETCH(LabTransport, transport);
    QFETCH(LabWorkload, workload);
    const LabConfig config = demoConfig(m_base, transport, workload);
    const LabRunResult run = runLab(config, 30000);
    QCOMPARE(run.transports.size(), 1);
    const LabTransportResult &r = run.transports.first();
    QVERIFY2(r.ran(), qPrintable(r.error));
    QCOMPARE(r.transport, transport);

    const qint64 n = 20; // floor(rate x duration)
    const qint64 serverMessages = workload == LabWorkload::Echo ? 0 : n;
    const qint64 clientMessages = workload == LabWorkload::Push ? 0 : n;
    if (workload == LabWorkload::Chat && !isPollingTransport(transport)) {
        // A held-open channel ends with the server's last event, due when the client's last
        // message is: that one may not be written any more.
        QVERIFY(r.clientMessages == clientMessages || r.clientMessages == clientMessages - 1);
    } else {
        QCOMPARE(r.clientMessages, clientMessages);
    }
    QCOMPARE(r.messagesSent, serverMessages + r.clientMessages);
    QCOMPARE(r.duplicated, 0);
    if (workload != LabWorkload::Chat) {
        QCOMPARE(r.lost, 0);
        QCOMPARE(r.messagesDelivered, serverMessages + clientMessages);
    } else {
        // A held-open channel ends with the server's last event: a relay still on its way
        // is lost then; every server event still arrives.
        QCOMPARE(r.messagesDelivered + r.lost, r.messagesSent);
    }
    QCOMPARE(r.payloadBytes, config.size * (r.messagesDelivered + r.clientMessages));
    QCOMPARE(r.overhead.total(), r.wireBytesOut + r.wireBytesIn - r.payloadBytes);
    QCOMPARE(r.overhead.other, 0); // every byte of a clean run has its category
    if (serverMessages > 0) {
        QVERIFY(r.pushDelay.p50Ms >= 0);
        QVERIFY(r.pushDelay.p50Ms <= r.pushDelay.p99Ms && r.pushDelay.p99Ms <= r.pushDelay.maxMs);
    }
    if (clientMessages > 0)
        QVERIFY(r.roundTrip.p50Ms >= 0);
    QVERIFY(r.clientCpuMs > 0);
    QVERIFY(r.startNs < r.endNs);
    QCOMPARE(r.samples.size(), r.messagesDelivered + r.duplicated);
    if (isWebSocketTransport(transport)) {
        QCOMPARE(r.connections, 1);
        QCOMPARE(r.requests, 1);
        QVERIFY(r.overhead.handshake > 0);
        QVERIFY(r.frameHeaderMin >= 2 && r.frameHeaderMax <= 14);
        QCOMPARE(r.overhead.compression < 0, transport == LabTransport::WebSocketDeflate);
    } else {
        QVERIFY(r.overhead.requestHeads > 0 && r.overhead.responseHeads > 0);
    }
    if (transport == LabTransport::Poll && workload == LabWorkload::Push)
        QCOMPARE(r.connections, r.requests); // a new connection per request

    QTRY_COMPARE_WITH_TIMEOUT(stats(m_demo->server()->port(), r.runId).value(u"open_connections"_qs).toInt(), 0, 10000);
    const QJsonObject counted = stats(m_demo->server()->port(), r.runId);
    QCOMPARE(counted.value(u"bytes_in"_qs).toInteger(), r.wireBytesOut);
    QCOMPARE(counted.value(u"bytes_out"_qs).toInteger(), r.wireBytesIn);
    QCOMPARE(counted.value(u"connections"_qs).toInteger(), r.connections);
}

void tst_LabRunner::samplesArriveInBatchesAndTheReportHoldsThem()
{
    LabConfig config = demoConfig(m_base, LabTransport::Sse, LabWorkload::Push);
    config.transports = {LabTransport::Sse, LabTransport::WebSocket};
    LabRunner runner;
    QSignalSpy started(&runner, &LabRunner::transportStarted);
    QSignalSpy batches(&runner, &LabRunner::samplesArrived);
    QSignalSpy transportFinished(&runner, &LabRunner::transportFinished);
    QSignalSpy finished(&runner, &LabRunner::finished);
    runner.start(config);
    QVERIFY(runner.isRunning());
    runner.start(config); // ignored while running
    QVERIFY(finished.wait(30000));
    QVERIFY(!runner.isRunning());
    QCOMPARE(started.size(), 2);
    QCOMPARE(transportFinished.size(), 2);
    qint64 sampled = 0;
    for (const QList<QVariant> &batch : batches)
        sampled += batch.at(1).value<QList<LabSample>>().size();
    const LabRunResult run = finished.first().first().value<LabRunResult>();
    QCOMPARE(sampled, run.transports.at(0).samples.size() + run.transports.at(1).samples.size());
    QVERIFY(batches.size() > 2); // a second of events comes in more than one batch per transport
    QCOMPARE(run.claims.size(), 4);

    const QJsonObject json = labRunToJson(run, true);
    const QJsonArray transports = json.value(u"transports"_qs).toArray();
    QCOMPARE(transports.size(), 2);
    QCOMPARE(transports.at(0).toObject().value(u"samples"_qs).toArray().size(), run.transports.at(0).samples.size());
    const QList<QByteArray> csv = labRunToCsv(run).split('\n');
    QCOMPARE(csv.first(), QByteArray("transport,seq,origin,sent_ns,received_ns,delay_ms,wire_bytes,duplicate"));
    QCOMPARE(csv.size() - 2, sampled); // the header and the final empty line
}

void tst_LabRunner::aServerWithoutTheLabSaysWhichEndpointIsMissing()
{
    NginxPeer nginx;
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));
    LabConfig config = demoConfig(nginx.httpUrl(), LabTransport::Poll, LabWorkload::Push);
    config.transports = allLabTransports();
    const LabRunResult run = runLab(config, 30000);
    QCOMPARE(run.transports.size(), 7); // every transport ran, each failed on its own
    const QStringList endpoints{u"poll"_qs, u"poll"_qs, u"longpoll"_qs, u"sse"_qs, u"stream"_qs, u"ws"_qs, u"ws"_qs};
    for (qsizetype i = 0; i < run.transports.size(); ++i) {
        QCOMPARE(run.transports.at(i).error,
                 QStringLiteral("the server has no /lab/%1 endpoint (404)").arg(endpoints.at(i)));
        QCOMPARE(run.transports.at(i).overhead.total(),
                 run.transports.at(i).wireBytesOut + run.transports.at(i).wireBytesIn - run.transports.at(i).payloadBytes);
    }
    for (const LabClaim &claim : run.claims)
        QCOMPARE(claim.verdict, LabClaim::Verdict::NotMeasured);
}

void tst_LabRunner::aRefusedConnectionSaysSoAndTheOthersStillRun()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    LabConfig config = demoConfig(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), LabTransport::KeepAlive,
                                  LabWorkload::Push);
    config.transports = {LabTransport::KeepAlive, LabTransport::WebSocket};
    const LabRunResult run = runLab(config, 30000);
    QCOMPARE(run.transports.size(), 2);
    QVERIFY2(run.transports.at(0).error.startsWith(u"/lab/poll: "), qPrintable(run.transports.at(0).error));
    QVERIFY2(run.transports.at(0).error.contains(u"refused"), qPrintable(run.transports.at(0).error));
    QVERIFY2(run.transports.at(1).error.startsWith(u"could not open /lab/ws: "), qPrintable(run.transports.at(1).error));
}

void tst_LabRunner::hostileServersEndAtTheDeadline_data()
{
    QTest::addColumn<LabTransport>("transport");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("error");
    const QByteArray sseHead("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
    QTest::newRow("a poll that never answers") << LabTransport::LongPoll << QByteArray()
        << u"the transport had not finished 5 s after its schedule ended: the /lab/longpoll request was still unanswered"_qs;
    QTest::newRow("a stream that never ends") << LabTransport::Sse << QByteArray(sseHead + "8\r\ndata: 1\n\r\n")
        << u"the transport had not finished 5 s after its schedule ended: the /lab/sse response had not ended"_qs;
    QTest::newRow("an endless SSE line") << LabTransport::Sse
        << QByteArray(sseHead + "10000\r\ndata: " + QByteArray(0x10000 - 6, 'x') + "\r\n")
        << u"/lab/sse: "_qs;
    QTest::newRow("an endless NDJSON line") << LabTransport::Stream
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nContent-Length: 100000\r\n\r\n"
                      + QByteArray(100000, 'x'))
        << u"the server sent a /lab/stream line of more than 4096 bytes without its end"_qs;
    QTest::newRow("a wrong content type") << LabTransport::Poll
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\n\r\n<html>")
        << u"the server answered /lab/poll with Content-Type \"text/html\", not application/x-ndjson"_qs;
    QTest::newRow("not a lab message") << LabTransport::Poll
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nContent-Length: 6\r\n\r\n<html>")
        << u"message(s) from the server were not lab messages, the first: \"<html>\""_qs;
}

void tst_LabRunner::hostileServersEndAtTheDeadline()
{
    QFETCH(LabTransport, transport);
    QFETCH(QByteArray, answer);
    QFETCH(QString, error);
    HostileServer server(answer);
    LabConfig config = demoConfig(server.url(), transport, LabWorkload::Push);
    config.durationMs = 200;
    const LabRunResult run = runLab(config, 30000);
    QCOMPARE(run.transports.size(), 1);
    const LabTransportResult &r = run.transports.first();
    QVERIFY2(r.error.contains(error), qPrintable(r.error));
    // Never later than the duration plus the grace (and the time to notice).
    QVERIFY(r.endNs - r.startNs < qint64(config.durationMs + LabRunner::graceMs + 2000) * 1'000'000);
    QCOMPARE(r.overhead.total(), r.wireBytesOut + r.wireBytesIn - r.payloadBytes);
}

void tst_LabRunner::cancelEndsTheRun()
{
    HoldingHttpPeer holding; // answers nothing: the run would wait for its deadline
    QString error;
    QVERIFY2(holding.start(&error), qPrintable(error));
    LabConfig config = demoConfig(holding.url(), LabTransport::LongPoll, LabWorkload::Push);
    config.transports = {LabTransport::LongPoll, LabTransport::Sse};
    config.durationMs = 60000;
    LabRunner runner;
    QSignalSpy started(&runner, &LabRunner::transportStarted);
    QSignalSpy finished(&runner, &LabRunner::finished);
    runner.start(config);
    QVERIFY(started.wait(5000));
    QTRY_COMPARE(holding.requestsReceived(), 1);
    runner.cancel();
    QVERIFY(finished.wait(5000));
    const LabRunResult run = finished.first().first().value<LabRunResult>();
    QVERIFY(run.cancelled);
    QCOMPARE(run.transports.size(), 1); // sse never started
    QCOMPARE(run.transports.first().error, u"cancelled"_qs);
}

void tst_LabRunner::claims_data()
{
    QTest::addColumn<LabRunResult>("run");
    QTest::addColumn<int>("claim");
    QTest::addColumn<LabClaim::Verdict>("verdict");

    const auto ws = [](int headerMin, int headerMax, double p50) {
        LabTransportResult r = ranWith(LabTransport::WebSocket);
        r.frames = 40;
        r.messagesDelivered = 20;
        r.frameHeaderMin = headerMin;
        r.frameHeaderMax = headerMax;
        r.overhead.frameHeaders = 80;
        r.pushDelay = {p50, p50, p50};
        return r;
    };
    const auto polling = [](LabTransport t, qint64 heads, qint64 polls, qint64 empty, double p50) {
        LabTransportResult r = ranWith(t);
        r.messagesDelivered = 20;
        r.overhead.requestHeads = heads / 2;
        r.overhead.responseHeads = heads - heads / 2;
        r.polls = polls;
        r.requests = polls;
        r.emptyResponses = empty;
        r.pushDelay = {p50, p50, p50};
        return r;
    };
    const auto run = [](QList<LabTransportResult> transports) {
        LabRunResult r;
        r.transports = transports;
        return r;
    };
    const int frame = int(LabClaim::Id::FrameOverhead);
    const int headers = int(LabClaim::Id::HeaderOverhead);
    const int latency = int(LabClaim::Id::LowerLatency);
    const int wastes = int(LabClaim::Id::PollingWastes);
    using V = LabClaim::Verdict;

    QTest::newRow("frames 2-6") << run({ws(2, 6, 0.2)}) << frame << V::Supported;
    QTest::newRow("a 15-byte header") << run({ws(2, 15, 0.2)}) << frame << V::Refuted;
    QTest::newRow("no ws") << run({polling(LabTransport::Poll, 6000, 20, 10, 20)}) << frame << V::NotMeasured;
    LabTransportResult failedWs = ws(2, 6, 0.2);
    failedWs.error = u"the server has no /lab/ws endpoint (404)"_qs;
    QTest::newRow("ws failed") << run({failedWs}) << frame << V::NotMeasured;

    QTest::newRow("300 bytes of heads") << run({polling(LabTransport::KeepAlive, 6000, 20, 0, 20)}) << headers << V::Supported;
    QTest::newRow("one transport under 100") << run({polling(LabTransport::KeepAlive, 6000, 20, 0, 20),
                                                      polling(LabTransport::LongPoll, 1000, 20, 0, 1)})
                                              << headers << V::Refuted;
    QTest::newRow("sse only") << run({ranWith(LabTransport::Sse)}) << headers << V::NotMeasured;

    QTest::newRow("ws faster than polling") << run({ws(2, 2, 0.2), polling(LabTransport::Poll, 6000, 20, 0, 25),
                                                    polling(LabTransport::LongPoll, 6000, 20, 0, 0.3)})
                                            << latency << V::Supported;
    QTest::newRow("long-poll as fast") << run({ws(2, 2, 0.2), polling(LabTransport::LongPoll, 6000, 20, 0, 0.2)})
                                       << latency << V::Refuted;
    QTest::newRow("no polling transport") << run({ws(2, 2, 0.2)}) << latency << V::NotMeasured;
    QTest::newRow("no ws") << run({polling(LabTransport::Poll, 6000, 20, 0, 25)}) << latency << V::NotMeasured;

    QTest::newRow("a quarter of the polls empty") << run({polling(LabTransport::Poll, 6000, 20, 5, 20)}) << wastes << V::Supported;
    QTest::newRow("fewer than a quarter empty") << run({polling(LabTransport::Poll, 6000, 20, 4, 20)}) << wastes << V::Refuted;
    QTest::newRow("long-poll does not count") << run({polling(LabTransport::LongPoll, 6000, 20, 20, 1)}) << wastes
                                              << V::NotMeasured;
}

void tst_LabRunner::claims()
{
    QFETCH(LabRunResult, run);
    QFETCH(int, claim);
    QFETCH(LabClaim::Verdict, verdict);
    const QList<LabClaim> claims = evaluateLabClaims(run);
    QCOMPARE(claims.size(), 4);
    const LabClaim &c = claims.at(claim);
    QCOMPARE(int(c.id), claim);
    QCOMPARE(c.verdict, verdict);
    QVERIFY(!c.claim.isEmpty());
    QVERIFY(!c.evidence.isEmpty());
    QCOMPARE(c.figures.isEmpty(), verdict == LabClaim::Verdict::NotMeasured);
}

QTEST_GUILESS_MAIN(tst_LabRunner)
#include "tst_labrunner.moc"

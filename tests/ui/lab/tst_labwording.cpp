#include "ui/app/translations.h"
#include "ui/lab/labwording.h"

#include <QJsonObject>
#include <QTest>

using namespace wirescope;

Q_DECLARE_METATYPE(wirescope::LabClaim)

namespace {

LabConfig config()
{
    LabConfig c;
    c.transports = allLabTransports();
    c.size = 64;
    c.pollIntervalMs = 50;
    c.lateMs = 100;
    return c;
}

LabTransportResult delivered(LabTransport transport, qint64 messages)
{
    LabTransportResult r;
    r.transport = transport;
    r.messagesSent = messages;
    r.messagesDelivered = messages;
    r.payloadBytes = 64 * messages;
    r.pushDelay = {0.212, 0.48, 1.5};
    return r;
}

} // namespace

class TestLabWording : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // English plural forms ("1 request", "3 requests") come from the English translation.
    void initTestCase() { installTranslations(QCoreApplication::instance(), QLocale(QLocale::English)); }
    void theSentenceStatesEachTransportsOverhead_data();
    void theSentenceStatesEachTransportsOverhead();
    void lossesLatenessAndDuplicatesAreCounted();
    void theEchoWorkloadStatesTheRoundTrip();
    void aFailedTransportSaysWhatWentWrong();
    void nothingDeliveredIsSaid();
    void evidenceIsWordedFromTheFigures_data();
    void evidenceIsWordedFromTheFigures();
    void unknownFiguresFallBackToTheCoresWords();
    void everyClaimAndVerdictHasAName();
};

void TestLabWording::theSentenceStatesEachTransportsOverhead_data()
{
    QTest::addColumn<LabTransportResult>("result");
    QTest::addColumn<QString>("sentence");

    LabTransportResult ws = delivered(LabTransport::WebSocket, 100);
    ws.overhead.frameHeaders = 200;
    ws.overhead.handshake = 239;
    QTest::newRow("WebSocket: framing per message, the handshake once")
        << ws << QStringLiteral("2 B of framing per 64-byte message; the 239-byte handshake once; median push delay 212 µs, p99 480 µs.");

    LabTransportResult keepAlive = delivered(LabTransport::KeepAlive, 10);
    keepAlive.overhead.requestHeads = 1840;
    keepAlive.overhead.responseHeads = 1520;
    keepAlive.polls = 40;
    keepAlive.emptyResponses = 30;
    QTest::newRow("keep-alive polling: heads per message and the wasted polls")
        << keepAlive
        << QStringLiteral("184 B of request head and 152 B of response head per message, one request every 50 ms whether or not there "
                          "was news; 30 of 40 polls found nothing new; median push delay 212 µs, p99 480 µs.");

    LabTransportResult poll = delivered(LabTransport::Poll, 4);
    poll.overhead.requestHeads = 400;
    poll.overhead.responseHeads = 608;
    poll.requests = 1;
    QTest::newRow("polling over new connections: one request")
        << poll
        << QStringLiteral("100 B of request head and 152 B of response head per message, a new connection for each of 1 "
                          "request; median push delay 212 µs, p99 480 µs.");

    LabTransportResult sse = delivered(LabTransport::Sse, 8);
    sse.overhead.sseFields = 96;
    sse.overhead.chunkFraming = 44;
    QTest::newRow("SSE: field names and chunk framing, one response")
        << sse
        << QStringLiteral("12 B of SSE fields and 5.5 B of chunk framing per 64-byte message, all in one response; median push "
                          "delay 212 µs, p99 480 µs.");

    LabTransportResult stream = delivered(LabTransport::Stream, 2);
    stream.overhead.chunkFraming = 12;
    stream.overhead.delimiters = 2;
    QTest::newRow("chunked stream: framing and newline")
        << stream
        << QStringLiteral("6 B of chunk framing and 1 B of newline per 64-byte message, all in one response; median push delay "
                          "212 µs, p99 480 µs.");

    LabTransportResult deflate = delivered(LabTransport::WebSocketDeflate, 10);
    deflate.wireBytesIn = 500;
    deflate.wireBytesOut = 300;
    deflate.overhead.handshake = 300;
    deflate.overhead.frameHeaders = 20;
    QTest::newRow("WebSocket with deflate: compressed bytes on the wire")
        << deflate
        << QStringLiteral("50 B on the wire per 64-byte message (compressed), 2 B of it framing; the 300-byte handshake once; "
                          "median push delay 212 µs, p99 480 µs.");
}

void TestLabWording::theSentenceStatesEachTransportsOverhead()
{
    QFETCH(LabTransportResult, result);
    QFETCH(QString, sentence);
    QCOMPARE(LabWording::summary(result, config()), sentence);
}

void TestLabWording::lossesLatenessAndDuplicatesAreCounted()
{
    LabTransportResult r = delivered(LabTransport::LongPoll, 10);
    r.overhead.requestHeads = 1000;
    r.overhead.responseHeads = 1000;
    r.polls = 3;
    r.lost = 2;
    r.late = 1;
    r.duplicated = 1;
    QCOMPARE(LabWording::summary(r, config()),
             QStringLiteral("100 B of request head and 100 B of response head per message; 3 requests held until there was news; "
                            "median push delay 212 µs, p99 480 µs; 2 messages lost; 1 late (over 100 ms); 1 duplicated."));
}

void TestLabWording::theEchoWorkloadStatesTheRoundTrip()
{
    LabTransportResult r = delivered(LabTransport::WebSocket, 10);
    r.pushDelay = {};
    r.roundTrip = {1.25, 2.5, 3};
    r.overhead.frameHeaders = 80;
    r.overhead.handshake = 240;
    QCOMPARE(LabWording::summary(r, config()),
             QStringLiteral("8 B of framing per 64-byte message; the 240-byte handshake once; median round trip 1.25 ms, p99 2.50 ms."));
}

void TestLabWording::aFailedTransportSaysWhatWentWrong()
{
    LabTransportResult r;
    r.transport = LabTransport::Sse;
    r.error = QStringLiteral("the server has no /lab/sse endpoint (404)");
    QCOMPARE(LabWording::summary(r, config()), QStringLiteral("Failed: the server has no /lab/sse endpoint (404)"));
}

void TestLabWording::nothingDeliveredIsSaid()
{
    LabTransportResult r;
    r.transport = LabTransport::KeepAlive;
    r.messagesSent = 5;
    r.lost = 5;
    QCOMPARE(LabWording::summary(r, config()), QStringLiteral("Nothing was delivered; 5 messages lost."));
}

void TestLabWording::evidenceIsWordedFromTheFigures_data()
{
    QTest::addColumn<LabClaim>("claim");
    QTest::addColumn<QString>("evidence");
    const auto claim = [](LabClaim::Id id, LabClaim::Verdict verdict, const QJsonObject &figures) {
        return LabClaim{id, verdict, QStringLiteral("english claim"), QStringLiteral("english evidence"), figures};
    };
    QTest::newRow("frame overhead")
        << claim(LabClaim::Id::FrameOverhead, LabClaim::Verdict::Supported,
                 QJsonObject{{QStringLiteral("ws"), QJsonObject{{QStringLiteral("frames"), 102},
                                                                {QStringLiteral("frame_header_min"), 2},
                                                                {QStringLiteral("frame_header_max"), 6},
                                                                {QStringLiteral("frame_header_bytes_per_message"), 2.5}}}})
        << QStringLiteral("WebSocket: frame headers of 2-6 bytes over 102 frames, 2.5 header bytes per message.");
    QTest::newRow("header overhead, transports in the lab's order")
        << claim(LabClaim::Id::HeaderOverhead, LabClaim::Verdict::Refuted,
                 QJsonObject{{QStringLiteral("longpoll"), QJsonObject{{QStringLiteral("head_bytes_per_message"), 95.6}}},
                             {QStringLiteral("keepalive"), QJsonObject{{QStringLiteral("head_bytes_per_message"), 336.0}}}})
        << QStringLiteral("Polling (keep-alive): 336 bytes of request and response heads per delivered message; Long-polling: "
                          "96 bytes of request and response heads per delivered message.");
    QTest::newRow("lower latency, with the held-open responses")
        << claim(LabClaim::Id::LowerLatency, LabClaim::Verdict::Supported,
                 QJsonObject{{QStringLiteral("measure"), QStringLiteral("push_delay")},
                             {QStringLiteral("p50_ms"), QJsonObject{{QStringLiteral("ws"), 0.2},
                                                                    {QStringLiteral("poll"), 24.5},
                                                                    {QStringLiteral("sse"), 0.25}}}})
        << QStringLiteral("median push delay: WebSocket 200 µs against Polling (new connection) 24.50 ms; HTTP responses held "
                          "open: Server-sent events 250 µs.");
    QTest::newRow("polling wastes requests")
        << claim(LabClaim::Id::PollingWastes, LabClaim::Verdict::Supported,
                 QJsonObject{{QStringLiteral("keepalive"), QJsonObject{{QStringLiteral("empty_responses"), 15},
                                                                       {QStringLiteral("polls"), 20}}},
                             {QStringLiteral("empty_fraction"), 0.75}})
        << QStringLiteral("Polling (keep-alive): 15 of 20 polls answered 204 (no news).");
    QTest::newRow("not measured says what was missing")
        << claim(LabClaim::Id::PollingWastes, LabClaim::Verdict::NotMeasured, {})
        << QStringLiteral("Not measured: neither polling transport ran.");
}

void TestLabWording::evidenceIsWordedFromTheFigures()
{
    QFETCH(LabClaim, claim);
    QFETCH(QString, evidence);
    QCOMPARE(LabWording::evidence(claim), evidence);
}

void TestLabWording::unknownFiguresFallBackToTheCoresWords()
{
    const LabClaim claim{LabClaim::Id::LowerLatency, LabClaim::Verdict::Refuted, QStringLiteral("c"),
                         QStringLiteral("p50 push delay: ws 3 ms against poll 2 ms."), QJsonObject{{QStringLiteral("x"), 1}}};
    QCOMPARE(LabWording::evidence(claim), claim.evidence);
}

void TestLabWording::everyClaimAndVerdictHasAName()
{
    for (auto id : {LabClaim::Id::FrameOverhead, LabClaim::Id::HeaderOverhead, LabClaim::Id::LowerLatency,
                    LabClaim::Id::PollingWastes})
        QVERIFY(!LabWording::claimText(id).isEmpty());
    for (auto verdict : {LabClaim::Verdict::Supported, LabClaim::Verdict::Refuted, LabClaim::Verdict::NotMeasured})
        QVERIFY(!LabWording::verdictName(verdict).isEmpty());
    for (LabTransport transport : allLabTransports()) {
        QVERIFY(!LabWording::transportName(transport).isEmpty());
        QVERIFY(!LabWording::transportShortName(transport).isEmpty());
        QVERIFY(!LabWording::transportToolTip(transport).isEmpty());
    }
    for (int part = 0; part < LabChartData::PartCount; ++part)
        QVERIFY(!LabWording::partName(LabChartData::Part(part)).isEmpty());
}

QTEST_GUILESS_MAIN(TestLabWording)
#include "tst_labwording.moc"

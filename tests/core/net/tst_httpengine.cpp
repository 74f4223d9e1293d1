#include "core/net/httpengine.h"
#include "core/session/session.h"
#include "core/session/sessionclock.h"
#include "tests/peers/demopeer.h"
#include "tests/peers/holdinghttppeer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace wirescope;
using namespace wirescope::test;

namespace {

HttpRequest get(const QUrl &url)
{
    HttpRequest request;
    request.setUrl(url.toString());
    return request;
}

// The engine's reports as the window gets them: queued to this thread. (A QSignalSpy would
// record them on the engine thread, racing with the test that reads it.)
class Reports : public QObject
{
public:
    explicit Reports(HttpEngine &engine)
    {
        connect(&engine, &HttpEngine::progress, this,
                [this](quint64 id, const HttpProgress &p) { progress.append({id, p}); });
        connect(&engine, &HttpEngine::finished, this, [this](const HttpExchangeRecord &r) { records.append(r); });
    }
    // The record of exchange `id`, waited for; an empty record when none came.
    HttpExchangeRecord recordOf(quint64 id)
    {
        const auto find = [this, id] {
            return std::find_if(records.cbegin(), records.cend(), [id](const HttpExchangeRecord &r) { return r.id == id; });
        };
        if (!QTest::qWaitFor([&] { return find() != records.cend(); }, 20'000))
            return {};
        return *find();
    }

    QList<QPair<quint64, HttpProgress>> progress;
    QList<HttpExchangeRecord> records;
};

} // namespace

class TestHttpEngine : public QObject
{
    Q_OBJECT
private slots:
    void exchangesRunAndReportFromTheEngineThread();
    void theIdNamesTheExchangeInEveryReport();
    void cancelEndsAnExchangeInFlight();
    void aBodyStillArrivingTravelsAsTheBytesAddedSinceTheLastReport_data();
    void aBodyStillArrivingTravelsAsTheBytesAddedSinceTheLastReport();
    void anEventStreamIsParsedOnTheEngineThread();
    void cookiesCarryAcrossExchangesOfOneEngine();
    void destroyingTheEngineMidRequestReportsNothingAndClosesTheConnection();
};

void TestHttpEngine::aBodyStillArrivingTravelsAsTheBytesAddedSinceTheLastReport_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("beyondTheLiveLimit");
    QTest::newRow("JSON lines, one every 50 ms") << QStringLiteral("/stream/6?interval_ms=50") << false;
    QTest::newRow("events of 256 KiB beyond the live limit")
        << QStringLiteral("/sse?hz=100&count=12&size=262144") << true;
}

void TestHttpEngine::aBodyStillArrivingTravelsAsTheBytesAddedSinceTheLastReport()
{
    // Reports carry each new byte once, in order, never more than liveBodyBytes in all: a
    // long download does not copy its growing body into every report.
    QFETCH(QString, path);
    QFETCH(bool, beyondTheLiveLimit);
    DemoPeer demo;
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    HttpEngine engine;
    Reports reports(engine);
    const quint64 id = engine.start(get(demo.httpUrl(path)));
    const HttpExchangeRecord record = reports.recordOf(id);
    QVERIFY(record.completed());
    const QByteArray body = record.finalHop()->response.body;
    QByteArray live;
    qint64 lastTotal = 0;
    for (const auto &[reportId, p] : std::as_const(reports.progress)) {
        if (reportId != id || p.phase != ExchangePhase::Receiving)
            continue;
        live += p.bodyAdded;
        QVERIFY(p.bodyBytes >= lastTotal);
        lastTotal = p.bodyBytes;
    }
    QVERIFY(!live.isEmpty());
    QCOMPARE(body.size() > HttpEngine::liveBodyBytes, beyondTheLiveLimit);
    QVERIFY(live.size() <= HttpEngine::liveBodyBytes);
    QVERIFY(body.startsWith(live));
}

void TestHttpEngine::anEventStreamIsParsedOnTheEngineThread()
{
    // The reports carry the stream's records, each once, in order, timed by the read that
    // completed it: the same records the body read again gives, the whole body covered.
    DemoPeer demo;
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    HttpEngine engine;
    Reports reports(engine);
    const quint64 id = engine.start(get(demo.httpUrl(QStringLiteral("/sse?hz=40&count=12&heartbeat_ms=10"))));
    const HttpExchangeRecord record = reports.recordOf(id);
    QVERIFY(record.completed());
    const HttpHop &hop = *record.finalHop();
    QList<SseArrival> live;
    for (const auto &[reportId, p] : std::as_const(reports.progress))
        if (reportId == id) {
            QVERIFY(p.sseError.isEmpty());
            live += p.sseRecords;
        }
    SseParser parser;
    std::vector<SseRecord> expected;
    parser.feed(hop.response.body, expected);
    parser.finish(expected);
    QCOMPARE(live.size(), qsizetype(expected.size()));
    QStringList ids;
    qint64 end = 0;
    qint64 lastNs = hop.timings.firstByteNs;
    for (qsizetype i = 0; i < live.size(); ++i) {
        const SseRecord &r = live.at(i).record;
        QCOMPARE(int(r.kind), int(expected[size_t(i)].kind));
        QCOMPARE(r.data, expected[size_t(i)].data);
        QVERIFY(r.start >= end); // in order, each once
        end = r.end;
        QVERIFY(live.at(i).tNs >= lastNs && live.at(i).tNs <= hop.timings.lastByteNs);
        lastNs = live.at(i).tNs;
        if (r.kind == SseRecord::Kind::Event)
            ids.append(r.lastEventId);
    }
    QCOMPARE(ids.size(), 12);
    QCOMPARE(ids.constFirst(), QStringLiteral("1"));
    QCOMPARE(ids.constLast(), QStringLiteral("12"));
}

void TestHttpEngine::exchangesRunAndReportFromTheEngineThread()
{
    HoldingHttpPeer peer;
    QString error;
    QVERIFY2(peer.start(&error), qPrintable(error));
    HttpEngine engine;
    QVERIFY(engine.engineThread() != QThread::currentThread());
    QVERIFY(engine.engineThread()->isRunning());
    const QThread *emittedOn = nullptr;
    connect(&engine, &HttpEngine::finished, &engine, [&emittedOn] { emittedOn = QThread::currentThread(); },
            Qt::DirectConnection);
    const QThread *deliveredOn = nullptr;
    QObject receiver;
    connect(&engine, &HttpEngine::finished, &receiver, [&deliveredOn] { deliveredOn = QThread::currentThread(); });
    Reports reports(engine);
    const quint64 id = engine.start(get(peer.url(QStringLiteral("/"))));
    QTRY_COMPARE(peer.requestsReceived(), 1);
    peer.answerHeldRequests(0);
    const HttpExchangeRecord record = reports.recordOf(id);
    QVERIFY2(record.completed(), qPrintable(record.error.id()));
    QCOMPARE(record.finalHop()->response.body, QByteArray("ok"));
    QCOMPARE(emittedOn, engine.engineThread());
    QCOMPARE(deliveredOn, QThread::currentThread());
}

void TestHttpEngine::theIdNamesTheExchangeInEveryReport()
{
    DemoPeer demo;
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    HttpEngine engine;
    Reports reports(engine);
    const quint64 first = engine.start(get(demo.httpUrl(QStringLiteral("/status/201"))));
    const quint64 second = engine.start(get(demo.httpUrl(QStringLiteral("/status/404"))));
    QVERIFY(first != second);
    const HttpExchangeRecord created = reports.recordOf(first);
    const HttpExchangeRecord missing = reports.recordOf(second);
    QVERIFY(created.completed() && missing.completed());
    QCOMPARE(created.finalHop()->response.status, 201);
    QCOMPARE(missing.finalHop()->response.status, 404);
    // Each exchange's reports end with Done, and only ids that were handed out appear.
    QHash<quint64, ExchangePhase> lastPhase;
    for (const auto &[id, p] : std::as_const(reports.progress)) {
        QVERIFY(id == first || id == second);
        lastPhase[id] = p.phase;
    }
    QCOMPARE(lastPhase.value(first), ExchangePhase::Done);
    QCOMPARE(lastPhase.value(second), ExchangePhase::Done);
}

void TestHttpEngine::cancelEndsAnExchangeInFlight()
{
    HoldingHttpPeer peer;
    QString error;
    QVERIFY2(peer.start(&error), qPrintable(error));
    HttpEngine engine;
    Reports reports(engine);
    const quint64 id = engine.start(get(peer.url(QStringLiteral("/"))));
    QTRY_COMPARE(peer.requestsReceived(), 1);
    engine.cancel(id);
    engine.cancel(id);       // twice is harmless
    engine.cancel(id + 100); // so is an id nobody started
    QCOMPARE(reports.recordOf(id).error.id(), QStringLiteral("cancelled"));
    QTRY_COMPARE(peer.connectionsClosed(), 1);
    // The engine stays usable; the second exchange's record is the next one reported.
    const quint64 next = engine.start(get(peer.url(QStringLiteral("/again"))));
    QTRY_COMPARE(peer.requestsReceived(), 2);
    peer.answerHeldRequests(0);
    QVERIFY(reports.recordOf(next).completed());
    QCOMPARE(reports.records.size(), 2);
}

void TestHttpEngine::cookiesCarryAcrossExchangesOfOneEngine()
{
    DemoPeer demo;
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    HttpEngine engine;
    Reports reports(engine);
    QVERIFY(reports.recordOf(engine.start(get(demo.httpUrl(QStringLiteral("/cookies/set?flavour=oat"))))).completed());
    const HttpExchangeRecord r = reports.recordOf(engine.start(get(demo.httpUrl(QStringLiteral("/cookies")))));
    QVERIFY(r.completed());
    const QJsonObject cookies = QJsonDocument::fromJson(r.finalHop()->response.decodedBody).object()
                                    .value(QStringLiteral("cookies")).toObject();
    QCOMPARE(cookies.value(QStringLiteral("flavour")).toString(), QStringLiteral("oat"));
}

void TestHttpEngine::destroyingTheEngineMidRequestReportsNothingAndClosesTheConnection()
{
    HoldingHttpPeer peer;
    QString error;
    QVERIFY2(peer.start(&error), qPrintable(error));
    Session session;
    auto engine = std::make_unique<HttpEngine>(&session);
    Reports reports(*engine);
    engine->start(get(peer.url(QStringLiteral("/"))));
    QTRY_COMPARE(peer.requestsReceived(), 1);
    engine.reset(); // returns without an answer from the peer
    QTRY_COMPARE(peer.connectionsClosed(), 1);
    QCoreApplication::processEvents();
    QVERIFY(reports.records.isEmpty());
}

QTEST_GUILESS_MAIN(TestHttpEngine)
#include "tst_httpengine.moc"

#include "core/net/httpengine.h"

#include "core/net/httpclient.h"
#include "core/session/sessionclock.h"
#include "core/wire/eventsourcestate.h"

#include <QTimer>

#include <memory>
#include <optional>
#include <utility>

namespace wirescope {

namespace {
// What waits between two reports of one exchange's hop.
struct LiveBody {
    int hop = -1;
    QByteArray bytes;    // body bytes since the last report, of the first liveBodyBytes
    qint64 taken = 0;
    std::optional<SseParser> sse;
    QList<SseArrival> records; // completed since the last report
    QString sseError;
};
} // namespace

HttpEngine::HttpEngine(Session *session, QObject *parent)
    : QObject(parent)
    , m_context(new QObject)
    , m_client(session ? new HttpClient(session) : new HttpClient())
{
    m_clock = &m_client->clock();
    // Both have no children yet, so moveToThread() is all it takes; every exchange,
    // connection and timer the client makes later is born on the engine thread.
    m_client->moveToThread(&m_thread);
    m_context->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("wirescope-http-engine"));
    m_thread.start();
}

HttpEngine::~HttpEngine()
{
    // Blocking is safe: the engine thread never waits for ours. ~HttpClient aborts what is
    // unfinished without emitting, so nothing is reported after this line.
    QMetaObject::invokeMethod(
        m_context, [client = m_client] { delete client; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context; // its thread has finished
}

quint64 HttpEngine::start(const HttpRequest &request, const HttpRequestOptions &options,
                          const VariableScope &variables)
{
    const quint64 id = m_client->reserveExchangeId();
    QMetaObject::invokeMethod(
        m_context, [this, id, request, options, variables] { startOnEngineThread(id, request, options, variables); },
        Qt::QueuedConnection);
    return id;
}

void HttpEngine::startOnEngineThread(quint64 id, const HttpRequest &request, const HttpRequestOptions &options,
                                     const VariableScope &variables)
{
    HttpExchange *exchange = m_client->start(id, request, options, variables);
    // Emitted from this thread, our signals reach the caller's receivers queued. `this`
    // outlives every exchange: the destructor deletes the client before it returns.
    // Body bytes wait here between reports (a dropped report's bytes go with the next one):
    // copies of the new bytes only, never a share of the growing body. An event stream is
    // parsed here, as it arrives, so the caller's thread never reads protocol bytes.
    auto live = std::make_shared<LiveBody>();
    connect(exchange, &HttpExchange::receiving, exchange,
            [live](int hop, const HttpResponse &response, qsizetype added, qint64 tNs) {
                if (hop != live->hop) { // a redirect's body is not the answer's
                    *live = LiveBody();
                    live->hop = hop;
                    const QByteArray coding = response.headerValue("Content-Encoding").trimmed().toLower();
                    // A compressed stream cannot be read as it arrives (ContentDecoder
                    // decodes whole bodies): the caller reads the record when it ends.
                    if (EventSourceState::isEventStream(response.headerValue("Content-Type"))
                        && (coding.isEmpty() || coding == "identity"))
                        live->sse.emplace();
                }
                const QByteArrayView bytes = QByteArrayView(response.body).last(added);
                if (live->sse && !live->sse->isError()) {
                    std::vector<SseRecord> records;
                    if (!live->sse->feed(bytes, records))
                        live->sseError = live->sse->error();
                    for (SseRecord &r : records)
                        live->records.append({std::move(r), tNs});
                }
                const qint64 take = qMin<qint64>(added, liveBodyBytes - live->taken);
                if (take <= 0)
                    return;
                live->bytes.append(bytes.first(qsizetype(take)));
                live->taken += take;
            });
    // A report held back by the interval goes out when it ends, so an event that came just
    // after the previous report is not kept waiting for the next read.
    auto *held = new QTimer(exchange);
    held->setSingleShot(true);
    auto report = [this, id, live](HttpProgress p) {
        if (p.hop == live->hop) {
            if (p.phase == ExchangePhase::Receiving)
                p.bodyAdded = std::exchange(live->bytes, QByteArray());
            if (p.phase == ExchangePhase::Done && live->sse && !live->sse->isError()) {
                std::vector<SseRecord> records;
                live->sse->finish(records);
                for (SseRecord &r : records)
                    live->records.append({std::move(r), p.tNs});
            }
            p.sseRecords = std::exchange(live->records, {});
            p.sseError = live->sseError;
        }
        emit progress(id, p);
    };
    struct Throttle {
        HttpProgress last;  // the last report sent
        HttpProgress held;  // the latest one held back
        bool sent = false;
    };
    auto throttle = std::make_shared<Throttle>();
    connect(held, &QTimer::timeout, exchange, [report, throttle] {
        throttle->last = throttle->held;
        report(throttle->held);
    });
    connect(exchange, &HttpExchange::progress, exchange, [report, held, throttle](const HttpProgress &p) {
        const qint64 since = p.tNs - throttle->last.tNs;
        if (throttle->sent && p.phase == throttle->last.phase && since < progressIntervalNs) {
            throttle->held = p;
            if (!held->isActive())
                held->start(int((progressIntervalNs - since) / 1'000'000) + 1);
            return;
        }
        held->stop();
        throttle->sent = true;
        throttle->last = p;
        report(p);
    });
    connect(exchange, &HttpExchange::finished, exchange, [this, exchange](const HttpExchangeRecord &record) {
        emit finished(record);
        exchange->deleteLater();
    });
}

void HttpEngine::cancel(quint64 id)
{
    QMetaObject::invokeMethod(m_context, [client = m_client, id] { client->cancel(id); }, Qt::QueuedConnection);
}

void HttpEngine::warmUpTls()
{
    QMetaObject::invokeMethod(m_context, [] { HttpClient::warmUpTls(); }, Qt::QueuedConnection);
}

} // namespace wirescope

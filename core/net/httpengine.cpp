#include "core/net/httpengine.h"

#include "core/net/httpclient.h"
#include "core/session/sessionclock.h"

#include <memory>
#include <utility>

namespace wirescope {

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
    // copies of the new bytes only, never a share of the growing body.
    auto live = std::make_shared<QByteArray>();
    auto liveHop = std::make_shared<int>(-1);
    auto liveTaken = std::make_shared<qint64>(0);
    connect(exchange, &HttpExchange::receiving, exchange,
            [live, liveHop, liveTaken](int hop, const HttpResponse &response, qsizetype added, qint64) {
                if (hop != *liveHop) { // a redirect's body is not the answer's
                    *liveHop = hop;
                    *liveTaken = 0;
                    live->clear();
                }
                const qint64 take = qMin<qint64>(added, liveBodyBytes - *liveTaken);
                if (take <= 0)
                    return;
                live->append(response.body.constData() + response.body.size() - added, qsizetype(take));
                *liveTaken += take;
            });
    connect(exchange, &HttpExchange::progress, exchange,
            [this, id, live, liveHop, last = HttpProgress{}, sent = false](const HttpProgress &p) mutable {
                if (sent && p.phase == last.phase && p.tNs - last.tNs < progressIntervalNs)
                    return;
                sent = true;
                last = p;
                HttpProgress report = p;
                if (p.phase == ExchangePhase::Receiving && p.hop == *liveHop)
                    report.bodyAdded = std::exchange(*live, QByteArray());
                emit progress(id, report);
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

#include "core/net/httpengine.h"

#include "core/net/httpclient.h"
#include "core/session/sessionclock.h"

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
    connect(exchange, &HttpExchange::progress, exchange,
            [this, id, last = HttpProgress{}, sent = false](const HttpProgress &p) mutable {
                if (sent && p.phase == last.phase && p.tNs - last.tNs < progressIntervalNs)
                    return;
                sent = true;
                last = p;
                emit progress(id, p);
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

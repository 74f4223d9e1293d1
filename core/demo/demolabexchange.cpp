#include "core/demo/demolabexchange.h"

#include "core/demo/demohttpconnection.h"
#include "core/demo/demolabmeter.h"
#include "core/demo/demolabrun.h"
#include "core/demo/demolabruns.h"
#include "core/demo/demolimits.h"
#include "core/demo/demorequest.h"
#include "core/demo/demoresponse.h"

#include <QJsonObject>
#include <QTimer>

namespace wirescope {

namespace {

// Bytes of messages put in one write while streaming, and the backlog at which a stream
// waits for the client to read (what it has not read stays in the run's bounded log).
constexpr qint64 kStreamBatchBytes = 256 * 1024;
constexpr int kBackpressureRetryMs = 5;

} // namespace

DemoLabExchange::DemoLabExchange(DemoHttpConnection *connection, DemoLabRuns *runs, DemoLabMeter *meter,
    DemoEndpoint::Kind kind, bool firstRequest)
    : QObject(connection)
    , m_connection(connection)
    , m_runs(runs)
    , m_meter(meter)
    , m_kind(kind)
    , m_firstRequest(firstRequest)
{
}

DemoResponse DemoLabExchange::refusal(int status, const QString &parameter, const QString &message)
{
    return DemoResponse::json(status,
        QJsonObject {{QStringLiteral("status"), status}, {QStringLiteral("error"), message},
            {QStringLiteral("parameter"), parameter}});
}

void DemoLabExchange::start()
{
    const DemoRequest &request = m_connection->request();
    const QUrlQuery query = request.queryItems();
    DemoLabProblem problem;
    if (m_kind == DemoEndpoint::Kind::LabStats) {
        // Stats name a run without opening it, and never attribute their connection to it.
        const QByteArray id = DemoLabConfig::runFromQuery(query, &problem);
        if (id.isEmpty()) {
            m_connection->answer(refusal(400, problem.parameter, problem.message));
            return;
        }
        const DemoLabRun *run = m_runs->find(id);
        if (!run) {
            m_connection->answer(refusal(404, QStringLiteral("run"),
                QStringLiteral("no run named %1 (a run is forgotten 60 s after it ended "
                               "and its last connection closed)")
                    .arg(QString::fromLatin1(id))));
            return;
        }
        m_connection->answer(DemoResponse::json(200, run->stats()));
        return;
    }
    const std::optional<DemoLabConfig> config = DemoLabConfig::fromQuery(query, &problem);
    if (!config) {
        m_connection->answer(refusal(400, problem.parameter, problem.message));
        return;
    }
    m_run = m_runs->open(*config);
    if (!m_run) {
        DemoResponse response = refusal(503, QStringLiteral("run"),
            QStringLiteral("%1 lab runs are open, the most this server keeps: try "
                           "again when one has ended")
                .arg(DemoLimits::maxLabRuns));
        response.header("Retry-After", "5");
        m_connection->answer(response);
        return;
    }
    if (m_firstRequest)
        m_meter->attach(m_run);

    qint64 after = 0;
    const bool hasAfter = query.hasQueryItem(QStringLiteral("after"));
    if (hasAfter && !parseDemoDigits(query.queryItemValue(QStringLiteral("after")).toLatin1(), 18, &after)) {
        m_connection->answer(refusal(400, QStringLiteral("after"),
            QStringLiteral("after must be the last seq the client got (0 or more)")));
        return;
    }
    switch (m_kind) {
    case DemoEndpoint::Kind::LabPoll:
        servePoll(after);
        return;
    case DemoEndpoint::Kind::LabLongPoll:
        holdPoll(after);
        return;
    case DemoEndpoint::Kind::LabSse:
    case DemoEndpoint::Kind::LabStream: {
        const bool sse = m_kind == DemoEndpoint::Kind::LabSse;
        // WHATWG HTML §9.2.4: a reconnecting EventSource sends the last id it saw.
        qint64 lastEventId = 0;
        if (sse && !request.header("Last-Event-ID").isEmpty()) {
            if (!parseDemoDigits(request.header("Last-Event-ID").trimmed(), 18, &lastEventId)) {
                m_connection->answer(refusal(400, QStringLiteral("Last-Event-ID"),
                    QStringLiteral("Last-Event-ID must be a seq this run sent")));
                return;
            }
            after = lastEventId;
        }
        const bool resumed = hasAfter || lastEventId > 0;
        serveStream(resumed ? m_run->positionAfterSeq(after) : m_run->firstPosition(), sse);
        return;
    }
    case DemoEndpoint::Kind::LabEcho: {
        const QByteArray &body = request.body;
        if (body.size() > DemoLimits::maxLabSize) {
            m_connection->answer(
                refusal(413, QStringLiteral("body"), QStringLiteral("a lab message is at most 65536 bytes")));
            return;
        }
        m_run->countEcho();
        DemoResponse response;
        response.header("Content-Type", "text/plain");
        response.body = body;
        m_connection->answer(response);
        return;
    }
    case DemoEndpoint::Kind::LabSend: {
        if (!DemoLabConfig::isLabLine(request.body)) {
            m_connection->answer(refusal(400, QStringLiteral("body"),
                QStringLiteral("a relayed message is one line of printable ASCII "
                               "(0x20-0x7e), at most 65536 bytes")));
            return;
        }
        m_run->relay(request.body);
        DemoResponse response;
        response.status = 204;
        m_connection->answer(response);
        return;
    }
    case DemoEndpoint::Kind::LabWebSocket:
        serveWebSocket();
        return;
    default:
        break;
    }
    m_connection->answer(DemoResponse::error(500, "not a lab endpoint"));
}

void DemoLabExchange::servePoll(qint64 after)
{
    if (m_ended)
        return;
    m_ended = true;
    DemoResponse response;
    if (!m_run || !m_run->hasForPoll(after)) {
        response.status = 204; // no news
        m_connection->answer(response);
        return;
    }
    response.header("Content-Type", "application/x-ndjson");
    for (const DemoLabRun::Entry &entry : m_run->takeForPoll(after))
        response.body += entry.bytes + '\n';
    m_connection->answer(response);
}

void DemoLabExchange::holdPoll(qint64 after)
{
    if (m_run->hasForPoll(after) || m_run->isOver()) {
        servePoll(after);
        return;
    }
    connect(m_run, &DemoLabRun::messagesAdded, this, [this, after] {
        if (m_run && m_run->hasForPoll(after))
            servePoll(after);
    });
    connect(m_run, &DemoLabRun::over, this, [this, after] { servePoll(after); });
    connect(m_run, &QObject::destroyed, this, [this, after] { servePoll(after); });
    auto *hold = new QTimer(this);
    hold->setSingleShot(true);
    connect(hold, &QTimer::timeout, this, [this, after] { servePoll(after); });
    hold->start(DemoLimits::labLongPollHoldMs);
}

void DemoLabExchange::serveStream(qint64 position, bool sse)
{
    m_position = position;
    m_sse = sse;
    m_chunked = sse
        ? m_connection->beginStreamed("text/event-stream; charset=utf-8", "Cache-Control: no-cache\r\n")
        : m_connection->beginStreamed("application/x-ndjson");
    if (sse) {
        const QByteArray retry = "retry: " + QByteArray::number(DemoLimits::labRetryMs) + "\n\n";
        m_connection->writeStreamed(m_chunked ? DemoResponse::chunk(retry) : retry);
    }
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &DemoLabExchange::pump);
    connect(m_run, &DemoLabRun::messagesAdded, this, &DemoLabExchange::pump);
    connect(m_run, &DemoLabRun::over, this, &DemoLabExchange::pump);
    connect(m_run, &QObject::destroyed, this, &DemoLabExchange::pump, Qt::QueuedConnection);
    pump();
}

void DemoLabExchange::pump()
{
    if (m_ended || m_retry->isActive())
        return;
    while (m_run && m_connection->unsentBytes() < DemoLimits::maxTickerBacklogBytes) {
        const QList<DemoLabRun::Entry> entries = m_run->take(&m_position, kStreamBatchBytes);
        if (entries.isEmpty())
            break;
        QByteArray out;
        for (const DemoLabRun::Entry &entry : entries) {
            QByteArray framed;
            if (!m_sse)
                framed = entry.bytes + '\n';
            else if (entry.seq > 0)
                framed = "id: " + QByteArray::number(entry.seq) + "\ndata: " + entry.bytes + "\n\n";
            else
                framed = "event: relay\ndata: " + entry.bytes + "\n\n";
            // One chunk per message, so chunk framing is paid per message as a client sees it.
            out += m_chunked ? DemoResponse::chunk(framed) : framed;
        }
        m_connection->writeStreamed(out);
    }
    if (m_run && m_position < m_run->endPosition()) {
        m_retry->start(kBackpressureRetryMs); // the client reads slower than the run writes
        return;
    }
    if (!m_run || m_run->isOver()) {
        m_ended = true;
        m_connection->endStreamed(m_chunked);
    }
}

void DemoLabExchange::serveWebSocket()
{
    const DemoRequest &request = m_connection->request();
    if (!request.isWebSocketUpgrade()) {
        // RFC 9110 §15.5.22: 426 tells the client which protocol to switch to.
        DemoResponse response = DemoResponse::error(426,
            "this is a WebSocket endpoint: send a GET with "
            "Upgrade: websocket (RFC 6455 section 4.1)");
        response.header("Upgrade", "websocket");
        m_connection->answer(response);
        return;
    }
    // RFC 6455 §4.2.1: an HTTP/1.1 GET with a 16-byte base64 key and version 13.
    if (request.minorVersion < 1) {
        m_connection->answer(DemoResponse::error(
            400, "a WebSocket opening handshake is HTTP/1.1 or later (RFC 6455 section 4.2.1)"));
        return;
    }
    if (request.header("Sec-WebSocket-Version").trimmed() != "13") {
        // RFC 6455 §4.4: name the version this server speaks.
        DemoResponse response
            = DemoResponse::error(426, "Sec-WebSocket-Version must be 13 (RFC 6455 section 4.4)");
        response.header("Sec-WebSocket-Version", "13");
        m_connection->answer(response);
        return;
    }
    const QByteArray key = request.header("Sec-WebSocket-Key").trimmed();
    const auto decoded = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 16) {
        m_connection->answer(DemoResponse::error(
            400, "Sec-WebSocket-Key must be 16 bytes in base64 (RFC 6455 section 4.2.1)"));
        return;
    }
    m_connection->handOverToLabWebSocket(m_run);
}

} // namespace wirescope

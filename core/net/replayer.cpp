#include "core/net/replayer.h"

#include "core/net/httpclient.h"
#include "core/net/wsconnection.h"
#include "core/session/replaycomparison.h"
#include "core/session/session.h"

#include <cmath>

namespace wirescope {

QString ReplayOptions::paceName(ReplayPace pace)
{
    switch (pace) {
    case ReplayPace::Original: return QStringLiteral("original");
    case ReplayPace::Fast: return QStringLiteral("fast");
    case ReplayPace::Reply: return QStringLiteral("reply");
    }
    return {};
}

std::optional<ReplayPace> ReplayOptions::paceFromName(const QString &name)
{
    for (ReplayPace pace : {ReplayPace::Original, ReplayPace::Fast, ReplayPace::Reply})
        if (paceName(pace) == name)
            return pace;
    return std::nullopt;
}

Replayer::Replayer(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_http(new HttpClient(session, this))
{
    qRegisterMetaType<ReplayItemResult>();
    qRegisterMetaType<ReplayReport>();
    for (QTimer *timer : {&m_paceTimer, &m_replyTimer, &m_maxTimer}) {
        timer->setParent(this); // moveToThread takes them along
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer); // pacing is what the user asked for, not 5 % less
    }
    connect(&m_paceTimer, &QTimer::timeout, this, [this] {
        if (m_ws)
            pumpWebSocket();
        else
            runItem();
    });
    connect(&m_replyTimer, &QTimer::timeout, this, [this] {
        m_waitExpired = true;
        pumpWebSocket();
    });
    connect(&m_maxTimer, &QTimer::timeout, this, [this] {
        if (m_ws)
            m_ws->abort(Failure::of(failures::TimeoutTotal, QStringLiteral("-m %1 ms").arg(m_options.maxTimeMs)));
    });
}

Replayer::~Replayer() = default;

qint64 Replayer::nowNs() const
{
    return m_session->clock().nowNs();
}

void Replayer::start(const QList<ReplayItem> &items, const ReplayOptions &options, const QString &file)
{
    if (m_running)
        return;
    m_items = items;
    m_options = options;
    m_report = ReplayReport();
    m_report.file = file;
    m_report.baseUrl = options.baseUrl.toString();
    m_report.pace = ReplayOptions::paceName(options.pace);
    m_report.ignoreRules = options.rules.texts();
    m_report.startedAt = QDateTime::currentDateTimeUtc();
    m_next = 0;
    m_cancelled = false;
    m_running = true;
    m_startNs = nowNs();
    // From the event loop, so the caller connects to the signals first.
    QTimer::singleShot(0, this, [this] { next(); });
}

void Replayer::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (auto *exchange = qobject_cast<HttpExchange *>(m_current)) {
        exchange->cancel();
    } else if (m_ws) {
        m_ws->abort(Failure::of(failures::Cancelled));
    } else if (m_paceTimer.isActive()) {
        m_paceTimer.stop();
        next();
    } // else the next item is queued and sees m_cancelled
}

void Replayer::next()
{
    if (!m_running)
        return;
    if (m_cancelled || m_next >= m_items.size()) {
        m_running = false;
        m_report.durationNs = nowNs() - m_startNs;
        m_session->recorder()->drain();
        emit finished(m_report);
        return;
    }
    const ReplayItem &item = m_items.at(m_next);
    if (m_options.pace == ReplayPace::Original) {
        const qint64 dueNs = m_startNs + (item.startNs - m_items.constFirst().startNs);
        const qint64 waitNs = dueNs - nowNs();
        if (waitNs > 0) {
            m_paceTimer.start(int(std::ceil(double(waitNs) / 1e6)));
            return;
        }
    }
    runItem();
}

void Replayer::runItem()
{
    const ReplayItem &item = m_items.at(m_next);
    emit itemStarted(m_next, m_items.size(), item.label());
    m_itemStartNs = nowNs();
    if (m_cancelled) { // by a slot of itemStarted: nothing is sent
        ReplayItemResult result;
        result.kind = item.kind;
        result.label = item.label();
        result.failure = Failure::of(failures::Cancelled);
        const Failure &recorded = item.kind == ReplayItem::Kind::Http ? item.exchange->error : item.ws.failure;
        result.differences.append({ReplayDifference::Aspect::Outcome, {}, -1, false, {},
                                   ReplayComparison::outcomeText(recorded), ReplayComparison::outcomeText(result.failure), {}});
        finishItem(std::move(result));
        return;
    }
    if (item.kind == ReplayItem::Kind::Http)
        runHttp(item);
    else
        runWebSocket(item);
}

void Replayer::runHttp(const ReplayItem &item)
{
    const HttpExchangeRecord &recorded = *item.exchange;
    const QUrl recordedUrl(recorded.hops.isEmpty() ? recorded.request.url() : recorded.hops.first().request.url);
    QString why;
    const std::optional<QUrl> url = ReplayPlan::retarget(recordedUrl, m_options.baseUrl, &why);
    HttpRequestOptions options = recorded.options;
    options.ignoreCertificateErrors = m_options.insecure;
    options.caCertificates = m_options.caCertificates;
    options.proxy = m_options.proxy;
    options.connectTimeoutMs = m_options.connectTimeoutMs;
    options.totalTimeoutMs = m_options.maxTimeMs;
    HttpRequest asComposed = recorded.request;
    const QUrl target = url.value_or(recordedUrl);
    asComposed.setUrl(target.toString(QUrl::FullyEncoded));
    // The recorded bytes decide what is sent; the jar would add cookies the recording lacked.
    options.useCookies = false;
    HttpExchange *exchange = m_http->startPrepared(asComposed, ReplayPlan::retargetedRequest(recorded, target, m_options.headers),
                                                   options);
    m_current = exchange;
    connect(exchange, &HttpExchange::finished, this, [this, exchange, item, target](const HttpExchangeRecord &replayed) {
        exchange->deleteLater();
        m_current = nullptr;
        ReplayItemResult result;
        result.kind = item.kind;
        result.label = item.label();
        result.target = target.toString();
        result.failure = replayed.error;
        result.differences = ReplayComparison::exchanges(*item.exchange, replayed, m_options.rules);
        finishItem(std::move(result));
    });
}

void Replayer::runWebSocket(const ReplayItem &item)
{
    const ReplayWsConversation &recorded = item.ws;
    WsConnectOptions options = recorded.options;
    const std::optional<QUrl> url = ReplayPlan::retarget(recorded.options.url, m_options.baseUrl);
    options.url = url.value_or(recorded.options.url);
    for (const WireHeader &h : m_options.headers) {
        options.headers.removeIf([&h](const WsHeader &e) { return e.first.compare(h.name, Qt::CaseInsensitive) == 0; });
        options.headers.append({h.name, h.value});
    }
    options.ignoreCertificateErrors = m_options.insecure;
    options.caCertificates = m_options.caCertificates;
    options.proxy = m_options.proxy;
    options.connectTimeoutMs = m_options.connectTimeoutMs;
    options.handshakeTimeoutMs = m_options.replyTimeoutMs;
    options.closeTimeoutMs = m_options.replyTimeoutMs;
    options.pingIntervalMs = 0; // pings are not part of what is compared
    m_target = options.url.toString();

    m_outgoing.clear();
    qsizetype in = 0;
    for (const ReplayWsMessage &m : recorded.messages) {
        if (recorded.crossedOurClose(m))
            continue;
        if (m.direction == Direction::In)
            ++in;
        else
            m_outgoing.append({&m, in});
    }
    m_expectedIn = in;
    m_sent = 0;
    m_received = 0;
    m_waitExpired = false;
    m_closeSent = false;
    m_awaitingServerClose = false;
    m_openNs = -1;
    m_replayed = ReplayWsConversation();
    m_replayed.options = options;

    m_ws = new WsConnection(m_session, this);
    m_current = m_ws;
    connect(m_ws, &WsConnection::handshakeFinished, this, [this](const WsHandshakeRecord &r) {
        m_replayed.handshakeStatus = r.response.status;
        m_openNs = nowNs();
        m_replayed.openNs = m_openNs;
        if (r.verdict.ok && r.response.status == 101)
            QTimer::singleShot(0, this, [this] { pumpWebSocket(); });
    });
    connect(m_ws, &WsConnection::messageDecoded, this, [this](const WsMessageEvent &e) {
        m_replayed.messages.append({e.direction, e.message.type == WsMessageType::Binary, e.message.payload, e.tNs});
        if (e.direction == Direction::In) {
            ++m_received;
            pumpWebSocket();
        }
    });
    connect(m_ws, &WsConnection::closed, this, [this](const WsCloseRecord &r) { finishWebSocket(r); });
    if (m_options.maxTimeMs > 0)
        m_maxTimer.start(m_options.maxTimeMs);
    m_ws->open(options);
}

// Whether the next step may go now; if not, a timer (pace or reply) is armed to ask again.
bool Replayer::readyFor(qsizetype expectedIn, qint64 recordedNs, bool waitForReplies)
{
    const ReplayWsConversation &recorded = m_items.at(m_next).ws;
    if (m_options.pace == ReplayPace::Original && recordedNs >= 0 && recorded.openNs >= 0) {
        const qint64 waitNs = m_openNs + (recordedNs - recorded.openNs) - nowNs();
        if (waitNs > 0) {
            m_paceTimer.start(int(std::ceil(double(waitNs) / 1e6)));
            return false;
        }
    }
    if (waitForReplies && m_received < expectedIn && !m_waitExpired) {
        if (!m_replyTimer.isActive())
            m_replyTimer.start(m_options.replyTimeoutMs);
        return false;
    }
    m_replyTimer.stop();
    m_waitExpired = false;
    return true;
}

void Replayer::pumpWebSocket()
{
    if (!m_ws || m_ws->state() != WsConnectionState::Open || m_paceTimer.isActive())
        return;
    const ReplayWsConversation &recorded = m_items.at(m_next).ws;
    while (m_sent < m_outgoing.size()) {
        const Outgoing &step = m_outgoing.at(m_sent);
        if (!readyFor(step.repliesBefore, step.message->tNs, m_options.pace == ReplayPace::Reply))
            return;
        if (step.message->binary)
            m_ws->sendBinary(step.message->payload);
        else
            m_ws->sendText(QString::fromUtf8(step.message->payload));
        ++m_sent;
    }
    if (m_closeSent)
        return;
    if (m_awaitingServerClose) {
        if (!m_waitExpired)
            return;
        m_closeSent = true; // it did not close in time: we do, and the close codes tell
        m_replayed.clientCloseNs = nowNs();
        m_ws->close();
        return;
    }
    // Every pace waits for the replies the recording got before it ended, so that a fast
    // replay compares the whole conversation.
    if (!readyFor(m_expectedIn, -1, true))
        return;
    const std::shared_ptr<const WsCloseRecord> &close = recorded.close;
    if (close && close->initiator == WsCloseInitiator::Server) {
        // The server ended the recorded conversation: give it the same chance.
        m_awaitingServerClose = true;
        m_waitExpired = false;
        m_replyTimer.start(m_options.replyTimeoutMs);
        return;
    }
    m_closeSent = true;
    m_replayed.clientCloseNs = nowNs();
    if (close && close->initiator == WsCloseInitiator::Client)
        m_ws->close(close->sentCode, close->sentReason);
    else
        m_ws->close();
}

void Replayer::finishWebSocket(const WsCloseRecord &record)
{
    m_replyTimer.stop();
    m_paceTimer.stop();
    m_maxTimer.stop();
    m_replayed.close = std::make_shared<const WsCloseRecord>(record);
    m_replayed.failure = record.failure;
    const ReplayItem &item = m_items.at(m_next);
    ReplayItemResult result;
    result.kind = item.kind;
    result.label = item.label();
    result.target = m_target;
    result.failure = record.failure;
    result.differences = ReplayComparison::conversations(item.ws, m_replayed, m_options.rules);
    m_ws->deleteLater();
    m_ws = nullptr;
    m_current = nullptr;
    finishItem(std::move(result));
}

void Replayer::finishItem(ReplayItemResult result)
{
    result.index = m_next;
    result.durationNs = nowNs() - m_itemStartNs;
    m_report.items.append(result);
    emit itemFinished(result);
    ++m_next;
    // Not from inside the engine's signal: the next item starts on a clean stack.
    QTimer::singleShot(0, this, [this] { next(); });
}

} // namespace wirescope

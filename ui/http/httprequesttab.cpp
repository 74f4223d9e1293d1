#include "ui/http/httprequesttab.h"

#include "core/net/httpengine.h"
#include "ui/common/noteactions.h"
#include "ui/http/httpcomposer.h"
#include "ui/http/httpresponseview.h"
#include "ui/http/sseeventmodel.h"
#include "ui/http/sseeventsview.h"
#include "core/session/sessionclock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <limits>

namespace wirescope {

namespace {
constexpr qint64 MaxBodyFileBytes = 512LL * 1024 * 1024; // a body file larger than this is refused, not loaded

// The request asks for an event stream (what an EventSource sends, §9.2.3): its answer is
// then read as one from the start, so a 204, a wrong type or an error status says so.
bool asksForEventStream(const HttpRequest &request)
{
    for (const KeyValueRow &row : request.headers())
        if (row.enabled && row.name.compare(QLatin1String("Accept"), Qt::CaseInsensitive) == 0
            && row.value.contains(QLatin1String("text/event-stream"), Qt::CaseInsensitive))
            return true;
    return false;
}

QString seconds(qint64 ms)
{
    return ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(double(ms) / 1000, 'f', 1);
}
} // namespace

HttpRequestTab::HttpRequestTab(HttpEngine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_composer(new HttpComposer(this))
    , m_response(new HttpResponseView(this))
    , m_note(NoteActions::createBanner(this))
    , m_reconnectTimer(new QTimer(this))
{
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &HttpRequestTab::startAttempt);
    auto *responsePane = new QWidget(this);
    auto *responseLayout = new QVBoxLayout(responsePane);
    responseLayout->setContentsMargins(0, 0, 0, 0);
    responseLayout->setSpacing(2);
    responseLayout->addWidget(m_note);
    responseLayout->addWidget(m_response, 1);
    m_splitter->addWidget(m_composer);
    m_splitter->addWidget(responsePane);
    m_splitter->setChildrenCollapsible(false);
    // The answer gets most of the height; the composer's tables scroll.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);
    setFocusProxy(m_composer);

    connect(m_composer, &HttpComposer::sendRequested, this, &HttpRequestTab::send);
    connect(m_composer, &HttpComposer::cancelRequested, this, &HttpRequestTab::cancel);
    connect(m_composer, &HttpComposer::titleChanged, this, &HttpRequestTab::titleChanged);
    connect(m_composer, &HttpComposer::manageEnvironmentsRequested, this, &HttpRequestTab::manageEnvironmentsRequested);
}

HttpRequestTab::~HttpRequestTab()
{
    m_reconnectTimer->stop();
    if (m_engine && m_exchangeId != 0)
        m_engine->cancel(m_exchangeId);
}

bool HttpRequestTab::isRunning() const
{
    return m_exchangeId != 0 || m_reconnectTimer->isActive();
}

bool HttpRequestTab::isPristine() const
{
    return !m_sentOnce && !isRunning();
}

void HttpRequestTab::setEnvironments(const QList<Environment> &environments)
{
    QComboBox *box = m_composer->environmentBox();
    const QString current = box->currentIndex() > 0 ? box->currentText() : QString();
    m_environments = environments;
    box->clear();
    box->addItem(tr("No environment"));
    for (const Environment &env : environments)
        box->addItem(env.name);
    const int found = current.isEmpty() ? -1 : box->findText(current);
    box->setCurrentIndex(found > 0 ? found : 0);
}

void HttpRequestTab::setRequest(const HttpRequest &request)
{
    m_composer->setRequest(request);
}

void HttpRequestTab::showRecord(const HttpExchangeRecord &record, const QList<SseArrival> &events)
{
    const HttpHop *hop = record.finalHop();
    const bool stream = hop && EventSourceState::isEventStream(hop->response.headerValue("Content-Type"));
    SseEventModel *model = m_response->eventsView()->model();
    model->clear();
    model->setOriginNs(record.startNs);
    model->addRecords(events);
    m_response->eventsView()->setNote({});
    m_response->showEvents(stream);
    m_response->showRecord(record);
}

void HttpRequestTab::showNote(const SessionAnnotation &annotation)
{
    NoteActions::showOnBanner(m_note, annotation);
}

VariableScope HttpRequestTab::currentScope() const
{
    const int index = m_composer->environmentBox()->currentIndex() - 1; // 0 is "No environment"
    VariableScope scope;
    if (index >= 0 && index < m_environments.size())
        scope.addEnvironment(m_environments.at(index));
    return scope;
}

void HttpRequestTab::send()
{
    if (isRunning())
        return;
    const HttpRequest request = m_composer->request();
    if (request.url().trimmed().isEmpty()) {
        m_composer->showProblem(tr("Enter a URL first."));
        m_response->showNotSent(tr("Enter a URL first."));
        m_composer->urlEdit()->setFocus();
        return;
    }
    const VariableScope scope = currentScope();
    // Check everything before a byte leaves: unresolved {{variables}}, a bad URL, a file.
    const PreparedRequest prepared = prepareRequest(request, scope, [](const QString &path) -> std::optional<QByteArray> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || file.size() > MaxBodyFileBytes)
            return std::nullopt;
        return file.readAll();
    });
    if (!prepared.isValid()) {
        QStringList problems;
        if (!prepared.unresolvedVariables.isEmpty()) {
            QStringList names;
            for (const QString &name : prepared.unresolvedVariables)
                names.append(QStringLiteral("{{") + name + QStringLiteral("}}"));
            problems.append(tr("Not sent: no value for %1 in the selected environment.").arg(names.join(QStringLiteral(", "))));
        }
        for (const QString &error : prepared.errors)
            problems.append(tr("Not sent: %1").arg(error));
        m_composer->showProblem(problems.join(u' '));
        m_response->showNotSent(problems.join(u' '));
        return;
    }
    m_composer->showProblem({});

    if (!m_engine)
        return;
    m_sourceRequest = request;
    m_sourceOptions = m_composer->options();
    m_sourceScope = scope;
    m_source = EventSourceState();
    // The window reads a compressed stream when it ends rather than failing it.
    m_source.setAcceptCompressed(true);
    m_eventSource = asksForEventStream(request);
    m_sourceDone = false;
    m_stopped = false;
    SseEventModel *model = m_response->eventsView()->model();
    model->clear();
    model->setOriginNs(m_engine->clock().nowNs());
    m_response->eventsView()->setNote({});
    m_response->showEvents(m_eventSource);
    m_sentOnce = true;
    m_composer->setBusy(true);
    startAttempt();
    emit runningChanged(true);
}

void HttpRequestTab::startAttempt()
{
    if (!m_engine || m_stopped)
        return;
    const bool again = m_source.attempt() > 0;
    const QString lastEventId = m_source.lastEventId();
    const HttpRequest request = m_source.connect(m_sourceRequest);
    if (again)
        addStatus(lastEventId.isEmpty() ? tr("reconnecting")
                                        : tr("reconnecting with Last-Event-ID %1").arg(lastEventId));
    m_headDecided = false;
    m_doneSeen = false;
    m_liveRecords = 0;
    m_exchangeId = m_engine->start(request, m_sourceOptions, m_sourceScope);
    m_response->showProgress({});
}

void HttpRequestTab::cancel()
{
    if (!isRunning())
        return;
    m_stopped = true;
    if (m_reconnectTimer->isActive()) {
        // Waiting to reconnect: nothing runs, the stream ends here.
        m_reconnectTimer->stop();
        addStatus(tr("stopped"));
        endEventSource();
        return;
    }
    // Queued: the tab stays busy until the engine reports the cancelled exchange.
    if (m_engine)
        m_engine->cancel(m_exchangeId);
}

void HttpRequestTab::addStatus(const QString &text, bool failure, qint64 tNs)
{
    if (tNs < 0)
        tNs = m_engine ? m_engine->clock().nowNs() : 0;
    m_response->eventsView()->model()->addStatus(tNs, text, failure);
}

void HttpRequestTab::decideHead(int status, const QByteArray &contentType, const QByteArray &contentEncoding, qint64 tNs)
{
    if (m_headDecided)
        return;
    if (!m_eventSource) {
        if (!EventSourceState::isEventStream(contentType))
            return; // an ordinary response
        m_eventSource = true;
        m_response->showEvents(true);
    }
    const EventSourceState::Head head =
        m_source.head(status, contentType, contentEncoding, m_sourceOptions.followRedirects);
    if (head == EventSourceState::Head::Redirect)
        return; // the next hop's head decides
    m_headDecided = true;
    switch (head) {
    case EventSourceState::Head::Redirect:
        break;
    case EventSourceState::Head::Open:
        addStatus(tr("connected"), false, tNs);
        break;
    case EventSourceState::Head::Compressed:
        addStatus(tr("connected"), false, tNs);
        m_response->eventsView()->setNote(
            tr("The stream is compressed (Content-Encoding %1): its events show when it ends.")
                .arg(QString::fromLatin1(contentEncoding.trimmed())));
        break;
    case EventSourceState::Head::NoContent:
        m_sourceDone = true;
        addStatus(tr("ended: %1 no content").arg(status), false, tNs);
        break;
    case EventSourceState::Head::BadStatus:
        m_sourceDone = true;
        addStatus(tr("failed: status %1").arg(status), true, tNs);
        break;
    case EventSourceState::Head::BadType:
        m_sourceDone = true;
        addStatus(tr("failed: Content-Type %1 is not text/event-stream")
                      .arg(contentType.isEmpty() ? tr("(none)") : QString::fromLatin1(contentType)),
                  true, tNs);
        break;
    }
}

void HttpRequestTab::showProgress(const HttpProgress &progress)
{
    m_response->showProgress(progress);
    if (progress.phase == ExchangePhase::Done)
        m_doneSeen = true;
    if (progress.phase == ExchangePhase::Receiving && progress.status > 0)
        // The report goes out after the read that brought the head (and its first events).
        decideHead(progress.status, progress.contentType, progress.contentEncoding,
                   progress.sseRecords.isEmpty() ? progress.tNs : qMin(progress.tNs, progress.sseRecords.constFirst().tNs));
    if (!m_eventSource || !m_source.isOpen())
        return;
    if (!progress.sseRecords.isEmpty()) {
        for (const SseArrival &a : progress.sseRecords)
            m_source.follow(a.record);
        m_liveRecords += progress.sseRecords.size();
        m_response->eventsView()->model()->addRecords(progress.sseRecords);
    }
    if (!progress.sseError.isEmpty() && !m_sourceDone) {
        // The engine's parser stopped at a limit (an endless line, a huge event): the stream
        // cannot be read on, and reconnecting would meet the same server.
        m_sourceDone = true;
        addStatus(tr("failed: the stream broke a limit (%1)").arg(progress.sseError), true);
        if (m_engine && m_exchangeId != 0)
            m_engine->cancel(m_exchangeId);
    }
}

void HttpRequestTab::finish(const HttpExchangeRecord &record, const std::function<QList<SseArrival>()> &recordedEvents)
{
    m_exchangeId = 0;
    m_response->showRecord(record);
    const HttpHop *hop = record.finalHop();
    if (hop && hop->response.status > 0)
        decideHead(hop->response.status, hop->response.headerValue("Content-Type"),
                   hop->response.headerValue("Content-Encoding"), hop->timings.firstByteNs);
    if (!m_eventSource) {
        endEventSource();
        return;
    }
    // What was not shown live comes from the record: a compressed stream's events (decoded as
    // a whole, when it ends), or the last ones when the record overtook the engine's final
    // report (the session's recorder and the engine's reports are two queues). The engine and
    // sseArrivals read the same bytes by the same rules, so the live rows are a prefix.
    if (m_source.isOpen() && (!m_doneSeen || m_source.isCompressed()) && recordedEvents) {
        const QList<SseArrival> events = recordedEvents().mid(m_liveRecords);
        for (const SseArrival &a : events)
            m_source.follow(a.record);
        m_response->eventsView()->model()->addRecords(events);
    }
    const bool cancelled = record.error.kind == &failures::Cancelled;
    if (!record.error.isNull() && !cancelled)
        addStatus(tr("connection lost: %1").arg(record.error.message()), !m_source.isOpen(), record.endNs);
    if (m_sourceDone) {
        endEventSource();
        return;
    }
    if (m_stopped) {
        addStatus(tr("stopped"));
        endEventSource();
        return;
    }
    m_source.setReconnect(m_response->eventsView()->reconnectBox()->isChecked());
    std::vector<SseRecord> none; // the engine parsed the bytes; nothing was fed here
    if (m_source.end(none) == EventSourceState::Next::End) {
        addStatus(tr("ended: the stream closed (Reconnect is off)"), false, record.endNs);
        endEventSource();
        return;
    }
    const qint64 retryMs = m_source.reconnectionTimeMs();
    addStatus(tr("stream closed; reconnecting in %1 s").arg(seconds(retryMs)), false, record.endNs);
    m_reconnectTimer->start(int(qMin<qint64>(retryMs, std::numeric_limits<int>::max())));
}

void HttpRequestTab::endEventSource()
{
    m_reconnectTimer->stop();
    m_composer->setBusy(false);
    emit runningChanged(false);
}

} // namespace wirescope

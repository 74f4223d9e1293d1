#include "core/lab/labdriver.h"

#include "core/lab/labhttpdriver.h"
#include "core/lab/labmessage.h"
#include "core/lab/labrunner.h"
#include "core/lab/labwsdriver.h"
#include "core/session/sessionclock.h"

#include <cmath>

namespace wirescope {

namespace {

// docs/lab-endpoints.md: N = floor(rate x duration_ms / 1000), for the server's events and
// the client's messages alike.
qint64 messagesOver(const LabConfig &config)
{
    return qint64(std::floor(config.rate * double(config.durationMs) / 1000.0 + 1e-9));
}

} // namespace

std::unique_ptr<LabDriver> LabDriver::create(const LabDriverSetup &setup)
{
    if (isWebSocketTransport(setup.transport))
        return std::unique_ptr<LabDriver>(new LabWsDriver(setup));
    return std::unique_ptr<LabDriver>(new LabHttpDriver(setup));
}

LabDriver::LabDriver(const LabDriverSetup &setup)
    : m_setup(setup)
    , m_tally(setup.transport, setup.config.lateMs, setup.epochAnchorUs)
{
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    m_schedule.setSingleShot(true);
    m_schedule.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("the transport had not finished %1 s after its schedule ended: %2")
                 .arg(LabRunner::graceMs / 1000)
                 .arg(pending()));
    });
    connect(&m_schedule, &QTimer::timeout, this, &LabDriver::sendDueMessages);
}

LabDriver::~LabDriver() = default;

void LabDriver::start()
{
    const LabConfig &c = m_setup.config;
    m_startNs = m_setup.clock->nowNs();
    m_tally.result().startNs = m_startNs;
    m_tally.noteScheduled(c.workload == LabWorkload::Echo ? 0 : messagesOver(c));
    m_clientMessages = c.workload == LabWorkload::Push ? 0 : messagesOver(c);
    m_deadline.start(c.durationMs + LabRunner::graceMs);
    begin();
    if (!m_finished && m_clientMessages > 0)
        sendDueMessages();
}

void LabDriver::cancel()
{
    fail(QStringLiteral("cancelled"));
}

void LabDriver::sendDueMessages()
{
    if (m_finished || m_wrappingUp || !readyForClientMessages())
        return;
    const LabConfig &c = m_setup.config;
    while (m_nextCseq <= m_clientMessages) {
        // Echo keeps one message outstanding: the next waits for the answer.
        if (c.workload == LabWorkload::Echo && m_tally.clientAnswered() < m_tally.clientWritten())
            return;
        const qint64 dueNs = m_startNs + qint64(double(m_nextCseq - 1) / c.rate * 1e9);
        const qint64 now = m_setup.clock->nowNs();
        if (dueNs > now) {
            m_schedule.start(int((dueNs - now + 999'999) / 1'000'000));
            return;
        }
        const qint64 cseq = m_nextCseq++;
        const qint64 epochUs = m_setup.epochAnchorUs + now / 1000;
        const QByteArray message = makeLabClientMessage(c.payload, c.size, cseq, epochUs);
        // Noted first: an answer cannot come before its message is counted as written.
        m_tally.noteClientWritten(cseq, now, message.size());
        if (!sendClientMessage(cseq, message)) {
            m_tally.unnoteClientWritten(cseq, message.size());
            return;
        }
        if (m_finished)
            return;
    }
}

void LabDriver::noteAnswered()
{
    if (m_setup.config.workload == LabWorkload::Echo)
        sendDueMessages();
    checkDone();
}

bool LabDriver::clientSideDone() const
{
    return m_nextCseq > m_clientMessages && m_tally.clientAnswered() >= m_clientMessages;
}

void LabDriver::checkDone()
{
    if (m_finished || m_wrappingUp || requestsOutstanding() || !serverSideDone()
        || !(clientSideDone() || channelClosed()))
        return;
    m_wrappingUp = true;
    wrapUp();
}

void LabDriver::complete()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_schedule.stop();
    abortIo();
    emit finished();
}

void LabDriver::fail(const QString &error)
{
    if (m_finished)
        return;
    if (m_tally.result().error.isEmpty())
        m_tally.result().error = error;
    complete();
}

QUrl LabDriver::endpoint(const QString &name, bool withParameters, const QUrlQuery &extra) const
{
    QUrl url = m_setup.config.baseUrl;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + QStringLiteral("lab/") + name);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("run"), m_setup.runId);
    if (withParameters) {
        const LabConfig &c = m_setup.config;
        query.addQueryItem(QStringLiteral("workload"), labName(c.workload));
        query.addQueryItem(QStringLiteral("rate"), QString::number(c.rate, 'g', 10));
        query.addQueryItem(QStringLiteral("size"), QString::number(c.size));
        query.addQueryItem(QStringLiteral("duration_ms"), QString::number(c.durationMs));
        query.addQueryItem(QStringLiteral("payload"), labName(c.payload));
    }
    for (const auto &[key, value] : extra.queryItems())
        query.addQueryItem(key, value);
    url.setQuery(query);
    return url;
}

} // namespace wirescope

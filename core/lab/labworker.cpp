#include "core/lab/labworker.h"

#include "core/lab/labclaims.h"
#include "core/lab/labdriver.h"
#include "core/lab/labrunner.h"
#include "core/net/httpclient.h"
#include "core/session/sessionclock.h"

#include <QRandomGenerator>

#include <chrono>
#include <time.h>

namespace wirescope {

namespace {

// The lab thread's own CPU time (POSIX CLOCK_THREAD_CPUTIME_ID): what the client spent,
// not what the server or the caller's thread did meanwhile.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The wall clock (microseconds since the Unix epoch) at lab clock 0, read now: the server
// stamps its messages in epoch microseconds. SessionClock's wall anchor is a QDateTime, kept
// to the millisecond, too coarse for a loopback push delay of a tenth of one; both clocks
// are read here back to back instead.
qint64 epochAnchorUs(const SessionClock &clock)
{
    const qint64 before = clock.nowNs();
    const qint64 wallUs = std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    const qint64 after = clock.nowNs();
    return wallUs - (before + after) / 2 / 1000;
}

} // namespace

LabWorker::LabWorker()
    : m_http(new HttpClient(this))
    , m_batch(this) // a child, so that it moves to the lab thread with the worker
{
    m_batch.setInterval(LabRunner::sampleBatchMs);
    connect(&m_batch, &QTimer::timeout, this, &LabWorker::flushSamples);
}

LabWorker::~LabWorker()
{
    m_driver.reset(); // aborts its connections, reporting nothing
}

const SessionClock &LabWorker::clock() const
{
    return m_http->clock();
}

void LabWorker::run(const LabConfig &config)
{
    m_run = LabRunResult();
    m_run.config = config;
    m_run.startedAt = clock().wallAnchor();
    m_next = 0;
    m_cancelled = false;
    m_runPrefix = QString::number(QRandomGenerator::global()->generate64(), 16);
    startNext();
}

void LabWorker::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    if (m_driver && !m_driver->isFinished())
        m_driver->cancel(); // finishes it: onDriverFinished ends the run
}

void LabWorker::startNext()
{
    if (m_cancelled || m_next >= m_run.config.transports.size()) {
        m_run.cancelled = m_cancelled;
        m_run.claims = evaluateLabClaims(m_run);
        emit finished(m_run);
        return;
    }
    LabDriverSetup setup;
    setup.config = m_run.config;
    setup.transport = m_run.config.transports.at(m_next++);
    setup.runId = m_runPrefix + u'-' + labName(setup.transport);
    setup.http = m_http;
    setup.clock = &clock();
    setup.epochAnchorUs = epochAnchorUs(clock());
    m_driver = LabDriver::create(setup);
    m_driver->tally().result().runId = setup.runId;
    connect(m_driver.get(), &LabDriver::finished, this, &LabWorker::onDriverFinished, Qt::QueuedConnection);
    emit transportStarted(setup.transport, clock().nowNs());
    m_cpuStartMs = threadCpuMs();
    m_batch.start();
    m_driver->start();
}

void LabWorker::flushSamples()
{
    if (!m_driver)
        return;
    const QList<LabSample> fresh = m_driver->tally().takeFresh();
    if (!fresh.isEmpty())
        emit samplesArrived(fresh.first().transport, fresh);
}

void LabWorker::onDriverFinished()
{
    m_batch.stop();
    flushSamples();
    const LabTransportResult result = m_driver->tally().finish(clock().nowNs(), threadCpuMs() - m_cpuStartMs);
    // Each transport starts on connections of its own: the server counts a connection's
    // bytes for the run its first request named.
    m_driver.reset();
    m_http->closeIdleConnections();
    m_run.transports.append(result);
    emit transportFinished(result);
    startNext();
}

} // namespace wirescope

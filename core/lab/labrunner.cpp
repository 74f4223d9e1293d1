#include "core/lab/labrunner.h"

#include "core/lab/labworker.h"

namespace wirescope {

LabRunner::LabRunner(QObject *parent)
    : QObject(parent)
    , m_worker(new LabWorker)
{
    qRegisterMetaType<wirescope::LabTransport>();
    qRegisterMetaType<wirescope::LabSample>();
    qRegisterMetaType<QList<wirescope::LabSample>>();
    qRegisterMetaType<wirescope::LabTransportResult>();
    qRegisterMetaType<wirescope::LabRunResult>();
    m_clock = &m_worker->clock();
    // Emitted on the lab thread, the worker's signals reach our receivers queued.
    connect(m_worker, &LabWorker::transportStarted, this, &LabRunner::transportStarted);
    connect(m_worker, &LabWorker::samplesArrived, this, &LabRunner::samplesArrived);
    connect(m_worker, &LabWorker::transportFinished, this, &LabRunner::transportFinished);
    connect(m_worker, &LabWorker::finished, this, [this](const LabRunResult &result) {
        m_running.store(false);
        emit finished(result);
    });
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("wirescope-lab"));
    m_thread.start();
}

LabRunner::~LabRunner()
{
    // Blocking is safe: the lab thread never waits for ours. Deleting the worker aborts its
    // connections without a report.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void LabRunner::start(const LabConfig &config)
{
    if (m_running.exchange(true))
        return;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, config] { worker->run(config); }, Qt::QueuedConnection);
}

void LabRunner::cancel()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->cancel(); }, Qt::QueuedConnection);
}

} // namespace wirescope

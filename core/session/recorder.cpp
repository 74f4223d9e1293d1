#include "core/session/recorder.h"

#include "core/session/recordsink.h"
#include "core/session/timeline.h"

#include <QMutexLocker>
#include <QThread>

namespace wirescope {

Recorder::Recorder(Timeline *timeline, QObject *parent)
    : QObject(parent)
    , m_timeline(timeline)
{
}

void Recorder::submit(RecordBatch &&batch)
{
    if (batch.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    m_queue.push_back(std::move(batch));
    if (m_drainPosted)
        return;
    m_drainPosted = true;
    QMetaObject::invokeMethod(this, &Recorder::drain, Qt::QueuedConnection);
}

void Recorder::submitAtEndOfTurn(RecordBatch &&batch)
{
    if (thread() != QThread::currentThread()) {
        submit(std::move(batch));
        return;
    }
    if (!batch.isEmpty()) {
        QMutexLocker lock(&m_mutex);
        m_queue.push_back(std::move(batch)); // after anything other threads queued
    }
    drain();
}

void Recorder::drain()
{
    std::vector<RecordBatch> batches;
    {
        QMutexLocker lock(&m_mutex);
        batches.swap(m_queue);
        m_drainPosted = false;
    }
    if (batches.empty())
        return;
    const qsizetype first = m_timeline->rowCount();
    for (RecordBatch &batch : batches) {
        if (m_sink)
            m_sink->batchRecorded(batch, m_timeline->rowCount());
        m_timeline->apply(std::move(batch));
    }
    const qsizetype end = m_timeline->rowCount();
    if (end > first)
        Q_EMIT rowsAppended(first, end);
}

} // namespace wirescope

#pragma once

#include "core/lab/labresult.h"
#include "core/session/sessionclock.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <atomic>

namespace wirescope {

class LabWorker;

// Runs a lab (docs/cli-lab.md) on a thread of its own, like HttpEngine: the HttpClient and
// the WebSocket connections live there, so bytes are read and stamped when the network
// moves, not when the caller's event loop is free. Use it from the thread that created it.
// The transports run one after another, each with the machine to itself.
class LabRunner : public QObject
{
    Q_OBJECT
public:
    // Samples travel to the caller in batches at least this far apart.
    static constexpr int sampleBatchMs = 50;
    // A transport ends at its duration plus this grace, whatever the server does (a poll
    // that never answers, a stream that never ends): its result then says so.
    static constexpr int graceMs = 5000;

    explicit LabRunner(QObject *parent = nullptr);
    // Cancels what runs and stops the thread; nothing is reported after it returns.
    ~LabRunner() override;

    // Queued; a second start while running is ignored.
    void start(const LabConfig &config);
    // Queued: the transport running ends now, finished() follows with cancelled set.
    void cancel();
    bool isRunning() const { return m_running.load(); }
    // The lab clock: every sample's times are on it (nanoseconds since the runner was
    // created; its wallAnchor() is LabRunResult::startedAt's reference).
    const SessionClock &clock() const { return *m_clock; }

signals:
    // Queued to the caller's thread, values only.
    void transportStarted(wirescope::LabTransport transport, qint64 tNs);
    // Batched, at least sampleBatchMs apart.
    void samplesArrived(wirescope::LabTransport transport, const QList<wirescope::LabSample> &samples);
    // Samples included.
    void transportFinished(const wirescope::LabTransportResult &result);
    // The claims evaluated.
    void finished(const wirescope::LabRunResult &result);

private:
    QThread m_thread;
    const SessionClock *m_clock; // the worker's HTTP client's clock, shared by its WebSockets
    LabWorker *m_worker; // lives on m_thread; deleted there by ~LabRunner
    std::atomic<bool> m_running{false};
};

} // namespace wirescope

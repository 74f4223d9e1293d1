#pragma once

#include "core/lab/labresult.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace wirescope {

class HttpClient;
class LabDriver;
class SessionClock;

// LabRunner's side on the lab thread: runs the transports of a lab one after another,
// sends the samples on in batches and times the thread's CPU per transport.
class LabWorker : public QObject
{
    Q_OBJECT
public:
    LabWorker();
    ~LabWorker() override;

    const SessionClock &clock() const;
    void run(const LabConfig &config);
    void cancel();

signals:
    void transportStarted(wirescope::LabTransport transport, qint64 tNs);
    void samplesArrived(wirescope::LabTransport transport, const QList<wirescope::LabSample> &samples);
    void transportFinished(const wirescope::LabTransportResult &result);
    void finished(const wirescope::LabRunResult &result);

private:
    void startNext();
    void onDriverFinished();
    void flushSamples();

    HttpClient *m_http; // a child: moves to the lab thread with the worker
    std::unique_ptr<LabDriver> m_driver;
    QTimer m_batch;
    LabRunResult m_run;
    qsizetype m_next = 0;
    double m_cpuStartMs = 0;
    QString m_runPrefix;
    bool m_cancelled = false;
};

} // namespace wirescope

#pragma once

#include "core/demo/demolabconfig.h"

#include <QHash>
#include <QObject>

class QTimer;

namespace wirescope {

class DemoLabRun;

// The demo server's lab runs by id (docs/lab-endpoints.md): the first request that names an
// unknown run creates it, at most DemoLimits::maxLabRuns are alive at once, and a run is
// forgotten DemoLimits::labForgetAfterMs after its schedule ended and its last connection
// closed (whichever is later).
class DemoLabRuns : public QObject
{
    Q_OBJECT
public:
    explicit DemoLabRuns(QObject *parent = nullptr);

    // The run config.run names, created with config when unknown. Null when there are too
    // many runs (the caller answers 503).
    DemoLabRun *open(const DemoLabConfig &config);
    DemoLabRun *find(const QByteArray &id) const;
    int count() const { return int(m_runs.size()); }
    // Forgets every run (the server stops).
    void clear();

private:
    void forgetIdle();

    QHash<QByteArray, DemoLabRun *> m_runs;
    QTimer *m_sweep;
};

} // namespace wirescope

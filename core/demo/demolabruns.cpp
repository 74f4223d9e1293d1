#include "core/demo/demolabruns.h"

#include "core/demo/demolabrun.h"
#include "core/demo/demolimits.h"

#include <QTimer>

namespace wirescope {

namespace {
constexpr int kSweepIntervalMs = 5000;
}

DemoLabRuns::DemoLabRuns(QObject *parent)
    : QObject(parent)
    , m_sweep(new QTimer(this))
{
    m_sweep->setInterval(kSweepIntervalMs);
    connect(m_sweep, &QTimer::timeout, this, &DemoLabRuns::forgetIdle);
}

DemoLabRun *DemoLabRuns::find(const QByteArray &id) const
{
    return m_runs.value(id);
}

DemoLabRun *DemoLabRuns::open(const DemoLabConfig &config)
{
    if (DemoLabRun *run = m_runs.value(config.run))
        return run; // the first request's parameters win
    if (m_runs.size() >= DemoLimits::maxLabRuns) {
        forgetIdle();
        if (m_runs.size() >= DemoLimits::maxLabRuns)
            return nullptr;
    }
    auto *run = new DemoLabRun(config, this);
    m_runs.insert(config.run, run);
    m_sweep->start();
    return run;
}

void DemoLabRuns::forgetIdle()
{
    for (auto it = m_runs.begin(); it != m_runs.end();) {
        if (it.value()->isForgettable()) {
            delete it.value();
            it = m_runs.erase(it);
        } else {
            ++it;
        }
    }
    if (m_runs.isEmpty())
        m_sweep->stop();
}

void DemoLabRuns::clear()
{
    qDeleteAll(m_runs);
    m_runs.clear();
    m_sweep->stop();
}

} // namespace wirescope

#include "core/session/sessionclock.h"

#include <algorithm>

namespace wirescope {

SessionClock::SessionClock()
{
    restart();
}

void SessionClock::restart()
{
    m_wallAnchor = QDateTime::currentDateTimeUtc();
    m_offsetNs = 0;
    m_monotonic.start();
}

void SessionClock::continueFrom(const QDateTime &wallAnchor)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_monotonic.start();
    m_wallAnchor = wallAnchor.toUTC();
    m_offsetNs = std::max<qint64>(0, m_wallAnchor.msecsTo(now)) * 1'000'000;
}

QDateTime SessionClock::wallTimeAt(qint64 tNs) const
{
    return m_wallAnchor.addMSecs(tNs / 1'000'000);
}

double SessionClock::epochSecondsAt(qint64 tNs) const
{
    return double(m_wallAnchor.toMSecsSinceEpoch()) / 1e3 + double(tNs) / 1e9;
}

} // namespace wirescope

#include "core/session/sessionclock.h"

namespace wirescope {

SessionClock::SessionClock()
{
    restart();
}

void SessionClock::restart()
{
    m_wallAnchor = QDateTime::currentDateTimeUtc();
    m_monotonic.start();
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

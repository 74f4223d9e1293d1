#pragma once

#include <QDateTime>
#include <QElapsedTimer>

namespace wirescope {

// One monotonic clock per session plus one wall-clock anchor taken at the same instant,
// so every event is stamped once (nanoseconds since the session started) and can be shown
// relative, absolute, or exported to HAR's wall-clock fields.
class SessionClock
{
public:
    SessionClock();

    void restart();
    qint64 nowNs() const { return m_monotonic.nsecsElapsed(); }
    QDateTime wallAnchor() const { return m_wallAnchor; }
    QDateTime wallTimeAt(qint64 tNs) const;
    // Seconds since the Unix epoch, as HAR's WebSocket messages and Chrome use.
    double epochSecondsAt(qint64 tNs) const;

private:
    QElapsedTimer m_monotonic;
    QDateTime m_wallAnchor;
};

} // namespace wirescope

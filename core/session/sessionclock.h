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
    // A session read from a file, or appended to one, keeps the file's anchor: t_ns = 0 stays
    // `wallAnchor`, and now is as far from it as the wall clock says (to the millisecond).
    void continueFrom(const QDateTime &wallAnchor);
    qint64 nowNs() const { return m_offsetNs + m_monotonic.nsecsElapsed(); }
    QDateTime wallAnchor() const { return m_wallAnchor; }
    QDateTime wallTimeAt(qint64 tNs) const;
    // Seconds since the Unix epoch, as HAR's WebSocket messages and Chrome use.
    double epochSecondsAt(qint64 tNs) const;

private:
    QElapsedTimer m_monotonic;
    QDateTime m_wallAnchor;
    qint64 m_offsetNs = 0;
};

} // namespace wirescope

#pragma once

#include "core/session/capturedchunk.h"

#include <QByteArray>

namespace wirescope {

class SessionClock;

// Stamps every chunk read or written on one connection and gives it its offset in the
// direction's byte stream. It keeps nothing: the session's timeline holds the bytes.
class Tap
{
public:
    explicit Tap(const SessionClock &clock);

    // The chunk, stamped now. It shares `bytes`: whoever keeps it copies what it keeps.
    CapturedChunk record(Direction direction, const QByteArray &bytes);

    qint64 bytesIn() const { return m_bytesIn; }
    qint64 bytesOut() const { return m_bytesOut; }
    const SessionClock &clock() const { return m_clock; }

private:
    const SessionClock &m_clock;
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
};

} // namespace wirescope

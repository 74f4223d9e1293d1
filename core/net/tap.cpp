#include "core/net/tap.h"

#include "core/session/sessionclock.h"

namespace wirescope {

Tap::Tap(const SessionClock &clock)
    : m_clock(clock)
{
}

CapturedChunk Tap::record(Direction direction, const QByteArray &bytes)
{
    qint64 &counter = direction == Direction::In ? m_bytesIn : m_bytesOut;
    CapturedChunk chunk{m_clock.nowNs(), direction, counter, bytes};
    counter += bytes.size();
    return chunk;
}

} // namespace wirescope

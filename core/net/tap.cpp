#include "core/net/tap.h"

#include "core/net/sessionclock.h"

namespace wirescope {

Tap::Tap(const SessionClock &clock)
    : m_clock(clock)
{
}

const CapturedChunk &Tap::record(Direction direction, const QByteArray &bytes)
{
    qint64 &counter = direction == Direction::In ? m_bytesIn : m_bytesOut;
    CapturedChunk chunk{m_clock.nowNs(), direction, counter, bytes};
    counter += bytes.size();
    if (!m_keepChunks) {
        m_last = std::move(chunk);
        return m_last;
    }
    m_chunks.push_back(std::move(chunk));
    return m_chunks.back();
}

} // namespace wirescope

#pragma once

#include "core/session/capturedchunk.h"

#include <QByteArray>

#include <vector>

namespace wirescope {

class SessionClock;

// Stamps every chunk read or written on one connection. Keeping the chunks is what makes
// the raw view truthful; it can be turned off for headless throughput runs.
class Tap
{
public:
    explicit Tap(const SessionClock &clock);

    // The chunk, stamped now. A kept chunk gets its own right-sized copy of the bytes, so a
    // caller may pass (and then reuse) a large read or write buffer.
    CapturedChunk record(Direction direction, const QByteArray &bytes);

    qint64 bytesIn() const { return m_bytesIn; }
    qint64 bytesOut() const { return m_bytesOut; }
    const std::vector<CapturedChunk> &chunks() const { return m_chunks; }
    void setKeepChunks(bool keep) { m_keepChunks = keep; }
    bool keepsChunks() const { return m_keepChunks; }
    const SessionClock &clock() const { return m_clock; }

private:
    const SessionClock &m_clock;
    std::vector<CapturedChunk> m_chunks;
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
    bool m_keepChunks = true;
};

} // namespace wirescope

#include "core/session/bytestream.h"

#include <algorithm>
#include <cstring>

namespace wirescope {

namespace {
constexpr qsizetype kFirstBlock = 4 * 1024;
constexpr qsizetype kLargestBlock = 1024 * 1024;
} // namespace

qint64 ByteStream::append(qint64 tNs, qint64 offset, QByteArrayView bytes)
{
    if (offset < m_end) {
        const qint64 seen = m_end - offset;
        if (seen >= bytes.size())
            return 0;
        bytes = bytes.sliced(qsizetype(seen));
        offset = m_end;
    }
    if (bytes.isEmpty())
        return 0;
    m_chunks.push_back(Chunk{tNs, offset});
    if (m_discarding) {
        m_end = offset + bytes.size();
        markGone(m_end, Absence::Released);
        return 0;
    }
    Block *last = m_blocks.empty() ? nullptr : &m_blocks.back();
    const bool contiguous = last && last->offset + last->data.size() == offset;
    if (!contiguous || last->data.capacity() - last->data.size() < bytes.size()) {
        // Blocks double up to 1 MiB so a short connection costs little; a larger chunk gets
        // a block of its own size.
        const qsizetype previous = last ? last->data.capacity() : kFirstBlock / 2;
        const qsizetype size = std::max<qsizetype>(std::min(previous * 2, kLargestBlock), bytes.size());
        Block block;
        block.offset = offset;
        block.data.reserve(size);
        m_blocks.push_back(std::move(block));
        last = &m_blocks.back();
    }
    last->data.append(bytes.data(), bytes.size());
    m_end = offset + bytes.size();
    return bytes.size();
}

qint64 ByteStream::begin() const
{
    return m_blocks.empty() ? m_end : m_blocks.front().offset;
}

qsizetype ByteStream::blockAt(qint64 offset) const
{
    // The last block whose start is at or before offset.
    auto it = std::upper_bound(m_blocks.begin(), m_blocks.end(), offset,
                               [](qint64 o, const Block &b) { return o < b.offset; });
    if (it == m_blocks.begin())
        return -1;
    --it;
    if (offset >= it->offset + it->data.size())
        return -1;
    return qsizetype(it - m_blocks.begin());
}

bool ByteStream::holds(qint64 offset, qint64 length) const
{
    if (length <= 0)
        return offset >= begin() && offset <= m_end;
    qint64 at = offset;
    const qint64 stop = offset + length;
    qsizetype b = blockAt(at);
    while (b >= 0) {
        const Block &block = m_blocks[size_t(b)];
        at = block.offset + block.data.size();
        if (at >= stop)
            return true;
        ++b;
        if (size_t(b) >= m_blocks.size() || m_blocks[size_t(b)].offset != at)
            return false;
    }
    return false;
}

QByteArrayView ByteStream::bytes(qint64 offset, qint64 length, QByteArray &scratch) const
{
    if (length <= 0 || !holds(offset, length))
        return {};
    qsizetype b = blockAt(offset);
    const Block &first = m_blocks[size_t(b)];
    const qint64 inFirst = offset - first.offset;
    if (inFirst + length <= first.data.size())
        return QByteArrayView(first.data.constData() + inFirst, qsizetype(length));
    scratch.resize(qsizetype(length));
    qint64 done = 0;
    while (done < length) {
        const Block &block = m_blocks[size_t(b++)];
        const qint64 from = offset + done - block.offset;
        const qint64 n = std::min<qint64>(block.data.size() - from, length - done);
        std::memcpy(scratch.data() + done, block.data.constData() + from, size_t(n));
        done += n;
    }
    return QByteArrayView(scratch);
}

QByteArray ByteStream::copy(qint64 offset, qint64 length) const
{
    QByteArray scratch;
    const QByteArrayView view = bytes(offset, length, scratch);
    return view.data() == scratch.constData() ? scratch : view.toByteArray();
}

qsizetype ByteStream::chunkAt(qint64 offset) const
{
    auto it = std::upper_bound(m_chunks.begin(), m_chunks.end(), offset,
                               [](qint64 o, const Chunk &c) { return o < c.offset; });
    if (it == m_chunks.begin() || offset >= m_end)
        return -1;
    return qsizetype(it - m_chunks.begin()) - 1;
}

qint64 ByteStream::dropOldestBlock()
{
    if (m_blocks.size() < 2)
        return 0;
    const Block &oldest = m_blocks.front();
    const qint64 freed = oldest.data.size();
    markGone(oldest.offset + freed, Absence::Dropped);
    m_droppedBytes += freed;
    m_blocks.erase(m_blocks.begin());
    return freed;
}

qint64 ByteStream::release()
{
    qint64 freed = 0;
    for (const Block &block : m_blocks)
        freed += block.data.size();
    std::vector<Block>().swap(m_blocks);
    markGone(m_end, Absence::Released);
    return freed;
}

void ByteStream::markGone(qint64 end, Absence why)
{
    if (end <= goneEnd())
        return;
    if (!m_gone.empty() && m_gone.back().why == why)
        m_gone.back().end = end;
    else
        m_gone.push_back(Gone{end, why});
}

ByteStream::Absence ByteStream::absence(qint64 offset, qint64 length) const
{
    if (holds(offset, length))
        return Absence::None;
    // Both go from the front: a range whose first byte is gone says why that stretch went;
    // otherwise a byte of it was never seen.
    const auto it = std::upper_bound(m_gone.begin(), m_gone.end(), offset,
                                     [](qint64 o, const Gone &g) { return o < g.end; });
    return it != m_gone.end() ? it->why : Absence::NeverSeen;
}

const char *ByteStream::absenceId(Absence absence)
{
    switch (absence) {
    case Absence::None: return "held";
    case Absence::Dropped: return "dropped";
    case Absence::Released: return "released";
    case Absence::NeverSeen: return "not_captured";
    }
    return "";
}

qint64 ByteStream::oldestBlockOffset() const
{
    return m_blocks.empty() ? -1 : m_blocks.front().offset;
}

qint64 ByteStream::memoryUsed() const
{
    qint64 used = qint64(m_chunks.capacity() * sizeof(Chunk));
    for (const Block &block : m_blocks)
        used += block.data.capacity();
    return used;
}

} // namespace wirescope

#include "core/session/segmentpacker.h"

#include <algorithm>
#include <limits>

namespace wirescope {

namespace {

// Offsets and times a file may hold: far beyond any capture, far from overflowing when a
// size is added.
constexpr qint64 kLimit = qint64(1) << 62;

quint64 streamKey(quint32 connection, Direction direction)
{
    return (quint64(connection) << 1) | (direction == Direction::Out ? 1 : 0);
}

bool isDataOpcode(quint8 opcode)
{
    return opcode == 0x1 || opcode == 0x2;
}

// LEB128, as SQLite's own varints and protobuf: 7 bits a byte, low first.
void putVarint(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out.append(char(quint8(v) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

// Signed values as zigzag (0, -1, 1, -2, ...) so that small differences either way are short.
void putSigned(QByteArray &out, qint64 v)
{
    putVarint(out, (quint64(v) << 1) ^ quint64(v >> 63));
}

// Differences are taken modulo 2^64, so no value in a file can overflow the arithmetic.
qint64 minus(qint64 a, qint64 b)
{
    return qint64(quint64(a) - quint64(b));
}
qint64 plus(qint64 a, qint64 b)
{
    return qint64(quint64(a) + quint64(b));
}

class Reader
{
public:
    explicit Reader(QByteArrayView bytes)
        : m_bytes(bytes)
    {
    }
    bool atEnd() const { return m_at == m_bytes.size(); }
    bool ok() const { return m_ok; }

    quint64 varint()
    {
        quint64 v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_at >= m_bytes.size())
                break;
            const quint8 b = quint8(m_bytes[m_at++]);
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        m_ok = false;
        return 0;
    }
    qint64 signedVarint()
    {
        const quint64 v = varint();
        return qint64(v >> 1) ^ -qint64(v & 1);
    }
    quint8 byte()
    {
        if (m_at >= m_bytes.size()) {
            m_ok = false;
            return 0;
        }
        return quint8(m_bytes[m_at++]);
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_at = 0;
    bool m_ok = true;
};

} // namespace

void SegmentPacker::add(const RecordBatch &batch, qint64 firstRow)
{
    if (!m_started) {
        m_started = true;
        m_segment.firstRow = firstRow;
        m_segment.firstTNs = !batch.rows.empty() ? batch.rows.front().tNs
            : !batch.chunks.empty()              ? batch.chunks.front().tNs
                                                 : 0;
        m_lastRowT = m_lastChunkT = m_segment.firstTNs;
    }
    Q_ASSERT(firstRow == nextRow());
    for (const TimelineRow &r : batch.rows) {
        putSigned(m_segment.rows, minus(r.tNs, m_lastRowT));
        m_lastRowT = r.tNs;
        putVarint(m_segment.rows, r.connection);
        m_segment.rows.append(char(r.kind));
        m_segment.rows.append(char(r.flags));
        m_segment.rows.append(char(r.opcode));
        m_segment.rows.append(char(r.extra));
        const RowKind kind = r.rowKind();
        const bool inStream
            = kind == RowKind::Frame || kind == RowKind::Message || kind == RowKind::Violation;
        const quint64 key = streamKey(r.connection, r.direction());
        const qint64 predicted = inStream ? m_frameEnd.value(key, 0) : 0;
        putSigned(m_segment.rows, minus(r.offset, predicted));
        putVarint(m_segment.rows, r.size);
        putSigned(m_segment.rows, qint64(r.wireSize) - qint64(r.size) - qint64(r.extra));
        if (kind == RowKind::Frame) {
            m_frameEnd.insert(key, plus(r.offset, r.wireSize));
            ++m_segment.frames;
            if (isDataOpcode(r.opcode) && !r.has(TimelineRow::Fragment))
                ++m_segment.messages;
        } else if (kind == RowKind::Message) {
            ++m_segment.messages;
        }
        if (m_segment.rowCount == 0 && &r == &batch.rows.front())
            m_segment.minTNs = m_segment.maxTNs = r.tNs;
        m_segment.minTNs = std::min(m_segment.minTNs, r.tNs);
        m_segment.maxTNs = std::max(m_segment.maxTNs, r.tNs);
    }
    m_segment.rowCount += qint64(batch.rows.size());
    for (const RecordBatch::Chunk &c : batch.chunks) {
        putVarint(m_segment.chunks, streamKey(c.connection, c.direction));
        putSigned(m_segment.chunks, minus(c.tNs, m_lastChunkT));
        m_lastChunkT = c.tNs;
        const quint64 key = streamKey(c.connection, c.direction);
        putSigned(m_segment.chunks, minus(c.offset, m_streamEnd.value(key, 0)));
        putVarint(m_segment.chunks, quint64(c.length));
        m_streamEnd.insert(key, plus(c.offset, c.length));
        m_segment.bytes.append(batch.bytes.constData() + c.begin, c.length);
    }
    m_segment.chunkCount += qint64(batch.chunks.size());
}

PackedSegment SegmentPacker::take()
{
    PackedSegment out = std::move(m_segment);
    m_segment = PackedSegment {};
    m_segment.firstRow = out.firstRow + out.rowCount;
    m_started = false;
    m_frameEnd.clear();
    m_streamEnd.clear();
    return out;
}

bool SegmentPacker::unpack(const PackedSegment &segment, RecordBatch *batch, QString *error)
{
    auto fail = [error](const char *what) {
        *error = QString::fromLatin1(what);
        return false;
    };
    if (segment.rowCount < 0 || segment.chunkCount < 0 || segment.rowCount > segment.rows.size()
        || segment.chunkCount > segment.chunks.size())
        return fail("segment counts do not fit its blobs");
    QHash<quint64, qint64> frameEnd;
    QHash<quint64, qint64> streamEnd;
    Reader rows(segment.rows);
    qint64 t = segment.firstTNs;
    batch->rows.reserve(size_t(segment.rowCount));
    for (qint64 i = 0; i < segment.rowCount; ++i) {
        TimelineRow r;
        t = plus(t, rows.signedVarint());
        r.tNs = t;
        const quint64 connection = rows.varint();
        r.kind = rows.byte();
        r.flags = rows.byte();
        r.opcode = rows.byte();
        r.extra = rows.byte();
        if (connection > std::numeric_limits<quint32>::max() || r.kind > quint8(RowKind::Exchange))
            return fail("a row names no valid connection or kind");
        r.connection = quint32(connection);
        const RowKind kind = r.rowKind();
        const bool inStream
            = kind == RowKind::Frame || kind == RowKind::Message || kind == RowKind::Violation;
        const quint64 key = streamKey(r.connection, r.direction());
        r.offset = plus(inStream ? frameEnd.value(key, 0) : 0, rows.signedVarint());
        const quint64 size = rows.varint();
        const qint64 wire = plus(plus(rows.signedVarint(), qint64(size)), r.extra);
        if (!rows.ok() || size > std::numeric_limits<quint32>::max() || wire < 0
            || wire > std::numeric_limits<quint32>::max() || r.offset < -1 || r.offset > kLimit || t < -kLimit
            || t > kLimit)
            return fail("a packed row is out of range");
        r.size = quint32(size);
        r.wireSize = quint32(wire);
        if (kind == RowKind::Frame)
            frameEnd.insert(key, r.offset + r.wireSize);
        batch->rows.push_back(r);
    }
    if (!rows.atEnd())
        return fail("bytes after the last packed row");
    Reader chunks(segment.chunks);
    t = segment.firstTNs;
    qint64 begin = 0;
    batch->chunks.reserve(size_t(segment.chunkCount));
    for (qint64 i = 0; i < segment.chunkCount; ++i) {
        RecordBatch::Chunk c;
        const quint64 key = chunks.varint();
        t = plus(t, chunks.signedVarint());
        c.tNs = t;
        c.offset = plus(streamEnd.value(key, 0), chunks.signedVarint());
        const quint64 length = chunks.varint();
        if (!chunks.ok() || (key >> 1) > std::numeric_limits<quint32>::max() || c.offset < 0
            || c.offset > kLimit || length > quint64(segment.bytes.size() - begin))
            return fail("a packed chunk is out of range");
        c.connection = quint32(key >> 1);
        c.direction = key & 1 ? Direction::Out : Direction::In;
        c.begin = begin;
        c.length = qsizetype(length);
        begin += c.length;
        streamEnd.insert(key, c.offset + c.length);
        batch->chunks.push_back(c);
    }
    if (!chunks.atEnd() || begin != segment.bytes.size())
        return fail("the chunks do not account for the segment's bytes");
    batch->bytes = segment.bytes;
    return true;
}

} // namespace wirescope

#pragma once

#include "core/session/recordbatch.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace wirescope {

// A run of consecutive timeline rows and the chunks recorded with them, packed for one row
// of the session file's `segments` table (docs/session-schema.md, "Packed rows and chunks").
struct PackedSegment {
    qint64 firstRow = 0;
    qint64 rowCount = 0;
    qint64 firstTNs = 0; // deltas start here
    qint64 minTNs = 0; // of the rows (0 without rows)
    qint64 maxTNs = 0;
    qint64 chunkCount = 0;
    qint64 frames = 0; // Frame rows
    qint64 messages = 0; // data messages: one-frame data frames and Message rows
    QByteArray rows; // varint-packed rows
    QByteArray chunks; // varint-packed chunk descriptions
    QByteArray bytes; // the chunks' bytes, back to back
};

// Packs what the Recorder applied into segments, and unpacks them again. A row costs about
// 10 bytes and a chunk about 5 plus its bytes, where a table row of their own cost more than
// 30 each (measured, docs/session-schema.md): times are deltas, stream offsets are told as
// the difference from where the previous frame (chunk) of that direction ended, so the usual
// case is one byte.
class SegmentPacker
{
public:
    // Appends a batch's rows and chunks; `firstRow` is the timeline index of its first row.
    void add(const RecordBatch &batch, qint64 firstRow);
    bool isEmpty() const { return m_segment.rowCount == 0 && m_segment.chunkCount == 0; }
    qint64 nextRow() const { return m_segment.firstRow + m_segment.rowCount; }
    qint64 rowCount() const { return m_segment.rowCount; }
    qsizetype packedSize() const
    {
        return m_segment.rows.size() + m_segment.chunks.size() + m_segment.bytes.size();
    }
    // The segment so far; the packer starts a new one after it.
    PackedSegment take();

    // The rows, chunks and bytes of a segment as a batch (details are the caller's). False
    // with *error when the blobs do not decode to exactly what the counts say.
    static bool unpack(const PackedSegment &segment, RecordBatch *batch, QString *error);

private:
    PackedSegment m_segment;
    bool m_started = false;
    qint64 m_lastRowT = 0;
    qint64 m_lastChunkT = 0;
    QHash<quint64, qint64> m_frameEnd; // by stream key: where the last frame row ended
    QHash<quint64, qint64> m_streamEnd; // by stream key: where the last chunk ended
};

} // namespace wirescope

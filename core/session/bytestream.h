#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace wirescope {

// Every byte of one direction of one connection, in the order it crossed the socket, with
// the time of each chunk (one read or one write). Records point into it by stream offset,
// so a frame's header, its payload and the raw view are the same bytes, kept once.
//
// Bytes live in blocks that grow from 4 KiB to 1 MiB; a chunk never straddles two blocks,
// so whatever lies inside one chunk (or consecutive chunks of one block) is contiguous.
// The oldest blocks can be dropped to stay within a memory budget, or all of them released
// (the log that showed them was cleared or closed): what pointed into them is then reported
// as dropped or released, never as bytes of something else. The chunks (times and offsets)
// stay.
class ByteStream
{
public:
    struct Chunk {
        qint64 tNs = 0;
        qint64 offset = 0; // its length runs to the next chunk's offset (or the stream's end)
    };
    // Why the bytes of a range are there or not.
    enum class Absence : quint8 {
        None,      // held
        Dropped,   // the memory budget dropped the block holding its first byte
        Released,  // released with the whole stream (release())
        NeverSeen, // a gap, or past end()
    };

    // Appends a chunk at `offset`, normally end(). Past end() leaves a gap of bytes never
    // seen (not held); bytes before end() were already appended and are skipped. Returns
    // how many bytes it kept.
    qint64 append(qint64 tNs, qint64 offset, QByteArrayView bytes);

    qint64 begin() const; // the first offset still held
    qint64 end() const { return m_end; }
    bool holds(qint64 offset, qint64 length) const;
    // The bytes [offset, offset + length): a view into the store when they lie in one block,
    // else assembled in `scratch`. Empty when any of them is not held (dropped or never seen).
    QByteArrayView bytes(qint64 offset, qint64 length, QByteArray &scratch) const;
    QByteArray copy(qint64 offset, qint64 length) const;

    const std::vector<Chunk> &chunks() const { return m_chunks; }
    // Index of the chunk holding `offset`, -1 when none.
    qsizetype chunkAt(qint64 offset) const;

    // Drops the oldest block; returns how many stream bytes it held (0 when there is at most
    // one block: the block being written is never dropped).
    qint64 dropOldestBlock();
    // Drops every block, the one being written too (later bytes start a new one); returns
    // how many stream bytes they held.
    qint64 release();
    // From now on keeps only the chunks' times and offsets, not their bytes (reported as
    // released): nobody will look at them again.
    void discardLaterBytes() { m_discarding = true; }
    // Stream bytes before this offset are gone (dropped or released; 0: none).
    qint64 goneEnd() const { return m_gone.empty() ? 0 : m_gone.back().end; }
    qint64 droppedBytes() const { return m_droppedBytes; }
    Absence absence(qint64 offset, qint64 length) const;
    // A stable English id for exports: "held", "dropped" (memory budget), "released",
    // "not_captured".
    static const char *absenceId(Absence absence);
    qsizetype blockCount() const { return qsizetype(m_blocks.size()); }
    qint64 oldestBlockOffset() const;
    qint64 memoryUsed() const;

private:
    struct Block {
        qint64 offset = 0;
        QByteArray data; // its capacity is the block size; size() grows with each chunk
    };
    qsizetype blockAt(qint64 offset) const;

    std::vector<Block> m_blocks;
    std::vector<Chunk> m_chunks;
    qint64 m_end = 0;
    // What went, from the front: each stretch runs from the previous one's end to its own.
    struct Gone {
        qint64 end = 0;
        Absence why = Absence::Dropped;
    };
    void markGone(qint64 end, Absence why);
    std::vector<Gone> m_gone;
    qint64 m_droppedBytes = 0;
    bool m_discarding = false;
};

} // namespace wirescope

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
// The oldest blocks can be dropped to stay within a memory budget: what pointed into
// them is then reported as no longer held.
class ByteStream
{
public:
    struct Chunk {
        qint64 tNs = 0;
        qint64 offset = 0; // its length runs to the next chunk's offset (or the stream's end)
    };

    // Appends a chunk at `offset`, normally end(). Past end() leaves a gap of bytes never
    // seen (not held); bytes before end() were already appended and are skipped.
    void append(qint64 tNs, qint64 offset, QByteArrayView bytes);

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
};

} // namespace wirescope

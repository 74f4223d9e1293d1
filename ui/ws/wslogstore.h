#pragma once

#include "core/wire/direction.h"
#include "core/wire/violation.h"
#include "core/wire/wsframe.h"

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace wirescope {

// What a log row stands for.
enum class WsLogKind : quint8 {
    Message,   // an assembled data message (text/binary), possibly from several frames
    Control,   // a ping, pong or close frame
    Violation, // a protocol violation reported by the engine
    Event,     // connection life: opened, handshake done, closed, error
};

// One row, kept compact (32 bytes) so a million messages stay cheap: display strings are
// computed on demand from the stored bytes. (DESIGN.md: compact records, no widget per row.)
// A single-frame, uncompressed message or control frame keeps its raw header bytes right
// before its payload, so the frame inspector can rebuild the exact frame for any row.
struct WsLogRecord {
    qint64 tNs = 0;           // session clock, nanoseconds
    quint64 dataOffset = 0;   // where the row's bytes (header, then payload) start in the store
    quint32 dataLength = 0;   // stored payload bytes (less than size when truncated)
    quint32 size = 0;         // payload size of the message / frame (inflated)
    quint32 wireSize = 0;     // payload bytes on the wire (compressed size when deflated)
    quint8 headerLength = 0;  // raw frame header bytes stored before the payload (0: none)
    quint8 frameCount = 0;    // frames that carried the message (saturates at 255)
    quint8 opcode = 0;        // RFC 6455 §5.2 opcode of the (first) frame
    quint8 bits = 0;          // WsLogRecord::Bit flags, kind in the top two bits

    enum Bit : quint8 {
        Outgoing = 0x01,
        Compressed = 0x02,
        Truncated = 0x04,
        HasViolation = 0x08, // the message itself broke a rule (a Violation row follows)
        Crafted = 0x10,      // sent from the craft mode
        SideFrames = 0x20,   // the frames are kept whole in a side table
    };
    void setKind(WsLogKind kind) { bits = quint8((bits & 0x3f) | (quint8(kind) << 6)); }
    WsLogKind kind() const { return WsLogKind(bits >> 6); }
    Direction direction() const { return bits & Outgoing ? Direction::Out : Direction::In; }
    bool has(Bit bit) const { return bits & bit; }
};
static_assert(sizeof(WsLogRecord) == 32, "log rows must stay compact");

// Append-only store of log rows and their bytes in 1 MiB blocks (no per-row allocation).
// Detail that only a few rows have (violations, event text, multi-frame or compressed
// messages' frames) lives in side tables.
class WsLogStore
{
public:
    // Payload bytes kept per row; what is longer is cut and marked Truncated.
    static constexpr quint32 kMaxStoredPayload = 64 * 1024;
    // Whole frames kept in the side table, summed over the log; past it only the payload stays.
    static constexpr qint64 kMaxSideFrameBytes = 256ll * 1024 * 1024;

    WsLogStore();

    const WsLogRecord &at(qsizetype row) const { return m_records[size_t(row)]; }
    qsizetype size() const { return qsizetype(m_records.size()); }
    void clear();

    // Appends a row: `header` (raw frame header bytes, may be empty) then `payload`, the
    // payload copied up to kMaxStoredPayload.
    qsizetype append(WsLogRecord record, QByteArrayView header, QByteArrayView payload);
    QByteArrayView payload(qsizetype row) const;
    QByteArrayView headerBytes(qsizetype row) const;

    // Side tables indexed by row; rows are appended in order so each table stays sorted.
    void setViolation(qsizetype row, const Violation &violation);
    const Violation *violation(qsizetype row) const;
    void setNote(qsizetype row, const QString &text);
    QString note(qsizetype row) const;
    // Returns false (and keeps nothing) past kMaxSideFrameBytes.
    bool setFrames(qsizetype row, const std::vector<WsFrame> &frames);
    const std::vector<WsFrame> *sideFrames(qsizetype row) const;

    // Bytes held by the rows and their payloads (what the benchmark reports per row).
    qint64 memoryUsed() const;

private:
    static constexpr quint32 kBlockSize = 1024 * 1024;
    std::vector<WsLogRecord> m_records;
    std::vector<QByteArray> m_blocks;
    std::vector<std::pair<qsizetype, Violation>> m_violations;
    std::vector<std::pair<qsizetype, QString>> m_notes;
    std::vector<std::pair<qsizetype, std::vector<WsFrame>>> m_frames;
    qint64 m_sideFrameBytes = 0;
};

} // namespace wirescope

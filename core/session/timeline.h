#pragma once

#include "core/session/bytestream.h"
#include "core/session/pagedrows.h"
#include "core/session/recordbatch.h"
#include "core/wire/wsclosecode.h"
#include "core/wire/wsframe.h"

#include <QHash>
#include <QList>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

namespace wirescope {

// One connection as the timeline knows it: what it was opened as, its handshake and close,
// and every byte each way.
struct TimelineConnection {
    quint32 id = 0;
    ConnectionProtocol protocol = ConnectionProtocol::WebSocket;
    QString label;
    WsConnectOptions wsOptions;
    qint64 openedNs = -1;
    qint64 closedNs = -1;
    std::shared_ptr<const WsHandshakeRecord> handshake;
    std::shared_ptr<const WsCloseRecord> close;
    ByteStream streams[2];              // by Direction: In, Out
    std::vector<quint32> frameRows[2];  // frame rows by direction, in stream order
    // Rows whose payload is kept beside the stream (inflated), in stream order by direction;
    // those before keptGone[d] went with the stream bytes they were inflated from.
    std::vector<quint32> keptRows[2];
    size_t keptGone[2] = {0, 0};
    bool released = false;  // its bytes were released at least once (Timeline::releaseConnection)
    bool discarded = false; // keeps no more bytes (Timeline::discardConnection)
    quint64 frameCount[2] = {0, 0};
    quint64 messageCount[2] = {0, 0};   // data messages (one-frame or assembled)
    qint64 payloadBytes[2] = {0, 0};    // application data of those messages
    qsizetype firstRow = -1;
    qsizetype lastRow = -1;

    const ByteStream &stream(Direction d) const { return streams[d == Direction::In ? 0 : 1]; }
};

// Everything that crossed the wire in one session, HTTP and WebSocket, on one clock, in the
// order the Recorder received it (each connection's rows are in its own order). Append
// only: reconnecting adds a connection, it never wipes one. Rows are compact; the bytes
// live once, in each connection's streams, and frames, payloads and close codes are decoded
// from them on demand by core/wire. Only the Recorder appends; read it on its thread.
class Timeline
{
public:
    Timeline();

    qsizetype rowCount() const { return m_rows.size(); }
    const TimelineRow &row(qsizetype row) const { return m_rows[row]; }

    const TimelineConnection *connection(quint32 id) const;
    QList<quint32> connectionIds() const;

    // Side tables: null / empty / -1 when the row has none.
    const Violation *violation(qsizetype row) const;
    const Failure *failure(qsizetype row) const;
    QString note(qsizetype row) const;
    qint64 roundTripNs(qsizetype row) const;
    std::shared_ptr<const HttpExchangeRecord> exchange(qsizetype row) const;
    // The frame or message row a violation row belongs to (the frame holding its offset, or
    // the message of that frame), -1 when it is not tied to a frame.
    qsizetype violationTarget(qsizetype violationRow) const;
    // The frame row of `connection` holding stream offset `offset` in direction `d`, -1 if none.
    qsizetype frameRowAt(quint32 connection, Direction direction, qint64 offset) const;

    // Bytes, decoded on demand. Empty when the bytes are no longer held (byte budget, or
    // released): absence() says which, so a reader shows that instead of inventing bytes.
    bool bytesHeld(qsizetype row) const;
    ByteStream::Absence absence(qsizetype row) const;
    QByteArray wireBytes(qsizetype row) const;           // a frame's header + payload as sent
    std::optional<WsFrame> frame(qsizetype row) const;   // a Frame row, decoded again
    std::vector<WsFrame> framesOf(qsizetype row) const;  // a Message's frames, or the Frame itself
    // The application data of a Frame or Message row: unmasked, reassembled, inflated; at most
    // maxBytes (-1: all). A view into the store when possible, else built in `scratch`.
    QByteArrayView payload(qsizetype row, QByteArray &scratch, qsizetype maxBytes = -1) const;
    QByteArray payload(qsizetype row, qsizetype maxBytes = -1) const;
    WsClosePayload closePayload(qsizetype row) const;    // a close frame's code and reason
    // The ping frame a pong row answered (the engine measured its round trip: the latest ping
    // we sent with the same payload, RFC 6455 §5.5.3), and back; -1 when none.
    qsizetype pingOf(qsizetype pongRow) const;
    qsizetype pongOf(qsizetype pingRow) const;

    // Payload bytes (the streams and the inflated payloads beside them) kept at most this
    // many: the oldest blocks of any connection go first, with what was inflated from them;
    // rows, sizes and times stay. 0: no limit.
    void setByteBudget(qint64 bytes);
    qint64 byteBudget() const { return m_byteBudget; }
    qint64 bytesHeld() const { return m_bytesHeld; }
    qint64 bytesDropped() const { return m_bytesDropped; }   // by the budget, so far
    qint64 bytesReleased() const { return m_bytesReleased; } // by releaseConnection(), so far
    // Frees every byte of connection `id` recorded so far (its log was cleared); its rows
    // stay and report their bytes as released. Later bytes are kept again.
    void releaseConnection(quint32 id);
    // The same, and keeps none of its later bytes either (its tab was closed: the last
    // ones may still be on their way).
    void discardConnection(quint32 id);
    qint64 memoryUsed() const;

    // The Recorder's entry point.
    void apply(RecordBatch &&batch);

private:
    template<typename T>
    struct SideTable {
        std::vector<std::pair<quint32, T>> entries; // by row, appended in order
        const T *find(qsizetype row) const { return const_cast<SideTable *>(this)->find(row); }
        T *find(qsizetype row)
        {
            auto it = std::lower_bound(entries.begin(), entries.end(), quint32(row),
                                       [](const std::pair<quint32, T> &e, quint32 r) { return e.first < r; });
            return it != entries.end() && it->first == quint32(row) ? &it->second : nullptr;
        }
    };
    struct PendingViolation {
        quint32 connection;
        Direction direction;
        qint64 offset;
    };

    TimelineConnection &connectionFor(quint32 id);
    void applyRow(const TimelineRow &row, quint32 index);
    void markViolation(quint32 violationRow);
    void enforceBudget();
    QByteArray *keptPayload(qsizetype row);
    // A payload kept beside the stream (inflated) for row `index` of direction d.
    void keep(TimelineConnection &c, int d, quint32 index, QByteArray &payload);
    // Frees the kept payloads of direction d whose frames' bytes are gone; returns how many bytes.
    qint64 freeKept(TimelineConnection &c, int d);
    void pairPong(const TimelineConnection &c, quint32 pongRow);
    QByteArrayView framePayload(const TimelineConnection &c, const TimelineRow &r, QByteArray &scratch,
                                qsizetype maxBytes) const;

    PagedRows m_rows;
    std::vector<std::unique_ptr<TimelineConnection>> m_connections; // by id - 1 (ids are dense)
    SideTable<Violation> m_violations;
    SideTable<Failure> m_failures;
    SideTable<QString> m_notes;
    SideTable<RecordBatch::MessageDetail> m_messages;
    SideTable<QByteArray> m_inflated;
    SideTable<qint64> m_roundTrips;
    SideTable<std::shared_ptr<const HttpExchangeRecord>> m_exchanges;
    std::vector<PendingViolation> m_pendingViolations; // reported before their frame arrived
    QHash<quint32, quint32> m_pingOfPong;
    QHash<quint32, quint32> m_pongOfPing;
    qint64 m_byteBudget = 0;
    qint64 m_bytesHeld = 0;
    qint64 m_bytesDropped = 0;
    qint64 m_bytesReleased = 0;
};

} // namespace wirescope

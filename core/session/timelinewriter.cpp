#include "core/session/timelinewriter.h"

#include "core/session/recorder.h"

#include <QMetaObject>

#include <limits>

namespace wirescope {

namespace {

quint32 saturated(qint64 value)
{
    return quint32(std::clamp<qint64>(value, 0, std::numeric_limits<quint32>::max()));
}

int dirIndex(Direction d)
{
    return d == Direction::In ? 0 : 1;
}

} // namespace

TimelineWriter::TimelineWriter(Recorder *recorder, QObject *context)
    : m_recorder(recorder)
    , m_context(context)
{
}

TimelineWriter::~TimelineWriter()
{
    flush();
}

TimelineRow &TimelineWriter::addRow(quint32 connection, qint64 tNs, RowKind kind, Direction direction)
{
    TimelineRow row;
    row.tNs = tNs;
    row.connection = connection;
    row.kind = quint8(kind);
    if (direction == Direction::Out)
        row.flags |= TimelineRow::Outgoing;
    m_batch.rows.push_back(row);
    scheduleFlush();
    return m_batch.rows.back();
}

TimelineWriter::Turn::Turn(TimelineWriter *writer)
    : m_writer(writer)
{
    if (m_writer)
        ++m_writer->m_turnDepth;
}

TimelineWriter::Turn::~Turn()
{
    if (!m_writer || --m_writer->m_turnDepth > 0)
        return;
    m_writer->m_lastFrame[0] = m_writer->m_lastFrame[1] = -1;
    if (!m_writer->m_batch.isEmpty() && m_writer->m_recorder)
        m_writer->m_recorder->submitAtEndOfTurn(m_writer->takeBatch());
}

void TimelineWriter::scheduleFlush()
{
    if (m_turnDepth > 0 || m_flushPosted || !m_context)
        return;
    m_flushPosted = true;
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_flushPosted = false;
            flush();
        },
        Qt::QueuedConnection);
}

void TimelineWriter::flush()
{
    m_lastFrame[0] = m_lastFrame[1] = -1;
    if (m_batch.isEmpty() || !m_recorder)
        return;
    m_recorder->submit(takeBatch());
}

// The next batch starts with room for as many rows and chunks as this one: a steady stream
// fills its batches without regrowing them.
RecordBatch TimelineWriter::takeBatch()
{
    RecordBatch batch = std::move(m_batch);
    m_batch = RecordBatch();
    m_batch.rows.reserve(batch.rows.size());
    m_batch.chunks.reserve(batch.chunks.size());
    return batch;
}

void TimelineWriter::opening(quint32 connection, qint64 tNs, const ConnectionOpening &opening)
{
    TimelineRow &row = addRow(connection, tNs, RowKind::Event, Direction::Out);
    row.extra = quint8(EventType::Opening);
    m_batch.openings.push_back({lastRow(), opening});
}

void TimelineWriter::chunk(quint32 connection, const CapturedChunk &chunk)
{
    if (chunk.bytes.isEmpty())
        return;
    m_batch.chunks.push_back(RecordBatch::Chunk{connection, chunk.direction, chunk.tNs, chunk.streamOffset,
                                                m_batch.bytes.size(), chunk.bytes.size()});
    m_batch.bytes.append(chunk.bytes);
    scheduleFlush();
}

void TimelineWriter::wsHandshake(quint32 connection, const WsHandshakeRecord &record)
{
    TimelineRow &row = addRow(connection, record.timings.lastByteNs, RowKind::Event, Direction::In);
    row.extra = quint8(EventType::Handshake);
    m_batch.handshakes.push_back({lastRow(), std::make_shared<const WsHandshakeRecord>(record)});
}

void TimelineWriter::wsFrame(quint32 connection, const WsFrameEvent &event)
{
    const WsFrameHeader &h = event.frame.header;
    TimelineRow &row = addRow(connection, event.tNs, RowKind::Frame, event.direction);
    row.offset = event.frame.streamOffset;
    row.wireSize = saturated(h.headerSize + qint64(std::min<quint64>(h.payloadLength, quint64(1) << 40)));
    row.size = saturated(qint64(std::min<quint64>(h.payloadLength, quint64(1) << 40)));
    row.opcode = quint8(h.opcode);
    row.extra = quint8(h.headerSize);
    // RFC 6455 §5.4: a data frame without FIN, or a continuation, is part of a longer message.
    if (!h.isControl() && !wsIsReserved(h.opcode) && (!h.fin || h.opcode == WsOpcode::Continuation))
        row.flags |= TimelineRow::Fragment;
    if (event.frame.payloadDiscarded)
        row.flags |= TimelineRow::Truncated;
    if (event.crafted)
        row.flags |= TimelineRow::Crafted;
    m_lastFrame[dirIndex(event.direction)] = qsizetype(lastRow());
}

void TimelineWriter::wsMessage(quint32 connection, const WsMessageEvent &event)
{
    const WsMessage &m = event.message;
    const int d = dirIndex(event.direction);
    quint8 flags = 0;
    if (m.compressed)
        flags |= TimelineRow::Compressed;
    if (m.truncated)
        flags |= TimelineRow::Truncated;
    if (!m.utf8Valid)
        flags |= TimelineRow::Utf8Invalid;
    QByteArray kept;
    if (m.compressed) {
        kept = m.payload.left(kMaxKeptPayload);
        if (kept.size() < m.payload.size())
            flags |= TimelineRow::Truncated;
    }
    const qsizetype last = m_lastFrame[d];
    TimelineRow *lastFrame = last >= 0 && m_batch.rows[size_t(last)].connection == connection
                                 && m_batch.rows[size_t(last)].offset == m.lastFrameOffset
                             ? &m_batch.rows[size_t(last)]
                             : nullptr;
    if (m.frameCount == 1 && lastFrame) {
        // A message in one frame is that frame's row.
        lastFrame->size = saturated(m.size);
        lastFrame->flags |= flags;
        if (m.compressed)
            m_batch.inflated.push_back({size_t(last), std::move(kept)});
        return;
    }
    const qint64 wireEnd = lastFrame ? lastFrame->offset + lastFrame->wireSize : m.firstFrameOffset + m.wireSize;
    TimelineRow &row = addRow(connection, event.tNs, RowKind::Message, event.direction);
    row.offset = m.firstFrameOffset;
    row.size = saturated(m.size);
    row.wireSize = saturated(wireEnd - m.firstFrameOffset);
    row.opcode = quint8(m.type == WsMessageType::Binary ? WsOpcode::Binary : WsOpcode::Text);
    row.extra = quint8(std::min(m.frameCount, 255));
    row.flags |= flags;
    m_batch.messages.push_back({lastRow(), RecordBatch::MessageDetail{m.lastFrameOffset, std::move(kept)}});
}

void TimelineWriter::wsPong(quint32 connection, const WsPongEvent &event)
{
    const qsizetype last = m_lastFrame[dirIndex(Direction::In)];
    if (event.rttNs < 0 || last < 0)
        return;
    const TimelineRow &row = m_batch.rows[size_t(last)];
    if (row.connection == connection && row.opcode == quint8(WsOpcode::Pong))
        m_batch.roundTrips.push_back({size_t(last), event.rttNs});
}

void TimelineWriter::wsClosed(quint32 connection, const WsCloseRecord &record)
{
    TimelineRow &row = addRow(connection, record.tNs, RowKind::Event, Direction::In);
    row.extra = quint8(EventType::Closed);
    m_batch.closes.push_back({lastRow(), std::make_shared<const WsCloseRecord>(record)});
}

void TimelineWriter::violation(quint32 connection, qint64 tNs, Direction direction, const Violation &violation)
{
    TimelineRow &row = addRow(connection, tNs, RowKind::Violation, direction);
    row.offset = violation.offset;
    row.wireSize = saturated(violation.length);
    m_batch.violations.push_back({lastRow(), violation});
}

void TimelineWriter::failure(quint32 connection, qint64 tNs, const Failure &failure)
{
    TimelineRow &row = addRow(connection, tNs, RowKind::Event, Direction::In);
    row.extra = quint8(EventType::Failure);
    m_batch.failures.push_back({lastRow(), failure});
}

void TimelineWriter::note(quint32 connection, qint64 tNs, const QString &text)
{
    TimelineRow &row = addRow(connection, tNs, RowKind::Event, Direction::Out);
    row.extra = quint8(EventType::Note);
    m_batch.notes.push_back({lastRow(), text});
}

void TimelineWriter::httpExchange(quint32 connection, const HttpExchangeRecord &record)
{
    TimelineRow &row = addRow(connection, record.startNs, RowKind::Exchange, Direction::Out);
    if (const HttpHop *hop = record.finalHop()) {
        row.size = saturated(hop->response.decodedBody.size());
        row.wireSize = saturated(hop->responseBytes.size());
    }
    row.extra = quint8(std::min<qsizetype>(record.hops.size(), 255));
    m_batch.exchanges.push_back({lastRow(), std::make_shared<const HttpExchangeRecord>(record)});
}

} // namespace wirescope

#include "core/session/wsjsonlines.h"

#include "core/session/timeline.h"

namespace wirescope {

namespace {

WsMessage messageOf(const Timeline &timeline, qsizetype index, qsizetype maxPayload)
{
    const TimelineRow &r = timeline.row(index);
    WsMessage m;
    m.type = WsOpcode(r.opcode) == WsOpcode::Binary ? WsMessageType::Binary : WsMessageType::Text;
    // One byte more than is printed tells the encoder the payload was cut.
    m.payload = timeline.payload(index, maxPayload + 1);
    m.compressed = r.has(TimelineRow::Compressed);
    m.truncated = r.has(TimelineRow::Truncated);
    m.utf8Valid = !r.has(TimelineRow::Utf8Invalid);
    m.size = r.size;
    m.firstFrameOffset = r.offset;
    if (r.rowKind() == RowKind::Frame) {
        m.frameCount = 1;
        m.wireSize = qint64(r.wireSize) - r.extra;
    } else {
        const std::vector<WsFrame> frames = timeline.framesOf(index);
        m.frameCount = int(frames.size());
        for (const WsFrame &f : frames)
            m.wireSize += qint64(f.header.payloadLength);
    }
    return m;
}

// A message whose bytes the session no longer held when it was printed (a single read
// larger than the memory budget) says so instead of printing an empty payload.
QJsonObject withAbsence(QJsonObject line, const Timeline &timeline, qsizetype index)
{
    const ByteStream::Absence gone = timeline.absence(index);
    if (gone != ByteStream::Absence::None) {
        line[u"truncated"] = true;
        line[u"payload_gone"] = QString::fromLatin1(ByteStream::absenceId(gone));
    }
    return line;
}

bool isDataFrame(const TimelineRow &r)
{
    return WsOpcode(r.opcode) == WsOpcode::Text || WsOpcode(r.opcode) == WsOpcode::Binary;
}

} // namespace

WsJsonLines::WsJsonLines(const WsJsonOptions &options, bool printFrames)
    : m_options(options)
    , m_printFrames(printFrames)
{
}

QList<QJsonObject> WsJsonLines::linesFor(const Timeline &timeline, qsizetype index)
{
    QList<QJsonObject> lines;
    const TimelineRow &r = timeline.row(index);
    const TimelineConnection *c = timeline.connection(r.connection);
    switch (r.rowKind()) {
    case RowKind::Frame: {
        const quint64 frameIndex = m_frameIndex[r.connection]++;
        if (m_printFrames) {
            if (std::optional<WsFrame> frame = timeline.frame(index)) {
                frame->payloadDiscarded = r.has(TimelineRow::Truncated);
                lines << wsFrameToJson(WsFrameEvent{r.tNs, r.direction(), frameIndex, std::move(*frame),
                                                    r.has(TimelineRow::Crafted)},
                                       m_options);
            }
        }
        if (isDataFrame(r) && !r.has(TimelineRow::Fragment))
            lines << withAbsence(wsMessageToJson(WsMessageEvent{r.tNs, r.direction(),
                                                                messageOf(timeline, index, m_options.maxPayloadBytes)},
                                                 m_options),
                                 timeline, index);
        if (WsOpcode(r.opcode) == WsOpcode::Pong && r.direction() == Direction::In)
            lines << wsPongToJson(WsPongEvent{r.tNs, timeline.payload(index), timeline.roundTripNs(index)});
        break;
    }
    case RowKind::Message:
        lines << withAbsence(wsMessageToJson(WsMessageEvent{r.tNs, r.direction(),
                                                            messageOf(timeline, index, m_options.maxPayloadBytes)},
                                             m_options),
                             timeline, index);
        break;
    case RowKind::Violation:
        if (const Violation *v = timeline.violation(index))
            lines << wsViolationToJson(WsViolationEvent{r.tNs, r.direction(), *v});
        break;
    case RowKind::Event:
        switch (r.eventType()) {
        case EventType::Handshake:
            if (c && c->handshake)
                lines << wsHandshakeToJson(*c->handshake, m_options);
            break;
        case EventType::Failure:
            if (const Failure *f = timeline.failure(index))
                lines << wsErrorToJson(WsErrorEvent{r.tNs, *f});
            break;
        case EventType::Closed:
            if (c && c->close)
                lines << wsCloseToJson(*c->close);
            break;
        case EventType::Opening:
        case EventType::Note:
            break;
        }
        break;
    case RowKind::Exchange:
        break;
    }
    return lines;
}

} // namespace wirescope

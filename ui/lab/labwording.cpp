#include "ui/lab/labwording.h"

#include "ui/common/units.h"

#include <QJsonObject>
#include <QStringList>

#include <cmath>

namespace wirescope {

QString LabWording::transportName(LabTransport transport)
{
    switch (transport) {
    case LabTransport::Poll: return tr("Polling (new connection)");
    case LabTransport::KeepAlive: return tr("Polling (keep-alive)");
    case LabTransport::LongPoll: return tr("Long-polling");
    case LabTransport::Sse: return tr("Server-sent events");
    case LabTransport::Stream: return tr("Chunked stream");
    case LabTransport::WebSocket: return tr("WebSocket");
    case LabTransport::WebSocketDeflate: return tr("WebSocket + deflate");
    }
    return {};
}

QString LabWording::transportShortName(LabTransport transport)
{
    switch (transport) {
    case LabTransport::Poll: return tr("poll");
    case LabTransport::KeepAlive: return tr("keep-alive");
    case LabTransport::LongPoll: return tr("long-poll");
    case LabTransport::Sse: return tr("SSE");
    case LabTransport::Stream: return tr("stream");
    case LabTransport::WebSocket: return tr("WS");
    case LabTransport::WebSocketDeflate: return tr("WS deflate");
    }
    return {};
}

QString LabWording::transportToolTip(LabTransport transport)
{
    switch (transport) {
    case LabTransport::Poll:
        return tr("GET /lab/poll every poll interval, each request on a new TCP connection (Connection: close)");
    case LabTransport::KeepAlive: return tr("GET /lab/poll every poll interval over one keep-alive connection");
    case LabTransport::LongPoll: return tr("GET /lab/longpoll: the server holds each request until there is news");
    case LabTransport::Sse: return tr("GET /lab/sse: one text/event-stream response, an event per message");
    case LabTransport::Stream: return tr("GET /lab/stream: one chunked response, a line of NDJSON per message");
    case LabTransport::WebSocket: return tr("WebSocket /lab/ws: a text frame per message");
    case LabTransport::WebSocketDeflate:
        return tr("WebSocket /lab/ws with permessage-deflate (RFC 7692): compressed frames");
    }
    return {};
}

QString LabWording::workloadName(LabWorkload workload)
{
    switch (workload) {
    case LabWorkload::Push: return tr("Server push");
    case LabWorkload::Echo: return tr("Request/response (echo)");
    case LabWorkload::Chat: return tr("Chat (both ways)");
    }
    return {};
}

QString LabWording::payloadName(LabPayloadKind payload)
{
    switch (payload) {
    case LabPayloadKind::Json: return tr("JSON");
    case LabPayloadKind::Text: return tr("Text");
    case LabPayloadKind::Random: return tr("Random (incompressible)");
    }
    return {};
}

QString LabWording::partName(LabChartData::Part part)
{
    switch (part) {
    case LabChartData::Payload: return tr("payload");
    case LabChartData::DeflatedPayload: return tr("payload, deflated");
    case LabChartData::RequestHeads: return tr("request heads");
    case LabChartData::ResponseHeads: return tr("response heads");
    case LabChartData::ChunkFraming: return tr("chunk framing");
    case LabChartData::SseFields: return tr("SSE fields");
    case LabChartData::FrameHeaders: return tr("frame headers");
    case LabChartData::Handshake: return tr("handshake");
    case LabChartData::ControlFrames: return tr("close, ping, pong");
    case LabChartData::Delimiters: return tr("newlines");
    case LabChartData::DeflateGrowth: return tr("deflate growth");
    case LabChartData::Other: return tr("other");
    case LabChartData::PartCount: break;
    }
    return {};
}

QString LabWording::perMessage(double bytes)
{
    // 5.98 reads "6", not "6.0".
    const bool whole = std::abs(bytes) >= 10 || std::abs(bytes - std::round(bytes)) < 0.05;
    return QString::number(bytes, 'f', whole ? 0 : 1);
}

QString LabWording::delay(double ms)
{
    return formatDurationNs(ms < 0 ? -1 : qint64(std::llround(ms * 1e6)));
}

QString LabWording::failure(const QString &error)
{
    return tr("Failed: %1").arg(error);
}

QString LabWording::summary(const LabTransportResult &r, const LabConfig &config)
{
    if (!r.ran())
        return failure(r.error);
    QStringList parts;
    const double n = double(r.messagesDelivered);
    const auto each = [n](qint64 bytes) { return perMessage(double(bytes) / n); };
    const LabOverhead &o = r.overhead;
    if (r.messagesDelivered == 0) {
        parts.append(tr("nothing was delivered"));
    } else {
        switch (r.transport) {
        case LabTransport::Poll:
            parts.append(tr("%1 B of request head and %2 B of response head per message, a new connection for each of %n request(s)",
                            nullptr, int(r.requests))
                             .arg(each(o.requestHeads), each(o.responseHeads)));
            break;
        case LabTransport::KeepAlive:
            parts.append(tr("%1 B of request head and %2 B of response head per message, one request every %3 ms whether or not there was news")
                             .arg(each(o.requestHeads), each(o.responseHeads))
                             .arg(config.pollIntervalMs));
            break;
        case LabTransport::LongPoll:
            parts.append(tr("%1 B of request head and %2 B of response head per message; %n request(s) held until there was news",
                            nullptr, int(r.polls))
                             .arg(each(o.requestHeads), each(o.responseHeads)));
            break;
        case LabTransport::Sse:
            parts.append(tr("%1 B of SSE fields and %2 B of chunk framing per %3-byte message, all in one response")
                             .arg(each(o.sseFields), each(o.chunkFraming))
                             .arg(config.size));
            break;
        case LabTransport::Stream:
            parts.append(tr("%1 B of chunk framing and %2 B of newline per %3-byte message, all in one response")
                             .arg(each(o.chunkFraming), each(o.delimiters))
                             .arg(config.size));
            break;
        case LabTransport::WebSocket:
            parts.append(tr("%1 B of framing per %2-byte message; the %3-byte handshake once")
                             .arg(each(o.frameHeaders))
                             .arg(config.size)
                             .arg(o.handshake));
            break;
        case LabTransport::WebSocketDeflate:
            parts.append(tr("%1 B on the wire per %2-byte message (compressed), %3 B of it framing; the %4-byte handshake once")
                             .arg(each(r.wireBytesIn + r.wireBytesOut - o.handshake), QString::number(config.size),
                                  each(o.frameHeaders))
                             .arg(o.handshake));
            break;
        }
        if (isPollingTransport(r.transport) && r.polls > 0 && r.emptyResponses > 0)
            parts.append(tr("%1 of %n poll(s) found nothing new", nullptr, int(r.polls)).arg(r.emptyResponses));
    }
    if (r.pushDelay.p50Ms >= 0)
        parts.append(tr("median push delay %1, p99 %2").arg(delay(r.pushDelay.p50Ms), delay(r.pushDelay.p99Ms)));
    if (r.roundTrip.p50Ms >= 0)
        parts.append(tr("median round trip %1, p99 %2").arg(delay(r.roundTrip.p50Ms), delay(r.roundTrip.p99Ms)));
    if (r.lost > 0)
        parts.append(tr("%n message(s) lost", nullptr, int(r.lost)));
    if (r.late > 0)
        parts.append(tr("%n late (over %1 ms)", nullptr, int(r.late)).arg(config.lateMs));
    if (r.duplicated > 0)
        parts.append(tr("%n duplicated", nullptr, int(r.duplicated)));
    QString sentence = parts.join(QStringLiteral("; ")) + u'.';
    sentence[0] = sentence.at(0).toUpper();
    return sentence;
}

QString LabWording::claimText(LabClaim::Id id)
{
    switch (id) {
    case LabClaim::Id::FrameOverhead: return tr("WebSocket frames add 2-14 bytes each");
    case LabClaim::Id::HeaderOverhead: return tr("HTTP adds hundreds of bytes of headers per message");
    case LabClaim::Id::LowerLatency: return tr("WebSocket has lower latency than HTTP");
    case LabClaim::Id::PollingWastes: return tr("Polling wastes requests");
    }
    return {};
}

QString LabWording::verdictName(LabClaim::Verdict verdict)
{
    switch (verdict) {
    case LabClaim::Verdict::Supported: return tr("Supported");
    case LabClaim::Verdict::Refuted: return tr("Refuted");
    case LabClaim::Verdict::NotMeasured: return tr("Not measured");
    }
    return {};
}

namespace {

// The figures' keys are the transports' CLI names ("ws", "keepalive"), in the run's order
// as JSON keeps them (alphabetical): the order of LabTransport reads better.
QList<std::pair<LabTransport, QJsonValue>> byTransport(const QJsonObject &figures)
{
    QList<std::pair<LabTransport, QJsonValue>> out;
    for (LabTransport transport : allLabTransports()) {
        const auto it = figures.constFind(labName(transport));
        if (it != figures.constEnd())
            out.append({transport, it.value()});
    }
    return out;
}

QString notMeasured(LabClaim::Id id)
{
    switch (id) {
    case LabClaim::Id::FrameOverhead: return LabWording::tr("Not measured: neither WebSocket transport ran.");
    case LabClaim::Id::HeaderOverhead:
        return LabWording::tr("Not measured: no polling or long-polling transport delivered a message.");
    case LabClaim::Id::LowerLatency:
        return LabWording::tr("Not measured: it needs WebSocket and at least one polling transport to deliver messages.");
    case LabClaim::Id::PollingWastes: return LabWording::tr("Not measured: neither polling transport ran.");
    }
    return {};
}

} // namespace

QString LabWording::evidence(const LabClaim &claim)
{
    if (claim.verdict == LabClaim::Verdict::NotMeasured)
        return notMeasured(claim.id);
    const QList<std::pair<LabTransport, QJsonValue>> figures = byTransport(claim.figures);
    QStringList parts;
    switch (claim.id) {
    case LabClaim::Id::FrameOverhead:
        for (const auto &[transport, value] : figures) {
            const QJsonObject f = value.toObject();
            parts.append(tr("%1: frame headers of %2-%3 bytes over %n frame(s), %4 header bytes per message", nullptr,
                            f.value(QStringLiteral("frames")).toInt())
                             .arg(transportName(transport))
                             .arg(f.value(QStringLiteral("frame_header_min")).toInt())
                             .arg(f.value(QStringLiteral("frame_header_max")).toInt())
                             .arg(perMessage(f.value(QStringLiteral("frame_header_bytes_per_message")).toDouble())));
        }
        break;
    case LabClaim::Id::HeaderOverhead:
        for (const auto &[transport, value] : figures) {
            const QJsonObject f = value.toObject();
            parts.append(tr("%1: %2 bytes of request and response heads per delivered message")
                             .arg(transportName(transport),
                                  perMessage(f.value(QStringLiteral("head_bytes_per_message")).toDouble())));
        }
        break;
    case LabClaim::Id::LowerLatency: {
        const QJsonObject p50 = claim.figures.value(QStringLiteral("p50_ms")).toObject();
        const QList<std::pair<LabTransport, QJsonValue>> medians = byTransport(p50);
        const bool roundTrip = claim.figures.value(QStringLiteral("measure")).toString() == u"round_trip";
        QStringList polling;
        QStringList held;
        QString ws;
        for (const auto &[transport, value] : medians) {
            const QString text = QStringLiteral("%1 %2").arg(transportName(transport), delay(value.toDouble()));
            if (transport == LabTransport::WebSocket)
                ws = delay(value.toDouble());
            else if (isPollingTransport(transport))
                polling.append(text);
            else
                held.append(text);
        }
        if (ws.isEmpty() || polling.isEmpty())
            break;
        parts.append((roundTrip ? tr("median round trip: WebSocket %1 against %2") : tr("median push delay: WebSocket %1 against %2"))
                         .arg(ws, polling.join(QStringLiteral(", "))));
        if (!held.isEmpty())
            parts.append(tr("HTTP responses held open: %1").arg(held.join(QStringLiteral(", "))));
        break;
    }
    case LabClaim::Id::PollingWastes:
        for (const auto &[transport, value] : figures) {
            const QJsonObject f = value.toObject();
            parts.append(tr("%1: %2 of %n poll(s) answered 204 (no news)", nullptr, f.value(QStringLiteral("polls")).toInt())
                             .arg(transportName(transport))
                             .arg(f.value(QStringLiteral("empty_responses")).toInt()));
        }
        break;
    }
    if (parts.isEmpty())
        return claim.evidence; // figures this view does not know: the core's English words
    return parts.join(QStringLiteral("; ")) + u'.';
}

} // namespace wirescope

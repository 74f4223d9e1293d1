#include "core/lab/labclaims.h"

#include <QJsonArray>
#include <QStringList>

#include <limits>

namespace wirescope {

namespace {

// "Hundreds of bytes": the claim holds from 100 bytes of heads per message on.
constexpr double minimumHeadBytesPerMessage = 100;

QString ms(double value) { return QString::number(value, 'f', value < 10 ? 2 : 1) + QStringLiteral(" ms"); }
QString bytes(double value) { return QString::number(value, 'f', value < 10 ? 1 : 0); }

// The transports of this run that ran to the end (a failed one measured nothing reliable).
QList<const LabTransportResult *> ranOf(const LabRunResult &run, bool (*which)(LabTransport))
{
    QList<const LabTransportResult *> out;
    for (const LabTransportResult &t : run.transports) {
        if (t.ran() && which(t.transport))
            out.append(&t);
    }
    return out;
}

// The latency a transport is judged by: the push delay when the server pushed (push, chat),
// else the round trip of the client's own messages (echo).
double latencyP50(const LabTransportResult &t) { return t.pushDelay.p50Ms >= 0 ? t.pushDelay.p50Ms : t.roundTrip.p50Ms; }

LabClaim frameOverhead(const LabRunResult &run)
{
    LabClaim claim{LabClaim::Id::FrameOverhead, LabClaim::Verdict::NotMeasured,
                   QStringLiteral("WebSocket frames add 2-14 bytes each"), {}, {}};
    QJsonObject figures;
    QStringList evidence;
    bool allWithin = true;
    for (const LabTransportResult *t : ranOf(run, isWebSocketTransport)) {
        if (t->frames == 0)
            continue;
        // Every message crossed in frames of its own, in either direction.
        const qint64 carried = qMax<qint64>(1, t->messagesDelivered + t->duplicated + t->clientMessages);
        const double perMessage = double(t->overhead.frameHeaders) / double(carried);
        figures.insert(labName(t->transport),
                       QJsonObject{{QStringLiteral("frames"), t->frames},
                                   {QStringLiteral("frame_header_min"), t->frameHeaderMin},
                                   {QStringLiteral("frame_header_max"), t->frameHeaderMax},
                                   {QStringLiteral("frame_header_bytes"), t->overhead.frameHeaders},
                                   {QStringLiteral("frame_header_bytes_per_message"), perMessage}});
        allWithin = allWithin && t->frameHeaderMin >= 2 && t->frameHeaderMax <= 14;
        evidence.append(QStringLiteral("%1: frame headers of %2-%3 bytes over %4 frames, %5 header bytes per delivered message")
                            .arg(labName(t->transport))
                            .arg(t->frameHeaderMin)
                            .arg(t->frameHeaderMax)
                            .arg(t->frames)
                            .arg(bytes(perMessage)));
    }
    if (figures.isEmpty()) {
        claim.evidence = QStringLiteral("Neither ws nor ws-deflate ran.");
        return claim;
    }
    claim.verdict = allWithin ? LabClaim::Verdict::Supported : LabClaim::Verdict::Refuted;
    claim.evidence = evidence.join(QStringLiteral("; ")) + u'.';
    claim.figures = figures;
    return claim;
}

LabClaim headerOverhead(const LabRunResult &run)
{
    LabClaim claim{LabClaim::Id::HeaderOverhead, LabClaim::Verdict::NotMeasured,
                   QStringLiteral("HTTP adds hundreds of bytes of headers per message"), {}, {}};
    QJsonObject figures;
    QStringList evidence;
    bool all = true;
    for (const LabTransportResult *t : ranOf(run, isPollingTransport)) {
        if (t->messagesDelivered == 0)
            continue; // no message to share the heads among
        const double perMessage = double(t->overhead.requestHeads + t->overhead.responseHeads)
            / double(t->messagesDelivered);
        figures.insert(labName(t->transport),
                       QJsonObject{{QStringLiteral("request_head_bytes"), t->overhead.requestHeads},
                                   {QStringLiteral("response_head_bytes"), t->overhead.responseHeads},
                                   {QStringLiteral("messages_delivered"), t->messagesDelivered},
                                   {QStringLiteral("head_bytes_per_message"), perMessage}});
        all = all && perMessage >= minimumHeadBytesPerMessage;
        evidence.append(QStringLiteral("%1: %2 bytes of request and response heads per delivered message")
                            .arg(labName(t->transport), bytes(perMessage)));
    }
    if (figures.isEmpty()) {
        claim.evidence = QStringLiteral("No poll, keepalive or longpoll transport delivered a message.");
        return claim;
    }
    claim.verdict = all ? LabClaim::Verdict::Supported : LabClaim::Verdict::Refuted;
    claim.evidence = evidence.join(QStringLiteral("; ")) + u'.';
    claim.figures = figures;
    return claim;
}

LabClaim lowerLatency(const LabRunResult &run)
{
    LabClaim claim{LabClaim::Id::LowerLatency, LabClaim::Verdict::NotMeasured,
                   QStringLiteral("WebSocket has lower latency than HTTP"), {}, {}};
    const LabTransportResult *ws = nullptr;
    for (const LabTransportResult &t : run.transports) {
        if (t.ran() && t.transport == LabTransport::WebSocket && latencyP50(t) >= 0)
            ws = &t;
    }
    QList<const LabTransportResult *> polling;
    QList<const LabTransportResult *> held; // sse, stream: one response held open
    for (const LabTransportResult &t : run.transports) {
        if (!t.ran() || latencyP50(t) < 0)
            continue;
        if (isPollingTransport(t.transport))
            polling.append(&t);
        else if (t.transport == LabTransport::Sse || t.transport == LabTransport::Stream)
            held.append(&t);
    }
    if (!ws || polling.isEmpty()) {
        claim.evidence = ws ? QStringLiteral("No poll, keepalive or longpoll transport delivered a message.")
                            : QStringLiteral("ws did not run or delivered no message.");
        return claim;
    }
    const double wsP50 = latencyP50(*ws);
    QJsonObject figures{{QStringLiteral("ws"), wsP50}};
    bool below = true;
    QStringList versus;
    for (const LabTransportResult *t : polling) {
        const double p50 = latencyP50(*t);
        figures.insert(labName(t->transport), p50);
        below = below && wsP50 < p50;
        versus.append(QStringLiteral("%1 %2").arg(labName(t->transport), ms(p50)));
    }
    const QString measure = ws->pushDelay.p50Ms >= 0 ? QStringLiteral("push delay") : QStringLiteral("round trip");
    QString evidence = QStringLiteral("p50 %1: ws %2 against %3")
                           .arg(measure, ms(wsP50), versus.join(QStringLiteral(", ")));
    QStringList heldText;
    for (const LabTransportResult *t : held) {
        const double p50 = latencyP50(*t);
        figures.insert(labName(t->transport), p50);
        // Within a tenth of a millisecond or 20 %, a held-open response is as fast as ws.
        const bool same = qAbs(p50 - wsP50) <= qMax(0.1, 0.2 * wsP50);
        heldText.append(QStringLiteral("%1 %2 (%3)")
                            .arg(labName(t->transport), ms(p50),
                                 same ? QStringLiteral("the same as ws")
                                      : (p50 < wsP50 ? QStringLiteral("faster than ws") : QStringLiteral("slower than ws"))));
    }
    if (!heldText.isEmpty()) {
        evidence += QStringLiteral("; a held-open HTTP response: %1: what makes the difference is polling, not HTTP")
                        .arg(heldText.join(QStringLiteral(", ")));
    }
    claim.verdict = below ? LabClaim::Verdict::Supported : LabClaim::Verdict::Refuted;
    claim.evidence = evidence + u'.';
    claim.figures = QJsonObject{{QStringLiteral("measure"), ws->pushDelay.p50Ms >= 0 ? QStringLiteral("push_delay")
                                                                                     : QStringLiteral("round_trip")},
                                {QStringLiteral("p50_ms"), figures}};
    return claim;
}

bool isPlainPolling(LabTransport transport)
{
    return transport == LabTransport::Poll || transport == LabTransport::KeepAlive;
}

LabClaim pollingWastes(const LabRunResult &run)
{
    LabClaim claim{LabClaim::Id::PollingWastes, LabClaim::Verdict::NotMeasured,
                   QStringLiteral("Polling wastes requests"), {}, {}};
    qint64 empty = 0;
    qint64 polls = 0;
    QJsonObject figures;
    QStringList evidence;
    for (const LabTransportResult *t : ranOf(run, isPlainPolling)) {
        if (t->polls == 0)
            continue;
        empty += t->emptyResponses;
        polls += t->polls;
        figures.insert(labName(t->transport), QJsonObject{{QStringLiteral("empty_responses"), t->emptyResponses},
                                                         {QStringLiteral("polls"), t->polls}});
        evidence.append(QStringLiteral("%1: %2 of %3 polls answered 204 (no news)")
                            .arg(labName(t->transport))
                            .arg(t->emptyResponses)
                            .arg(t->polls));
    }
    if (polls == 0) {
        claim.evidence = QStringLiteral("Neither poll nor keepalive ran.");
        return claim;
    }
    // Every 204 is a round trip that carried nothing; when a quarter of them do, the waste is
    // plain to see (at 10 events/s and a 50 ms interval about half of them are empty; at
    // 1 000 events/s none are, and each poll collects dozens of events).
    claim.verdict = 4 * empty >= polls ? LabClaim::Verdict::Supported : LabClaim::Verdict::Refuted;
    claim.evidence = evidence.join(QStringLiteral("; ")) + u'.';
    figures.insert(QStringLiteral("empty_fraction"), double(empty) / double(polls));
    claim.figures = figures;
    return claim;
}

} // namespace

QList<LabClaim> evaluateLabClaims(const LabRunResult &run)
{
    return {frameOverhead(run), headerOverhead(run), lowerLatency(run), pollingWastes(run)};
}

} // namespace wirescope

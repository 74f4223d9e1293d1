#include "core/lab/labreport.h"

#include <QJsonArray>

namespace wirescope {

namespace {

// Linux's TCP/IP headers on an IPv4 segment: 20 (IP) + 20 (TCP) + 12 (the timestamps option
// Linux sends by default). A socket write or read is counted as one segment, and a connection
// as 7 more (3 to open, 4 to close); pure ACKs are not counted: a rough lower estimate.
constexpr qint64 tcpipHeaderBytes = 52;
constexpr qint64 segmentsPerConnection = 7;

QJsonValue msOrNull(double value) { return value < 0 ? QJsonValue() : QJsonValue(value); }

QJsonObject delayJson(const LabDelay &delay)
{
    return {{QStringLiteral("p50"), msOrNull(delay.p50Ms)},
            {QStringLiteral("p99"), msOrNull(delay.p99Ms)},
            {QStringLiteral("max"), msOrNull(delay.maxMs)}};
}

QJsonObject overheadJson(const LabOverhead &o)
{
    return {{QStringLiteral("request_heads"), o.requestHeads},
            {QStringLiteral("response_heads"), o.responseHeads},
            {QStringLiteral("chunk_framing"), o.chunkFraming},
            {QStringLiteral("sse_fields"), o.sseFields},
            {QStringLiteral("frame_headers"), o.frameHeaders},
            {QStringLiteral("handshake"), o.handshake},
            {QStringLiteral("control_frames"), o.controlFrames},
            {QStringLiteral("delimiters"), o.delimiters},
            {QStringLiteral("compression"), o.compression},
            {QStringLiteral("other"), o.other}};
}

QJsonObject configJson(const LabConfig &c)
{
    QJsonArray transports;
    for (LabTransport t : c.transports)
        transports.append(labName(t));
    return {{QStringLiteral("url"), c.baseUrl.toString()},
            {QStringLiteral("transports"), transports},
            {QStringLiteral("workload"), labName(c.workload)},
            {QStringLiteral("payload"), labName(c.payload)},
            {QStringLiteral("rate"), c.rate},
            {QStringLiteral("size"), c.size},
            {QStringLiteral("duration_ms"), c.durationMs},
            {QStringLiteral("poll_interval_ms"), c.pollIntervalMs},
            {QStringLiteral("late_ms"), c.lateMs},
            {QStringLiteral("connect_timeout_ms"), c.connectTimeoutMs}};
}

QJsonObject sampleJson(const LabSample &s)
{
    return {{QStringLiteral("seq"), s.seq},
            {QStringLiteral("sent_ns"), s.sentNs},
            {QStringLiteral("received_ns"), s.receivedNs},
            {QStringLiteral("delay_ms"), double(s.delayNs) / 1e6},
            {QStringLiteral("wire_bytes"), s.wireBytes},
            {QStringLiteral("duplicate"), s.duplicate}};
}

qint64 estimatedTcpIpBytes(const LabTransportResult &t)
{
    return tcpipHeaderBytes * (t.segmentsOut + t.segmentsIn + segmentsPerConnection * t.connections);
}

QJsonObject transportJson(const LabTransportResult &t, int size, bool withSamples)
{
    QJsonObject o{
        {QStringLiteral("transport"), labName(t.transport)},
        {QStringLiteral("run"), t.runId},
        {QStringLiteral("error"), t.error.isEmpty() ? QJsonValue() : QJsonValue(t.error)},
        {QStringLiteral("summary"), labSummary(t, size)},
        {QStringLiteral("messages_sent"), t.messagesSent},
        {QStringLiteral("client_messages"), t.clientMessages},
        {QStringLiteral("messages_delivered"), t.messagesDelivered},
        {QStringLiteral("lost"), t.lost},
        {QStringLiteral("duplicated"), t.duplicated},
        {QStringLiteral("late"), t.late},
        {QStringLiteral("connections"), t.connections},
        {QStringLiteral("requests"), t.requests},
        {QStringLiteral("polls"), t.polls},
        {QStringLiteral("empty_responses"), t.emptyResponses},
        {QStringLiteral("frames"), t.frames},
        {QStringLiteral("frame_header_min"), t.frameHeaderMin},
        {QStringLiteral("frame_header_max"), t.frameHeaderMax},
        {QStringLiteral("wire_bytes_out"), t.wireBytesOut},
        {QStringLiteral("wire_bytes_in"), t.wireBytesIn},
        {QStringLiteral("payload_bytes"), t.payloadBytes},
        {QStringLiteral("overhead_bytes"), t.overhead.total()},
        {QStringLiteral("overhead"), overheadJson(t.overhead)},
        {QStringLiteral("push_delay_ms"), delayJson(t.pushDelay)},
        {QStringLiteral("round_trip_ms"), delayJson(t.roundTrip)},
        {QStringLiteral("client_cpu_ms"), t.clientCpuMs},
        {QStringLiteral("socket_writes"), t.segmentsOut},
        {QStringLiteral("socket_reads"), t.segmentsIn},
        {QStringLiteral("estimated_tcpip_bytes"), estimatedTcpIpBytes(t)},
        {QStringLiteral("start_ns"), t.startNs},
        {QStringLiteral("end_ns"), t.endNs},
    };
    if (withSamples) {
        QJsonArray samples;
        for (const LabSample &s : t.samples)
            samples.append(sampleJson(s));
        o.insert(QStringLiteral("samples"), samples);
    }
    return o;
}

QString fixed(double value, int decimals) { return QString::number(value, 'f', decimals); }

} // namespace

QString labSummary(const LabTransportResult &t, int size)
{
    const QString name = labName(t.transport);
    if (!t.error.isEmpty())
        return QStringLiteral("%1 failed: %2").arg(name, t.error);
    const qint64 carried = t.messagesDelivered + t.clientMessages;
    if (carried == 0)
        return QStringLiteral("%1: no message crossed.").arg(name);
    QString how;
    if (isWebSocketTransport(t.transport)) {
        how = QStringLiteral("%1 bytes of framing per %2-byte message")
                  .arg(fixed(double(t.overhead.frameHeaders) / double(carried), 1))
                  .arg(size);
        if (t.overhead.compression != 0) {
            how += QStringLiteral(", deflate changed the payload by %1 bytes per message")
                       .arg(fixed(double(t.overhead.compression) / double(carried), 1));
        }
    } else {
        how = QStringLiteral("%1 bytes of request head and %2 of response head per %3-byte message")
                  .arg(fixed(double(t.overhead.requestHeads) / double(carried), 0),
                       fixed(double(t.overhead.responseHeads) / double(carried), 0))
                  .arg(size);
        if (t.polls > 0) {
            how += QStringLiteral(", %1 of %2 polls answered with no news").arg(t.emptyResponses).arg(t.polls);
        }
    }
    QString delay;
    if (t.pushDelay.p50Ms >= 0)
        delay = QStringLiteral("; push delay p50 %1 ms, p99 %2 ms").arg(fixed(t.pushDelay.p50Ms, 2), fixed(t.pushDelay.p99Ms, 2));
    if (t.roundTrip.p50Ms >= 0)
        delay += QStringLiteral("; round trip p50 %1 ms").arg(fixed(t.roundTrip.p50Ms, 2));
    QString losses;
    if (t.lost > 0)
        losses = QStringLiteral("; %1 of %2 server messages lost").arg(t.lost).arg(t.messagesSent - t.clientMessages);
    return QStringLiteral("%1: %2%3%4.").arg(name, how, delay, losses);
}

QJsonObject labRunToJson(const LabRunResult &run, bool withSamples)
{
    QJsonArray transports;
    for (const LabTransportResult &t : run.transports)
        transports.append(transportJson(t, run.config.size, withSamples));
    QJsonArray claims;
    for (const LabClaim &c : run.claims) {
        claims.append(QJsonObject{{QStringLiteral("id"), labName(c.id)},
                                  {QStringLiteral("claim"), c.claim},
                                  {QStringLiteral("verdict"), labName(c.verdict)},
                                  {QStringLiteral("evidence"), c.evidence},
                                  {QStringLiteral("figures"), c.figures}});
    }
    return {{QStringLiteral("config"), configJson(run.config)},
            {QStringLiteral("started_at"), run.startedAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("cancelled"), run.cancelled},
            {QStringLiteral("transports"), transports},
            {QStringLiteral("claims"), claims},
            {QStringLiteral("not_measured"), QJsonArray{QStringLiteral("TCP/IP headers"), QStringLiteral("TLS records")}},
            {QStringLiteral("estimate_note"),
             QStringLiteral("estimated_tcpip_bytes counts 52 bytes of IPv4+TCP headers per socket write or read and "
                            "7 segments per connection; user space cannot see segments, so it is an estimate")}};
}

QByteArray labRunToCsv(const LabRunResult &run)
{
    QByteArray out("transport,seq,origin,sent_ns,received_ns,delay_ms,wire_bytes,duplicate\n");
    for (const LabTransportResult &t : run.transports) {
        const QByteArray name = labName(t.transport).toLatin1();
        for (const LabSample &s : t.samples) {
            out += name + ',' + QByteArray::number(s.seq < 0 ? -s.seq : s.seq) + ','
                + (s.seq < 0 ? "client" : "server") + ',' + QByteArray::number(s.sentNs) + ','
                + QByteArray::number(s.receivedNs) + ',' + QByteArray::number(double(s.delayNs) / 1e6, 'f', 6) + ','
                + QByteArray::number(s.wireBytes) + ',' + (s.duplicate ? "true" : "false") + '\n';
        }
    }
    return out;
}

} // namespace wirescope

#pragma once

#include "core/lab/labconfig.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace wirescope {

// One delivered message (duplicates included, flagged).
struct LabSample
{
    LabTransport transport = LabTransport::Poll;
    qint64 seq = 0;                  // server seq (>0) or client seq (<0: -17 for c17)
    qint64 sentNs = 0;               // lab clock: server creation time (server messages) or
                                     // client write time (the client's own)
    qint64 receivedNs = 0;           // lab clock: when the client read the message's last byte
    qint64 delayNs = 0;              // receivedNs - sentNs: push delay, or round trip for the
                                     // client's own messages
    qint32 wireBytes = 0;            // bytes on the wire attributed to this message (its share)
    bool duplicate = false;
};

// The bytes that are not payload, by what they are. The categories add up to
// wireBytesOut + wireBytesIn - payloadBytes exactly: what is not attributed is `other`.
struct LabOverhead
{
    qint64 requestHeads = 0;         // HTTP request line + headers + blank line
    qint64 responseHeads = 0;        // HTTP status line + headers + blank line
    qint64 chunkFraming = 0;         // chunk-size lines, their CRLFs, the last chunk
    qint64 sseFields = 0;            // event-stream bytes that are not payload ("data: ", "id: ", ...)
    qint64 frameHeaders = 0;         // WebSocket frame headers (masking keys included)
    qint64 handshake = 0;            // the WebSocket upgrade request and the 101 answer
    qint64 controlFrames = 0;        // WebSocket close, ping and pong payloads (status codes, reasons)
    qint64 delimiters = 0;           // NDJSON '\n'
    qint64 compression = 0;          // permessage-deflate: compressed minus inflated message
                                     // bytes (negative: what deflate saved)
    qint64 other = 0;                // everything else (bodies of 4xx, close frames, ...)
    qint64 total() const;
};

// -1: nothing delivered.
struct LabDelay
{
    double p50Ms = -1;
    double p99Ms = -1;
    double maxMs = -1;
};

struct LabTransportResult
{
    LabTransport transport = LabTransport::Poll;
    QString runId;                   // the run id the client named (GET /lab/stats?run=...)
    QString error;                   // empty: ran; else what went wrong in one sentence
                                     // ("the server has no /lab/sse endpoint (404)")
    qint64 messagesSent = 0;         // server events scheduled (N) + client messages written
    qint64 clientMessages = 0;       // of which the client wrote (echo, chat)
    qint64 messagesDelivered = 0;    // distinct messages received (duplicates not counted)
    qint64 lost = 0;
    qint64 duplicated = 0;
    qint64 late = 0;
    qint64 connections = 0;          // TCP connections the client opened
    qint64 requests = 0;             // HTTP requests (a WebSocket upgrade is one)
    qint64 polls = 0;                // poll and long-poll requests (the send channel's are not)
    qint64 emptyResponses = 0;       // 204 answers to a poll or long-poll
    qint64 frames = 0;               // WebSocket frames, both directions
    qint32 frameHeaderMin = 0;       // the smallest and largest WebSocket frame header seen
    qint32 frameHeaderMax = 0;       // (bytes, masking key included; 0: no frame)
    qint64 wireBytesOut = 0;         // every byte the client's sockets wrote
    qint64 wireBytesIn = 0;          // every byte the client's sockets read
    qint64 payloadBytes = 0;         // size x (messages delivered + client messages written)
    LabOverhead overhead;            // wireBytesOut + wireBytesIn - payloadBytes, split
    LabDelay pushDelay;              // server messages: creation -> receipt
    LabDelay roundTrip;              // client messages: write -> answer (echo, chat)
    double clientCpuMs = 0;          // the lab thread's CPU time during this transport
    qint64 segmentsOut = 0;          // socket writes and reads: the basis of the TCP/IP
    qint64 segmentsIn = 0;           // estimate (docs/cli-lab.md)
    qint64 startNs = 0;              // lab clock
    qint64 endNs = 0;
    QList<LabSample> samples;

    bool ran() const { return error.isEmpty(); }
};

struct LabClaim
{
    enum class Id : quint8 { FrameOverhead, HeaderOverhead, LowerLatency, PollingWastes };
    enum class Verdict : quint8 { Supported, Refuted, NotMeasured };
    Id id = Id::FrameOverhead;
    Verdict verdict = Verdict::NotMeasured;
    QString claim;                   // English: "WebSocket frames add 2-14 bytes each"
    QString evidence;                // English, this run's numbers
    QJsonObject figures;             // the numbers the verdict rests on (the UI words its own
                                     // translated sentence from them; docs/cli-lab.md)
};

// "frame_overhead", "header_overhead", "lower_latency", "polling_wastes";
// "supported", "refuted", "not_measured".
QString labName(LabClaim::Id id);
QString labName(LabClaim::Verdict verdict);

struct LabRunResult
{
    LabConfig config;
    QDateTime startedAt;             // wall clock of the lab clock's anchor
    bool cancelled = false;
    QList<LabTransportResult> transports;
    QList<LabClaim> claims;          // evaluateLabClaims(*this)
};

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::LabTransport)
Q_DECLARE_METATYPE(wirescope::LabSample)
Q_DECLARE_METATYPE(wirescope::LabTransportResult)
Q_DECLARE_METATYPE(wirescope::LabRunResult)

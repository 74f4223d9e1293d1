#include "core/session/wsjson.h"

#include "core/session/jsonl.h"
#include "core/session/recordjson.h"
#include "core/wire/wsclosecode.h"

#include <QJsonArray>
#include <QUrl>

namespace wirescope {

namespace {

QString dirName(Direction direction)
{
    return direction == Direction::In ? QStringLiteral("in") : QStringLiteral("out");
}

QJsonValue optionalCode(const std::optional<quint16> &code)
{
    return code ? QJsonValue(int(*code)) : QJsonValue(QJsonValue::Null);
}

// What every line starts with.
QJsonObject eventJson(const QString &event, qint64 tNs)
{
    return QJsonObject{{QStringLiteral("event"), event},
                       {QStringLiteral("format_version"), kJsonFormatVersion},
                       {QStringLiteral("t_ns"), tNs}};
}

void insertAll(QJsonObject &into, const QJsonObject &from)
{
    for (auto it = from.begin(); it != from.end(); ++it)
        into.insert(it.key(), it.value());
}

// The handshake in HAR's phases: dns (-1 without a lookup), connect is TCP + TLS up to the
// request written (HAR 1.2), ssl the TLS part, wait runs from the request written to the
// response head read; total = dns + connect + wait. Send and receive are not separate
// phases of the handshake record (-1).
PhaseDurations handshakePhases(const WsHandshakeRecord &r)
{
    const PhaseTimings &t = r.timings;
    PhaseDurations d;
    d.dns = t.dnsNs();
    d.connect = t.connectNs();
    d.ssl = t.sslNs();
    // An answer that ended with the connection has no stamp.
    if (t.sendStartNs >= 0 && t.lastByteNs >= t.sendStartNs) {
        d.wait = t.lastByteNs - t.sendStartNs;
        d.total = t.lastByteNs - (t.dnsStartNs >= 0 ? t.dnsStartNs : t.connectStartNs);
    }
    return d;
}

QString initiatorName(WsCloseInitiator initiator)
{
    switch (initiator) {
    case WsCloseInitiator::Client: return QStringLiteral("client");
    case WsCloseInitiator::Server: return QStringLiteral("server");
    case WsCloseInitiator::None: break;
    }
    return QStringLiteral("none");
}

} // namespace

QJsonObject wsSessionToJson(const SessionClock &clock, const QUrl &url)
{
    QJsonObject o = eventJson(QStringLiteral("session"), 0);
    o[u"started_at"] = startedAtJson(clock);
    o[u"url"] = url.toString();
    return o;
}

QJsonObject wsHandshakeToJson(const WsHandshakeRecord &record, const WsJsonOptions &options)
{
    QJsonObject o = eventJson(QStringLiteral("handshake"), record.timings.lastByteNs);
    o[u"request_t_ns"] = record.timings.sendStartNs;
    o[u"timings"] = phaseTimingsToJson(handshakePhases(record));
    o[u"request"] = QString::fromUtf8(record.requestBytes);
    const HttpResponse &response = record.response;
    // The head as received: everything up to the end of the final head (interim 1xx too);
    // the response's offsets count from the first byte of responseBytes.
    const qsizetype headEnd = response.offset >= 0 ? qsizetype(response.offset + response.headBytes) : record.responseBytes.size();
    o[u"response"] = QString::fromUtf8(record.responseBytes.left(headEnd));
    o[u"status"] = response.status;
    o[u"response_headers"] = headersToJson(response.headers);
    if (response.status != 101) {
        o[u"body"] = QString::fromUtf8(response.body.left(options.maxPayloadBytes));
        o[u"body_size"] = qint64(response.body.size());
        o[u"body_truncated"] = response.body.size() > options.maxPayloadBytes;
        // RFC 9112 §7.1: "body" is decoded; "body_raw_size" counts the bytes with chunk framing.
        o[u"body_chunked"] = response.framing == BodyFraming::Chunked;
        o[u"body_raw_size"] = qint64(response.wireBodyBytes);
    }
    const WsAcceptDerivation &a = record.verdict.accept;
    o[u"accept_ok"] = a.match;
    o[u"accept"] = QJsonObject{
        {QStringLiteral("key"), QString::fromLatin1(a.key)},
        {QStringLiteral("key_plus_guid"), QString::fromLatin1(a.keyPlusGuid)},
        {QStringLiteral("sha1_hex"), QString::fromLatin1(a.sha1Hex)},
        {QStringLiteral("expected"), QString::fromLatin1(a.expected)},
        {QStringLiteral("actual"), a.present ? QJsonValue(QString::fromLatin1(a.actual)) : QJsonValue(QJsonValue::Null)},
    };
    QJsonArray checks;
    for (const WsHandshakeCheck &c : record.verdict.checks)
        checks.append(QJsonObject{{QStringLiteral("what"), c.what}, {QStringLiteral("expected"), c.expected},
                                  {QStringLiteral("actual"), c.actual}, {QStringLiteral("passed"), c.passed}});
    o[u"checks"] = checks;
    o[u"ok"] = record.verdict.ok && (record.response.status == 101);
    o[u"subprotocol"] = record.verdict.subprotocol.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(record.verdict.subprotocol);
    QJsonArray extensions;
    for (const QByteArray &e : record.verdict.extensions)
        extensions.append(QString::fromLatin1(e));
    o[u"extensions"] = extensions;
    o[u"deflate"] = record.deflateNegotiated;
    o[u"peer"] = record.peerAddress;
    o[u"tls"] = tlsToJson(record.tls);
    return o;
}

QJsonObject wsFrameToJson(const WsFrameEvent &event, const WsJsonOptions &options)
{
    const WsFrameHeader &h = event.frame.header;
    QJsonObject o = eventJson(QStringLiteral("frame"), event.tNs);
    o[u"dir"] = dirName(event.direction);
    o[u"index"] = qint64(event.index);
    o[u"offset"] = qint64(event.frame.streamOffset);
    o[u"fin"] = h.fin;
    o[u"rsv1"] = h.rsv1;
    o[u"rsv2"] = h.rsv2;
    o[u"rsv3"] = h.rsv3;
    o[u"opcode"] = int(h.opcode);
    o[u"opcode_name"] = wsOpcodeName(h.opcode);
    o[u"masked"] = h.masked;
    o[u"length"] = qint64(h.payloadLength);
    o[u"length_bits"] = h.lengthEncoding == WsLengthEncoding::Bits7 ? 7 : h.lengthEncoding == WsLengthEncoding::Bits16 ? 16 : 64;
    o[u"header_size"] = h.headerSize;
    o[u"header_hex"] = QString::fromLatin1(event.frame.headerBytes.toHex());
    o[u"mask_key"] = h.maskingKey ? QJsonValue(QString::fromLatin1(wsMaskKeyHex(*h.maskingKey))) : QJsonValue(QJsonValue::Null);
    o[u"payload_hex"] = hexPreview(event.frame.payload, options.maxPayloadBytes);
    o[u"payload_truncated"] = event.frame.payload.size() > options.maxPayloadBytes || event.frame.payloadDiscarded;
    return o;
}

QJsonObject wsMessageToJson(const WsMessageEvent &event, const WsJsonOptions &options)
{
    const WsMessage &m = event.message;
    QJsonObject o = eventJson(QStringLiteral("message"), event.tNs);
    o[u"dir"] = dirName(event.direction);
    o[u"type"] = m.type == WsMessageType::Text ? QStringLiteral("text") : QStringLiteral("binary");
    o[u"size"] = qint64(m.size);
    o[u"wire_size"] = qint64(m.wireSize);
    o[u"compressed"] = m.compressed;
    o[u"frames"] = m.frameCount;
    if (m.type == WsMessageType::Text && m.utf8Valid)
        o[u"text"] = QString::fromUtf8(m.payload.left(options.maxPayloadBytes));
    else
        o[u"hex"] = hexPreview(m.payload, options.maxPayloadBytes);
    o[u"truncated"] = m.truncated || m.payload.size() > options.maxPayloadBytes;
    return o;
}

QJsonObject wsViolationToJson(const WsViolationEvent &event)
{
    QJsonObject o = eventJson(QStringLiteral("violation"), event.tNs);
    o[u"dir"] = dirName(event.direction);
    insertAll(o, violationToJson(event.violation));
    return o;
}

QJsonObject wsPongToJson(const WsPongEvent &event)
{
    QJsonObject o = eventJson(QStringLiteral("pong"), event.tNs);
    o[u"payload_hex"] = QString::fromLatin1(event.payload.toHex());
    o[u"rtt_ns"] = event.rttNs >= 0 ? QJsonValue(event.rttNs) : QJsonValue(QJsonValue::Null);
    return o;
}

QJsonObject wsCloseToJson(const WsCloseRecord &record)
{
    QJsonObject o = eventJson(QStringLiteral("close"), record.tNs);
    o[u"code"] = int(record.code);
    o[u"code_name"] = QString::fromLatin1(wsCloseCodeInfo(record.code).name);
    o[u"reason"] = record.reason;
    o[u"initiator"] = initiatorName(record.initiator);
    o[u"clean"] = record.clean;
    o[u"sent_code"] = record.sentClose ? optionalCode(record.sentCode) : QJsonValue(QJsonValue::Null);
    o[u"sent_reason"] = record.sentClose ? QJsonValue(record.sentReason) : QJsonValue(QJsonValue::Null);
    o[u"received_code"] = record.receivedClose ? optionalCode(record.receivedCode) : QJsonValue(QJsonValue::Null);
    o[u"received_reason"] = record.receivedClose ? QJsonValue(record.receivedReason) : QJsonValue(QJsonValue::Null);
    o[u"error"] = failureToJson(record.failure);
    return o;
}

QJsonObject wsErrorToJson(const WsErrorEvent &event)
{
    QJsonObject o = eventJson(QStringLiteral("error"), event.tNs);
    insertAll(o, failureToJson(event.failure).toObject());
    return o;
}

} // namespace wirescope

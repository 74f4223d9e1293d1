#include "core/session/wsjson.h"

#include "core/session/jsonl.h"
#include "core/wire/wsclosecode.h"

#include <QJsonArray>

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

// Order and duplicates matter to an inspector: an array of [name, value] pairs.
QJsonArray headerArray(const QList<HttpHeaderField> &headers)
{
    QJsonArray array;
    for (const HttpHeaderField &h : headers)
        array.append(QJsonArray{QString::fromLatin1(h.name), QString::fromUtf8(h.value)});
    return array;
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

QJsonObject wsHandshakeToJson(const WsHandshakeRecord &record, const WsJsonOptions &options)
{
    QJsonObject o;
    o[u"event"] = QStringLiteral("handshake");
    o[u"t_ns"] = double(record.tNsResponse);
    o[u"t_ns_request"] = double(record.tNsRequest);
    o[u"request"] = QString::fromUtf8(record.requestBytes);
    const HttpResponse &response = record.response;
    // The head as received: everything up to the end of the final head (interim 1xx too);
    // the response's offsets count from the first byte of responseBytes.
    const qsizetype headEnd = response.offset >= 0 ? qsizetype(response.offset + response.headBytes) : record.responseBytes.size();
    o[u"response"] = QString::fromUtf8(record.responseBytes.left(headEnd));
    o[u"status"] = response.status;
    o[u"response_headers"] = headerArray(response.headers);
    if (response.status != 101) {
        o[u"body"] = QString::fromUtf8(response.body.left(options.maxPayloadBytes));
        o[u"body_size"] = double(response.body.size());
        o[u"body_truncated"] = response.body.size() > options.maxPayloadBytes;
        // RFC 9112 §7.1: "body" is decoded; "body_raw_size" counts the bytes with chunk framing.
        o[u"body_chunked"] = response.framing == BodyFraming::Chunked;
        o[u"body_raw_size"] = double(response.wireBodyBytes);
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
    o[u"connect_ns"] = double(record.connectNs);
    if (record.tls.used) {
        QJsonArray chain;
        for (const TlsCertificateInfo &c : record.tls.chain)
            chain.append(QJsonObject{{QStringLiteral("subject"), c.subject}, {QStringLiteral("issuer"), c.issuer},
                                     {QStringLiteral("not_after"), c.notAfter.toString(Qt::ISODate)},
                                     {QStringLiteral("sha256"), QString::fromLatin1(c.sha256)}});
        QJsonArray errors;
        for (const TlsErrorInfo &e : record.tls.errors)
            errors.append(QJsonObject{{QStringLiteral("id"), e.id}, {QStringLiteral("message"), e.message}});
        o[u"tls"] = QJsonObject{{QStringLiteral("protocol"), record.tls.protocol},
                                {QStringLiteral("cipher"), record.tls.cipher},
                                {QStringLiteral("handshake_ns"), double(record.tlsNs)},
                                {QStringLiteral("chain"), chain},
                                {QStringLiteral("errors"), errors},
                                {QStringLiteral("errors_ignored"), record.tls.errorsIgnored}};
    } else {
        o[u"tls"] = QJsonValue(QJsonValue::Null);
    }
    return o;
}

QJsonObject wsFrameToJson(const WsFrameEvent &event, const WsJsonOptions &options)
{
    const WsFrameHeader &h = event.frame.header;
    QJsonObject o;
    o[u"event"] = QStringLiteral("frame");
    o[u"t_ns"] = double(event.tNs);
    o[u"dir"] = dirName(event.direction);
    o[u"index"] = double(event.index);
    o[u"offset"] = double(event.frame.streamOffset);
    o[u"fin"] = h.fin;
    o[u"rsv1"] = h.rsv1;
    o[u"rsv2"] = h.rsv2;
    o[u"rsv3"] = h.rsv3;
    o[u"opcode"] = int(h.opcode);
    o[u"opcode_name"] = wsOpcodeName(h.opcode);
    o[u"masked"] = h.masked;
    o[u"length"] = double(h.payloadLength);
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
    QJsonObject o;
    o[u"event"] = QStringLiteral("message");
    o[u"t_ns"] = double(event.tNs);
    o[u"dir"] = dirName(event.direction);
    o[u"type"] = m.type == WsMessageType::Text ? QStringLiteral("text") : QStringLiteral("binary");
    o[u"size"] = double(m.size);
    o[u"wire_size"] = double(m.wireSize);
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
    const Violation &v = event.violation;
    QJsonObject o;
    o[u"event"] = QStringLiteral("violation");
    o[u"t_ns"] = double(event.tNs);
    o[u"dir"] = dirName(event.direction);
    o[u"id"] = v.id();
    o[u"rfc"] = v.rfc();
    o[u"offset"] = double(v.offset);
    o[u"length"] = double(v.length);
    o[u"severity"] = v.kind ? violationSeverityName(v.kind->severity) : QString();
    o[u"group"] = v.kind ? violationGroupName(v.kind->group) : QString();
    o[u"detail"] = v.detail;
    o[u"message"] = violationMessage(v);
    return o;
}

QJsonObject wsPongToJson(const WsPongEvent &event)
{
    QJsonObject o;
    o[u"event"] = QStringLiteral("pong");
    o[u"t_ns"] = double(event.tNs);
    o[u"payload_hex"] = QString::fromLatin1(event.payload.toHex());
    o[u"rtt_ns"] = event.rttNs >= 0 ? QJsonValue(double(event.rttNs)) : QJsonValue(QJsonValue::Null);
    return o;
}

QJsonObject wsCloseToJson(const WsCloseRecord &record)
{
    QJsonObject o;
    o[u"event"] = QStringLiteral("close");
    o[u"t_ns"] = double(record.tNs);
    o[u"code"] = int(record.code);
    o[u"code_name"] = QString::fromLatin1(wsCloseCodeInfo(record.code).name);
    o[u"reason"] = record.reason;
    o[u"initiator"] = initiatorName(record.initiator);
    o[u"clean"] = record.clean;
    o[u"sent_code"] = record.sentClose ? optionalCode(record.sentCode) : QJsonValue(QJsonValue::Null);
    o[u"sent_reason"] = record.sentClose ? QJsonValue(record.sentReason) : QJsonValue(QJsonValue::Null);
    o[u"received_code"] = record.receivedClose ? optionalCode(record.receivedCode) : QJsonValue(QJsonValue::Null);
    o[u"received_reason"] = record.receivedClose ? QJsonValue(record.receivedReason) : QJsonValue(QJsonValue::Null);
    o[u"error"] = record.failure.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(record.failure.id());
    return o;
}

QJsonObject wsErrorToJson(const WsErrorEvent &event)
{
    return QJsonObject{{QStringLiteral("event"), QStringLiteral("error")},
                       {QStringLiteral("t_ns"), double(event.tNs)},
                       {QStringLiteral("id"), event.failure.id()},
                       {QStringLiteral("message"), event.failure.message()}};
}

QJsonObject wsStateToJson(qint64 tNs, WsConnectionState state)
{
    return QJsonObject{{QStringLiteral("event"), QStringLiteral("state")},
                       {QStringLiteral("t_ns"), double(tNs)},
                       {QStringLiteral("state"), wsConnectionStateName(state)}};
}

} // namespace wirescope

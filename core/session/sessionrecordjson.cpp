#include "core/session/sessionrecordjson.h"

#include "core/wire/httpviolations.h"
#include "core/wire/wsviolations.h"

#include <QJsonArray>
#include <QSslCertificate>

#include <algorithm>
#include <optional>
#include <type_traits>
#include <vector>

namespace wirescope {

namespace {

// One function per record lists its fields once; Out encodes them and In decodes them, so the
// two directions cannot drift apart. Every record type is declared here, before the templates
// (lists, optionals) that reach them.
#define WIRESCOPE_STORED_RECORDS(X)                                                                   \
    X(Violation) X(Failure) X(PhaseTimings) X(TlsCertificateInfo) X(TlsErrorInfo) X(TlsInfo)          \
    X(HttpHeaderField) X(HttpChunkInfo) X(HttpInterimResponse) X(HttpResponse) X(WsHandshakeCheck)   \
    X(WsAcceptDerivation) X(WsHandshakeVerdict) X(PmdParams) X(PmdOffer) X(WsHandshakeRecord)         \
    X(WsCloseRecord) X(HttpParserLimits) X(HttpParserLeniency) X(WsConnectOptions) X(KeyValueRow)     \
    X(MultipartPart) X(HttpBody) X(HttpAuth) X(HttpRequestOptions) X(WireHeader) X(PreparedRequest)   \
    X(ConnectionInfo) X(HttpHop) X(HttpExchangeRecord)

#define WIRESCOPE_DECLARE_RECORD(S)                                                                   \
    template<typename A> void fields(A &a, S &v);                                                     \
    QJsonValue encode(const S &v);                                                                    \
    bool decode(const QJsonValue &j, S &v);
WIRESCOPE_STORED_RECORDS(WIRESCOPE_DECLARE_RECORD)
#undef WIRESCOPE_DECLARE_RECORD

bool readableText(const QByteArray &bytes)
{
    return std::all_of(bytes.begin(), bytes.end(),
                       [](char c) { return (c >= 0x20 && c <= 0x7e) || c == '\t' || c == '\r' || c == '\n'; });
}

// --- encoding -------------------------------------------------------------------------

QJsonValue encode(bool v) { return v; }
QJsonValue encode(int v) { return v; }
QJsonValue encode(quint16 v) { return int(v); }
QJsonValue encode(qint64 v) { return v; }
QJsonValue encode(quint64 v) { return qint64(v); } // ids and limits, far below 2^63
QJsonValue encode(const QString &v) { return v; }
QJsonValue encode(const QUrl &v) { return QString::fromUtf8(v.toEncoded()); }
QJsonValue encode(const QDateTime &v)
{
    return v.isValid() ? QJsonValue(v.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}
QJsonValue encode(const QByteArray &v)
{
    if (readableText(v))
        return QString::fromLatin1(v);
    return QJsonObject{{QStringLiteral("base64"), QString::fromLatin1(v.toBase64())}};
}
QJsonValue encode(const ViolationKind *kind) { return kind ? QJsonValue(QLatin1String(kind->id)) : QJsonValue(); }
QJsonValue encode(const FailureKind *kind) { return kind ? QJsonValue(QLatin1String(kind->id)) : QJsonValue(); }
QJsonValue encode(const QSslCertificate &v) { return QString::fromLatin1(v.toPem()); }
QJsonValue encode(const QNetworkProxy &v)
{
    return QJsonObject{{QStringLiteral("type"), int(v.type())},
                       {QStringLiteral("host"), v.hostName()},
                       {QStringLiteral("port"), int(v.port())},
                       {QStringLiteral("user"), v.user()},
                       {QStringLiteral("password"), v.password()}};
}
QJsonValue encode(const WsHeader &v) { return QJsonArray{encode(v.first), encode(v.second)}; }
QJsonValue encode(const HttpRequest &v);

template<typename E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
QJsonValue encode(E v)
{
    return int(v);
}
template<typename T>
QJsonValue encode(const std::optional<T> &v)
{
    return v ? encode(*v) : QJsonValue();
}
template<typename List>
QJsonArray encodeList(const List &list)
{
    QJsonArray out;
    for (const auto &item : list)
        out.append(encode(item));
    return out;
}
template<typename T>
QJsonValue encode(const QList<T> &v)
{
    return encodeList(v);
}
template<typename T>
QJsonValue encode(const std::vector<T> &v)
{
    return encodeList(v);
}

struct Out {
    QJsonObject object;
    template<typename T>
    void operator()(const char *name, const T &value)
    {
        object.insert(QLatin1String(name), encode(value));
    }
};

// --- decoding -------------------------------------------------------------------------

bool decode(const QJsonValue &j, bool &v)
{
    v = j.toBool();
    return j.isBool();
}
bool decode(const QJsonValue &j, qint64 &v)
{
    if (!j.isDouble())
        return false;
    v = j.toInteger();
    return true;
}
bool decode(const QJsonValue &j, int &v)
{
    qint64 wide = 0;
    if (!decode(j, wide) || wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
        return false;
    v = int(wide);
    return true;
}
bool decode(const QJsonValue &j, quint16 &v)
{
    qint64 wide = 0;
    if (!decode(j, wide) || wide < 0 || wide > 65535)
        return false;
    v = quint16(wide);
    return true;
}
bool decode(const QJsonValue &j, quint64 &v)
{
    qint64 wide = 0;
    if (!decode(j, wide) || wide < 0)
        return false;
    v = quint64(wide);
    return true;
}
bool decode(const QJsonValue &j, QString &v)
{
    v = j.toString();
    return j.isString();
}
bool decode(const QJsonValue &j, QUrl &v)
{
    v = QUrl::fromEncoded(j.toString().toUtf8());
    return j.isString();
}
bool decode(const QJsonValue &j, QDateTime &v)
{
    if (j.isNull()) {
        v = QDateTime();
        return true;
    }
    v = QDateTime::fromString(j.toString(), Qt::ISODateWithMs);
    return j.isString() && v.isValid();
}
bool decode(const QJsonValue &j, QByteArray &v)
{
    if (j.isString()) {
        v = j.toString().toLatin1();
        return true;
    }
    const QJsonValue b64 = j.toObject().value(QLatin1String("base64"));
    if (!b64.isString())
        return false;
    auto result = QByteArray::fromBase64Encoding(b64.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    v = std::move(result.decoded);
    return bool(result);
}
bool decode(const QJsonValue &j, const ViolationKind *&v)
{
    if (j.isNull()) {
        v = nullptr;
        return true;
    }
    v = violationKindById(j.toString());
    return v != nullptr;
}
bool decode(const QJsonValue &j, const FailureKind *&v)
{
    if (j.isNull()) {
        v = nullptr;
        return true;
    }
    v = failures::find(j.toString());
    return v != nullptr;
}
bool decode(const QJsonValue &j, QSslCertificate &v)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(j.toString().toLatin1(), QSsl::Pem);
    if (certificates.size() != 1)
        return false;
    v = certificates.first();
    return true;
}
bool decode(const QJsonValue &j, QNetworkProxy &v)
{
    const QJsonObject o = j.toObject();
    int type = 0;
    int port = 0;
    QString host, user, password;
    if (!decode(o.value(QLatin1String("type")), type) || !decode(o.value(QLatin1String("port")), port)
        || !decode(o.value(QLatin1String("host")), host) || !decode(o.value(QLatin1String("user")), user)
        || !decode(o.value(QLatin1String("password")), password) || type < 0 || type > QNetworkProxy::FtpCachingProxy
        || port < 0 || port > 65535)
        return false;
    v = QNetworkProxy(QNetworkProxy::ProxyType(type), host, quint16(port), user, password);
    return true;
}
bool decode(const QJsonValue &j, WsHeader &v)
{
    const QJsonArray pair = j.toArray();
    return pair.size() == 2 && decode(pair.at(0), v.first) && decode(pair.at(1), v.second);
}
bool decode(const QJsonValue &j, HttpRequest &v);

template<typename E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
bool decode(const QJsonValue &j, E &v)
{
    int raw = 0;
    if (!decode(j, raw) || raw < 0 || raw > 255)
        return false;
    v = E(raw);
    return true;
}
template<typename T>
bool decode(const QJsonValue &j, std::optional<T> &v)
{
    if (j.isNull()) {
        v.reset();
        return true;
    }
    T value{};
    if (!decode(j, value))
        return false;
    v = std::move(value);
    return true;
}
template<typename List>
bool decodeList(const QJsonValue &j, List &list)
{
    if (!j.isArray())
        return false;
    list.clear();
    for (const QJsonValue &item : j.toArray()) {
        typename List::value_type value{};
        if (!decode(item, value))
            return false;
        list.push_back(std::move(value));
    }
    return true;
}
template<typename T>
bool decode(const QJsonValue &j, QList<T> &v)
{
    return decodeList(j, v);
}
template<typename T>
bool decode(const QJsonValue &j, std::vector<T> &v)
{
    return decodeList(j, v);
}

struct In {
    QJsonObject object;
    bool ok = true;
    template<typename T>
    void operator()(const char *name, T &value)
    {
        if (ok && !decode(object.value(QLatin1String(name)), value))
            ok = false;
    }
};

// fields() takes a mutable reference so that one list serves both directions; Out only reads.
#define WIRESCOPE_DEFINE_RECORD(S)                                                                    \
    QJsonValue encode(const S &v)                                                                     \
    {                                                                                                 \
        Out out;                                                                                      \
        fields(out, const_cast<S &>(v));                                                              \
        return out.object;                                                                            \
    }                                                                                                 \
    bool decode(const QJsonValue &j, S &v)                                                            \
    {                                                                                                 \
        if (!j.isObject())                                                                            \
            return false;                                                                             \
        In in{j.toObject()};                                                                          \
        fields(in, v);                                                                                \
        return in.ok;                                                                                 \
    }
WIRESCOPE_STORED_RECORDS(WIRESCOPE_DEFINE_RECORD)
#undef WIRESCOPE_DEFINE_RECORD

// HttpRequest keeps its URL and query parameters in step through setters, so it is read
// and written through them.
QJsonValue encode(const HttpRequest &v)
{
    return QJsonObject{{QStringLiteral("method"), v.method()},   {QStringLiteral("url"), v.url()},
                       {QStringLiteral("query"), encode(v.queryParams())}, {QStringLiteral("headers"), encode(v.headers())},
                       {QStringLiteral("body"), encode(v.body())}, {QStringLiteral("auth"), encode(v.auth())}};
}

bool decode(const QJsonValue &j, HttpRequest &v)
{
    const QJsonObject o = j.toObject();
    QString method, url;
    QList<KeyValueRow> query, headers;
    HttpBody body;
    HttpAuth auth;
    if (!decode(o.value(QLatin1String("method")), method) || !decode(o.value(QLatin1String("url")), url)
        || !decode(o.value(QLatin1String("query")), query) || !decode(o.value(QLatin1String("headers")), headers)
        || !decode(o.value(QLatin1String("body")), body) || !decode(o.value(QLatin1String("auth")), auth))
        return false;
    v = HttpRequest();
    v.setMethod(method);
    // The URL as it was; disabled parameters come back after the enabled ones, unless
    // writing the list back gives the very same URL (then the list keeps its order too).
    v.setQueryParams(query);
    v.setUrl(url);
    if (v.queryParams() != query) {
        HttpRequest ordered = v;
        ordered.setQueryParams(query);
        if (ordered.url() == url)
            v = ordered;
    }
    v.setHeaders(headers);
    v.setBody(body);
    v.setAuth(auth);
    return true;
}

// --- the records' fields --------------------------------------------------------------

template<typename A> void fields(A &a, Violation &v)
{
    a("kind", v.kind); a("offset", v.offset); a("length", v.length); a("detail", v.detail);
}
template<typename A> void fields(A &a, Failure &v)
{
    a("kind", v.kind); a("violation", v.violation); a("detail", v.detail);
}
template<typename A> void fields(A &a, PhaseTimings &v)
{
    a("start_ns", v.startNs); a("dns_start_ns", v.dnsStartNs); a("dns_end_ns", v.dnsEndNs);
    a("connect_start_ns", v.connectStartNs); a("connect_end_ns", v.connectEndNs);
    a("ssl_start_ns", v.sslStartNs); a("ssl_end_ns", v.sslEndNs);
    a("send_start_ns", v.sendStartNs); a("send_end_ns", v.sendEndNs);
    a("first_byte_ns", v.firstByteNs); a("last_byte_ns", v.lastByteNs);
}
template<typename A> void fields(A &a, TlsCertificateInfo &v)
{
    a("subject", v.subject); a("issuer", v.issuer); a("not_before", v.notBefore); a("not_after", v.notAfter);
    a("sha256", v.sha256); a("subject_alt_names", v.subjectAltNames); a("pem", v.pem);
}
template<typename A> void fields(A &a, TlsErrorInfo &v)
{
    a("id", v.id); a("message", v.message); a("certificate", v.certificateIndex);
}
template<typename A> void fields(A &a, TlsInfo &v)
{
    a("used", v.used); a("protocol", v.protocol); a("cipher", v.cipher); a("alpn", v.alpn);
    a("chain", v.chain); a("errors", v.errors); a("errors_ignored", v.errorsIgnored);
}
template<typename A> void fields(A &a, HttpHeaderField &v)
{
    a("name", v.name); a("value", v.value); a("raw", v.raw); a("offset", v.offset);
}
template<typename A> void fields(A &a, HttpChunkInfo &v)
{
    a("offset", v.offset); a("size", v.size); a("extensions", v.extensions);
}
template<typename A> void fields(A &a, HttpInterimResponse &v)
{
    a("status", v.status); a("reason", v.reason); a("version", v.version); a("headers", v.headers);
    a("offset", v.offset);
}
template<typename A> void fields(A &a, HttpResponse &v)
{
    a("version", v.version); a("status", v.status); a("reason", v.reason); a("headers", v.headers);
    a("trailers", v.trailers); a("interim", v.interim); a("chunks", v.chunks); a("framing", v.framing);
    a("offset", v.offset); a("head_bytes", v.headBytes); a("wire_body_bytes", v.wireBodyBytes);
    a("body", v.body); a("decoded_body", v.decodedBody); a("content_codings", v.contentCodings);
    a("decoded_truncated", v.decodedTruncated); a("violations", v.violations);
}
template<typename A> void fields(A &a, WsHandshakeCheck &v)
{
    a("what", v.what); a("expected", v.expected); a("actual", v.actual); a("passed", v.passed);
    a("violation", v.violation);
}
template<typename A> void fields(A &a, WsAcceptDerivation &v)
{
    a("key", v.key); a("key_plus_guid", v.keyPlusGuid); a("sha1_hex", v.sha1Hex); a("expected", v.expected);
    a("actual", v.actual); a("present", v.present); a("match", v.match);
}
template<typename A> void fields(A &a, WsHandshakeVerdict &v)
{
    a("ok", v.ok); a("checks", v.checks); a("accept", v.accept); a("subprotocol", v.subprotocol);
    a("extensions", v.extensions); a("violations", v.violations);
}
template<typename A> void fields(A &a, PmdParams &v)
{
    a("server_no_context_takeover", v.serverNoContextTakeover);
    a("client_no_context_takeover", v.clientNoContextTakeover);
    a("server_max_window_bits", v.serverMaxWindowBits); a("client_max_window_bits", v.clientMaxWindowBits);
}
template<typename A> void fields(A &a, PmdOffer &v)
{
    a("server_no_context_takeover", v.serverNoContextTakeover);
    a("client_no_context_takeover", v.clientNoContextTakeover);
    a("server_max_window_bits", v.serverMaxWindowBits); a("client_max_window_bits", v.clientMaxWindowBits);
    a("client_max_window_bits_value", v.clientMaxWindowBitsValue);
}
template<typename A> void fields(A &a, WsHandshakeRecord &v)
{
    a("timings", v.timings); a("request_bytes", v.requestBytes); a("response_bytes", v.responseBytes);
    a("response", v.response); a("verdict", v.verdict); a("deflate_negotiated", v.deflateNegotiated);
    a("deflate_params", v.deflateParams); a("tls", v.tls); a("peer_address", v.peerAddress);
}
template<typename A> void fields(A &a, WsCloseRecord &v)
{
    a("t_ns", v.tNs); a("initiator", v.initiator); a("sent_close", v.sentClose); a("sent_code", v.sentCode);
    a("sent_reason", v.sentReason); a("received_close", v.receivedClose); a("received_code", v.receivedCode);
    a("received_reason", v.receivedReason); a("code", v.code); a("reason", v.reason); a("clean", v.clean);
    a("failure", v.failure);
}
template<typename A> void fields(A &a, HttpParserLimits &v)
{
    a("max_header_bytes", v.maxHeaderBytes); a("max_header_count", v.maxHeaderCount);
    a("max_line_bytes", v.maxLineBytes); a("max_body_bytes", v.maxBodyBytes);
    a("max_interim_responses", v.maxInterimResponses);
}
template<typename A> void fields(A &a, HttpParserLeniency &v)
{
    a("bare_lf", v.bareLf); a("obs_fold", v.obsFold);
}
template<typename A> void fields(A &a, WsConnectOptions &v)
{
    a("url", v.url); a("origin", v.origin); a("subprotocols", v.subprotocols); a("headers", v.headers);
    a("basic_user", v.basicUser); a("basic_password", v.basicPassword); a("bearer_token", v.bearerToken);
    a("cookies", v.cookies); a("session_cookies", v.sessionCookies); a("permessage_deflate", v.permessageDeflate);
    a("deflate_offer", v.deflateOffer); a("ignore_certificate_errors", v.ignoreCertificateErrors);
    a("ca_certificates", v.caCertificates); a("proxy", v.proxy); a("connect_timeout_ms", v.connectTimeoutMs);
    a("handshake_timeout_ms", v.handshakeTimeoutMs); a("close_timeout_ms", v.closeTimeoutMs);
    a("auto_pong", v.autoPong); a("ping_interval_ms", v.pingIntervalMs); a("keep_inspecting", v.keepInspecting);
    a("http_limits", v.httpLimits); a("http_leniency", v.httpLeniency); a("max_frame_payload", v.maxFramePayload);
    a("max_message_size", v.maxMessageSize); a("max_inflated_size", v.maxInflatedSize);
}
template<typename A> void fields(A &a, KeyValueRow &v)
{
    a("name", v.name); a("value", v.value); a("enabled", v.enabled);
}
template<typename A> void fields(A &a, MultipartPart &v)
{
    a("name", v.name); a("value", v.value); a("file_path", v.filePath); a("file_name", v.fileName);
    a("content_type", v.contentType); a("enabled", v.enabled);
}
template<typename A> void fields(A &a, HttpBody &v)
{
    a("kind", v.kind); a("text", v.text); a("raw_content_type", v.rawContentType); a("form_fields", v.formFields);
    a("parts", v.parts); a("binary_file_path", v.binaryFilePath); a("binary_content_type", v.binaryContentType);
    a("multipart_boundary", v.multipartBoundary);
}
template<typename A> void fields(A &a, HttpAuth &v)
{
    a("kind", v.kind); a("username", v.username); a("password", v.password); a("token", v.token);
}
template<typename A> void fields(A &a, HttpRequestOptions &v)
{
    a("follow_redirects", v.followRedirects); a("max_redirects", v.maxRedirects);
    a("ignore_certificate_errors", v.ignoreCertificateErrors); a("ca_certificates", v.caCertificates);
    a("accept_compressed", v.acceptCompressed); a("decode_content", v.decodeContent);
    a("decoded_body_limit", v.decodedBodyLimit); a("connect_timeout_ms", v.connectTimeoutMs);
    a("total_timeout_ms", v.totalTimeoutMs); a("reuse_connections", v.reuseConnections);
    a("use_cookies", v.useCookies); a("proxy", v.proxy); a("limits", v.limits); a("leniency", v.leniency);
}
template<typename A> void fields(A &a, WireHeader &v)
{
    a("name", v.name); a("value", v.value);
}
template<typename A> void fields(A &a, PreparedRequest &v)
{
    a("method", v.method); a("url", v.url); a("scheme", v.scheme); a("host", v.host); a("port", v.port);
    a("target", v.target); a("headers", v.headers); a("body", v.body);
    a("unresolved_variables", v.unresolvedVariables); a("errors", v.errors);
}
template<typename A> void fields(A &a, ConnectionInfo &v)
{
    a("id", v.id); a("reused", v.reused); a("remote_address", v.remoteAddress); a("remote_port", v.remotePort);
    a("local_address", v.localAddress); a("local_port", v.localPort); a("proxy", v.proxy); a("tls", v.tls);
}
template<typename A> void fields(A &a, HttpHop &v)
{
    a("request", v.request); a("request_bytes", v.requestBytes); a("response", v.response);
    a("response_bytes", v.responseBytes); a("response_stream_offset", v.responseStreamOffset);
    a("timings", v.timings); a("connection", v.connection); a("complete", v.complete);
}
template<typename A> void fields(A &a, HttpExchangeRecord &v)
{
    a("id", v.id); a("request", v.request); a("options", v.options); a("hops", v.hops); a("error", v.error);
    a("start_ns", v.startNs); a("end_ns", v.endNs);
}

template<typename S>
bool decodeRecord(const QJsonObject &object, S *record)
{
    S value;
    if (!decode(QJsonValue(object), value))
        return false;
    *record = std::move(value);
    return true;
}

} // namespace

const ViolationKind *violationKindById(QStringView id)
{
    for (const auto *kinds : {&wsViolationKinds(), &httpViolationKinds()})
        for (const ViolationKind *kind : *kinds)
            if (id == QLatin1String(kind->id))
                return kind;
    return nullptr;
}

QJsonObject wsConnectOptionsToStoreJson(const WsConnectOptions &options)
{
    return encode(options).toObject();
}

bool wsConnectOptionsFromStoreJson(const QJsonObject &object, WsConnectOptions *options)
{
    return decodeRecord(object, options);
}

QJsonObject wsHandshakeToStoreJson(const WsHandshakeRecord &record)
{
    return encode(record).toObject();
}

bool wsHandshakeFromStoreJson(const QJsonObject &object, WsHandshakeRecord *record)
{
    return decodeRecord(object, record);
}

QJsonObject wsCloseToStoreJson(const WsCloseRecord &record)
{
    return encode(record).toObject();
}

bool wsCloseFromStoreJson(const QJsonObject &object, WsCloseRecord *record)
{
    return decodeRecord(object, record);
}

QJsonObject httpExchangeToStoreJson(const HttpExchangeRecord &record)
{
    return encode(record).toObject();
}

bool httpExchangeFromStoreJson(const QJsonObject &object, HttpExchangeRecord *record)
{
    return decodeRecord(object, record);
}

} // namespace wirescope

#include "core/session/harreader.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>

namespace wirescope {

QString HarReadError::message() const
{
    return path.isEmpty() ? QStringLiteral("%1: %2").arg(id, detail) : QStringLiteral("%1 at %2: %3").arg(id, path, detail);
}

namespace {

// Checked on the bytes before Qt's parser sees them: nesting (Qt's own limit is far
// deeper) and RFC 8259 §7 escapes, which Qt's parser lets through when unknown ("\q").
// An empty string when both are fine, else the error's id and detail.
std::pair<const char *, QString> scan(QByteArrayView json, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '"') {
                inString = false;
            } else if (c == '\\') {
                const char e = i + 1 < json.size() ? json[i + 1] : '\0';
                bool valid = QByteArrayView("\"\\/bfnrtu").contains(e) && e != '\0';
                if (e == 'u')
                    for (qsizetype k = i + 2; valid && k < i + 6; ++k)
                        valid = k < json.size() && isxdigit(uchar(json[k]));
                if (!valid)
                    return {"har.not_json", QStringLiteral("invalid escape at byte %1").arg(i)};
                i += e == 'u' ? 5 : 1;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return {"har.too_deep", QStringLiteral("nested deeper than %1").arg(maxDepth)};
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return {nullptr, {}};
}

// Reads one log; the first problem stops it and is the error.
class LogReader
{
public:
    LogReader(const HarReaderLimits &limits, HarReadError &error) : m_limits(limits), m_error(error) {}

    bool read(const QJsonObject &root, HarImport &out);

private:
    bool fail(const char *id, const QString &path, const QString &detail)
    {
        if (ok()) // the first problem is the one to fix
            m_error = HarReadError{QString::fromLatin1(id), path, detail};
        return false;
    }
    bool ok() const { return m_error.id.isEmpty(); }

    // A member of `o`; absent is an error only when `required`.
    QJsonValue member(const QJsonObject &o, const QString &path, const char *key, QJsonValue::Type type, bool required)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        const QString at = path.isEmpty() ? QString::fromLatin1(key) : path + u'.' + QLatin1String(key);
        if (v.isUndefined() || (v.isNull() && !required)) {
            if (required)
                fail("har.missing_field", at, QStringLiteral("required by HAR 1.2"));
            return QJsonValue::Undefined;
        }
        if (v.type() != type) {
            fail("har.wrong_type", at, QStringLiteral("not a%1").arg(typeName(type)));
            return QJsonValue::Undefined;
        }
        return v;
    }
    static QString typeName(QJsonValue::Type type)
    {
        switch (type) {
        case QJsonValue::Object: return QStringLiteral("n object");
        case QJsonValue::Array: return QStringLiteral("n array");
        case QJsonValue::String: return QStringLiteral(" string");
        case QJsonValue::Double: return QStringLiteral(" number");
        case QJsonValue::Bool: return QStringLiteral(" boolean");
        default: return QStringLiteral(" value");
        }
    }
    QDateTime dateTime(const QString &text, const QString &path);
    QList<QPair<QString, QString>> pairs(const QJsonObject &o, const QString &path, const char *key);
    QByteArray body(const QJsonObject &o, const QString &path, const char *encodingKey);
    qint64 nsAt(const QDateTime &t) const { return (t.toMSecsSinceEpoch() - m_anchorMs) * 1'000'000; }
    quint32 connectionFor(const QJsonObject &entry, qsizetype index, const QString &label, ConnectionProtocol protocol,
                          qint64 tNs, HarImport &out);
    PhaseTimings timings(const QJsonObject &entry, const QString &path, qint64 startNs);
    // A user's comment (`commentKey`: HAR's `comment` on an entry, `_comment` on a
    // WebSocket message) on the row just added, with the label Wirescope keeps in `_label`.
    // One that is not a string is left out with a note; the row stays.
    void comment(const QJsonObject &o, const QString &path, const char *commentKey, HarImport &out);
    // What every entry has: its request and response, their paths, its start and status.
    struct Head {
        QString rq;
        QString rs;
        QJsonObject request;
        QJsonObject response;
        QString method;
        QString url;
        QDateTime started;
        double status = 0;
    };
    Head head(const QJsonObject &entry, const QString &path);
    QString serverAddress(const QJsonObject &entry, const QString &path);
    void noteResponse(const Head &h, const QString &path, HarImport &out);
    void readResponseHead(const Head &h, HttpResponse &r);
    bool httpEntry(const QJsonObject &entry, const QString &path, qsizetype index, HarImport &out);
    bool wsEntry(const QJsonObject &entry, const QString &path, qsizetype index, HarImport &out);

    const HarReaderLimits &m_limits;
    HarReadError &m_error;
    qint64 m_anchorMs = 0;
    bool m_connectExcludesSsl = false;
    bool m_connectionIsId = false; // `connection` is always an id (Wirescope's own files)
    QHash<QString, quint32> m_connections; // HAR's `connection` -> our id
    QStringList m_newConnections;          // keys the current entry added (undone if it is skipped)
    quint32 m_nextConnection = 1;
    qsizetype m_messages = 0;
    QStringList m_unknownBodies;           // entries whose body the HAR left out
    QStringList m_unkeptUpgrades;          // WebSocket entries whose request headers are not kept
    QStringList *m_notes = nullptr;        // the import's notes
};

// The first paths of a note that stands for many entries (a browser's HAR may leave out
// hundreds of image bodies): one line stays readable.
QString listed(const QStringList &paths)
{
    constexpr qsizetype shown = 10;
    const QString first = paths.mid(0, shown).join(QStringLiteral(", "));
    return paths.size() <= shown ? first : QStringLiteral("%1 and %2 more").arg(first).arg(paths.size() - shown);
}

// ISO 8601 (HAR 1.2 startedDateTime), any number of fraction digits (mitmproxy writes µs),
// 'Z' or an offset (Firefox and Charles write local time, "-07:00").
QDateTime parseDate(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t : QDateTime::fromString(text, Qt::ISODate);
}

QDateTime LogReader::dateTime(const QString &text, const QString &path)
{
    const QDateTime t = parseDate(text);
    if (!t.isValid())
        fail("har.bad_value", path, QStringLiteral("not an ISO 8601 date and time: \"%1\"").arg(text.left(64)));
    return t;
}

QList<QPair<QString, QString>> LogReader::pairs(const QJsonObject &o, const QString &path, const char *key)
{
    // A pair without a string name and value (Charles writes null values) is left out with a
    // note; the entry's other headers still count.
    QList<QPair<QString, QString>> out;
    const QJsonArray list = member(o, path, key, QJsonValue::Array, false).toArray();
    for (qsizetype i = 0; ok() && i < list.size(); ++i) {
        const QJsonValue name = list[i].toObject().value(QStringLiteral("name"));
        const QJsonValue value = list[i].toObject().value(QStringLiteral("value"));
        if (name.isString() && value.isString())
            out.append({name.toString(), value.toString()});
        else
            m_notes->append(QStringLiteral("%1.%2[%3]: not a name and a value, left out").arg(path, QLatin1String(key)).arg(i));
    }
    return out;
}

QByteArray LogReader::body(const QJsonObject &o, const QString &path, const char *encodingKey)
{
    const QString text = member(o, path, "text", QJsonValue::String, false).toString();
    if (text.size() > m_limits.maxBodyBytes * 4 / 3 + 4) {
        fail("har.body_too_large", path + QStringLiteral(".text"), QStringLiteral("over %1 bytes").arg(m_limits.maxBodyBytes));
        return {};
    }
    QByteArray bytes;
    if (member(o, path, encodingKey, QJsonValue::String, false).toString() == u"base64") {
        auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            fail("har.bad_value", path + QStringLiteral(".text"), QStringLiteral("not base64"));
            return {};
        }
        bytes = *decoded;
    } else {
        bytes = text.toUtf8();
    }
    if (bytes.size() > m_limits.maxBodyBytes)
        fail("har.body_too_large", path + QStringLiteral(".text"), QStringLiteral("over %1 bytes").arg(m_limits.maxBodyBytes));
    return bytes;
}

quint32 LogReader::connectionFor(const QJsonObject &entry, qsizetype index, const QString &label,
                                 ConnectionProtocol protocol, qint64 tNs, HarImport &out)
{
    // `_connectionId` (Chrome) names the connection. HAR's `connection` may be "the client or
    // server port number" (HAR 1.2): Chrome and Firefox write the server's port there, which
    // many connections share, so a value equal to the URL's port groups nothing (Wirescope's
    // own files write the session's connection id, whatever its value). Without an
    // id, or for a WebSocket, an entry is a connection of its own.
    const QUrl url(label);
    QString key = entry.value(QStringLiteral("_connectionId")).toVariant().toString();
    if (key.isEmpty() || key == u"0") {
        key = entry.value(QStringLiteral("connection")).toVariant().toString();
        const int port = url.port(url.scheme() == u"https" || url.scheme() == u"wss" ? 443 : 80);
        if (key == QString::number(port) && !m_connectionIsId)
            key.clear();
    }
    if (key.isEmpty() || protocol == ConnectionProtocol::WebSocket)
        key = QStringLiteral("#%1").arg(index);
    key = label + u' ' + key;
    if (const auto it = m_connections.constFind(key); it != m_connections.cend())
        return *it;
    const quint32 id = m_nextConnection++;
    m_connections.insert(key, id);
    m_newConnections << key;
    TimelineRow row;
    row.tNs = tNs;
    row.connection = id;
    row.kind = quint8(RowKind::Event);
    row.flags = TimelineRow::Outgoing;
    row.extra = quint8(EventType::Opening);
    ConnectionOpening opening;
    opening.protocol = protocol;
    opening.label = label;
    if (protocol == ConnectionProtocol::WebSocket)
        opening.wsOptions.url = url;
    out.batch.rows.push_back(row);
    out.batch.openings.push_back({out.batch.rows.size() - 1, opening});
    return id;
}

void LogReader::comment(const QJsonObject &o, const QString &path, const char *commentKey, HarImport &out)
{
    const QJsonValue text = o.value(QLatin1String(commentKey));
    const QJsonValue label = o.value(QStringLiteral("_label"));
    for (const auto &[value, key] : {std::pair {text, QLatin1String(commentKey)}, std::pair {label, QLatin1String("_label")}})
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            out.notes << QStringLiteral("%1.%2: not a string, left out").arg(path, key);
    const SessionAnnotation a
        = SessionAnnotation::fromText(qint64(out.batch.rows.size()) - 1, text.toString(), label.toString());
    if (!a.isEmpty())
        out.annotations.append(a);
}

PhaseTimings LogReader::timings(const QJsonObject &entry, const QString &path, qint64 startNs)
{
    // HAR 1.2 timings back into stamps, phase after phase from the start; -1 phases are
    // skipped. connect includes ssl (HAR 1.2), except in mitmproxy's files, where it does not.
    PhaseTimings t;
    t.startNs = startNs;
    const QJsonObject o = member(entry, path, "timings", QJsonValue::Object, false).toObject();
    const auto phase = [&](const char *key) -> qint64 {
        const double ms = member(o, path + QStringLiteral(".timings"), key, QJsonValue::Double, false).toDouble(-1);
        return ms < 0 || !std::isfinite(ms) || ms > 1e12 ? -1 : qint64(std::llround(ms * 1e6));
    };
    qint64 cursor = startNs;
    if (const qint64 blocked = phase("blocked"); blocked >= 0)
        cursor += blocked;
    if (const qint64 dns = phase("dns"); dns >= 0) {
        t.dnsStartNs = cursor;
        t.dnsEndNs = cursor += dns;
    }
    qint64 connect = phase("connect");
    const qint64 ssl = phase("ssl");
    if (m_connectExcludesSsl && connect >= 0 && ssl >= 0)
        connect += ssl;
    if (connect >= 0) {
        t.connectStartNs = cursor;
        cursor += connect;
        t.connectEndNs = ssl >= 0 && ssl <= connect ? cursor - ssl : cursor;
        if (ssl >= 0 && ssl <= connect) {
            t.sslStartNs = t.connectEndNs;
            t.sslEndNs = cursor;
        }
    }
    t.sendStartNs = cursor;
    t.sendEndNs = cursor += std::max<qint64>(0, phase("send"));
    t.firstByteNs = cursor += std::max<qint64>(0, phase("wait"));
    t.lastByteNs = cursor += std::max<qint64>(0, phase("receive"));
    return t;
}

LogReader::Head LogReader::head(const QJsonObject &entry, const QString &path)
{
    Head h;
    h.rq = path + QStringLiteral(".request");
    h.rs = path + QStringLiteral(".response");
    h.request = member(entry, path, "request", QJsonValue::Object, true).toObject();
    h.response = member(entry, path, "response", QJsonValue::Object, true).toObject();
    h.method = member(h.request, h.rq, "method", QJsonValue::String, true).toString();
    h.url = member(h.request, h.rq, "url", QJsonValue::String, true).toString();
    h.started = dateTime(member(entry, path, "startedDateTime", QJsonValue::String, true).toString(),
                         path + QStringLiteral(".startedDateTime"));
    h.status = member(h.response, h.rs, "status", QJsonValue::Double, true).toDouble();
    return h;
}

void LogReader::readResponseHead(const Head &h, HttpResponse &r)
{
    r.status = int(h.status);
    r.reason = member(h.response, h.rs, "statusText", QJsonValue::String, false).toString().toUtf8();
    r.version = member(h.response, h.rs, "httpVersion", QJsonValue::String, false).toString().toLatin1();
    for (const auto &[name, value] : pairs(h.response, h.rs, "headers"))
        r.headers.append(HttpHeaderField{name.toUtf8(), value.toUtf8(), {}, -1});
}

QString LogReader::serverAddress(const QJsonObject &entry, const QString &path)
{
    // Chrome writes an IPv6 address in brackets ("[::1]"), the others without: kept bare.
    QString address = member(entry, path, "serverIPAddress", QJsonValue::String, false).toString();
    if (address.startsWith(u'[') && address.endsWith(u']'))
        address = address.mid(1, address.size() - 2);
    return address;
}

void LogReader::noteResponse(const Head &h, const QString &path, HarImport &out)
{
    // What the HAR says about an answer it does not hold: Chrome's and mitmproxy's `_error`,
    // and a body whose text was left out (Firefox for images, HTTP Toolkit over its size
    // limit): an unknown body, not an empty one.
    const QString error = h.response.value(QStringLiteral("_error")).toString();
    if (h.status == 0)
        out.notes << h.rs + (error.isEmpty() ? QStringLiteral(": no response (status 0)")
                                             : QStringLiteral(": no response (status 0): %1").arg(error.left(200)));
    const QJsonObject content = h.response.value(QStringLiteral("content")).toObject();
    if (h.status != 0 && !content.contains(QStringLiteral("text")) && content.value(QStringLiteral("size")).toDouble(-1) != 0)
        m_unknownBodies << path;
}

bool LogReader::httpEntry(const QJsonObject &entry, const QString &path, qsizetype index, HarImport &out)
{
    const Head h = head(entry, path);
    if (!ok())
        return false;
    const QString &rq = h.rq;
    const QString &rs = h.rs;
    const QJsonObject &request = h.request;
    const QJsonObject &response = h.response;
    const QString &method = h.method;
    const QString &url = h.url;
    const double status = h.status;
    if (status < 0 || status > 999 || status != std::floor(status))
        return fail("har.bad_value", rs + QStringLiteral(".status"), QStringLiteral("not an HTTP status code"));
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return fail("har.bad_value", rq + QStringLiteral(".url"), QStringLiteral("not an absolute URL"));

    HttpExchangeRecord record;
    record.id = quint64(index + 1);
    record.request.setMethod(method);
    record.request.setUrl(url);
    HttpHop hop;
    hop.request.method = method.toLatin1();
    hop.request.url = url;
    hop.request.scheme = parsed.scheme();
    hop.request.host = parsed.host();
    hop.request.port = quint16(parsed.port(parsed.scheme() == u"https" ? 443 : 80));
    hop.request.target = parsed.path(QUrl::FullyEncoded).toLatin1();
    if (hop.request.target.isEmpty())
        hop.request.target = "/";
    if (parsed.hasQuery())
        hop.request.target += '?' + parsed.query(QUrl::FullyEncoded).toLatin1();
    for (const auto &[name, value] : pairs(request, rq, "headers"))
        hop.request.headers.append(WireHeader{name.toUtf8(), value.toUtf8()});
    const QJsonObject post = member(request, rq, "postData", QJsonValue::Object, false).toObject();
    // HTTP Toolkit keeps a body that is not UTF-8 in `_content` {text, encoding: "base64"}.
    const QJsonObject binary = member(request, rq, "_content", QJsonValue::Object, false).toObject();
    if (!binary.isEmpty()) {
        hop.request.body = body(binary, rq + QStringLiteral("._content"), "encoding");
    } else if (!post.isEmpty()) {
        hop.request.body = body(post, rq + QStringLiteral(".postData"), "_encoding");
        if (!post.contains(QStringLiteral("text")) && post.contains(QStringLiteral("params")))
            out.notes << rq + QStringLiteral(".postData: params without text, the body's bytes are unknown");
    } else if (request.value(QStringLiteral("bodySize")).toDouble(0) > 0
               || request.value(QStringLiteral("_requestBodyStatus")).toString().startsWith(u"discarded")) {
        out.notes << rq + QStringLiteral(": a body the HAR left out, its bytes are unknown");
    }

    HttpResponse &r = hop.response;
    readResponseHead(h, r);
    const QJsonObject content = member(response, rs, "content", QJsonValue::Object, false).toObject();
    r.decodedBody = body(content, rs + QStringLiteral(".content"), "encoding");
    // HAR keeps the decoded body; the content-coded bytes are not in it.
    if (!r.hasHeader("content-encoding"))
        r.body = r.decodedBody;
    else
        r.contentCodings = r.headerValue("content-encoding").split(',');
    r.headBytes = std::max<qint64>(0, qint64(member(response, rs, "headersSize", QJsonValue::Double, false).toDouble(0)));
    if (!ok())
        return false;
    hop.complete = r.status != 0;
    noteResponse(h, path, out);

    const qint64 startNs = nsAt(h.started);
    hop.timings = timings(entry, path, startNs);
    hop.connection.remoteAddress = serverAddress(entry, path);
    const QString origin = parsed.scheme() + QStringLiteral("://") + parsed.authority();
    const quint32 connection = connectionFor(entry, index, origin, ConnectionProtocol::Http, startNs, out);
    hop.connection.id = connection;
    record.hops.append(hop);
    record.startNs = startNs;
    const double time = member(entry, path, "time", QJsonValue::Double, false).toDouble(-1);
    record.endNs = time >= 0 && time < 1e12 ? startNs + qint64(std::llround(time * 1e6)) : hop.timings.lastByteNs;
    if (!ok())
        return false;

    TimelineRow row;
    row.tNs = startNs;
    row.connection = connection;
    row.kind = quint8(RowKind::Exchange);
    row.flags = TimelineRow::Outgoing;
    row.size = quint32(std::min<qint64>(r.decodedBody.size(), std::numeric_limits<quint32>::max()));
    row.extra = 1;
    out.batch.rows.push_back(row);
    out.batch.exchanges.push_back({out.batch.rows.size() - 1, std::make_shared<const HttpExchangeRecord>(record)});
    comment(entry, path, "comment", out);
    return true;
}

bool LogReader::wsEntry(const QJsonObject &entry, const QString &path, qsizetype index, HarImport &out)
{
    const Head h = head(entry, path);
    const QJsonArray messages = member(entry, path, "_webSocketMessages", QJsonValue::Array, false).toArray();
    if (!ok())
        return false;
    // mitmproxy writes the upgrade request's http(s) URL; the connection's is ws(s) (RFC 6455 §3).
    QUrl url(h.url);
    if (url.scheme() == u"http" || url.scheme() == u"https")
        url.setScheme(url.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    if (!url.isValid() || url.host().isEmpty())
        return fail("har.bad_value", h.rq + QStringLiteral(".url"), QStringLiteral("not an absolute URL"));
    const qint64 startNs = nsAt(h.started);
    const quint32 connection = connectionFor(entry, index, url.toString(), ConnectionProtocol::WebSocket, startNs, out);

    WsHandshakeRecord handshake;
    handshake.timings = timings(entry, path, startNs);
    readResponseHead(h, handshake.response);
    // The record holds the upgrade request as raw bytes, which a HAR does not have.
    if (!h.request.value(QStringLiteral("headers")).toArray().isEmpty())
        m_unkeptUpgrades << path;
    const QString server = serverAddress(entry, path);
    if (!server.isEmpty())
        handshake.peerAddress = (server.contains(u':') ? u'[' + server + u']' : server) + u':'
                                + QString::number(url.port(url.scheme() == u"wss" ? 443 : 80));
    if (!ok())
        return false;

    const double anchorS = double(m_anchorMs) / 1e3;
    // Epoch seconds in a double resolve ~0.2 µs today: read to the microsecond.
    const auto nsOf = [anchorS](double seconds) { return qint64(std::llround((seconds - anchorS) * 1e6)) * 1000; };
    // The messages as the HAR has them. One that cannot be read is left out with a note
    // (Chrome's importer skips them too); the connection's other messages still count.
    struct Message {
        qint64 tNs;
        bool outgoing;
        quint8 opcode;
        QByteArray payload;
        QJsonObject source; // for its comment, once it has its row
        QString at;
    };
    std::vector<Message> read;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QString at = QStringLiteral("%1._webSocketMessages[%2]").arg(path).arg(i);
        if (++m_messages > m_limits.maxMessages)
            return fail("har.too_many", at, QStringLiteral("over %1 WebSocket messages").arg(m_limits.maxMessages));
        const QJsonObject m = messages[i].toObject();
        const QString type = m.value(QStringLiteral("type")).toString();
        const QJsonValue time = m.value(QStringLiteral("time"));
        const QJsonValue opcode = m.value(QStringLiteral("opcode"));
        const QJsonValue data = m.value(QStringLiteral("data"));
        if (type == u"error") {
            // Chrome's record of a failure on the socket (opcode -1, data its text): no message.
            out.notes << at + QStringLiteral(": Chrome's error \"%1\", not a message").arg(data.toString().left(200));
            continue;
        }
        QString problem;
        if (!messages[i].isObject())
            problem = QStringLiteral("not an object");
        else if (type != u"send" && type != u"receive")
            problem = QStringLiteral("type neither \"send\" nor \"receive\"");
        else if (!time.isDouble() || !std::isfinite(time.toDouble()) || std::abs(time.toDouble() - anchorS) > 1e9)
            problem = QStringLiteral("no time near the entry's");
        else if (!opcode.isDouble() || !data.isString())
            problem = QStringLiteral("no opcode or data");
        else if (opcode.toDouble() != 1 && opcode.toDouble() != 2)
            // A control frame: a message row cannot hold it, and HAR has no frame bytes for it.
            problem = QStringLiteral("opcode %1 is not a data message").arg(opcode.toDouble());
        if (problem.isEmpty()) {
            QJsonObject holder{{QStringLiteral("text"), data}};
            if (opcode.toDouble() == 2)
                holder.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
            QByteArray payload = body(holder, at + QStringLiteral(".data"), "encoding");
            if (m_error.id == u"har.bad_value") {
                m_error = {};
                problem = QStringLiteral("binary data that is not base64");
            } else if (!ok()) {
                return false;
            } else {
                payload.detach();
                read.push_back({nsOf(time.toDouble()), type == u"send", quint8(opcode.toDouble()), std::move(payload), m, at});
            }
        }
        if (!problem.isEmpty())
            out.notes << at + QStringLiteral(": ") + problem + QStringLiteral(", left out");
    }

    // The handshake was complete before the first message, whatever phases the HAR's timings
    // add up to (mitmproxy's overlap: its connect and ssl follow the request's start).
    TimelineRow hs;
    hs.tNs = read.empty() ? handshake.timings.lastByteNs : std::min(handshake.timings.lastByteNs, read.front().tNs);
    hs.connection = connection;
    hs.kind = quint8(RowKind::Event);
    hs.extra = quint8(EventType::Handshake);
    out.batch.rows.push_back(hs);
    out.batch.handshakes.push_back({out.batch.rows.size() - 1, std::make_shared<const WsHandshakeRecord>(handshake)});
    comment(entry, path, "comment", out);
    qint64 last = hs.tNs;
    for (Message &m : read) {
        TimelineRow row;
        row.tNs = std::max(last, m.tNs); // the HAR's order is the order they crossed
        last = row.tNs;
        row.connection = connection;
        row.kind = quint8(RowKind::Message);
        row.opcode = m.opcode;
        row.flags = m.outgoing ? TimelineRow::Outgoing : 0;
        row.size = quint32(std::min<qsizetype>(m.payload.size(), std::numeric_limits<quint32>::max()));
        out.batch.rows.push_back(row);
        // No frames: the message's bytes are kept with its row (RecordBatch::MessageDetail).
        out.batch.messages.push_back({out.batch.rows.size() - 1, RecordBatch::MessageDetail{-1, std::move(m.payload)}});
        comment(m.source, m.at, "_comment", out);
    }

    const QJsonValue close = entry.value(QStringLiteral("_webSocketClose"));
    if (close.isUndefined() || close.isNull())
        return true;
    auto record = std::make_shared<WsCloseRecord>();
    record->tNs = last;
    if (close.isObject()) {
        const QJsonObject c = close.toObject();
        const QString at = path + QStringLiteral("._webSocketClose");
        const double code = member(c, at, "code", QJsonValue::Double, false).toDouble(1005);
        if (code < 0 || code > 65535)
            return fail("har.bad_value", at + QStringLiteral(".code"), QStringLiteral("not a close code"));
        record->code = quint16(code);
        record->reason = member(c, at, "reason", QJsonValue::String, false).toString();
        const double when = member(c, at, "timestamp", QJsonValue::Double, false).toDouble(-1);
        if (when >= 0 && std::isfinite(when) && std::abs(when - anchorS) < 1e9)
            record->tNs = std::max(last, nsOf(when));
        if (!ok())
            return false;
    } else if (close.toString() != u"aborted") {
        return fail("har.bad_value", path + QStringLiteral("._webSocketClose"), QStringLiteral("neither an object nor \"aborted\""));
    }
    TimelineRow row;
    row.tNs = record->tNs;
    row.connection = connection;
    row.kind = quint8(RowKind::Event);
    row.extra = quint8(EventType::Closed);
    out.batch.rows.push_back(row);
    out.batch.closes.push_back({out.batch.rows.size() - 1, std::move(record)});
    return true;
}

bool LogReader::read(const QJsonObject &root, HarImport &out)
{
    m_notes = &out.notes;
    const QJsonObject log = member(root, QString(), "log", QJsonValue::Object, true).toObject();
    const QJsonArray entries = member(log, QStringLiteral("log"), "entries", QJsonValue::Array, true).toArray();
    if (!ok())
        return false;
    if (entries.size() > m_limits.maxEntries)
        return fail("har.too_many", QStringLiteral("log.entries"), QStringLiteral("over %1 entries").arg(m_limits.maxEntries));
    const QJsonObject creator = log.value(QStringLiteral("creator")).toObject();
    m_connectExcludesSsl = creator.value(QStringLiteral("name")).toString().contains(u"mitmproxy", Qt::CaseInsensitive);
    m_connectionIsId = creator.value(QStringLiteral("name")).toString() == u"Wirescope";

    // Session time 0 is the earliest entry; entries are read in the order they started (as
    // Chrome's importer sorts them), each by its place in the file for paths and ids.
    std::vector<std::pair<qint64, qsizetype>> order;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QDateTime t = parseDate(entries[i].toObject().value(QStringLiteral("startedDateTime")).toString());
        order.push_back({t.isValid() ? t.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max(), i});
    }
    std::stable_sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    m_anchorMs = order.empty() || order.front().first == std::numeric_limits<qint64>::max() ? 0 : order.front().first;
    out.wallAnchor = QDateTime::fromMSecsSinceEpoch(m_anchorMs, Qt::UTC);

    // One entry that cannot be read is left out with a note; the others are imported. A file
    // none of whose entries can be read is refused with the first one's error.
    HarReadError first;
    qsizetype readable = 0;
    for (const auto &[ms, i] : order) {
        const QString path = QStringLiteral("log.entries[%1]").arg(i);
        const RecordBatch &b = out.batch;
        const std::array<size_t, 6> sizes{b.rows.size(), b.openings.size(), b.handshakes.size(),
                                          b.messages.size(), b.closes.size(), b.exchanges.size()};
        const qsizetype notes = out.notes.size();
        const qsizetype unknown = m_unknownBodies.size();
        const qsizetype upgrades = m_unkeptUpgrades.size();
        const qsizetype messages = m_messages;
        m_newConnections.clear();
        bool read = false;
        if (!entries[i].isObject()) {
            fail("har.wrong_type", path, QStringLiteral("not an object"));
        } else {
            const QJsonObject entry = entries[i].toObject();
            const bool websocket = entry.value(QStringLiteral("_resourceType")).toString() == u"websocket"
                                   || entry.contains(QStringLiteral("_webSocketMessages"));
            read = websocket ? wsEntry(entry, path, i, out) : httpEntry(entry, path, i, out);
        }
        if (read) {
            ++readable;
            continue;
        }
        if (m_error.id == u"har.too_many")
            return false; // a limit on the whole log
        RecordBatch &undo = out.batch;
        undo.rows.resize(sizes[0]);
        undo.openings.resize(sizes[1]);
        undo.handshakes.resize(sizes[2]);
        undo.messages.resize(sizes[3]);
        undo.closes.resize(sizes[4]);
        undo.exchanges.resize(sizes[5]);
        out.notes.resize(notes);
        m_unknownBodies.resize(unknown);
        m_unkeptUpgrades.resize(upgrades);
        m_messages = messages;
        for (const QString &key : std::as_const(m_newConnections))
            m_connections.remove(key);
        m_nextConnection -= quint32(m_newConnections.size());
        out.notes << QStringLiteral("%1 left out: %2").arg(path, m_error.message());
        if (first.id.isEmpty())
            first = m_error;
        m_error = {};
    }
    if (readable == 0 && !first.id.isEmpty()) {
        m_error = first;
        return false;
    }
    // HTTP Toolkit lists TLS handshakes its clients refused: no request, no entry to show.
    if (const qsizetype tls = log.value(QStringLiteral("_tlsErrors")).toArray().size(); tls > 0)
        out.notes << QStringLiteral("log._tlsErrors: %1 failed TLS connections, not imported").arg(tls);
    if (!m_unknownBodies.isEmpty())
        out.notes << QStringLiteral("%1 response bodies are not in the HAR, unknown: %2")
                         .arg(m_unknownBodies.size()).arg(listed(m_unknownBodies));
    if (!m_unkeptUpgrades.isEmpty())
        out.notes << QStringLiteral("%1 WebSocket upgrade requests' headers are not shown (a handshake keeps raw bytes): %2")
                         .arg(m_unkeptUpgrades.size()).arg(listed(m_unkeptUpgrades));
    return true;
}

} // namespace

std::optional<HarImport> HarReader::read(QByteArrayView json)
{
    m_error = {};
    if (json.size() > m_limits.maxInputBytes) {
        m_error = {QStringLiteral("har.too_large"), {}, QStringLiteral("over %1 bytes").arg(m_limits.maxInputBytes)};
        return std::nullopt;
    }
    if (const auto [id, detail] = scan(json, m_limits.maxDepth); id) {
        m_error = {QString::fromLatin1(id), {}, detail};
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), json.size()), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        m_error = {QStringLiteral("har.not_json"), {},
                   parse.error != QJsonParseError::NoError
                       ? QStringLiteral("%1 at byte %2").arg(parse.errorString()).arg(parse.offset)
                       : QStringLiteral("the top level is not an object")};
        return std::nullopt;
    }
    HarImport out;
    LogReader reader(m_limits, m_error);
    if (!reader.read(doc.object(), out))
        return std::nullopt;
    return out;
}

} // namespace wirescope

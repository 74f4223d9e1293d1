#include "core/session/harwriter.h"

#include "core/session/recordjson.h"
#include "core/session/timeline.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>
#include <functional>

namespace wirescope {

namespace {

// HAR 1.2 "content" / "postData": text when the bytes are UTF-8 (and hold no NUL),
// base64 otherwise; `encoding` says which (HAR 1.2 content.encoding).
struct Text {
    QString text;
    bool base64 = false;
};

Text textOf(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError() && !bytes.contains('\0'))
        return {std::move(text), false};
    return {QString::fromLatin1(bytes.toBase64()), true};
}

QJsonObject pair(const QString &name, const QString &value)
{
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}};
}

struct Field {
    QByteArray name;
    QByteArray value;
};

// The request head we wrote (a WebSocket upgrade), read back line by line: RFC 9112 §3
// request line, §5 field lines. Our own bytes, so no leniency is needed.
QList<Field> requestFields(const QByteArray &head, QByteArray *method, QByteArray *version)
{
    QList<Field> fields;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (i == 0) {
            const QList<QByteArray> parts = line.split(' ');
            *method = parts.value(0);
            *version = parts.value(2);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            fields.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    return fields;
}

class EntryBuilder
{
public:
    EntryBuilder(const Timeline &timeline, const ExportOptions &options)
        : m_timeline(timeline), m_redaction(options.redaction), m_annotations(options.annotations),
          m_anchor(options.wallAnchor.isValid() ? options.wallAnchor : QDateTime::fromMSecsSinceEpoch(0, Qt::UTC))
    {
    }

    // `row`: the exchange's timeline row; its annotation goes on the last hop's entry.
    QJsonObject httpEntry(const HttpExchangeRecord &record, qsizetype hop, qsizetype row) const;
    // A WebSocket connection's entry, streamed to `sink`: its messages and frames are written
    // as each row is read, never gathered, so a connection of a million messages costs no
    // more memory than one of ten. The bytes are those of the entry as one QJsonObject
    // (keys in QJsonObject's order), so readers see the same HAR.
    // `lead` (the separator from the previous entry) goes first, so a small entry is one write.
    // `handshakeRow`: the connection's handshake event row, whose annotation is the entry's.
    bool writeWsEntry(const TimelineConnection &c, qsizetype handshakeRow, const QByteArray &lead,
                      const std::function<bool(const QByteArray &)> &sink) const;

private:
    QString dateTime(qint64 tNs) const
    {
        return m_anchor.addMSecs(tNs / 1'000'000).toUTC().toString(Qt::ISODateWithMs);
    }
    double epochSeconds(qint64 tNs) const
    {
        return double(m_anchor.toMSecsSinceEpoch()) / 1e3 + double(tNs) / 1e9;
    }
    QJsonArray headers(const QList<Field> &fields) const;
    QJsonArray requestCookies(const QList<Field> &fields) const;
    QJsonArray responseCookies(const QList<HttpHeaderField> &fields) const;
    QJsonArray queryString(const QString &url) const;
    QJsonObject response(const HttpResponse &r) const;
    QJsonObject timings(const PhaseTimings &t, double *total) const;
    QJsonObject request(const QByteArray &method, const QString &url, const QByteArray &version,
                        const QList<Field> &fields, qint64 headersSize, const QByteArray &body) const;
    QJsonObject wsHead(const TimelineConnection &c, qsizetype handshakeRow) const;
    // The user's label and note on `row` as `commentKey` (HAR's `comment` on an entry,
    // `_comment` on a WebSocket message) and the label alone as `_label` (docs/har.md).
    void comment(QJsonObject &o, qsizetype row, const QString &commentKey) const;
    // One row of a WebSocket connection as a member of _webSocketMessages, of
    // _wirescope.frames or of _wirescope.violations; empty when it is none of that kind.
    QJsonObject messageJson(qsizetype row) const;
    QJsonObject frameJson(qsizetype row) const;
    QJsonObject violationJson(qsizetype row) const;

    const Timeline &m_timeline;
    Redaction m_redaction;
    const QMap<qint64, SessionAnnotation> &m_annotations;
    QDateTime m_anchor;
};

void EntryBuilder::comment(QJsonObject &o, qsizetype row, const QString &commentKey) const
{
    const auto it = m_annotations.constFind(row);
    if (it == m_annotations.constEnd())
        return;
    o.insert(commentKey, it->text());
    if (!it->label.isEmpty())
        o.insert(QStringLiteral("_label"), it->label);
}

QJsonArray EntryBuilder::headers(const QList<Field> &fields) const
{
    QJsonArray out;
    for (const Field &f : fields)
        out.append(pair(QString::fromUtf8(f.name), m_redaction.headerValue(f.name, QString::fromUtf8(f.value))));
    return out;
}

QJsonArray EntryBuilder::requestCookies(const QList<Field> &fields) const
{
    // RFC 6265 §4.2.1: cookie-string = cookie-pair *( ";" SP cookie-pair ).
    QJsonArray out;
    for (const Field &f : fields) {
        if (f.name.compare("cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &cookie : f.value.split(';')) {
            const qsizetype eq = cookie.indexOf('=');
            if (eq > 0)
                out.append(pair(QString::fromUtf8(cookie.left(eq).trimmed()),
                                m_redaction.cookieValue(QString::fromUtf8(cookie.mid(eq + 1).trimmed()))));
        }
    }
    return out;
}

QJsonArray EntryBuilder::responseCookies(const QList<HttpHeaderField> &fields) const
{
    // RFC 6265 §4.1.1: set-cookie-string = cookie-pair *( ";" SP cookie-av ).
    QJsonArray out;
    for (const HttpHeaderField &f : fields) {
        if (f.name.compare("set-cookie", Qt::CaseInsensitive) != 0)
            continue;
        const QList<QByteArray> parts = f.value.split(';');
        const qsizetype eq = parts.front().indexOf('=');
        if (eq <= 0)
            continue;
        QJsonObject cookie = pair(QString::fromUtf8(parts.front().left(eq).trimmed()),
                                  m_redaction.cookieValue(QString::fromUtf8(parts.front().mid(eq + 1).trimmed())));
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray av = parts[i].trimmed();
            const qsizetype avEq = av.indexOf('=');
            const QByteArray name = (avEq < 0 ? av : av.left(avEq)).toLower();
            const QString value = avEq < 0 ? QString() : QString::fromUtf8(av.mid(avEq + 1));
            if (name == "path" || name == "domain" || name == "expires")
                cookie.insert(QString::fromLatin1(name), value);
            else if (name == "httponly")
                cookie.insert(QStringLiteral("httpOnly"), true);
            else if (name == "secure")
                cookie.insert(QStringLiteral("secure"), true);
        }
        out.append(cookie);
    }
    return out;
}

QJsonArray EntryBuilder::queryString(const QString &url) const
{
    // HAR 1.2 queryString: the URL's query, decoded (RFC 3986 §3.4, '+' as space as in forms).
    QJsonArray out;
    const qsizetype q = url.indexOf(u'?');
    if (q < 0)
        return out;
    QString query = url.mid(q + 1).section(u'#', 0, 0);
    for (const QString &item : query.split(u'&', Qt::SkipEmptyParts)) {
        const auto decode = [](QString s) { return QUrl::fromPercentEncoding(s.replace(u'+', u' ').toUtf8()); };
        const QString name = decode(item.section(u'=', 0, 0));
        out.append(pair(name, m_redaction.parameterValue(name, decode(item.section(u'=', 1)))));
    }
    return out;
}

QJsonObject EntryBuilder::request(const QByteArray &method, const QString &url, const QByteArray &version,
                                  const QList<Field> &fields, qint64 headersSize, const QByteArray &body) const
{
    QJsonObject o{
        {QStringLiteral("method"), QString::fromLatin1(method)},
        {QStringLiteral("url"), m_redaction.url(url)},
        {QStringLiteral("httpVersion"), QString::fromLatin1(version)},
        {QStringLiteral("cookies"), requestCookies(fields)},
        {QStringLiteral("headers"), headers(fields)},
        {QStringLiteral("queryString"), queryString(url)},
        {QStringLiteral("headersSize"), headersSize},
        {QStringLiteral("bodySize"), qint64(body.size())},
    };
    if (!body.isEmpty()) {
        QByteArray mimeType;
        for (const Field &f : fields)
            if (f.name.compare("content-type", Qt::CaseInsensitive) == 0)
                mimeType = f.value;
        const Text text = textOf(body);
        QJsonObject post{{QStringLiteral("mimeType"), QString::fromUtf8(mimeType)}, {QStringLiteral("text"), text.text}};
        if (text.base64)
            post.insert(QStringLiteral("_encoding"), QStringLiteral("base64")); // HAR's postData has no encoding
        if (mimeType.startsWith("application/x-www-form-urlencoded"))
            post.insert(QStringLiteral("params"), queryString(u'?' + text.text));
        o.insert(QStringLiteral("postData"), post);
    }
    return o;
}

QJsonObject EntryBuilder::response(const HttpResponse &r) const
{
    QList<Field> fields;
    for (const HttpHeaderField &h : r.headers)
        fields.append({h.name, h.value});
    const bool answered = r.status != 0;
    QJsonObject content{
        {QStringLiteral("size"), r.decodedSize()},
        {QStringLiteral("mimeType"), answered && r.hasHeader("content-type")
                                         ? QString::fromUtf8(r.headerValue("content-type"))
                                         : QStringLiteral("x-unknown")},
    };
    if (!r.contentCodings.isEmpty())
        content.insert(QStringLiteral("compression"), r.decodedSize() - r.encodedSize());
    if (!r.decodedBody.isEmpty()) {
        const Text text = textOf(r.decodedBody);
        content.insert(QStringLiteral("text"), text.text);
        if (text.base64)
            content.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
    }
    return QJsonObject{
        {QStringLiteral("status"), r.status},
        {QStringLiteral("statusText"), QString::fromUtf8(r.reason)},
        {QStringLiteral("httpVersion"), QString::fromLatin1(r.version)},
        {QStringLiteral("cookies"), responseCookies(r.headers)},
        {QStringLiteral("headers"), headers(fields)},
        {QStringLiteral("content"), content},
        {QStringLiteral("redirectURL"), QString::fromUtf8(r.headerValue("location"))},
        // HAR 1.2: -1 when the size is not available (no answer).
        {QStringLiteral("headersSize"), answered ? r.headBytes : qint64(-1)},
        {QStringLiteral("bodySize"), answered ? r.encodedSize() : qint64(-1)},
    };
}

QJsonObject EntryBuilder::timings(const PhaseTimings &t, double *total) const
{
    // HAR 1.2 timings: blocked, dns, connect, ssl may be -1 (not applicable); send, wait
    // and receive are required non-negative. connect includes ssl; `time` is the sum of the
    // non-negative phases except ssl (already inside connect).
    const double send = std::max(0.0, t.send());
    const double wait = std::max(0.0, t.wait());
    const double receive = std::max(0.0, t.receive());
    *total = std::max(0.0, t.blocked()) + std::max(0.0, t.dns()) + std::max(0.0, t.connect()) + send + wait + receive;
    return QJsonObject{
        {QStringLiteral("blocked"), t.blocked()}, {QStringLiteral("dns"), t.dns()},
        {QStringLiteral("connect"), t.connect()}, {QStringLiteral("ssl"), t.ssl()},
        {QStringLiteral("send"), send},           {QStringLiteral("wait"), wait},
        {QStringLiteral("receive"), receive},
    };
}

QJsonObject EntryBuilder::httpEntry(const HttpExchangeRecord &record, qsizetype index, qsizetype row) const
{
    const HttpHop &hop = record.hops.at(index);
    const qint64 headEnd = hop.requestBytes.indexOf("\r\n\r\n");
    // Every field as it was sent (Host, Content-Length and the rest come from the request
    // writer, not the user's list); the prepared request's when no bytes were written.
    QList<Field> fields;
    QByteArray method, version("HTTP/1.1");
    if (headEnd > 0) {
        fields = requestFields(hop.requestBytes.left(headEnd), &method, &version);
    } else {
        for (const WireHeader &h : hop.request.headers)
            fields.append({h.name, h.value});
    }
    double total = 0;
    QJsonObject o{
        {QStringLiteral("startedDateTime"), dateTime(hop.timings.startNs >= 0 ? hop.timings.startNs : record.startNs)},
        {QStringLiteral("request"), request(hop.request.method, hop.request.url, version, fields,
                                            headEnd > 0 ? headEnd + 4 : -1, hop.request.body)},
        {QStringLiteral("response"), response(hop.response)},
        {QStringLiteral("cache"), QJsonObject()},
        {QStringLiteral("timings"), timings(hop.timings, &total)},
        {QStringLiteral("connection"), QString::number(hop.connection.id)},
    };
    o.insert(QStringLiteral("time"), total);
    if (!hop.connection.remoteAddress.isEmpty())
        o.insert(QStringLiteral("serverIPAddress"), hop.connection.remoteAddress);
    QJsonObject wirescope{
        {QStringLiteral("exchange"), qint64(record.id)},
        {QStringLiteral("hop"), index},
        {QStringLiteral("hops"), record.hops.size()},
        {QStringLiteral("reused"), hop.connection.reused},
        {QStringLiteral("complete"), hop.complete},
        {QStringLiteral("violations"), violationsToJson(hop.response.violations)},
    };
    if (index == record.hops.size() - 1) {
        wirescope.insert(QStringLiteral("error"), failureToJson(record.error));
        comment(o, row, QStringLiteral("comment"));
    }
    o.insert(QStringLiteral("_wirescope"), wirescope);
    return o;
}

QJsonObject EntryBuilder::violationJson(qsizetype row) const
{
    const TimelineRow &r = m_timeline.row(row);
    const Violation *v = r.rowKind() == RowKind::Violation ? m_timeline.violation(row) : nullptr;
    if (!v)
        return {};
    QJsonObject o = violationToJson(*v);
    o.insert(QStringLiteral("type"), r.direction() == Direction::Out ? QStringLiteral("send") : QStringLiteral("receive"));
    o.insert(QStringLiteral("time"), epochSeconds(r.tNs));
    return o;
}

QJsonObject EntryBuilder::messageJson(qsizetype row) const
{
    const TimelineRow &r = m_timeline.row(row);
    const bool wholeDataFrame = r.rowKind() == RowKind::Frame && (r.opcode == 0x1 || r.opcode == 0x2)
                                && !r.has(TimelineRow::Fragment);
    if (!wholeDataFrame && r.rowKind() != RowKind::Message)
        return {};
    // Chrome / HTTP Toolkit / mitmproxy: {type, time (epoch s), opcode, data}; binary
    // (and text that is not UTF-8) as base64 of the exact bytes.
    const QByteArray payload = m_timeline.payload(row);
    QJsonObject m{{QStringLiteral("type"), r.direction() == Direction::Out ? QStringLiteral("send") : QStringLiteral("receive")},
                  {QStringLiteral("time"), epochSeconds(r.tNs)},
                  {QStringLiteral("opcode"), int(r.opcode)}};
    if (r.opcode == 0x1 && !r.has(TimelineRow::Utf8Invalid)) {
        m.insert(QStringLiteral("data"), QString::fromUtf8(payload));
    } else {
        m.insert(QStringLiteral("data"), QString::fromLatin1(payload.toBase64()));
        if (r.opcode == 0x1)
            m.insert(QStringLiteral("_base64"), true); // a text message that is not UTF-8
    }
    if (r.has(TimelineRow::Truncated))
        m.insert(QStringLiteral("_truncated"), true);
    if (const ByteStream::Absence gone = m_timeline.absence(row); gone != ByteStream::Absence::None) {
        // Dropped by the memory budget or released: data is empty, never invented.
        m.insert(QStringLiteral("_bytesHeld"), false);
        m.insert(QStringLiteral("_bytesGone"), QString::fromLatin1(ByteStream::absenceId(gone)));
    }
    comment(m, row, QStringLiteral("_comment"));
    return m;
}

QJsonObject EntryBuilder::frameJson(qsizetype row) const
{
    const TimelineRow &r = m_timeline.row(row);
    if (r.rowKind() != RowKind::Frame)
        return {};
    QJsonObject f{{QStringLiteral("type"), r.direction() == Direction::Out ? QStringLiteral("send") : QStringLiteral("receive")},
                  {QStringLiteral("time"), epochSeconds(r.tNs)},
                  {QStringLiteral("offset"), r.offset},
                  {QStringLiteral("opcode"), int(r.opcode)},
                  {QStringLiteral("payloadLength"), qint64(r.size)}};
    if (const std::optional<WsFrame> frame = m_timeline.frame(row)) {
        // RFC 6455 §5.2, field by field as it was on the wire.
        const WsFrameHeader &h = frame->header;
        const int bits = h.lengthEncoding == WsLengthEncoding::Bits7 ? 7
                         : h.lengthEncoding == WsLengthEncoding::Bits16 ? 16 : 64;
        f.insert(QStringLiteral("fin"), h.fin);
        f.insert(QStringLiteral("rsv1"), h.rsv1);
        f.insert(QStringLiteral("rsv2"), h.rsv2);
        f.insert(QStringLiteral("rsv3"), h.rsv3);
        f.insert(QStringLiteral("masked"), h.masked);
        f.insert(QStringLiteral("maskKey"), h.maskingKey ? QJsonValue(QString::fromLatin1(wsMaskKeyHex(*h.maskingKey)))
                                                         : QJsonValue());
        f.insert(QStringLiteral("lengthEncoding"), bits);
        f.insert(QStringLiteral("header"), QString::fromLatin1(frame->headerBytes.toHex()));
    } else {
        f.insert(QStringLiteral("bytesHeld"), false);
        f.insert(QStringLiteral("bytesGone"), QString::fromLatin1(ByteStream::absenceId(m_timeline.absence(row))));
    }
    return f;
}

QJsonObject EntryBuilder::wsHead(const TimelineConnection &c, qsizetype handshakeRow) const
{
    const WsHandshakeRecord &hs = *c.handshake;
    const qsizetype headEnd = hs.requestBytes.indexOf("\r\n\r\n");
    QByteArray method, version;
    const QList<Field> fields = requestFields(hs.requestBytes.left(headEnd), &method, &version);
    // A handshake imported from a HAR kept no request bytes; its method is still known:
    // the opening handshake is a GET (RFC 6455 §4.1), and HAR requires a method.
    if (method.isEmpty())
        method = "GET";
    // The upgrade request is written in one go and stamped once, when the socket took it
    // (sendStartNs): sending ends there. The connection starts when it was asked for.
    PhaseTimings phases = hs.timings;
    if (phases.sendEndNs < 0)
        phases.sendEndNs = phases.sendStartNs;
    if (phases.startNs < 0)
        phases.startNs = c.openedNs;
    double total = 0;
    const qint64 start = phases.startNs;
    QJsonObject o{
        {QStringLiteral("startedDateTime"), dateTime(start)},
        {QStringLiteral("_resourceType"), QStringLiteral("websocket")},
        {QStringLiteral("request"),
         request(method, c.label, version, fields, headEnd >= 0 ? headEnd + 4 : -1, QByteArray())},
        {QStringLiteral("response"), response(hs.response)},
        {QStringLiteral("cache"), QJsonObject()},
        {QStringLiteral("timings"), timings(phases, &total)},
        {QStringLiteral("connection"), QString::number(c.id)},
    };
    o.insert(QStringLiteral("time"), total);
    const qsizetype colon = hs.peerAddress.lastIndexOf(u':');
    if (colon > 0)
        o.insert(QStringLiteral("serverIPAddress"), hs.peerAddress.left(colon).remove(u'[').remove(u']'));
    if (c.close) {
        // HTTP Toolkit's shape: {code, reason, timestamp}, or "aborted" when no close frame
        // crossed (RFC 6455 §7.1.5: 1006).
        const bool frameSeen = c.close->sentClose || c.close->receivedClose;
        o.insert(QStringLiteral("_webSocketClose"),
                 frameSeen ? QJsonValue(QJsonObject{{QStringLiteral("code"), c.close->code},
                                                    {QStringLiteral("reason"), c.close->reason},
                                                    {QStringLiteral("timestamp"), epochSeconds(c.closedNs)}})
                           : QJsonValue(QStringLiteral("aborted")));
    }
    comment(o, handshakeRow, QStringLiteral("comment"));
    return o;
}

// A compact JSON object's members without its braces.
QByteArray members(const QJsonObject &o)
{
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2);
}

bool EntryBuilder::writeWsEntry(const TimelineConnection &c, qsizetype handshakeRow, const QByteArray &lead,
                                const std::function<bool(const QByteArray &)> &sink) const
{
    // QJsonObject orders its keys: "_resourceType" and "_webSocketClose" come before
    // "_webSocketMessages" and "_wirescope", the rest after them.
    QJsonObject before = wsHead(c, handshakeRow);
    QJsonObject after;
    for (auto it = before.begin(); it != before.end();) {
        if (it.key().startsWith(u'_')) {
            ++it;
            continue;
        }
        after.insert(it.key(), it.value());
        it = before.erase(it);
    }
    QByteArray buffer = lead;
    const auto write = [&](const QByteArray &bytes) {
        buffer += bytes;
        if (buffer.size() < 64 * 1024)
            return true;
        const bool ok = sink(buffer);
        buffer.clear();
        return ok;
    };
    // One pass over the connection's rows per array, each member written as it is made.
    const auto array = [&](QJsonObject (EntryBuilder::*member)(qsizetype) const) {
        bool first = true;
        for (qsizetype row = std::max<qsizetype>(c.firstRow, 0); row >= 0 && row <= c.lastRow; ++row) {
            if (m_timeline.row(row).connection != c.id)
                continue;
            const QJsonObject o = (this->*member)(row);
            if (o.isEmpty())
                continue;
            if (!write((first ? QByteArray() : QByteArray(",")) + QJsonDocument(o).toJson(QJsonDocument::Compact)))
                return false;
            first = false;
        }
        return true;
    };
    const HttpResponse &handshake = c.handshake->response;
    return write("{" + members(before) + ",\"_webSocketMessages\":[") && array(&EntryBuilder::messageJson)
           && write("],\"_wirescope\":{"
                    + members(QJsonObject{{QStringLiteral("clean"), c.close ? QJsonValue(c.close->clean) : QJsonValue()},
                                          {QStringLiteral("connection"), qint64(c.id)}})
                    + ",\"frames\":[")
           && array(&EntryBuilder::frameJson)
           && write("]," + members(QJsonObject{{QStringLiteral("handshake"), violationsToJson(handshake.violations)}})
                    + ",\"violations\":[")
           && array(&EntryBuilder::violationJson) && write("]}," + members(after) + "}") && sink(buffer);
}

} // namespace

bool HarWriter::write(const Timeline &timeline)
{
    QString version = m_options.creatorVersion;
    if (version.isEmpty())
        version = QStringLiteral(WIRESCOPE_VERSION);
    const QJsonObject creator{{QStringLiteral("name"), QStringLiteral("Wirescope")},
                              {QStringLiteral("version"), version}};
    // The log's head and tail around entries written one at a time: the whole log is never
    // one document in memory.
    if (!put("{\"log\":{\"version\":\"1.2\",\"creator\":" + QJsonDocument(creator).toJson(QJsonDocument::Compact)
             + ",\"entries\":["))
        return false;
    EntryBuilder builder(timeline, m_options);
    bool first = true;
    const auto entry = [&](const QJsonObject &o) {
        const QByteArray bytes = (first ? QByteArray("\n") : QByteArray(",\n")) + QJsonDocument(o).toJson(QJsonDocument::Compact);
        first = false;
        return put(bytes);
    };
    for (qsizetype row = 0; row < timeline.rowCount(); ++row) {
        const TimelineRow &r = timeline.row(row);
        if (!m_options.includes(r.connection))
            continue;
        if (r.rowKind() == RowKind::Exchange) {
            const auto record = timeline.exchange(row);
            for (qsizetype hop = 0; record && hop < record->hops.size(); ++hop)
                if (!entry(builder.httpEntry(*record, hop, row)))
                    return false;
            continue;
        }
        // A WebSocket connection is one entry, written where its handshake completed.
        const TimelineConnection *c = timeline.connection(r.connection);
        if (r.rowKind() == RowKind::Event && r.eventType() == EventType::Handshake && c && c->protocol == ConnectionProtocol::WebSocket && c->handshake) {
            if (!builder.writeWsEntry(*c, row, first ? QByteArray("\n") : QByteArray(",\n"),
                                      [this](const QByteArray &bytes) { return put(bytes); }))
                return false;
            first = false;
        }
    }
    return put("\n]}}\n");
}

bool writeHar(const Timeline &timeline, QIODevice *out, const ExportOptions &options, QString *error)
{
    return runExport(HarWriter(out, options), timeline, error);
}

bool saveHar(const Timeline &timeline, const QString &path, const ExportOptions &options, QString *error)
{
    return saveExportFile(path, error, [&](QIODevice *out, QString *reason) { return writeHar(timeline, out, options, reason); });
}

} // namespace wirescope

#include "core/wire/httprequest.h"

#include "core/wire/formencoding.h"
#include "core/wire/variables.h"

#include <QFileInfo>
#include <QUrl>

#include <cstring>

namespace wirescope {

namespace {

const char Hex[] = "0123456789ABCDEF";

bool isTchar(QChar c)
{
    const ushort u = c.unicode();
    if (u > 127)
        return false;
    const char a = char(u);
    return (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || (a >= '0' && a <= '9')
           || (a != '\0' && std::strchr("!#$%&'*+-.^_`|~", a) != nullptr);
}

bool isToken(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (!isTchar(c))
            return false;
    }
    return true;
}

// Splits "scheme://authority/path?query#fragment" -> (before '?', query, '#fragment').
struct UrlParts {
    QString base;
    QString query;
    bool hasQuery = false;
    QString fragment; // including '#'
};

UrlParts splitUrl(const QString &url)
{
    UrlParts p;
    QString rest = url;
    const qsizetype hash = rest.indexOf(u'#');
    if (hash >= 0) {
        p.fragment = rest.mid(hash);
        rest.truncate(hash);
    }
    const qsizetype q = rest.indexOf(u'?');
    if (q >= 0) {
        p.hasQuery = true;
        p.query = rest.mid(q + 1);
        rest.truncate(q);
    }
    p.base = rest;
    return p;
}

// RFC 3986 §3.3/§3.4: bytes that may not appear literally in a request-target are
// percent-encoded (UTF-8); '%' is kept so existing escapes stay as typed.
QByteArray encodeTarget(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (char ch : utf8) {
        const uchar c = uchar(ch);
        if (c <= 0x20 || c >= 0x7f || std::strchr("\"<>\\^`{|}", c) != nullptr) {
            out += '%';
            out += Hex[c >> 4];
            out += Hex[c & 15];
        } else {
            out += char(c);
        }
    }
    return out;
}

} // namespace

QString HttpRequest::encodeQueryComponent(const QString &text)
{
    QString out;
    qsizetype i = 0;
    while (i < text.size()) {
        // {{variables}} stay as typed; they are resolved (and their values encoded) later.
        if (text.mid(i, 2) == u"{{") {
            const qsizetype close = text.indexOf(QLatin1String("}}"), i + 2);
            if (close > 0) {
                out += QStringView(text).mid(i, close + 2 - i);
                i = close + 2;
                continue;
            }
        }
        const qsizetype len = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray utf8 = text.mid(i, len).toUtf8();
        for (char ch : utf8) {
            const uchar c = uchar(ch);
            // unreserved / sub-delims minus the query's own separators & = + and ; / ":" "@" "/" "?"
            const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                              || (c != 0 && std::strchr("-._~!$'()*,;:@/?", c) != nullptr);
            if (keep) {
                out += QLatin1Char(char(c));
            } else {
                out += u'%';
                out += QLatin1Char(Hex[c >> 4]);
                out += QLatin1Char(Hex[c & 15]);
            }
        }
        i += len;
    }
    return out;
}

QString HttpRequest::decodeQueryComponent(const QString &text)
{
    if (!text.contains(u'%'))
        return text;
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text.toUtf8()));
}

void HttpRequest::setUrl(const QString &url)
{
    m_url = url;
    const UrlParts parts = splitUrl(url);
    QList<KeyValueRow> params;
    if (parts.hasQuery && !parts.query.isEmpty()) {
        for (const QString &pair : parts.query.split(u'&')) {
            if (pair.isEmpty())
                continue;
            const qsizetype eq = pair.indexOf(u'=');
            if (eq < 0)
                params.append({decodeQueryComponent(pair), QString(), true});
            else
                params.append({decodeQueryComponent(pair.left(eq)), decodeQueryComponent(pair.mid(eq + 1)), true});
        }
    }
    for (const KeyValueRow &row : std::as_const(m_params)) {
        if (!row.enabled)
            params.append(row);
    }
    m_params = params;
}

void HttpRequest::setQueryParams(const QList<KeyValueRow> &params)
{
    m_params = params;
    const UrlParts parts = splitUrl(m_url);
    QString query;
    for (const KeyValueRow &row : params) {
        if (!row.enabled)
            continue;
        if (!query.isEmpty())
            query += u'&';
        query += encodeQueryComponent(row.name);
        if (!row.value.isEmpty())
            query += u'=' + encodeQueryComponent(row.value);
    }
    m_url = parts.base + (query.isEmpty() ? QString() : u'?' + query) + parts.fragment;
}

QByteArray PreparedRequest::headerValue(const QByteArray &name) const
{
    for (const WireHeader &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

bool PreparedRequest::hasHeader(const QByteArray &name) const
{
    for (const WireHeader &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray basicAuthorization(const QString &user, const QString &password)
{
    return "Basic " + (user + u':' + password).toUtf8().toBase64();
}

PreparedRequest prepareRequest(const HttpRequest &request, const VariableScope &scope, const BodyFileLoader &loadFile)
{
    PreparedRequest p;
    auto resolve = [&](const QString &text) {
        ResolvedText r = scope.resolve(text);
        for (const QString &name : std::as_const(r.unresolved)) {
            if (!p.unresolvedVariables.contains(name))
                p.unresolvedVariables.append(name);
        }
        return r.text;
    };

    const QString method = resolve(request.method());
    if (!isToken(method))
        p.errors.append(QStringLiteral("method \"%1\" is not a token (RFC 9110 §9.1)").arg(method));
    p.method = method.toLatin1();

    // URL: scheme://host[:port]/path?query; a missing scheme means http (as curl does).
    QString url = resolve(request.url()).trimmed();
    if (!url.contains(QLatin1String("://")))
        url.prepend(QLatin1String("http://"));
    const UrlParts parts = splitUrl(url);
    const qsizetype schemeEnd = parts.base.indexOf(QLatin1String("://"));
    p.scheme = parts.base.left(schemeEnd).toLower();
    QString rest = parts.base.mid(schemeEnd + 3);
    const qsizetype slash = rest.indexOf(u'/');
    QString authority = slash < 0 ? rest : rest.left(slash);
    const QString path = slash < 0 ? QStringLiteral("/") : rest.mid(slash);
    if (p.scheme != u"http" && p.scheme != u"https")
        p.errors.append(QStringLiteral("unsupported scheme \"%1\" (http and https only)").arg(p.scheme));
    QString userInfo;
    const qsizetype at = authority.lastIndexOf(u'@');
    if (at >= 0) {
        userInfo = authority.left(at);
        authority = authority.mid(at + 1);
    }
    QString host = authority;
    QString portText;
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        if (close < 0) {
            p.errors.append(QStringLiteral("unterminated IPv6 literal in the URL"));
        } else {
            portText = host.mid(close + 1);
            host = host.mid(1, close - 1);
            if (!portText.isEmpty() && !portText.startsWith(u':'))
                p.errors.append(QStringLiteral("bad port in the URL"));
            portText = portText.mid(1);
        }
    } else {
        const qsizetype colon = host.lastIndexOf(u':');
        if (colon >= 0) {
            portText = host.mid(colon + 1);
            host.truncate(colon);
        }
    }
    const quint16 defaultPort = p.scheme == u"https" ? 443 : 80;
    p.port = defaultPort;
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            p.errors.append(QStringLiteral("bad port \"%1\" in the URL").arg(portText));
        else
            p.port = quint16(port);
    }
    if (!host.contains(u':'))
        host = QString::fromLatin1(QUrl::toAce(host.toLower()));
    if (host.isEmpty())
        p.errors.append(QStringLiteral("no host in the URL"));
    p.host = host;
    p.target = encodeTarget(path);
    if (parts.hasQuery)
        p.target += '?' + encodeTarget(parts.query);
    const QString hostPart = host.contains(u':') ? u'[' + host + u']' : host;
    p.url = p.scheme + QLatin1String("://") + hostPart
            + (p.port == defaultPort ? QString() : u':' + QString::number(p.port)) + QString::fromLatin1(p.target);

    // Headers: enabled rows in order; duplicates are sent as given.
    for (const KeyValueRow &row : request.headers()) {
        if (!row.enabled || row.name.trimmed().isEmpty())
            continue;
        const QString name = resolve(row.name).trimmed();
        const QString value = resolve(row.value).trimmed();
        if (!isToken(name))
            p.errors.append(QStringLiteral("header name \"%1\" is not a token (RFC 9110 §5.1)").arg(name));
        if (value.contains(u'\r') || value.contains(u'\n') || value.contains(QChar(0)))
            p.errors.append(QStringLiteral("header \"%1\" has CR, LF or NUL in its value (RFC 9110 §5.5)").arg(name));
        p.headers.append(WireHeader{name.toLatin1(), value.toUtf8()});
    }

    // Auth helpers never override an Authorization header typed by the user.
    const HttpAuth &auth = request.auth();
    if (!p.hasHeader("Authorization")) {
        if (auth.kind == AuthKind::Basic)
            p.headers.append(WireHeader{"Authorization", basicAuthorization(resolve(auth.username), resolve(auth.password))});
        else if (auth.kind == AuthKind::Bearer)
            p.headers.append(WireHeader{"Authorization", "Bearer " + resolve(auth.token).toUtf8()});
        else if (!userInfo.isEmpty()) {
            const qsizetype colon = userInfo.indexOf(u':');
            p.headers.append({"Authorization",
                              basicAuthorization(QUrl::fromPercentEncoding(userInfo.left(colon).toUtf8()),
                                                 colon < 0 ? QString() : QUrl::fromPercentEncoding(userInfo.mid(colon + 1).toUtf8()))});
        }
    }

    const HttpBody &body = request.body();
    QByteArray contentType;
    switch (body.kind) {
    case BodyKind::None:
        break;
    case BodyKind::Raw:
        p.body = resolve(body.text).toUtf8();
        contentType = body.rawContentType.toUtf8();
        break;
    case BodyKind::Json:
        p.body = resolve(body.text).toUtf8();
        contentType = "application/json";
        break;
    case BodyKind::UrlEncoded: {
        QList<KeyValueRow> fields;
        for (const KeyValueRow &row : body.formFields)
            fields.append({resolve(row.name), resolve(row.value), row.enabled});
        p.body = encodeForm(fields);
        contentType = "application/x-www-form-urlencoded";
        break;
    }
    case BodyKind::Multipart: {
        QList<MultipartItem> items;
        for (const MultipartPart &part : body.parts) {
            if (!part.enabled)
                continue;
            MultipartItem item;
            item.name = resolve(part.name).toUtf8();
            item.contentType = resolve(part.contentType).toUtf8();
            if (!part.filePath.isEmpty()) {
                const QString path = resolve(part.filePath);
                item.isFile = true;
                item.fileName = (part.fileName.isEmpty() ? QFileInfo(path).fileName() : resolve(part.fileName)).toUtf8();
                const std::optional<QByteArray> data = loadFile ? loadFile(path) : std::nullopt;
                if (!data)
                    p.errors.append(QStringLiteral("cannot read file \"%1\" for part \"%2\"").arg(path, part.name));
                else
                    item.data = *data;
            } else {
                item.data = resolve(part.value).toUtf8();
            }
            items.append(item);
        }
        QByteArray boundary = body.multipartBoundary;
        for (quint64 seed = quint64(items.size()) * 7919u + quint64(p.url.size());
             boundary.isEmpty() || !multipartBoundaryFits(items, boundary); ++seed)
            boundary = makeMultipartBoundary(seed);
        p.body = encodeMultipart(items, boundary);
        contentType = "multipart/form-data; boundary=" + boundary;
        break;
    }
    case BodyKind::BinaryFile: {
        const QString path = resolve(body.binaryFilePath);
        const std::optional<QByteArray> data = loadFile ? loadFile(path) : std::nullopt;
        if (!data)
            p.errors.append(QStringLiteral("cannot read file \"%1\"").arg(path));
        else
            p.body = *data;
        contentType = body.binaryContentType.isEmpty() ? QByteArray("application/octet-stream")
                                                       : body.binaryContentType.toUtf8();
        break;
    }
    }
    if (!contentType.isEmpty() && !p.hasHeader("Content-Type"))
        p.headers.append(WireHeader{"Content-Type", contentType});
    return p;
}

} // namespace wirescope

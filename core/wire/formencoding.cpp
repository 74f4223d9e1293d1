#include "core/wire/formencoding.h"

namespace wirescope {

QByteArray encodeFormComponent(const QString &text)
{
    static const char hex[] = "0123456789ABCDEF";
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() * 3);
    for (char ch : utf8) {
        const uchar c = uchar(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '*' || c == '-'
            || c == '.' || c == '_') {
            out += char(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

QByteArray encodeForm(const QList<KeyValueRow> &fields)
{
    QByteArray out;
    for (const KeyValueRow &row : fields) {
        if (!row.enabled)
            continue;
        if (!out.isEmpty())
            out += '&';
        out += encodeFormComponent(row.name);
        out += '=';
        out += encodeFormComponent(row.value);
    }
    return out;
}

namespace {

// RFC 7578 §4.2: field names and file names in quoted-string; quotes and line breaks are
// percent-encoded as browsers do (WHATWG HTML "multipart/form-data encoding algorithm").
QByteArray quoteParam(const QByteArray &value)
{
    QByteArray out;
    for (char c : value) {
        if (c == '"')
            out += "%22";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else
            out += c;
    }
    return out;
}

} // namespace

QByteArray encodeMultipart(const QList<MultipartItem> &items, const QByteArray &boundary)
{
    QByteArray out;
    for (const MultipartItem &item : items) {
        out += "--" + boundary + "\r\n";
        out += "Content-Disposition: form-data; name=\"" + quoteParam(item.name) + '"';
        if (item.isFile)
            out += "; filename=\"" + quoteParam(item.fileName) + '"';
        out += "\r\n";
        QByteArray type = item.contentType;
        if (type.isEmpty() && item.isFile)
            type = "application/octet-stream";
        if (!type.isEmpty())
            out += "Content-Type: " + type + "\r\n";
        out += "\r\n";
        out += item.data;
        out += "\r\n";
    }
    out += "--" + boundary + "--\r\n";
    return out;
}

bool multipartBoundaryFits(const QList<MultipartItem> &items, const QByteArray &boundary)
{
    const QByteArray delimiter = "--" + boundary;
    for (const MultipartItem &item : items) {
        if (item.data.contains(delimiter) || item.name.contains(delimiter) || item.fileName.contains(delimiter))
            return false;
    }
    return true;
}

QByteArray makeMultipartBoundary(quint64 seed)
{
    // Fixed prefix (easy to spot in the hex view) + 24 hex digits derived from the seed.
    QByteArray out = "----WirescopeBoundary";
    quint64 x = seed ^ 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < 19; ++i) {
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9ULL;
        x ^= x >> 27;
        out += "0123456789abcdef"[x & 15];
    }
    return out;
}

} // namespace wirescope

#include "core/demo/demorequest.h"

#include "core/demo/demolimits.h"
#include "core/wire/httpgrammar.h"

namespace wirescope {

namespace {

DemoHeadParse error(int status, const QByteArray &reason)
{
    DemoHeadParse result;
    result.outcome = DemoHeadParse::Outcome::Error;
    result.status = status;
    result.reason = reason;
    return result;
}

} // namespace

QByteArray DemoRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QList<QByteArray> DemoRequest::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value);
    }
    return values;
}

bool DemoRequest::hasToken(QByteArrayView name, QByteArrayView token) const
{
    return http::listHasToken(headerValues(name), token);
}

bool DemoRequest::keepAlive() const
{
    if (hasToken("Connection", "close"))
        return false;
    return minorVersion >= 1 || hasToken("Connection", "keep-alive");
}

bool DemoRequest::isWebSocketUpgrade() const
{
    return method == "GET" && hasToken("Upgrade", "websocket") && hasToken("Connection", "upgrade");
}

QUrlQuery DemoRequest::queryItems() const
{
    // '+' means space in HTML form queries; QUrlQuery keeps it literal, so translate first.
    QByteArray text = query;
    text.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(text));
}

DemoHeadParse parseDemoRequestHead(QByteArrayView bytes)
{
    // RFC 9112 §2.2: a recipient MAY accept a bare LF as line terminator; we do, so hand-typed
    // requests (printf | nc) work, and find the empty line either way.
    qsizetype end = -1;
    qsizetype terminator = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] != '\n')
            continue;
        if (i + 1 < bytes.size() && bytes[i + 1] == '\n') {
            end = i + 1;
            terminator = 1;
            break;
        }
        if (i + 2 < bytes.size() && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') {
            end = i + 2;
            terminator = 1;
            break;
        }
    }
    if (end < 0) {
        if (bytes.size() > DemoLimits::maxHeadBytes)
            return error(431, "request head larger than 16 KiB");
        return {};
    }
    const qsizetype headSize = end + terminator;
    if (headSize > DemoLimits::maxHeadBytes)
        return error(431, "request head larger than 16 KiB");

    QList<QByteArrayView> lines;
    qsizetype start = 0;
    // RFC 9112 §2.2: ignore at least one empty line before the request-line.
    while (start < end && (bytes[start] == '\r' || bytes[start] == '\n'))
        ++start;
    for (qsizetype i = start; i < end; ++i) {
        if (bytes[i] == '\n') {
            qsizetype lineEnd = i;
            if (lineEnd > start && bytes[lineEnd - 1] == '\r')
                --lineEnd;
            lines.append(bytes.sliced(start, lineEnd - start));
            start = i + 1;
        }
    }
    if (lines.isEmpty())
        return error(400, "empty request");
    if (lines.size() - 1 > DemoLimits::maxHeaderLines)
        return error(431, "more than 100 header fields");

    DemoHeadParse result;
    DemoRequest &request = result.request;
    // RFC 9112 §3: request-line = method SP request-target SP HTTP-version
    const QList<QByteArray> parts = lines.first().toByteArray().split(' ');
    if (parts.size() != 3 || !http::isToken(parts[0]) || parts[1].isEmpty())
        return error(400, "malformed request line (RFC 9112 section 3)");
    request.method = parts[0];
    request.target = parts[1];
    if (parts[2] == "HTTP/1.1")
        request.minorVersion = 1;
    else if (parts[2] == "HTTP/1.0")
        request.minorVersion = 0;
    else if (parts[2].startsWith("HTTP/"))
        return error(505, "only HTTP/1.0 and HTTP/1.1 are supported");
    else
        return error(400, "malformed HTTP version");
    for (char c : request.target) {
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7f)
            return error(400, "request-target contains whitespace or non-ASCII bytes");
    }
    // RFC 9112 §3.2.2: absolute-form is allowed; keep its path and query.
    QByteArray target = request.target;
    if (target.startsWith("http://") || target.startsWith("https://")) {
        const qsizetype slash = target.indexOf('/', target.indexOf("//") + 2);
        target = slash < 0 ? QByteArray("/") : target.mid(slash);
    }
    if (!target.startsWith('/') && !(target == "*" && request.method == "OPTIONS"))
        return error(400, "request-target must start with '/'");
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines[i];
        // RFC 9112 §5.2: obs-fold is obsolete; a server MAY reject it with 400.
        if (!line.isEmpty() && http::isOws(line[0]))
            return error(400, "obsolete line folding in a header field (RFC 9112 section 5.2)");
        // RFC 9112 §5.1 (no whitespace before the colon: MUST reject with 400), RFC 9110 §5.5
        // (no CR, LF, NUL in a value): the response parser's rules, with its words.
        const http::FieldLine field = http::parseFieldLine(line);
        if (field.error)
            return error(400, violationMessage(Violation{field.error, field.errorAt, field.errorLength, field.detail}).toUtf8());
        request.headers.append({field.name, field.value});
    }

    // RFC 9112 §3.2: a server MUST respond 400 to an HTTP/1.1 request without exactly one Host.
    if (request.minorVersion == 1 && request.headerValues("Host").size() != 1)
        return error(400, "HTTP/1.1 request needs exactly one Host header (RFC 9112 section 3.2)");

    const QList<QByteArray> transferEncodings = request.headerValues("Transfer-Encoding");
    const QList<QByteArray> lengths = request.headerValues("Content-Length");
    if (!transferEncodings.isEmpty()) {
        // RFC 9112 §6.3: TE with CL may be an attempt at request smuggling; reject.
        if (!lengths.isEmpty())
            return error(400, "both Transfer-Encoding and Content-Length (RFC 9112 section 6.3)");
        const QList<QByteArray> list = http::splitList(transferEncodings.join(','));
        if (list.isEmpty() || list.last().compare("chunked", Qt::CaseInsensitive) != 0)
            return error(400, "Transfer-Encoding must end with chunked (RFC 9112 section 6.3)");
        if (list.size() != 1)
            return error(501, "only the chunked transfer coding is supported");
        result.chunked = true;
    } else if (!lengths.isEmpty()) {
        QByteArray first;
        for (const QByteArray &value : lengths) {
            // RFC 9110 §8.6: a list of identical values is one value; an empty one is invalid.
            const QList<QByteArray> items = http::splitList(value);
            if (items.isEmpty())
                return error(400, "invalid Content-Length (RFC 9110 section 8.6)");
            for (const QByteArray &digits : items) {
                if (digits.isEmpty() || digits.size() > 18
                    || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
                    return error(400, "invalid Content-Length (RFC 9110 section 8.6)");
                if (!first.isEmpty() && digits.toLongLong() != first.toLongLong())
                    return error(400, "conflicting Content-Length values (RFC 9110 section 8.6)");
                first = digits;
            }
        }
        result.contentLength = first.toLongLong();
    }
    result.outcome = DemoHeadParse::Outcome::Complete;
    result.headSize = headSize;
    return result;
}

bool parseDemoDigits(QByteArrayView text, int maxDigits, qint64 *value)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    *value = text.toLongLong();
    return true;
}

} // namespace wirescope

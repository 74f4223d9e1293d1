#include "core/demo/demoresponse.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace wirescope {

DemoResponse &DemoResponse::header(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

QByteArray DemoResponse::reasonPhrase(int status)
{
    // RFC 9110 §15.
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 203: return "Non-Authoritative Information";
    case 204: return "No Content";
    case 205: return "Reset Content";
    case 206: return "Partial Content";
    case 300: return "Multiple Choices";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 305: return "Use Proxy";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 407: return "Proxy Authentication Required";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 418: return "I'm a teapot";
    case 421: return "Misdirected Request";
    case 422: return "Unprocessable Content";
    case 425: return "Too Early";
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 451: return "Unavailable For Legal Reasons";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: break;
    }
    // RFC 9112 §4: the reason-phrase may be empty; clients must not rely on it.
    return {};
}

QByteArray DemoResponse::commonFields()
{
    // RFC 9110 §6.6.1: an origin server with a clock MUST send Date (IMF-fixdate, §5.6.7).
    const QString date = QLocale::c().toString(QDateTime::currentDateTimeUtc(),
                                               QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    return "Date: " + date.toLatin1() + "\r\nServer: wirescope-demo\r\n";
}

QByteArray DemoResponse::serialize(bool withBody, bool keepAlive) const
{
    QByteArray out;
    out.reserve(256 + (withBody ? body.size() : 0));
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += commonFields();
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    const bool noBody = status < 200 || status == 204 || status == 304;
    if (!noBody)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (!keepAlive)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (withBody && !noBody)
        out += body;
    return out;
}

namespace {

QByteArray compactScalar(const QJsonValue &value)
{
    // QJsonDocument only serializes containers: wrap, serialize, unwrap.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// Indented like QJsonDocument, but arrays of scalars stay on one line, so each header pair
// reads ["Host", "127.0.0.1:8080"] and a curl user sees the whole echo at a glance.
void writePretty(const QJsonValue &value, int depth, QByteArray &out)
{
    const QByteArray indent((depth + 1) * 4, ' ');
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        for (auto it = object.begin(); it != object.end(); ++it) {
            out += indent + compactScalar(it.key()) + ": ";
            writePretty(it.value(), depth + 1, out);
            out += std::next(it) == object.end() ? "\n" : ",\n";
        }
        out += QByteArray(depth * 4, ' ') + '}';
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        const bool flat = std::none_of(array.begin(), array.end(),
                                       [](const QJsonValue &item) { return item.isArray() || item.isObject(); });
        if (flat) {
            out += '[';
            for (qsizetype i = 0; i < array.size(); ++i)
                out += (i ? ", " : "") + compactScalar(array.at(i));
            out += ']';
            return;
        }
        out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            out += indent;
            writePretty(array.at(i), depth + 1, out);
            out += i + 1 == array.size() ? "\n" : ",\n";
        }
        out += QByteArray(depth * 4, ' ') + ']';
    } else {
        out += compactScalar(value);
    }
}

} // namespace

DemoResponse DemoResponse::json(int status, const QJsonValue &value)
{
    DemoResponse response;
    response.status = status;
    response.header("Content-Type", "application/json");
    writePretty(value, 0, response.body);
    response.body += '\n';
    return response;
}

DemoResponse DemoResponse::error(int status, const QByteArray &detail)
{
    return json(status, QJsonObject{{QStringLiteral("status"), status},
                                    {QStringLiteral("error"), QString::fromLatin1(reasonPhrase(status))},
                                    {QStringLiteral("detail"), QString::fromUtf8(detail)}});
}

QByteArray DemoResponse::chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray DemoResponse::streamHead(int status, const QByteArray &contentType, bool chunked, bool keepAlive)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += commonFields();
    out += "Content-Type: " + contentType + "\r\n";
    if (chunked)
        out += "Transfer-Encoding: chunked\r\n";
    if (!keepAlive)
        out += "Connection: close\r\n";
    out += "\r\n";
    return out;
}

} // namespace wirescope

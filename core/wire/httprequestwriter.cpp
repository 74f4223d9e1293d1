#include "core/wire/httprequestwriter.h"

namespace wirescope {

QByteArray HttpRequestWriter::hostHeaderValue(const PreparedRequest &request)
{
    const bool ipv6 = request.host.contains(u':');
    QByteArray host = ipv6 ? '[' + request.host.toLatin1() + ']' : request.host.toLatin1();
    const quint16 defaultPort = request.scheme == u"https" ? 443 : 80;
    if (request.port != defaultPort)
        host += ':' + QByteArray::number(request.port);
    return host;
}

void HttpRequestWriter::completeHeaders(PreparedRequest &request, const HttpWriterOptions &options)
{
    if (!request.hasHeader("Host"))
        request.headers.prepend(WireHeader{"Host", hostHeaderValue(request)});
    if (!request.hasHeader("User-Agent") && !options.userAgent.isEmpty())
        request.headers.append(WireHeader{"User-Agent", options.userAgent});
    if (!request.hasHeader("Accept"))
        request.headers.append(WireHeader{"Accept", "*/*"});
    if (options.acceptEncoding && !request.hasHeader("Accept-Encoding"))
        request.headers.append(WireHeader{"Accept-Encoding", "gzip, deflate, br"});
    if (!options.cookie.isEmpty() && !request.hasHeader("Cookie"))
        request.headers.append(WireHeader{"Cookie", options.cookie});
    const bool expectsBody = request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
    if (!request.hasHeader("Content-Length") && !request.hasHeader("Transfer-Encoding")
        && (!request.body.isEmpty() || expectsBody))
        request.headers.append(WireHeader{"Content-Length", QByteArray::number(request.body.size())});
}

QByteArray HttpRequestWriter::write(const PreparedRequest &request, const HttpWriterOptions &options)
{
    qsizetype size = request.method.size() + request.target.size() + 16 + request.body.size();
    for (const WireHeader &h : request.headers)
        size += h.name.size() + h.value.size() + 4;
    QByteArray out;
    out.reserve(size + request.url.size());
    out += request.method;
    out += ' ';
    if (options.absoluteForm)
        out += request.url.toUtf8();
    else
        out += request.target;
    out += " HTTP/1.1\r\n";
    for (const WireHeader &h : request.headers) {
        out += h.name;
        out += ": ";
        out += h.value;
        out += "\r\n";
    }
    out += "\r\n";
    out += request.body;
    return out;
}

} // namespace wirescope

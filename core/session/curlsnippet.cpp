#include "core/session/curlsnippet.h"

#include "core/wire/curlcommand.h"
#include "core/wire/httprequestwriter.h"

namespace wirescope {

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// bash's printf builtin turns \NNN back into the byte and %% into %: a format that carries
// any bytes, NUL included, in printable ASCII.
QByteArray printfFormat(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const uchar u = uchar(c);
        if (c == '%') {
            out += "%%";
        } else if (c == '\\') {
            out += "\\\\";
        } else if (u >= 0x20 && u < 0x7f) {
            out += c;
        } else {
            out += '\\';
            out += char('0' + (u >> 6));
            out += char('0' + ((u >> 3) & 7));
            out += char('0' + (u & 7));
        }
    }
    return out;
}

} // namespace

QString curlSnippet(const HttpExchangeRecord &record, const RedactionRules &rules)
{
    if (record.hops.isEmpty())
        return {};
    const Redaction redaction(rules);
    const PreparedRequest &request = record.hops.first().request;
    const HttpRequestOptions &options = record.options;

    bool userAcceptEncoding = false;
    for (const KeyValueRow &row : record.request.headers())
        userAcceptEncoding = userAcceptEncoding || (row.enabled && row.name.trimmed().compare(u"Accept-Encoding", Qt::CaseInsensitive) == 0);
    const bool ourAcceptEncoding = options.acceptCompressed && !userAcceptEncoding;
    // RFC 9110 §8.6: the client wrote Content-Length 0 for a POST, PUT or PATCH without body;
    // curl writes one only with data, so such a request gets an empty --data-binary.
    const bool sendsBody = !request.body.isEmpty() || request.hasHeader("Content-Length");

    QList<QByteArray> args;
    const QString url = redaction.url(request.url);
    QByteArray first = "curl " + CurlCommand::shellQuote(url.toUtf8());
    args.append(first);
    if (url.contains(u'[') || url.contains(u'{'))
        args.append("-g"); // curl's URL globbing would read [ ] and { } as patterns
    if (request.method == "HEAD" && !sendsBody)
        args.append("-I");
    else if (sendsBody ? request.method != "POST" : request.method != "GET")
        args.append("-X " + CurlCommand::shellQuote(request.method));

    const QByteArray defaultHost = HttpRequestWriter::hostHeaderValue(request);
    bool hasContentType = false;
    for (qsizetype i = 0; i < request.headers.size(); ++i) {
        const WireHeader &h = request.headers[i];
        // What curl writes by itself, in the same place, is left to it.
        if (i == 0 && sameName(h.name, "Host") && h.value == defaultHost)
            continue;
        if (sameName(h.name, "Content-Length") && h.value == QByteArray::number(request.body.size()))
            continue;
        if (ourAcceptEncoding && sameName(h.name, "Accept-Encoding"))
            continue;
        hasContentType = hasContentType || sameName(h.name, "Content-Type");
        const QByteArray value = redaction.headerValue(h.name, QString::fromLatin1(h.value)).toLatin1();
        // curl reads "Name:" as "remove your own Name header" and "Name;" as an empty one.
        const QByteArray header = value.isEmpty() ? QByteArray(h.name + ';') : QByteArray(h.name + ": " + value);
        args.append("-H " + CurlCommand::shellQuote(header));
    }
    QByteArray pipe;
    if (sendsBody) {
        if (!hasContentType)
            args.append("-H 'Content-Type:'"); // curl would add application/x-www-form-urlencoded
        if (request.body.contains('\0')) {
            pipe = "printf " + CurlCommand::shellQuote(printfFormat(request.body)) + " | ";
            args.append("--data-binary @-");
        } else {
            // --data-binary would read a file named by what follows a leading '@'.
            const char *option = request.body.startsWith('@') ? "--data-raw " : "--data-binary ";
            args.append(option + CurlCommand::shellQuote(request.body));
        }
    }
    if (ourAcceptEncoding)
        args.append("--compressed");
    if (options.ignoreCertificateErrors)
        args.append("-k");
    if (options.followRedirects) {
        args.append("-L");
        args.append("--max-redirs " + QByteArray::number(options.maxRedirects));
    }
    args.first().prepend(pipe);
    return QString::fromUtf8(args.join(" \\\n  "));
}

} // namespace wirescope

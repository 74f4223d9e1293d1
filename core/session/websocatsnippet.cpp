#include "core/session/websocatsnippet.h"

#include "core/wire/curlcommand.h"

namespace wirescope {

QString websocatSnippet(const WsConnectOptions &options, const RedactionRules &rules)
{
    const Redaction redaction(rules);
    // The user info goes into an Authorization header, where it can be hidden; websocat
    // would send it as Basic too (RFC 6455 §4.1 leaves client authentication to HTTP).
    const QUrl url = options.url.adjusted(QUrl::RemoveUserInfo);
    QList<WsHeader> headers;
    if (!options.origin.isEmpty())
        headers.append({"Origin", options.origin.toUtf8()});
    QString user = options.basicUser;
    QString password = options.basicPassword;
    if (user.isEmpty() && !options.url.userName().isEmpty()) {
        user = options.url.userName();
        password = options.url.password();
    }
    if (!options.bearerToken.isEmpty())
        headers.append({"Authorization", "Bearer " + options.bearerToken.toUtf8()});
    else if (!user.isEmpty())
        headers.append({"Authorization", basicAuthorization(user, password)});
    if (!options.cookies.isEmpty()) {
        QList<QByteArray> pairs;
        for (const WsHeader &cookie : options.cookies)
            pairs << cookie.first + '=' + cookie.second;
        headers.append({"Cookie", pairs.join("; ")});
    }
    headers.append(options.headers);

    QList<QByteArray> args{"websocat"};
    if (options.ignoreCertificateErrors)
        args.append("-k");
    if (!options.subprotocols.isEmpty())
        args.append("--protocol " + CurlCommand::shellQuote(options.subprotocols.join(QStringLiteral(", ")).toUtf8()));
    for (const WsHeader &h : std::as_const(headers)) {
        const QByteArray value = redaction.headerValue(h.first, QString::fromLatin1(h.second)).toLatin1();
        args.append("-H " + CurlCommand::shellQuote(QByteArray(h.first + ": " + value)));
    }
    args.append(CurlCommand::shellQuote(redaction.url(url.toString(QUrl::FullyEncoded)).toUtf8()));
    return QString::fromUtf8(args.join(" \\\n  "));
}

} // namespace wirescope

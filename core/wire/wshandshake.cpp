#include "core/wire/wshandshake.h"

#include "core/wire/httpgrammar.h"
#include "core/wire/wsviolations.h"

#include <QCryptographicHash>
#include <QRandomGenerator>


namespace wirescope {

namespace {

QByteArray extensionName(const QByteArray &element)
{
    // RFC 6455 §9.1: extension = extension-token *( ";" extension-param )
    const qsizetype semi = element.indexOf(';');
    return http::trimOws(QByteArrayView(element).first(semi < 0 ? element.size() : semi)).toByteArray().toLower();
}

QString latin1(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes);
}

} // namespace

WsHandshakeRequest wsBuildHandshakeRequest(const WsHandshakeRequestOptions &options, const QByteArray &nonce)
{
    WsHandshakeRequest request;
    QByteArray raw = nonce;
    if (raw.size() != 16) {
        // RFC 6455 §4.1: the nonce is 16 bytes "randomly selected".
        raw.resize(16);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 4);
    }
    request.key = raw.toBase64();
    request.subprotocols = options.subprotocols;
    request.extensions = options.extensions;

    const QUrl &url = options.url;
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    // RFC 9110 §7.2: Host carries the port only when it is not the scheme's default.
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const bool secure = url.scheme() == u"wss" || url.scheme() == u"https";
    const int defaultPort = secure ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());

    QByteArray out;
    out += "GET " + target + " HTTP/1.1\r\n";
    out += "Host: " + host + "\r\n";
    out += "Upgrade: websocket\r\n";
    out += "Connection: Upgrade\r\n";
    out += "Sec-WebSocket-Key: " + request.key + "\r\n";
    out += "Sec-WebSocket-Version: 13\r\n";
    if (!options.origin.isEmpty())
        out += "Origin: " + options.origin.toUtf8() + "\r\n";
    if (!options.subprotocols.isEmpty())
        out += "Sec-WebSocket-Protocol: " + options.subprotocols.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    if (!options.extensions.isEmpty())
        out += "Sec-WebSocket-Extensions: " + options.extensions.join(", ") + "\r\n";
    QString user = options.basicUser;
    QString password = options.basicPassword;
    if (user.isEmpty() && !url.userName().isEmpty()) {
        user = url.userName();
        password = url.password();
    }
    if (!options.bearerToken.isEmpty())
        out += "Authorization: Bearer " + options.bearerToken.toUtf8() + "\r\n";
    else if (!user.isEmpty())
        out += "Authorization: Basic " + (user + u':' + password).toUtf8().toBase64() + "\r\n";
    if (!options.cookies.isEmpty()) {
        QList<QByteArray> pairs;
        for (const WsHeader &cookie : options.cookies)
            pairs << cookie.first + '=' + cookie.second;
        out += "Cookie: " + pairs.join("; ") + "\r\n";
    }
    for (const WsHeader &header : options.headers)
        out += header.first + ": " + header.second + "\r\n";
    out += "\r\n";
    request.bytes = out;
    return request;
}

WsRequestHead wsSplitRequestHead(QByteArrayView head)
{
    WsRequestHead result;
    const qsizetype end = head.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = head.first(end < 0 ? head.size() : end).toByteArray().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        if (i == 0) {
            result.requestLine = line;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            result.fields.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    return result;
}

QByteArray wsAcceptFor(const QByteArray &key)
{
    return QCryptographicHash::hash(QByteArray(key + WsGuid), QCryptographicHash::Sha1).toBase64();
}

WsAcceptDerivation wsDeriveAccept(const QByteArray &key, const QByteArray &actual, bool present)
{
    WsAcceptDerivation d;
    d.key = key;
    d.keyPlusGuid = key + WsGuid;
    const QByteArray sha1 = QCryptographicHash::hash(d.keyPlusGuid, QCryptographicHash::Sha1);
    d.sha1Hex = sha1.toHex();
    d.expected = sha1.toBase64();
    d.actual = actual;
    d.present = present;
    d.match = present && actual == d.expected;
    return d;
}

WsHandshakeVerdict wsCheckHandshakeResponse(const WsHandshakeRequest &request, const HttpResponse &response)
{
    WsHandshakeVerdict verdict;
    auto add = [&](const QString &what, const QString &expected, const QString &actual, bool passed,
                   const ViolationKind &kind) {
        verdict.checks.push_back({what, expected, actual, passed, passed ? nullptr : &kind});
    };
    // RFC 6455 §4.1 client step 1: status 101.
    add(QStringLiteral("status"), QStringLiteral("101"), QString::number(response.status),
        response.status == 101, wsv::HandshakeBadStatus);
    // Step 2: Upgrade contains "websocket" (case-insensitive).
    QByteArray upgrade = response.headerValues("Upgrade").join(", ");
    add(QStringLiteral("Upgrade"), QStringLiteral("websocket"), latin1(upgrade),
        http::listHasToken(upgrade, "websocket"), wsv::HandshakeMissingUpgrade);
    // Step 3: Connection contains the "Upgrade" token (case-insensitive).
    QByteArray connection = response.headerValues("Connection").join(", ");
    add(QStringLiteral("Connection"), QStringLiteral("Upgrade"), latin1(connection),
        http::listHasToken(connection, "upgrade"), wsv::HandshakeMissingConnection);
    // Step 4: Sec-WebSocket-Accept. RFC 6455 §11.3.3: it must not appear more than once, so
    // repeated fields are compared as the list they make ("v, v"), which never matches.
    const bool acceptPresent = response.hasHeader("Sec-WebSocket-Accept");
    verdict.accept = wsDeriveAccept(request.key, response.headerValues("Sec-WebSocket-Accept").join(", "), acceptPresent);
    add(QStringLiteral("Sec-WebSocket-Accept"), latin1(verdict.accept.expected), latin1(verdict.accept.actual),
        verdict.accept.match, acceptPresent ? wsv::HandshakeAcceptMismatch : wsv::HandshakeMissingAccept);
    // Step 5: only extensions the client offered.
    QList<QByteArray> offered;
    for (const QByteArray &e : request.extensions)
        for (const QByteArray &element : http::splitList(e))
            offered << extensionName(element);
    const QList<QByteArray> extensionValues = response.headerValues("Sec-WebSocket-Extensions");
    for (const QByteArray &value : extensionValues) {
        for (const QByteArray &element : http::splitList(value)) {
            const QByteArray name = extensionName(element);
            add(QStringLiteral("Sec-WebSocket-Extensions"), latin1(offered.join(", ")), latin1(element),
                offered.contains(name), wsv::HandshakeUnrequestedExtension);
            if (offered.contains(name))
                verdict.extensions << element;
        }
    }
    // Step 6: a subprotocol the client offered, or none.
    if (response.hasHeader("Sec-WebSocket-Protocol")) {
        const QString selected = QString::fromUtf8(response.headerValue("Sec-WebSocket-Protocol"));
        const bool passed = request.subprotocols.contains(selected)
            && response.headerValues("Sec-WebSocket-Protocol").size() == 1;
        add(QStringLiteral("Sec-WebSocket-Protocol"), request.subprotocols.join(QStringLiteral(", ")), selected,
            passed, wsv::HandshakeUnrequestedSubprotocol);
        if (passed)
            verdict.subprotocol = selected;
    }
    verdict.ok = true;
    for (const WsHandshakeCheck &check : verdict.checks) {
        if (check.passed)
            continue;
        verdict.ok = false;
        // A refusal (non-101) is one fact; the missing upgrade headers follow from it.
        if (response.status != 101 && check.violation != &wsv::HandshakeBadStatus)
            continue;
        verdict.violations.push_back(Violation{check.violation, -1, 0,
            check.what + QStringLiteral(": ") + (check.actual.isEmpty() ? QStringLiteral("(absent)") : check.actual)});
    }
    return verdict;
}

} // namespace wirescope

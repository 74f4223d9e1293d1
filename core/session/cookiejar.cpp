#include "core/session/cookiejar.h"

#include <QHostAddress>
#include <QNetworkCookie>

#include <algorithm>

namespace wirescope {

namespace {

// RFC 6265 §5.1.4: the default path is the request path up to (not including) its last '/'.
QString defaultPath(const QUrl &url)
{
    const QString path = url.path();
    if (!path.startsWith(u'/'))
        return QStringLiteral("/");
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash <= 0 ? QStringLiteral("/") : path.left(slash);
}

} // namespace

bool CookieJar::domainMatches(const QString &host, const QString &domain)
{
    // RFC 6265 §5.1.3: identical, or host ends with "." + domain and host is not an IP.
    if (host == domain)
        return true;
    if (QHostAddress(host).protocol() != QAbstractSocket::UnknownNetworkLayerProtocol)
        return false;
    return host.endsWith(domain) && host.size() > domain.size() && host.at(host.size() - domain.size() - 1) == u'.';
}

bool CookieJar::pathMatches(const QString &requestPath, const QString &cookiePath)
{
    // RFC 6265 §5.1.4
    if (requestPath == cookiePath)
        return true;
    if (!requestPath.startsWith(cookiePath))
        return false;
    return cookiePath.endsWith(u'/') || requestPath.at(cookiePath.size()) == u'/';
}

bool CookieJar::setCookieFromHeader(const QByteArray &setCookie, const QUrl &url, const QDateTime &now)
{
    // QNetworkCookie parses the attribute syntax (RFC 6265 §5.2); the storage rules of §5.3
    // are applied here so they are visible and tested.
    purgeExpired(now);
    const QList<QNetworkCookie> parsed = QNetworkCookie::parseCookies(setCookie);
    if (parsed.size() != 1)
        return false;
    const QNetworkCookie &nc = parsed.first();
    if (nc.name().isEmpty())
        return false;
    const QString host = url.host().toLower();
    Cookie c;
    c.name = nc.name();
    c.value = nc.value();
    c.secure = nc.isSecure();
    c.httpOnly = nc.isHttpOnly();
    c.created = now;
    QString domain = nc.domain().toLower();
    if (domain.startsWith(u'.'))
        domain.remove(0, 1);
    if (domain.isEmpty()) {
        c.hostOnly = true;
        c.domain = host;
    } else {
        // §5.3 step 6: the request host must domain-match the Domain attribute.
        if (!domainMatches(host, domain))
            return false;
        // Refuse a bare top-level label ("com"): a crude public-suffix guard.
        if (!domain.contains(u'.') && domain != host)
            return false;
        c.hostOnly = false;
        c.domain = domain;
    }
    c.path = nc.path().startsWith(u'/') ? nc.path() : defaultPath(url);
    // §5.3 step 3: Max-Age wins over Expires (QNetworkCookie folds both into expirationDate).
    // QNetworkCookie applies Max-Age to the wall clock of the moment it parses; the jar's
    // notion of "now" is the caller's, so Max-Age (§5.2.2) is applied here.
    c.expires = nc.expirationDate();
    for (const QByteArray &attribute : setCookie.split(';').mid(1)) {
        const QByteArray a = attribute.trimmed();
        if (!a.toLower().startsWith("max-age="))
            continue;
        bool ok = false;
        const qint64 seconds = a.mid(8).trimmed().toLongLong(&ok);
        if (ok)
            c.expires = seconds <= 0 ? now.addSecs(-1) : now.addSecs(qMin<qint64>(seconds, 400LL * 24 * 3600));
    }
    // §8.6 / RFC 6265bis: a Secure cookie can only be set from a secure origin.
    if (c.secure && url.scheme() != u"https")
        return false;
    // §5.3 step 11: replace the old cookie with the same name, domain and path.
    for (qsizetype i = 0; i < m_cookies.size(); ++i) {
        const Cookie &old = m_cookies.at(i);
        if (old.name == c.name && old.domain == c.domain && old.path == c.path) {
            c.created = old.created;
            m_cookies.removeAt(i);
            break;
        }
    }
    if (c.expires.isValid() && c.expires <= now)
        return true; // an expiry in the past deletes (done above)
    m_cookies.append(c);
    return true;
}

void CookieJar::purgeExpired(const QDateTime &now)
{
    m_cookies.removeIf([&](const Cookie &c) { return c.expires.isValid() && c.expires <= now; });
}

QByteArray CookieJar::cookieHeaderFor(const QUrl &url, const QDateTime &now) const
{
    const QString host = url.host().toLower();
    const QString path = url.path().isEmpty() ? QStringLiteral("/") : url.path();
    const bool secure = url.scheme() == u"https";
    QList<const Cookie *> matching;
    for (const Cookie &c : m_cookies) {
        if (c.expires.isValid() && c.expires <= now)
            continue;
        if (c.hostOnly ? host != c.domain : !domainMatches(host, c.domain))
            continue;
        if (!pathMatches(path, c.path) || (c.secure && !secure))
            continue;
        matching.append(&c);
    }
    // §5.4 step 2: longer paths first, then earlier creation.
    std::stable_sort(matching.begin(), matching.end(), [](const Cookie *a, const Cookie *b) {
        if (a->path.size() != b->path.size())
            return a->path.size() > b->path.size();
        return a->created < b->created;
    });
    QByteArray out;
    for (const Cookie *c : std::as_const(matching)) {
        if (!out.isEmpty())
            out += "; ";
        out += c->name + '=' + c->value;
    }
    return out;
}

} // namespace wirescope

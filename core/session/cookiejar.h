#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

namespace wirescope {

// RFC 6265 §5.3 storage model, the basics: Domain (host-only unless given; must domain-
// match the request host), Path (default-path §5.1.4), Expires/Max-Age (Max-Age wins;
// in the past deletes), Secure (only over https), HttpOnly kept for display.
struct Cookie {
    QByteArray name;
    QByteArray value;
    QString domain;     // lowercase, no leading dot
    bool hostOnly = true;
    QString path = QStringLiteral("/");
    QDateTime expires;  // invalid = session cookie
    bool secure = false;
    bool httpOnly = false;
    QDateTime created;
};

class CookieJar
{
public:
    // Stores the cookie of one Set-Cookie header value received for `url`.
    // Returns false (and stores nothing) when the cookie is rejected by §5.3.
    bool setCookieFromHeader(const QByteArray &setCookie, const QUrl &url, const QDateTime &now);
    // The Cookie header value for a request to `url` (§5.4): longest path first, then
    // oldest; empty when none apply.
    QByteArray cookieHeaderFor(const QUrl &url, const QDateTime &now) const;

    const QList<Cookie> &cookies() const { return m_cookies; }
    void clear() { m_cookies.clear(); }

    static bool domainMatches(const QString &host, const QString &domain);
    static bool pathMatches(const QString &requestPath, const QString &cookiePath);

private:
    void purgeExpired(const QDateTime &now);
    QList<Cookie> m_cookies;
};

} // namespace wirescope

#include "core/session/session.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QUrl>

#include <algorithm>

namespace wirescope {

Session::Session(QObject *parent)
    : QObject(parent)
    , m_recorder(&m_timeline)
{
}

void Session::continueFrom(const QDateTime &wallAnchor, quint32 nextConnectionId)
{
    m_clock.continueFrom(wallAnchor);
    m_nextConnection.store(std::max<quint32>(1, nextConnectionId));
}

QByteArray Session::cookieHeaderFor(const QUrl &url) const
{
    QMutexLocker lock(&m_cookieMutex);
    return m_cookies.cookieHeaderFor(url, QDateTime::currentDateTimeUtc());
}

void Session::storeCookies(const QList<QByteArray> &setCookieValues, const QUrl &url)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QMutexLocker lock(&m_cookieMutex);
    for (const QByteArray &value : setCookieValues)
        m_cookies.setCookieFromHeader(value, url, now);
}

QList<Cookie> Session::cookies() const
{
    QMutexLocker lock(&m_cookieMutex);
    return m_cookies.cookies();
}

void Session::clearCookies()
{
    QMutexLocker lock(&m_cookieMutex);
    m_cookies.clear();
}

} // namespace wirescope

#pragma once

#include "core/session/annotations.h"
#include "core/session/cookiejar.h"
#include "core/session/recorder.h"
#include "core/session/sessionclock.h"
#include "core/session/timeline.h"

#include <QMutex>
#include <QObject>

#include <atomic>

class QUrl;

namespace wirescope {

// One session: one clock, one timeline (with its recorder) and one cookie jar, shared by
// every engine that works for it, on whatever thread. The timeline is read on the
// session's thread; the clock, the ids and the cookie jar may be used from any thread.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);

    const SessionClock &clock() const { return m_clock; }
    Timeline &timeline() { return m_timeline; }
    const Timeline &timeline() const { return m_timeline; }
    Recorder *recorder() { return &m_recorder; }
    // The user's labels and notes on the timeline's rows (on the session's thread).
    Annotations *annotations() { return &m_annotations; }
    const Annotations *annotations() const { return &m_annotations; }

    // Connection ids are unique in the session, from 1, for HTTP and WebSocket alike.
    quint32 newConnectionId() { return m_nextConnection.fetch_add(1); }

    // A session that continues a saved one (loaded, or appended to): its clock keeps the
    // file's wall anchor and new connections get ids after the file's. Before any engine
    // works for the session.
    void continueFrom(const QDateTime &wallAnchor, quint32 nextConnectionId);

    // RFC 6265 through one jar, so a login made over HTTP carries into a WebSocket upgrade.
    QByteArray cookieHeaderFor(const QUrl &url) const;
    void storeCookies(const QList<QByteArray> &setCookieValues, const QUrl &url);
    QList<Cookie> cookies() const;
    void clearCookies();

private:
    SessionClock m_clock;
    Timeline m_timeline;
    Recorder m_recorder;
    Annotations m_annotations;
    std::atomic<quint32> m_nextConnection{1};
    mutable QMutex m_cookieMutex;
    CookieJar m_cookies;
};

} // namespace wirescope

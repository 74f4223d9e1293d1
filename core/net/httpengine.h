#pragma once

#include "core/session/httpexchangerecord.h"
#include "core/wire/variables.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace wirescope {

class HttpClient;
class Session;
class SessionClock;

// An HttpClient (keep-alive pool, cookie jar, connections) on a thread of its own, for a
// caller whose thread may be busy, such as the window: bytes are read and phases stamped
// when the network moves, not when the caller's event loop is free. Use it from the thread
// that created it. Calls are queued to the engine thread and return at once; results come
// back as signals carrying values, queued to the caller's thread. An exchange is named by
// the id start() returns, before it exists on the engine thread.
class HttpEngine : public QObject
{
    Q_OBJECT
public:
    // A long body arrives in many reads, each a Receiving report: one per frame (16 ms) is
    // what a progress label can show, and a busy window is not queued thousands of them.
    static constexpr qint64 progressIntervalNs = 16'000'000;
    // A body still arriving travels in Receiving reports up to this many bytes (what a view
    // shows of it live); the finished record carries all of it.
    static constexpr qint64 liveBodyBytes = 2 * 1024 * 1024;

    // Works for the session (its clock, cookie jar and timeline; it must outlive the engine),
    // or on its own without one.
    explicit HttpEngine(Session *session = nullptr, QObject *parent = nullptr);
    // Aborts the unfinished exchanges without reporting them, deletes the client on its
    // thread and stops the thread. It waits for the engine thread's current event only,
    // never for the network (sockets are aborted, not closed gracefully).
    ~HttpEngine() override;

    // Queues the exchange (HttpClient::start() on the engine thread); finished() reports it,
    // whatever happens, with record.id == the id returned here.
    quint64 start(const HttpRequest &request, const HttpRequestOptions &options = {},
                  const VariableScope &variables = {});
    // Queued: the exchange ends with the error "cancelled" unless it finished before.
    void cancel(quint64 id);
    // Queued: HttpClient::warmUpTls() on the engine thread, so a start-up call costs the
    // caller's thread nothing.
    void warmUpTls();

    const SessionClock &clock() const { return *m_clock; }
    // The thread the exchanges run on.
    const QThread *engineThread() const { return &m_thread; }

signals:
    // At most one Receiving report per progressIntervalNs for an exchange, and every change
    // of phase (the last is Done, just before finished()). A Receiving report's bodyAdded
    // holds the body bytes read since the previous report (of the first liveBodyBytes).
    void progress(quint64 id, const wirescope::HttpProgress &progress);
    void finished(const wirescope::HttpExchangeRecord &record);

private:
    // Runs on the engine thread.
    void startOnEngineThread(quint64 id, const HttpRequest &request, const HttpRequestOptions &options,
                             const VariableScope &variables);

    QThread m_thread;
    QObject *m_context;    // lives on m_thread: queued calls run there
    HttpClient *m_client;  // lives on m_thread; deleted there by ~HttpEngine
    const SessionClock *m_clock;
};

} // namespace wirescope

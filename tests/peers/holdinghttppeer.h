#pragma once

#include <QAtomicInt>
#include <QList>
#include <QPointer>
#include <QThread>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace wirescope::test {

// An HTTP/1.1 server on a thread of its own, so it keeps serving while the test's thread is
// blocked (the in-process DemoPeer cannot). It holds every request it receives until the test
// calls answerHeldRequests(), which lets a test decide when the answer is on the wire: while
// its thread sleeps, or never (to cancel or close something mid-request). Listens on
// 127.0.0.1:0; stopped when destroyed.
class HoldingHttpPeer
{
public:
    HoldingHttpPeer();
    ~HoldingHttpPeer();
    HoldingHttpPeer(const HoldingHttpPeer &) = delete;
    HoldingHttpPeer &operator=(const HoldingHttpPeer &) = delete;

    bool start(QString *error);
    // http://127.0.0.1:port + path.
    QUrl url(const QString &path = QStringLiteral("/")) const;

    // Request heads received so far (any thread).
    int requestsReceived() const { return m_received.loadAcquire(); }
    // Connections the client closed or aborted (any thread).
    int connectionsClosed() const { return m_closed.loadAcquire(); }
    // afterMs from now (on the peer's thread), every held request gets "200 OK" with the
    // body "ok" and the connection kept alive.
    void answerHeldRequests(int afterMs);

private:
    QThread m_thread;
    QObject *m_context; // lives on m_thread, parent of the server and its sockets
    QTcpServer *m_server = nullptr;              // on m_thread
    QList<QPointer<QTcpSocket>> m_held;          // on m_thread: one entry per held request
    quint16 m_port = 0;
    QAtomicInt m_received;
    QAtomicInt m_closed;
};

} // namespace wirescope::test

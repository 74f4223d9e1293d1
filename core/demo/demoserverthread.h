#pragma once

#include <QThread>

namespace wirescope {

class DemoServer;

// The demo server on a thread of its own, as the window runs it: what is measured against
// it (a ping's round trip, a request's wait) is network and server time, never the time the
// window's thread was busy painting.
class DemoServerThread
{
public:
    DemoServerThread();
    // Stops the server (WebSockets close with 1001) and its thread.
    ~DemoServerThread();
    DemoServerThread(const DemoServerThread &) = delete;
    DemoServerThread &operator=(const DemoServerThread &) = delete;

    // Listens (DemoServer::start) on the server's thread and returns once it listens or
    // failed. Afterwards the server's address getters may be read from any thread: nothing
    // changes them until the server is stopped.
    bool start(quint16 port);
    // Lives on the server's thread: connect to its signals, call nothing else but the
    // address getters (isListening, port, httpBaseUrl, wsBaseUrl, errorString).
    DemoServer *server() const { return m_server; }

private:
    QThread m_thread;
    DemoServer *m_server;
};

} // namespace wirescope

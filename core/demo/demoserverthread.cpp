#include "core/demo/demoserverthread.h"

#include "core/demo/demoserver.h"

namespace wirescope {

DemoServerThread::DemoServerThread()
    : m_server(new DemoServer)
{
    m_thread.setObjectName(QStringLiteral("demo server"));
    m_server->moveToThread(&m_thread); // its timers and sockets are children: they move too
    m_thread.start();
}

DemoServerThread::~DemoServerThread()
{
    DemoServer *server = m_server;
    QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool DemoServerThread::start(quint16 port)
{
    bool listening = false;
    DemoServer *server = m_server;
    QMetaObject::invokeMethod(server, [server, port, &listening] { listening = server->start(port); },
                              Qt::BlockingQueuedConnection);
    return listening;
}

} // namespace wirescope

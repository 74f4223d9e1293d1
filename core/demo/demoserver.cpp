#include "core/demo/demoserver.h"

#include <QTcpServer>

namespace wirescope {

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
}

bool DemoServer::start(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

void DemoServer::stop()
{
    m_server->close();
}

bool DemoServer::isListening() const
{
    return m_server->isListening();
}

quint16 DemoServer::port() const
{
    return m_server->serverPort();
}

QUrl DemoServer::httpBaseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

QUrl DemoServer::wsBaseUrl() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port()));
}

QString DemoServer::errorString() const
{
    return m_server->errorString();
}

} // namespace wirescope

#include "tests/peers/holdinghttppeer.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <utility>

namespace wirescope::test {

HoldingHttpPeer::HoldingHttpPeer()
    : m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("holding-http-peer"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

HoldingHttpPeer::~HoldingHttpPeer()
{
    QMetaObject::invokeMethod(
        m_context,
        [this] { delete m_server; }, // its sockets are its children
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

bool HoldingHttpPeer::start(QString *error)
{
    QString reason;
    QMetaObject::invokeMethod(
        m_context,
        [this, &reason] {
            m_server = new QTcpServer(m_context);
            if (!m_server->listen(QHostAddress::LocalHost, 0)) {
                reason = m_server->errorString();
                return;
            }
            m_port = m_server->serverPort();
            QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
                while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                    auto buffer = std::make_shared<QByteArray>();
                    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                        buffer->append(socket->readAll());
                        // Requests without a body: a head ends at the empty line.
                        for (qsizetype end; (end = buffer->indexOf("\r\n\r\n")) >= 0;) {
                            buffer->remove(0, end + 4);
                            m_held.append(socket);
                            m_received.fetchAndAddRelease(1);
                        }
                    });
                    QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                        m_closed.fetchAndAddRelease(1);
                        socket->deleteLater();
                    });
                }
            });
        },
        Qt::BlockingQueuedConnection);
    if (reason.isEmpty())
        return true;
    if (error)
        *error = QStringLiteral("holding HTTP peer could not listen on 127.0.0.1: %1").arg(reason);
    return false;
}

QUrl HoldingHttpPeer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

void HoldingHttpPeer::answerHeldRequests(int afterMs)
{
    QMetaObject::invokeMethod(
        m_context,
        [this, afterMs] {
            QTimer::singleShot(afterMs, m_context, [this] {
                for (const QPointer<QTcpSocket> &socket : std::exchange(m_held, {})) {
                    if (socket)
                        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
                }
            });
        },
        Qt::QueuedConnection);
}

} // namespace wirescope::test

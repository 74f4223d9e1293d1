#include "tests/app/scriptedserver.h"

#include "core/wire/wshandshake.h"

#include <QTcpSocket>

#include <memory>

namespace wirescope::test {

ScriptedServer::ScriptedServer(Answer answer, QByteArray bytes, Then then)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this, answer, bytes, then] {
        while (QTcpSocket *s = m_server.nextPendingConnection()) {
            s->setParent(this);
            // Bytes after the head (frames the client sends) are read and dropped.
            auto request = std::make_shared<QByteArray>();
            auto answered = std::make_shared<bool>(false);
            connect(s, &QTcpSocket::readyRead, s, [s, request, answered, answer, bytes, then] {
                request->append(s->readAll());
                if (*answered || !request->contains("\r\n\r\n"))
                    return;
                *answered = true;
                QByteArray reply = bytes;
                if (answer == Answer::Upgrade) {
                    QByteArray key;
                    for (const QByteArray &line : request->split('\n'))
                        if (line.toLower().startsWith("sec-websocket-key:"))
                            key = line.mid(18).trimmed();
                    reply.prepend("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                  "Sec-WebSocket-Accept: " + wsAcceptFor(key) + "\r\n\r\n");
                }
                s->write(reply);
                if (then == Then::Close)
                    s->disconnectFromHost();
            });
        }
    });
}

QString ScriptedServer::url(const QString &scheme) const
{
    return QStringLiteral("%1://127.0.0.1:%2/").arg(scheme).arg(m_server.serverPort());
}

} // namespace wirescope::test

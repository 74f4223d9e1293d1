#include "tests/peers/tunnelproxy.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QtEndian>

#include <memory>

namespace wirescope::test {

TunnelProxy::TunnelProxy(Kind kind)
    : m_kind(kind)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            client->setParent(this);
            auto *upstream = new QTcpSocket(this);
            auto in = std::make_shared<QByteArray>();
            auto greeted = std::make_shared<bool>(false);
            connect(client, &QTcpSocket::readyRead, this, [this, client, upstream, in, greeted] {
                if (upstream->state() != QAbstractSocket::UnconnectedState) {
                    upstream->write(client->readAll());
                    return;
                }
                in->append(client->readAll());
                QByteArray request;
                QString host;
                quint16 port = 0;
                QByteArray reply;
                if (m_kind == Kind::HttpConnect ? !parseConnect(*in, &request, &host, &port, &reply)
                                                : !parseSocks5(client, *in, *greeted, &host, &port, &reply))
                    return;
                m_requests << (m_kind == Kind::HttpConnect ? request
                                                           : "CONNECT " + host.toLatin1() + ':' + QByteArray::number(port));
                connect(upstream, &QTcpSocket::connected, client, [client, reply] { client->write(reply); });
                upstream->connectToHost(host, port);
            });
            connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
            connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
            connect(client, &QTcpSocket::disconnected, upstream, [upstream] { upstream->disconnectFromHost(); });
        }
    });
}

bool TunnelProxy::parseConnect(QByteArray &in, QByteArray *head, QString *host, quint16 *port, QByteArray *reply)
{
    const qsizetype end = in.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    *head = in.left(end + 4);
    const QList<QByteArray> target = in.split(' ').value(1).split(':');
    *host = QString::fromLatin1(target.value(0));
    *port = quint16(target.value(1).toUInt());
    *reply = "HTTP/1.1 200 Connection established\r\n\r\n";
    return true;
}

bool TunnelProxy::parseSocks5(QTcpSocket *client, QByteArray &in, bool &greeted, QString *host, quint16 *port,
                              QByteArray *reply)
{
    if (!greeted) {
        // VER NMETHODS METHODS...: choose "no authentication".
        if (in.size() < 2 || in.size() < 2 + quint8(in.at(1)))
            return false;
        in.remove(0, 2 + quint8(in.at(1)));
        greeted = true;
        client->write(QByteArray::fromHex("0500"));
    }
    // VER CMD RSV ATYP DST.ADDR DST.PORT
    if (in.size() < 5)
        return false;
    const quint8 atyp = quint8(in.at(3));
    const int addrLen = atyp == 1 ? 4 : atyp == 4 ? 16 : 1 + quint8(in.at(4));
    if (in.size() < 4 + addrLen + 2)
        return false;
    *host = atyp == 1 ? QHostAddress(qFromBigEndian<quint32>(in.constData() + 4)).toString()
                      : QString::fromLatin1(in.mid(5, addrLen - 1));
    *port = qFromBigEndian<quint16>(in.constData() + 4 + addrLen);
    *reply = QByteArray::fromHex("05000001000000000000");
    return true;
}

} // namespace wirescope::test

#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace wirescope::test {

// A minimal tunnelling proxy on 127.0.0.1: HTTP CONNECT (RFC 9110 §9.3.6, answers 200) or
// SOCKS5 (RFC 1928: no authentication, CONNECT only). Once the target is connected, bytes
// are piped both ways. requests() keeps one entry per tunnel: the CONNECT request head as
// received, or "CONNECT host:port" for SOCKS5.
class TunnelProxy : public QObject
{
public:
    enum class Kind { HttpConnect, Socks5 };
    explicit TunnelProxy(Kind kind);

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QList<QByteArray> requests() const { return m_requests; }

private:
    static bool parseConnect(QByteArray &in, QByteArray *head, QString *host, quint16 *port, QByteArray *reply);
    static bool parseSocks5(QTcpSocket *client, QByteArray &in, bool &greeted, QString *host, quint16 *port,
                            QByteArray *reply);

    Kind m_kind;
    QTcpServer m_server;
    QList<QByteArray> m_requests;
};

} // namespace wirescope::test

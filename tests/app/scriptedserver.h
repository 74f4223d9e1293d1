#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>

namespace wirescope::test {

// A TCP server on 127.0.0.1 that reads each client's request head and answers with fixed
// bytes: a peer that speaks no HTTP, a refusal, or a WebSocket upgrade (101 with the right
// Sec-WebSocket-Accept) followed by crafted frames. Serves while the test's event loop runs.
class ScriptedServer : public QObject
{
public:
    enum class Answer {
        Bytes,   // write `bytes` as they are
        Upgrade, // write a valid 101 for the request's key, then `bytes`
    };
    enum class Then { Close, StayOpen };

    ScriptedServer(Answer answer, QByteArray bytes, Then then);

    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &scheme) const; // "<scheme>://127.0.0.1:<port>/"

private:
    QTcpServer m_server;
};

} // namespace wirescope::test

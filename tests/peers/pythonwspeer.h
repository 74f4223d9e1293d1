#pragma once

#include "tests/peers/peerprocess.h"

#include <QStringList>
#include <QUrl>

namespace wirescope::test {

// A Python `websockets` 10.4 echo server (Debian python3-websockets, run by /usr/bin/python3,
// never the pyenv python on PATH) running tests/peers/ws_server.py on a port the kernel picks
// (port 0, so no clash is possible); the script prints its port and exits when this object
// is destroyed (SIGTERM, and EOF on its stdin if the test process dies).
//
// It echoes every message as received (text as text, binary as binary). Options choose
// permessage-deflate (RFC 7692) or not, the accepted subprotocols (RFC 6455 §4.2.2), TLS with
// tests/peers/certs/localhost.{crt,key}, a close after N messages and keepalive pings.
class PythonWsPeer
{
public:
    enum class Compression { Deflate, None };

    struct Options
    {
        // websockets' own default is deflate: it accepts permessage-deflate when offered.
        Compression compression = Compression::Deflate;
        QStringList subprotocols; // e.g. {"chat", "json"}; empty: none negotiated
        bool tls = false;         // wss:// with the test certificate (trust certs/ca.crt)
        int closeAfterMessages = 0; // > 0: close after echoing that many messages
        int closeCode = 1000;
        QString closeReason;
        int pingIntervalMs = 0;   // > 0: server pings that often
        qint64 maxMessageSize = 16 * 1024 * 1024; // larger messages are closed with 1009
        int clientMaxWindowBits = 0; // 8-15 with deflate: the window the server allows the client
        qint64 floodBytes = 0;    // > 0: that many bytes of 64-byte binary frames (66 on the wire) right after the handshake
    };

    PythonWsPeer() = default;
    PythonWsPeer(const PythonWsPeer &) = delete;
    PythonWsPeer &operator=(const PythonWsPeer &) = delete;

    // Starts the script and waits for its port. False with a reason (python3 missing,
    // python3-websockets missing, script error with its output) on failure.
    bool start(const Options &options, QString *error);
    bool start(QString *error) { return start(Options(), error); }
    void stop();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    // ws://127.0.0.1:port/path, or wss:// when started with tls.
    QUrl url(const QString &path = QStringLiteral("/")) const;
    QString outputTail(int maxLines = 15);

private:
    PeerProcess m_process;
    quint16 m_port = 0;
    bool m_tls = false;
};

} // namespace wirescope::test

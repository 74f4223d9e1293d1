#pragma once

#include "core/demo/demorequest.h"
#include "core/wire/permessagedeflate.h"
#include "core/wire/wsframeparser.h"
#include "core/wire/wsframewriter.h"
#include "core/wire/wsmessageassembler.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QTcpSocket;
class QTimer;

namespace wirescope {

class DemoLabMeter;
class DemoLabRun;

// The server side of /lab/ws (docs/lab-endpoints.md), RFC 6455 built from core/wire: Qt 6.4's
// QWebSocketServer cannot negotiate permessage-deflate (RFC 7692), which the lab measures.
// It answers the upgrade with 101 (the accept key of §4.2.2, permessage-deflate when offered),
// sends each message of the run as one unmasked text frame (compressed when negotiated),
// answers per workload (echo: the message back; chat: relayed to the run), pongs pings, and
// closes: 1000 once the run is over and everything was sent, the client's close echoed (then
// the server closes TCP first, §7.1.1), and a client that breaks a rule is failed (§7.1.7)
// with 1002, 1007 or 1009 (wsCloseCodeFor), 1003 for a chat message that is not one line of
// printable ASCII. The socket's bytes stay counted by its DemoLabMeter.
class DemoLabWebSocket : public QObject
{
    Q_OBJECT
public:
    // socket: the opening handshake already read (through its meter); request: that handshake,
    // checked by DemoLabExchange. Writes the 101 at once. Owns the socket from here.
    DemoLabWebSocket(
        QTcpSocket *socket, const DemoRequest &request, DemoLabRun *run, QObject *parent = nullptr);
    ~DemoLabWebSocket() override;

    // The 101 response for a valid upgrade request, and the permessage-deflate parameters it
    // agreed to (the first offer element this server can accept).
    static QByteArray handshakeResponse(const DemoRequest &request, std::optional<PmdParams> *deflate);
    // Sends a close frame with 1001 and ends the connection (the server stops).
    void goAway();

Q_SIGNALS:
    // The TCP connection ended; the owner deletes this object.
    void finished(wirescope::DemoLabWebSocket *socket);

private:
    void readFrames();
    void onFrame(const WsFrame &frame);
    void onMessage(const WsMessage &message);
    void pump();
    void sendClose(quint16 code, const QString &reason);
    void fail(quint16 code, const QString &reason);
    void endTcp();

    QTcpSocket *m_socket;
    DemoLabMeter *m_meter;
    QPointer<DemoLabRun> m_run;
    std::unique_ptr<PerMessageDeflate> m_deflate;
    WsFrameParser m_parser;
    WsMessageAssembler m_assembler;
    WsFrameWriter m_writer {WsRole::Server};
    qint64 m_position = 0;
    bool m_closeSent = false;
    bool m_closeReceived = false;
    bool m_failed = false;
    QTimer *m_retry; // while the client reads slower than the run writes
    QTimer *m_closeWait; // our close sent: how long the client gets to answer
};

} // namespace wirescope

#pragma once

#include "core/lab/labdriver.h"
#include "core/net/wsconnection.h"

namespace wirescope {

// The WebSocket transports of the lab: ws and ws-deflate (permessage-deflate offered, and
// required: a server that declines it would make the run measure plain ws). One connection;
// the server's messages and the answers to the client's arrive as text frames, and the
// server closes with 1000 after the run's last event (push, chat); after echo's last answer
// the client closes. Frame headers come from the frames both ways, the handshake from the
// upgrade request and the 101, the deflate saving from each message's wire and inflated size.
class LabWsDriver : public LabDriver
{
    Q_OBJECT
public:
    explicit LabWsDriver(const LabDriverSetup &setup);
    ~LabWsDriver() override;

protected:
    void begin() override;
    void abortIo() override;
    QString pending() const override;
    bool sendClientMessage(qint64 cseq, const QByteArray &message) override;
    bool readyForClientMessages() const override { return m_open && !m_closed; }
    bool serverSideDone() const override;
    bool channelClosed() const override { return m_closed; }
    void wrapUp() override;

private:
    void onHandshake(const WsHandshakeRecord &record);
    void onFrame(const WsFrameEvent &event);
    void onMessage(const WsMessageEvent &event);
    void onClosed(const WsCloseRecord &record);

    WsConnection m_ws;
    bool m_open = false;
    bool m_closed = false;
};

} // namespace wirescope

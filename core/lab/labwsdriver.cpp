#include "core/lab/labwsdriver.h"

#include "core/lab/labrunner.h"
#include "core/net/tap.h"

namespace wirescope {

LabWsDriver::LabWsDriver(const LabDriverSetup &setup)
    : LabDriver(setup)
    , m_ws(setup.clock, this)
{
}

LabWsDriver::~LabWsDriver()
{
    abortIo();
}

void LabWsDriver::begin()
{
    connect(&m_ws, &WsConnection::chunkCaptured, this, [this](const CapturedChunk &chunk) {
        m_tally.noteChunk(1, chunk.direction, chunk.bytes.size());
    });
    connect(&m_ws, &WsConnection::handshakeFinished, this, &LabWsDriver::onHandshake);
    connect(&m_ws, &WsConnection::frameDecoded, this, &LabWsDriver::onFrame);
    connect(&m_ws, &WsConnection::messageDecoded, this, &LabWsDriver::onMessage);
    connect(&m_ws, &WsConnection::closed, this, &LabWsDriver::onClosed);

    QUrl url = endpoint(QStringLiteral("ws"), true);
    url.setScheme(url.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    WsConnectOptions options;
    options.url = url;
    options.sessionCookies = false;
    options.permessageDeflate = m_setup.transport == LabTransport::WebSocketDeflate;
    options.connectTimeoutMs = m_setup.config.connectTimeoutMs;
    options.handshakeTimeoutMs = m_setup.config.connectTimeoutMs;
    options.closeTimeoutMs = LabRunner::graceMs;
    m_ws.open(options);
}

void LabWsDriver::onHandshake(const WsHandshakeRecord &record)
{
    LabTransportResult &r = m_tally.result();
    ++r.requests;
    r.overhead.handshake += record.requestBytes.size() + record.responseBytes.size();
    if (record.response.status == 404) {
        fail(QStringLiteral("the server has no /lab/ws endpoint (404)"));
        return;
    }
    if (!record.verdict.ok) {
        const QString why = record.verdict.violations.empty() ? QStringLiteral("the handshake failed")
                                                              : violationMessage(record.verdict.violations.front());
        fail(QStringLiteral("the server answered the upgrade on /lab/ws with %1 %2: %3")
                 .arg(record.response.status)
                 .arg(QString::fromLatin1(record.response.reason), why));
        return;
    }
    if (m_setup.transport == LabTransport::WebSocketDeflate && !record.deflateNegotiated) {
        fail(QStringLiteral("the server did not agree to permessage-deflate (RFC 7692): this would measure plain ws"));
        return;
    }
    m_open = true;
    sendDueMessages();
}

void LabWsDriver::onFrame(const WsFrameEvent &event)
{
    LabTransportResult &r = m_tally.result();
    const int header = event.frame.header.headerSize;
    r.frameHeaderMin = r.frames == 0 ? header : qMin(r.frameHeaderMin, header);
    r.frameHeaderMax = qMax(r.frameHeaderMax, header);
    ++r.frames;
    r.overhead.frameHeaders += header;
    if (event.frame.header.opcode >= WsOpcode::Close)
        r.overhead.controlFrames += qint64(event.frame.header.payloadLength);
}

void LabWsDriver::onMessage(const WsMessageEvent &event)
{
    // RFC 7692 §6: the frames carry the deflated message; the payload counted is the inflated one.
    m_tally.result().overhead.compression += event.message.wireSize - event.message.size;
    if (event.direction != Direction::In || m_finished)
        return;
    const qint64 answersBefore = m_tally.clientAnswered();
    m_tally.noteDelivered({event.message.payload}, event.tNs);
    if (m_tally.clientAnswered() > answersBefore)
        noteAnswered();
    else
        checkDone();
}

void LabWsDriver::onClosed(const WsCloseRecord &record)
{
    m_closed = true;
    if (m_finished)
        return;
    if (m_wrappingUp) {
        complete();
        return;
    }
    if (!m_open) {
        fail(QStringLiteral("could not open /lab/ws: %1").arg(record.failure.isNull() ? record.reason : record.failure.message()));
        return;
    }
    if (!record.clean && !allServerMessagesIn()) {
        fail(QStringLiteral("the WebSocket on /lab/ws closed with %1 before the run ended%2")
                 .arg(record.code)
                 .arg(record.failure.isNull() ? QString() : QStringLiteral(": ") + record.failure.message()));
        return;
    }
    // The server ended the run: what is missing is lost.
    m_wrappingUp = true;
    complete();
}

void LabWsDriver::wrapUp()
{
    if (m_closed) {
        complete();
        return;
    }
    // Echo (the client had the last word): the close handshake of RFC 6455 §7.1.2.
    if (!m_ws.close(1000))
        complete();
}

bool LabWsDriver::sendClientMessage(qint64, const QByteArray &message)
{
    // False once a close frame went either way (RFC 6455 §5.5.1: no data after it).
    return m_ws.state() == WsConnectionState::Open && m_ws.sendText(QString::fromLatin1(message));
}

bool LabWsDriver::serverSideDone() const
{
    // Push and chat wait for the server's close after its last event: closing first would
    // write a close frame the server may never read (and the byte counts would differ).
    return m_closed || m_setup.config.workload == LabWorkload::Echo;
}

QString LabWsDriver::pending() const
{
    if (!m_open)
        return QStringLiteral("the WebSocket upgrade on /lab/ws was still unanswered");
    if (m_wrappingUp)
        return QStringLiteral("the server did not answer the client's close frame");
    return QStringLiteral("the WebSocket on /lab/ws was still open with %1 of %2 server messages read")
        .arg(m_tally.serverDelivered())
        .arg(m_tally.scheduled());
}

void LabWsDriver::abortIo()
{
    m_ws.disconnect(this);
    if (m_ws.state() != WsConnectionState::Closed && m_ws.state() != WsConnectionState::Idle)
        m_ws.abort();
}

} // namespace wirescope

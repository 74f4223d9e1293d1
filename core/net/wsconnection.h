#pragma once

#include "core/session/capturedchunk.h"
#include "core/session/wsconnectoptions.h"
#include "core/session/wsrecords.h"

#include <QObject>

#include <memory>
#include <optional>

namespace wirescope {

class Session;
class SessionClock;
class Tap;

// A WebSocket client connection: ws:// and wss:// over QTcpSocket/QSslSocket, RFC 6455
// spoken by core/wire. Every chunk read or written goes through the Tap first; frames in
// both directions are decoded from those bytes (outgoing ones by a server-role parser),
// so what is shown is what crossed the socket.
//
// Signals are emitted once per event with value types; a UI coalesces them (DESIGN.md).
// Frame events are built only while something listens to frameDecoded.
// It may live on any thread (moveToThread before open()); call it only from that thread.
class WsConnection : public QObject
{
    Q_OBJECT
public:
    explicit WsConnection(QObject *parent = nullptr);
    // Shares a clock with a session (must outlive the connection).
    WsConnection(const SessionClock *clock, QObject *parent);
    // Works for a session: its clock, its cookie jar, and every byte and event recorded in
    // its timeline (a connection id of its own per open()).
    WsConnection(Session *session, QObject *parent);
    ~WsConnection() override;

    void open(const WsConnectOptions &options);

    // Data and control. Return false when the connection is not open.
    bool sendText(const QString &text, qsizetype fragmentSize = 0);
    bool sendBinary(const QByteArray &data, qsizetype fragmentSize = 0);
    bool ping(const QByteArray &payload = {});   // RTT reported by pongReceived
    // Pings every intervalMs while open (0: stop), payloads "auto-1", "auto-2" ... Takes
    // effect at once; open() starts it from WsConnectOptions::pingIntervalMs.
    void setPingInterval(int intervalMs);
    bool pong(const QByteArray &payload = {});
    // Starts the close handshake (RFC 6455 §7.1.2). code absent: empty close payload.
    bool close(std::optional<quint16> code = quint16(1000), const QString &reason = {});
    // Writes crafted bytes as they are (WsFrameWriter::craft): the outgoing parser decodes them.
    bool sendRaw(const QByteArray &bytes);
    // Drops the TCP connection without a close handshake.
    void abort();
    // Same, saying why (a time limit of the caller's): reported, and why the close was not clean.
    void abort(const Failure &why);

    WsConnectionState state() const { return m_state; }
    const WsConnectOptions &options() const { return m_options; }
    const WsHandshakeRecord &handshake() const { return m_handshake; }
    const WsCloseRecord &closeRecord() const { return m_close; }
    const Tap &tap() const;
    const SessionClock &clock() const;
    bool deflateActive() const;
    quint64 framesIn() const { return m_framesIn; }
    quint64 framesOut() const { return m_framesOut; }
    // The session's id of the current (or last) connection; 0 without a session.
    quint32 connectionId() const;

signals:
    void stateChanged(wirescope::WsConnectionState state);
    void chunkCaptured(const wirescope::CapturedChunk &chunk);
    void handshakeFinished(const wirescope::WsHandshakeRecord &record);
    void frameDecoded(const wirescope::WsFrameEvent &event);
    void messageDecoded(const wirescope::WsMessageEvent &event);
    void violationFound(const wirescope::WsViolationEvent &event);
    void pingReceived(qint64 tNs, const QByteArray &payload);
    void pongReceived(const wirescope::WsPongEvent &event);
    void errorOccurred(const wirescope::WsErrorEvent &event);
    void closed(const wirescope::WsCloseRecord &record); // always the last signal

protected:
    // Whether anyone listens to frameDecoded is asked per frame: cached, refreshed here.
    void connectNotify(const QMetaMethod &signal) override;
    void disconnectNotify(const QMetaMethod &signal) override;

private:
    WsConnection(const SessionClock *clock, Session *session, QObject *parent);
    struct Private;
    std::unique_ptr<Private> d;
    WsConnectOptions m_options;
    WsConnectionState m_state = WsConnectionState::Idle;
    WsHandshakeRecord m_handshake;
    WsCloseRecord m_close;
    quint64 m_framesIn = 0;
    quint64 m_framesOut = 0;
    friend struct Private;
};

} // namespace wirescope


#pragma once

#include "core/session/failure.h"
#include "core/session/phasetimings.h"
#include "core/session/tlsinfo.h"
#include "core/wire/direction.h"
#include "core/wire/httpresponse.h"
#include "core/wire/permessagedeflate.h"
#include "core/wire/violation.h"
#include "core/wire/wsframe.h"
#include "core/wire/wshandshake.h"
#include "core/wire/wsmessageassembler.h"

#include <QMetaType>

#include <optional>

namespace wirescope {

enum class WsConnectionState : quint8 {
    Idle,
    Connecting,   // TCP (and TLS) connect
    Handshaking,  // upgrade request sent, waiting for the 101
    Open,
    Closing,      // a close frame was sent or received, waiting for the other side / TCP end
    Closed,
};
QString wsConnectionStateName(WsConnectionState state); // "idle", "connecting", ...

// The opening handshake as it happened.
struct WsHandshakeRecord {
    // On the session clock: dns*, connect*, ssl* (-1 when not applicable: an IP literal, a
    // proxy that resolves, ws://), sendStartNs (request written), firstByteNs (first byte of
    // the answer) and lastByteNs (the answer's head complete).
    PhaseTimings timings;
    QByteArray requestBytes;  // raw, as sent
    // Raw, as received: the answer (interim 1xx, head, and a refusal's body with its framing);
    // its first byte is offset 0 of the inbound stream, which the response's offsets use.
    QByteArray responseBytes;
    HttpResponse response;    // read by HttpResponseParser, with every header's offset
    WsHandshakeVerdict verdict;
    bool deflateNegotiated = false;
    PmdParams deflateParams;
    TlsInfo tls;              // used == false for ws://
    QString peerAddress;      // "127.0.0.1:8080", "[::1]:8080"
    QString localAddress;     // our end, same form (a capture's source address, docs/pcapng.md)
};

struct WsFrameEvent {
    qint64 tNs = 0;
    Direction direction = Direction::In;
    quint64 index = 0;        // per-connection frame counter (both directions)
    WsFrame frame;
    bool crafted = false;     // written as crafted bytes (craft mode, --raw): rules unchecked
};

struct WsMessageEvent {
    qint64 tNs = 0;
    Direction direction = Direction::In;
    WsMessage message;
};

struct WsViolationEvent {
    qint64 tNs = 0;
    Direction direction = Direction::In; // whose bytes broke the rule
    Violation violation;
};

struct WsPongEvent {
    qint64 tNs = 0;
    QByteArray payload;
    qint64 rttNs = -1;        // -1: unsolicited pong (no ping with this payload outstanding)
};

enum class WsCloseInitiator : quint8 { None, Client, Server };

// How the connection ended (RFC 6455 §7).
struct WsCloseRecord {
    qint64 tNs = 0;
    WsCloseInitiator initiator = WsCloseInitiator::None; // who sent the first close frame
    bool sentClose = false;
    std::optional<quint16> sentCode;
    QString sentReason;
    bool receivedClose = false;
    std::optional<quint16> receivedCode;
    QString receivedReason;
    // RFC 6455 §7.1.5: 1005 when the close frame had no code, 1006 when no close frame arrived.
    quint16 code = 1006;
    QString reason;
    // RFC 6455 §7.1.4: both close frames exchanged, then TCP closed.
    bool clean = false;
    Failure failure; // why it was not clean: a failure kind, or the violation we failed it for
};

struct WsErrorEvent {
    qint64 tNs = 0;
    Failure failure;
};

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::WsConnectionState)
Q_DECLARE_METATYPE(wirescope::WsHandshakeRecord)
Q_DECLARE_METATYPE(wirescope::WsFrameEvent)
Q_DECLARE_METATYPE(wirescope::WsMessageEvent)
Q_DECLARE_METATYPE(wirescope::WsViolationEvent)
Q_DECLARE_METATYPE(wirescope::WsPongEvent)
Q_DECLARE_METATYPE(wirescope::WsCloseRecord)
Q_DECLARE_METATYPE(wirescope::WsErrorEvent)

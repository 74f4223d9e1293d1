#include "core/wire/wsviolations.h"

#include "core/wire/wsclosecode.h"

#include <QtGlobal>

namespace wirescope::wsv {

using G = ViolationGroup;
using S = ViolationSeverity;

const ViolationKind RsvNonzero{"ws.rsv_nonzero", G::Protocol, S::Error, "RFC 6455 §5.2",
    QT_TRANSLATE_NOOP("Violation", "A reserved bit (RSV1-3) is set although no extension that defines it was negotiated.")};
const ViolationKind MaskedServerFrame{"ws.masked_server_frame", G::Protocol, S::Error, "RFC 6455 §5.1",
    QT_TRANSLATE_NOOP("Violation", "The server sent a masked frame; a server must never mask its frames.")};
const ViolationKind UnmaskedClientFrame{"ws.unmasked_client_frame", G::Protocol, S::Error, "RFC 6455 §5.1",
    QT_TRANSLATE_NOOP("Violation", "The client sent an unmasked frame; a client must mask every frame.")};
const ViolationKind ReservedOpcode{"ws.reserved_opcode", G::Protocol, S::Error, "RFC 6455 §5.2",
    QT_TRANSLATE_NOOP("Violation", "The frame uses a reserved opcode that no extension defines.")};
const ViolationKind ControlTooLong{"ws.control_too_long", G::Protocol, S::Error, "RFC 6455 §5.5",
    QT_TRANSLATE_NOOP("Violation", "A control frame carries more than 125 bytes of payload.")};
const ViolationKind ControlFragmented{"ws.control_fragmented", G::Protocol, S::Error, "RFC 6455 §5.5",
    QT_TRANSLATE_NOOP("Violation", "A control frame is fragmented (FIN bit not set); control frames must not be fragmented.")};
const ViolationKind LengthMsbSet{"ws.length_msb_set", G::Malformed, S::Error, "RFC 6455 §5.2",
    QT_TRANSLATE_NOOP("Violation", "The 64-bit payload length has its most significant bit set.")};
const ViolationKind NonMinimalLength{"ws.non_minimal_length", G::Protocol, S::Warning, "RFC 6455 §5.2",
    QT_TRANSLATE_NOOP("Violation", "The payload length is not written with the minimal number of bytes.")};
const ViolationKind FrameTooBig{"ws.frame_too_big", G::Security, S::Error, "RFC 6455 §10.4",
    QT_TRANSLATE_NOOP("Violation", "The frame's payload is larger than the configured frame size limit; its payload was not stored.")};

const ViolationKind UnexpectedContinuation{"ws.unexpected_continuation", G::Sequence, S::Error, "RFC 6455 §5.4",
    QT_TRANSLATE_NOOP("Violation", "A continuation frame arrived while no fragmented message was in progress.")};
const ViolationKind DataDuringFragmentedMessage{"ws.data_during_fragmented_message", G::Sequence, S::Error, "RFC 6455 §5.4",
    QT_TRANSLATE_NOOP("Violation", "A new text or binary frame started before the fragmented message in progress was finished.")};
const ViolationKind InvalidUtf8{"ws.invalid_utf8", G::Malformed, S::Error, "RFC 6455 §8.1",
    QT_TRANSLATE_NOOP("Violation", "A text message is not valid UTF-8.")};
const ViolationKind InvalidCloseReasonUtf8{"ws.invalid_close_reason_utf8", G::Malformed, S::Error, "RFC 6455 §5.5.1",
    QT_TRANSLATE_NOOP("Violation", "The close reason is not valid UTF-8.")};
const ViolationKind InvalidCloseCode{"ws.invalid_close_code", G::Protocol, S::Error, "RFC 6455 §7.4",
    QT_TRANSLATE_NOOP("Violation", "The close frame carries a status code that must not be sent on the wire.")};
const ViolationKind ClosePayloadOneByte{"ws.close_payload_one_byte", G::Malformed, S::Error, "RFC 6455 §5.5.1",
    QT_TRANSLATE_NOOP("Violation", "The close frame's payload is one byte long; it must be empty or start with a two-byte status code.")};
const ViolationKind DataAfterClose{"ws.data_after_close", G::Sequence, S::Error, "RFC 6455 §5.5.1",
    QT_TRANSLATE_NOOP("Violation", "A frame arrived after the peer's close frame; nothing may follow a close frame.")};
const ViolationKind MessageTooBig{"ws.message_too_big", G::Security, S::Error, "RFC 6455 §7.4.1",
    QT_TRANSLATE_NOOP("Violation", "The message is larger than the configured message size limit.")};
const ViolationKind InflateTooBig{"ws.inflate_too_big", G::Security, S::Error, "RFC 7692 §8.1",
    QT_TRANSLATE_NOOP("Violation", "The compressed message inflates beyond the configured limit.")};
const ViolationKind InflateFailed{"ws.inflate_failed", G::Malformed, S::Error, "RFC 7692 §7.2.2",
    QT_TRANSLATE_NOOP("Violation", "The compressed message is not valid DEFLATE data.")};
const ViolationKind CompressedControlFrame{"ws.compressed_control_frame", G::Protocol, S::Error, "RFC 7692 §6.1",
    QT_TRANSLATE_NOOP("Violation", "A control frame has the compression bit (RSV1) set.")};
const ViolationKind CompressedContinuation{"ws.compressed_continuation", G::Protocol, S::Error, "RFC 7692 §6.1",
    QT_TRANSLATE_NOOP("Violation", "A continuation frame has the compression bit (RSV1) set; only a message's first frame may.")};

const ViolationKind HandshakeBadStatus{"ws.handshake.bad_status", G::Protocol, S::Error, "RFC 6455 §4.1",
    QT_TRANSLATE_NOOP("Violation", "The server did not answer the upgrade request with status 101.")};
const ViolationKind HandshakeMissingUpgrade{"ws.handshake.missing_upgrade", G::Protocol, S::Error, "RFC 6455 §4.1",
    QT_TRANSLATE_NOOP("Violation", "The response lacks an Upgrade header containing \"websocket\".")};
const ViolationKind HandshakeMissingConnection{"ws.handshake.missing_connection", G::Protocol, S::Error, "RFC 6455 §4.1",
    QT_TRANSLATE_NOOP("Violation", "The response lacks a Connection header containing the \"Upgrade\" token.")};
const ViolationKind HandshakeMissingAccept{"ws.handshake.missing_accept", G::Protocol, S::Error, "RFC 6455 §4.1",
    QT_TRANSLATE_NOOP("Violation", "The response lacks the Sec-WebSocket-Accept header.")};
const ViolationKind HandshakeAcceptMismatch{"ws.handshake.accept_mismatch", G::Protocol, S::Error, "RFC 6455 §4.1",
    QT_TRANSLATE_NOOP("Violation", "Sec-WebSocket-Accept does not match base64(SHA-1(key + GUID)) of the key that was sent.")};
const ViolationKind HandshakeUnrequestedSubprotocol{"ws.handshake.unrequested_subprotocol", G::Protocol, S::Error, "RFC 6455 §4.1",
    QT_TRANSLATE_NOOP("Violation", "The server selected a subprotocol the client did not offer.")};
const ViolationKind HandshakeUnrequestedExtension{"ws.handshake.unrequested_extension", G::Protocol, S::Error, "RFC 6455 §4.1",
    QT_TRANSLATE_NOOP("Violation", "The server selected an extension the client did not offer.")};
const ViolationKind HandshakeBadExtensionParams{"ws.handshake.bad_extension_params", G::Protocol, S::Error, "RFC 7692 §7.1",
    QT_TRANSLATE_NOOP("Violation", "The server's permessage-deflate parameters are invalid or were not allowed by the offer.")};

} // namespace wirescope::wsv

namespace wirescope {

quint16 wsCloseCodeFor(const ViolationKind *kind)
{
    if (kind == &wsv::InvalidUtf8 || kind == &wsv::InvalidCloseReasonUtf8 || kind == &wsv::InflateFailed)
        return wsclose::InvalidPayload;
    if (kind == &wsv::MessageTooBig || kind == &wsv::FrameTooBig || kind == &wsv::InflateTooBig)
        return wsclose::MessageTooBig;
    return wsclose::ProtocolError;
}

const std::vector<const ViolationKind *> &wsViolationKinds()
{
    using namespace wsv;
    static const std::vector<const ViolationKind *> kinds{
        &RsvNonzero, &MaskedServerFrame, &UnmaskedClientFrame, &ReservedOpcode, &ControlTooLong,
        &ControlFragmented, &LengthMsbSet, &NonMinimalLength, &FrameTooBig,
        &UnexpectedContinuation, &DataDuringFragmentedMessage, &InvalidUtf8, &InvalidCloseReasonUtf8,
        &InvalidCloseCode, &ClosePayloadOneByte, &DataAfterClose, &MessageTooBig, &InflateTooBig,
        &InflateFailed, &CompressedControlFrame, &CompressedContinuation,
        &HandshakeBadStatus, &HandshakeMissingUpgrade,
        &HandshakeMissingConnection, &HandshakeMissingAccept, &HandshakeAcceptMismatch,
        &HandshakeUnrequestedSubprotocol, &HandshakeUnrequestedExtension, &HandshakeBadExtensionParams,
    };
    return kinds;
}

} // namespace wirescope

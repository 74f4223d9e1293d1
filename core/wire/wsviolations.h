#pragma once

#include "core/wire/violation.h"

#include <vector>

namespace wirescope {

// Every WebSocket violation kind Wirescope detects (RFC 6455, RFC 7692). The ids are part
// of the CLI's JSON contract (docs/cli-ws.md) and of saved sessions: never rename them.
namespace wsv {
// Frame level (WsFrameParser)
extern const ViolationKind RsvNonzero;            // ws.rsv_nonzero
extern const ViolationKind MaskedServerFrame;     // ws.masked_server_frame
extern const ViolationKind UnmaskedClientFrame;   // ws.unmasked_client_frame
extern const ViolationKind ReservedOpcode;        // ws.reserved_opcode
extern const ViolationKind ControlTooLong;        // ws.control_too_long
extern const ViolationKind ControlFragmented;     // ws.control_fragmented
extern const ViolationKind LengthMsbSet;          // ws.length_msb_set
extern const ViolationKind NonMinimalLength;      // ws.non_minimal_length (warning)
extern const ViolationKind FrameTooBig;           // ws.frame_too_big
// Message level (WsMessageAssembler)
extern const ViolationKind UnexpectedContinuation;      // ws.unexpected_continuation
extern const ViolationKind DataDuringFragmentedMessage; // ws.data_during_fragmented_message
extern const ViolationKind InvalidUtf8;                 // ws.invalid_utf8
extern const ViolationKind InvalidCloseReasonUtf8;      // ws.invalid_close_reason_utf8
extern const ViolationKind InvalidCloseCode;            // ws.invalid_close_code
extern const ViolationKind ClosePayloadOneByte;         // ws.close_payload_one_byte
extern const ViolationKind DataAfterClose;              // ws.data_after_close
extern const ViolationKind MessageTooBig;               // ws.message_too_big
extern const ViolationKind InflateTooBig;               // ws.inflate_too_big
extern const ViolationKind InflateFailed;               // ws.inflate_failed
extern const ViolationKind CompressedControlFrame;      // ws.compressed_control_frame
extern const ViolationKind CompressedContinuation;      // ws.compressed_continuation
// Handshake (wshandshake.h); how the answer itself is read is HTTP's (httpviolations.h)
extern const ViolationKind HandshakeBadStatus;          // ws.handshake.bad_status
extern const ViolationKind HandshakeMissingUpgrade;     // ws.handshake.missing_upgrade
extern const ViolationKind HandshakeMissingConnection;  // ws.handshake.missing_connection
extern const ViolationKind HandshakeMissingAccept;      // ws.handshake.missing_accept
extern const ViolationKind HandshakeAcceptMismatch;     // ws.handshake.accept_mismatch
extern const ViolationKind HandshakeUnrequestedSubprotocol; // ws.handshake.unrequested_subprotocol
extern const ViolationKind HandshakeUnrequestedExtension;   // ws.handshake.unrequested_extension
extern const ViolationKind HandshakeBadExtensionParams;     // ws.handshake.bad_extension_params
} // namespace wsv

// RFC 6455 §7.4.1: the close code an endpoint sends when its peer broke this rule: 1007 for
// data that is not what the message type says (invalid UTF-8, an undecodable compressed
// message), 1009 for a message over the limit, 1002 for everything else.
quint16 wsCloseCodeFor(const ViolationKind *kind);

// All of the above, for documentation, the UI's legend and tests.
const std::vector<const ViolationKind *> &wsViolationKinds();

} // namespace wirescope

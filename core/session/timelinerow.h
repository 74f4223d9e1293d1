#pragma once

#include "core/wire/direction.h"

#include <QtGlobal>

namespace wirescope {

// What a timeline row stands for.
enum class RowKind : quint8 {
    Frame,     // one WebSocket frame as it crossed the wire (a whole one-frame message, a
               // control frame, or one fragment of a longer message)
    Message,   // a WebSocket message made of several frames, after its last frame
    Violation, // a broken rule (side table: the violation; it belongs to the frame or HTTP
               // line holding its offset)
    Event,     // connection life: opening, handshake, failure, close, a note (side table)
    Exchange,  // one HTTP exchange with all its hops (side table: the record)
};

// What an Event row reports.
enum class EventType : quint8 {
    Opening,   // a connection was asked for (its options are in the connection table)
    Handshake, // the WebSocket upgrade answer is complete (the record is in the connection table)
    Failure,   // the engine gave up on something (side table: the failure)
    Closed,    // the connection ended (the close record is in the connection table)
    Note,      // text from the user's side, e.g. "crafted frame written"
};

// One row, 32 bytes, so a million messages stay cheap: everything else is computed on demand
// from the connection's stored bytes or kept in side tables for the few rows that need it.
struct TimelineRow {
    qint64 tNs = 0;         // session clock; outgoing bytes: when the socket took them
    qint64 offset = -1;     // Frame / Message: stream offset of the (first) frame's first byte in
                            // its direction's byte stream (the handshake counts); Violation: of
                            // the first offending byte (-1: not tied to bytes); others: -1
    quint32 connection = 0; // the session's connection id
    quint32 size = 0;       // Frame: payload length; Message: application data (inflated); saturates
    quint32 wireSize = 0;   // Frame: header + payload bytes; Message: up to the last frame's end
    quint8 kind = 0;        // RowKind
    quint8 opcode = 0;      // Frame: RFC 6455 opcode as sent; Message: 0x1 text or 0x2 binary
    quint8 flags = 0;       // RowFlag bits
    quint8 extra = 0;       // Frame: header size (2-14); Message: frames (saturates at 255); Event: EventType

    enum Flag : quint8 {
        Outgoing = 0x01,     // written by us
        Compressed = 0x02,   // permessage-deflate message (RSV1 on its first frame)
        Fragment = 0x04,     // a data frame that is not a whole message by itself
        Crafted = 0x08,      // written as crafted bytes (craft mode / --raw): rules unchecked
        HasViolation = 0x10, // a violation row points into this frame or message
        Truncated = 0x20,    // the payload went over a limit: what is shown is incomplete
        Utf8Invalid = 0x40,  // a text message whose bytes are not valid UTF-8
    };

    RowKind rowKind() const { return RowKind(kind); }
    Direction direction() const { return flags & Outgoing ? Direction::Out : Direction::In; }
    bool has(Flag flag) const { return flags & flag; }
    EventType eventType() const { return EventType(extra); }
};
static_assert(sizeof(TimelineRow) == 32, "timeline rows must stay compact");

} // namespace wirescope

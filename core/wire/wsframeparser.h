#pragma once

#include "core/wire/violation.h"
#include "core/wire/wsframe.h"

#include <QByteArrayView>

#include <vector>

namespace wirescope {

struct WsFrameParserOptions {
    // Whose frames we parse: WsRole::Client parses what a server sent (must be unmasked),
    // WsRole::Server parses what a client sent (must be masked).
    WsRole role = WsRole::Client;
    // RFC 6455 §10.4: a payload larger than this is never allocated; the frame is reported
    // with ws.frame_too_big and its payload skipped.
    quint64 maxFramePayload = 64ull * 1024 * 1024;
    // RSV bits a negotiated extension defines (bit 4 = RSV1, 2 = RSV2, 1 = RSV3).
    // permessage-deflate sets 4.
    quint8 allowedRsvBits = 0;
};

enum class WsParseEventType : quint8 {
    Frame,     // a complete frame (possibly with violations reported just before it)
    Violation, // a rule was broken; belongs to the frame that follows (or the stream if failed)
};

struct WsParseEvent {
    WsParseEventType type = WsParseEventType::Frame;
    WsFrame frame;       // when type == Frame
    Violation violation; // when type == Violation
};

struct WsParseResult {
    qsizetype consumed = 0;            // always the whole input unless the parser failed
    std::vector<WsParseEvent> events;  // in stream order
    bool needMore = true;              // the input ended inside a frame (or between frames)
};

// RFC 6455 §5.2 frame parser. Pure: fed arbitrary chunks (one byte at a time works), it
// returns frames and violations. It reports every rule a single frame can break and keeps
// decoding; only a length it cannot trust (64-bit length with the top bit set) stops it.
// Sequence rules across frames are checked by WsMessageAssembler.
class WsFrameParser
{
public:
    enum class State : quint8 {
        Header,         // reading the first two bytes
        ExtendedLength, // reading the 2- or 8-byte extended length
        MaskingKey,     // reading the 4-byte masking key
        Payload,        // reading (or skipping) the payload
        Failed,         // the stream cannot be parsed any further
    };

    explicit WsFrameParser(const WsFrameParserOptions &options = {});

    WsParseResult feed(QByteArrayView bytes);
    // Same, appending to an existing result (avoids a vector per chunk in hot loops).
    void feed(QByteArrayView bytes, WsParseResult &result);
    // Same, for a chunk held in a QByteArray: an unmasked frame that lies wholly inside it
    // gets header bytes and payload that share the chunk's memory (no allocation, no copy).
    // Writing to them detaches as for any shared QByteArray; the chunk itself is not changed.
    void feedShared(const QByteArray &chunk, WsParseResult &result);
    // Feeds one complete frame whose unmasked payload the caller already holds (our own
    // writer's output, `wire` = header bytes + masked payload): the header bytes are parsed
    // and checked exactly as feed() does; the payload is shared instead of allocated and
    // unmasked a second time. Anything else (mid-frame state, a header that does not announce
    // payload.size() bytes) goes through feed() byte for byte.
    void feedFrame(QByteArrayView wire, const QByteArray &payload, WsParseResult &result);

    // Between frames (nothing of the next frame read yet): where skipFrame() may be used.
    bool atFrameBoundary() const { return m_state == State::Header && m_headerHave == 0; }
    // Accounts for one whole frame the caller knows without parsing it (a connection's own
    // writer output when nobody asked for frame events): only the stream offset moves.
    void skipFrame(qint64 wireSize) { m_streamOffset += wireSize; }
    // Where the next frame starts in its direction's byte stream (e.g. after the opening
    // handshake), so every offset reported is a stream offset. Only between frames.
    void setStreamOffset(qint64 offset) { m_streamOffset = offset; }

    State state() const { return m_state; }
    qint64 streamOffset() const { return m_streamOffset; }
    const WsFrameParserOptions &options() const { return m_options; }
    void setAllowedRsvBits(quint8 bits) { m_options.allowedRsvBits = bits; }
    void reset();

private:
    void beginHeader(WsParseResult &result);
    void emitViolation(WsParseResult &result, const ViolationKind &kind, qint64 offset, qint64 length,
                       const QString &detail);
    void finishBegin(WsParseResult &result);
    void finishFrame(WsParseResult &result);

    WsFrameParserOptions m_options;
    State m_state = State::Header;
    qint64 m_streamOffset = 0;   // bytes consumed so far
    qint64 m_frameOffset = 0;    // stream offset of the current frame
    std::array<quint8, 14> m_header{};
    int m_headerHave = 0;
    int m_headerNeed = 2;
    WsFrame m_frame;
    quint64 m_payloadHave = 0;
    char *m_payloadData = nullptr;
    bool m_discard = false;
    const QByteArray *m_sharedPayload = nullptr; // feedFrame(): the payload the caller holds
    bool m_sharedTaken = false;
    const QByteArray *m_chunk = nullptr;   // feedShared(): the chunk being parsed
    qsizetype m_frameStartInChunk = -1;    // where the current frame began in it (-1: earlier)
    bool m_payloadInChunk = false;         // the current payload is a slice of the chunk
};

} // namespace wirescope

#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <array>
#include <optional>

namespace wirescope {

// RFC 6455 §5.2: the 4-bit opcode. All 16 values are named so a reserved opcode that
// arrives on the wire is still shown by name ("reserved 0x3").
enum class WsOpcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Reserved3 = 0x3,
    Reserved4 = 0x4,
    Reserved5 = 0x5,
    Reserved6 = 0x6,
    Reserved7 = 0x7,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
    ReservedB = 0xB,
    ReservedC = 0xC,
    ReservedD = 0xD,
    ReservedE = 0xE,
    ReservedF = 0xF,
};

// RFC 6455 §5.5: opcodes with the high bit set are control frames.
constexpr bool wsIsControl(WsOpcode opcode) { return (quint8(opcode) & 0x8) != 0; }
constexpr bool wsIsReserved(WsOpcode opcode)
{
    return (quint8(opcode) >= 0x3 && quint8(opcode) <= 0x7) || quint8(opcode) >= 0xB;
}
// "continuation", "text", "binary", "close", "ping", "pong", "reserved-0x3" ...
QString wsOpcodeName(WsOpcode opcode);

// Which role a parser or writer plays. RFC 6455 §5.1: a client masks every frame it
// sends, a server never masks.
enum class WsRole : quint8 {
    Client, // we are the client: frames we write are masked, frames we parse must not be
    Server, // we are the server (or we decode what a client sent): parsed frames must be masked
};

// RFC 6455 §5.2: how the payload length was written on the wire.
enum class WsLengthEncoding : quint8 {
    Bits7,  // length code 0-125
    Bits16, // length code 126 + 16-bit length
    Bits64, // length code 127 + 64-bit length
};

using WsMaskKey = std::array<quint8, 4>;

// Fields of a frame header, for hex highlighting (Wireshark's item offset/length).
enum class WsField : quint8 {
    Fin,
    Rsv1,
    Rsv2,
    Rsv3,
    Opcode,
    Mask,
    Length7,
    ExtLength,
    MaskingKey,
    Payload,
};
constexpr int WsFieldCount = 10;
QString wsFieldName(WsField field); // "fin", "rsv1", ..., "payload"

// Where a field sits inside its frame: bytes [offset, offset + length), and for the bit
// fields of the first two bytes the bits it occupies (0xFF when whole bytes).
struct WsFieldRange {
    qint64 offset = 0;
    qint64 length = 0; // 0: the field is absent (no extended length, no masking key)
    quint8 bitMask = 0xFF;
};

// The frame header, mirroring the wire (RFC 6455 §5.2).
struct WsFrameHeader {
    bool fin = true;
    bool rsv1 = false;
    bool rsv2 = false;
    bool rsv3 = false;
    WsOpcode opcode = WsOpcode::Text;
    bool masked = false;
    quint8 length7 = 0;      // the 7-bit length code as sent (0-127)
    quint64 payloadLength = 0;
    WsLengthEncoding lengthEncoding = WsLengthEncoding::Bits7;
    bool minimalLength = true; // RFC 6455 §5.2: "the minimal number of bytes MUST be used"
    std::optional<WsMaskKey> maskingKey;
    int headerSize = 2; // 2 to 14 bytes

    quint8 rsvBits() const { return quint8((rsv1 ? 4 : 0) | (rsv2 ? 2 : 0) | (rsv3 ? 1 : 0)); }
    bool isControl() const { return wsIsControl(opcode); }
    // Byte range (relative to the frame's first byte) of every field.
    WsFieldRange fieldRange(WsField field) const;
    std::array<WsFieldRange, WsFieldCount> fieldRanges() const;
};

// One frame as it crossed the wire.
struct WsFrame {
    WsFrameHeader header;
    qint64 streamOffset = 0;     // offset of the frame's first byte in its direction's stream
    QByteArray headerBytes;      // the raw 2-14 header bytes
    QByteArray payload;          // unmasked payload
    bool payloadDiscarded = false; // over the frame limit: payload skipped, not stored

    qint64 wireSize() const { return header.headerSize + qint64(header.payloadLength); }
    // The payload bytes exactly as on the wire (payload XOR key again; the same data as
    // payload when unmasked). Computed on demand so parsing copies a payload once.
    QByteArray maskedPayload() const;
    // headerBytes + maskedPayload(): the frame's bytes as they crossed the socket.
    QByteArray wireBytes() const;
};

// RFC 6455 §5.3: XOR with the 4-byte key, starting at key byte (keyOffset % 4).
// A 64-bit word loop (memcpy loads), ~20 GB/s on large buffers.
void wsApplyMask(char *data, qsizetype size, const WsMaskKey &key, quint64 keyOffset = 0);
// Copying variant: dst[i] = src[i] ^ key[(i + keyOffset) % 4].
void wsApplyMaskCopy(char *dst, const char *src, qsizetype size, const WsMaskKey &key,
                     quint64 keyOffset = 0);

QByteArray wsMaskKeyHex(const WsMaskKey &key);

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::WsFrame)

#include "core/wire/wsframe.h"

#include <cstring>

namespace wirescope {

QString wsOpcodeName(WsOpcode opcode)
{
    switch (opcode) {
    case WsOpcode::Continuation: return QStringLiteral("continuation");
    case WsOpcode::Text: return QStringLiteral("text");
    case WsOpcode::Binary: return QStringLiteral("binary");
    case WsOpcode::Close: return QStringLiteral("close");
    case WsOpcode::Ping: return QStringLiteral("ping");
    case WsOpcode::Pong: return QStringLiteral("pong");
    default: break;
    }
    return QStringLiteral("reserved-0x") + QString::number(quint8(opcode), 16).toUpper();
}

QString wsFieldName(WsField field)
{
    switch (field) {
    case WsField::Fin: return QStringLiteral("fin");
    case WsField::Rsv1: return QStringLiteral("rsv1");
    case WsField::Rsv2: return QStringLiteral("rsv2");
    case WsField::Rsv3: return QStringLiteral("rsv3");
    case WsField::Opcode: return QStringLiteral("opcode");
    case WsField::Mask: return QStringLiteral("mask");
    case WsField::Length7: return QStringLiteral("length7");
    case WsField::ExtLength: return QStringLiteral("extLength");
    case WsField::MaskingKey: return QStringLiteral("maskingKey");
    case WsField::Payload: return QStringLiteral("payload");
    }
    return {};
}

WsFieldRange WsFrameHeader::fieldRange(WsField field) const
{
    // RFC 6455 §5.2 layout: byte 0 = FIN RSV1 RSV2 RSV3 opcode(4); byte 1 = MASK len(7);
    // then 0/2/8 bytes of extended length, 0/4 bytes of masking key, the payload.
    const qint64 extLength = lengthEncoding == WsLengthEncoding::Bits7 ? 0
        : lengthEncoding == WsLengthEncoding::Bits16                  ? 2
                                                                      : 8;
    switch (field) {
    case WsField::Fin: return {0, 1, 0x80};
    case WsField::Rsv1: return {0, 1, 0x40};
    case WsField::Rsv2: return {0, 1, 0x20};
    case WsField::Rsv3: return {0, 1, 0x10};
    case WsField::Opcode: return {0, 1, 0x0F};
    case WsField::Mask: return {1, 1, 0x80};
    case WsField::Length7: return {1, 1, 0x7F};
    case WsField::ExtLength: return {2, extLength, 0xFF};
    case WsField::MaskingKey: return {2 + extLength, masked ? 4 : 0, 0xFF};
    case WsField::Payload: return {headerSize, qint64(payloadLength), 0xFF};
    }
    return {};
}

std::array<WsFieldRange, WsFieldCount> WsFrameHeader::fieldRanges() const
{
    std::array<WsFieldRange, WsFieldCount> ranges;
    for (int i = 0; i < WsFieldCount; ++i)
        ranges[size_t(i)] = fieldRange(WsField(i));
    return ranges;
}

namespace {

// The key repeated to 64 bits, rotated so that byte 0 of the word lines up with key byte
// keyOffset % 4. memcpy loads/stores keep it portable and alignment-free; GCC turns them
// into plain 8-byte moves.
quint64 widenKey(const WsMaskKey &key, quint64 keyOffset)
{
    unsigned char bytes[8];
    for (int i = 0; i < 8; ++i)
        bytes[i] = key[(keyOffset + quint64(i)) & 3];
    quint64 word;
    std::memcpy(&word, bytes, 8);
    return word;
}

} // namespace

void wsApplyMask(char *data, qsizetype size, const WsMaskKey &key, quint64 keyOffset)
{
    wsApplyMaskCopy(data, data, size, key, keyOffset);
}

void wsApplyMaskCopy(char *dst, const char *src, qsizetype size, const WsMaskKey &key,
                     quint64 keyOffset)
{
    const quint64 word = widenKey(key, keyOffset);
    qsizetype i = 0;
    // 32 bytes per iteration: four independent 64-bit XORs.
    for (; i + 32 <= size; i += 32) {
        quint64 a, b, c, d;
        std::memcpy(&a, src + i, 8);
        std::memcpy(&b, src + i + 8, 8);
        std::memcpy(&c, src + i + 16, 8);
        std::memcpy(&d, src + i + 24, 8);
        a ^= word;
        b ^= word;
        c ^= word;
        d ^= word;
        std::memcpy(dst + i, &a, 8);
        std::memcpy(dst + i + 8, &b, 8);
        std::memcpy(dst + i + 16, &c, 8);
        std::memcpy(dst + i + 24, &d, 8);
    }
    for (; i + 8 <= size; i += 8) {
        quint64 a;
        std::memcpy(&a, src + i, 8);
        a ^= word;
        std::memcpy(dst + i, &a, 8);
    }
    for (; i < size; ++i)
        dst[i] = char(src[i] ^ char(key[(keyOffset + quint64(i)) & 3]));
}

QByteArray WsFrame::maskedPayload() const
{
    if (!header.maskingKey)
        return payload;
    QByteArray masked(payload.size(), Qt::Uninitialized);
    wsApplyMaskCopy(masked.data(), payload.constData(), payload.size(), *header.maskingKey);
    return masked;
}

QByteArray WsFrame::wireBytes() const
{
    return headerBytes + maskedPayload();
}

QByteArray wsMaskKeyHex(const WsMaskKey &key)
{
    return QByteArray(reinterpret_cast<const char *>(key.data()), 4).toHex();
}

} // namespace wirescope

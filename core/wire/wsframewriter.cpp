#include "core/wire/wsframewriter.h"

#include <QRandomGenerator>
#include <QtEndian>

#include <cstring>

namespace wirescope {

namespace {

// Appends the length field (RFC 6455 §5.2) and returns the length code used.
void appendLength(QByteArray &out, bool masked, quint64 length, WsCraftSpec::Length encoding)
{
    const quint8 maskBit = masked ? 0x80 : 0x00;
    if (encoding == WsCraftSpec::Length::Minimal && length <= 125) {
        out.append(char(maskBit | quint8(length)));
    } else if (encoding != WsCraftSpec::Length::Force64 && length <= 0xFFFF) {
        out.append(char(maskBit | 126));
        char be[2];
        qToBigEndian<quint16>(quint16(length), be);
        out.append(be, 2);
    } else {
        out.append(char(maskBit | 127));
        char be[8];
        qToBigEndian<quint64>(length, be);
        out.append(be, 8);
    }
}

} // namespace

WsFrameWriter::WsFrameWriter(WsRole role)
    : m_role(role)
{
}

WsMaskKey WsFrameWriter::randomMaskKey()
{
    // RFC 6455 §5.3: the key must be unpredictable, so it comes from the system CSPRNG.
    // Drawing 256 keys per call keeps the getrandom() syscalls off the per-frame path.
    thread_local quint32 pool[256];
    thread_local int left = 0;
    if (left == 0) {
        QRandomGenerator::system()->fillRange(pool, 256);
        left = 256;
    }
    const quint32 word = pool[--left];
    WsMaskKey key;
    std::memcpy(key.data(), &word, 4);
    return key;
}

void WsFrameWriter::appendFrame(QByteArray &out, quint8 firstByte, QByteArrayView payload)
{
    const bool masked = m_role == WsRole::Client;
    const qsizetype start = out.size();
    out.reserve(start + 14 + payload.size());
    out.append(char(firstByte));
    appendLength(out, masked, quint64(payload.size()), WsCraftSpec::Length::Minimal);
    if (!masked) {
        out.append(payload.data(), payload.size());
        return;
    }
    const WsMaskKey key = m_fixedKey ? *m_fixedKey : randomMaskKey();
    out.append(reinterpret_cast<const char *>(key.data()), 4);
    const qsizetype at = out.size();
    out.resize(at + payload.size());
    wsApplyMaskCopy(out.data() + at, payload.data(), payload.size(), key);
}

QByteArray WsFrameWriter::frame(WsOpcode opcode, QByteArrayView payload, bool fin, bool rsv1)
{
    QByteArray out;
    appendFrame(out, quint8((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | quint8(opcode)), payload);
    return out;
}

QByteArray WsFrameWriter::message(WsOpcode opcode, QByteArrayView payload, qsizetype fragmentSize, bool rsv1)
{
    QByteArray out;
    if (fragmentSize <= 0 || payload.size() <= fragmentSize) {
        appendFrame(out, quint8(0x80 | (rsv1 ? 0x40 : 0) | quint8(opcode)), payload);
        return out;
    }
    // RFC 6455 §5.4: first frame carries the opcode (and RSV1 for RFC 7692), then
    // continuation frames, FIN on the last.
    out.reserve(payload.size() + (payload.size() / fragmentSize + 1) * 14);
    qsizetype pos = 0;
    bool first = true;
    while (pos < payload.size()) {
        const qsizetype n = std::min(fragmentSize, payload.size() - pos);
        const bool last = pos + n == payload.size();
        const quint8 op = first ? quint8(opcode) : quint8(WsOpcode::Continuation);
        appendFrame(out, quint8((last ? 0x80 : 0) | (first && rsv1 ? 0x40 : 0) | op), payload.sliced(pos, n));
        pos += n;
        first = false;
    }
    return out;
}

QByteArray WsFrameWriter::text(const QString &text, qsizetype fragmentSize)
{
    return message(WsOpcode::Text, text.toUtf8(), fragmentSize);
}

QByteArray WsFrameWriter::ping(QByteArrayView payload)
{
    return frame(WsOpcode::Ping, payload);
}

QByteArray WsFrameWriter::pong(QByteArrayView payload)
{
    return frame(WsOpcode::Pong, payload);
}

QByteArray WsFrameWriter::close(std::optional<quint16> code, const QString &reason)
{
    QByteArray payload;
    if (code) {
        char be[2];
        qToBigEndian<quint16>(*code, be);
        payload.append(be, 2);
        // RFC 6455 §5.5: the whole close payload fits in 125 bytes; cut the reason at a
        // code point boundary so it stays valid UTF-8.
        QByteArray utf8 = reason.toUtf8();
        if (utf8.size() > 123) {
            qsizetype cut = 123;
            while (cut > 0 && (quint8(utf8.at(cut)) & 0xC0) == 0x80)
                --cut;
            utf8.truncate(cut);
        }
        payload.append(utf8);
    }
    return frame(WsOpcode::Close, payload);
}

QByteArray WsFrameWriter::craft(const WsCraftSpec &spec)
{
    QByteArray out;
    out.reserve(14 + spec.payload.size());
    out.append(char((spec.fin ? 0x80 : 0) | (spec.rsv1 ? 0x40 : 0) | (spec.rsv2 ? 0x20 : 0)
                    | (spec.rsv3 ? 0x10 : 0) | (spec.opcode & 0x0F)));
    const quint64 length = spec.declaredLength ? *spec.declaredLength : quint64(spec.payload.size());
    appendLength(out, spec.masked, length, spec.lengthEncoding);
    if (!spec.masked) {
        out.append(spec.payload);
        return out;
    }
    const WsMaskKey key = spec.maskKey ? *spec.maskKey : randomMaskKey();
    out.append(reinterpret_cast<const char *>(key.data()), 4);
    const qsizetype at = out.size();
    out.resize(at + spec.payload.size());
    wsApplyMaskCopy(out.data() + at, spec.payload.constData(), spec.payload.size(), key);
    return out;
}

} // namespace wirescope

#include "core/wire/wsframewriter.h"

#include <QRandomGenerator>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <iterator>

#ifdef Q_OS_LINUX
#include <sys/random.h>
#endif

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
    // On Linux that is getrandom(): QRandomGenerator::system() prefers the CPU's RDSEED,
    // which costs microseconds per draw in a VM (a third of a pipelined echo's time, seen
    // with perf). Keys are drawn 1024 at a time to keep the syscall off the per-frame path.
    thread_local quint32 pool[1024];
    thread_local size_t left = 0;
    if (left == 0) {
        size_t filled = 0;
#ifdef Q_OS_LINUX
        while (filled < sizeof pool) {
            const ssize_t n = getrandom(reinterpret_cast<char *>(pool) + filled, sizeof pool - filled, 0);
            if (n <= 0)
                break; // not expected on Linux >= 3.17; fall back below
            filled += size_t(n);
        }
#endif
        if (filled < sizeof pool)
            QRandomGenerator::system()->fillRange(pool, std::size(pool));
        left = std::size(pool);
    }
    const quint32 word = pool[--left];
    WsMaskKey key;
    std::memcpy(key.data(), &word, 4);
    return key;
}

void WsFrameWriter::appendFrame(QByteArray &out, quint8 firstByte, QByteArrayView payload)
{
    // Header built on the stack and appended once: this runs for every frame sent.
    const bool masked = m_role == WsRole::Client;
    const quint64 length = quint64(payload.size());
    char header[14];
    header[0] = char(firstByte);
    int size = 2;
    const quint8 maskBit = masked ? 0x80 : 0x00;
    if (length <= 125) {
        header[1] = char(maskBit | quint8(length));
    } else if (length <= 0xFFFF) {
        header[1] = char(maskBit | 126);
        qToBigEndian<quint16>(quint16(length), header + 2);
        size = 4;
    } else {
        header[1] = char(maskBit | 127);
        qToBigEndian<quint64>(length, header + 2);
        size = 10;
    }
    WsMaskKey key{};
    if (masked) {
        key = m_fixedKey ? *m_fixedKey : randomMaskKey();
        std::memcpy(header + size, key.data(), 4);
        size += 4;
    }
    const qsizetype at = out.size();
    const qsizetype need = at + size + payload.size();
    if (out.capacity() < need) // geometric growth: appending many frames stays linear
        out.reserve(std::max(need, out.capacity() * 2));
    out.resize(need);
    char *dst = out.data() + at;
    std::memcpy(dst, header, size_t(size));
    if (masked)
        wsApplyMaskCopy(dst + size, payload.data(), payload.size(), key);
    else if (!payload.isEmpty())
        std::memcpy(dst + size, payload.data(), size_t(payload.size()));
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
    appendMessage(out, opcode, payload, fragmentSize, rsv1);
    return out;
}

void WsFrameWriter::appendMessage(QByteArray &out, WsOpcode opcode, QByteArrayView payload, qsizetype fragmentSize,
                                  bool rsv1)
{
    if (fragmentSize <= 0 || payload.size() <= fragmentSize) {
        appendFrame(out, quint8(0x80 | (rsv1 ? 0x40 : 0) | quint8(opcode)), payload);
        return;
    }
    // RFC 6455 §5.4: first frame carries the opcode (and RSV1 for RFC 7692), then
    // continuation frames, FIN on the last.
    out.reserve(out.size() + payload.size() + (payload.size() / fragmentSize + 1) * 14);
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

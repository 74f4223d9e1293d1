#include "core/wire/wsframeparser.h"

#include "core/wire/wsviolations.h"

#include <QStringList>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace wirescope {

WsFrameParser::WsFrameParser(const WsFrameParserOptions &options)
    : m_options(options)
{
}

void WsFrameParser::reset()
{
    m_state = State::Header;
    m_streamOffset = 0;
    m_frameOffset = 0;
    m_headerHave = 0;
    m_headerNeed = 2;
    m_frame = WsFrame();
    m_payloadHave = 0;
    m_payloadData = nullptr;
    m_discard = false;
    m_payloadInChunk = false;
}

WsParseResult WsFrameParser::feed(QByteArrayView bytes)
{
    WsParseResult result;
    feed(bytes, result);
    return result;
}

void WsFrameParser::emitViolation(WsParseResult &result, const ViolationKind &kind, qint64 offset,
                                  qint64 length, const QString &detail)
{
    WsParseEvent event;
    event.type = WsParseEventType::Violation;
    event.violation = Violation{&kind, offset, length, detail};
    result.events.push_back(std::move(event));
}

namespace {

// A QByteArray viewing bytes [at, at + length) of `block`'s memory, holding a reference to it.
QByteArray sliceOf(const QByteArray &block, qsizetype at, qsizetype length)
{
    // data_ptr() is non-const only; nothing is written through it, only a reference taken.
    QByteArray::DataPointer &dp = const_cast<QByteArray &>(block).data_ptr();
    dp.d_ptr()->ref();
    return QByteArray(QByteArray::DataPointer(dp.d_ptr(), dp.data() + at, length));
}

} // namespace

void WsFrameParser::feedShared(const QByteArray &chunk, WsParseResult &result)
{
    if (!const_cast<QByteArray &>(chunk).data_ptr().d_ptr()) { // static data: nothing to share
        feed(chunk, result);
        return;
    }
    m_chunk = &chunk;
    feed(chunk, result);
    m_chunk = nullptr;
}

void WsFrameParser::feed(QByteArrayView bytes, WsParseResult &result)
{
    const char *data = bytes.data();
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    m_frameStartInChunk = -1;
    while (pos < size && m_state != State::Failed) {
        if (m_state == State::Payload) {
            const quint64 remaining = m_frame.header.payloadLength - m_payloadHave;
            const qsizetype take = qsizetype(std::min<quint64>(remaining, quint64(size - pos)));
            if (!m_discard && !m_payloadInChunk) {
                char *dst = m_payloadData + m_payloadHave;
                if (m_frame.header.maskingKey)
                    wsApplyMaskCopy(dst, data + pos, take, *m_frame.header.maskingKey, m_payloadHave);
                else
                    std::memcpy(dst, data + pos, size_t(take));
            }
            m_payloadHave += quint64(take);
            pos += take;
            m_streamOffset += take;
            if (m_payloadHave == m_frame.header.payloadLength)
                finishFrame(result);
            continue;
        }
        // Header, ExtendedLength, MaskingKey: collect the header bytes we know we need.
        if (m_headerHave == 0)
            m_frameStartInChunk = pos;
        const int take = int(std::min<qsizetype>(m_headerNeed - m_headerHave, size - pos));
        std::memcpy(m_header.data() + m_headerHave, data + pos, size_t(take));
        m_headerHave += take;
        pos += take;
        m_streamOffset += take;
        if (m_headerHave < m_headerNeed) {
            if (m_headerHave >= 2) {
                const int extBytes = (m_header[1] & 0x7F) == 126 ? 2 : (m_header[1] & 0x7F) == 127 ? 8 : 0;
                m_state = m_headerHave < 2 + extBytes ? State::ExtendedLength : State::MaskingKey;
            }
            continue;
        }
        if (m_headerHave == 2) {
            const quint8 code = m_header[1] & 0x7F;
            const int extBytes = code == 126 ? 2 : code == 127 ? 8 : 0;
            m_headerNeed = 2 + extBytes + ((m_header[1] & 0x80) ? 4 : 0);
            if (m_headerNeed > 2) {
                m_state = extBytes ? State::ExtendedLength : State::MaskingKey;
                continue;
            }
        }
        beginHeader(result);
    }
    result.consumed += pos;
    result.needMore = m_state != State::Failed;
}

void WsFrameParser::feedFrame(QByteArrayView wire, const QByteArray &payload, WsParseResult &result)
{
    const qsizetype headerSize = wire.size() - payload.size();
    if (m_state != State::Header || m_headerHave != 0 || headerSize < 2 || headerSize > 14) {
        feed(wire, result);
        return;
    }
    // The header size as feed() would find it from the bytes themselves (RFC 6455 §5.2).
    const quint8 b1 = quint8(wire[1]);
    const int extBytes = (b1 & 0x7F) == 126 ? 2 : (b1 & 0x7F) == 127 ? 8 : 0;
    const int need = 2 + extBytes + ((b1 & 0x80) ? 4 : 0);
    if (need != headerSize) {
        feed(wire, result);
        return;
    }
    std::memcpy(m_header.data(), wire.data(), size_t(need));
    m_headerHave = need;
    m_headerNeed = need;
    m_streamOffset += need;
    m_sharedPayload = &payload;
    m_sharedTaken = false;
    beginHeader(result);
    m_sharedPayload = nullptr;
    if (m_sharedTaken && m_state == State::Payload) {
        m_streamOffset += payload.size();
        m_payloadHave = quint64(payload.size());
        finishFrame(result);
        result.consumed += wire.size();
        result.needMore = true;
        return;
    }
    // Zero-length, discarded, failed or a length that differs from payload.size(): the
    // remaining bytes are parsed the ordinary way.
    result.consumed += need;
    if (m_state == State::Failed) {
        result.needMore = false;
        return;
    }
    feed(wire.sliced(need), result);
}

void WsFrameParser::beginHeader(WsParseResult &result)
{
    // The whole header (2-14 bytes) is in m_header: decode it (RFC 6455 §5.2).
    // Every field is assigned below (m_frame was moved out by finishFrame).
    WsFrameHeader &h = m_frame.header;
    h.minimalLength = true;
    h.maskingKey.reset();
    m_frame.payload = QByteArray();
    m_frame.payloadDiscarded = false;
    const quint8 b0 = m_header[0];
    const quint8 b1 = m_header[1];
    h.fin = b0 & 0x80;
    h.rsv1 = b0 & 0x40;
    h.rsv2 = b0 & 0x20;
    h.rsv3 = b0 & 0x10;
    h.opcode = WsOpcode(b0 & 0x0F);
    h.masked = b1 & 0x80;
    h.length7 = b1 & 0x7F;
    h.headerSize = m_headerNeed;
    m_frameOffset = m_streamOffset - m_headerNeed;
    m_frame.streamOffset = m_frameOffset;
    int keyAt = 2;
    if (h.length7 == 126) {
        h.lengthEncoding = WsLengthEncoding::Bits16;
        h.payloadLength = qFromBigEndian<quint16>(m_header.data() + 2);
        h.minimalLength = h.payloadLength > 125;
        keyAt = 4;
    } else if (h.length7 == 127) {
        h.lengthEncoding = WsLengthEncoding::Bits64;
        h.payloadLength = qFromBigEndian<quint64>(m_header.data() + 2);
        h.minimalLength = h.payloadLength > 0xFFFF;
        keyAt = 10;
    } else {
        h.lengthEncoding = WsLengthEncoding::Bits7;
        h.payloadLength = h.length7;
    }
    if (h.masked) {
        WsMaskKey key;
        std::memcpy(key.data(), m_header.data() + keyAt, 4);
        h.maskingKey = key;
    }
    m_headerHave = 0;
    m_headerNeed = 2;

    const qint64 at = m_frameOffset;
    // RFC 6455 §5.2: "the most significant bit MUST be 0". The length cannot be trusted,
    // so neither can anything after it: the stream is unparseable from here.
    if (h.lengthEncoding == WsLengthEncoding::Bits64 && (h.payloadLength >> 63)) {
        emitViolation(result, wsv::LengthMsbSet, at + 2, 8,
                      QStringLiteral("length 0x") + QString::number(h.payloadLength, 16));
        m_state = State::Failed;
        return;
    }
    // RFC 6455 §5.2: RSV1-3 MUST be 0 unless an extension defines them.
    if (const quint8 bad = h.rsvBits() & ~m_options.allowedRsvBits) {
        QStringList bits;
        if (bad & 4)
            bits << QStringLiteral("RSV1");
        if (bad & 2)
            bits << QStringLiteral("RSV2");
        if (bad & 1)
            bits << QStringLiteral("RSV3");
        emitViolation(result, wsv::RsvNonzero, at, 1, bits.join(u' '));
    }
    if (wsIsReserved(h.opcode))
        emitViolation(result, wsv::ReservedOpcode, at, 1,
                      QStringLiteral("opcode 0x") + QString::number(quint8(h.opcode), 16).toUpper());
    if (h.isControl()) {
        // RFC 6455 §5.5: control frames are never fragmented and carry <= 125 bytes.
        if (!h.fin)
            emitViolation(result, wsv::ControlFragmented, at, 1, wsOpcodeName(h.opcode));
        if (h.payloadLength > 125)
            emitViolation(result, wsv::ControlTooLong, at + 1, h.headerSize - 1 - (h.masked ? 4 : 0),
                          QString::number(h.payloadLength) + QStringLiteral(" bytes"));
    }
    // RFC 6455 §5.1: clients mask, servers do not.
    if (m_options.role == WsRole::Client && h.masked)
        emitViolation(result, wsv::MaskedServerFrame, at + 1, 1, QString());
    if (m_options.role == WsRole::Server && !h.masked)
        emitViolation(result, wsv::UnmaskedClientFrame, at + 1, 1, QString());
    if (!h.minimalLength)
        emitViolation(result, wsv::NonMinimalLength, at + 1, h.headerSize - 1 - (h.masked ? 4 : 0),
                      QString::number(h.payloadLength) + QStringLiteral(" bytes in ")
                          + (h.lengthEncoding == WsLengthEncoding::Bits16 ? QStringLiteral("16") : QStringLiteral("64"))
                          + QStringLiteral(" bits"));
    // RFC 6455 §10.4: limit checked before anything is allocated.
    m_discard = h.payloadLength > m_options.maxFramePayload;
    if (m_discard) {
        emitViolation(result, wsv::FrameTooBig, at, h.headerSize,
                      QString::number(h.payloadLength) + QStringLiteral(" > ")
                          + QString::number(m_options.maxFramePayload));
        m_frame.payloadDiscarded = true;
    } else if (m_chunk && !h.masked && m_frameStartInChunk >= 0
               && h.payloadLength <= quint64(m_chunk->size() - m_frameStartInChunk - h.headerSize)) {
        // The whole frame is in the chunk and its payload is the wire bytes: share them.
        m_frame.headerBytes = sliceOf(*m_chunk, m_frameStartInChunk, h.headerSize);
        m_frame.payload = h.payloadLength ? sliceOf(*m_chunk, m_frameStartInChunk + h.headerSize, qsizetype(h.payloadLength))
                                          : QByteArray();
        m_payloadData = nullptr;
        m_payloadInChunk = true;
        return finishBegin(result);
    } else if (m_sharedPayload && h.payloadLength > 0 && quint64(m_sharedPayload->size()) == h.payloadLength) {
        m_frame.payload = *m_sharedPayload; // implicitly shared: no allocation, no second unmask
        m_payloadData = nullptr;
        m_sharedTaken = true;
    } else {
        // One allocation per frame: header bytes and payload are two views of one block
        // (Qt 6 arrays may start inside their block). Both hold a reference, so writing to
        // either detaches it as for any shared QByteArray.
        QByteArray block(qsizetype(h.headerSize + h.payloadLength), Qt::Uninitialized);
        std::memcpy(block.data(), m_header.data(), size_t(h.headerSize));
        QByteArray::DataPointer &dp = block.data_ptr();
        dp.d_ptr()->ref();
        m_frame.payload = QByteArray(QByteArray::DataPointer(dp.d_ptr(), dp.data() + h.headerSize, qsizetype(h.payloadLength)));
        m_payloadData = m_frame.payload.data_ptr().data(); // no detach: we are the writer
        dp.size = h.headerSize;
        m_frame.headerBytes = std::move(block);
        return finishBegin(result);
    }
    m_frame.headerBytes = QByteArray(reinterpret_cast<const char *>(m_header.data()), h.headerSize);
    finishBegin(result);
}

void WsFrameParser::finishBegin(WsParseResult &result)
{
    const WsFrameHeader &h = m_frame.header;
    m_payloadHave = 0;
    m_state = State::Payload;
    if (h.payloadLength == 0)
        finishFrame(result);
}

void WsFrameParser::finishFrame(WsParseResult &result)
{
    // Built in place: a frame event is the hot path (millions per second).
    WsParseEvent &event = result.events.emplace_back();
    event.frame = std::move(m_frame);
    m_payloadData = nullptr;
    m_discard = false;
    m_payloadInChunk = false;
    m_state = State::Header;
}

} // namespace wirescope

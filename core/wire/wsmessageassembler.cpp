#include "core/wire/wsmessageassembler.h"

#include "core/wire/permessagedeflate.h"
#include "core/wire/wsviolations.h"

namespace wirescope {

WsMessageAssembler::WsMessageAssembler(const WsAssemblerOptions &options)
    : m_options(options)
{
}

void WsMessageAssembler::reset()
{
    m_inMessage = false;
    m_closeSeen = false;
    m_overLimit = false;
    m_utf8Reported = false;
    m_current = WsMessage();
    m_utf8.reset();
}

WsAssembleResult WsMessageAssembler::push(const WsFrame &frame)
{
    WsAssembleResult result;
    const WsFrameHeader &h = frame.header;
    const qint64 at = frame.streamOffset;

    // RFC 6455 §5.5.1: after a close frame the peer sends nothing more.
    if (m_closeSeen) {
        result.violations.push_back(Violation{&wsv::DataAfterClose, at, frame.wireSize(), wsOpcodeName(h.opcode)});
        return result;
    }

    // The common case, a whole data message in one frame: no state to carry over.
    if (h.fin && !m_inMessage && (h.opcode == WsOpcode::Text || h.opcode == WsOpcode::Binary)
        && !(m_deflate && h.rsv1) && !frame.payloadDiscarded && h.payloadLength <= m_options.maxMessageSize
        && (h.opcode == WsOpcode::Binary || Utf8Validator::isValid(frame.payload))) {
        WsMessage &m = result.message;
        m.type = h.opcode == WsOpcode::Text ? WsMessageType::Text : WsMessageType::Binary;
        m.payload = frame.payload;
        m.wireSize = qint64(h.payloadLength);
        m.size = m.payload.size();
        m.frameCount = 1;
        m.firstFrameOffset = at;
        m.lastFrameOffset = at;
        result.hasMessage = true;
        return result;
    }

    if (h.isControl()) {
        // RFC 7692 §6.1: RSV1 ("compressed") only on a data message's first frame.
        if (m_deflate && h.rsv1)
            result.violations.push_back(Violation{&wsv::CompressedControlFrame, at, 1, wsOpcodeName(h.opcode)});
        if (h.opcode == WsOpcode::Close) {
            result.isClose = true;
            result.close = wsParseClosePayload(frame.payload);
            for (Violation v : result.close.violations) {
                v.offset += at + h.headerSize;
                result.violations.push_back(std::move(v));
            }
            m_closeSeen = true;
        }
        return result;
    }
    if (wsIsReserved(h.opcode))
        return result; // reported by the parser; nothing to assemble

    if (h.opcode == WsOpcode::Continuation) {
        // RFC 6455 §5.4: a continuation needs a message in progress.
        if (!m_inMessage) {
            result.violations.push_back(Violation{&wsv::UnexpectedContinuation, at, 1, QString()});
            return result;
        }
        if (m_deflate && h.rsv1)
            result.violations.push_back(Violation{&wsv::CompressedContinuation, at, 1, QString()});
    } else {
        // RFC 6455 §5.4: no new data message while a fragmented one is unfinished. The
        // unfinished one is dropped (reported) and the new one starts, so decoding goes on.
        if (m_inMessage)
            result.violations.push_back(Violation{&wsv::DataDuringFragmentedMessage, at, 1, wsOpcodeName(h.opcode)});
        m_inMessage = true;
        m_overLimit = false;
        m_utf8Reported = false;
        m_utf8.reset();
        m_current = WsMessage();
        m_current.type = h.opcode == WsOpcode::Text ? WsMessageType::Text : WsMessageType::Binary;
        m_current.compressed = m_deflate && h.rsv1;
        m_current.firstFrameOffset = at;
    }

    ++m_current.frameCount;
    m_current.wireSize += qint64(h.payloadLength);
    if (frame.payloadDiscarded)
        m_current.truncated = true;
    if (!m_overLimit && quint64(m_current.wireSize) > m_options.maxMessageSize) {
        // RFC 6455 §10.4: never buffer beyond the limit.
        m_overLimit = true;
        m_current.truncated = true;
        result.violations.push_back(Violation{&wsv::MessageTooBig, at, frame.wireSize(),
            QString::number(m_current.wireSize) + QStringLiteral(" > ") + QString::number(m_options.maxMessageSize)});
    }
    if (!m_overLimit && !frame.payloadDiscarded) {
        m_current.payload.append(frame.payload);
        // RFC 6455 §8.1: text is checked as it arrives, not only at the end.
        if (m_current.type == WsMessageType::Text && !m_current.compressed && !m_utf8Reported
            && !m_utf8.feed(frame.payload)) {
            m_utf8Reported = true;
            m_current.utf8Valid = false;
            const qint64 inFrame = m_utf8.errorOffset() - (m_utf8.bytesFed() - frame.payload.size());
            result.violations.push_back(Violation{&wsv::InvalidUtf8, at + h.headerSize + inFrame, 1,
                QStringLiteral("message byte ") + QString::number(m_utf8.errorOffset())});
        }
    }
    if (h.fin)
        finishMessage(result, frame);
    return result;
}

void WsMessageAssembler::finishMessage(WsAssembleResult &result, const WsFrame &lastFrame)
{
    m_inMessage = false;
    if (m_current.compressed && !m_overLimit && !m_current.truncated) {
        const PmdInflateResult inflated = m_deflate->decompress(m_current.payload, m_options.maxInflatedSize);
        if (inflated.status == PmdInflateResult::Status::TooBig) {
            m_current.truncated = true;
            result.violations.push_back(Violation{&wsv::InflateTooBig, m_current.firstFrameOffset,
                lastFrame.streamOffset + lastFrame.wireSize() - m_current.firstFrameOffset,
                QStringLiteral("> ") + QString::number(m_options.maxInflatedSize)});
        } else if (inflated.status == PmdInflateResult::Status::Corrupt) {
            m_current.truncated = true;
            result.violations.push_back(Violation{&wsv::InflateFailed, m_current.firstFrameOffset,
                lastFrame.streamOffset + lastFrame.wireSize() - m_current.firstFrameOffset, inflated.error});
        }
        m_current.payload = inflated.data;
        if (m_current.type == WsMessageType::Text && !m_current.truncated
            && !Utf8Validator::isValid(m_current.payload)) {
            m_current.utf8Valid = false;
            result.violations.push_back(Violation{&wsv::InvalidUtf8, m_current.firstFrameOffset, 1,
                QStringLiteral("after inflating")});
        }
    } else if (m_current.type == WsMessageType::Text && !m_current.compressed && !m_utf8Reported
               && !m_current.truncated && !m_utf8.finish()) {
        // The message ended inside a code point.
        m_current.utf8Valid = false;
        result.violations.push_back(Violation{&wsv::InvalidUtf8,
            lastFrame.streamOffset + lastFrame.wireSize() - 1, 1, QStringLiteral("truncated code point at the end")});
    }
    m_current.size = m_current.payload.size();
    m_current.lastFrameOffset = lastFrame.streamOffset;
    result.hasMessage = true;
    result.message = std::move(m_current);
    m_current = WsMessage();
}

} // namespace wirescope

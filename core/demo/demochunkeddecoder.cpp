#include "core/demo/demochunkeddecoder.h"

#include "core/demo/demolimits.h"

namespace wirescope {

qsizetype DemoChunkedDecoder::feed(QByteArrayView bytes)
{
    qsizetype used = 0;
    auto fail = [this](int status, const char *reason) {
        m_state = State::Error;
        m_errorStatus = status;
        m_error = reason;
    };
    while (used < bytes.size() && m_state != State::Done && m_state != State::Error) {
        const QByteArrayView rest = bytes.sliced(used);
        switch (m_state) {
        case State::Size:
        case State::Trailer:
        case State::DataEnd: {
            const qsizetype newline = rest.indexOf('\n');
            if (newline < 0) {
                if (rest.size() > DemoLimits::maxChunkLineBytes)
                    fail(400, "chunk line longer than 1 KiB");
                return used;
            }
            if (newline > DemoLimits::maxChunkLineBytes) {
                fail(400, "chunk line longer than 1 KiB");
                return used;
            }
            QByteArrayView line = rest.first(newline);
            if (line.endsWith('\r'))
                line.chop(1);
            used += newline + 1;
            if (m_state == State::DataEnd) {
                // RFC 9112 §7.1: chunk-data is followed by CRLF.
                if (!line.isEmpty())
                    fail(400, "chunk data longer than its chunk-size");
                else
                    m_state = State::Size;
                break;
            }
            if (m_state == State::Trailer) {
                // RFC 9112 §7.1.2: trailer fields end with an empty line; their content is ignored.
                if (line.isEmpty())
                    m_state = State::Done;
                break;
            }
            // chunk-size [ chunk-ext ]: hex digits, extensions ignored (RFC 9112 §7.1.1).
            const qsizetype semicolon = line.indexOf(';');
            const QByteArrayView hex = (semicolon < 0 ? line : line.first(semicolon)).trimmed();
            if (hex.isEmpty() || hex.size() > 15) {
                fail(400, "invalid chunk-size");
                return used;
            }
            qint64 size = 0;
            for (char c : hex) {
                const int digit = (c >= '0' && c <= '9') ? c - '0'
                                  : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                  : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
                if (digit < 0) {
                    fail(400, "invalid chunk-size");
                    return used;
                }
                size = size * 16 + digit;
            }
            if (m_body.size() + size > DemoLimits::maxBodyBytes) {
                fail(413, "request body larger than 10 MiB");
                return used;
            }
            m_remaining = size;
            m_state = size == 0 ? State::Trailer : State::Data;
            break;
        }
        case State::Data: {
            const qsizetype take = qsizetype(qMin<qint64>(m_remaining, rest.size()));
            m_body.append(rest.first(take));
            m_remaining -= take;
            used += take;
            if (m_remaining == 0)
                m_state = State::DataEnd;
            break;
        }
        case State::Done:
        case State::Error:
            break;
        }
    }
    return used;
}

} // namespace wirescope

#include "core/wire/chunkeddecoder.h"

#include "core/wire/httpgrammar.h"
#include "core/wire/httpviolations.h"

#include <cstring>

namespace wirescope {

ChunkedDecoder::ChunkedDecoder(ChunkedDecoderOptions options)
    : m_options(options)
{
}

void ChunkedDecoder::reset(qint64 streamOffset)
{
    m_line.clear();
    m_lineOffset = streamOffset;
    m_offset = streamOffset;
    m_remaining = 0;
    m_dataBytes = 0;
    m_state = State::Size;
}

void ChunkedDecoder::fail(const ChunkedOutput &out, const ViolationKind &kind, qint64 offset, qint64 length,
                          const QString &detail)
{
    out.violations.append(Violation{&kind, offset, length, detail});
    m_state = State::Error;
}

qsizetype ChunkedDecoder::feed(QByteArrayView bytes, const ChunkedOutput &out)
{
    qsizetype used = 0;
    while (used < bytes.size() && m_state != State::Done && m_state != State::Error) {
        switch (m_state) {
        case State::Data: {
            const qsizetype n = qsizetype(qMin<qint64>(m_remaining, bytes.size() - used));
            out.data.append(bytes.data() + used, n);
            used += n;
            m_offset += n;
            m_remaining -= n;
            m_dataBytes += n;
            if (m_remaining == 0)
                m_state = State::DataCr;
            break;
        }
        case State::DataCr:
        case State::DataLf: {
            // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF. Checked
            // byte by byte: data longer than its chunk-size is caught at its first extra byte.
            const char c = bytes[used];
            if (m_state == State::DataCr && c == '\r') {
                m_state = State::DataLf;
            } else if (c == '\n' && (m_state == State::DataLf || m_options.bareLf)) {
                if (m_state == State::DataCr)
                    out.violations.append(Violation{&httpv::BareLfTolerated, m_offset, 1, QStringLiteral("tolerated")});
                m_state = State::Size;
            } else {
                fail(out, c == '\n' ? httpv::BareLf : httpv::BadChunkEnd, m_offset, 1,
                     QStringLiteral("byte 0x%1").arg(uchar(c), 2, 16, QLatin1Char('0')));
                return used;
            }
            ++used;
            ++m_offset;
            break;
        }
        case State::Size:
        case State::Trailer: {
            const char *start = bytes.data() + used;
            const qsizetype avail = bytes.size() - used;
            const void *nl = std::memchr(start, '\n', size_t(avail));
            const qsizetype take = nl ? (static_cast<const char *>(nl) - start) + 1 : avail;
            if (m_line.isEmpty())
                m_lineOffset = m_offset;
            // The limit is checked before the bytes are kept: an endless line costs nothing.
            if (m_line.size() + take - (nl ? 1 : 0) > m_options.maxLineBytes + 1) {
                fail(out, httpv::LineTooLong, m_lineOffset, m_line.size() + take,
                     QStringLiteral("limit %1 bytes").arg(m_options.maxLineBytes));
                return used;
            }
            m_line.append(start, take);
            used += take;
            m_offset += take;
            if (!nl)
                return used;
            const QByteArray raw = std::move(m_line);
            m_line = QByteArray();
            // RFC 9112 §2.2: lines end with CRLF; a bare LF MAY be accepted (named leniency).
            qsizetype end = raw.size() - 1;
            if (end > 0 && raw.at(end - 1) == '\r') {
                --end;
            } else if (m_options.bareLf) {
                out.violations.append(Violation{&httpv::BareLfTolerated, m_lineOffset + end, 1, QStringLiteral("tolerated")});
            } else {
                fail(out, httpv::BareLf, m_lineOffset + end, 1, QString());
                return used;
            }
            onLine(raw, QByteArrayView(raw).first(end), out);
            break;
        }
        case State::Done:
        case State::Error:
            break;
        }
    }
    return used;
}

void ChunkedDecoder::onLine(const QByteArray &raw, QByteArrayView line, const ChunkedOutput &out)
{
    if (m_state == State::Size) {
        onSizeLine(line, out);
        return;
    }
    // RFC 9112 §7.1.2: trailer-section = *( field-line CRLF ), ended by an empty line.
    if (line.isEmpty()) {
        m_state = State::Done;
        return;
    }
    const Violation stop = http::addFieldLine(out.trailers, raw, line, m_lineOffset, m_options.maxTrailerCount,
                                              m_options.obsFold, out.violations);
    if (stop.kind)
        fail(out, *stop.kind, stop.offset, stop.length, stop.detail);
}

void ChunkedDecoder::onSizeLine(QByteArrayView line, const ChunkedOutput &out)
{
    // RFC 9112 §7.1: chunk-size = 1*HEXDIG; chunk-ext = *( BWS ";" BWS chunk-ext-name
    // [ BWS "=" BWS chunk-ext-val ] ). The extensions are kept as sent.
    qsizetype i = 0;
    qint64 size = 0;
    int significant = 0;
    for (; i < line.size(); ++i) {
        const int digit = http::hexDigitValue(line[i]);
        if (digit < 0)
            break;
        if (significant > 0 || digit != 0)
            ++significant;
        // 15 hex digits fit in a qint64 with room for the running sum below.
        if (significant > 15) {
            fail(out, httpv::BadChunkSize, m_lineOffset, line.size(), QStringLiteral("overflow"));
            return;
        }
        size = size * 16 + digit;
    }
    if (i == 0) {
        fail(out, httpv::BadChunkSize, m_lineOffset, line.size(), http::hexPreview(line));
        return;
    }
    qsizetype j = i;
    while (j < line.size() && http::isOws(line[j]))
        ++j;
    if (j < line.size() && line[j] != ';') {
        fail(out, httpv::BadChunkSize, m_lineOffset + i, line.size() - i, http::hexPreview(line));
        return;
    }
    if (j == line.size() && j != i) {
        fail(out, httpv::BadChunkSize, m_lineOffset + i, line.size() - i, QStringLiteral("trailing whitespace"));
        return;
    }
    if (m_dataBytes + size > m_options.maxBodyBytes) {
        fail(out, httpv::BodyTooLarge, m_lineOffset, line.size(),
             QStringLiteral("chunk of %1 bytes, limit %2 bytes").arg(size).arg(m_options.maxBodyBytes));
        return;
    }
    out.chunks.append(HttpChunkInfo{m_lineOffset, size, line.sliced(i).toByteArray()});
    // RFC 9112 §7.1: last-chunk = 1*("0") [ chunk-ext ] CRLF, then the trailer section.
    m_remaining = size;
    m_state = size == 0 ? State::Trailer : State::Data;
}

} // namespace wirescope

#include "core/wire/sseparser.h"

#include <QStringDecoder>

#include <limits>

namespace wirescope {

namespace {

// The stream is UTF-8 with errors replaced by U+FFFD (WHATWG "UTF-8 decode"). Lines end only
// at CR and LF, which never occur inside a multi-byte sequence, so decoding line by line reads
// the same text as decoding the stream. A BOM inside a line stays a character.
QString decodeLine(QByteArrayView bytes, bool *invalid)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    *invalid = *invalid || decoder.hasError();
    return text;
}

bool isAsciiDigits(const QString &value)
{
    if (value.isEmpty())
        return false;
    for (QChar c : value)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

} // namespace

SseParser::SseParser(SseParserOptions options)
    : m_options(options)
{
}

bool SseParser::feed(QByteArrayView bytes, std::vector<SseRecord> &out)
{
    if (isError())
        return false;
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    if (m_afterCr && n > 0) {
        m_afterCr = false;
        if (bytes[0] == '\n') {
            ++i; // the LF of a CRLF cut between two reads
            ++m_offset;
        }
    }
    while (i < n) {
        qsizetype stop = i;
        while (stop < n && bytes[stop] != '\r' && bytes[stop] != '\n')
            ++stop;
        if (m_line.isEmpty())
            m_lineStart = m_offset;
        if (m_line.size() + (stop - i) > m_options.maxLineBytes) {
            m_error = QStringLiteral("a line longer than %1 bytes at byte %2").arg(m_options.maxLineBytes).arg(m_lineStart);
            return false;
        }
        m_line.append(bytes.sliced(i, stop - i));
        m_offset += stop - i;
        if (stop == n)
            break; // the line goes on in the next read
        // A line (and the block a blank line ends) ends at its CR: it is dispatched at once,
        // as a browser does, not when a next read shows whether an LF follows. The LF of a
        // CRLF is therefore in no record's span, however the reads were cut.
        const qint64 lineEnd = m_offset + 1;
        qsizetype next = stop + 1;
        m_offset = lineEnd;
        if (bytes[stop] == '\r') {
            if (next == n) {
                m_afterCr = true;
            } else if (bytes[next] == '\n') {
                ++next;
                ++m_offset;
            }
        }
        const QByteArray line = std::exchange(m_line, QByteArray());
        if (!onLine(line, m_lineStart, lineEnd, out))
            return false;
        i = next;
    }
    return true;
}

bool SseParser::onLine(QByteArrayView line, qint64 lineStart, qint64 lineEnd, std::vector<SseRecord> &out)
{
    if (m_firstLine) {
        m_firstLine = false;
        if (line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
    }
    if (line.isEmpty()) {
        dispatch(lineEnd, out);
        return true;
    }
    bool invalid = false;
    if (line.front() == ':') {
        SseRecord comment;
        comment.kind = SseRecord::Kind::Comment;
        QByteArrayView text = line.sliced(1);
        if (text.startsWith(' '))
            text = text.sliced(1);
        comment.data = decodeLine(text, &invalid);
        comment.invalidUtf8 = invalid;
        comment.start = lineStart;
        comment.end = lineEnd;
        out.push_back(std::move(comment));
        return true;
    }
    if (!m_inBlock) {
        m_inBlock = true;
        m_blockStart = lineStart;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView name = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    // Field names are compared as decoded text: a name with invalid bytes matches none.
    const QString field = decodeLine(name, &invalid);
    const QString text = decodeLine(value, &invalid);
    m_blockInvalidUtf8 = m_blockInvalidUtf8 || invalid;
    if (field == u"event") {
        m_type = text;
    } else if (field == u"data") {
        m_dataBytes += value.size() + 1;
        if (m_dataBytes > m_options.maxEventBytes) {
            m_error = QStringLiteral("an event with more than %1 bytes of data at byte %2")
                          .arg(m_options.maxEventBytes)
                          .arg(m_blockStart);
            return false;
        }
        m_data += text;
        m_data += u'\n';
    } else if (field == u"id") {
        if (!text.contains(QChar(u'\0')))
            m_idBuffer = text;
    } else if (field == u"retry") {
        if (isAsciiDigits(text)) {
            bool ok = false;
            const qint64 ms = text.toLongLong(&ok);
            // Digits beyond what fits are still a (very long) time, not an error.
            m_retryMs = ok ? ms : std::numeric_limits<qint64>::max();
            m_blockRetry = m_retryMs;
        }
    }
    // Any other field is ignored (§9.2.6).
    return true;
}

void SseParser::dispatch(qint64 end, std::vector<SseRecord> &out)
{
    // §9.2.6 "dispatch the event": the last event ID is set even when nothing is dispatched.
    m_lastEventId = m_idBuffer;
    if (!m_inBlock)
        return; // blank lines between blocks
    SseRecord record;
    record.lastEventId = m_lastEventId;
    record.retryMs = m_blockRetry;
    record.invalidUtf8 = m_blockInvalidUtf8;
    record.start = m_blockStart;
    record.end = end;
    if (m_data.isEmpty()) {
        record.kind = SseRecord::Kind::NoData;
        record.type = m_type;
    } else {
        record.kind = SseRecord::Kind::Event;
        m_data.chop(1); // the LF after the last data line
        record.type = m_type.isEmpty() ? QStringLiteral("message") : m_type;
        record.data = m_data;
    }
    out.push_back(std::move(record));
    m_inBlock = false;
    m_data.clear();
    m_dataBytes = 0;
    m_type.clear();
    m_blockRetry.reset();
    m_blockInvalidUtf8 = false;
}

void SseParser::finish(std::vector<SseRecord> &out)
{
    if (isError())
        return;
    // §9.2.5: at the end of the stream pending data is discarded; an event not ended by a
    // blank line is never dispatched. A last line without its end still belongs to it.
    // A last comment without its line end, or a lone BOM, leaves no block behind.
    const bool pendingField = !m_line.isEmpty() && !m_line.startsWith(':') && !(m_firstLine && m_line == "\xEF\xBB\xBF");
    if (!m_inBlock && !pendingField) {
        m_line.clear();
        return;
    }
    SseRecord record;
    record.kind = SseRecord::Kind::Unterminated;
    record.type = m_type;
    record.data = m_data;
    if (!record.data.isEmpty())
        record.data.chop(1);
    record.lastEventId = m_lastEventId;
    record.retryMs = m_blockRetry;
    record.invalidUtf8 = m_blockInvalidUtf8;
    record.start = m_inBlock ? m_blockStart : m_lineStart;
    record.end = m_offset;
    out.push_back(std::move(record));
    m_inBlock = false;
    m_line.clear();
    m_data.clear();
    m_dataBytes = 0;
    m_type.clear();
    m_blockRetry.reset();
}

} // namespace wirescope

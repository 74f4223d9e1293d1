#include "core/wire/httpresponseparser.h"

#include "core/wire/httpviolations.h"

#include <cstring>

namespace wirescope {

namespace {

// RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
// "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
bool isTchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool isOws(char c) { return c == ' ' || c == '\t'; }

QByteArray trimOws(QByteArrayView v)
{
    qsizetype b = 0, e = v.size();
    while (b < e && isOws(v[b]))
        ++b;
    while (e > b && isOws(v[e - 1]))
        --e;
    return v.sliced(b, e - b).toByteArray();
}

// Splits a comma-separated list value (RFC 9110 §5.6.1), trimming OWS, dropping empties.
QList<QByteArray> splitList(const QByteArray &value)
{
    QList<QByteArray> out;
    for (const QByteArray &part : value.split(',')) {
        QByteArray t = trimOws(part);
        if (!t.isEmpty())
            out.append(t);
    }
    return out;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

QByteArray HttpResponse::headerValue(const QByteArray &name) const
{
    for (const HttpHeaderField &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

QList<QByteArray> HttpResponse::headerValues(const QByteArray &name) const
{
    QList<QByteArray> out;
    for (const HttpHeaderField &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            out.append(h.value);
    }
    return out;
}

HttpResponseParser::HttpResponseParser(HttpParserLimits limits, HttpParserLeniency leniency)
    : m_limits(limits)
    , m_leniency(leniency)
{
    reset();
}

void HttpResponseParser::reset(QByteArrayView requestMethod, qint64 streamOffset)
{
    m_response = HttpResponse();
    m_current = HttpInterimResponse();
    m_headerTarget = &m_current.headers;
    m_method = requestMethod.toByteArray();
    m_line.clear();
    m_lineOffset = streamOffset;
    m_offset = streamOffset;
    m_headBytes = 0;
    m_remaining = 0;
    m_state = State::StatusLine;
    m_headComplete = false;
    m_connectionClose = false;
    m_http10 = false;
    m_http10KeepAlive = false;
}

HttpResponse HttpResponseParser::takeResponse()
{
    HttpResponse out = std::move(m_response);
    m_response = HttpResponse();
    return out;
}

bool HttpResponseParser::keepAlive() const
{
    // RFC 9112 §9.3: HTTP/1.1 persists unless "close"; HTTP/1.0 only with keep-alive.
    // A close-delimited body ends the connection by definition; 101 hands it over.
    if (m_state != State::Complete || m_connectionClose)
        return false;
    if (m_response.framing == BodyFraming::CloseDelimited || m_response.status == 101)
        return false;
    return !m_http10 || m_http10KeepAlive;
}

ParseStatus HttpResponseParser::fail(const ViolationKind &kind, qint64 offset, qint64 length, const QString &detail)
{
    m_response.violations.append(Violation{&kind, offset, length, detail});
    m_state = State::Error;
    return ParseStatus::Error;
}

void HttpResponseParser::note(const ViolationKind &kind, qint64 offset, qint64 length, const QString &detail)
{
    Violation v{&kind, offset, length, detail};
    m_response.violations.append(v);
}

bool HttpResponseParser::takeLine(QByteArrayView &in, qsizetype &used, QByteArray &line, qint64 &lineOffset, bool &error)
{
    const qsizetype avail = in.size() - used;
    const char *start = in.data() + used;
    const void *nl = std::memchr(start, '\n', size_t(avail));
    const qsizetype take = nl ? (static_cast<const char *>(nl) - start) + 1 : avail;
    // The limit is checked before the bytes are kept: an endless line costs nothing.
    if (m_line.size() + take - (nl ? 1 : 0) > m_limits.maxLineBytes + 1) {
        error = true;
        fail(httpv::LineTooLong, m_lineOffset, m_line.size() + take,
             QStringLiteral("limit %1 bytes").arg(m_limits.maxLineBytes));
        return false;
    }
    if (m_line.isEmpty())
        m_lineOffset = m_offset;
    m_line.append(start, take);
    used += take;
    m_offset += take;
    if (!nl)
        return false;
    line = std::move(m_line);
    m_line = QByteArray();
    lineOffset = m_lineOffset;
    return true;
}

ParseResult HttpResponseParser::feed(QByteArrayView bytes)
{
    qsizetype used = 0;
    while (used < bytes.size()) {
        switch (m_state) {
        case State::Complete:
            return {used, ParseStatus::Complete};
        case State::Error:
            return {used, ParseStatus::Error};
        case State::StatusLine:
        case State::HeaderLine:
        case State::ChunkSize:
        case State::ChunkDataEnd:
        case State::TrailerLine: {
            QByteArray raw;
            qint64 lineOffset = 0;
            bool error = false;
            if (!takeLine(bytes, used, raw, lineOffset, error))
                return {used, error ? ParseStatus::Error : ParseStatus::NeedMore};
            // RFC 9112 §2.2: lines end with CRLF; a bare LF MAY be accepted (named leniency).
            qsizetype end = raw.size() - 1;
            if (end > 0 && raw.at(end - 1) == '\r') {
                --end;
            } else if (m_leniency.bareLf) {
                note(httpv::BareLfTolerated, lineOffset + end, 1, QStringLiteral("tolerated"));
            } else {
                fail(httpv::BareLf, lineOffset + end, 1, QString());
                return {used, ParseStatus::Error};
            }
            const QByteArrayView line = QByteArrayView(raw).first(end);
            ParseStatus st = ParseStatus::NeedMore;
            if (m_state == State::StatusLine || m_state == State::HeaderLine || m_state == State::TrailerLine) {
                m_headBytes += raw.size();
                if (m_state != State::TrailerLine && m_headBytes > m_limits.maxHeaderBytes)
                    st = fail(httpv::HeadersTooLarge, lineOffset, raw.size(),
                              QStringLiteral("limit %1 bytes").arg(m_limits.maxHeaderBytes));
            }
            if (st == ParseStatus::Error)
                return {used, st};
            switch (m_state) {
            case State::StatusLine:
                st = onStatusLine(line, lineOffset);
                break;
            case State::HeaderLine:
                st = onHeaderLine(raw, line, lineOffset, false);
                break;
            case State::TrailerLine:
                st = onHeaderLine(raw, line, lineOffset, true);
                break;
            case State::ChunkSize:
                st = onChunkSizeLine(line, lineOffset);
                break;
            case State::ChunkDataEnd:
                if (!line.isEmpty())
                    st = fail(httpv::BadChunkEnd, lineOffset, raw.size(), QString());
                else
                    m_state = State::ChunkSize;
                break;
            default:
                break;
            }
            if (m_state == State::ChunkSize || m_state == State::ChunkDataEnd || m_state == State::TrailerLine
                || m_state == State::Complete)
                if (m_headComplete)
                    m_response.wireBodyBytes = m_offset - (m_response.offset + m_response.headBytes);
            if (st == ParseStatus::Error)
                return {used, st};
            break;
        }
        case State::BodyLength:
        case State::ChunkData: {
            const qsizetype n = qsizetype(qMin<qint64>(m_remaining, bytes.size() - used));
            m_response.body.append(bytes.data() + used, n);
            used += n;
            m_offset += n;
            m_remaining -= n;
            m_response.wireBodyBytes = m_offset - (m_response.offset + m_response.headBytes);
            if (m_remaining == 0)
                m_state = m_state == State::BodyLength ? State::Complete : State::ChunkDataEnd;
            break;
        }
        case State::BodyUntilClose: {
            const qsizetype n = bytes.size() - used;
            if (m_response.body.size() + n > m_limits.maxBodyBytes)
                return {used, fail(httpv::BodyTooLarge, m_offset, n,
                                   QStringLiteral("limit %1 bytes").arg(m_limits.maxBodyBytes))};
            m_response.body.append(bytes.data() + used, n);
            used += n;
            m_offset += n;
            m_response.wireBodyBytes = m_offset - (m_response.offset + m_response.headBytes);
            break;
        }
        }
    }
    if (m_state == State::Complete)
        return {used, ParseStatus::Complete};
    if (m_state == State::Error)
        return {used, ParseStatus::Error};
    return {used, ParseStatus::NeedMore};
}

ParseStatus HttpResponseParser::finishEof()
{
    switch (m_state) {
    case State::Complete:
        return ParseStatus::Complete;
    case State::Error:
        return ParseStatus::Error;
    case State::BodyUntilClose:
        // RFC 9112 §6.3 rule 8: the close ends the body.
        m_state = State::Complete;
        return ParseStatus::Complete;
    case State::StatusLine:
        if (m_response.interim.isEmpty() && m_line.isEmpty())
            return fail(httpv::Truncated, m_offset, 0, QStringLiteral("no response"));
        return fail(httpv::Truncated, m_offset, 0, QStringLiteral("in the status line"));
    case State::HeaderLine:
        return fail(httpv::Truncated, m_offset, 0, QStringLiteral("in the header section"));
    case State::BodyLength:
        return fail(httpv::Truncated, m_offset, 0,
                    QStringLiteral("%1 of %2 body bytes missing").arg(m_remaining).arg(m_remaining + m_response.body.size()));
    default:
        return fail(httpv::Truncated, m_offset, 0, QStringLiteral("in the chunked body"));
    }
}

ParseStatus HttpResponseParser::onStatusLine(QByteArrayView line, qint64 lineOffset)
{
    // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ]
    // HTTP-version = "HTTP/" DIGIT "." DIGIT (§2.3)
    m_current = HttpInterimResponse();
    m_current.offset = lineOffset;
    m_current.headers.reserve(16); // one allocation for a typical head
    m_headerTarget = &m_current.headers;
    if (line.size() < 8 || !line.startsWith("HTTP/") || line.at(6) != '.')
        return fail(httpv::BadStatusLine, lineOffset, line.size(), QString::fromLatin1(line.first(qMin<qsizetype>(32, line.size())).toByteArray().toHex(' ')));
    const char major = line.at(5), minor = line.at(7);
    if (major < '0' || major > '9' || minor < '0' || minor > '9')
        return fail(httpv::BadStatusLine, lineOffset, 8, QString());
    if (major != '1')
        return fail(httpv::BadVersion, lineOffset, 8, QString::fromLatin1(line.first(8).toByteArray()));
    if (line.size() < 12 || line.at(8) != ' ')
        return fail(httpv::BadStatusLine, lineOffset, line.size(), QStringLiteral("no status code"));
    int status = 0;
    for (int i = 9; i < 12; ++i) {
        const char c = line.at(i);
        if (c < '0' || c > '9')
            return fail(httpv::BadStatusLine, lineOffset + 9, 3, QStringLiteral("status code is not 3 digits"));
        status = status * 10 + (c - '0');
    }
    if (status < 100)
        return fail(httpv::BadStatusLine, lineOffset + 9, 3, QStringLiteral("status code %1").arg(status));
    if (line.size() > 12 && line.at(12) != ' ')
        return fail(httpv::BadStatusLine, lineOffset + 12, 1, QStringLiteral("status code is not 3 digits"));
    m_current.version = line.first(8).toByteArray();
    m_current.status = status;
    m_current.reason = line.size() > 13 ? line.sliced(13).toByteArray() : QByteArray();
    m_http10 = minor == '0';
    m_state = State::HeaderLine;
    return ParseStatus::NeedMore;
}

ParseStatus HttpResponseParser::onHeaderLine(const QByteArray &rawLine, QByteArrayView line, qint64 lineOffset, bool trailer)
{
    if (line.isEmpty()) {
        if (trailer) {
            m_state = State::Complete;
            m_response.wireBodyBytes = m_offset - (m_response.offset + m_response.headBytes);
            return ParseStatus::Complete;
        }
        return onHeadEnd(lineOffset + rawLine.size());
    }
    if (isOws(line.at(0))) {
        // RFC 9112 §5.2: obs-fold. A recipient MUST reject it or replace it with SP.
        if (m_headerTarget->isEmpty())
            return fail(httpv::BadHeaderLine, lineOffset, line.size(), QStringLiteral("whitespace before the first header"));
        if (!m_leniency.obsFold)
            return fail(httpv::ObsFold, lineOffset, rawLine.size(), QString());
        note(httpv::ObsFoldTolerated, lineOffset, rawLine.size(), QStringLiteral("tolerated"));
        HttpHeaderField &prev = m_headerTarget->last();
        prev.value += ' ' + trimOws(line);
        prev.raw += rawLine;
        return ParseStatus::NeedMore;
    }
    if (m_headerTarget->size() >= m_limits.maxHeaderCount)
        return fail(httpv::TooManyHeaders, lineOffset, rawLine.size(), QStringLiteral("limit %1").arg(m_limits.maxHeaderCount));
    const qsizetype colon = line.indexOf(':');
    if (colon < 0)
        return fail(httpv::BadHeaderLine, lineOffset, line.size(), QString::fromLatin1(line.first(qMin<qsizetype>(64, line.size())).toByteArray().toHex(' ')));
    if (colon == 0)
        return fail(httpv::BadHeaderName, lineOffset, 1, QStringLiteral("empty name"));
    for (qsizetype i = 0; i < colon; ++i) {
        const char c = line.at(i);
        if (isOws(c))
            return fail(httpv::SpaceBeforeColon, lineOffset + i, 1, QString::fromLatin1(line.first(colon).toByteArray()));
        if (!isTchar(c))
            return fail(httpv::BadHeaderName, lineOffset + i, 1, QStringLiteral("byte 0x%1").arg(uchar(c), 2, 16, QLatin1Char('0')));
    }
    HttpHeaderField field;
    field.name = line.first(colon).toByteArray();
    field.value = trimOws(line.sliced(colon + 1));
    for (qsizetype i = 0; i < field.value.size(); ++i) {
        const char c = field.value.at(i);
        if (c == '\0' || c == '\r' || c == '\n')
            return fail(httpv::NulInHeader, lineOffset + colon + 1, line.size() - colon - 1,
                        QStringLiteral("byte 0x%1").arg(uchar(c), 2, 16, QLatin1Char('0')));
    }
    field.raw = rawLine;
    field.offset = lineOffset;
    m_headerTarget->append(std::move(field));
    return ParseStatus::NeedMore;
}

ParseStatus HttpResponseParser::onHeadEnd(qint64 offset)
{
    const int status = m_current.status;
    if (status >= 100 && status < 200 && status != 101) {
        // RFC 9110 §15.2: interim responses are recorded; the final one follows.
        if (m_response.interim.size() >= m_limits.maxInterimResponses)
            return fail(httpv::TooManyInterim, m_current.offset, offset - m_current.offset,
                        QStringLiteral("limit %1").arg(m_limits.maxInterimResponses));
        m_response.interim.append(std::move(m_current));
        m_current = HttpInterimResponse();
        m_headerTarget = &m_current.headers;
        m_headBytes = 0;
        m_state = State::StatusLine;
        return ParseStatus::NeedMore;
    }
    m_response.version = m_current.version;
    m_response.status = status;
    m_response.reason = m_current.reason;
    m_response.headers = std::move(m_current.headers);
    m_response.offset = m_current.offset;
    m_response.headBytes = offset - m_current.offset;
    m_headerTarget = &m_response.trailers;
    m_headComplete = true;

    QList<QByteArray> te;
    QList<QByteArray> cl;
    const HttpHeaderField *firstCl = nullptr;
    for (const HttpHeaderField &h : std::as_const(m_response.headers)) {
        if (h.name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            te += splitList(h.value.toLower());
        } else if (h.name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            if (!firstCl)
                firstCl = &h;
            const QList<QByteArray> values = splitList(h.value);
            if (values.isEmpty())
                return fail(httpv::BadContentLength, h.offset, h.raw.size(), QStringLiteral("empty"));
            cl += values;
        } else if (h.name.compare("Connection", Qt::CaseInsensitive) == 0) {
            for (const QByteArray &opt : splitList(h.value.toLower())) {
                if (opt == "close")
                    m_connectionClose = true;
                else if (opt == "keep-alive")
                    m_http10KeepAlive = true;
            }
        } else if (h.name.compare("Content-Encoding", Qt::CaseInsensitive) == 0) {
            m_response.contentCodings += splitList(h.value.toLower());
        }
    }

    // RFC 9112 §6.3 rule 1: HEAD, 1xx, 204 and 304 never have a body, whatever the headers say.
    const bool noBody = m_method == "HEAD" || status == 101 || status == 204 || status == 304;
    if (noBody) {
        if (status == 204 && (!te.isEmpty() || !cl.isEmpty()))
            note(httpv::BodyNotAllowed, firstCl ? firstCl->offset : m_response.offset, 0, QStringLiteral("204"));
        m_response.framing = BodyFraming::None;
        m_state = State::Complete;
        return ParseStatus::Complete;
    }
    if (!te.isEmpty()) {
        // RFC 9112 §6.1/§6.3 rule 3: both present is a smuggling vector; treated as an error.
        if (!cl.isEmpty())
            return fail(httpv::ClTeConflict, firstCl->offset, firstCl->raw.size(), QString());
        if (te.count("chunked") > 1 || (te.contains("chunked") && te.last() != "chunked"))
            return fail(httpv::BadTransferEncoding, m_response.offset, m_response.headBytes,
                        QString::fromLatin1(te.join(", ")));
        for (qsizetype i = 0; i + 1 < te.size(); ++i) {
            // Other transfer codings are decoded as content codings would be (gzip, deflate, br).
            m_response.contentCodings.prepend(te.at(i));
        }
        if (te.last() == "chunked") {
            m_response.framing = BodyFraming::Chunked;
            m_state = State::ChunkSize;
            return ParseStatus::NeedMore;
        }
        // RFC 9112 §6.3 rule 4 (response): a final coding other than chunked -> read until close.
        m_response.framing = BodyFraming::CloseDelimited;
        m_state = State::BodyUntilClose;
        return ParseStatus::NeedMore;
    }
    if (!cl.isEmpty()) {
        // RFC 9110 §8.6 / RFC 9112 §6.3 rule 5: identical repeats are one value; different ones are an error.
        for (const QByteArray &v : std::as_const(cl)) {
            if (v != cl.first())
                return fail(httpv::ClMismatch, firstCl->offset, 0,
                            QString::fromLatin1(cl.join(", ")));
        }
        const QByteArray &v = cl.first();
        if (v.size() > 18)
            return fail(httpv::BadContentLength, firstCl->offset, firstCl->raw.size(), QStringLiteral("overflow"));
        qint64 length = 0;
        for (char c : v) {
            if (c < '0' || c > '9')
                return fail(httpv::BadContentLength, firstCl->offset, firstCl->raw.size(), QString::fromLatin1(v.left(32)));
            length = length * 10 + (c - '0');
        }
        if (length > m_limits.maxBodyBytes)
            return fail(httpv::BodyTooLarge, firstCl->offset, firstCl->raw.size(),
                        QStringLiteral("Content-Length %1, limit %2 bytes").arg(length).arg(m_limits.maxBodyBytes));
        m_response.framing = BodyFraming::ContentLength;
        m_remaining = length;
        m_state = length == 0 ? State::Complete : State::BodyLength;
        return length == 0 ? ParseStatus::Complete : ParseStatus::NeedMore;
    }
    // RFC 9112 §6.3 rule 8: no framing: the body runs until the server closes.
    m_response.framing = BodyFraming::CloseDelimited;
    m_state = State::BodyUntilClose;
    return ParseStatus::NeedMore;
}

ParseStatus HttpResponseParser::onChunkSizeLine(QByteArrayView line, qint64 lineOffset)
{
    // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
    // chunk-size = 1*HEXDIG ; chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
    qsizetype i = 0;
    qint64 size = 0;
    int significant = 0;
    while (i < line.size() && hexValue(line.at(i)) >= 0) {
        const int d = hexValue(line.at(i));
        if (significant > 0 || d != 0)
            ++significant;
        if (significant > 15)
            return fail(httpv::BadChunkSize, lineOffset, line.size(), QStringLiteral("overflow"));
        size = size * 16 + d;
        ++i;
    }
    if (i == 0)
        return fail(httpv::BadChunkSize, lineOffset, line.size(), QString::fromLatin1(line.first(qMin<qsizetype>(32, line.size())).toByteArray().toHex(' ')));
    qsizetype j = i;
    while (j < line.size() && isOws(line.at(j)))
        ++j;
    if (j < line.size() && line.at(j) != ';')
        return fail(httpv::BadChunkSize, lineOffset + i, line.size() - i, QString::fromLatin1(line.first(qMin<qsizetype>(32, line.size())).toByteArray().toHex(' ')));
    if (j == line.size() && j != i)
        return fail(httpv::BadChunkSize, lineOffset + i, line.size() - i, QStringLiteral("trailing whitespace"));
    if (m_response.body.size() + size > m_limits.maxBodyBytes)
        return fail(httpv::BodyTooLarge, lineOffset, line.size(),
                    QStringLiteral("chunk of %1 bytes, limit %2 bytes").arg(size).arg(m_limits.maxBodyBytes));
    m_response.chunks.append(HttpChunkInfo{lineOffset, size, line.sliced(i).toByteArray()});
    if (size == 0) {
        m_state = State::TrailerLine;
        return ParseStatus::NeedMore;
    }
    m_remaining = size;
    m_state = State::ChunkData;
    return ParseStatus::NeedMore;
}

} // namespace wirescope

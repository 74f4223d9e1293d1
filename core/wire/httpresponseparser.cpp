#include "core/wire/httpresponseparser.h"

#include "core/wire/httpgrammar.h"
#include "core/wire/httpviolations.h"

#include <cstring>

namespace wirescope {

namespace {

ChunkedDecoderOptions chunkedOptions(const HttpParserLimits &limits, const HttpParserLeniency &leniency)
{
    ChunkedDecoderOptions options;
    options.maxLineBytes = limits.maxLineBytes;
    options.maxBodyBytes = limits.maxBodyBytes;
    options.maxTrailerCount = limits.maxHeaderCount;
    options.bareLf = leniency.bareLf;
    options.obsFold = leniency.obsFold;
    return options;
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

bool HttpResponse::hasHeader(QByteArrayView name) const
{
    for (const HttpHeaderField &h : headers) {
        if (QByteArrayView(h.name).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

HttpResponseParser::HttpResponseParser(HttpParserLimits limits, HttpParserLeniency leniency)
    : m_limits(limits)
    , m_leniency(leniency)
    , m_chunked(chunkedOptions(limits, leniency))
{
    reset();
}

void HttpResponseParser::reset(QByteArrayView requestMethod, qint64 streamOffset, bool upgradeRequested)
{
    m_response = HttpResponse();
    m_current = HttpInterimResponse();
    m_method = requestMethod.toByteArray();
    m_line.clear();
    m_lineOffset = streamOffset;
    m_offset = streamOffset;
    m_headBytes = 0;
    m_remaining = 0;
    m_state = State::StatusLine;
    m_headComplete = false;
    m_upgradeRequested = upgradeRequested;
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
    if (m_line.isEmpty())
        m_lineOffset = m_offset;
    // The limit is checked before the bytes are kept: an endless line costs nothing.
    if (m_line.size() + take - (nl ? 1 : 0) > m_limits.maxLineBytes + 1) {
        error = true;
        fail(httpv::LineTooLong, m_lineOffset, m_line.size() + take,
             QStringLiteral("limit %1 bytes").arg(m_limits.maxLineBytes));
        return false;
    }
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

bool HttpResponseParser::startsLikeStatusLine(QByteArrayView in, qsizetype used)
{
    static constexpr char Prefix[] = "HTTP/";
    constexpr qsizetype PrefixSize = sizeof(Prefix) - 1;
    const qsizetype have = m_line.size();
    if (have >= PrefixSize)
        return true;
    const qsizetype check = qMin(PrefixSize - have, in.size() - used);
    for (qsizetype i = 0; i < check; ++i) {
        if (in[used + i] == Prefix[have + i])
            continue;
        // Not a line-ending or status-code problem: the peer does not speak HTTP/1.x here
        // (a TLS record, an SSH banner, HTTP/0.9, a stray byte). Show what came.
        const qint64 lineOffset = have ? m_lineOffset : m_offset;
        const QByteArray received = m_line + in.sliced(used, qMin<qsizetype>(32, in.size() - used)).toByteArray();
        fail(httpv::NotHttp, lineOffset, have + i + 1, http::hexPreview(received));
        return false;
    }
    return true;
}

ParseResult HttpResponseParser::feed(QByteArrayView bytes)
{
    qsizetype used = 0;
    while (used < bytes.size() && m_state != State::Complete && m_state != State::Error) {
        switch (m_state) {
        case State::Complete:
        case State::Error:
            break;
        case State::StatusLine:
        case State::HeaderLine: {
            if (m_state == State::StatusLine && !startsLikeStatusLine(bytes, used))
                return {used, ParseStatus::Error};
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
            m_headBytes += raw.size();
            if (m_headBytes > m_limits.maxHeaderBytes) {
                fail(httpv::HeadersTooLarge, lineOffset, raw.size(), QStringLiteral("limit %1 bytes").arg(m_limits.maxHeaderBytes));
                return {used, ParseStatus::Error};
            }
            const ParseStatus st = m_state == State::StatusLine ? onStatusLine(line, lineOffset)
                                                                : onHeaderLine(raw, line, lineOffset);
            if (st == ParseStatus::Error)
                return {used, st};
            break;
        }
        case State::BodyLength: {
            const qsizetype n = qsizetype(qMin<qint64>(m_remaining, bytes.size() - used));
            m_response.body.append(bytes.data() + used, n);
            used += n;
            m_offset += n;
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = State::Complete;
            break;
        }
        case State::BodyChunked: {
            const qsizetype n = m_chunked.feed(bytes.sliced(used), ChunkedOutput{m_response.body, m_response.chunks,
                                                                               m_response.trailers, m_response.violations});
            used += n;
            m_offset += n;
            if (m_chunked.isError())
                m_state = State::Error;
            else if (m_chunked.isDone())
                m_state = State::Complete;
            break;
        }
        case State::BodyUntilClose: {
            const qsizetype n = bytes.size() - used;
            if (m_response.body.size() + n > m_limits.maxBodyBytes) {
                fail(httpv::BodyTooLarge, m_offset, n, QStringLiteral("limit %1 bytes").arg(m_limits.maxBodyBytes));
                break;
            }
            m_response.body.append(bytes.data() + used, n);
            used += n;
            m_offset += n;
            break;
        }
        }
    }
    if (m_headComplete)
        m_response.wireBodyBytes = m_offset - (m_response.offset + m_response.headBytes);
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
    case State::BodyChunked:
        return fail(httpv::Truncated, m_offset, 0, QStringLiteral("in the chunked body"));
    }
    return ParseStatus::Error;
}

void HttpResponseParser::noteExtraBytes(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    note(httpv::ExtraBytes, m_offset, bytes.size(),
         QStringLiteral("%1 bytes: %2").arg(bytes.size()).arg(http::hexPreview(bytes)));
}

ParseStatus HttpResponseParser::onStatusLine(QByteArrayView line, qint64 lineOffset)
{
    // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ]
    // HTTP-version = "HTTP/" DIGIT "." DIGIT (§2.3)
    m_current = HttpInterimResponse();
    m_current.offset = lineOffset;
    m_current.headers.reserve(16); // one allocation for a typical head
    if (line.size() < 8 || line.at(6) != '.')
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

ParseStatus HttpResponseParser::onHeaderLine(const QByteArray &rawLine, QByteArrayView line, qint64 lineOffset)
{
    if (line.isEmpty())
        return onHeadEnd(lineOffset + rawLine.size());
    const Violation stop = http::addFieldLine(m_current.headers, rawLine, line, lineOffset, m_limits.maxHeaderCount,
                                              m_leniency.obsFold, m_response.violations);
    if (stop.kind)
        return fail(*stop.kind, stop.offset, stop.length, stop.detail);
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
    m_headComplete = true;

    if (status == 101) {
        // RFC 9110 §15.2.2 / §7.8: a server switches only to a protocol the request named in
        // Upgrade. Then the response ends with its head and the bytes after it belong to the
        // new protocol; without an Upgrade in the request the 101 itself is the error.
        m_response.framing = BodyFraming::None;
        if (!m_upgradeRequested)
            return fail(httpv::UnexpectedUpgrade, m_response.offset, m_response.headBytes,
                        QStringLiteral("101 to a request without Upgrade; Upgrade: %1")
                            .arg(QString::fromLatin1(m_response.headerValues("Upgrade").join(", "))));
        m_state = State::Complete;
        return ParseStatus::Complete;
    }

    QList<QByteArray> te;
    QList<QByteArray> cl;
    const HttpHeaderField *firstCl = nullptr;
    for (const HttpHeaderField &h : std::as_const(m_response.headers)) {
        if (h.name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            te += http::splitList(h.value.toLower());
        } else if (h.name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            if (!firstCl)
                firstCl = &h;
            const QList<QByteArray> values = http::splitList(h.value);
            if (values.isEmpty())
                return fail(httpv::BadContentLength, h.offset, h.raw.size(), QStringLiteral("empty"));
            cl += values;
        } else if (h.name.compare("Connection", Qt::CaseInsensitive) == 0) {
            for (const QByteArray &opt : http::splitList(h.value.toLower())) {
                if (opt == "close")
                    m_connectionClose = true;
                else if (opt == "keep-alive")
                    m_http10KeepAlive = true;
            }
        } else if (h.name.compare("Content-Encoding", Qt::CaseInsensitive) == 0) {
            m_response.contentCodings += http::splitList(h.value.toLower());
        }
    }

    // RFC 9112 §6.3 rule 1: HEAD, 1xx, 204 and 304 never have a body, whatever the headers say.
    const bool noBody = m_method == "HEAD" || status == 204 || status == 304;
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
            m_chunked.reset(m_offset);
            m_state = State::BodyChunked;
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

} // namespace wirescope

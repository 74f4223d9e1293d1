#pragma once

#include "core/wire/chunkeddecoder.h"
#include "core/wire/httpresponse.h"

#include <QByteArrayView>

namespace wirescope {

// Named limits, checked before anything is stored (DESIGN.md rule 8).
struct HttpParserLimits {
    qint64 maxHeaderBytes = 64 * 1024;        // status line + header section (per message)
    int maxHeaderCount = 100;                 // header lines (also trailers)
    qint64 maxLineBytes = 8 * 1024;           // one line (status, header, chunk size)
    qint64 maxBodyBytes = 256 * 1024 * 1024;  // payload after de-chunking
    int maxInterimResponses = 16;             // 1xx before the final answer
};

// Strict by default; each leniency has a name and still records the violation as a
// warning instead of failing (llhttp's set_lenient_*).
struct HttpParserLeniency {
    bool bareLf = false;    // accept LF without CR as a line ending (RFC 9112 §2.2 MAY)
    bool obsFold = false;   // unfold obs-fold continuation lines (RFC 9112 §5.2)
};

enum class ParseStatus : quint8 {
    NeedMore,  // everything given was consumed; feed more (or finishEof())
    Complete,  // a final response is complete; bytes after it are not consumed (after a 101
               // to an upgrade request they belong to the new protocol)
    Error,     // framing is broken; response().violations says why; stop reading
};

struct ParseResult {
    qsizetype consumed = 0;
    ParseStatus status = ParseStatus::NeedMore;
};

// Incremental HTTP/1.1 response parser (RFC 9112), resumable at any byte: fed arbitrary
// splits of the same bytes it produces the same response. It never guesses: ambiguous
// framing is an Error with a violation naming the rule. The WebSocket handshake answer and
// every HTTP exchange are read by it, with the same limits, leniencies and violation ids.
class HttpResponseParser
{
public:
    enum class State : quint8 {
        StatusLine,
        HeaderLine,
        BodyLength,
        BodyChunked,
        BodyUntilClose,
        Complete,
        Error,
    };

    explicit HttpResponseParser(HttpParserLimits limits = {}, HttpParserLeniency leniency = {});

    // The request method decides whether a body can follow (HEAD: never, RFC 9110 §9.3.2);
    // upgradeRequested (the request carried Upgrade, RFC 9110 §7.8) whether a 101 is a valid
    // final answer after which the connection speaks another protocol.
    void reset(QByteArrayView requestMethod = "GET", qint64 streamOffset = 0, bool upgradeRequested = false);
    ParseResult feed(QByteArrayView bytes);
    // The connection closed: completes a close-delimited body, anything else mid-message
    // becomes an error (truncated response).
    ParseStatus finishEof();
    // Bytes that arrived after the complete response, on a connection that asked for one
    // response only (more than its Content-Length, or an unrequested second response):
    // recorded as http.extra_bytes at their stream offset (RFC 9112 §6.3).
    void noteExtraBytes(QByteArrayView bytes);

    State state() const { return m_state; }
    bool headComplete() const { return m_headComplete; } // the final head is parsed
    const HttpResponse &response() const { return m_response; }
    HttpResponse takeResponse();
    // RFC 9112 §9.3: may the connection carry another request after this response?
    bool keepAlive() const;
    qint64 streamOffset() const { return m_offset; }
    qint64 bodyBytesReceived() const { return m_response.body.size(); }

private:
    ParseStatus fail(const struct ViolationKind &kind, qint64 offset, qint64 length, const QString &detail);
    void note(const struct ViolationKind &kind, qint64 offset, qint64 length, const QString &detail);
    // Takes one line out of m_line when complete; returns false when more bytes are needed.
    bool takeLine(QByteArrayView &in, qsizetype &used, QByteArray &line, qint64 &lineOffset, bool &error);
    // RFC 9112 §4: a status line starts with "HTTP/"; false (and failed) as soon as the
    // bytes received say otherwise.
    bool startsLikeStatusLine(QByteArrayView in, qsizetype used);
    ParseStatus onStatusLine(QByteArrayView line, qint64 lineOffset);
    ParseStatus onHeaderLine(const QByteArray &rawLine, QByteArrayView line, qint64 lineOffset);
    ParseStatus onHeadEnd(qint64 offset);

    HttpParserLimits m_limits;
    HttpParserLeniency m_leniency;
    HttpResponse m_response;
    HttpInterimResponse m_current; // head being read (interim or final)
    ChunkedDecoder m_chunked;
    QByteArray m_method;
    QByteArray m_line;           // partial line
    qint64 m_lineOffset = 0;
    qint64 m_offset = 0;         // stream offset of the next byte
    qint64 m_headBytes = 0;
    qint64 m_remaining = 0;      // body or chunk bytes still expected
    State m_state = State::StatusLine;
    bool m_headComplete = false;
    bool m_upgradeRequested = false;
    bool m_connectionClose = false;
    bool m_http10 = false;
    bool m_http10KeepAlive = false;
};

} // namespace wirescope

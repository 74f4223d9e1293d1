#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace wirescope {

// Named limits: a server that never ends a line or an event cannot make the parser grow
// without bound (the parser stops with an error instead).
struct SseParserOptions {
    qint64 maxLineBytes = 16 * 1024 * 1024;
    qint64 maxEventBytes = 16 * 1024 * 1024; // the data of one event
};

// What the event-stream rules make of a stretch of the body, in the order it was read.
struct SseRecord {
    enum class Kind : quint8 {
        Event,        // dispatched to the page: type, data, lastEventId
        Comment,      // a line starting with ':' (servers send them as heartbeats); ignored by the rules
        NoData,       // a block that ended without a data field: not dispatched, though its
                      // id and retry fields still took effect
        Unterminated, // the stream ended inside a block: not dispatched
    };
    Kind kind = Kind::Event;
    QString type;                  // Event: "message" unless an event field named another
    QString data;                  // Event: the data lines joined with LF; Comment: its text
    QString lastEventId;           // Event, NoData: the stream's last event ID once this block ended
    std::optional<qint64> retryMs; // a valid retry field in this block (the last one)
    bool invalidUtf8 = false;      // bytes that were not UTF-8 were read as U+FFFD
    qint64 start = 0;              // offsets in the body: [start, end)
    qint64 end = 0;
};

// The event-stream format of the WHATWG HTML standard, "Server-sent events" §9.2.5-9.2.6
// (parsing an event stream, interpreting it), as a pure codec: fed the response body in any
// split, it returns the same records. Lines end with CRLF, LF or a lone CR; one leading BOM is
// skipped; a field without a colon has an empty value; one space after the colon is removed;
// data lines are joined with LF; an id containing NULL is ignored; retry counts only when it
// is ASCII digits; a block without data is not dispatched, nor the block the stream ends in.
class SseParser
{
public:
    explicit SseParser(SseParserOptions options = {});

    // Appends what the bytes completed to `out`. Returns false once the parser stopped at a
    // limit (error() says which; later bytes are ignored).
    bool feed(QByteArrayView bytes, std::vector<SseRecord> &out);
    // The stream ended: a block that was not ended by a blank line is reported as
    // Unterminated (and not dispatched); a line without its end is dropped with it.
    void finish(std::vector<SseRecord> &out);

    QString lastEventId() const { return m_lastEventId; }
    std::optional<qint64> reconnectionTimeMs() const { return m_retryMs; }
    qint64 offset() const { return m_offset; } // of the next body byte
    bool isError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    bool onLine(QByteArrayView line, qint64 lineStart, qint64 lineEnd, std::vector<SseRecord> &out);
    void dispatch(qint64 end, std::vector<SseRecord> &out);

    SseParserOptions m_options;
    QByteArray m_line;          // a line not ended yet
    qint64 m_lineStart = 0;
    qint64 m_offset = 0;
    bool m_afterCr = false;     // the last byte ended a line with CR: an LF next belongs to it
    bool m_firstLine = true;    // a BOM can only lead the first line

    // The block being read (between blank lines).
    bool m_inBlock = false;
    qint64 m_blockStart = 0;
    QString m_data;
    qint64 m_dataBytes = 0;
    QString m_type;
    QString m_idBuffer;
    std::optional<qint64> m_blockRetry;
    bool m_blockInvalidUtf8 = false;

    QString m_lastEventId;
    std::optional<qint64> m_retryMs;
    QString m_error;
};

} // namespace wirescope

#pragma once

#include "core/wire/violation.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace wirescope {

// One line of an HTTP/1.1 message (RFC 9112 §2.2) collected across feeds, shared by the
// response parser and the chunked decoder: the length limit is checked before any byte is
// kept, and the line ending is judged: CRLF, or a bare LF only with the named leniency
// (still recorded, as a warning).
class HttpLineReader
{
public:
    enum class Status : quint8 {
        NeedMore, // everything given was taken; the line goes on
        Line,     // a line is complete: takeLine()
        Error,    // too long, or a bare LF without the leniency; the violation was appended
    };
    struct Result {
        Status status = Status::NeedMore;
        qsizetype consumed = 0;
    };

    explicit HttpLineReader(qint64 maxLineBytes = 8 * 1024, bool bareLf = false);

    // `bytes` starts at `streamOffset` of the inbound stream. Takes bytes up to and including
    // the next LF; findings go to `violations` with their stream offsets.
    Result read(QByteArrayView bytes, qint64 streamOffset, QList<Violation> &violations);
    // After Status::Line: the line as received, its ending included (the reader is then
    // empty again), how many of its bytes are content, and where it started.
    QByteArray takeLine();
    qsizetype contentSize() const { return m_contentSize; }
    qint64 lineOffset() const { return m_lineOffset; }
    // The bytes of the line read so far (none after takeLine()).
    const QByteArray &pending() const { return m_line; }
    void clear();

private:
    qint64 m_maxLineBytes;
    bool m_bareLf;
    QByteArray m_line;
    qint64 m_lineOffset = 0;
    qsizetype m_contentSize = 0;
};

} // namespace wirescope

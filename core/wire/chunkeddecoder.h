#pragma once

#include "core/wire/httpresponse.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace wirescope {

// Named limits, checked before anything is stored, and the named leniencies (each still
// recorded as a warning). Strict by default.
struct ChunkedDecoderOptions {
    qint64 maxLineBytes = 8 * 1024;          // a chunk-size line or a trailer line
    qint64 maxBodyBytes = 256 * 1024 * 1024; // de-chunked data
    int maxTrailerCount = 100;               // trailer field lines
    bool bareLf = false;                     // LF without CR ends a line (RFC 9112 §2.2 MAY)
    bool obsFold = false;                    // unfold obs-fold in trailer fields (RFC 9112 §5.2)
};

// Where the decoder puts what it reads: the de-chunked data is appended to `data`, each
// chunk's size line to `chunks`, the trailer section to `trailers`, findings (errors and
// tolerated rules) to `violations`, all with offsets in the inbound stream.
struct ChunkedOutput {
    QByteArray &data;
    QList<HttpChunkInfo> &chunks;
    QList<HttpHeaderField> &trailers;
    QList<Violation> &violations;
};

// Incremental decoder of the chunked transfer coding (RFC 9112 §7.1), resumable at any byte:
// fed any split of the same bytes it writes the same output. It consumes the body up to the
// end of its trailer section and no further (what follows is the next message), or up to the
// first violation (state() == Error; the decoder then takes no more bytes).
class ChunkedDecoder
{
public:
    enum class State : quint8 {
        Size,      // reading a chunk-size line (with its chunk-ext)
        Data,      // chunk-data
        DataCr,    // the CR after chunk-data
        DataLf,    // the LF after chunk-data
        Trailer,   // the trailer section after the last-chunk
        Done,
        Error,
    };

    explicit ChunkedDecoder(ChunkedDecoderOptions options = {});

    // Starts a new body whose first byte is at `streamOffset` in the inbound stream.
    void reset(qint64 streamOffset = 0);
    // Returns how many bytes of `bytes` belong to the body.
    qsizetype feed(QByteArrayView bytes, const ChunkedOutput &out);

    State state() const { return m_state; }
    bool isDone() const { return m_state == State::Done; }
    bool isError() const { return m_state == State::Error; }
    qint64 streamOffset() const { return m_offset; } // of the next byte
    qint64 dataBytes() const { return m_dataBytes; }

private:
    void fail(const ChunkedOutput &out, const ViolationKind &kind, qint64 offset, qint64 length, const QString &detail);
    void onLine(const QByteArray &raw, QByteArrayView line, const ChunkedOutput &out);
    void onSizeLine(QByteArrayView line, const ChunkedOutput &out);

    ChunkedDecoderOptions m_options;
    QByteArray m_line;        // a partial line
    qint64 m_lineOffset = 0;
    qint64 m_offset = 0;
    qint64 m_remaining = 0;   // of the current chunk's data
    qint64 m_dataBytes = 0;
    State m_state = State::Size;
};

} // namespace wirescope

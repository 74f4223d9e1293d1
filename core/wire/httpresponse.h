#pragma once

#include "core/wire/violation.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>

namespace wirescope {

// A header line exactly as received: name and value (OWS trimmed, RFC 9112 §5.1), the
// whole raw line including its line ending, and where that line starts in the inbound
// byte stream of the connection (drives hex highlighting).
struct HttpHeaderField {
    QByteArray name;
    QByteArray value;
    QByteArray raw;
    qint64 offset = -1;
};

// One chunk of a chunked body (RFC 9112 §7.1): size line position, data size, extensions.
struct HttpChunkInfo {
    qint64 offset = -1;     // of the chunk-size line in the inbound stream
    qint64 size = 0;
    QByteArray extensions;  // raw text after the size, ";" included, or empty
};

// A 1xx interim response (100 Continue, 103 Early Hints): recorded, never the answer.
struct HttpInterimResponse {
    int status = 0;
    QByteArray reason;
    QByteArray version;
    QList<HttpHeaderField> headers;
    qint64 offset = -1;
};

enum class BodyFraming : quint8 {
    None,           // HEAD, 1xx, 204, 304 (RFC 9112 §6.3 rule 1)
    ContentLength,
    Chunked,
    CloseDelimited, // read until the server closes (RFC 9112 §6.3 rule 8)
};

// A response as parsed, plus the decoded body. Sizes are in bytes.
struct HttpResponse {
    QByteArray version;   // "HTTP/1.1"
    int status = 0;
    QByteArray reason;
    QList<HttpHeaderField> headers;   // in order, duplicates kept
    QList<HttpHeaderField> trailers;  // chunked trailer section
    QList<HttpInterimResponse> interim;
    QList<HttpChunkInfo> chunks;
    BodyFraming framing = BodyFraming::None;

    qint64 offset = -1;      // stream offset of the status line
    qint64 headBytes = 0;    // status line + headers + blank line
    qint64 wireBodyBytes = 0; // body bytes on the wire incl. chunk framing and trailers

    QByteArray body;          // payload after de-chunking, still content-encoded
    QByteArray decodedBody;   // after Content-Encoding decoding (== body when none)
    QList<QByteArray> contentCodings; // Content-Encoding as sent, in order applied
    bool decodedTruncated = false;    // the decoding hit its output cap
    QList<Violation> violations;      // parser + decoder findings, errors and notes

    qint64 encodedSize() const { return body.size(); }
    qint64 decodedSize() const { return decodedBody.size(); }
    QByteArray headerValue(const QByteArray &name) const; // first match, case-insensitive
    QList<QByteArray> headerValues(const QByteArray &name) const;
    bool hasHeader(QByteArrayView name) const;
};

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::HttpResponse)

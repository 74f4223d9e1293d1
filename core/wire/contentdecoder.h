#pragma once

#include "core/wire/httpresponse.h"

#include <QByteArray>
#include <QByteArrayView>

namespace wirescope {

// Content-Encoding decoding (RFC 9110 §8.4.1): gzip (RFC 1952), deflate (RFC 1950 zlib
// wrapper; raw RFC 1951 accepted too, as browsers do), br (RFC 7932). Output is capped
// before it is allocated, so a decompression bomb costs at most the cap.
class ContentDecoder
{
public:
    enum class Status : quint8 { Ok, Truncated, UnknownCoding, Corrupt };

    struct Result {
        QByteArray output;
        Status status = Status::Ok;
        QString detail;
        // Input left after the end of the compressed stream (a gzip body is every member
        // of it, RFC 1952 §2.2): where it starts in the input and how long it is.
        qint64 trailingOffset = -1;
        qint64 trailingBytes = 0;
    };

    static bool isSupported(QByteArrayView coding); // gzip, x-gzip, deflate, br, identity
    // One coding. outputLimit >= 0 caps the output (Truncated when hit).
    static Result decode(QByteArrayView coding, QByteArrayView input, qint64 outputLimit);
};

// Decodes response.body through response.contentCodings (applied in order, so decoded in
// reverse) into response.decodedBody; findings go to response.violations: a body that cannot
// be decoded (http.decode_failed, decodedBody is then the body as received) or that decodes
// past outputLimit (http.decode_limit) is an error, data after a compressed stream a warning
// (http.trailing_data_after_coding). When decode is false, or nothing applies, decodedBody is
// the body as received.
void decodeResponseBody(HttpResponse &response, qint64 outputLimit, bool decode = true);

} // namespace wirescope

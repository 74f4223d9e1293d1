#include "core/wire/httpviolations.h"

#include <QCoreApplication>

namespace wirescope::httpv {

using G = ViolationGroup;
using S = ViolationSeverity;

const ViolationKind BadStatusLine{"http.bad_status_line", G::Malformed, S::Error, "RFC 9112 §4",
    QT_TRANSLATE_NOOP("Violation", "The status line is not HTTP-version SP 3DIGIT SP reason")};
const ViolationKind BadVersion{"http.bad_version", G::Malformed, S::Error, "RFC 9112 §2.3",
    QT_TRANSLATE_NOOP("Violation", "The HTTP version is not HTTP/1.0 or HTTP/1.1")};
const ViolationKind BadHeaderLine{"http.bad_header_line", G::Malformed, S::Error, "RFC 9112 §5",
    QT_TRANSLATE_NOOP("Violation", "A header line has no colon")};
const ViolationKind BadHeaderName{"http.bad_header_name", G::Malformed, S::Error, "RFC 9110 §5.1",
    QT_TRANSLATE_NOOP("Violation", "A header name is empty or contains a character that is not a token character")};
const ViolationKind SpaceBeforeColon{"http.space_before_colon", G::Security, S::Error, "RFC 9112 §5.1",
    QT_TRANSLATE_NOOP("Violation", "Whitespace between a header name and the colon must be rejected")};
const ViolationKind ObsFold{"http.obs_fold", G::Protocol, S::Error, "RFC 9112 §5.2",
    QT_TRANSLATE_NOOP("Violation", "A header value is folded over several lines (obs-fold)")};
const ViolationKind BareLf{"http.bare_lf", G::Protocol, S::Error, "RFC 9112 §2.2",
    QT_TRANSLATE_NOOP("Violation", "A line ends with LF without CR")};
const ViolationKind BareLfTolerated{"http.bare_lf", G::Protocol, S::Warning, "RFC 9112 §2.2",
    QT_TRANSLATE_NOOP("Violation", "A line ends with LF without CR")};
const ViolationKind ObsFoldTolerated{"http.obs_fold", G::Protocol, S::Warning, "RFC 9112 §5.2",
    QT_TRANSLATE_NOOP("Violation", "A header value is folded over several lines (obs-fold)")};
const ViolationKind ClTeConflict{"http.cl_te_conflict", G::Security, S::Error, "RFC 9112 §6.3",
    QT_TRANSLATE_NOOP("Violation", "Both Transfer-Encoding and Content-Length are present: the framing is ambiguous")};
const ViolationKind ClMismatch{"http.cl_mismatch", G::Security, S::Error, "RFC 9112 §6.3",
    QT_TRANSLATE_NOOP("Violation", "Several different Content-Length values")};
const ViolationKind BadContentLength{"http.bad_content_length", G::Malformed, S::Error, "RFC 9110 §8.6",
    QT_TRANSLATE_NOOP("Violation", "Content-Length is not a non-negative decimal number")};
const ViolationKind BadTransferEncoding{"http.bad_transfer_encoding", G::Protocol, S::Error, "RFC 9112 §6.3",
    QT_TRANSLATE_NOOP("Violation", "Transfer-Encoding does not end with chunked")};
const ViolationKind BadChunkSize{"http.bad_chunk_size", G::Malformed, S::Error, "RFC 9112 §7.1",
    QT_TRANSLATE_NOOP("Violation", "A chunk size is not a hexadecimal number or is too large")};
const ViolationKind BadChunkEnd{"http.bad_chunk_end", G::Malformed, S::Error, "RFC 9112 §7.1",
    QT_TRANSLATE_NOOP("Violation", "Chunk data is not followed by CRLF")};
const ViolationKind LineTooLong{"http.line_too_long", G::Security, S::Error, "RFC 9112 §2.3",
    QT_TRANSLATE_NOOP("Violation", "A line is longer than the configured limit")};
const ViolationKind HeadersTooLarge{"http.headers_too_large", G::Security, S::Error, "RFC 9112 §5",
    QT_TRANSLATE_NOOP("Violation", "The header section is larger than the configured limit")};
const ViolationKind TooManyHeaders{"http.too_many_headers", G::Security, S::Error, "RFC 9112 §5",
    QT_TRANSLATE_NOOP("Violation", "More header lines than the configured limit")};
const ViolationKind BodyTooLarge{"http.body_too_large", G::Security, S::Error, "RFC 9112 §6",
    QT_TRANSLATE_NOOP("Violation", "The body is larger than the configured limit")};
const ViolationKind TooManyInterim{"http.too_many_interim", G::Security, S::Error, "RFC 9110 §15.2",
    QT_TRANSLATE_NOOP("Violation", "More 1xx interim responses than the configured limit")};
const ViolationKind Truncated{"http.truncated", G::Malformed, S::Error, "RFC 9112 §8",
    QT_TRANSLATE_NOOP("Violation", "The connection closed before the response was complete")};
const ViolationKind BodyNotAllowed{"http.body_not_allowed", G::Protocol, S::Warning, "RFC 9110 §6.4.1",
    QT_TRANSLATE_NOOP("Violation", "This response cannot have a body; its framing headers are ignored")};
const ViolationKind UnknownCoding{"http.unknown_coding", G::Protocol, S::Warning, "RFC 9110 §8.4",
    QT_TRANSLATE_NOOP("Violation", "Unknown content coding; the body is shown as received")};
const ViolationKind DecodeFailed{"http.decode_failed", G::Malformed, S::Warning, "RFC 9110 §8.4.1",
    QT_TRANSLATE_NOOP("Violation", "The body could not be decoded with its Content-Encoding")};
const ViolationKind DecodeLimit{"http.decode_limit", G::Security, S::Warning, "RFC 9110 §8.4",
    QT_TRANSLATE_NOOP("Violation", "The decoded body exceeds the configured limit and was truncated")};
const ViolationKind NulInHeader{"http.nul_in_header", G::Security, S::Error, "RFC 9110 §5.5",
    QT_TRANSLATE_NOOP("Violation", "A header value contains CR, LF or NUL")};

} // namespace wirescope::httpv

namespace wirescope {

const std::vector<const ViolationKind *> &httpViolationKinds()
{
    using namespace httpv;
    static const std::vector<const ViolationKind *> kinds{
        &BadStatusLine, &BadVersion, &BadHeaderLine, &BadHeaderName, &SpaceBeforeColon, &ObsFold, &BareLf,
        &BareLfTolerated, &ObsFoldTolerated, &ClTeConflict, &ClMismatch, &BadContentLength, &BadTransferEncoding,
        &BadChunkSize, &BadChunkEnd, &LineTooLong, &HeadersTooLarge, &TooManyHeaders, &BodyTooLarge,
        &TooManyInterim, &Truncated, &BodyNotAllowed, &UnknownCoding, &DecodeFailed, &DecodeLimit, &NulInHeader,
    };
    return kinds;
}

} // namespace wirescope

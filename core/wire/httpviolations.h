#pragma once

#include "core/wire/violation.h"

#include <vector>

namespace wirescope::httpv {

// HTTP/1.1 violation kinds (stable ids, part of the CLI JSON contract).
extern const ViolationKind NotHttp;
extern const ViolationKind BadStatusLine;
extern const ViolationKind BadVersion;
extern const ViolationKind BadHeaderLine;
extern const ViolationKind BadHeaderName;
extern const ViolationKind SpaceBeforeColon;
extern const ViolationKind ObsFold;
extern const ViolationKind BareLf;
// The same rules when a named leniency tolerates them: same id, warning severity.
extern const ViolationKind BareLfTolerated;
extern const ViolationKind ObsFoldTolerated;
extern const ViolationKind ClTeConflict;
extern const ViolationKind ClMismatch;
extern const ViolationKind BadContentLength;
extern const ViolationKind BadTransferEncoding;
extern const ViolationKind BadChunkSize;
extern const ViolationKind BadChunkEnd;
extern const ViolationKind LineTooLong;
extern const ViolationKind HeadersTooLarge;
extern const ViolationKind TooManyHeaders;
extern const ViolationKind BodyTooLarge;
extern const ViolationKind TooManyInterim;
extern const ViolationKind UnexpectedUpgrade;
extern const ViolationKind ExtraBytes;
extern const ViolationKind Truncated;
extern const ViolationKind BodyNotAllowed;
extern const ViolationKind UnknownCoding;
extern const ViolationKind DecodeFailed;
extern const ViolationKind DecodeLimit;
extern const ViolationKind TrailingDataAfterCoding;
extern const ViolationKind NulInHeader;

} // namespace wirescope::httpv

namespace wirescope {
// All of the above, for documentation checks (docs/cli-http.md), the UI's legend and tests.
const std::vector<const ViolationKind *> &httpViolationKinds();
} // namespace wirescope

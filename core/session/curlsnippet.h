#pragma once

#include "core/session/httpexchangerecord.h"
#include "core/session/redaction.h"

#include <QString>

namespace wirescope {

// "Copy as cURL": the exchange's first request as it was sent (method, URL, every header
// in order, the body bytes) as a bash command that makes curl send the same request. The
// first hop, not the last: it is the request the user made; with redirects followed the
// command carries -L, so curl walks the same chain. Host and Content-Length are left to
// curl when they are what curl would write; `--compressed` stands for an Accept-Encoding
// the client added itself; -k for certificate errors ignored. A body with a NUL byte, which
// no shell argument can hold, is fed by `printf '...' |` to `--data-binary @-`; one that starts
// with '@' is `--data-raw` (which reads no file).
// CurlCommand::parse() reads every command written here back into the same request.
//
// Hidden by `rules` (on by default, as for HAR and pcapng): credential header values and
// token-like query values, replaced by Redaction::kMarker. Empty when the exchange has no
// request (it was refused before one was prepared).
QString curlSnippet(const HttpExchangeRecord &record, const RedactionRules &rules = RedactionRules::defaults());

} // namespace wirescope

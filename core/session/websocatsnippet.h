#pragma once

#include "core/session/redaction.h"
#include "core/session/wsconnectoptions.h"

#include <QString>

namespace wirescope {

// "Copy as websocat": a bash command that opens the same WebSocket connection with the
// websocat client: the URL, -H for Origin, Authorization, Cookie and the custom headers,
// --protocol for the subprotocols (comma-separated, in preference order), -k when
// certificate errors were ignored. Credentials and token-like query values are hidden by
// `rules` as in every export (on by default).
QString websocatSnippet(const WsConnectOptions &options, const RedactionRules &rules = RedactionRules::defaults());

} // namespace wirescope

#pragma once

#include "core/session/failure.h"

#include <QAbstractSocket>

namespace wirescope {

struct TlsInfo;

// The one mapping from a socket error to the failure vocabulary, for every engine.
// `connected`: the error came after the connection was ready (a lost connection, not a
// failed connect). For a failed TLS handshake, `tls` tells an untrusted certificate apart.
Failure socketFailure(QAbstractSocket::SocketError error, bool connected, const QString &errorString,
                      const TlsInfo &tls);

} // namespace wirescope

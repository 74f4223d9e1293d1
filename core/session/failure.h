#pragma once

#include "core/wire/violation.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace wirescope {

// What a user or a script does about a failure, which is also the CLI's exit status
// (docs/cli.md): the same failure gives the same class, id and status in `http` and `ws`.
enum class FailureClass : quint8 {
    Usage,      // the request could not be made; nothing was sent (exit 2)
    Connect,    // no usable connection: DNS, TCP, proxy, TLS (exit 3)
    Handshake,  // the server refused or botched the WebSocket upgrade (exit 4)
    Protocol,   // the peer broke a rule of HTTP/1.1, RFC 6455 or RFC 7692 (exit 5)
    Incomplete, // connected, then cut short: socket error, timeout, cancel, redirects (exit 1)
};

// One kind of transport failure: the violations' table for everything that is not a broken
// rule. `id` is stable (CLI JSON, saved sessions); `text` is plain English marked with
// QT_TRANSLATE_NOOP("Failure", ...) so ui/ can translate it.
struct FailureKind {
    const char *id;
    FailureClass failureClass;
    const char *text;
};

namespace failures {
extern const FailureKind RequestInvalid;      // request.invalid
extern const FailureKind UnresolvedVariables; // request.unresolved_variables
extern const FailureKind DnsFailed;           // dns.failed
extern const FailureKind ConnectRefused;      // connect.refused
extern const FailureKind ConnectFailed;       // connect.failed
extern const FailureKind ConnectTimeout;      // connect.timeout
extern const FailureKind ConnectClosed;       // connect.closed
extern const FailureKind TlsCertificate;      // tls.certificate
extern const FailureKind TlsHandshake;        // tls.handshake
extern const FailureKind TlsUnavailable;      // tls.unavailable
extern const FailureKind ProxyFailed;         // proxy.failed
extern const FailureKind SocketError;         // socket.error
extern const FailureKind TimeoutTotal;        // timeout.total
extern const FailureKind TimeoutHandshake;    // timeout.handshake
extern const FailureKind TimeoutClose;        // timeout.close
extern const FailureKind HandshakeEof;        // ws.handshake.eof
extern const FailureKind UnparseableStream;   // ws.unparseable_stream
extern const FailureKind RedirectLimit;       // redirect.limit
extern const FailureKind RedirectInvalid;     // redirect.invalid
extern const FailureKind Cancelled;           // cancelled

// Every kind, for documentation checks and look-ups by id.
const QList<const FailureKind *> &all();
const FailureKind *find(QStringView id);
} // namespace failures

// Why an exchange or a connection failed: a failure kind, or the violation that ended it.
// Null (no kind, no violation) when nothing failed.
struct Failure {
    const FailureKind *kind = nullptr;
    Violation violation;  // set when a broken rule ended it (kind is then null)
    QString detail;       // the facts of this instance ("cannot resolve x: Host not found")

    static Failure of(const FailureKind &kind, const QString &detail = {});
    static Failure of(const Violation &violation);

    bool isNull() const { return !kind && !violation.kind; }
    QString id() const;
    // English sentence with the detail: what the CLI prints. ui/ translates kind->text.
    QString message() const;
    // Handshake for ws.handshake.* violations, Protocol for the other violations.
    FailureClass failureClass() const;
};

QString failureClassName(FailureClass failureClass); // "usage", "connect", ...
int exitStatusFor(FailureClass failureClass);

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::Failure)

#include "core/session/failure.h"

#include <QtGlobal>

namespace wirescope {

namespace failures {
const FailureKind RequestInvalid{"request.invalid", FailureClass::Usage,
    QT_TRANSLATE_NOOP("Failure", "The request cannot be made: nothing was sent")};
const FailureKind UnresolvedVariables{"request.unresolved_variables", FailureClass::Usage,
    QT_TRANSLATE_NOOP("Failure", "Variables without a value: nothing was sent")};
const FailureKind DnsFailed{"dns.failed", FailureClass::Connect,
    QT_TRANSLATE_NOOP("Failure", "The host name could not be resolved")};
const FailureKind ConnectRefused{"connect.refused", FailureClass::Connect,
    QT_TRANSLATE_NOOP("Failure", "The server refused the TCP connection")};
const FailureKind ConnectFailed{"connect.failed", FailureClass::Connect,
    QT_TRANSLATE_NOOP("Failure", "The TCP connection could not be made")};
const FailureKind ConnectTimeout{"connect.timeout", FailureClass::Connect,
    QT_TRANSLATE_NOOP("Failure", "No connection within the connect timeout")};
const FailureKind ConnectClosed{"connect.closed", FailureClass::Connect,
    QT_TRANSLATE_NOOP("Failure", "The server closed the connection before it was ready")};
const FailureKind TlsCertificate{"tls.certificate", FailureClass::Connect,
    QT_TRANSLATE_NOOP("Failure", "The server's TLS certificate is not trusted")};
const FailureKind TlsHandshake{"tls.handshake", FailureClass::Connect,
    QT_TRANSLATE_NOOP("Failure", "The TLS handshake failed")};
const FailureKind TlsUnavailable{"tls.unavailable", FailureClass::Connect,
    QT_TRANSLATE_NOOP("Failure", "TLS is not available (no OpenSSL backend)")};
const FailureKind ProxyFailed{"proxy.failed", FailureClass::Connect,
    QT_TRANSLATE_NOOP("Failure", "The proxy refused, closed or failed the tunnel")};
const FailureKind SocketError{"socket.error", FailureClass::Incomplete,
    QT_TRANSLATE_NOOP("Failure", "The connection failed while in use")};
const FailureKind TimeoutTotal{"timeout.total", FailureClass::Incomplete,
    QT_TRANSLATE_NOOP("Failure", "The exchange did not finish within the time limit")};
const FailureKind TimeoutHandshake{"timeout.handshake", FailureClass::Handshake,
    QT_TRANSLATE_NOOP("Failure", "The server did not answer the WebSocket upgrade in time")};
const FailureKind TimeoutClose{"timeout.close", FailureClass::Incomplete,
    QT_TRANSLATE_NOOP("Failure", "The closing handshake did not finish in time")};
const FailureKind HandshakeEof{"ws.handshake.eof", FailureClass::Handshake,
    QT_TRANSLATE_NOOP("Failure", "The server closed the connection during the WebSocket upgrade")};
const FailureKind UnparseableStream{"ws.unparseable_stream", FailureClass::Protocol,
    QT_TRANSLATE_NOOP("Failure", "The server's bytes cannot be read as WebSocket frames any further")};
const FailureKind RedirectLimit{"redirect.limit", FailureClass::Incomplete,
    QT_TRANSLATE_NOOP("Failure", "Too many redirects")};
const FailureKind RedirectInvalid{"redirect.invalid", FailureClass::Incomplete,
    QT_TRANSLATE_NOOP("Failure", "A redirect's Location cannot be followed")};
const FailureKind Cancelled{"cancelled", FailureClass::Incomplete,
    QT_TRANSLATE_NOOP("Failure", "Cancelled by the user")};

const QList<const FailureKind *> &all()
{
    static const QList<const FailureKind *> kinds{
        &RequestInvalid, &UnresolvedVariables, &DnsFailed, &ConnectRefused, &ConnectFailed,
        &ConnectTimeout, &ConnectClosed, &TlsCertificate, &TlsHandshake, &TlsUnavailable,
        &ProxyFailed, &SocketError, &TimeoutTotal, &TimeoutHandshake, &TimeoutClose,
        &HandshakeEof, &UnparseableStream, &RedirectLimit, &RedirectInvalid, &Cancelled,
    };
    return kinds;
}

const FailureKind *find(QStringView id)
{
    for (const FailureKind *kind : all())
        if (id == QLatin1String(kind->id))
            return kind;
    return nullptr;
}
} // namespace failures

Failure Failure::of(const FailureKind &kind, const QString &detail)
{
    Failure failure;
    failure.kind = &kind;
    failure.detail = detail;
    return failure;
}

Failure Failure::of(const Violation &violation)
{
    Failure failure;
    failure.violation = violation;
    return failure;
}

QString Failure::id() const
{
    if (kind)
        return QString::fromLatin1(kind->id);
    return violation.id();
}

QString Failure::message() const
{
    if (!kind)
        return violation.kind ? violationMessage(violation) : QString();
    const QString text = QString::fromUtf8(kind->text);
    return detail.isEmpty() ? text : text + QStringLiteral(": ") + detail;
}

FailureClass Failure::failureClass() const
{
    if (kind)
        return kind->failureClass;
    return QByteArrayView(violation.kind ? violation.kind->id : "").startsWith("ws.handshake.") ? FailureClass::Handshake
                                                                                              : FailureClass::Protocol;
}

QString failureClassName(FailureClass failureClass)
{
    switch (failureClass) {
    case FailureClass::Usage: return QStringLiteral("usage");
    case FailureClass::Connect: return QStringLiteral("connect");
    case FailureClass::Handshake: return QStringLiteral("handshake");
    case FailureClass::Protocol: return QStringLiteral("protocol");
    case FailureClass::Incomplete: return QStringLiteral("incomplete");
    }
    return {};
}

int exitStatusFor(FailureClass failureClass)
{
    switch (failureClass) {
    case FailureClass::Incomplete: return 1;
    case FailureClass::Usage: return 2;
    case FailureClass::Connect: return 3;
    case FailureClass::Handshake: return 4;
    case FailureClass::Protocol: return 5;
    }
    return 1;
}

} // namespace wirescope

#include "core/net/socketfailure.h"

#include "core/session/tlsinfo.h"

namespace wirescope {

Failure socketFailure(QAbstractSocket::SocketError error, bool connected, const QString &errorString,
                      const TlsInfo &tls)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError: return Failure::of(failures::ConnectRefused, errorString);
    case QAbstractSocket::HostNotFoundError: return Failure::of(failures::DnsFailed, errorString);
    case QAbstractSocket::SocketTimeoutError: return Failure::of(failures::ConnectTimeout, errorString);
    case QAbstractSocket::SslHandshakeFailedError:
        if (!tls.errors.isEmpty() && !tls.errorsIgnored) {
            QStringList parts;
            for (const TlsErrorInfo &e : tls.errors)
                parts.append(e.message);
            return Failure::of(failures::TlsCertificate, parts.join(QLatin1String("; ")));
        }
        return Failure::of(failures::TlsHandshake, errorString);
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyConnectionTimeoutError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::ProxyProtocolError:
    case QAbstractSocket::ProxyAuthenticationRequiredError: return Failure::of(failures::ProxyFailed, errorString);
    case QAbstractSocket::RemoteHostClosedError:
        return Failure::of(connected ? failures::SocketError : failures::ConnectClosed, errorString);
    default:
        return Failure::of(connected ? failures::SocketError : failures::ConnectFailed, errorString);
    }
}

} // namespace wirescope

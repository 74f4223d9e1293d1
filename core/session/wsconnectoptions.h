#pragma once

#include "core/wire/httpresponseparser.h"
#include "core/wire/permessagedeflate.h"
#include "core/wire/wshandshake.h"

#include <QList>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QUrl>

namespace wirescope {

// Everything a WebSocket connection can be asked to do, in one value (saved with a
// session, edited by the UI's connect form, filled by the CLI's options).
struct WsConnectOptions {
    QUrl url;                     // ws://host[:port]/path?query or wss://...
    QString origin;
    QStringList subprotocols;
    QList<WsHeader> headers;      // custom request headers
    QString basicUser;            // also taken from the URL's user info
    QString basicPassword;
    QString bearerToken;
    QList<WsHeader> cookies;
    bool sessionCookies = true;   // also send the session's cookies for this URL, and keep its Set-Cookie

    bool permessageDeflate = false; // offer permessage-deflate (RFC 7692)
    PmdOffer deflateOffer;

    // TLS: certificate errors are always recorded; ignoring them is an explicit choice.
    bool ignoreCertificateErrors = false;
    QList<QSslCertificate> caCertificates; // trusted in addition to the system store
    QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::NoProxy);

    int connectTimeoutMs = 10000;   // DNS + TCP (+ TLS); 0 = none
    int handshakeTimeoutMs = 10000; // request sent -> 101 received; 0 = none
    int closeTimeoutMs = 5000;      // first close frame (ours or the peer's) -> TCP end; 0 = none

    bool autoPong = true;        // RFC 6455 §5.5.2: answer pings (switch off to test servers)
    int pingIntervalMs = 0;      // > 0: ping this often while open (RTT in pongReceived)
    bool keepInspecting = false; // on a violation: record it and go on instead of failing

    // The handshake answer is read like any HTTP response: same limits, same named leniencies.
    HttpParserLimits httpLimits;
    HttpParserLeniency httpLeniency;

    quint64 maxFramePayload = 64ull * 1024 * 1024;
    quint64 maxMessageSize = 64ull * 1024 * 1024;
    qint64 maxInflatedSize = 64ll * 1024 * 1024;

    WsHandshakeRequestOptions handshakeRequestOptions() const;
};

} // namespace wirescope

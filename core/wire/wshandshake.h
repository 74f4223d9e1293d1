#pragma once

#include "core/wire/httpresponse.h"
#include "core/wire/violation.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <vector>

namespace wirescope {

using WsHeader = QPair<QByteArray, QByteArray>;

// What goes into the client's opening handshake (RFC 6455 §4.1).
struct WsHandshakeRequestOptions {
    QUrl url;                   // ws:// or wss:// (path and query are kept as typed)
    QString origin;             // empty: no Origin header
    QStringList subprotocols;   // Sec-WebSocket-Protocol, in preference order
    QList<QByteArray> extensions; // Sec-WebSocket-Extensions elements as written
    QList<WsHeader> headers;    // custom headers, sent after the standard ones
    QString basicUser;          // Authorization: Basic (also taken from the URL's user info)
    QString basicPassword;
    QString bearerToken;        // Authorization: Bearer
    QList<WsHeader> cookies;    // Cookie: name=value; ...
};

struct WsHandshakeRequest {
    QByteArray key;   // Sec-WebSocket-Key: base64 of 16 random bytes
    QByteArray bytes; // the complete request head as written on the wire
    QStringList subprotocols;
    QList<QByteArray> extensions;
};

// nonce: the 16 bytes to encode as the key; empty = fresh from QRandomGenerator::system().
WsHandshakeRequest wsBuildHandshakeRequest(const WsHandshakeRequestOptions &options,
                                           const QByteArray &nonce = {});

// The request line and the header fields of a handshake request as written (RFC 9112 §3,
// §5), for the teaching view: fields in order, duplicates kept, values without their
// surrounding whitespace. Lines without a colon are left out.
struct WsRequestHead {
    QByteArray requestLine;
    QList<WsHeader> fields;
};
WsRequestHead wsSplitRequestHead(QByteArrayView head);

// RFC 6455 §4.2.2: base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")).
inline constexpr char WsGuid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
QByteArray wsAcceptFor(const QByteArray &key);

// The Sec-WebSocket-Accept check step by step, for the teaching view.
struct WsAcceptDerivation {
    QByteArray key;          // as sent
    QByteArray keyPlusGuid;  // key + GUID
    QByteArray sha1Hex;      // SHA-1 of the above, lowercase hex
    QByteArray expected;     // base64 of the SHA-1
    QByteArray actual;       // what the server sent (empty when missing)
    bool present = false;
    bool match = false;
};
WsAcceptDerivation wsDeriveAccept(const QByteArray &key, const QByteArray &actual, bool present);

// One check of the response, shown as a row: what, expected, actual, passed.
struct WsHandshakeCheck {
    QString what;      // "status", "Upgrade", "Connection", "Sec-WebSocket-Accept", ...
    QString expected;
    QString actual;
    bool passed = false;
    const ViolationKind *violation = nullptr; // the kind reported when it failed
};

struct WsHandshakeVerdict {
    bool ok = false;
    std::vector<WsHandshakeCheck> checks;
    WsAcceptDerivation accept;
    QString subprotocol;           // selected by the server (empty: none)
    QList<QByteArray> extensions;  // extension elements the server accepted, as sent
    std::vector<Violation> violations; // one per failed check
};

// RFC 6455 §4.1 (client side, steps 1-6 of the response checks) on the answer as
// HttpResponseParser read it (reset with upgradeRequested). Every check runs and is
// reported, even after one failed.
WsHandshakeVerdict wsCheckHandshakeResponse(const WsHandshakeRequest &request, const HttpResponse &response);

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::WsHandshakeVerdict)

#pragma once

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

// A response head (and, for a non-101 answer, its body).
struct WsHttpResponse {
    QByteArray version;    // "HTTP/1.1"
    int status = 0;
    QByteArray reason;
    QList<WsHeader> headers; // in order, duplicates kept, names as sent
    QByteArray head;       // raw bytes of the head including the blank line
    QByteArray body;       // non-101 only, up to the body limit; chunk framing removed
    QByteArray bodyRaw;    // the body bytes as received (with any chunk framing), same limit
    bool bodyChunked = false;          // Transfer-Encoding: chunked (RFC 9112 §7.1)
    bool bodyChunkedMalformed = false; // the chunk framing broke: body holds what decoded before
    bool bodyTruncated = false;
    bool bodyComplete = false;

    QByteArray header(QByteArrayView name) const;            // first value, or empty
    QList<QByteArray> headerValues(QByteArrayView name) const; // every value
    bool hasHeader(QByteArrayView name) const;
};

struct WsResponseParserLimits {
    qsizetype maxHeadBytes = 16 * 1024;
    int maxHeaderLines = 100;
    qsizetype maxBodyBytes = 1024 * 1024;
};

// A small, strict parser for the handshake response head (RFC 9112 §2-§5): status line,
// header fields, CRLF line ends (a bare LF is tolerated and reported). The bytes after
// the head belong to the WebSocket stream (or, for a non-101 answer, to the body).
class WsHandshakeResponseParser
{
public:
    enum class State : quint8 { Head, Body, Complete, Failed };

    explicit WsHandshakeResponseParser(const WsResponseParserLimits &limits = {});

    // Returns how many bytes belong to the response. After Complete with status 101, the
    // caller feeds the rest of the chunk to the frame parser.
    qsizetype feed(QByteArrayView bytes);
    // The connection closed: a body read until close is complete now.
    void finishAtEof();

    State state() const { return m_state; }
    const WsHttpResponse &response() const { return m_response; }
    const Violation &error() const { return m_error; }

private:
    enum class Chunk : quint8 { Size, Data, DataEnd, Trailer, Done, Malformed };

    bool parseHead();
    void fail(const ViolationKind &kind, const QString &detail);
    qsizetype decodeChunked(QByteArrayView bytes); // returns the bytes that belong to the body
    void appendBody(QByteArray &to, QByteArrayView bytes);

    WsResponseParserLimits m_limits;
    State m_state = State::Head;
    WsHttpResponse m_response;
    QByteArray m_buffer;
    qint64 m_bodyRemaining = -1; // -1: until close (or chunked)
    Chunk m_chunk = Chunk::Size;
    qint64 m_chunkLeft = 0;
    QByteArray m_chunkLine;
    Violation m_error;
};

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

// RFC 6455 §4.1 (client side, steps 1-6 of the response checks). Every check runs and is
// reported, even after one failed.
WsHandshakeVerdict wsCheckHandshakeResponse(const WsHandshakeRequest &request,
                                            const WsHttpResponse &response);

// Splits a comma-separated header list ("a, b;x=1") into elements, honouring quotes.
QList<QByteArray> wsSplitHeaderList(const QByteArray &value);
// True when the comma-separated list contains token (case-insensitive).
bool wsHeaderHasToken(const QByteArray &value, QByteArrayView token);

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::WsHandshakeVerdict)

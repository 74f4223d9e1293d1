#pragma once

#include "core/wire/httpresponse.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace wirescope {

// One HTTP/1.1 request as the demo server received it: header fields in wire order with their
// names spelled as sent, duplicates kept (what an echo service for an inspector must show).
struct DemoRequest
{
    QByteArray method;
    QByteArray target;  // request-target as sent (origin-form)
    QByteArray path;    // target up to '?', percent-encoding kept
    QByteArray query;   // after '?', without it
    int minorVersion = 1; // HTTP/1.<minor>
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QList<HttpHeaderField> trailers; // a chunked body's trailer section (RFC 9112 §7.1.2)

    // First value of a field, case-insensitive; empty if absent.
    QByteArray header(QByteArrayView name) const;
    QList<QByteArray> headerValues(QByteArrayView name) const;
    // True if a comma-separated field (e.g. Connection) lists token (case-insensitive).
    bool hasToken(QByteArrayView name, QByteArrayView token) const;
    // RFC 9112 §9.3: HTTP/1.1 persists unless "close"; HTTP/1.0 only with "keep-alive".
    bool keepAlive() const;
    // RFC 6455 §4.2.1: GET with Upgrade: websocket and Connection: Upgrade.
    bool isWebSocketUpgrade() const;
    QUrlQuery queryItems() const;
};

// Outcome of parsing a request head (request line + fields + empty line).
struct DemoHeadParse
{
    enum class Outcome { Incomplete, Complete, Error };
    Outcome outcome = Outcome::Incomplete;
    qsizetype headSize = 0;   // bytes of the head including the empty line (Complete)
    int status = 0;           // Error: 400, 431, 501, 505
    QByteArray reason;        // Error: what was wrong, for the JSON error body
    DemoRequest request;      // Complete: the parsed request (no body yet)
    // Body framing (RFC 9112 §6.3), valid when Complete.
    bool chunked = false;
    qint64 contentLength = 0;
};

// Parses a request head from the start of bytes (RFC 9112 §2-§6). Strict: no whitespace
// before ':', no obs-fold, Host required once for HTTP/1.1, Content-Length digits only and
// consistent, Content-Length with Transfer-Encoding rejected (request smuggling, §6.3).
DemoHeadParse parseDemoRequestHead(QByteArrayView bytes);

// An unsigned decimal of 1 to maxDigits ASCII digits (a path argument, a seq): false for
// anything else (signs, spaces, an empty text).
bool parseDemoDigits(QByteArrayView text, int maxDigits, qint64 *value);

} // namespace wirescope

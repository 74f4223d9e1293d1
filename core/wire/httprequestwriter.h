#pragma once

#include "core/wire/httprequest.h"

namespace wirescope {

struct HttpWriterOptions {
    QByteArray userAgent = "wirescope/0.1";
    bool acceptEncoding = false; // Accept-Encoding: gzip, deflate, br
    bool absoluteForm = false;   // RFC 9112 §3.2.2: request-target for an HTTP proxy
    QByteArray cookie;           // Cookie header from the jar; empty = none
};

// Pure HTTP/1.1 request writer (RFC 9112 §3). Never touches a socket.
class HttpRequestWriter
{
public:
    // Adds what the user did not set himself, so the record shows the headers as sent:
    // Host first (RFC 9110 §7.2), User-Agent, Accept, Accept-Encoding, Cookie, and
    // Content-Length for a body (or 0 for POST/PUT/PATCH without one, RFC 9110 §8.6).
    static void completeHeaders(PreparedRequest &request, const HttpWriterOptions &options);
    // request-line CRLF *( field-line CRLF ) CRLF [ body ]
    static QByteArray write(const PreparedRequest &request, const HttpWriterOptions &options);
    static QByteArray hostHeaderValue(const PreparedRequest &request);
};

} // namespace wirescope

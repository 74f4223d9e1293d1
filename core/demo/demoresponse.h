#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>

namespace wirescope {

// One complete (non-chunked) response of the demo server. serialize() writes the status line,
// Date, Server, the fields in the order they were added, and Content-Length (omitted where
// RFC 9110 §8.6 forbids it: 1xx, 204, 304).
struct DemoResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    DemoResponse &header(const QByteArray &name, const QByteArray &value);
    // HEAD gets the same fields as GET and no body (RFC 9110 §9.3.2).
    QByteArray serialize(bool withBody, bool keepAlive) const;

    static DemoResponse json(int status, const QJsonValue &value);
    // {"status": n, "error": "<reason phrase>", "detail": "..."}.
    static DemoResponse error(int status, const QByteArray &detail);
    static QByteArray reasonPhrase(int status);
    // The head of a streamed response (chunked for HTTP/1.1; close-delimited for HTTP/1.0).
    static QByteArray streamHead(int status, const QByteArray &contentType, bool chunked, bool keepAlive);
    static QByteArray commonFields();
    // RFC 9112 §7.1: chunk = chunk-size CRLF chunk-data CRLF.
    static QByteArray chunk(const QByteArray &data);
};

} // namespace wirescope

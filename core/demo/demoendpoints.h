#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace wirescope {

// One endpoint of the demo server, and the only list of them: the router is this table, and
// the `/` page, `wirescope-cli serve-demo` and the GUI's endpoints panel list its rows.
struct DemoEndpoint
{
    enum class Kind {
        Index, Echo, Status, Delay, Bytes, Stream, Gzip, Deflate, Redirect, Headers,
        Cookies, CookiesSet, CookiesDelete, Poll, Publish, Sse, WebSocket,
        // The transport lab (docs/lab-endpoints.md).
        LabPoll, LabLongPoll, LabSse, LabStream, LabEcho, LabSend, LabStats, LabWebSocket
    };
    // How `path` matches a request path.
    enum class Match {
        Exact,      // the path itself
        Argument,   // path (ending in '/') followed by one non-empty segment: "/status/418"
        Subtree,    // the path itself or anything below it: "/anything", "/anything/a/b"
    };

    Kind kind;
    const char *path;
    Match match;
    const char *methods;     // allowed methods, space-separated ("GET HEAD"), or "*" for any
    const char *example;     // a path (with query) that answers as the description says
    const char *description; // English, one line; QT_TRANSLATE_NOOP("DemoEndpoint", ...)

    static const QList<DemoEndpoint> &all();
    // The endpoint serving a request path, or null (404).
    static const DemoEndpoint *find(QByteArrayView path);

    bool isWebSocket() const { return kind == Kind::WebSocket || kind == Kind::LabWebSocket; }
    // "GET", "POST", ..., "ANY" when every method is served, "WS" for a WebSocket endpoint.
    QString methodLabel() const;
    // The method to send to try the example ("GET" for "any").
    QByteArray exampleMethod() const;
    bool allows(QByteArrayView method) const;
    QByteArray allowHeader() const; // "GET, HEAD, OPTIONS"
    // The segment after the path for Match::Argument ("418" of "/status/418"), else empty.
    QByteArray argument(const QByteArray &requestPath) const;
    bool matches(QByteArrayView requestPath) const;
};

} // namespace wirescope

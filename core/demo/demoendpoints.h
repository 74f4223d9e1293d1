#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace wirescope {

// One endpoint as users see it: the / page, `wirescope-cli serve-demo` and docs list these.
struct DemoEndpoint
{
    QString method;      // "GET", "POST", ..., "WS" for WebSocket endpoints
    QString example;     // a path (with query) that answers as is, e.g. "/get?greeting=hello"
    QString description; // English, one line
    bool webSocket = false;

    static const QList<DemoEndpoint> &all();
};

// The routing table of the HTTP side: which path (exact, or a prefix followed by one argument
// segment) maps to which handler, and which methods it allows (405 + Allow otherwise).
struct DemoRoute
{
    enum class Kind {
        Index, Echo, Status, Delay, Bytes, Stream, Gzip, Deflate, Redirect, Headers,
        Cookies, CookiesSet, CookiesDelete, Poll, Publish, WebSocket
    };
    Kind kind;
    QByteArrayView path;     // exact path, or the prefix ending in '/' when takesArgument
    bool takesArgument;      // "/status/" + {code}
    QByteArrayView methods;  // "GET HEAD", or "*" for any

    static const DemoRoute *find(QByteArrayView path);
    bool allows(QByteArrayView method) const;
    QByteArray allowHeader() const; // "GET, HEAD, OPTIONS"
    QByteArray argument(const QByteArray &requestPath) const;
};

} // namespace wirescope

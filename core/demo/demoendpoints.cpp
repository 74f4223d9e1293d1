#include "core/demo/demoendpoints.h"

#include <QtGlobal>

namespace wirescope {

const QList<DemoEndpoint> &DemoEndpoint::all()
{
    using K = Kind;
    using M = Match;
    static const QList<DemoEndpoint> endpoints = {
        {K::Index, "/", M::Exact, "GET HEAD", "/",
         QT_TRANSLATE_NOOP("DemoEndpoint", "this page: every endpoint, with an example that answers as described")},
        {K::Echo, "/get", M::Exact, "GET HEAD", "/get?greeting=hello",
         QT_TRANSLATE_NOOP("DemoEndpoint", "echoes the request as JSON: method, url, args, headers in order, body, origin")},
        {K::Echo, "/post", M::Exact, "POST", "/post",
         QT_TRANSLATE_NOOP("DemoEndpoint", "echoes the request and its body (text, or base64 when binary; json when JSON; form when urlencoded)")},
        {K::Echo, "/put", M::Exact, "PUT", "/put", QT_TRANSLATE_NOOP("DemoEndpoint", "like /post")},
        {K::Echo, "/patch", M::Exact, "PATCH", "/patch", QT_TRANSLATE_NOOP("DemoEndpoint", "like /post")},
        {K::Echo, "/delete", M::Exact, "DELETE", "/delete", QT_TRANSLATE_NOOP("DemoEndpoint", "like /post")},
        {K::Echo, "/anything", M::Subtree, "*", "/anything/path?x=1",
         QT_TRANSLATE_NOOP("DemoEndpoint", "echoes any method on /anything and any path below it")},
        {K::Status, "/status/", M::Argument, "*", "/status/418",
         QT_TRANSLATE_NOOP("DemoEndpoint", "answers with that status code (200-599)")},
        {K::Delay, "/delay/", M::Argument, "*", "/delay/1",
         QT_TRANSLATE_NOOP("DemoEndpoint", "echoes after that many seconds (fractions allowed, at most 10)")},
        {K::Bytes, "/bytes/", M::Argument, "GET HEAD", "/bytes/1024?seed=7",
         QT_TRANSLATE_NOOP("DemoEndpoint", "n seeded random bytes (at most 10 MiB)")},
        {K::Stream, "/stream/", M::Argument, "GET HEAD", "/stream/5?interval_ms=200",
         QT_TRANSLATE_NOOP("DemoEndpoint", "n JSON lines, chunked, one every interval_ms (default 100)")},
        {K::Gzip, "/gzip", M::Exact, "GET HEAD", "/gzip", QT_TRANSLATE_NOOP("DemoEndpoint", "JSON echo with Content-Encoding: gzip")},
        {K::Deflate, "/deflate", M::Exact, "GET HEAD", "/deflate",
         QT_TRANSLATE_NOOP("DemoEndpoint", "JSON echo with Content-Encoding: deflate (zlib)")},
        {K::Redirect, "/redirect/", M::Argument, "GET HEAD", "/redirect/3",
         QT_TRANSLATE_NOOP("DemoEndpoint", "302 chain of n redirects ending at /get (?absolute=true for full URLs)")},
        {K::Headers, "/headers", M::Exact, "GET HEAD", "/headers",
         QT_TRANSLATE_NOOP("DemoEndpoint", "the request headers, in order, as [name, value] pairs")},
        {K::Cookies, "/cookies", M::Exact, "GET HEAD", "/cookies", QT_TRANSLATE_NOOP("DemoEndpoint", "the cookies the request carried")},
        {K::CookiesSet, "/cookies/set", M::Exact, "GET", "/cookies/set?flavour=oatmeal",
         QT_TRANSLATE_NOOP("DemoEndpoint", "sets each query item as a cookie, then redirects to /cookies")},
        {K::CookiesDelete, "/cookies/delete", M::Exact, "GET", "/cookies/delete?flavour",
         QT_TRANSLATE_NOOP("DemoEndpoint", "expires the named cookies, then redirects to /cookies")},
        {K::Poll, "/poll", M::Exact, "GET HEAD", "/poll?timeout=2",
         QT_TRANSLATE_NOOP("DemoEndpoint", "long poll: answers at the next server event (chat, publish, tick every 5 s) or after timeout seconds (default 25); ?since=id returns missed events")},
        {K::Publish, "/publish", M::Exact, "POST", "/publish",
         QT_TRANSLATE_NOOP("DemoEndpoint", "publishes the body as an event to /poll and /ws/chat")},
        {K::Sse, "/sse", M::Exact, "GET HEAD POST", "/sse?hz=5&count=5",
         QT_TRANSLATE_NOOP("DemoEndpoint", "server-sent events (GET or POST): count events (0: endless) at hz, padded to size bytes, with ids, retry and keep-alive comments; resumes after Last-Event-ID; drop_after=N cuts the connection after N events")},
        {K::WebSocket, "/ws/echo", M::Exact, "GET", "/ws/echo",
         QT_TRANSLATE_NOOP("DemoEndpoint", "echoes every text and binary message as received")},
        {K::WebSocket, "/ws/ticker", M::Exact, "GET", "/ws/ticker?hz=10&size=64",
         QT_TRANSLATE_NOOP("DemoEndpoint", "pushes JSON {seq, t_ns} messages at hz (1-100000) padded to size bytes; count=N stops after N")},
        {K::WebSocket, "/ws/chat", M::Exact, "GET", "/ws/chat",
         QT_TRANSLATE_NOOP("DemoEndpoint", "broadcasts each message to every /ws/chat client; feeds /poll")},
        {K::LabPoll, "/lab/poll", M::Exact, "GET", "/lab/poll?run=try-poll&after=0",
         QT_TRANSLATE_NOOP("DemoEndpoint", "transport lab: the run's messages after seq as NDJSON, 204 when there is nothing new (docs/lab-endpoints.md)")},
        {K::LabLongPoll, "/lab/longpoll", M::Exact, "GET", "/lab/longpoll?run=try-longpoll&after=0",
         QT_TRANSLATE_NOOP("DemoEndpoint", "transport lab: like /lab/poll, held until there is a message (204 after 30 s)")},
        {K::LabSse, "/lab/sse", M::Exact, "GET", "/lab/sse?run=try-sse&rate=5&duration_ms=1000",
         QT_TRANSLATE_NOOP("DemoEndpoint", "transport lab: the run's messages as server-sent events until its schedule ends; resumes after Last-Event-ID")},
        {K::LabStream, "/lab/stream", M::Exact, "GET", "/lab/stream?run=try-stream&rate=5&duration_ms=1000",
         QT_TRANSLATE_NOOP("DemoEndpoint", "transport lab: the run's messages as chunked NDJSON, one chunk each, until its schedule ends")},
        {K::LabEcho, "/lab/echo", M::Exact, "POST", "/lab/echo?run=try-echo&workload=echo",
         QT_TRANSLATE_NOOP("DemoEndpoint", "transport lab: answers the body as it came (text/plain)")},
        {K::LabSend, "/lab/send", M::Exact, "POST", "/lab/send?run=try-send&workload=chat",
         QT_TRANSLATE_NOOP("DemoEndpoint", "transport lab: relays the body (one line of printable ASCII) to the run's readers; 204")},
        {K::LabStats, "/lab/stats", M::Exact, "GET", "/lab/stats?run=try-poll",
         QT_TRANSLATE_NOOP("DemoEndpoint", "transport lab: what the server counted for a run: connections, requests, bytes in and out, messages")},
        {K::LabWebSocket, "/lab/ws", M::Exact, "GET", "/lab/ws?run=try-ws&rate=5&duration_ms=1000",
         QT_TRANSLATE_NOOP("DemoEndpoint", "transport lab: the run's messages as text frames (permessage-deflate when offered), echo and chat replies; close 1000 at the end")},
    };
    return endpoints;
}

const DemoEndpoint *DemoEndpoint::find(QByteArrayView path)
{
    for (const DemoEndpoint &endpoint : all()) {
        if (endpoint.matches(path))
            return &endpoint;
    }
    return nullptr;
}

bool DemoEndpoint::matches(QByteArrayView requestPath) const
{
    const QByteArrayView own(path);
    switch (match) {
    case Match::Exact:
        return requestPath == own;
    case Match::Argument:
        return requestPath.size() > own.size() && requestPath.startsWith(own)
               && !requestPath.sliced(own.size()).contains('/');
    case Match::Subtree:
        return requestPath == own
               || (requestPath.size() > own.size() && requestPath.startsWith(own) && requestPath[own.size()] == '/');
    }
    return false;
}

QString DemoEndpoint::methodLabel() const
{
    if (isWebSocket())
        return QStringLiteral("WS");
    if (QByteArrayView(methods) == "*")
        return QStringLiteral("ANY");
    return QString::fromLatin1(exampleMethod());
}

QByteArray DemoEndpoint::exampleMethod() const
{
    const QByteArray list(methods);
    if (list == "*")
        return "GET";
    const qsizetype space = list.indexOf(' ');
    return space < 0 ? list : list.left(space);
}

bool DemoEndpoint::allows(QByteArrayView method) const
{
    const QByteArray list(methods);
    if (list == "*")
        return true;
    for (const QByteArray &allowed : list.split(' ')) {
        if (allowed == method)
            return true;
    }
    return false;
}

QByteArray DemoEndpoint::allowHeader() const
{
    const QByteArray list(methods);
    if (list == "*")
        return "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    return QByteArray(list).replace(' ', ", ") + ", OPTIONS";
}

QByteArray DemoEndpoint::argument(const QByteArray &requestPath) const
{
    return match == Match::Argument ? requestPath.mid(qsizetype(qstrlen(path))) : QByteArray();
}

} // namespace wirescope

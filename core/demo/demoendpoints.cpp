#include "core/demo/demoendpoints.h"

#include <array>

namespace wirescope {

const QList<DemoEndpoint> &DemoEndpoint::all()
{
    static const QList<DemoEndpoint> endpoints = {
        {QStringLiteral("GET"), QStringLiteral("/get?greeting=hello"), QStringLiteral("echoes the request as JSON: method, url, args, headers in order, body, origin")},
        {QStringLiteral("POST"), QStringLiteral("/post"), QStringLiteral("echoes the request and its body (text, or base64 when binary; json when JSON; form when urlencoded)")},
        {QStringLiteral("PUT"), QStringLiteral("/put"), QStringLiteral("like /post")},
        {QStringLiteral("PATCH"), QStringLiteral("/patch"), QStringLiteral("like /post")},
        {QStringLiteral("DELETE"), QStringLiteral("/delete"), QStringLiteral("like /post")},
        {QStringLiteral("ANY"), QStringLiteral("/anything/path?x=1"), QStringLiteral("echoes any method on any path below /anything")},
        {QStringLiteral("ANY"), QStringLiteral("/status/418"), QStringLiteral("answers with that status code (200-599)")},
        {QStringLiteral("ANY"), QStringLiteral("/delay/2"), QStringLiteral("echoes after that many seconds (fractions allowed, at most 10)")},
        {QStringLiteral("GET"), QStringLiteral("/bytes/1024?seed=7"), QStringLiteral("n seeded random bytes (at most 10 MiB)")},
        {QStringLiteral("GET"), QStringLiteral("/stream/5?interval_ms=200"), QStringLiteral("n JSON lines, chunked, one every interval_ms (default 100)")},
        {QStringLiteral("GET"), QStringLiteral("/gzip"), QStringLiteral("JSON echo with Content-Encoding: gzip")},
        {QStringLiteral("GET"), QStringLiteral("/deflate"), QStringLiteral("JSON echo with Content-Encoding: deflate (zlib)")},
        {QStringLiteral("GET"), QStringLiteral("/redirect/3"), QStringLiteral("302 chain of n redirects ending at /get (?absolute=true for full URLs)")},
        {QStringLiteral("GET"), QStringLiteral("/headers"), QStringLiteral("the request headers, in order, as [name, value] pairs")},
        {QStringLiteral("GET"), QStringLiteral("/cookies"), QStringLiteral("the cookies the request carried")},
        {QStringLiteral("GET"), QStringLiteral("/cookies/set?flavour=oatmeal"), QStringLiteral("sets each query item as a cookie, then redirects to /cookies")},
        {QStringLiteral("GET"), QStringLiteral("/cookies/delete?flavour"), QStringLiteral("expires the named cookies, then redirects to /cookies")},
        {QStringLiteral("GET"), QStringLiteral("/poll?timeout=25"), QStringLiteral("long poll: answers at the next server event (chat, publish, tick every 5 s) or after timeout seconds; ?since=id returns missed events")},
        {QStringLiteral("POST"), QStringLiteral("/publish"), QStringLiteral("publishes the body as an event to /poll and /ws/chat")},
        {QStringLiteral("WS"), QStringLiteral("/ws/echo"), QStringLiteral("echoes every text and binary message as received"), true},
        {QStringLiteral("WS"), QStringLiteral("/ws/ticker?hz=10&size=64"), QStringLiteral("pushes JSON {seq, t_ns} messages at hz (1-100000) padded to size bytes; count=N stops after N"), true},
        {QStringLiteral("WS"), QStringLiteral("/ws/chat"), QStringLiteral("broadcasts each message to every /ws/chat client; feeds /poll"), true},
    };
    return endpoints;
}

namespace {

using Kind = DemoRoute::Kind;

const std::array<DemoRoute, 22> kRoutes = {{
    {Kind::Index, "/", false, "GET HEAD"},
    {Kind::Echo, "/get", false, "GET HEAD"},
    {Kind::Echo, "/post", false, "POST"},
    {Kind::Echo, "/put", false, "PUT"},
    {Kind::Echo, "/patch", false, "PATCH"},
    {Kind::Echo, "/delete", false, "DELETE"},
    {Kind::Echo, "/anything", false, "*"},
    {Kind::Echo, "/anything/", true, "*"},
    {Kind::Status, "/status/", true, "*"},
    {Kind::Delay, "/delay/", true, "*"},
    {Kind::Bytes, "/bytes/", true, "GET HEAD"},
    {Kind::Stream, "/stream/", true, "GET HEAD"},
    {Kind::Gzip, "/gzip", false, "GET HEAD"},
    {Kind::Deflate, "/deflate", false, "GET HEAD"},
    {Kind::Redirect, "/redirect/", true, "GET HEAD"},
    {Kind::Headers, "/headers", false, "GET HEAD"},
    {Kind::Cookies, "/cookies", false, "GET HEAD"},
    {Kind::CookiesSet, "/cookies/set", false, "GET"},
    {Kind::CookiesDelete, "/cookies/delete", false, "GET"},
    {Kind::Poll, "/poll", false, "GET HEAD"},
    {Kind::Publish, "/publish", false, "POST"},
    {Kind::WebSocket, "/ws/", true, "GET"},
}};

} // namespace

const DemoRoute *DemoRoute::find(QByteArrayView path)
{
    for (const DemoRoute &route : kRoutes) {
        if (!route.takesArgument && path == route.path)
            return &route;
        if (route.takesArgument && path.startsWith(route.path) && path.size() > route.path.size()) {
            const QByteArrayView rest = path.sliced(route.path.size());
            // One segment, except below /anything/ where any path echoes.
            if (route.kind == Kind::Echo || !rest.contains('/')) {
                if (route.kind == Kind::WebSocket
                    && !(rest == "echo" || rest == "ticker" || rest == "chat"))
                    return nullptr;
                return &route;
            }
        }
    }
    return nullptr;
}

bool DemoRoute::allows(QByteArrayView method) const
{
    if (methods == "*")
        return true;
    for (const QByteArray &allowed : methods.toByteArray().split(' ')) {
        if (allowed == method)
            return true;
    }
    return false;
}

QByteArray DemoRoute::allowHeader() const
{
    if (methods == "*")
        return "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    return methods.toByteArray().replace(' ', ", ") + ", OPTIONS";
}

QByteArray DemoRoute::argument(const QByteArray &requestPath) const
{
    return takesArgument ? requestPath.mid(path.size()) : QByteArray();
}

} // namespace wirescope

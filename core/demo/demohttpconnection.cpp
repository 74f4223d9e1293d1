#include "core/demo/demohttpconnection.h"

#include "core/demo/demoendpoints.h"
#include "core/demo/demoeventlog.h"
#include "core/demo/demolabexchange.h"
#include "core/demo/demolabmeter.h"
#include "core/demo/demolabrun.h"
#include "core/demo/demolabruns.h"
#include "core/demo/demolimits.h"
#include "core/wire/httpviolations.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <zlib.h>

#include <cmath>
#include <limits>

namespace wirescope {

namespace {

// Text as text when it is valid UTF-8, otherwise nullopt (the caller switches to base64).
std::optional<QString> utf8Text(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

QString fieldText(const QByteArray &bytes)
{
    // Field values are octets (RFC 9110 §5.5); show UTF-8 when it is UTF-8, else Latin-1.
    return utf8Text(bytes).value_or(QString::fromLatin1(bytes));
}

QJsonObject queryObject(const QUrlQuery &query)
{
    QJsonObject args;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        const QJsonValue existing = args.value(key);
        if (existing.isUndefined()) {
            args.insert(key, value);
        } else {
            QJsonArray list = existing.isArray() ? existing.toArray() : QJsonArray{existing};
            list.append(value);
            args.insert(key, list);
        }
    }
    return args;
}

QByteArray compress(const QByteArray &data, bool gzip)
{
    // windowBits 15 + 16 writes the gzip wrapper (RFC 1952); 15 alone the zlib wrapper (RFC
    // 1950), which is what the "deflate" content coding means (RFC 9110 §8.4.1.2).
    z_stream stream{};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzip ? 15 + 16 : 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(int(deflateBound(&stream, uLong(data.size())) + 32), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

} // namespace

DemoHttpConnection::DemoHttpConnection(QTcpSocket *socket, DemoEventLog *events, DemoLabRuns *labRuns, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_events(events)
    , m_labRuns(labRuns)
    , m_meter(new DemoLabMeter(socket))
    , m_idle(new QTimer(this))
{
    m_idle->setSingleShot(true);
    m_idle->setInterval(DemoLimits::idleTimeoutMs);
    connect(m_idle, &QTimer::timeout, this, [this] {
        // Only between requests or inside a head: a slow response (/poll, /delay) is ours to end.
        if (m_socket && (m_state == State::Head || m_state == State::Body))
            m_socket->disconnectFromHost();
    });
    m_idle->start();
    connect(m_socket, &QTcpSocket::readyRead, m_idle, qOverload<>(&QTimer::start));
    connect(m_socket, &QTcpSocket::readyRead, this, &DemoHttpConnection::processInput);
    connect(m_socket, &QTcpSocket::disconnected, this, &DemoHttpConnection::onDisconnected);
    // Data may already be buffered before the connections above existed.
    QTimer::singleShot(0, this, &DemoHttpConnection::processInput);
}

bool DemoHttpConnection::isWebSocketPath(QByteArrayView path)
{
    const DemoEndpoint *endpoint = DemoEndpoint::find(path);
    return endpoint && endpoint->isWebSocket();
}

const DemoRequest &DemoHttpConnection::request() const
{
    return m_request;
}

void DemoHttpConnection::answer(DemoResponse response)
{
    respond(std::move(response));
}

bool DemoHttpConnection::beginStreamed(const QByteArray &contentType, const QByteArray &extraFields)
{
    // RFC 9112 §7.1: chunked needs HTTP/1.1; an HTTP/1.0 client gets a close-delimited body.
    const bool chunked = m_request.minorVersion >= 1;
    if (!chunked)
        m_keepAlive = false;
    QByteArray head = DemoResponse::streamHead(200, contentType, chunked, m_keepAlive);
    head.insert(head.size() - 2, extraFields);
    m_socket->write(head);
    return chunked;
}

void DemoHttpConnection::writeStreamed(const QByteArray &bytes)
{
    if (m_socket)
        m_socket->write(bytes);
}

qint64 DemoHttpConnection::unsentBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void DemoHttpConnection::endStreamed(bool chunked)
{
    if (!m_socket)
        return;
    if (chunked)
        m_socket->write("0\r\n\r\n");
    finishExchange(200);
}

void DemoHttpConnection::handOverToLabWebSocket(DemoLabRun *run)
{
    m_state = State::Closed;
    m_job = nullptr; // the exchange that calls this goes with this object
    Q_EMIT labWebSocketRequested(this, run);
}

QTcpSocket *DemoHttpConnection::takeSocket()
{
    QTcpSocket *socket = m_socket;
    if (socket) {
        socket->disconnect(this);
        socket->disconnect(m_idle);
    }
    m_idle->stop();
    m_socket = nullptr;
    m_state = State::Closed;
    return socket;
}

void DemoHttpConnection::onDisconnected()
{
    m_state = State::Closed;
    delete m_job;
    m_job = nullptr;
    Q_EMIT finished(this);
}

void DemoHttpConnection::processInput()
{
    if (m_inProcess || !m_socket)
        return;
    m_inProcess = true;
    for (;;) {
        bool progressed = false;
        if (m_state == State::Head)
            progressed = readHead();
        else if (m_state == State::Body)
            progressed = readBody();
        if (!progressed)
            break;
    }
    m_inProcess = false;
}

bool DemoHttpConnection::readHead()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available == 0)
        return false;
    // Peek, do not read: a WebSocket upgrade must reach QWebSocketServer unread.
    const QByteArray bytes = m_socket->peek(qMin<qint64>(available, DemoLimits::maxHeadBytes + 4));
    DemoHeadParse head = parseDemoRequestHead(bytes);
    if (head.outcome == DemoHeadParse::Outcome::Incomplete)
        return false;
    if (head.outcome == DemoHeadParse::Outcome::Error) {
        m_request = DemoRequest();
        fail(head.status, head.reason);
        return false;
    }
    m_request = head.request;
    m_keepAlive = m_request.keepAlive();

    if (m_request.isWebSocketUpgrade() && isWebSocketPath(m_request.path)
        && DemoEndpoint::find(m_request.path)->kind == DemoEndpoint::Kind::WebSocket) {
        const QByteArray problem = tickerQueryProblem();
        if (!problem.isEmpty()) {
            m_meter->skip(head.headSize);
            fail(400, problem);
            return false;
        }
        m_state = State::Closed;
        Q_EMIT upgradeRequested(this);
        return false;
    }
    m_meter->skip(head.headSize);

    if (head.contentLength > DemoLimits::maxBodyBytes) {
        fail(413, "request body larger than 10 MiB");
        return false;
    }
    const QByteArray expect = m_request.header("Expect");
    const bool hasBody = head.chunked || head.contentLength > 0;
    if (!expect.isEmpty()) {
        // RFC 9110 §10.1.1: 100-continue is the only expectation; others get 417.
        if (expect.compare("100-continue", Qt::CaseInsensitive) != 0) {
            fail(417, "only Expect: 100-continue is supported");
            return false;
        }
        if (hasBody && m_request.minorVersion == 1)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    m_chunked.reset();
    if (head.chunked) {
        // The one chunked decoder of the tree, with the server's limits; a bare LF is
        // accepted (RFC 9112 §2.2 MAY) so hand-typed requests (printf | nc) work.
        ChunkedDecoderOptions options;
        options.maxLineBytes = DemoLimits::maxChunkLineBytes;
        options.maxBodyBytes = DemoLimits::maxBodyBytes;
        options.maxTrailerCount = DemoLimits::maxHeaderLines;
        options.bareLf = true;
        m_chunked.emplace(options);
    }
    m_bodyRemaining = head.contentLength;
    m_state = State::Body;
    return true;
}

bool DemoHttpConnection::readBody()
{
    if (m_chunked) {
        const QByteArray bytes = m_socket->peek(qMin<qint64>(m_socket->bytesAvailable(), 1024 * 1024));
        QList<HttpChunkInfo> chunks; // sizes and extensions are not echoed
        QList<Violation> findings;
        const qsizetype used = m_chunked->feed(bytes, ChunkedOutput{m_request.body, chunks, m_request.trailers, findings});
        m_meter->skip(used);
        if (m_chunked->isError()) {
            // RFC 9110 §15.5.14: a body over the limit is 413; any other framing error 400.
            const Violation &why = findings.constLast();
            fail(why.kind == &httpv::BodyTooLarge ? 413 : 400, violationMessage(why).toUtf8());
            return false;
        }
        if (!m_chunked->isDone())
            return used > 0 && m_socket->bytesAvailable() > 0;
        m_chunked.reset();
    } else if (m_bodyRemaining > 0) {
        const QByteArray bytes = m_meter->read(m_bodyRemaining);
        m_request.body += bytes;
        m_bodyRemaining -= bytes.size();
        if (m_bodyRemaining > 0)
            return false;
    }
    m_state = State::Responding;
    dispatch();
    return m_state == State::Head;
}

void DemoHttpConnection::fail(int status, const QByteArray &detail)
{
    // After a framing error the rest of the stream cannot be trusted: answer and close.
    m_keepAlive = false;
    m_meter->countRequest();
    respond(DemoResponse::error(status, detail));
}

void DemoHttpConnection::respond(DemoResponse response)
{
    if (!m_socket)
        return;
    if (m_keepAlive && m_request.minorVersion == 0)
        response.header("Connection", "keep-alive");
    m_socket->write(response.serialize(m_request.method != "HEAD", m_keepAlive));
    finishExchange(response.status);
}

void DemoHttpConnection::finishExchange(int status)
{
    Q_EMIT requestServed(QString::fromLatin1(m_request.method), QString::fromLatin1(m_request.target), status);
    if (m_job) {
        m_job->deleteLater();
        m_job = nullptr;
    }
    if (!m_keepAlive) {
        m_state = State::Closed;
        m_socket->disconnectFromHost();
        return;
    }
    m_state = State::Head;
    m_request = DemoRequest();
    m_idle->start();
    // Pipelined requests may already wait in the buffer (RFC 9112 §9.3.2).
    if (!m_inProcess)
        QTimer::singleShot(0, this, &DemoHttpConnection::processInput);
}

QByteArray DemoHttpConnection::tickerQueryProblem() const
{
    if (m_request.path != "/ws/ticker")
        return {};
    // Checked before the handshake, so a bad parameter is a readable 400, not a closed socket.
    const QUrlQuery query = m_request.queryItems();
    const struct { const char *name; qint64 min; qint64 max; const char *problem; } checks[] = {
        {"hz", 1, DemoLimits::maxTickerHz, "hz must be from 1 to 100000 messages per second"},
        {"size", 0, DemoLimits::maxTickerSize, "size must be from 0 to 1048576 bytes"},
        {"count", 0, std::numeric_limits<qint64>::max(), "count must be 0 (unlimited) or more"},
    };
    for (const auto &check : checks) {
        const QString name = QString::fromLatin1(check.name);
        if (!query.hasQueryItem(name))
            continue;
        bool ok = false;
        const qint64 value = query.queryItemValue(name).toLongLong(&ok);
        if (!ok || value < check.min || value > check.max)
            return check.problem;
    }
    return {};
}

QString DemoHttpConnection::baseUrl() const
{
    const QByteArray host = m_request.header("Host");
    if (!host.isEmpty())
        return u"http://" + QString::fromLatin1(host);
    return QStringLiteral("http://127.0.0.1:%1").arg(m_socket ? m_socket->localPort() : 0);
}

QJsonObject DemoHttpConnection::echo() const
{
    QJsonArray headers;
    for (const auto &[name, value] : m_request.headers)
        headers.append(QJsonArray{QString::fromLatin1(name), fieldText(value)});
    QJsonObject object{
        {QStringLiteral("method"), QString::fromLatin1(m_request.method)},
        {QStringLiteral("url"), QString(baseUrl() + QString::fromLatin1(m_request.target))},
        {QStringLiteral("args"), queryObject(m_request.queryItems())},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("origin"), m_socket ? m_socket->peerAddress().toString() : QString()},
        {QStringLiteral("http_version"), m_request.minorVersion ? QStringLiteral("1.1") : QStringLiteral("1.0")},
    };
    const std::optional<QString> text = utf8Text(m_request.body);
    object.insert(QStringLiteral("body"), text ? *text : QString::fromLatin1(m_request.body.toBase64()));
    object.insert(QStringLiteral("body_encoding"), text ? QStringLiteral("utf-8") : QStringLiteral("base64"));
    object.insert(QStringLiteral("body_size"), m_request.body.size());
    QJsonArray trailers;
    for (const HttpHeaderField &field : m_request.trailers)
        trailers.append(QJsonArray{QString::fromLatin1(field.name), fieldText(field.value)});
    object.insert(QStringLiteral("trailers"), trailers);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(m_request.body, &error);
    if (!m_request.body.isEmpty() && error.error == QJsonParseError::NoError)
        object.insert(QStringLiteral("json"), document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()));
    else
        object.insert(QStringLiteral("json"), QJsonValue::Null);
    const QByteArray contentType = m_request.header("Content-Type");
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
        QByteArray form = m_request.body;
        form.replace('+', "%20");
        object.insert(QStringLiteral("form"), queryObject(QUrlQuery(QString::fromUtf8(form))));
    }
    return object;
}

void DemoHttpConnection::dispatch()
{
    const QByteArray &path = m_request.path;
    const QByteArray &method = m_request.method;
    const DemoEndpoint *route = DemoEndpoint::find(path);
    const bool firstRequest = m_served++ == 0;
    m_meter->countRequest();
    if (!route) {
        const bool upgrade = m_request.isWebSocketUpgrade();
        respond(DemoResponse::error(404, upgrade ? "no WebSocket endpoint at this path; see / for the list"
                                                 : "no endpoint at this path; see / for the list"));
        return;
    }
    if (method == "OPTIONS") {
        DemoResponse response;
        response.status = 204;
        response.header("Allow", route->allowHeader());
        respond(response);
        return;
    }
    if (!route->allows(method)) {
        // RFC 9110 §15.5.6: a 405 MUST carry Allow.
        DemoResponse response = DemoResponse::error(405, "method " + method + " is not allowed here");
        response.header("Allow", route->allowHeader());
        respond(response);
        return;
    }
    const QByteArray argument = route->argument(path);
    switch (route->kind) {
    case DemoEndpoint::Kind::Index:
        respond(serveIndex());
        return;
    case DemoEndpoint::Kind::Echo:
        respond(DemoResponse::json(200, echo()));
        return;
    case DemoEndpoint::Kind::Status:
        respond(serveStatus(argument));
        return;
    case DemoEndpoint::Kind::Delay:
        serveDelay(argument);
        return;
    case DemoEndpoint::Kind::Bytes:
        respond(serveBytes(argument));
        return;
    case DemoEndpoint::Kind::Stream:
        serveStream(argument);
        return;
    case DemoEndpoint::Kind::Gzip:
        respond(serveEncoded(true));
        return;
    case DemoEndpoint::Kind::Deflate:
        respond(serveEncoded(false));
        return;
    case DemoEndpoint::Kind::Redirect:
        respond(serveRedirect(argument));
        return;
    case DemoEndpoint::Kind::Headers: {
        QJsonObject object = echo();
        respond(DemoResponse::json(200, QJsonObject{{QStringLiteral("headers"), object.value(QStringLiteral("headers"))}}));
        return;
    }
    case DemoEndpoint::Kind::Cookies: {
        QJsonObject cookies;
        // RFC 6265 §5.4: cookie-string is "name=value" pairs separated by "; ".
        for (const QByteArray &field : m_request.headerValues("Cookie")) {
            for (const QByteArray &pair : field.split(';')) {
                const qsizetype equals = pair.indexOf('=');
                if (equals > 0)
                    cookies.insert(QString::fromUtf8(pair.left(equals).trimmed()), fieldText(pair.mid(equals + 1).trimmed()));
            }
        }
        respond(DemoResponse::json(200, QJsonObject{{QStringLiteral("cookies"), cookies}}));
        return;
    }
    case DemoEndpoint::Kind::CookiesSet:
        respond(serveCookiesSet(false));
        return;
    case DemoEndpoint::Kind::CookiesDelete:
        respond(serveCookiesSet(true));
        return;
    case DemoEndpoint::Kind::Poll:
        servePoll();
        return;
    case DemoEndpoint::Kind::Publish:
        respond(servePublish());
        return;
    case DemoEndpoint::Kind::Sse:
        serveSse();
        return;
    case DemoEndpoint::Kind::LabPoll:
    case DemoEndpoint::Kind::LabLongPoll:
    case DemoEndpoint::Kind::LabSse:
    case DemoEndpoint::Kind::LabStream:
    case DemoEndpoint::Kind::LabEcho:
    case DemoEndpoint::Kind::LabSend:
    case DemoEndpoint::Kind::LabStats:
    case DemoEndpoint::Kind::LabWebSocket: {
        if (!m_labRuns) {
            respond(DemoResponse::error(503, "the server is stopping"));
            return;
        }
        // It may answer at once (finishExchange lets it go later) or hold the exchange.
        auto *exchange = new DemoLabExchange(this, m_labRuns, m_meter, route->kind, firstRequest);
        m_job = exchange;
        exchange->start();
        return;
    }
    case DemoEndpoint::Kind::WebSocket: {
        // RFC 9110 §15.5.22: 426 tells the client which protocol to switch to.
        DemoResponse response = DemoResponse::error(426, "this is a WebSocket endpoint: send a GET with "
                                                         "Upgrade: websocket (RFC 6455 section 4.1)");
        response.header("Upgrade", "websocket");
        respond(response);
        return;
    }
    }
}

DemoResponse DemoHttpConnection::serveIndex()
{
    const QString base = baseUrl();
    QString html = u"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                   u"<title>Wirescope demo server</title>\n<style>body{font-family:sans-serif;max-width:60em;"
                   u"margin:2em auto}td{padding:.2em .8em;vertical-align:top}code{white-space:nowrap}</style>"
                   u"</head>\n<body>\n<h1>Wirescope demo server</h1>\n<p>HTTP and WebSocket on one port, "
                   u"loopback only. Base URLs: <code>"_qs
                   + base.toHtmlEscaped() + u"</code> and <code>ws" + base.mid(4).toHtmlEscaped()
                   + u"</code>. WebSocket endpoints accept the subprotocols <code>chat</code> and "
                     u"<code>json</code>.</p>\n<table>\n<tr><th>Method</th><th>Endpoint</th><th>What it does</th></tr>\n";
    for (const DemoEndpoint &endpoint : DemoEndpoint::all()) {
        const QString example = QString::fromLatin1(endpoint.example).toHtmlEscaped();
        const QString link = endpoint.isWebSocket()
                                 ? QString(u"<code>" + example + u"</code>")
                                 : QString(u"<a href=\"" + example + u"\"><code>" + example + u"</code></a>");
        html += u"<tr><td>" + endpoint.methodLabel() + u"</td><td>" + link + u"</td><td>"
                + QString::fromUtf8(endpoint.description).toHtmlEscaped() + u"</td></tr>\n";
    }
    html += u"</table>\n</body></html>\n";
    DemoResponse response;
    response.header("Content-Type", "text/html; charset=utf-8");
    response.body = html.toUtf8();
    return response;
}

DemoResponse DemoHttpConnection::serveStatus(const QByteArray &argument)
{
    qint64 code = 0;
    // 1xx cannot be a final response (RFC 9110 §15.2), so only 200..599 are served.
    if (!parseDemoDigits(argument, 12, &code) || code < 200 || code > 599)
        return DemoResponse::error(400, "status must be a number from 200 to 599");
    const int status = int(code);
    DemoResponse response;
    if (status != 204 && status != 304) {
        response = DemoResponse::json(status, QJsonObject{{QStringLiteral("status"), status},
                                                          {QStringLiteral("reason"), QString::fromLatin1(DemoResponse::reasonPhrase(status))}});
    }
    response.status = status;
    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
        response.header("Location", "/get");
    if (status == 401) // RFC 9110 §15.5.2: MUST send WWW-Authenticate.
        response.header("WWW-Authenticate", "Basic realm=\"wirescope-demo\"");
    if (status == 407) // RFC 9110 §15.5.8: MUST send Proxy-Authenticate.
        response.header("Proxy-Authenticate", "Basic realm=\"wirescope-demo\"");
    if (status == 405) // RFC 9110 §15.5.6: MUST send Allow.
        response.header("Allow", "GET, HEAD");
    if (status == 429 || status == 503) // RFC 9110 §10.2.3.
        response.header("Retry-After", "1");
    return response;
}

void DemoHttpConnection::serveDelay(const QByteArray &argument)
{
    bool ok = false;
    const double seconds = argument.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0) {
        respond(DemoResponse::error(400, "delay must be a number of seconds, e.g. /delay/1.5"));
        return;
    }
    const double delay = qMin(seconds, DemoLimits::maxDelaySeconds);
    m_job = new QObject(this);
    auto *timer = new QTimer(m_job);
    timer->setSingleShot(true);
    // A coarse timer may fire up to 5 % early; /delay/1 must never answer before 1 s.
    timer->setTimerType(Qt::PreciseTimer);
    connect(timer, &QTimer::timeout, this, [this, delay] {
        QJsonObject object = echo();
        object.insert(QStringLiteral("delay"), delay);
        respond(DemoResponse::json(200, object));
    });
    timer->start(int(std::lround(delay * 1000)));
}

DemoResponse DemoHttpConnection::serveBytes(const QByteArray &argument)
{
    qint64 count = 0;
    if (!parseDemoDigits(argument, 12, &count))
        return DemoResponse::error(400, "n must be a number of bytes, e.g. /bytes/1024");
    if (count > DemoLimits::maxResponseBytes)
        return DemoResponse::error(400, "at most 10485760 bytes (10 MiB)");
    const QUrlQuery query = m_request.queryItems();
    bool seeded = false;
    const quint32 seed = query.queryItemValue(QStringLiteral("seed")).toUInt(&seeded);
    // Seeded (default seed 0), so the same URL always gives the same bytes.
    QRandomGenerator generator(seeded ? seed : 0u);
    QByteArray bytes(count, Qt::Uninitialized);
    for (qint64 i = 0; i < count; ++i)
        bytes[i] = char(generator.generate() & 0xff);
    DemoResponse response;
    response.header("Content-Type", "application/octet-stream");
    response.body = bytes;
    return response;
}

void DemoHttpConnection::serveStream(const QByteArray &argument)
{
    qint64 lines = 0;
    if (!parseDemoDigits(argument, 12, &lines) || lines > DemoLimits::maxStreamLines) {
        respond(DemoResponse::error(400, "n must be a number of lines from 0 to 10000"));
        return;
    }
    const QUrlQuery query = m_request.queryItems();
    int interval = 100;
    if (query.hasQueryItem(QStringLiteral("interval_ms"))) {
        bool ok = false;
        interval = query.queryItemValue(QStringLiteral("interval_ms")).toInt(&ok);
        if (!ok || interval < 0 || interval > DemoLimits::maxStreamIntervalMs) {
            respond(DemoResponse::error(400, "interval_ms must be from 0 to 5000"));
            return;
        }
    }
    // RFC 9112 §7.1: chunked needs HTTP/1.1; an HTTP/1.0 client gets a close-delimited body.
    const bool chunked = m_request.minorVersion >= 1;
    if (!chunked)
        m_keepAlive = false;
    m_socket->write(DemoResponse::streamHead(200, "application/x-ndjson", chunked, m_keepAlive));
    if (m_request.method == "HEAD") {
        finishExchange(200);
        return;
    }
    const QJsonObject base = echo();
    m_job = new QObject(this);
    auto *timer = new QTimer(m_job);
    timer->setTimerType(Qt::PreciseTimer);
    auto sent = std::make_shared<qint64>(0);
    auto sendNext = [this, base, lines, chunked, sent, timer] {
        if (*sent < lines) {
            QJsonObject line = base;
            line.insert(QStringLiteral("id"), *sent);
            line.insert(QStringLiteral("t_ns"), demoWallClockNs());
            const QByteArray data = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
            m_socket->write(chunked ? DemoResponse::chunk(data) : data);
            ++*sent;
        }
        if (*sent >= lines) {
            timer->stop();
            if (chunked)
                m_socket->write("0\r\n\r\n");
            finishExchange(200);
        }
    };
    connect(timer, &QTimer::timeout, m_job, sendNext);
    sendNext();
    if (m_job)
        timer->start(interval);
}

void DemoHttpConnection::serveSse()
{
    const QUrlQuery query = m_request.queryItems();
    struct Parameter {
        const char *name;
        qint64 value; // the default until the query says otherwise
        qint64 min;
        qint64 max;
        const char *problem;
    };
    Parameter parameters[] = {
        {"hz", 10, 1, DemoLimits::maxSseHz, "hz must be from 1 to 10000 events per second"},
        {"count", 20, 0, std::numeric_limits<qint64>::max(), "count must be 0 (endless) or more"},
        {"size", 0, 0, DemoLimits::maxSseSize, "size must be from 0 to 1048576 bytes"},
        {"retry", 2000, 0, DemoLimits::maxSseRetryMs, "retry must be from 0 to 3600000 ms"},
        {"heartbeat_ms", 1000, 0, 60000, "heartbeat_ms must be from 0 (none) to 60000"},
        {"drop_after", 0, 0, std::numeric_limits<qint64>::max(), "drop_after must be 0 (never) or more"},
    };
    for (Parameter &parameter : parameters) {
        const QString name = QString::fromLatin1(parameter.name);
        if (!query.hasQueryItem(name))
            continue;
        bool ok = false;
        const qint64 value = query.queryItemValue(name).toLongLong(&ok);
        if (!ok || value < parameter.min || value > parameter.max) {
            respond(DemoResponse::error(400, parameter.problem));
            return;
        }
        parameter.value = value;
    }
    const qint64 hz = parameters[0].value;
    const qint64 count = parameters[1].value;
    const qint64 size = parameters[2].value;
    const qint64 retry = parameters[3].value;
    const qint64 heartbeat = parameters[4].value;
    const qint64 dropAfter = parameters[5].value;
    // WHATWG HTML §9.2.4: a reconnecting EventSource sends the last id it saw; the stream
    // goes on after it (ids that are not numbers start it again).
    bool resumed = false;
    const qint64 lastId = m_request.header("Last-Event-ID").trimmed().toLongLong(&resumed);
    const qint64 first = resumed && lastId >= 0 ? lastId + 1 : 1;

    const bool chunked = m_request.minorVersion >= 1;
    if (!chunked)
        m_keepAlive = false;
    QByteArray head = DemoResponse::streamHead(200, "text/event-stream; charset=utf-8", chunked, m_keepAlive);
    head.insert(head.size() - 2, "Cache-Control: no-cache\r\n");
    m_socket->write(head);
    if (m_request.method == "HEAD") {
        finishExchange(200);
        return;
    }
    m_job = new QObject(this);
    auto *timer = new QTimer(m_job);
    timer->setTimerType(Qt::PreciseTimer);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto next = std::make_shared<qint64>(first);
    auto sentHere = std::make_shared<qint64>(0);
    auto lastWriteNs = std::make_shared<qint64>(0);
    const QByteArray method = m_request.method;
    const auto write = [this, chunked, lastWriteNs, clock](const QByteArray &text) {
        m_socket->write(chunked ? DemoResponse::chunk(text) : text);
        *lastWriteNs = clock->nsecsElapsed();
    };
    const auto end = [this, chunked, timer] {
        timer->stop();
        if (chunked)
            m_socket->write("0\r\n\r\n");
        finishExchange(200);
    };
    auto tick = [=] {
        // Events due by now at hz, so rates above the timer's 1 ms still hold; none are
        // written while the client reads slower than they come (the backlog is bounded).
        const qint64 due = first + clock->nsecsElapsed() * hz / 1000000000;
        while (*next <= due && (count == 0 || *next <= count)
               && m_socket->bytesToWrite() < DemoLimits::maxTickerBacklogBytes) {
            QJsonObject data{{QStringLiteral("seq"), *next}, {QStringLiteral("t_ns"), demoWallClockNs()}};
            if (method == "POST")
                data.insert(QStringLiteral("method"), QStringLiteral("POST"));
            QByteArray json = QJsonDocument(data).toJson(QJsonDocument::Compact);
            if (json.size() < size) {
                data.insert(QStringLiteral("pad"), QString(int(size - json.size() - 10), u'x'));
                json = QJsonDocument(data).toJson(QJsonDocument::Compact);
            }
            QByteArray event = "id: " + QByteArray::number(*next) + "\n";
            if (*next == first)
                event += "retry: " + QByteArray::number(retry) + "\n";
            write(event + "data: " + json + "\n\n");
            ++*next;
            if (dropAfter > 0 && ++*sentHere >= dropAfter && (count == 0 || *next <= count)) {
                // Cut without the stream's end: the client is meant to reconnect.
                // This runs inside m_job's timer: it goes later, and nothing here is touched after.
                Q_EMIT requestServed(QString::fromLatin1(m_request.method), QString::fromLatin1(m_request.target), 200);
                m_job->deleteLater();
                m_job = nullptr;
                m_state = State::Closed;
                m_socket->disconnectFromHost();
                return;
            }
        }
        if (count > 0 && *next > count) {
            end();
            return;
        }
    };
    connect(timer, &QTimer::timeout, m_job, tick);
    timer->start(int(qMax<qint64>(1, 1000 / hz)));
    if (heartbeat > 0) {
        // A comment line when nothing else was written for that long: proxies keep the
        // connection, clients see the server is alive, and no event is dispatched.
        auto *beat = new QTimer(m_job);
        connect(beat, &QTimer::timeout, m_job, [=] {
            if (clock->nsecsElapsed() - *lastWriteNs >= heartbeat * 1000000 - 1000000)
                write(": keep-alive\n");
        });
        beat->start(int(heartbeat));
    }
    tick();
}

DemoResponse DemoHttpConnection::serveEncoded(bool gzip)
{
    QJsonObject object = echo();
    object.insert(gzip ? QStringLiteral("gzipped") : QStringLiteral("deflated"), true);
    DemoResponse response = DemoResponse::json(200, object);
    response.body = compress(response.body, gzip);
    if (response.body.isEmpty())
        return DemoResponse::error(500, "compression failed");
    response.header("Content-Encoding", gzip ? "gzip" : "deflate");
    return response;
}

DemoResponse DemoHttpConnection::serveRedirect(const QByteArray &argument)
{
    qint64 count = 0;
    if (!parseDemoDigits(argument, 12, &count) || count < 1 || count > DemoLimits::maxRedirects)
        return DemoResponse::error(400, "n must be from 1 to 50");
    const QByteArray next = count == 1 ? QByteArray("/get") : "/redirect/" + QByteArray::number(count - 1);
    const bool absolute = m_request.queryItems().queryItemValue(QStringLiteral("absolute")) == u"true";
    DemoResponse response = DemoResponse::json(302, QJsonObject{{QStringLiteral("redirects_left"), count - 1}});
    // RFC 9110 §10.2.2: Location may be relative; ?absolute=true gives the full URL.
    response.header("Location", absolute ? baseUrl().toUtf8() + next + "?absolute=true" : next);
    return response;
}

DemoResponse DemoHttpConnection::serveCookiesSet(bool remove)
{
    DemoResponse response = DemoResponse::json(302, QJsonObject{{QStringLiteral("location"), QStringLiteral("/cookies")}});
    response.header("Location", "/cookies");
    for (const auto &[name, value] : m_request.queryItems().queryItems(QUrl::FullyDecoded)) {
        const QByteArray cookieName = name.toUtf8();
        // RFC 6265 §4.1.1: cookie-name is a token; values are percent-encoded to stay valid.
        for (char c : cookieName) {
            if (uchar(c) <= 0x20 || uchar(c) >= 0x7f || QByteArrayView("()<>@,;:\\\"/[]?={}").contains(c))
                return DemoResponse::error(400, "cookie name must be a token (RFC 6265 section 4.1.1)");
        }
        if (cookieName.isEmpty())
            return DemoResponse::error(400, "empty cookie name");
        if (remove)
            response.header("Set-Cookie", cookieName + "=; Max-Age=0; Path=/");
        else
            response.header("Set-Cookie", cookieName + '=' + QUrl::toPercentEncoding(value, "!#$&'()*+-./:<=>?@[]^_`{|}~") + "; Path=/");
    }
    return response;
}

void DemoHttpConnection::servePoll()
{
    const QUrlQuery query = m_request.queryItems();
    int timeout = DemoLimits::defaultPollTimeoutSeconds;
    if (query.hasQueryItem(QStringLiteral("timeout"))) {
        bool ok = false;
        timeout = query.queryItemValue(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || timeout < 0 || timeout > DemoLimits::maxPollTimeoutSeconds) {
            respond(DemoResponse::error(400, "timeout must be from 0 to 120 seconds"));
            return;
        }
    }
    if (!m_events) {
        respond(DemoResponse::error(503, "the server is stopping"));
        return;
    }
    qint64 since = m_events->lastId();
    if (query.hasQueryItem(QStringLiteral("since"))) {
        bool ok = false;
        since = query.queryItemValue(QStringLiteral("since")).toLongLong(&ok);
        if (!ok || since < 0) {
            respond(DemoResponse::error(400, "since must be an event id (0 or more)"));
            return;
        }
    }
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto answer = [this, since, clock](bool timedOut) {
        QJsonArray events;
        qint64 lastId = since;
        if (m_events) {
            for (const DemoEvent &event : m_events->eventsAfter(since, DemoLimits::maxEventsPerPoll)) {
                events.append(event.toJson());
                lastId = event.id;
            }
        }
        respond(DemoResponse::json(200, QJsonObject{{QStringLiteral("events"), events},
                                                    {QStringLiteral("last_id"), lastId},
                                                    {QStringLiteral("timed_out"), timedOut},
                                                    {QStringLiteral("waited_ms"), clock->elapsed()}}));
    };
    if (!m_events->eventsAfter(since, 1).isEmpty()) {
        answer(false);
        return;
    }
    m_job = new QObject(this);
    auto *timer = new QTimer(m_job);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    connect(timer, &QTimer::timeout, m_job, [answer] { answer(true); });
    connect(m_events, &DemoEventLog::eventAdded, m_job, [answer] { answer(false); });
    timer->start(timeout * 1000);
}

DemoResponse DemoHttpConnection::servePublish()
{
    if (m_request.body.size() > DemoLimits::maxChatMessageBytes)
        return DemoResponse::error(413, "a published message is at most 64 KiB");
    if (!m_events)
        return DemoResponse::error(503, "the server is stopping");
    const std::optional<QString> text = utf8Text(m_request.body);
    if (!text)
        return DemoResponse::error(400, "the message must be UTF-8 text");
    const qint64 id = m_events->append(QStringLiteral("publish"), QJsonObject{{QStringLiteral("message"), *text}});
    return DemoResponse::json(200, QJsonObject{{QStringLiteral("id"), id}});
}

} // namespace wirescope

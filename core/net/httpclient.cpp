#include "core/net/httpclient.h"

#include "core/net/httpconnection.h"
#include "core/session/session.h"
#include "core/session/sessionclock.h"
#include "core/session/timelinewriter.h"
#include "core/wire/contentdecoder.h"
#include "core/wire/httpviolations.h"
#include "core/wire/httprequestwriter.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>

namespace wirescope {

namespace {

std::optional<QByteArray> loadBodyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

void registerTypes()
{
    static const bool done = [] {
        qRegisterMetaType<wirescope::HttpProgress>();
        qRegisterMetaType<wirescope::HttpExchangeRecord>();
        qRegisterMetaType<wirescope::Failure>();
        qRegisterMetaType<wirescope::HttpRequest>();
        qRegisterMetaType<wirescope::HttpResponse>();
        qRegisterMetaType<wirescope::PhaseTimings>();
        qRegisterMetaType<wirescope::TlsInfo>();
        return true;
    }();
    Q_UNUSED(done);
}

QString originOf(const PreparedRequest &r)
{
    return r.scheme + QLatin1String("://") + r.host + u':' + QString::number(r.port);
}

// Where an exchange that ran out of time stood, from the phases it reached: a stalled TLS
// handshake (an https:// URL aimed at a plain-HTTP port) is not "no connection".
QString stalledStage(const PhaseTimings &t)
{
    if (t.sendStartNs < 0) {
        if (t.sslStartNs >= 0 && t.sslEndNs < 0)
            return QStringLiteral("stalled in the TLS handshake (TCP connected; the server did not complete it)");
        if (t.connectStartNs >= 0 && t.connectEndNs < 0)
            return QStringLiteral("stalled in the TCP connect");
        if (t.dnsStartNs >= 0 && t.dnsEndNs < 0)
            return QStringLiteral("stalled resolving the name");
        return QStringLiteral("the request was not sent");
    }
    if (t.firstByteNs < 0)
        return QStringLiteral("the request was sent; no byte of the response came");
    return QStringLiteral("the response was still arriving");
}

} // namespace

HttpExchange::HttpExchange(HttpClient *client, quint64 id)
    : QObject(client)
    , m_client(client)
{
    m_record.id = id;
}

HttpExchange::~HttpExchange()
{
    if (!m_finished && m_connection)
        m_client->releaseConnection(m_connection, false);
}

void HttpExchange::cancel()
{
    if (m_finished)
        return;
    m_client->failExchange(this, Failure::of(failures::Cancelled));
}

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_ownClock(std::make_unique<SessionClock>())
    , m_clock(m_ownClock.get())
{
    registerTypes();
}

HttpClient::HttpClient(Session *session, QObject *parent)
    : QObject(parent)
    , m_ownClock(session ? nullptr : std::make_unique<SessionClock>())
    , m_clock(session ? &session->clock() : m_ownClock.get())
    , m_session(session)
    , m_recorder(session ? std::make_unique<TimelineWriter>(session->recorder(), this) : nullptr)
{
    registerTypes();
}

HttpClient::~HttpClient()
{
    // Children are deleted by ~QObject after our members are gone: detach them first so an
    // unfinished exchange does not hand its connection back to a pool that no longer exists.
    const QList<HttpExchange *> exchanges = findChildren<HttpExchange *>(QString(), Qt::FindDirectChildrenOnly);
    for (HttpExchange *exchange : exchanges)
        exchange->m_finished = true;
    const QList<HttpConnection *> connections = findChildren<HttpConnection *>(QString(), Qt::FindDirectChildrenOnly);
    for (HttpConnection *connection : connections)
        connection->abort();
    m_idle.clear();
}

void HttpClient::warmUpTls()
{
    if (!QSslSocket::supportsSsl())
        return;
    QSslConfiguration::defaultConfiguration().caCertificates();
    QSslSocket probe; // the backend's per-socket initialisation
    probe.setSslConfiguration(QSslConfiguration::defaultConfiguration());
}

int HttpClient::idleConnectionCount() const
{
    return int(m_idle.size());
}

void HttpClient::closeIdleConnections()
{
    const QList<HttpConnection *> idle = m_idle.values();
    m_idle.clear();
    for (HttpConnection *c : idle) {
        c->abort();
        c->deleteLater();
    }
}

QString HttpClient::poolKey(const PreparedRequest &prepared, const HttpRequestOptions &options) const
{
    // Connections are shared only between requests that would open an identical one.
    QString key = originOf(prepared);
    if (options.proxy.type() != QNetworkProxy::NoProxy)
        key += QStringLiteral("|proxy=%1:%2").arg(options.proxy.hostName()).arg(options.proxy.port());
    if (prepared.scheme == u"https") {
        key += options.ignoreCertificateErrors ? QLatin1String("|insecure") : QLatin1String("|verify");
        for (const QSslCertificate &c : options.caCertificates)
            key += u'|' + QString::fromLatin1(c.digest(QCryptographicHash::Sha256).toHex().left(16));
    }
    return key;
}

HttpExchange *HttpClient::start(const HttpRequest &request, const HttpRequestOptions &options,
                                const VariableScope &variables)
{
    return start(reserveExchangeId(), request, options, variables);
}

HttpExchange *HttpClient::start(quint64 id, const HttpRequest &request, const HttpRequestOptions &options,
                                const VariableScope &variables)
{
    const qint64 startNs = m_clock->nowNs();
    return start(id, startNs, request, prepareRequest(request, variables, loadBodyFile), options);
}

HttpExchange *HttpClient::startPrepared(const HttpRequest &asComposed, const PreparedRequest &prepared,
                                const HttpRequestOptions &options)
{
    return start(reserveExchangeId(), m_clock->nowNs(), asComposed, prepared, options);
}

HttpExchange *HttpClient::start(quint64 id, qint64 startNs, const HttpRequest &request,
                                const PreparedRequest &prepared, const HttpRequestOptions &options)
{
    auto *exchange = new HttpExchange(this, id);
    exchange->m_record.request = request;
    exchange->m_record.options = options;
    exchange->m_record.startNs = startNs;
    if (options.totalTimeoutMs > 0) {
        auto *timer = new QTimer(exchange);
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer); // the limit the user set, not 5 % less
        connect(timer, &QTimer::timeout, exchange, [this, exchange] {
            QString stage;
            if (!exchange->m_record.hops.isEmpty()) {
                HttpHop &hop = exchange->m_record.hops.last();
                if (HttpConnection *connection = exchange->m_connection;
                    connection && connection->state() == HttpConnection::State::Connecting)
                    connection->noteConnectProgress(hop);
                stage = QStringLiteral("; ") + stalledStage(hop.timings);
            }
            failExchange(exchange, Failure::of(failures::TimeoutTotal,
                                               QStringLiteral("no complete response within %1 ms")
                                                       .arg(exchange->m_record.options.totalTimeoutMs)
                                                   + stage));
        });
        timer->start(options.totalTimeoutMs);
        exchange->m_totalTimer = timer;
    }
    // Started from the event loop, so the caller can connect to the signals first.
    QTimer::singleShot(0, exchange, [this, exchange, prepared] {
        if (exchange->m_finished)
            return;
        if (!prepared.unresolvedVariables.isEmpty()) {
            failExchange(exchange, Failure::of(failures::UnresolvedVariables,
                                               prepared.unresolvedVariables.join(QLatin1String(", "))));
            return;
        }
        if (!prepared.errors.isEmpty()) {
            failExchange(exchange, Failure::of(failures::RequestInvalid, prepared.errors.join(QLatin1String("; "))));
            return;
        }
        beginHop(exchange, prepared);
    });
    return exchange;
}

void HttpClient::cancel(quint64 id)
{
    const QList<HttpExchange *> exchanges = findChildren<HttpExchange *>(QString(), Qt::FindDirectChildrenOnly);
    for (HttpExchange *exchange : exchanges) {
        if (exchange->id() == id) {
            exchange->cancel();
            return;
        }
    }
}

void HttpClient::beginHop(HttpExchange *exchange, const PreparedRequest &prepared)
{
    HttpHop hop;
    hop.request = prepared;
    const HttpRequestOptions &options = exchange->m_record.options;
    HttpWriterOptions writer;
    writer.acceptEncoding = options.acceptCompressed;
    writer.absoluteForm = options.proxy.type() == QNetworkProxy::HttpProxy && prepared.scheme == u"http";
    if (options.useCookies)
        writer.cookie = cookieHeaderFor(QUrl(prepared.url));
    HttpRequestWriter::completeHeaders(hop.request, writer);
    // RFC 9110 §11.7.2: credentials for an HTTP proxy that receives absolute-form requests
    // (the CONNECT tunnel of https gets them from Qt's proxy handling instead).
    if (writer.absoluteForm && !options.proxy.user().isEmpty() && !hop.request.hasHeader("Proxy-Authorization"))
        hop.request.headers.append(WireHeader{"Proxy-Authorization",
                                              basicAuthorization(options.proxy.user(), options.proxy.password())});
    hop.requestBytes = HttpRequestWriter::write(hop.request, writer);
    hop.timings.startNs = exchange->m_record.hops.isEmpty() ? exchange->m_record.startNs : m_clock->nowNs();
    exchange->m_record.hops.append(std::move(hop));
    sendHop(exchange, options.reuseConnections);
}

void HttpClient::sendHop(HttpExchange *exchange, bool allowReuse)
{
    HttpHop &hop = exchange->m_record.hops.last();
    const QString key = poolKey(hop.request, exchange->m_record.options);
    if (allowReuse) {
        // Most recently used first: the one least likely to have been closed by the server.
        while (HttpConnection *idle = m_idle.take(key)) {
            if (!idle->isIdle()) {
                idle->abort();
                idle->deleteLater();
                continue;
            }
            exchange->m_connection = idle;
            idle->sendOn(exchange, hop.requestBytes);
            return;
        }
    }
    auto *connection = new HttpConnection(this, newConnectionId(), key);
    exchange->m_connection = connection;
    connection->open(exchange, hop.requestBytes);
}

void HttpClient::retryHop(HttpExchange *exchange)
{
    HttpHop &hop = exchange->m_record.hops.last();
    const qint64 start = hop.timings.startNs;
    hop.timings = PhaseTimings();
    hop.timings.startNs = start; // the failed attempt counts as blocked time
    hop.responseBytes.clear();
    hop.response = HttpResponse();
    hop.connection = ConnectionInfo();
    sendHop(exchange, false);
}

void HttpClient::onHopFinished(HttpExchange *exchange, HttpConnection *connection)
{
    HttpHop &hop = exchange->m_record.hops.last();
    const HttpRequestOptions &options = exchange->m_record.options;
    decodeResponseBody(hop.response, options.decodedBodyLimit, options.decodeContent);
    const bool reusable = options.reuseConnections && connection->reusable();
    exchange->m_connection = nullptr;
    releaseConnection(connection, reusable);

    const QUrl url(hop.request.url);
    if (options.useCookies)
        storeCookies(hop.response.headerValues("Set-Cookie"), url);
    // A body its content coding cannot undo (corrupt, truncated, another coding, over the
    // limit) ends the exchange with that violation; the bytes as received stay in the record.
    for (const Violation &v : std::as_const(hop.response.violations)) {
        if (v.kind == &httpv::DecodeFailed || v.kind == &httpv::DecodeLimit) {
            failExchange(exchange, Failure::of(v));
            return;
        }
    }

    const QByteArray location = hop.response.headerValue("Location");
    if (options.followRedirects && isRedirect(hop.response.status) && !location.isEmpty()) {
        if (exchange->m_record.hops.size() > options.maxRedirects) {
            failExchange(exchange, Failure::of(failures::RedirectLimit,
                                               QStringLiteral("more than %1").arg(options.maxRedirects)));
            return;
        }
        // RFC 9110 §10.2.2: Location is a URI reference, resolved against the request URL.
        const QUrl next = url.resolved(QUrl::fromEncoded(location));
        HttpRequest nextRequest;
        nextRequest.setUrl(QString::fromUtf8(next.toEncoded(QUrl::RemoveFragment)));
        PreparedRequest p = prepareRequest(nextRequest, VariableScope(), {});
        if (!p.errors.isEmpty()) {
            failExchange(exchange, Failure::of(failures::RedirectInvalid,
                                               QStringLiteral("\"%1\": %2")
                                                   .arg(QString::fromUtf8(location), p.errors.join(QLatin1String("; ")))));
            return;
        }
        const PreparedRequest &prev = hop.request;
        // RFC 9110 §15.4.4: 303 -> GET. §15.4.2/§15.4.3: 301/302 after POST -> GET (as
        // every browser and curl do). 307/308 keep method and body (§15.4.8, §15.4.9).
        const int status = hop.response.status;
        const bool toGet = (status == 303 && prev.method != "HEAD")
                           || ((status == 301 || status == 302) && prev.method == "POST");
        p.method = toGet ? QByteArray("GET") : prev.method;
        p.body = toGet ? QByteArray() : prev.body;
        const bool sameOrigin = originOf(p) == originOf(prev);
        for (const WireHeader &h : prev.headers) {
            const QByteArray name = h.name.toLower();
            if (name == "host" || name == "content-length" || name == "cookie")
                continue;
            // Credentials never travel to another origin (what curl and browsers do).
            if (!sameOrigin && (name == "authorization" || name == "proxy-authorization"))
                continue;
            if (toGet && (name == "content-type" || name == "transfer-encoding"))
                continue;
            p.headers.append(h);
        }
        beginHop(exchange, p);
        return;
    }
    finishExchange(exchange);
}

void HttpClient::failExchange(HttpExchange *exchange, const Failure &failure)
{
    if (exchange->m_finished)
        return;
    exchange->m_record.error = failure;
    if (HttpConnection *connection = exchange->m_connection) {
        // A time limit or a cancel during the connect: the hop keeps what the connect reached.
        if (connection->state() == HttpConnection::State::Connecting && !exchange->m_record.hops.isEmpty())
            connection->noteConnectProgress(exchange->m_record.hops.last());
        exchange->m_connection = nullptr;
        connection->abort();
        releaseConnection(connection, false);
    }
    finishExchange(exchange);
}

void HttpClient::finishExchange(HttpExchange *exchange)
{
    exchange->m_finished = true;
    exchange->m_record.endNs = m_clock->nowNs();
    if (auto *timer = exchange->findChild<QTimer *>())
        timer->stop();
    HttpProgress p;
    p.phase = ExchangePhase::Done;
    p.hop = int(exchange->m_record.hops.size()) - 1;
    if (!exchange->m_record.hops.isEmpty()) {
        p.bytesSent = exchange->m_record.hops.last().requestBytes.size();
        p.bytesReceived = exchange->m_record.hops.last().responseBytes.size();
    }
    p.tNs = exchange->m_record.endNs;
    emit exchange->progress(p);
    if (m_recorder) {
        const TimelineWriter::Turn turn(m_recorder.get()); // the row is handed over with its turn
        const HttpHop *last = exchange->m_record.finalHop();
        m_recorder->httpExchange(last ? quint32(last->connection.id) : 0, exchange->m_record);
    }
    emit exchange->finished(exchange->m_record);
    emit exchangeFinished(exchange->m_record);
}

quint32 HttpClient::newConnectionId()
{
    return m_session ? m_session->newConnectionId() : quint32(m_nextConnectionId++);
}

QByteArray HttpClient::cookieHeaderFor(const QUrl &url) const
{
    return m_session ? m_session->cookieHeaderFor(url) : m_cookies.cookieHeaderFor(url, QDateTime::currentDateTimeUtc());
}

void HttpClient::storeCookies(const QList<QByteArray> &setCookieValues, const QUrl &url)
{
    if (m_session) {
        m_session->storeCookies(setCookieValues, url);
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QByteArray &value : setCookieValues)
        m_cookies.setCookieFromHeader(value, url, now);
}

void HttpClient::recordChunk(quint32 connection, const CapturedChunk &chunk)
{
    if (m_recorder)
        m_recorder->chunk(connection, chunk);
    emit chunkCaptured(connection, chunk);
}

void HttpClient::recordOpening(quint32 connection, const PreparedRequest &request)
{
    if (m_recorder)
        m_recorder->opening(connection, m_clock->nowNs(),
                            ConnectionOpening{ConnectionProtocol::Http,
                                              request.scheme + QLatin1String("://") + request.host + u':'
                                                  + QString::number(request.port),
                                              {}});
}

void HttpClient::releaseConnection(HttpConnection *connection, bool reusable)
{
    if (reusable) {
        connection->m_exchange = nullptr;
        connection->m_state = HttpConnection::State::Ready;
        m_idle.insert(connection->poolKey(), connection);
        return;
    }
    m_idle.remove(connection->poolKey(), connection);
    connection->abort();
    connection->deleteLater();
}

} // namespace wirescope

#include "core/net/httpconnection.h"

#include "core/net/httpclient.h"
#include "core/session/sessionclock.h"
#include "core/session/timelinewriter.h"
#include "core/wire/eventsourcestate.h"

#include <QPointer>

namespace wirescope {

HttpConnection::HttpConnection(HttpClient *client, quint64 id, const QString &poolKey)
    : QObject(client)
    , m_client(client)
    , m_id(id)
    , m_poolKey(poolKey)
    , m_transport(client->clock(), this)
{
    connect(&m_transport, &Transport::phaseChanged, this, &HttpConnection::onTransportPhase);
    connect(&m_transport, &Transport::connected, this, &HttpConnection::onConnected);
    connect(&m_transport, &Transport::received, this, &HttpConnection::onReadyRead);
    connect(&m_transport, &Transport::allWritten, this, &HttpConnection::onAllWritten);
    connect(&m_transport, &Transport::ended, this, &HttpConnection::onEnded);
}

bool HttpConnection::reusable() const
{
    return m_state == State::Busy && !m_leftover && m_parser.keepAlive() && m_transport.isConnected();
}

void HttpConnection::progress(int phase)
{
    if (!m_exchange)
        return;
    HttpProgress p;
    p.phase = ExchangePhase(phase);
    p.hop = int(m_exchange->m_record.hops.size()) - 1;
    p.bytesSent = m_exchange->m_record.hops.last().requestBytes.size();
    p.bytesReceived = m_exchange->m_record.hops.last().responseBytes.size();
    p.tNs = m_client->clock().nowNs();
    if (p.phase == ExchangePhase::Receiving) {
        const HttpResponse &response = m_parser.response();
        p.status = response.status;
        p.contentType = response.headerValue("Content-Type");
        p.contentEncoding = response.headerValue("Content-Encoding");
        p.chunks = response.chunks.size();
        p.bodyBytes = response.body.size();
    }
    emit m_exchange->progress(p);
}

void HttpConnection::open(HttpExchange *exchange, const QByteArray &requestBytes)
{
    m_exchange = exchange;
    m_requestBytes = requestBytes;
    HttpHop &hop = exchange->m_record.hops.last();
    const HttpRequestOptions &options = exchange->m_record.options;
    TransportOptions transport;
    transport.host = hop.request.host;
    transport.port = hop.request.port;
    transport.tls = hop.request.scheme == u"https";
    transport.proxy = options.proxy;
    // RFC 9112 §3.2.2: plain http through an HTTP proxy is sent to the proxy in absolute-form
    // (the request writer knows); https tunnels through CONNECT.
    transport.forwardPlainThroughHttpProxy = true;
    transport.caCertificates = options.caCertificates;
    transport.ignoreCertificateErrors = options.ignoreCertificateErrors;
    transport.alpn = {QByteArrayLiteral("http/1.1")}; // RFC 7301: this engine speaks nothing else
    transport.connectTimeoutMs = options.connectTimeoutMs;
    m_state = State::Connecting;
    m_client->recordOpening(m_id, hop.request);
    m_transport.open(transport);
}

void HttpConnection::onTransportPhase(Transport::Phase phase)
{
    switch (phase) {
    case Transport::Phase::Resolving: progress(int(ExchangePhase::Resolving)); break;
    case Transport::Phase::Connecting: progress(int(ExchangePhase::Connecting)); break;
    case Transport::Phase::TlsHandshake: progress(int(ExchangePhase::TlsHandshake)); break;
    default: break;
    }
}

void HttpConnection::onConnected()
{
    if (!m_exchange)
        return;
    m_transport.copyPhasesTo(m_exchange->m_record.hops.last().timings);
    writeRequest();
}

void HttpConnection::sendOn(HttpExchange *exchange, const QByteArray &requestBytes)
{
    m_exchange = exchange;
    m_requestBytes = requestBytes;
    exchange->m_record.hops.last().connection.reused = true;
    writeRequest();
}

void HttpConnection::writeRequest()
{
    const TimelineWriter::Turn turn(m_client->m_recorder.get());
    HttpHop &hop = m_exchange->m_record.hops.last();
    noteConnection(hop.connection);
    m_state = State::Busy;
    m_sendDone = false;
    m_gotBytes = false;
    m_leftover = false;
    m_responseStart = m_transport.tap().bytesIn();
    hop.responseStreamOffset = m_responseStart;
    m_parser = HttpResponseParser(m_exchange->m_record.options.limits, m_exchange->m_record.options.leniency);
    // RFC 9110 §7.8: a 101 is a valid answer only to a request that asked for an upgrade.
    m_parser.reset(hop.request.method, m_responseStart, hop.request.hasHeader("Upgrade"));

    const std::optional<CapturedChunk> chunk = m_transport.write(m_requestBytes);
    if (!chunk) {
        // Closed under us: an idle connection the server dropped a moment ago.
        if (hop.connection.reused)
            retryOnNewConnection();
        else
            fail(Failure::of(failures::ConnectClosed));
        return;
    }
    m_client->recordChunk(m_id, *chunk);
    hop.timings.sendStartNs = chunk->tNs;
    if (m_transport.bytesToWrite() == 0) {
        m_sendDone = true;
        hop.timings.sendEndNs = m_client->clock().nowNs();
    }
    ++m_requestsServed;
    progress(int(m_sendDone ? ExchangePhase::Waiting : ExchangePhase::Sending));
}

void HttpConnection::onAllWritten()
{
    if (!m_exchange || m_sendDone || m_state != State::Busy)
        return;
    m_sendDone = true;
    HttpHop &hop = m_exchange->m_record.hops.last();
    if (hop.timings.sendEndNs < 0)
        hop.timings.sendEndNs = m_client->clock().nowNs();
    progress(int(ExchangePhase::Waiting));
}

// One read from the transport (at most Transport::kReadChunk bytes).
void HttpConnection::onReadyRead(const CapturedChunk &chunk)
{
    const TimelineWriter::Turn turn(m_client->m_recorder.get());
    m_client->recordChunk(m_id, chunk);
    const QByteArray &data = chunk.bytes;
    if (!m_exchange || m_state != State::Busy) {
        // Bytes nobody asked for (RFC 9112 §9.3 allows no unsolicited response):
        // this connection cannot be trusted for another request.
        m_leftover = true;
        if (!m_exchange)
            m_client->releaseConnection(this, false); // leaves the pool, closes
        return;
    }
    HttpHop &hop = m_exchange->m_record.hops.last();
    m_gotBytes = true;
    if (hop.timings.firstByteNs < 0) {
        hop.timings.firstByteNs = chunk.tNs;
        // A server may answer before it read the whole request (an early error).
        if (hop.timings.sendEndNs < 0 || hop.timings.sendEndNs > chunk.tNs)
            hop.timings.sendEndNs = chunk.tNs;
    }
    hop.timings.lastByteNs = chunk.tNs;
    const qint64 bodyBefore = m_parser.bodyBytesReceived();
    const ParseResult r = m_parser.feed(data);
    hop.responseBytes.append(data.constData(), r.consumed);
    // An event stream that opened (WHATWG HTML §9.2.3: 200, text/event-stream) lasts as long
    // as the server keeps it, as EventSource has no time limit: the exchange's time limit
    // covered getting it open; from now on the user stops it.
    if (m_exchange->m_totalTimer && m_parser.headComplete() && m_parser.response().status == 200
        && EventSourceState::isEventStream(m_parser.response().headerValue("Content-Type")))
        m_exchange->m_totalTimer->stop();
    if (const qint64 added = m_parser.bodyBytesReceived() - bodyBefore; added > 0) {
        // May end the exchange (a reader that has seen enough cancels it): checked below.
        QPointer<HttpExchange> exchange = m_exchange;
        emit m_exchange->receiving(m_exchange->m_record.hops.size() - 1, m_parser.response(), qsizetype(added), chunk.tNs);
        if (!exchange || m_exchange != exchange || exchange->isFinished())
            return;
    }
    if (r.status == ParseStatus::NeedMore) {
        progress(int(ExchangePhase::Receiving));
        return;
    }
    if (r.consumed < data.size()) {
        // RFC 9112 §6.3: bytes beyond the response are not a response of their own; they
        // are reported and the connection, no longer in step, is not reused.
        m_leftover = true;
        if (r.status == ParseStatus::Complete)
            m_parser.noteExtraBytes(QByteArrayView(data).sliced(r.consumed));
    }
    hop.response = m_parser.response();
    if (r.status == ParseStatus::Error) {
        const Violation &v = hop.response.violations.last();
        fail(Failure::of(v));
        return;
    }
    hop.complete = true;
    HttpExchange *exchange = m_exchange;
    m_client->onHopFinished(exchange, this);
}

void HttpConnection::onEnded(const Failure &failure)
{
    if (failure.isNull()) {
        onDisconnected();
        return;
    }
    if (!m_exchange) {
        m_state = State::Closed;
        m_client->releaseConnection(this, false);
        return;
    }
    if (m_state == State::Connecting)
        noteConnectProgress(m_exchange->m_record.hops.last());
    fail(failure);
}

void HttpConnection::noteConnection(ConnectionInfo &connection) const
{
    connection.id = m_id;
    connection.remoteAddress = m_transport.peerAddress();
    connection.remotePort = m_transport.peerPort();
    connection.localAddress = m_transport.localAddress();
    connection.localPort = m_transport.localPort();
    connection.proxy = m_transport.proxyUrl();
    connection.tls = m_transport.tls();
}

void HttpConnection::noteConnectProgress(HttpHop &hop) const
{
    m_transport.copyPhasesTo(hop.timings);
    if (hop.timings.connectEndNs >= 0) {
        noteConnection(hop.connection); // TCP was up: the addresses are facts
    } else {
        hop.connection.id = m_id;
        hop.connection.proxy = m_transport.proxyUrl();
        hop.connection.tls = m_transport.tls();
    }
}

// The peer ended TCP in order.
void HttpConnection::onDisconnected()
{
    if (!m_exchange) {
        m_state = State::Closed;
        m_client->releaseConnection(this, false);
        return;
    }
    if (m_state != State::Busy)
        return; // a connect that failed ends with a failure
    HttpHop &hop = m_exchange->m_record.hops.last();
    if (hop.connection.reused && !m_gotBytes) {
        retryOnNewConnection();
        return;
    }
    const ParseStatus status = m_parser.finishEof();
    hop.response = m_parser.response();
    if (status != ParseStatus::Complete) {
        const Violation &v = hop.response.violations.last();
        fail(Failure::of(v));
        return;
    }
    hop.complete = true;
    m_state = State::Closed;
    HttpExchange *exchange = m_exchange;
    m_client->onHopFinished(exchange, this);
}

// RFC 9112 §9.3.1: the server may close an idle connection at any time; a request that got
// no byte of answer on a reused connection is retried once on a new one.
void HttpConnection::retryOnNewConnection()
{
    HttpExchange *exchange = m_exchange;
    detachFromExchange();
    m_client->retryHop(exchange);
    m_client->releaseConnection(this, false);
}

void HttpConnection::detachFromExchange()
{
    m_exchange = nullptr;
}

void HttpConnection::fail(const Failure &failure)
{
    HttpExchange *exchange = m_exchange;
    abort();
    if (exchange)
        m_client->failExchange(exchange, failure);
    m_client->releaseConnection(this, false);
}

void HttpConnection::abort()
{
    detachFromExchange();
    m_state = State::Closed;
    m_transport.abort();
}

} // namespace wirescope

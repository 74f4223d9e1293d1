#include "core/lab/labhttpdriver.h"

#include "core/lab/labrunner.h"
#include "core/net/httpclient.h"
#include "core/net/httpexchange.h"
#include "core/session/sessionclock.h"

namespace wirescope {

namespace {

constexpr qint64 maxBodyBytes = 64 * 1024 * 1024;

QByteArray mediaType(const HttpResponse &response)
{
    QByteArray value = response.headerValue("Content-Type");
    if (const qsizetype semicolon = value.indexOf(';'); semicolon >= 0)
        value.truncate(semicolon);
    return value.trimmed().toLower();
}

qint64 requestHeadBytes(const QByteArray &requestBytes)
{
    const qsizetype end = requestBytes.indexOf("\r\n\r\n");
    return end < 0 ? requestBytes.size() : end + 4;
}

} // namespace

LabHttpDriver::LabHttpDriver(const LabDriverSetup &setup)
    : LabDriver(setup)
    // A message is `size` bytes on one line; a line many times longer is a server that
    // never ends it (a bounded wait instead of a growing buffer).
    , m_maxLineBytes(qMax(4096, 4 * setup.config.size))
{
    m_pollTimer.setSingleShot(true);
    m_pollTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_pollTimer, &QTimer::timeout, this, &LabHttpDriver::startPoll);
}

LabHttpDriver::~LabHttpDriver()
{
    abortIo();
}

bool LabHttpDriver::usesChannel() const
{
    // Echo over poll and keepalive is answered in the response to each message itself.
    return !(m_setup.config.workload == LabWorkload::Echo
             && (m_setup.transport == LabTransport::Poll || m_setup.transport == LabTransport::KeepAlive));
}

bool LabHttpDriver::isStreaming() const
{
    return m_setup.transport == LabTransport::Sse || m_setup.transport == LabTransport::Stream;
}

QString LabHttpDriver::channelEndpoint() const
{
    switch (m_setup.transport) {
    case LabTransport::LongPoll: return QStringLiteral("longpoll");
    case LabTransport::Sse: return QStringLiteral("sse");
    case LabTransport::Stream: return QStringLiteral("stream");
    default: return QStringLiteral("poll");
    }
}

HttpRequestOptions LabHttpDriver::options(bool keepAlive) const
{
    HttpRequestOptions o;
    o.connectTimeoutMs = m_setup.config.connectTimeoutMs;
    // The engine's own limit, should the lab's deadline not come first.
    o.totalTimeoutMs = m_setup.config.durationMs + 2 * LabRunner::graceMs;
    o.reuseConnections = keepAlive;
    o.useCookies = false;
    o.decodeContent = false;
    o.limits.maxBodyBytes = maxBodyBytes;
    return o;
}

void LabHttpDriver::begin()
{
    m_chunks = connect(m_setup.http, &HttpClient::chunkCaptured, this,
                       [this](quint64 connection, const CapturedChunk &chunk) {
                           m_tally.noteChunk(connection, chunk.direction, chunk.bytes.size());
                       });
    if (!usesChannel())
        return;
    if (isStreaming()) {
        startExchange(Role::Channel, channelEndpoint(), "GET", endpoint(channelEndpoint(), true), {});
        m_channelParametersSent = true;
        return;
    }
    startPoll();
}

HttpExchange *LabHttpDriver::startExchange(Role role, const QString &name, const QByteArray &method, const QUrl &url,
                                           const QByteArray &body)
{
    HttpRequest request;
    request.setMethod(QString::fromLatin1(method));
    request.setUrl(url.toString(QUrl::FullyEncoded));
    // Poll: a new connection per request, and the server is told so (RFC 9112 §9.6).
    const bool closeEach = m_setup.transport == LabTransport::Poll && (role == Role::Channel || name == u"echo");
    if (closeEach)
        request.addHeader(QStringLiteral("Connection"), QStringLiteral("close"));
    if (name == u"sse")
        request.addHeader(QStringLiteral("Accept"), QStringLiteral("text/event-stream"));
    if (!body.isEmpty()) {
        HttpBody b;
        b.kind = BodyKind::Raw;
        b.text = QString::fromLatin1(body);
        b.rawContentType = QStringLiteral("text/plain");
        request.setBody(b);
    }
    HttpExchange *exchange = m_setup.http->start(request, options(!closeEach));
    Exchange state;
    state.role = role;
    state.endpoint = name;
    state.sse = SseParser(SseParserOptions{m_maxLineBytes, m_maxLineBytes});
    m_exchanges.insert(exchange, state);
    connect(exchange, &HttpExchange::receiving, this,
            [this, exchange](int, const HttpResponse &response, qsizetype added, qint64 tNs) {
                onReceiving(exchange, response, added, tNs);
            });
    connect(exchange, &HttpExchange::finished, this,
            [this, exchange](const HttpExchangeRecord &record) { onFinished(exchange, record); });
    return exchange;
}

void LabHttpDriver::startPoll()
{
    if (m_finished || m_wrappingUp)
        return;
    const qint64 now = m_setup.clock->nowNs();
    m_lastPollStartNs = now;
    QUrlQuery after;
    after.addQueryItem(QStringLiteral("after"), QString::number(m_tally.highestServerSeq()));
    HttpExchange *exchange = startExchange(Role::Channel, channelEndpoint(), "GET",
                                           endpoint(channelEndpoint(), !m_channelParametersSent, after), {});
    m_channelParametersSent = true;
    // Poll and keepalive cannot know that nothing more will come: the poll that starts a
    // poll interval after the schedule ended, with every message of the client's written
    // and its relay requests answered, picks up the last of it.
    const qint64 lastNs = scheduleEndNs() + qint64(m_setup.config.pollIntervalMs) * 1'000'000;
    if (m_setup.transport != LabTransport::LongPoll && now >= lastNs && m_sendsOutstanding == 0
        && m_tally.clientWritten() >= clientMessageCount())
        m_exchanges[exchange].finalPoll = true;
    ++m_tally.result().polls;
}

void LabHttpDriver::schedulePoll()
{
    if (m_finished || m_wrappingUp || m_channelEnded)
        return;
    if (m_setup.transport == LabTransport::LongPoll) {
        startPoll();
        return;
    }
    // One request per poll interval, whether or not there was news.
    const qint64 nextNs = m_lastPollStartNs + qint64(m_setup.config.pollIntervalMs) * 1'000'000;
    const qint64 now = m_setup.clock->nowNs();
    m_pollTimer.start(int(qMax<qint64>(0, (nextNs - now + 999'999) / 1'000'000)));
}

bool LabHttpDriver::sendClientMessage(qint64, const QByteArray &message)
{
    const bool echo = !usesChannel();
    const QString name = echo ? QStringLiteral("echo") : QStringLiteral("send");
    startExchange(Role::Send, name, "POST", endpoint(name, !m_sendParametersSent), message);
    m_sendParametersSent = true;
    ++m_sendsOutstanding;
    return true;
}

QString LabHttpDriver::statusError(const QString &name, const HttpResponse &response) const
{
    if (response.status == 404)
        return QStringLiteral("the server has no /lab/%1 endpoint (404)").arg(name);
    return QStringLiteral("the server answered /lab/%1 with %2 %3")
        .arg(name)
        .arg(response.status)
        .arg(QString::fromLatin1(response.reason));
}

void LabHttpDriver::onReceiving(HttpExchange *exchange, const HttpResponse &response, qsizetype added, qint64 tNs)
{
    auto it = m_exchanges.find(exchange);
    if (m_finished || it == m_exchanges.end() || it->role != Role::Channel)
        return;
    Exchange &state = *it;
    if (!state.checked) {
        state.checked = true;
        state.headBytes = response.headBytes;
        state.chunked = response.framing == BodyFraming::Chunked;
        if (response.status != 200)
            return; // judged when it ends: its body is no message
        const QByteArray expected = state.endpoint == u"sse" ? QByteArrayLiteral("text/event-stream")
                                                              : QByteArrayLiteral("application/x-ndjson");
        if (mediaType(response) != expected) {
            fail(QStringLiteral("the server answered /lab/%1 with Content-Type \"%2\", not %3")
                     .arg(state.endpoint, QString::fromLatin1(response.headerValue("Content-Type")),
                          QString::fromLatin1(expected)));
            return;
        }
    }
    if (response.status != 200)
        return;
    state.bodyBytes += added;
    const QByteArrayView fresh = QByteArrayView(response.body).last(added);
    QList<QByteArray> messages;
    LabOverhead &overhead = m_tally.result().overhead;
    if (state.endpoint == u"sse") {
        std::vector<SseRecord> records;
        state.sse.feed(fresh, records);
        for (const SseRecord &record : records) {
            qint64 data = 0;
            if (record.kind == SseRecord::Kind::Event) {
                messages.append(record.data.toUtf8());
                data = messages.last().size();
            }
            overhead.sseFields += record.end - record.start - data;
        }
        if (state.sse.isError()) {
            fail(QStringLiteral("/lab/sse: %1").arg(state.sse.error()));
            return;
        }
    } else {
        state.line.append(fresh);
        qsizetype from = 0;
        for (qsizetype end = state.line.indexOf('\n'); end >= 0; end = state.line.indexOf('\n', from)) {
            messages.append(state.line.mid(from, end - from));
            ++overhead.delimiters;
            from = end + 1;
        }
        state.line.remove(0, from);
        if (state.line.size() > m_maxLineBytes) {
            fail(QStringLiteral("the server sent a /lab/%1 line of more than %2 bytes without its end")
                     .arg(state.endpoint)
                     .arg(m_maxLineBytes));
            return;
        }
    }
    const qint64 answersBefore = m_tally.clientAnswered();
    m_tally.noteDelivered(messages, tNs);
    if (m_tally.clientAnswered() > answersBefore)
        noteAnswered();
    else
        checkDone();
}

void LabHttpDriver::onFinished(HttpExchange *exchange, const HttpExchangeRecord &record)
{
    auto it = m_exchanges.find(exchange);
    if (it == m_exchanges.end())
        return;
    Exchange state = *it;
    m_exchanges.erase(it);
    exchange->disconnect(this);
    exchange->deleteLater();
    if (m_finished)
        return;
    account(state, record);
    if (state.role == Role::Channel)
        finishChannel(state, record);
    else
        finishSend(state, record);
}

void LabHttpDriver::finishChannel(Exchange &state, const HttpExchangeRecord &record)
{
    if (!record.error.isNull()) {
        fail(QStringLiteral("/lab/%1: %2").arg(state.endpoint, record.error.message()));
        return;
    }
    const HttpResponse &response = record.hops.last().response;
    if (response.status == 204 && !isStreaming()) {
        ++m_tally.result().emptyResponses;
    } else if (response.status == 200) {
        if (!state.line.isEmpty()) {
            // The last line without its '\n': a message all the same.
            m_tally.noteDelivered({state.line}, record.hops.last().timings.lastByteNs);
            state.line.clear();
        }
    } else {
        fail(statusError(state.endpoint, response));
        return;
    }
    if (isStreaming() || state.finalPoll)
        m_channelEnded = true;
    checkDone();
    if (!m_finished && !m_wrappingUp && !isStreaming())
        schedulePoll();
}

void LabHttpDriver::finishSend(Exchange &state, const HttpExchangeRecord &record)
{
    --m_sendsOutstanding;
    if (!record.error.isNull()) {
        fail(QStringLiteral("/lab/%1: %2").arg(state.endpoint, record.error.message()));
        return;
    }
    const HttpHop &hop = record.hops.last();
    const HttpResponse &response = hop.response;
    if (state.endpoint == u"echo") {
        if (response.status != 200) {
            fail(statusError(state.endpoint, response));
            return;
        }
        m_tally.noteDelivered({response.body}, hop.timings.lastByteNs);
        noteAnswered();
        return;
    }
    if (response.status != 204 && response.status != 200 && response.status != 202) {
        fail(statusError(state.endpoint, response));
        return;
    }
    checkDone();
}

void LabHttpDriver::account(const Exchange &state, const HttpExchangeRecord &record)
{
    LabTransportResult &r = m_tally.result();
    for (const HttpHop &hop : record.hops) {
        if (hop.requestBytes.isEmpty())
            continue;
        ++r.requests;
        r.overhead.requestHeads += requestHeadBytes(hop.requestBytes);
        const bool parsed = hop.response.status > 0;
        const qint64 wire = hop.responseBytes.size();
        const qint64 head = qMin(wire, parsed ? hop.response.headBytes : state.headBytes);
        const qint64 body = parsed ? hop.response.body.size() : state.bodyBytes;
        const bool chunked = parsed ? hop.response.framing == BodyFraming::Chunked : state.chunked;
        r.overhead.responseHeads += head;
        if (chunked && wire - head - body > 0)
            r.overhead.chunkFraming += wire - head - body;
    }
}

bool LabHttpDriver::serverSideDone() const
{
    if (m_channelEnded || m_setup.config.workload == LabWorkload::Echo)
        return true;
    // A held-open response is read to its end (the server ends it after the last event):
    // cut short, its last bytes would be counted by the server and never read here.
    return !isStreaming() && allServerMessagesIn();
}

bool LabHttpDriver::channelClosed() const
{
    return m_channelEnded && isStreaming();
}

QString LabHttpDriver::pending() const
{
    for (const Exchange &state : m_exchanges) {
        if (state.role != Role::Channel)
            continue;
        if (isStreaming() && state.checked)
            return QStringLiteral("the /lab/%1 response had not ended").arg(state.endpoint);
        return QStringLiteral("the /lab/%1 request was still unanswered").arg(state.endpoint);
    }
    if (m_sendsOutstanding > 0)
        return QStringLiteral("%1 request(s) carrying the client's messages were unanswered").arg(m_sendsOutstanding);
    return QStringLiteral("%1 of the client's %2 messages had no answer")
        .arg(m_tally.clientWritten() - m_tally.clientAnswered())
        .arg(clientMessageCount());
}

void LabHttpDriver::abortIo()
{
    m_pollTimer.stop();
    const auto exchanges = m_exchanges;
    m_exchanges.clear();
    for (auto it = exchanges.begin(); it != exchanges.end(); ++it) {
        HttpExchange *exchange = it.key();
        exchange->disconnect(this);
        // What it wrote and read so far is on the wire all the same.
        account(it.value(), exchange->record());
        exchange->cancel();
        exchange->deleteLater();
    }
    disconnect(m_chunks);
}

} // namespace wirescope

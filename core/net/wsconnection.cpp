#include "core/net/wsconnection.h"

#include "core/session/session.h"
#include "core/session/sessionclock.h"
#include "core/session/timelinewriter.h"
#include "core/net/tap.h"
#include "core/net/transport.h"
#include "core/wire/permessagedeflate.h"
#include "core/wire/wsframeparser.h"
#include "core/wire/wsframewriter.h"
#include "core/wire/wsviolations.h"

#include <QHash>
#include <QMetaMethod>
#include <QScopeGuard>
#include <QSslSocket>
#include <QTimer>

namespace wirescope {

namespace {

void registerMetaTypes()
{
    static const bool done = [] {
        qRegisterMetaType<WsConnectionState>();
        qRegisterMetaType<WsHandshakeRecord>();
        qRegisterMetaType<WsFrameEvent>();
        qRegisterMetaType<WsMessageEvent>();
        qRegisterMetaType<WsViolationEvent>();
        qRegisterMetaType<WsPongEvent>();
        qRegisterMetaType<WsCloseRecord>();
        qRegisterMetaType<WsErrorEvent>();
        qRegisterMetaType<CapturedChunk>();
        return true;
    }();
    Q_UNUSED(done);
}

// RFC 6455 §7.1.1: once both close frames have crossed, the server SHOULD close TCP at once
// (so that it, not the client, holds TIME_WAIT) and the client SHOULD wait for that; "in
// abnormal cases (such as not having received a TCP Close from the server after a reasonable
// amount of time) a client MAY initiate the TCP Close". This is that reasonable amount of
// time. It only shortens the close (closing TCP after the handshake is still clean, §7.1.4;
// some servers over TLS wait for the client instead); the user's close timeout still bounds
// the whole closing.
constexpr int kServerTcpCloseGraceMs = 500;

// RFC 6455 §4.1: the cookies of a ws:// URL are those of its http:// twin (wss: https).
QUrl httpUrlOf(QUrl url)
{
    url.setScheme(url.scheme().compare(u"wss", Qt::CaseInsensitive) == 0 ? QStringLiteral("https")
                                                                         : QStringLiteral("http"));
    return url;
}

} // namespace

struct WsConnection::Private {
    WsConnection *q;
    SessionClock ownClock;
    const SessionClock *clock;
    Session *session = nullptr;
    // Rows for the session's timeline (null without a session); handed over once per turn.
    std::unique_ptr<TimelineWriter> recorder;
    quint32 connectionId = 0;
    // What we send is decoded and reported when the socket takes it (the Tap's write time),
    // from the bytes written. The send buffer is described by segments, in order.
    struct OutSegment {
        enum class Kind : quint8 {
            Handshake, // the upgrade request: not frames
            Frames,    // any frames (control, fragments, compressed, crafted): parsed
            Message,   // one unfragmented message of ours: its payload is shared, not unmasked again
        } kind = Kind::Frames;
        bool crafted = false;
        WsOpcode opcode = WsOpcode::Text;
        qsizetype length = 0;
        QByteArray payload;
    };
    std::vector<OutSegment> outSegments;
    // Children of the connection, so moveToThread() takes them along (a UI runs the engine
    // on a thread of its own).
    Transport transport;
    QTimer handshakeTimer{q};
    QTimer closeTimer{q};    // the user's close timeout: the longest the closing may take
    QTimer tcpCloseTimer{q}; // kServerTcpCloseGraceMs: the server's turn to close TCP
    QTimer pingTimer{q};
    quint64 autoPings = 0;
    WsHandshakeRequest request;
    HttpResponseParser responseParser;
    WsFrameParser inParser{WsFrameParserOptions{WsRole::Client, 0, 0}};
    WsFrameParser outParser{WsFrameParserOptions{WsRole::Server, 0, 0}};
    WsMessageAssembler inAssembler;
    WsMessageAssembler outAssembler;
    std::unique_ptr<PerMessageDeflate> deflate;    // our compressor and the peer's inflater
    std::unique_ptr<PerMessageDeflate> outInflate; // inflates what we sent, for our own log
    WsFrameWriter writer{WsRole::Client};
    QHash<QByteArray, qint64> pendingPings;
    quint64 frameIndex = 0;
    bool failed = false;
    bool finished = false;
    bool handshakeReported = false;
    // Reused event buffers, one per direction. A slot may send (or close) while we are
    // still iterating, which re-enters processOutgoing: each call works on its own vector.
    std::vector<WsParseEvent> inEvents;
    std::vector<WsParseEvent> outEvents;
    // Frames to send collect in outBuffer and leave in one write: at once when sent from
    // outside, at the end of the read when sent from a slot reacting to what we read (an
    // echo, a pong), so a burst of replies costs one syscall, like QTcpSocket's own buffer
    // but without waiting for another event-loop turn.
    QByteArray outBuffer;
    QByteArray spareOut;
    int sendingDeferred = 0; // > 0 while reading: writes wait for the end of the turn
    bool flushPosted = false; // data sent from outside a turn of ours leaves on the next turn

    Private(WsConnection *owner, const SessionClock *sharedClock, Session *ofSession)
        : q(owner)
        , clock(ofSession ? &ofSession->clock() : sharedClock ? sharedClock : &ownClock)
        , session(ofSession)
        , transport(*clock, owner)
    {
        if (session)
            recorder = std::make_unique<TimelineWriter>(session->recorder(), owner);
    }
    void reportFrame(WsFrameEvent &&event);
    void reportMessage(WsMessageEvent &&event);
    void reportChunk(const CapturedChunk &chunk);
    // Decodes and reports what one write carried, stamped with its time.
    void reportWritten(const QByteArray &written, std::vector<OutSegment> &&segments, qint64 tNs);
    void noteViolation(qint64 t, Direction direction, const Violation &violation);
    void reportHandshake();


    qint64 now() const { return clock->nowNs(); }
    void setState(WsConnectionState state);
    // Reports a failure; the first one is also why the connection closes.
    void reportFailure(const Failure &failure);
    void writeBytes(const QByteArray &bytes, bool crafted = false);
    void flush();      // writes what is queued unless writes wait for the end of the read
    qint64 writeOut(); // writes what is queued now; when it was written (-1: nothing was)
    void scheduleFlush();
    void reportOwnMessage(WsOpcode opcode, const QByteArray &payload, qint64 wireSize, qint64 tNs);
    void disconnectSocket();
    void onConnected();
    void sendRequest();
    void onReadyRead(const CapturedChunk &chunk);
    void onEnded(const Failure &failure);
    void startCloseDeadline();
    // tNs: when the bytes were read (the response time the handshake record keeps).
    void handleHandshakeBytes(const QByteArray &bytes, qint64 tNs);
    void finishHandshake(qsizetype used, const QByteArray &bytes, qint64 tNs);
    // The server closed (or we are ending) while its answer was being read.
    void readHandshakeEof();
    // Frames that lie wholly in `bytes` share its memory (WsFrameParser::feedShared).
    // tNs: when the bytes were read; every event decoded from them carries it.
    void processIncoming(const QByteArray &bytes, qint64 tNs);
    void processOutgoing(QByteArrayView bytes, qint64 tNs, const QByteArray *payload = nullptr, bool crafted = false);
    void writeMessage(WsOpcode opcode, const QByteArray &payload, qsizetype fragmentSize);
    // A frame event costs a copy of the frame: built only when reported and someone listens.
    mutable bool frameListenersKnown = false;
    mutable bool frameListeners = false;
    bool hasFrameListeners() const
    {
        if (!frameListenersKnown) {
            static const QMetaMethod signal = QMetaMethod::fromSignal(&WsConnection::frameDecoded);
            frameListeners = q->isSignalConnected(signal);
            frameListenersKnown = true;
        }
        return frameListeners;
    }
    // The timeline records every frame; without one, frames are built only for listeners.
    bool framesWanted() const { return recorder || hasFrameListeners(); }
    bool reportViolation(qint64 t, Direction direction, const Violation &violation);
    // t: when the bytes were read, as for the frame's other events (and the pong's RTT).
    void handleControl(qint64 t, const WsFrame &frame, const WsAssembleResult &assembled);
    void failWith(const Violation &violation);
    void sendClose(std::optional<quint16> code, const QString &reason);
    void finish();
};

WsConnection::WsConnection(QObject *parent)
    : WsConnection(static_cast<const SessionClock *>(nullptr), nullptr, parent)
{
}

WsConnection::WsConnection(const SessionClock *clock, QObject *parent)
    : WsConnection(clock, nullptr, parent)
{
}

WsConnection::WsConnection(Session *session, QObject *parent)
    : WsConnection(nullptr, session, parent)
{
}

WsConnection::WsConnection(const SessionClock *clock, Session *session, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, clock, session))
{
    registerMetaTypes();
    d->handshakeTimer.setSingleShot(true);
    d->closeTimer.setSingleShot(true);
    // The limits the user set, to the millisecond (a coarse timer may fire 5 % early).
    d->handshakeTimer.setTimerType(Qt::PreciseTimer);
    d->closeTimer.setTimerType(Qt::PreciseTimer);
    d->tcpCloseTimer.setSingleShot(true);
    connect(&d->transport, &Transport::connected, this, [this] { d->onConnected(); });
    connect(&d->transport, &Transport::received, this, [this](const CapturedChunk &chunk) { d->onReadyRead(chunk); });
    connect(&d->transport, &Transport::ended, this, [this](const Failure &failure) { d->onEnded(failure); });
    connect(&d->pingTimer, &QTimer::timeout, this, [this] { ping("auto-" + QByteArray::number(++d->autoPings)); });
    connect(&d->handshakeTimer, &QTimer::timeout, this, [this] {
        d->reportFailure(Failure::of(failures::TimeoutHandshake, QStringLiteral("%1 ms").arg(m_options.handshakeTimeoutMs)));
        abort();
    });
    connect(&d->closeTimer, &QTimer::timeout, this, [this] {
        // Both close frames crossed: the closing handshake is complete and ending TCP now is
        // still a clean close (RFC 6455 §7.1.4). Otherwise the peer's close never came.
        if (!(m_close.sentClose && m_close.receivedClose) && m_close.failure.isNull())
            m_close.failure = Failure::of(failures::TimeoutClose);
        abort();
    });
    connect(&d->tcpCloseTimer, &QTimer::timeout, this, [this] {
        // RFC 6455 §7.1.1: the server had its moment to close TCP first; the client does.
        if (d->transport.isConnected())
            d->disconnectSocket();
    });
}

// The transport (a member) drops its socket without a signal.
WsConnection::~WsConnection() = default;

void WsConnection::connectNotify(const QMetaMethod &signal)
{
    if (!signal.isValid() || signal == QMetaMethod::fromSignal(&WsConnection::frameDecoded))
        d->frameListenersKnown = false;
}

void WsConnection::disconnectNotify(const QMetaMethod &signal)
{
    if (!signal.isValid() || signal == QMetaMethod::fromSignal(&WsConnection::frameDecoded))
        d->frameListenersKnown = false;
}

const Tap &WsConnection::tap() const
{
    return d->transport.tap();
}

const SessionClock &WsConnection::clock() const
{
    return *d->clock;
}

quint32 WsConnection::connectionId() const
{
    return d->connectionId;
}

bool WsConnection::deflateActive() const
{
    return d->deflate != nullptr;
}

void WsConnection::Private::setState(WsConnectionState state)
{
    if (q->m_state == state)
        return;
    q->m_state = state;
    if (state != WsConnectionState::Open)
        pingTimer.stop();
    emit q->stateChanged(state);
}

void WsConnection::Private::reportFailure(const Failure &failure)
{
    if (q->m_close.failure.isNull())
        q->m_close.failure = failure;
    const qint64 t = now();
    if (recorder)
        recorder->failure(connectionId, t, failure);
    emit q->errorOccurred(WsErrorEvent{t, failure});
}

void WsConnection::open(const WsConnectOptions &options)
{
    if (m_state != WsConnectionState::Idle && m_state != WsConnectionState::Closed)
        return;
    m_options = options;
    m_handshake = WsHandshakeRecord();
    m_close = WsCloseRecord();
    m_framesIn = m_framesOut = 0;
    d->outSegments.clear();
    if (d->recorder) {
        // Each open() is a connection of its own in the session; a reconnect appends.
        d->connectionId = d->session->newConnectionId();
        d->recorder->opening(d->connectionId, d->now(),
                           ConnectionOpening{ConnectionProtocol::WebSocket, options.url.toString(), options});
    }
    d->failed = false;
    d->finished = false;
    d->frameIndex = 0;
    d->pendingPings.clear();
    d->outBuffer.clear();
    d->sendingDeferred = 0;
    d->flushPosted = false;
    d->deflate.reset();
    d->outInflate.reset();
    // The answer to the upgrade is read like any HTTP response (RFC 6455 §4.1: it is one).
    d->responseParser = HttpResponseParser(options.httpLimits, options.httpLeniency);
    d->responseParser.reset("GET", 0, true);
    d->handshakeReported = false;
    d->inParser = WsFrameParser(WsFrameParserOptions{WsRole::Client, options.maxFramePayload, 0});
    // What we send is decoded like a server would: it must be masked.
    d->outParser = WsFrameParser(WsFrameParserOptions{WsRole::Server, ~quint64(0) >> 1, 0});
    d->inAssembler = WsMessageAssembler(WsAssemblerOptions{options.maxMessageSize, options.maxInflatedSize});
    d->outAssembler = WsMessageAssembler(WsAssemblerOptions{~quint64(0) >> 1, options.maxInflatedSize});

    const QString scheme = options.url.scheme().toLower();
    const bool secure = scheme == u"wss";
    const bool usable = (scheme == u"ws" || scheme == u"wss") && !options.url.host().isEmpty();
    if (!usable || (secure && !QSslSocket::supportsSsl())) {
        const Failure failure = usable ? Failure::of(failures::TlsUnavailable)
                                       : Failure::of(failures::RequestInvalid,
                                                     QStringLiteral("not a ws:// or wss:// URL: ") + options.url.toString());
        d->setState(WsConnectionState::Connecting);
        // Reported from the event loop, so a caller connecting after open() sees it.
        QTimer::singleShot(0, this, [this, failure] {
            d->reportFailure(failure);
            d->finish();
        });
        return;
    }
    TransportOptions transport;
    transport.host = options.url.host();
    transport.port = quint16(options.url.port(secure ? 443 : 80));
    transport.tls = secure;
    // RFC 6455 §4.1: through an HTTP proxy, ws:// too asks for a CONNECT tunnel (the default).
    transport.proxy = options.proxy;
    transport.caCertificates = options.caCertificates;
    transport.ignoreCertificateErrors = options.ignoreCertificateErrors;
    transport.alpn = {QByteArrayLiteral("http/1.1")}; // RFC 6455 §4.1: the upgrade is an HTTP/1.1 request
    transport.connectTimeoutMs = options.connectTimeoutMs;
    d->setState(WsConnectionState::Connecting);
    d->transport.open(transport);
}

void WsConnection::Private::onConnected()
{
    WsHandshakeRecord &record = q->m_handshake;
    transport.copyPhasesTo(record.timings);
    // RFC 3986 §3.2.2: an IPv6 address is bracketed before the port.
    const auto endpoint = [](const QString &address, quint16 port) -> QString {
        return (address.contains(u':') ? u'[' + address + u']' : address) + u':' + QString::number(port);
    };
    record.peerAddress = endpoint(transport.peerAddress(), transport.peerPort());
    record.localAddress = endpoint(transport.localAddress(), transport.localPort());
    record.tls = transport.tls();
    sendRequest();
}

void WsConnection::Private::sendRequest()
{
    WsHandshakeRequestOptions requestOptions = q->m_options.handshakeRequestOptions();
    if (session && q->m_options.sessionCookies) {
        // RFC 6265 §5.4 for the upgrade request, as a browser sends it: a login made over
        // HTTP in this session carries into the WebSocket.
        const QByteArray jar = session->cookieHeaderFor(httpUrlOf(q->m_options.url));
        for (const QByteArray &pair : jar.split(';')) {
            const QByteArray trimmed = pair.trimmed();
            const qsizetype eq = trimmed.indexOf('=');
            if (eq > 0)
                requestOptions.cookies.append({trimmed.left(eq), trimmed.mid(eq + 1)});
        }
    }
    request = wsBuildHandshakeRequest(requestOptions);
    q->m_handshake.requestBytes = request.bytes;
    outParser.setStreamOffset(request.bytes.size());
    setState(WsConnectionState::Handshaking);
    if (q->m_options.handshakeTimeoutMs > 0)
        handshakeTimer.start(q->m_options.handshakeTimeoutMs);
    outBuffer.append(request.bytes);
    outSegments.push_back(OutSegment{OutSegment::Kind::Handshake, false, WsOpcode::Text, request.bytes.size(), {}});
    q->m_handshake.timings.sendStartNs = writeOut();
}

void WsConnection::Private::flush()
{
    if (sendingDeferred == 0)
        writeOut();
}

// Writes what is queued: one socket write, captured as one chunk (what crossed the socket),
// then decoded and reported with that chunk's time.
qint64 WsConnection::Private::writeOut()
{
    if (outBuffer.isEmpty())
        return -1;
    if (!transport.isConnected()) {
        outBuffer.clear(); // never sent, so never captured nor reported
        outSegments.clear();
        return -1;
    }
    // The written bytes are taken out of the send buffer (what a slot sends while we report
    // them goes into the spare one), then kept as the next spare unless someone holds them.
    const TimelineWriter::Turn turn(recorder.get());
    QByteArray written;
    written.swap(outBuffer);
    outBuffer.swap(spareOut);
    std::vector<OutSegment> segments;
    segments.swap(outSegments);
    qint64 tNs = 0;
    {
        // The Tap records the bytes, then the socket takes them.
        const CapturedChunk chunk = *transport.write(written);
        reportChunk(chunk);
        tNs = chunk.tNs;
    }
    reportWritten(written, std::move(segments), tNs);
    // Keep a modest buffer for the next burst; give a large one back.
    if (written.isDetached() && written.capacity() <= (1 << 20)) {
        written.resize(0);
        spareOut.swap(written);
    }
    return tNs;
}

void WsConnection::Private::reportWritten(const QByteArray &written, std::vector<OutSegment> &&segments, qint64 tNs)
{
    // What a slot sends while we report waits, so reports follow the order on the wire.
    ++sendingDeferred;
    qsizetype at = 0;
    for (OutSegment &segment : segments) {
        const QByteArrayView wire = QByteArrayView(written).sliced(at, segment.length);
        at += segment.length;
        switch (segment.kind) {
        case OutSegment::Kind::Handshake:
            break;
        case OutSegment::Kind::Frames:
            processOutgoing(wire, tNs, nullptr, segment.crafted);
            break;
        case OutSegment::Kind::Message:
            // When nobody asked for frame events there is nothing to parse that our writer
            // does not know; otherwise the header is parsed and the payload shared.
            if (!framesWanted() && outParser.atFrameBoundary() && !outAssembler.inMessage() && !outAssembler.closeSeen())
                reportOwnMessage(segment.opcode, segment.payload, segment.length, tNs);
            else
                processOutgoing(wire, tNs, &segment.payload);
            break;
        }
    }
    // The segment list is kept for the next write (a pipelined burst allocates it once).
    segments.clear();
    if (outSegments.empty() && segments.capacity() > outSegments.capacity())
        outSegments.swap(segments);
    --sendingDeferred;
    flush();
}

void WsConnection::Private::disconnectSocket()
{
    writeOut(); // a close frame queued during this turn leaves first
    transport.close();
}

void WsConnection::Private::writeBytes(const QByteArray &bytes, bool crafted)
{
    outBuffer.append(bytes);
    outSegments.push_back(OutSegment{OutSegment::Kind::Frames, crafted, WsOpcode::Text, bytes.size(), {}});
    flush();
}

// Data messages sent from outside our own turn (a button, a timer, a loop of sends) leave
// together on the next event-loop turn, as QTcpSocket's buffer would send them, instead of
// one syscall each. Sent while we are reading, they leave at the end of that turn.
void WsConnection::Private::scheduleFlush()
{
    if (sendingDeferred > 0 || flushPosted || outBuffer.isEmpty())
        return;
    flushPosted = true;
    QMetaObject::invokeMethod(
        q,
        [this] {
            flushPosted = false;
            flush();
        },
        Qt::QueuedConnection);
}

// A message our writer frames straight into the send buffer.
void WsConnection::Private::writeMessage(WsOpcode opcode, const QByteArray &payload, qsizetype fragmentSize)
{
    const qsizetype at = outBuffer.size();
    writer.appendMessage(outBuffer, opcode, payload, fragmentSize);
    const bool oneFrame = fragmentSize <= 0 || payload.size() <= fragmentSize;
    outSegments.push_back(OutSegment{oneFrame ? OutSegment::Kind::Message : OutSegment::Kind::Frames, false, opcode,
                                     outBuffer.size() - at, oneFrame ? payload : QByteArray()});
    scheduleFlush();
}

void WsConnection::Private::reportOwnMessage(WsOpcode opcode, const QByteArray &payload, qint64 wireSize, qint64 tNs)
{
    WsMessage message;
    message.type = opcode == WsOpcode::Text ? WsMessageType::Text : WsMessageType::Binary;
    message.payload = payload; // shared; text came from QString::toUtf8(), so it is valid UTF-8
    message.wireSize = payload.size();
    message.size = payload.size();
    message.frameCount = 1;
    message.firstFrameOffset = outParser.streamOffset();
    message.lastFrameOffset = message.firstFrameOffset;
    outParser.skipFrame(wireSize);
    ++q->m_framesOut;
    ++frameIndex;
    reportMessage(WsMessageEvent{tNs, Direction::Out, std::move(message)});
}

// One read from the transport (at most Transport::kReadChunk bytes; a flood is read over
// several event-loop turns). Frames that lie wholly in the chunk share its memory: the
// Tap's kept copy, or the transport's read buffer (a fresh one is read into while any of
// them lives).
void WsConnection::Private::onReadyRead(const CapturedChunk &chunk)
{
    const TimelineWriter::Turn turn(recorder.get()); // ends after the replies below are written
    ++sendingDeferred;
    const auto done = qScopeGuard([this] {
        --sendingDeferred;
        flush();
    });
    reportChunk(chunk);
    if (q->m_state == WsConnectionState::Handshaking) {
        if (q->m_handshake.timings.firstByteNs < 0)
            q->m_handshake.timings.firstByteNs = chunk.tNs;
        handleHandshakeBytes(chunk.bytes, chunk.tNs);
    } else if (q->m_state == WsConnectionState::Open || q->m_state == WsConnectionState::Closing) {
        processIncoming(chunk.bytes, chunk.tNs);
    }
}

void WsConnection::Private::handleHandshakeBytes(const QByteArray &bytes, qint64 tNs)
{
    const ParseResult r = responseParser.feed(bytes);
    WsHandshakeRecord &record = q->m_handshake;
    if (r.status == ParseStatus::Error) {
        // Not readable as an HTTP/1.1 response: what came is kept for the raw view and the
        // violation that stopped the parser (an http.* id, as for any exchange) ends it.
        handshakeTimer.stop();
        record.responseBytes += bytes;
        record.timings.lastByteNs = tNs;
        record.response = responseParser.response();
        for (const Violation &v : std::as_const(record.response.violations))
            noteViolation(tNs, Direction::In, v);
        reportHandshake();
        reportFailure(Failure::of(record.response.violations.constLast()));
        transport.abort();
        finish();
        return;
    }
    record.responseBytes += bytes.first(r.consumed);
    if (r.consumed > 0)
        record.timings.lastByteNs = tNs;
    if (r.status == ParseStatus::Complete)
        finishHandshake(r.consumed, bytes, tNs);
}

void WsConnection::Private::finishHandshake(qsizetype used, const QByteArray &bytes, qint64 tNs)
{
    handshakeTimer.stop();
    WsHandshakeRecord &record = q->m_handshake;
    record.timings.lastByteNs = tNs;
    record.response = responseParser.response();
    record.verdict = wsCheckHandshakeResponse(request, record.response);
    if (session && q->m_options.sessionCookies)
        session->storeCookies(record.response.headerValues("Set-Cookie"), httpUrlOf(q->m_options.url));
    std::vector<Violation> violations = record.verdict.violations;
    // RFC 7692 §5: the server's permessage-deflate answer, checked against our offer.
    if (record.verdict.ok && q->m_options.permessageDeflate) {
        for (const QByteArray &element : std::as_const(record.verdict.extensions)) {
            if (!element.toLower().startsWith("permessage-deflate"))
                continue;
            QString why;
            const auto params = pmdNegotiate(q->m_options.deflateOffer, element, &why);
            if (!params) {
                violations.push_back(Violation{&wsv::HandshakeBadExtensionParams, -1, 0, why});
                record.verdict.ok = false;
                break;
            }
            record.deflateNegotiated = true;
            record.deflateParams = *params;
        }
    }
    // What the HTTP parser found (a tolerated leniency, a refusal's truncated body) first.
    for (const Violation &v : std::as_const(record.response.violations))
        noteViolation(record.timings.lastByteNs, Direction::In, v);
    for (const Violation &v : violations)
        noteViolation(record.timings.lastByteNs, Direction::In, v);
    if (!record.verdict.ok) {
        reportHandshake();
        const Violation &first = violations.empty() ? Violation{&wsv::HandshakeBadStatus, -1, 0, QString()} : violations.front();
        reportFailure(Failure::of(first));
        transport.abort();
        finish();
        return;
    }
    if (record.deflateNegotiated) {
        deflate = std::make_unique<PerMessageDeflate>(WsRole::Client, record.deflateParams);
        outInflate = std::make_unique<PerMessageDeflate>(WsRole::Server, record.deflateParams);
        inParser.setAllowedRsvBits(4);
        outParser.setAllowedRsvBits(4);
        inAssembler.setDeflate(deflate.get());
        outAssembler.setDeflate(outInflate.get());
    }
    setState(WsConnectionState::Open);
    q->setPingInterval(q->m_options.pingIntervalMs);
    // Frames are offset in each direction's whole byte stream, the handshake included.
    inParser.setStreamOffset(record.responseBytes.size());
    reportHandshake();
    // RFC 9110 §15.2.2: after the 101's head the connection speaks WebSocket; frames may
    // follow it in the same chunk.
    if (used < bytes.size())
        processIncoming(bytes.sliced(used), record.timings.lastByteNs);
}

void WsConnection::Private::readHandshakeEof()
{
    if (handshakeReported || q->m_state != WsConnectionState::Handshaking)
        return;
    // RFC 9112 §6.3 rule 8: a refusal without framing ends with the close, so it is complete
    // now; one cut short is still reported with its head, its checks and http.truncated.
    responseParser.finishEof();
    if (responseParser.headComplete()) {
        // The last byte came with the last read, not with the close that ended the body.
        const qint64 lastByteNs = q->m_handshake.timings.lastByteNs;
        finishHandshake(0, QByteArray(), lastByteNs >= 0 ? lastByteNs : now());
        return;
    }
    handshakeTimer.stop();
    handshakeReported = true;
    q->m_handshake.response = responseParser.response();
    reportFailure(Failure::of(failures::HandshakeEof));
}

bool WsConnection::Private::reportViolation(qint64 t, Direction direction, const Violation &violation)
{
    noteViolation(t, direction, violation);
    // RFC 6455 §7.1.7: a peer's error fails the connection unless we keep inspecting.
    if (direction == Direction::In && violation.isError() && !q->m_options.keepInspecting && !failed) {
        failWith(violation);
        return true;
    }
    return false;
}

void WsConnection::Private::processIncoming(const QByteArray &bytes, qint64 t)
{
    if (failed)
        return;
    WsParseResult result;
    result.events.swap(inEvents);
    inParser.feedShared(bytes, result);
    const auto recycle = qScopeGuard([this, &result] {
        result.events.clear();
        if (result.events.capacity() > inEvents.capacity())
            inEvents.swap(result.events);
    });
    const bool wantFrames = framesWanted();
    for (WsParseEvent &event : result.events) {
        if (finished || failed)
            return; // a slot closed or aborted the connection
        if (event.type == WsParseEventType::Violation) {
            if (reportViolation(t, Direction::In, event.violation))
                return;
            continue;
        }
        WsFrame &frame = event.frame;
        ++q->m_framesIn;
        const quint64 index = frameIndex++;
        WsAssembleResult assembled = inAssembler.push(frame);
        if (wantFrames)
            reportFrame(WsFrameEvent{t, Direction::In, index, frame, false});
        for (const Violation &v : assembled.violations)
            if (reportViolation(t, Direction::In, v))
                return;
        if (assembled.hasMessage)
            reportMessage(WsMessageEvent{t, Direction::In, std::move(assembled.message)});
        if (frame.header.isControl())
            handleControl(t, frame, assembled);
    }
    if (inParser.state() == WsFrameParser::State::Failed && !failed) {
        // The stream cannot be decoded any further, even when keeping inspecting.
        failed = true;
        if (q->m_close.failure.isNull())
            q->m_close.failure = Failure::of(failures::UnparseableStream);
        sendClose(wsclose::ProtocolError, QString());
        disconnectSocket();
    }
}

void WsConnection::Private::handleControl(qint64 t, const WsFrame &frame, const WsAssembleResult &assembled)
{
    switch (frame.header.opcode) {
    case WsOpcode::Ping:
        emit q->pingReceived(t, frame.payload);
        // RFC 6455 §5.5.2: answer with a pong carrying the same payload (unless we already closed).
        if (q->m_options.autoPong && !q->m_close.sentClose && q->m_state == WsConnectionState::Open)
            writeBytes(writer.pong(frame.payload));
        break;
    case WsOpcode::Pong: {
        WsPongEvent pong{t, frame.payload, -1};
        const auto it = pendingPings.find(frame.payload);
        if (it != pendingPings.end()) {
            pong.rttNs = t - it.value();
            pendingPings.erase(it);
        }
        if (recorder)
            recorder->wsPong(connectionId, pong);
        emit q->pongReceived(pong);
        break;
    }
    case WsOpcode::Close: {
        WsCloseRecord &c = q->m_close;
        if (c.receivedClose)
            break; // a second close is reported as data after close
        c.receivedClose = true;
        c.receivedCode = assembled.close.code;
        c.receivedReason = assembled.close.reason;
        if (!c.sentClose) {
            c.initiator = WsCloseInitiator::Server;
            // RFC 6455 §5.5.1: answer with a close frame, echoing the status code.
            std::optional<quint16> echo = assembled.close.code;
            if (echo && !wsCloseCodeValidOnWire(*echo))
                echo = wsclose::ProtocolError;
            sendClose(echo, QString());
        }
        setState(WsConnectionState::Closing);
        startCloseDeadline(); // from the server's close frame when it closed first
        if (c.sentClose)
            tcpCloseTimer.start(kServerTcpCloseGraceMs); // both close frames crossed
        break;
    }
    default:
        break;
    }
}

void WsConnection::Private::failWith(const Violation &violation)
{
    failed = true;
    q->m_close.failure = Failure::of(violation);
    sendClose(wsCloseCodeFor(violation.kind), QString());
    setState(WsConnectionState::Closing);
    // RFC 6455 §7.1.7: failing closes TCP at once; the close timeout bounds what that waits
    // for (a close frame still being written).
    startCloseDeadline();
    disconnectSocket();
}

// The user's close timeout runs once, from the first close frame (ours or the peer's) to
// the end of TCP: never restarted, never shortened. 0: no limit.
void WsConnection::Private::startCloseDeadline()
{
    if (!closeTimer.isActive() && q->m_options.closeTimeoutMs > 0)
        closeTimer.start(q->m_options.closeTimeoutMs);
}

void WsConnection::Private::sendClose(std::optional<quint16> code, const QString &reason)
{
    WsCloseRecord &c = q->m_close;
    if (c.sentClose || !transport.isConnected())
        return;
    c.sentClose = true;
    c.sentCode = code;
    c.sentReason = reason;
    if (!c.receivedClose && c.initiator == WsCloseInitiator::None)
        c.initiator = WsCloseInitiator::Client;
    writeBytes(writer.close(code, reason));
}

void WsConnection::Private::processOutgoing(QByteArrayView bytes, qint64 t, const QByteArray *payload, bool crafted)
{
    WsParseResult result;
    result.events.swap(outEvents);
    if (payload)
        outParser.feedFrame(bytes, *payload, result);
    else
        outParser.feed(bytes, result);
    const auto recycle = qScopeGuard([this, &result] {
        result.events.clear();
        if (result.events.capacity() > outEvents.capacity())
            outEvents.swap(result.events);
    });
    const bool wantFrames = framesWanted();
    for (WsParseEvent &event : result.events) {
        if (event.type == WsParseEventType::Violation) {
            noteViolation(t, Direction::Out, event.violation);
            continue;
        }
        ++q->m_framesOut;
        const quint64 index = frameIndex++;
        WsAssembleResult assembled = outAssembler.push(event.frame);
        if (wantFrames)
            reportFrame(WsFrameEvent{t, Direction::Out, index, std::move(event.frame), crafted});
        for (const Violation &v : assembled.violations)
            noteViolation(t, Direction::Out, v);
        if (assembled.hasMessage)
            reportMessage(WsMessageEvent{t, Direction::Out, std::move(assembled.message)});
    }
}

void WsConnection::Private::reportFrame(WsFrameEvent &&event)
{
    if (recorder)
        recorder->wsFrame(connectionId, event);
    if (hasFrameListeners())
        emit q->frameDecoded(event);
}

void WsConnection::Private::reportMessage(WsMessageEvent &&event)
{
    if (recorder)
        recorder->wsMessage(connectionId, event);
    emit q->messageDecoded(event);
}

void WsConnection::Private::noteViolation(qint64 t, Direction direction, const Violation &violation)
{
    if (recorder)
        recorder->violation(connectionId, t, direction, violation);
    emit q->violationFound(WsViolationEvent{t, direction, violation});
}

void WsConnection::Private::reportChunk(const CapturedChunk &chunk)
{
    if (recorder)
        recorder->chunk(connectionId, chunk);
    emit q->chunkCaptured(chunk);
}

void WsConnection::Private::reportHandshake()
{
    handshakeReported = true;
    if (recorder)
        recorder->wsHandshake(connectionId, q->m_handshake);
    emit q->handshakeFinished(q->m_handshake);
}

// The transport ended: the peer (or our close) ended TCP, or it failed.
void WsConnection::Private::onEnded(const Failure &failure)
{
    if (finished)
        return;
    if (q->m_state == WsConnectionState::Connecting) {
        // What the connect got to: its phases, and the TLS facts of a refused certificate.
        transport.copyPhasesTo(q->m_handshake.timings);
        q->m_handshake.tls = transport.tls();
    }
    if (!failure.isNull())
        reportFailure(failure);
    else
        readHandshakeEof(); // the peer ended TCP: a refusal's body may end here (RFC 9112 §6.3)
    finish();
}

void WsConnection::Private::finish()
{
    if (finished)
        return;
    finished = true;
    handshakeTimer.stop();
    closeTimer.stop();
    tcpCloseTimer.stop();
    // Ending while a refusal's body was being read: the refusal is still reported.
    if (responseParser.headComplete())
        readHandshakeEof();
    WsCloseRecord &c = q->m_close;
    c.tNs = now();
    // RFC 6455 §7.1.5: 1005 for a close frame without code, 1006 without a close frame.
    if (c.receivedClose) {
        c.code = c.receivedCode ? *c.receivedCode : wsclose::NoStatusReceived;
        c.reason = c.receivedReason;
    } else {
        c.code = wsclose::AbnormalClosure;
        c.reason.clear();
    }
    // RFC 6455 §7.1.4: clean when both close frames crossed and TCP then closed.
    c.clean = c.sentClose && c.receivedClose && !failed && c.failure.isNull();
    setState(WsConnectionState::Closed);
    if (recorder) {
        recorder->wsClosed(connectionId, c);
        recorder->flush();
    }
    emit q->closed(c);
}

bool WsConnection::sendText(const QString &text, qsizetype fragmentSize)
{
    if (m_state != WsConnectionState::Open)
        return false;
    const QByteArray utf8 = text.toUtf8();
    if (d->deflate && d->deflate->compresses())
        d->writeBytes(d->writer.message(WsOpcode::Text, d->deflate->compress(utf8), fragmentSize, true));
    else
        d->writeMessage(WsOpcode::Text, utf8, fragmentSize);
    return true;
}

bool WsConnection::sendBinary(const QByteArray &data, qsizetype fragmentSize)
{
    if (m_state != WsConnectionState::Open)
        return false;
    if (d->deflate && d->deflate->compresses())
        d->writeBytes(d->writer.message(WsOpcode::Binary, d->deflate->compress(data), fragmentSize, true));
    else
        d->writeMessage(WsOpcode::Binary, data, fragmentSize);
    return true;
}

bool WsConnection::ping(const QByteArray &payload)
{
    if (m_state != WsConnectionState::Open)
        return false;
    // A server that never answers must not grow this without bound.
    if (d->pendingPings.size() >= 1024)
        d->pendingPings.clear();
    d->pendingPings.insert(payload.left(125), d->now());
    d->writeBytes(d->writer.ping(QByteArrayView(payload).first(std::min<qsizetype>(payload.size(), 125))));
    return true;
}

void WsConnection::setPingInterval(int intervalMs)
{
    m_options.pingIntervalMs = std::max(0, intervalMs);
    if (m_options.pingIntervalMs > 0 && m_state == WsConnectionState::Open)
        d->pingTimer.start(m_options.pingIntervalMs);
    else
        d->pingTimer.stop();
}

bool WsConnection::pong(const QByteArray &payload)
{
    if (m_state != WsConnectionState::Open)
        return false;
    d->writeBytes(d->writer.pong(QByteArrayView(payload).first(std::min<qsizetype>(payload.size(), 125))));
    return true;
}

bool WsConnection::close(std::optional<quint16> code, const QString &reason)
{
    if (m_state != WsConnectionState::Open)
        return false;
    d->sendClose(code, reason);
    d->setState(WsConnectionState::Closing);
    d->startCloseDeadline();
    return true;
}

bool WsConnection::sendRaw(const QByteArray &bytes)
{
    if (m_state != WsConnectionState::Open && m_state != WsConnectionState::Closing)
        return false;
    d->writeBytes(bytes, true);
    return true;
}

void WsConnection::abort(const Failure &why)
{
    if (!d->finished && m_state != WsConnectionState::Idle)
        d->reportFailure(why);
    abort();
}

void WsConnection::abort()
{
    d->transport.abort();
    d->finish();
}

} // namespace wirescope

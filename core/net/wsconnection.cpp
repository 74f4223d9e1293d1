#include "core/net/wsconnection.h"

#include "core/session/sessionclock.h"
#include "core/net/socketfailure.h"
#include "core/net/tap.h"
#include "core/wire/permessagedeflate.h"
#include "core/wire/wsframeparser.h"
#include "core/wire/wsframewriter.h"
#include "core/wire/wsviolations.h"

#include <QHash>
#include <QMetaMethod>
#include <QScopeGuard>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
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

QString tlsProtocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2: return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3: return QStringLiteral("TLSv1.3");
    case QSsl::DtlsV1_2: return QStringLiteral("DTLSv1.2");
    default: return QStringLiteral("unknown");
    }
}

// RFC 6455 §7.4.1: which close code a violation by the peer calls for.
quint16 closeCodeFor(const ViolationKind *kind)
{
    if (kind == &wsv::InvalidUtf8 || kind == &wsv::InvalidCloseReasonUtf8 || kind == &wsv::InflateFailed)
        return wsclose::InvalidPayload; // 1007
    if (kind == &wsv::MessageTooBig || kind == &wsv::FrameTooBig || kind == &wsv::InflateTooBig)
        return wsclose::MessageTooBig; // 1009
    return wsclose::ProtocolError; // 1002
}

} // namespace

struct WsConnection::Private {
    WsConnection *q;
    SessionClock ownClock;
    const SessionClock *clock;
    std::unique_ptr<Tap> tap;
    QTcpSocket *socket = nullptr;
    QSslSocket *ssl = nullptr;
    // Children of the connection, so moveToThread() takes them along (a UI runs the engine
    // on a thread of its own).
    QTimer connectTimer{q};
    QTimer handshakeTimer{q};
    QTimer closeTimer{q};
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
    qint64 connectStartNs = 0;
    qint64 tcpDoneNs = 0;
    bool failed = false;
    bool finished = false;
    bool handshakeReported = false;
    // Reused event buffers, one per direction. A slot may send (or close) while we are
    // still iterating, which re-enters processOutgoing: each call works on its own vector.
    std::vector<WsParseEvent> inEvents;
    std::vector<WsParseEvent> outEvents;
    // Bytes read land in readBuffer (reused unless someone kept the last chunk). Frames to
    // send collect in outBuffer and leave in one write: at once when sent from outside,
    // at the end of the turn when sent from a slot reacting to what we read (an echo, a
    // pong), so a burst of replies costs one syscall, like QTcpSocket's own buffer but
    // without waiting for another event-loop turn.
    QByteArray readBuffer;
    QByteArray outBuffer;
    int sendingDeferred = 0; // > 0 while reading: writes wait for the end of the turn
    bool flushPosted = false; // data sent from outside a turn of ours leaves on the next turn

    explicit Private(WsConnection *owner, const SessionClock *sharedClock)
        : q(owner)
        , clock(sharedClock ? sharedClock : &ownClock)
        , tap(std::make_unique<Tap>(*clock))
    {
    }

    qint64 now() const { return clock->nowNs(); }
    void setState(WsConnectionState state);
    // Reports a failure; the first one is also why the connection closes.
    void reportFailure(const Failure &failure);
    void writeBytes(const QByteArray &bytes);
    void flush();    // writes what is queued unless writes wait for the end of the turn
    void writeOut(); // writes what is queued now
    void scheduleFlush();
    void reportOwnMessage(WsOpcode opcode, const QByteArray &payload, qint64 wireSize);
    void disconnectSocket();
    void onReadFailed();
    void onConnected();
    void onEncrypted();
    void sendRequest();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    // tNs: when the bytes were read (the response time the handshake record keeps).
    void handleHandshakeBytes(const QByteArray &bytes, qint64 tNs);
    void finishHandshake(qsizetype used, const QByteArray &bytes, qint64 tNs);
    // The server closed (or we are ending) while its answer was being read.
    void readHandshakeEof();
    // Frames that lie wholly in `bytes` share its memory (WsFrameParser::feedShared).
    // tNs: when the bytes were read; every event decoded from them carries it.
    void processIncoming(const QByteArray &bytes, qint64 tNs);
    void processOutgoing(QByteArrayView bytes, const QByteArray *payload = nullptr);
    void writeMessage(WsOpcode opcode, const QByteArray &payload, qsizetype fragmentSize);
    // A frame event costs a copy of the frame: built only when reported and someone listens.
    mutable bool frameListenersKnown = false;
    mutable bool frameListeners = false;
    bool framesWanted() const
    {
        if (!frameListenersKnown) {
            static const QMetaMethod signal = QMetaMethod::fromSignal(&WsConnection::frameDecoded);
            frameListeners = q->isSignalConnected(signal);
            frameListenersKnown = true;
        }
        return q->m_options.reportFrames && frameListeners;
    }
    bool reportViolation(qint64 t, Direction direction, const Violation &violation);
    // t: when the bytes were read, as for the frame's other events (and the pong's RTT).
    void handleControl(qint64 t, const WsFrame &frame, const WsAssembleResult &assembled);
    void failWith(const Violation &violation);
    void sendClose(std::optional<quint16> code, const QString &reason);
    void finish();
    void fillTls();
};

WsConnection::WsConnection(QObject *parent)
    : WsConnection(nullptr, parent)
{
}

WsConnection::WsConnection(const SessionClock *clock, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, clock))
{
    registerMetaTypes();
    d->connectTimer.setSingleShot(true);
    d->handshakeTimer.setSingleShot(true);
    d->closeTimer.setSingleShot(true);
    connect(&d->pingTimer, &QTimer::timeout, this, [this] { ping("auto-" + QByteArray::number(++d->autoPings)); });
    connect(&d->connectTimer, &QTimer::timeout, this, [this] {
        d->reportFailure(Failure::of(failures::ConnectTimeout, QStringLiteral("%1 ms").arg(m_options.connectTimeoutMs)));
        abort();
    });
    connect(&d->handshakeTimer, &QTimer::timeout, this, [this] {
        d->reportFailure(Failure::of(failures::TimeoutHandshake, QStringLiteral("%1 ms").arg(m_options.handshakeTimeoutMs)));
        abort();
    });
    connect(&d->closeTimer, &QTimer::timeout, this, [this] {
        // RFC 6455 §7.1.1: the client waits for the server to end TCP, within reason. Once
        // both close frames crossed, the closing handshake is complete (§7.1.4: closing TCP
        // after it is still a clean close), so the client ends TCP itself.
        if (m_close.sentClose && m_close.receivedClose && d->socket
            && d->socket->state() == QAbstractSocket::ConnectedState) {
            d->disconnectSocket();
            QTimer::singleShot(500, this, [this] { abort(); });
            return;
        }
        if (m_close.failure.isNull())
            m_close.failure = Failure::of(failures::TimeoutClose);
        abort();
    });
}

WsConnection::~WsConnection()
{
    if (d->socket) {
        d->socket->disconnect(this);
        d->socket->abort();
    }
}

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
    return *d->tap;
}

const SessionClock &WsConnection::clock() const
{
    return *d->clock;
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
    emit q->errorOccurred(WsErrorEvent{now(), failure});
}

void WsConnection::open(const WsConnectOptions &options)
{
    if (m_state != WsConnectionState::Idle && m_state != WsConnectionState::Closed)
        return;
    m_options = options;
    m_handshake = WsHandshakeRecord();
    m_close = WsCloseRecord();
    m_framesIn = m_framesOut = 0;
    d->tap = std::make_unique<Tap>(*d->clock);
    d->tap->setKeepChunks(options.keepChunks);
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
    WsAssemblerOptions assemblerOptions{options.maxMessageSize, options.maxInflatedSize, options.validateUtf8};
    d->inAssembler = WsMessageAssembler(assemblerOptions);
    d->outAssembler = WsMessageAssembler(WsAssemblerOptions{~quint64(0) >> 1, options.maxInflatedSize, options.validateUtf8});

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
    if (d->socket) {
        d->socket->disconnect(this);
        d->socket->deleteLater();
    }
    if (secure) {
        d->ssl = new QSslSocket(this);
        d->socket = d->ssl;
        QSslConfiguration conf = d->ssl->sslConfiguration();
        if (!options.caCertificates.isEmpty())
            conf.addCaCertificates(options.caCertificates);
        conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
        conf.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
        d->ssl->setSslConfiguration(conf);
        connect(d->ssl, &QSslSocket::encrypted, this, [this] { d->onEncrypted(); });
        connect(d->ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            const QList<QSslCertificate> chain = d->ssl->peerCertificateChain();
            for (const QSslError &e : errors)
                m_handshake.tls.errors.append(TlsErrorInfo::fromSslError(e, chain));
            if (m_options.ignoreCertificateErrors) {
                // Explicitly asked for: recorded above, then ignored.
                m_handshake.tls.errorsIgnored = true;
                d->ssl->ignoreSslErrors();
            }
        });
    } else {
        d->ssl = nullptr;
        d->socket = new QTcpSocket(this);
    }
    d->socket->setProxy(options.proxy);
    connect(d->socket, &QTcpSocket::connected, this, [this] { d->onConnected(); });
    connect(d->socket, &QTcpSocket::readyRead, this, [this] { d->onReadyRead(); });
    connect(d->socket, &QTcpSocket::disconnected, this, [this] { d->onDisconnected(); });
    connect(d->socket, &QTcpSocket::errorOccurred, this, [this] { d->onSocketError(); });

    d->setState(WsConnectionState::Connecting);
    d->connectStartNs = d->now();
    if (options.connectTimeoutMs > 0)
        d->connectTimer.start(options.connectTimeoutMs);
    const quint16 port = quint16(options.url.port(secure ? 443 : 80));
    if (secure)
        d->ssl->connectToHostEncrypted(options.url.host(), port);
    else // unbuffered: reads land in our buffer and writes leave at once (no extra copy, no extra turn)
        d->socket->connectToHost(options.url.host(), port, QIODevice::ReadWrite | QIODevice::Unbuffered);
}

void WsConnection::Private::onConnected()
{
    tcpDoneNs = now();
    q->m_handshake.connectNs = tcpDoneNs - connectStartNs;
    q->m_handshake.peerAddress = socket->peerAddress().toString() + u':' + QString::number(socket->peerPort());
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (!ssl)
        sendRequest();
}

void WsConnection::Private::fillTls()
{
    TlsInfo &tls = q->m_handshake.tls;
    tls.used = true;
    tls.protocol = tlsProtocolName(ssl->sessionProtocol());
    tls.cipher = ssl->sessionCipher().name();
    tls.alpn = ssl->sslConfiguration().nextNegotiatedProtocol();
    tls.chain.clear();
    const QList<QSslCertificate> chain = ssl->peerCertificateChain();
    for (const QSslCertificate &certificate : chain)
        tls.chain.append(TlsCertificateInfo::fromCertificate(certificate));
    tls.errorsIgnored = q->m_options.ignoreCertificateErrors && !tls.errors.isEmpty();
}

void WsConnection::Private::onEncrypted()
{
    q->m_handshake.tlsNs = now() - tcpDoneNs;
    fillTls();
    sendRequest();
}

void WsConnection::Private::sendRequest()
{
    connectTimer.stop();
    request = wsBuildHandshakeRequest(q->m_options.handshakeRequestOptions());
    q->m_handshake.requestBytes = request.bytes;
    setState(WsConnectionState::Handshaking);
    if (q->m_options.handshakeTimeoutMs > 0)
        handshakeTimer.start(q->m_options.handshakeTimeoutMs);
    q->m_handshake.tNsRequest = now();
    outBuffer.append(request.bytes);
    flush();
}

void WsConnection::Private::flush()
{
    if (sendingDeferred == 0)
        writeOut();
}

// Writes what is queued: one socket write, captured as one chunk (what crossed the socket).
void WsConnection::Private::writeOut()
{
    if (outBuffer.isEmpty())
        return;
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        outBuffer.clear(); // never sent, so never captured
        return;
    }
    {
        const CapturedChunk chunk = tap->record(Direction::Out, outBuffer);
        emit q->chunkCaptured(chunk);
        if (socket)
            socket->write(outBuffer);
    }
    // Keep a modest buffer for the next burst; give a large one back.
    if (outBuffer.capacity() > (1 << 20) || !outBuffer.isDetached())
        outBuffer.clear();
    else
        outBuffer.resize(0);
}

void WsConnection::Private::disconnectSocket()
{
    writeOut(); // a close frame queued during this turn leaves first
    if (socket)
        socket->disconnectFromHost();
}

// Bytes decoded while queued: the log shows them in order, the socket gets them in one write.
void WsConnection::Private::writeBytes(const QByteArray &bytes)
{
    ++sendingDeferred;
    outBuffer.append(bytes);
    processOutgoing(bytes);
    --sendingDeferred;
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

// A message our writer frames straight into the send buffer. Unfragmented, its header is
// parsed from the bytes queued and its payload shared rather than unmasked again; when
// nobody asked for frame events, there is nothing to parse that the writer does not know.
void WsConnection::Private::writeMessage(WsOpcode opcode, const QByteArray &payload, qsizetype fragmentSize)
{
    ++sendingDeferred;
    const qsizetype at = outBuffer.size();
    writer.appendMessage(outBuffer, opcode, payload, fragmentSize);
    const bool oneFrame = fragmentSize <= 0 || payload.size() <= fragmentSize;
    if (oneFrame && !framesWanted() && outParser.atFrameBoundary() && !outAssembler.inMessage()
        && !outAssembler.closeSeen()) {
        reportOwnMessage(opcode, payload, outBuffer.size() - at);
    } else {
        // The view is used before any signal is emitted (a slot may append and reallocate).
        const QByteArrayView wire = QByteArrayView(outBuffer).sliced(at);
        if (oneFrame)
            processOutgoing(wire, &payload);
        else
            processOutgoing(wire);
    }
    --sendingDeferred;
    scheduleFlush();
}

void WsConnection::Private::reportOwnMessage(WsOpcode opcode, const QByteArray &payload, qint64 wireSize)
{
    WsMessage message;
    message.type = opcode == WsOpcode::Text ? WsMessageType::Text : WsMessageType::Binary;
    message.payload = payload; // shared; text came from QString::toUtf8(), so it is valid UTF-8
    message.wireSize = payload.size();
    message.size = payload.size();
    message.frameCount = 1;
    message.firstFrameOffset = outParser.streamOffset();
    outParser.skipFrame(wireSize);
    ++q->m_framesOut;
    ++frameIndex;
    emit q->messageDecoded(WsMessageEvent{now(), Direction::Out, std::move(message)});
}

void WsConnection::Private::onReadyRead()
{
    constexpr qsizetype kReadChunk = 64 * 1024; // larger reads buy nothing on loopback (perf-anchors)
    ++sendingDeferred;
    const auto done = qScopeGuard([this] {
        --sendingDeferred;
        flush();
    });
    // A peer that floods us must not keep the event loop (and a UI) from running: after
    // 1 MiB the rest waits for the next turn.
    constexpr int kReadsPerTurn = 16;
    for (int reads = 0; socket && !finished; ++reads) {
        if (reads == kReadsPerTurn) {
            // An unbuffered socket's notifier fires again by itself, after timers and other
            // sockets had their turn; a buffered (TLS) socket does not signal data it already
            // holds, so come back for it.
            if (ssl)
                QMetaObject::invokeMethod(q, [this] { onReadyRead(); }, Qt::QueuedConnection);
            break;
        }
        if (!readBuffer.isDetached() || readBuffer.capacity() < kReadChunk)
            readBuffer = QByteArray(kReadChunk, Qt::Uninitialized); // the last chunk is still held
        else
            readBuffer.resize(kReadChunk);
        const qint64 n = socket->read(readBuffer.data(), kReadChunk);
        if (n <= 0) {
            if (n < 0)
                onReadFailed();
            break;
        }
        readBuffer.resize(n);
        // A kept chunk is an exact-size copy: frames share it, so payloads cost no memory of
        // their own. Otherwise frames share the read buffer (a fresh one is read into while
        // any of them lives; a nested event loop in a slot does the same).
        const CapturedChunk chunk = tap->record(Direction::In, readBuffer);
        const QByteArray bytes = tap->keepsChunks() ? chunk.bytes : readBuffer;
        emit q->chunkCaptured(chunk);
        if (q->m_state == WsConnectionState::Handshaking)
            handleHandshakeBytes(bytes, chunk.tNs);
        else if (q->m_state == WsConnectionState::Open || q->m_state == WsConnectionState::Closing)
            processIncoming(bytes, chunk.tNs);
        if (n < kReadChunk)
            break; // drained; an unbuffered socket's notifier fires again for more
    }
}

// An unbuffered socket reports the peer's FIN (or a reset) only through read() returning
// -1: no disconnected() signal follows, so the connection ends here.
void WsConnection::Private::onReadFailed()
{
    if (ssl || !socket || socket->state() != QAbstractSocket::UnconnectedState)
        return; // buffered (TLS) sockets signal disconnected() themselves
    onSocketError();
    finish();
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
        record.tNsResponse = tNs;
        record.response = responseParser.response();
        for (const Violation &v : std::as_const(record.response.violations))
            emit q->violationFound(WsViolationEvent{tNs, Direction::In, v});
        handshakeReported = true;
        emit q->handshakeFinished(record);
        reportFailure(Failure::of(record.response.violations.constLast()));
        socket->abort();
        finish();
        return;
    }
    record.responseBytes += bytes.first(r.consumed);
    if (r.status == ParseStatus::Complete)
        finishHandshake(r.consumed, bytes, tNs);
}

void WsConnection::Private::finishHandshake(qsizetype used, const QByteArray &bytes, qint64 tNs)
{
    handshakeTimer.stop();
    WsHandshakeRecord &record = q->m_handshake;
    record.tNsResponse = tNs;
    record.response = responseParser.response();
    record.verdict = wsCheckHandshakeResponse(request, record.response);
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
        emit q->violationFound(WsViolationEvent{record.tNsResponse, Direction::In, v});
    for (const Violation &v : violations)
        emit q->violationFound(WsViolationEvent{record.tNsResponse, Direction::In, v});
    if (!record.verdict.ok) {
        handshakeReported = true;
        emit q->handshakeFinished(record);
        const Violation &first = violations.empty() ? Violation{&wsv::HandshakeBadStatus, -1, 0, QString()} : violations.front();
        reportFailure(Failure::of(first));
        socket->abort();
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
    handshakeReported = true;
    emit q->handshakeFinished(record);
    // RFC 9110 §15.2.2: after the 101's head the connection speaks WebSocket; frames may
    // follow it in the same chunk.
    if (used < bytes.size())
        processIncoming(bytes.sliced(used), record.tNsResponse);
}

void WsConnection::Private::readHandshakeEof()
{
    if (handshakeReported || q->m_state != WsConnectionState::Handshaking)
        return;
    // RFC 9112 §6.3 rule 8: a refusal without framing ends with the close, so it is complete
    // now; one cut short is still reported with its head, its checks and http.truncated.
    responseParser.finishEof();
    if (responseParser.headComplete()) {
        finishHandshake(0, QByteArray(), now());
        return;
    }
    handshakeTimer.stop();
    handshakeReported = true;
    q->m_handshake.response = responseParser.response();
    reportFailure(Failure::of(failures::HandshakeEof));
}

bool WsConnection::Private::reportViolation(qint64 t, Direction direction, const Violation &violation)
{
    emit q->violationFound(WsViolationEvent{t, direction, violation});
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
            emit q->frameDecoded(WsFrameEvent{t, Direction::In, index, frame});
        for (const Violation &v : assembled.violations)
            if (reportViolation(t, Direction::In, v))
                return;
        if (assembled.hasMessage)
            emit q->messageDecoded(WsMessageEvent{t, Direction::In, std::move(assembled.message)});
        if (frame.header.isControl())
            handleControl(t, frame, assembled);
        if (!socket)
            return;
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
        // RFC 6455 §7.1.1: the server closes TCP first; the client waits a moment for it
        // (some servers over TLS wait for the client instead), then ends TCP itself.
        closeTimer.start(std::min(q->m_options.closeTimeoutMs > 0 ? q->m_options.closeTimeoutMs : 5000, 500));
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
    sendClose(closeCodeFor(violation.kind), QString());
    setState(WsConnectionState::Closing);
    // RFC 6455 §7.1.7: after failing, the connection is closed; do not wait long.
    closeTimer.start(std::min(q->m_options.closeTimeoutMs > 0 ? q->m_options.closeTimeoutMs : 5000, 1000));
    disconnectSocket();
}

void WsConnection::Private::sendClose(std::optional<quint16> code, const QString &reason)
{
    WsCloseRecord &c = q->m_close;
    if (c.sentClose || !socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    c.sentClose = true;
    c.sentCode = code;
    c.sentReason = reason;
    if (!c.receivedClose && c.initiator == WsCloseInitiator::None)
        c.initiator = WsCloseInitiator::Client;
    writeBytes(writer.close(code, reason));
}

void WsConnection::Private::processOutgoing(QByteArrayView bytes, const QByteArray *payload)
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
    const qint64 t = now();
    const bool wantFrames = framesWanted();
    for (WsParseEvent &event : result.events) {
        if (event.type == WsParseEventType::Violation) {
            emit q->violationFound(WsViolationEvent{t, Direction::Out, event.violation});
            continue;
        }
        ++q->m_framesOut;
        const quint64 index = frameIndex++;
        WsAssembleResult assembled = outAssembler.push(event.frame);
        if (wantFrames)
            emit q->frameDecoded(WsFrameEvent{t, Direction::Out, index, std::move(event.frame)});
        for (const Violation &v : assembled.violations)
            emit q->violationFound(WsViolationEvent{t, Direction::Out, v});
        if (assembled.hasMessage)
            emit q->messageDecoded(WsMessageEvent{t, Direction::Out, std::move(assembled.message)});
    }
}

void WsConnection::Private::onDisconnected()
{
    finish();
}

void WsConnection::Private::onSocketError()
{
    if (!socket || finished)
        return;
    const auto err = socket->error();
    if (err == QAbstractSocket::RemoteHostClosedError) {
        readHandshakeEof();
        return; // finish() runs on disconnected
    }
    if (err == QAbstractSocket::SslHandshakeFailedError && ssl)
        fillTls();
    const bool connected = q->m_state != WsConnectionState::Connecting;
    reportFailure(socketFailure(err, connected, socket->errorString(), q->m_handshake.tls));
    if (socket->state() == QAbstractSocket::UnconnectedState)
        finish();
}

void WsConnection::Private::finish()
{
    if (finished)
        return;
    finished = true;
    connectTimer.stop();
    handshakeTimer.stop();
    closeTimer.stop();
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
    d->closeTimer.start(m_options.closeTimeoutMs > 0 ? m_options.closeTimeoutMs : 5000);
    return true;
}

bool WsConnection::sendRaw(const QByteArray &bytes)
{
    if (m_state != WsConnectionState::Open && m_state != WsConnectionState::Closing)
        return false;
    d->writeBytes(bytes);
    return true;
}

void WsConnection::abort()
{
    if (d->socket)
        d->socket->abort();
    d->finish();
}

} // namespace wirescope

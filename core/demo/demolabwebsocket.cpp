#include "core/demo/demolabwebsocket.h"

#include "core/demo/demolabmeter.h"
#include "core/demo/demolabrun.h"
#include "core/demo/demolimits.h"
#include "core/wire/wsclosecode.h"
#include "core/wire/wshandshake.h"
#include "core/wire/wsviolations.h"

#include <QTcpSocket>
#include <QTimer>

namespace wirescope {

namespace {

// A compressed message may come out a little larger than its text (random payloads): frames
// and messages up to twice the lab's limit are read, the inflated message is held to it.
constexpr quint64 kMaxWireMessage = 2ull * DemoLimits::maxLabSize;
constexpr qint64 kBatchBytes = 256 * 1024;
constexpr int kBackpressureRetryMs = 5;

WsFrameParserOptions parserOptions()
{
    WsFrameParserOptions options;
    options.role = WsRole::Server; // what a client sends: every frame masked (RFC 6455 §5.1)
    options.maxFramePayload = kMaxWireMessage;
    return options;
}

WsAssemblerOptions assemblerOptions()
{
    WsAssemblerOptions options;
    options.maxMessageSize = kMaxWireMessage;
    options.maxInflatedSize = DemoLimits::maxLabSize;
    return options;
}

} // namespace

DemoLabWebSocket::DemoLabWebSocket(
    QTcpSocket *socket, const DemoRequest &request, DemoLabRun *run, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_meter(DemoLabMeter::of(socket))
    , m_run(run)
    , m_parser(parserOptions())
    , m_assembler(assemblerOptions())
    , m_retry(new QTimer(this))
    , m_closeWait(new QTimer(this))
{
    socket->setParent(this);
    std::optional<PmdParams> deflate;
    socket->write(handshakeResponse(request, &deflate));
    if (deflate) {
        m_deflate = std::make_unique<PerMessageDeflate>(WsRole::Server, *deflate);
        m_parser.setAllowedRsvBits(4); // RSV1: "per-message compressed" (RFC 7692 §6)
        m_assembler.setDeflate(m_deflate.get());
    }
    m_position = run ? run->firstPosition() : 0;
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &DemoLabWebSocket::pump);
    m_closeWait->setSingleShot(true);
    connect(m_closeWait, &QTimer::timeout, this, &DemoLabWebSocket::endTcp);
    connect(socket, &QTcpSocket::readyRead, this, &DemoLabWebSocket::readFrames);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        m_retry->stop();
        m_closeWait->stop();
        Q_EMIT finished(this);
    });
    if (run) {
        connect(run, &DemoLabRun::messagesAdded, this, &DemoLabWebSocket::pump);
        connect(run, &DemoLabRun::over, this, &DemoLabWebSocket::pump);
        connect(run, &QObject::destroyed, this, &DemoLabWebSocket::pump, Qt::QueuedConnection);
    }
    // Frames may already wait behind the handshake; and the owner connects to finished()
    // after this constructor, so nothing that can end the connection runs before that.
    QTimer::singleShot(0, this, [this] {
        readFrames();
        pump();
    });
}

DemoLabWebSocket::~DemoLabWebSocket() = default;

QByteArray DemoLabWebSocket::handshakeResponse(const DemoRequest &request, std::optional<PmdParams> *deflate)
{
    // RFC 6455 §4.2.2 step 5.
    QByteArray out = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Accept: "
        + wsAcceptFor(request.header("Sec-WebSocket-Key").trimmed()) + "\r\n";
    // RFC 7692 §5: the offer elements in the client's order of preference; the first one this
    // server can accept is answered, the others declined by leaving them out.
    deflate->reset();
    for (const QByteArray &value : request.headerValues("Sec-WebSocket-Extensions")) {
        for (const QByteArray &element : value.split(',')) {
            if (!*deflate)
                *deflate = pmdAcceptOffer(element.trimmed());
        }
    }
    if (*deflate)
        out += "Sec-WebSocket-Extensions: " + (*deflate)->headerValue() + "\r\n";
    return out + "\r\n";
}

void DemoLabWebSocket::goAway()
{
    sendClose(wsclose::GoingAway, QStringLiteral("server stopping"));
    endTcp();
}

void DemoLabWebSocket::readFrames()
{
    const QByteArray bytes = m_meter->read(m_socket->bytesAvailable());
    // After the client's close frame nothing it sends is data (RFC 6455 §5.5.1); after a
    // failure nothing is read at all (§7.1.7).
    if (m_failed || m_closeReceived || bytes.isEmpty())
        return;
    WsParseResult result;
    m_parser.feed(bytes, result);
    for (const WsParseEvent &event : result.events) {
        if (m_failed || m_closeReceived)
            return;
        if (event.type == WsParseEventType::Violation) {
            if (event.violation.isError()) {
                fail(wsCloseCodeFor(event.violation.kind), event.violation.detail);
                return;
            }
            continue;
        }
        onFrame(event.frame);
    }
    if (m_parser.state() == WsFrameParser::State::Failed && !m_failed)
        fail(wsclose::ProtocolError, QStringLiteral("unreadable frame"));
}

void DemoLabWebSocket::onFrame(const WsFrame &frame)
{
    const WsAssembleResult assembled = m_assembler.push(frame);
    for (const Violation &violation : assembled.violations) {
        if (violation.isError()) {
            fail(wsCloseCodeFor(violation.kind), violation.detail);
            return;
        }
    }
    switch (frame.header.opcode) {
    case WsOpcode::Ping:
        // RFC 6455 §5.5.2: a pong with the same payload, unless we already closed.
        if (!m_closeSent)
            m_socket->write(m_writer.pong(frame.payload));
        return;
    case WsOpcode::Close:
        m_closeReceived = true;
        if (!m_closeSent) {
            // RFC 6455 §5.5.1: answer with a close frame, echoing the status code.
            m_closeSent = true;
            m_socket->write(m_writer.close(assembled.close.code));
        }
        // §7.1.1: both close frames crossed: the server closes TCP first.
        endTcp();
        return;
    default:
        break;
    }
    if (assembled.hasMessage)
        onMessage(assembled.message);
}

void DemoLabWebSocket::onMessage(const WsMessage &message)
{
    if (m_closeSent || !m_run)
        return;
    if (message.size > DemoLimits::maxLabSize) {
        fail(wsclose::MessageTooBig, QStringLiteral("lab messages are at most 65536 bytes"));
        return;
    }
    switch (m_run->config().workload) {
    case DemoLabConfig::Workload::Echo: {
        m_run->countEcho();
        QByteArray out;
        const WsOpcode opcode = message.type == WsMessageType::Text ? WsOpcode::Text : WsOpcode::Binary;
        if (m_deflate && m_deflate->compresses())
            m_writer.appendMessage(out, opcode, m_deflate->compress(message.payload), 0, true);
        else
            m_writer.appendMessage(out, opcode, message.payload);
        m_socket->write(out);
        return;
    }
    case DemoLabConfig::Workload::Chat:
        // RFC 6455 §7.4.1: 1003 for data this endpoint cannot accept; the run's readers get
        // one line of printable ASCII (one SSE data line, one NDJSON line).
        if (message.type != WsMessageType::Text || !DemoLabConfig::isLabLine(message.payload)) {
            fail(wsclose::UnsupportedData, QStringLiteral("the lab relays one line of printable ASCII"));
            return;
        }
        m_run->relay(message.payload); // comes back through pump(), among the run's events
        return;
    case DemoLabConfig::Workload::Push:
        return; // nothing to answer
    }
}

void DemoLabWebSocket::pump()
{
    if (m_closeSent || m_retry->isActive())
        return;
    while (m_run && m_socket->bytesToWrite() < DemoLimits::maxTickerBacklogBytes) {
        const QList<DemoLabRun::Entry> entries = m_run->take(&m_position, kBatchBytes);
        if (entries.isEmpty())
            break;
        QByteArray out;
        for (const DemoLabRun::Entry &entry : entries) {
            // One text frame per message; each compressed on its own when negotiated.
            if (m_deflate && m_deflate->compresses())
                m_writer.appendMessage(out, WsOpcode::Text, m_deflate->compress(entry.bytes), 0, true);
            else
                m_writer.appendMessage(out, WsOpcode::Text, entry.bytes);
        }
        m_socket->write(out);
    }
    if (m_run && m_position < m_run->endPosition()) {
        m_retry->start(kBackpressureRetryMs); // the client reads slower than the run writes
        return;
    }
    if (!m_run || m_run->isOver()) {
        sendClose(wsclose::Normal, QStringLiteral("run over"));
        m_closeWait->start(DemoLimits::labWsCloseWaitMs);
    }
}

void DemoLabWebSocket::sendClose(quint16 code, const QString &reason)
{
    if (m_closeSent)
        return;
    m_closeSent = true;
    m_socket->write(m_writer.close(code, reason));
}

void DemoLabWebSocket::fail(quint16 code, const QString &reason)
{
    m_failed = true;
    // RFC 6455 §5.5: a close reason fits in 123 bytes.
    sendClose(code, reason.left(120));
    endTcp();
}

void DemoLabWebSocket::endTcp()
{
    m_retry->stop();
    m_closeWait->stop();
    m_socket->disconnectFromHost(); // what is queued (the close frame) is written first
}

} // namespace wirescope

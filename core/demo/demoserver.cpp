#include "core/demo/demoserver.h"

#include "core/demo/demoeventlog.h"
#include "core/demo/demohttpconnection.h"
#include "core/demo/demolabrun.h"
#include "core/demo/demolabruns.h"
#include "core/demo/demolabwebsocket.h"
#include "core/demo/demolimits.h"
#include "core/demo/demoticker.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

namespace wirescope {

namespace {

constexpr int kTickEventIntervalMs = 5000;

const char *const kPathProperty = "wirescopeDemoPath";

QString pathOf(QWebSocket *socket)
{
    return socket->property(kPathProperty).toString();
}

} // namespace

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_wsServer(new QWebSocketServer(QStringLiteral("wirescope-demo"), QWebSocketServer::NonSecureMode, this))
    , m_events(new DemoEventLog(this))
    , m_labRuns(new DemoLabRuns(this))
    , m_tick(new QTimer(this))
{
    m_wsServer->setSupportedSubprotocols(subprotocols());
    m_wsServer->setMaxPendingConnections(DemoLimits::maxConnections);
    connect(m_server, &QTcpServer::newConnection, this, &DemoServer::acceptConnections);
    connect(m_wsServer, &QWebSocketServer::newConnection, this, &DemoServer::acceptWebSockets);
    m_tick->setInterval(kTickEventIntervalMs);
    connect(m_tick, &QTimer::timeout, this, [this] {
        m_events->append(QStringLiteral("tick"), {});
    });
    // /publish reaches the chat clients too, so HTTP and WebSocket users see each other.
    connect(m_events, &DemoEventLog::eventAdded, this, [this](const DemoEvent &event) {
        if (event.type == u"publish") {
            const QString text = event.data.value(QStringLiteral("message")).toString();
            const QByteArray json = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
            broadcastChat(json, text, {}, false);
        }
    });
}

DemoServer::~DemoServer()
{
    stop();
}

QStringList DemoServer::subprotocols()
{
    return {QStringLiteral("chat"), QStringLiteral("json")};
}

void DemoServer::setTickIntervalMs(int ms)
{
    m_tick->setInterval(qMax(0, ms));
    if (ms <= 0)
        m_tick->stop();
    else if (isListening())
        m_tick->start();
}

int DemoServer::tickIntervalMs() const
{
    return m_tick->interval();
}

bool DemoServer::start(quint16 port)
{
    stop();
    m_error.clear();
    // Loopback only: the demo server is never reachable from another machine.
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        m_error = m_server->errorString();
        return false;
    }
    m_server->setMaxPendingConnections(DemoLimits::maxConnections);
    if (m_tick->interval() > 0)
        m_tick->start();
    Q_EMIT started(httpBaseUrl());
    return true;
}

void DemoServer::stop()
{
    const bool wasListening = m_server->isListening();
    m_server->close();
    m_tick->stop();
    const QList<QWebSocket *> sockets = m_sockets;
    m_sockets.clear();
    m_chat.clear();
    for (QWebSocket *socket : sockets) {
        socket->disconnect(this);
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server stopping"));
        socket->abort();
        delete socket;
    }
    const QList<DemoLabWebSocket *> labSockets = m_labSockets;
    m_labSockets.clear();
    for (DemoLabWebSocket *lab : labSockets) {
        lab->disconnect(this);
        lab->goAway();
        delete lab;
    }
    const QList<DemoHttpConnection *> connections = m_http;
    m_http.clear();
    for (DemoHttpConnection *connection : connections) {
        connection->disconnect(this);
        if (QTcpSocket *socket = connection->takeSocket()) {
            socket->abort();
            socket->deleteLater();
        }
        delete connection;
    }
    m_labRuns->clear();
    if (wasListening)
        Q_EMIT stopped();
}

bool DemoServer::isListening() const
{
    return m_server->isListening();
}

quint16 DemoServer::port() const
{
    return m_server->serverPort();
}

QUrl DemoServer::httpBaseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

QUrl DemoServer::wsBaseUrl() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port()));
}

QString DemoServer::errorString() const
{
    return m_error.isEmpty() ? m_server->errorString() : m_error;
}

void DemoServer::acceptConnections()
{
    while (m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (m_http.size() + m_sockets.size() + m_labSockets.size() >= DemoLimits::maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *connection = new DemoHttpConnection(socket, m_events, m_labRuns, this);
        socket->setParent(connection);
        m_http.append(connection);
        connect(connection, &DemoHttpConnection::requestServed, this, &DemoServer::requestServed);
        connect(connection, &DemoHttpConnection::upgradeRequested, this, &DemoServer::upgrade);
        connect(connection, &DemoHttpConnection::labWebSocketRequested, this, &DemoServer::upgradeLab);
        connect(connection, &DemoHttpConnection::finished, this, [this](DemoHttpConnection *finished) {
            m_http.removeOne(finished);
            finished->deleteLater();
        });
    }
}

void DemoServer::upgrade(DemoHttpConnection *connection)
{
    m_http.removeOne(connection);
    QTcpSocket *socket = connection->takeSocket();
    connection->deleteLater();
    if (!socket)
        return;
    // QWebSocketServer owns the socket from here (it deletes it when it disconnects); it reads
    // the still unread handshake and answers 101 or 400 (RFC 6455 §4.2.2).
    socket->setParent(m_wsServer);
    m_wsServer->handleConnection(socket);
}

void DemoServer::upgradeLab(DemoHttpConnection *connection, DemoLabRun *run)
{
    const DemoRequest request = connection->request();
    m_http.removeOne(connection);
    QTcpSocket *socket = connection->takeSocket();
    connection->deleteLater();
    if (!socket)
        return;
    auto *lab = new DemoLabWebSocket(socket, request, run, this);
    m_labSockets.append(lab);
    connect(lab, &DemoLabWebSocket::finished, this, [this](DemoLabWebSocket *finished) {
        if (m_labSockets.removeOne(finished)) {
            finished->deleteLater();
            Q_EMIT webSocketClosed(QStringLiteral("/lab/ws"));
        }
    });
    Q_EMIT webSocketOpened(QStringLiteral("/lab/ws"), QString());
}

void DemoServer::acceptWebSockets()
{
    while (m_wsServer->hasPendingConnections()) {
        QWebSocket *socket = m_wsServer->nextPendingConnection();
        socket->setParent(this);
        // RFC 6455 §10.4: bound what a peer can make us buffer; larger messages close with 1009.
        socket->setMaxAllowedIncomingMessageSize(DemoLimits::maxWsMessageBytes);
        const QString path = socket->requestUrl().path();
        socket->setProperty(kPathProperty, path);
        m_sockets.append(socket);
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            forget(socket, pathOf(socket));
        });
        if (path == u"/ws/echo")
            serveEcho(socket);
        else if (path == u"/ws/ticker")
            serveTicker(socket);
        else
            serveChat(socket);
        Q_EMIT webSocketOpened(path, socket->subprotocol());
    }
}

void DemoServer::forget(QWebSocket *socket, const QString &path)
{
    if (!m_sockets.removeOne(socket))
        return;
    m_chat.removeOne(socket);
    socket->deleteLater();
    Q_EMIT webSocketClosed(path);
}

void DemoServer::serveEcho(QWebSocket *socket)
{
    connect(socket, &QWebSocket::textMessageReceived, socket, [socket](const QString &text) {
        socket->sendTextMessage(text);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, socket, [socket](const QByteArray &bytes) {
        socket->sendBinaryMessage(bytes);
    });
}

void DemoServer::serveTicker(QWebSocket *socket)
{
    // The query was checked before the upgrade was accepted (DemoHttpConnection::readHead).
    const QUrlQuery query(socket->requestUrl());
    DemoTicker::Options options;
    if (query.hasQueryItem(QStringLiteral("hz")))
        options.hz = query.queryItemValue(QStringLiteral("hz")).toInt();
    if (query.hasQueryItem(QStringLiteral("size")))
        options.size = query.queryItemValue(QStringLiteral("size")).toInt();
    options.count = query.queryItemValue(QStringLiteral("count")).toLongLong();
    options.binary = query.queryItemValue(QStringLiteral("binary")) == u"1"
                     || query.queryItemValue(QStringLiteral("binary")) == u"true";
    options.hz = qBound(1, options.hz, DemoLimits::maxTickerHz);
    options.size = qBound(0, options.size, DemoLimits::maxTickerSize);
    options.count = qMax<qint64>(0, options.count);
    new DemoTicker(socket, options);
}

void DemoServer::serveChat(QWebSocket *socket)
{
    m_chat.append(socket);
    const QString from = QStringLiteral("127.0.0.1:%1").arg(socket->peerPort());
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket, from](const QString &text) {
        if (text.size() > DemoLimits::maxChatMessageBytes) {
            socket->close(QWebSocketProtocol::CloseCodeTooMuchData, QStringLiteral("chat messages are at most 64 KiB"));
            return;
        }
        const qint64 id = m_events->append(QStringLiteral("chat"), {{QStringLiteral("from"), from},
                                                                  {QStringLiteral("message"), text}});
        const QJsonObject envelope{{QStringLiteral("id"), id}, {QStringLiteral("type"), QStringLiteral("chat")},
                                   {QStringLiteral("from"), from}, {QStringLiteral("message"), text}};
        broadcastChat(QJsonDocument(envelope).toJson(QJsonDocument::Compact), text, {}, false);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket, from](const QByteArray &bytes) {
        if (bytes.size() > DemoLimits::maxChatMessageBytes) {
            socket->close(QWebSocketProtocol::CloseCodeTooMuchData, QStringLiteral("chat messages are at most 64 KiB"));
            return;
        }
        const qint64 id = m_events->append(QStringLiteral("chat"), {{QStringLiteral("from"), from},
                                                                  {QStringLiteral("binary_base64"), QString::fromLatin1(bytes.toBase64())}});
        const QJsonObject envelope{{QStringLiteral("id"), id}, {QStringLiteral("type"), QStringLiteral("chat")},
                                   {QStringLiteral("from"), from},
                                   {QStringLiteral("binary_base64"), QString::fromLatin1(bytes.toBase64())}};
        broadcastChat(QJsonDocument(envelope).toJson(QJsonDocument::Compact), {}, bytes, true);
    });
}

void DemoServer::broadcastChat(const QByteArray &json, const QString &text, const QByteArray &binary, bool isBinary)
{
    // Clients that negotiated the "json" subprotocol get a JSON envelope (id, type, from,
    // message); the others get the message exactly as it was sent.
    for (QWebSocket *client : std::as_const(m_chat)) {
        if (client->subprotocol() == u"json")
            client->sendTextMessage(QString::fromUtf8(json));
        else if (isBinary)
            client->sendBinaryMessage(binary);
        else
            client->sendTextMessage(text);
    }
}

} // namespace wirescope

// A WebSocket connection working for a session records everything in its timeline: the
// bytes each way, every frame, message, violation, the handshake and the close, on the
// session's clock, with outgoing frames stamped when the socket took them.
#include "core/net/wsconnection.h"
#include "core/session/session.h"
#include "core/session/timelinetext.h"
#include "core/wire/wsframewriter.h"
#include "core/wire/wshandshake.h"

#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace wirescope;

namespace {

constexpr int kWait = 10000;

// Answers each upgrade, then writes `script` (frames) in one write and echoes nothing.
class ScriptedServer : public QObject
{
public:
    explicit ScriptedServer(QByteArray script)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this, script] {
            QTcpSocket *s = m_server.nextPendingConnection();
            s->setParent(this);
            auto *request = new QByteArray;
            connect(s, &QObject::destroyed, s, [request] { delete request; });
            connect(s, &QTcpSocket::readyRead, s, [this, s, script, request] {
                const QByteArray bytes = s->readAll();
                {
                    QMutexLocker lock(&m_mutex);
                    m_received += bytes;
                }
                if (request->contains("\r\n\r\n"))
                    return; // upgraded already
                *request += bytes;
                if (!request->contains("\r\n\r\n"))
                    return;
                QByteArray key;
                for (const QByteArray &line : request->split('\n'))
                    if (line.toLower().startsWith("sec-websocket-key:"))
                        key = line.mid(18).trimmed();
                s->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Accept: " + wsAcceptFor(key) + "\r\n\r\n" + script);
            });
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_server.serverPort())); }
    QByteArray received() const
    {
        QMutexLocker lock(&m_mutex);
        return m_received;
    }

private:
    QTcpServer m_server{this}; // a child, so moveToThread() takes it along
    mutable QMutex m_mutex;
    QByteArray m_received;
};

WsConnectOptions optionsFor(const QUrl &url)
{
    WsConnectOptions options;
    options.url = url;
    options.closeTimeoutMs = 1000;
    return options;
}

} // namespace

class TestWsTimeline : public QObject
{
    Q_OBJECT
private slots:
    void everyEventOfAConversationIsARow();
    void outgoingFramesAreStampedWhenWritten();
    void theRecordedBytesAreTheBytesOnTheWire();
    void aReconnectAppendsAndKeepsTheOldRows();
    void nothingIsLostWhileTheSessionThreadIsBusy();
    void sessionCookiesTravelWithTheUpgrade();
};

void TestWsTimeline::everyEventOfAConversationIsARow()
{
    WsFrameWriter server(WsRole::Server);
    QByteArray script = server.frame(WsOpcode::Text, "Hel", false);
    script += server.ping("p");
    script += server.frame(WsOpcode::Continuation, "lo", true);
    script += server.close(1000, QStringLiteral("bye"));
    ScriptedServer peer(script);
    Session session;
    WsConnection connection(&session, nullptr);
    connection.open(optionsFor(peer.url()));
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), WsConnectionState::Closed, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(session.timeline().rowCount() > 0
                                 && session.timeline().row(session.timeline().rowCount() - 1).eventType()
                                        == EventType::Closed,
                             kWait);
    const Timeline &t = session.timeline();
    QStringList lines = timelineText(t).split(u'\n', Qt::SkipEmptyParts);
    // Strip what differs between runs (the URL's port) and compare the rest exactly.
    lines.first() = lines.first().section(u' ', 0, 4);
    const QString request = QString::number(connection.handshake().requestBytes.size());
    const QString answer = QString::number(connection.handshake().responseBytes.size());
    const QStringList expected = {
        QStringLiteral("#0 c1 out event opening"),
        QStringLiteral("#1 c1 in event handshake 101 ok"),
        QStringLiteral("#2 c1 in frame text off=%1 wire=5 size=3 hdr=2 fragment \"Hel\"").arg(answer),
        QStringLiteral("#3 c1 in frame ping off=%1 wire=3 size=1 hdr=2 \"p\"").arg(answer.toInt() + 5),
        QStringLiteral("#4 c1 in frame continuation off=%1 wire=4 size=2 hdr=2 fragment \"lo\"").arg(answer.toInt() + 8),
        QStringLiteral("#5 c1 in message text frames=2 off=%1 wire=12 size=5 \"Hello\"").arg(answer),
        QStringLiteral("#6 c1 in frame close off=%1 wire=7 size=5 hdr=2 code=1000").arg(answer.toInt() + 12),
        // Our pong and our answering close left together, after the read.
        QStringLiteral("#7 c1 out frame pong off=%1 wire=7 size=1 hdr=6 \"p\"").arg(request),
        QStringLiteral("#8 c1 out frame close off=%1 wire=8 size=2 hdr=6 code=1000").arg(request.toInt() + 7),
        QStringLiteral("#9 c1 in event closed 1000 clean"),
    };
    QCOMPARE(lines, expected);
    const TimelineConnection *c = t.connection(1);
    QVERIFY(c->handshake);
    QVERIFY(c->close);
    QCOMPARE(c->label, peer.url().toString());
    QCOMPARE(c->messageCount[0], quint64(1));
    QVERIFY(t.row(7).tNs >= t.row(6).tNs); // written after the read that asked for it
}

void TestWsTimeline::outgoingFramesAreStampedWhenWritten()
{
    ScriptedServer peer({});
    Session session;
    WsConnection connection(&session, nullptr);
    connection.open(optionsFor(peer.url()));
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), WsConnectionState::Open, kWait);
    // Sent from outside a read, the frame leaves on the next event-loop turn: its row must
    // carry that moment, not the moment sendText() queued it.
    const qint64 queued = session.clock().nowNs();
    QVERIFY(connection.sendText(QStringLiteral("later")));
    QThread::msleep(30);
    const qint64 busyUntil = session.clock().nowNs();
    QTRY_VERIFY_WITH_TIMEOUT(peer.received().contains(QByteArray("\x81\x85", 2)), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(session.timeline().rowCount() >= 3, kWait);
    const Timeline &t = session.timeline();
    qsizetype frame = -1;
    for (qsizetype i = 0; i < t.rowCount(); ++i)
        if (t.row(i).rowKind() == RowKind::Frame && t.row(i).direction() == Direction::Out)
            frame = i;
    QVERIFY(frame >= 0);
    QVERIFY(t.row(frame).tNs > queued);
    QVERIFY2(t.row(frame).tNs >= busyUntil, "stamped when queued, not when written");
    const TimelineConnection *c = t.connection(connection.connectionId());
    const ByteStream &out = c->stream(Direction::Out);
    const qsizetype chunk = out.chunkAt(t.row(frame).offset);
    QCOMPARE(out.chunks()[size_t(chunk)].tNs, t.row(frame).tNs);
    connection.abort();
}

void TestWsTimeline::theRecordedBytesAreTheBytesOnTheWire()
{
    WsFrameWriter server(WsRole::Server);
    ScriptedServer peer(server.frame(WsOpcode::Binary, QByteArray::fromHex("0102030405")));
    Session session;
    WsConnection connection(&session, nullptr);
    connection.open(optionsFor(peer.url()));
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), WsConnectionState::Open, kWait);
    connection.sendText(QStringLiteral("abc"), 2);
    QTRY_VERIFY_WITH_TIMEOUT(peer.received().size() > connection.handshake().requestBytes.size() + 10, kWait);
    connection.abort();
    QTRY_VERIFY_WITH_TIMEOUT(session.timeline().connection(1) && session.timeline().connection(1)->close, kWait);
    const TimelineConnection *c = session.timeline().connection(1);
    const ByteStream &out = c->stream(Direction::Out);
    QCOMPARE(out.copy(0, out.end()), peer.received());
    const ByteStream &in = c->stream(Direction::In);
    QVERIFY(in.copy(0, in.end()).startsWith("HTTP/1.1 101"));
    // The fragmented message is rebuilt from its masked frames.
    const Timeline &t = session.timeline();
    for (qsizetype i = 0; i < t.rowCount(); ++i) {
        if (t.row(i).rowKind() == RowKind::Message)
            QCOMPARE(t.payload(i), QByteArray("abc"));
        if (t.row(i).rowKind() == RowKind::Frame && t.row(i).direction() == Direction::In)
            QCOMPARE(t.payload(i), QByteArray::fromHex("0102030405"));
    }
}

void TestWsTimeline::aReconnectAppendsAndKeepsTheOldRows()
{
    ScriptedServer peer(WsFrameWriter(WsRole::Server).text(QStringLiteral("welcome")));
    Session session;
    WsConnection connection(&session, nullptr);
    for (int round = 0; round < 2; ++round) {
        connection.open(optionsFor(peer.url()));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), WsConnectionState::Open, kWait);
        QCOMPARE(connection.connectionId(), quint32(round + 1));
        connection.close();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), WsConnectionState::Closed, kWait);
    }
    QTRY_VERIFY_WITH_TIMEOUT(session.timeline().connection(2) && session.timeline().connection(2)->close, kWait);
    const Timeline &t = session.timeline();
    QCOMPARE(t.connectionIds(), QList<quint32>({1, 2}));
    for (quint32 id : {1u, 2u}) {
        QCOMPARE(t.connection(id)->messageCount[0], quint64(1));
        QVERIFY(t.connection(id)->handshake);
        QVERIFY(t.connection(id)->firstRow < t.connection(id)->lastRow);
    }
    QVERIFY(t.connection(1)->lastRow < t.connection(2)->firstRow);
}

void TestWsTimeline::nothingIsLostWhileTheSessionThreadIsBusy()
{
    constexpr int kMessages = 20000;
    WsFrameWriter server(WsRole::Server);
    QByteArray script;
    for (int i = 0; i < kMessages; ++i)
        script += server.text(QString::number(i));
    // The peer and the engine have threads of their own; this one stands for a busy UI.
    QThread peerThread;
    peerThread.start();
    auto *peer = new ScriptedServer(script);
    const QUrl url = peer->url();
    peer->moveToThread(&peerThread);
    Session session;
    QThread engineThread;
    engineThread.start();
    auto *connection = new WsConnection(&session, nullptr);
    connection->moveToThread(&engineThread);
    QMetaObject::invokeMethod(connection, [connection, url] { connection->open(optionsFor(url)); });
    // The session's thread is busy while every message arrives on the engine's thread.
    QThread::msleep(500);
    const qint64 busyUntil = session.clock().nowNs();
    QTRY_VERIFY_WITH_TIMEOUT(session.timeline().connection(1)
                                 && session.timeline().connection(1)->messageCount[0] == quint64(kMessages),
                             kWait);
    const Timeline &t = session.timeline();
    const std::vector<quint32> &frames = t.connection(1)->frameRows[0];
    QCOMPARE(frames.size(), size_t(kMessages));
    qint64 previous = 0;
    for (int i = 0; i < kMessages; ++i) {
        const TimelineRow &r = t.row(frames[size_t(i)]);
        QCOMPARE(t.payload(frames[size_t(i)]), QByteArray::number(i));
        QVERIFY(r.tNs >= previous);
        previous = r.tNs;
    }
    // Stamped when they were read, during the busy period, not when this thread got to them.
    QVERIFY(t.row(frames.front()).tNs < busyUntil);
    QMetaObject::invokeMethod(connection, [connection] { delete connection; }, Qt::BlockingQueuedConnection);
    engineThread.quit();
    engineThread.wait();
    QMetaObject::invokeMethod(peer, [peer] { delete peer; }, Qt::BlockingQueuedConnection);
    peerThread.quit();
    peerThread.wait();
}

void TestWsTimeline::sessionCookiesTravelWithTheUpgrade()
{
    ScriptedServer peer({});
    Session session;
    QUrl http = peer.url();
    http.setScheme(QStringLiteral("http"));
    session.storeCookies({"sid=42; Path=/"}, http);
    WsConnection connection(&session, nullptr);
    connection.open(optionsFor(peer.url()));
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), WsConnectionState::Open, kWait);
    QVERIFY2(peer.received().contains("\r\nCookie: sid=42\r\n"), peer.received().constData());
    connection.abort();
}

QTEST_GUILESS_MAIN(TestWsTimeline)
#include "tst_wstimeline.moc"

// Drives the WebSocket views through real traffic to the demo server and a crafted peer,
// checks what they show, and (with WIRESCOPE_SCREENSHOT_DIR set) saves what they look like:
// docs/screenshots/ws-*.png are made this way.
#include "ui/ws/wsworkspace.h"

#include "core/demo/demoserver.h"
#include "core/session/session.h"
#include "core/wire/wshandshake.h"
#include "tests/support/darkpalette.h"
#include "ui/ws/wschartswidget.h"
#include "ui/ws/wscomposer.h"
#include "ui/ws/wsconsole.h"
#include "ui/ws/wsframeinspector.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace wirescope;
using wirescope::test::darkPalette;

static void save(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("WIRESCOPE_SCREENSHOT_DIR");
    QCoreApplication::processEvents();
    const QPixmap pixmap = widget->grab();
    QVERIFY(!pixmap.isNull());
    QVERIFY(pixmap.width() > 300);
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(pixmap.save(dir + u'/' + name));
    }
}

class TestWsScreenshots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void consoleWithAConversation();
    void chartsUnderTickerTraffic();
    void violationFromAPeerThatSetsRsv1();

private:
    DemoServer m_demo;
    QUrl wsUrl(const QString &path) const
    {
        QUrl url = m_demo.wsBaseUrl();
        const qsizetype q = path.indexOf(u'?');
        url.setPath(path.left(q));
        if (q >= 0)
            url.setQuery(path.mid(q + 1));
        return url;
    }
};

void TestWsScreenshots::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QVERIFY2(m_demo.start(), qPrintable(QStringLiteral("the demo server did not start: ") + m_demo.errorString()));
}

void TestWsScreenshots::consoleWithAConversation()
{
    for (const bool dark : {false, true}) {
        if (dark)
            QApplication::setPalette(darkPalette());
        Session session;
        WsWorkspace workspace(&session);
        workspace.setDefaultUrl(wsUrl(QStringLiteral("/ws/echo")));
        workspace.resize(1000, 720); // about the WebSocket half of a 1920x1080 window
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        WsConsole *console = workspace.currentConsole();
        QVERIFY(console);
        // A short earlier visit to the chat room fills the list of past connections.
        console->setUrl(wsUrl(QStringLiteral("/ws/chat")));
        console->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(console->state(), WsConnectionState::Open, 10000);
        console->disconnectFromServer();
        QTRY_COMPARE_WITH_TIMEOUT(console->state(), WsConnectionState::Closed, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(workspace.historyList()->count(), 1, 10000);
        workspace.setHistoryShown(true); // folded by default; shown here to present it
        console->setUrl(wsUrl(QStringLiteral("/ws/echo")));
        QTest::mouseClick(console->connectButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(console->state(), WsConnectionState::Open, 10000);

        WsComposer *composer = console->composer();
        composer->setText(QStringLiteral("Hello, Wirescope!"));
        composer->send();
        composer->setMode(WsComposer::Mode::Json);
        composer->setText(QStringLiteral("{\"type\": \"subscribe\", \"channel\": \"prices\", \"symbols\": [\"BTC\", \"ETH\"]}"));
        composer->setFragments(3);
        composer->send();
        composer->setFragments(1);
        composer->setMode(WsComposer::Mode::Binary);
        composer->setText(QStringLiteral("de ad be ef 00 01 02 03"));
        composer->send();
        composer->sendPing();
        composer->setMode(WsComposer::Mode::Text);
        composer->setText(QStringLiteral("Hello"));
        composer->send();
        QTRY_VERIFY_WITH_TIMEOUT(console->chartData().totalMessages(Direction::In) >= 4, 10000);
        QTest::qWait(100);
        console->flushLog();

        // Select the last message we sent: a masked client frame.
        WsLogModel *log = console->logModel();
        int row = -1;
        for (int r = log->rowCount() - 1; r >= 0; --r) {
            const QModelIndex index = log->index(r, WsLogModel::PreviewColumn);
            if (index.data(WsLogModel::DirectionRole).toInt() == int(Direction::Out) && index.data().toString() == QStringLiteral("Hello")) {
                row = r;
                break;
            }
        }
        QVERIFY(row >= 0);
        console->logView()->selectRow(row);
        console->inspector()->selectField(WsField::MaskingKey);
        QCOMPARE(console->inspector()->frameCount(), 1);
        save(&workspace, dark ? QStringLiteral("ws-console-dark.png") : QStringLiteral("ws-console.png"));

        if (!dark) {
            console->detailTabs()->setCurrentIndex(2);
            save(&workspace, QStringLiteral("ws-handshake.png"));
            // The fragmented JSON message: three frames.
            for (int r = 0; r < log->rowCount(); ++r) {
                if (log->index(r, WsLogModel::TypeColumn).data().toString().contains(QStringLiteral("3 frames"))) {
                    console->logView()->selectRow(r);
                    break;
                }
            }
            QCOMPARE(console->inspector()->frameCount(), 3);
            console->detailTabs()->setCurrentIndex(0);
            console->inspector()->setCurrentFrame(1);
            console->inspector()->selectField(WsField::Opcode);
            composer->setCraftMode(true);
            composer->craftRsvCheck(1)->setChecked(true);
            save(&workspace, QStringLiteral("ws-fragments-craft.png"));
            composer->setCraftMode(false);
        }
        QTest::mouseClick(console->connectButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(console->state(), WsConnectionState::Closed, 10000);
    }
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestWsScreenshots::chartsUnderTickerTraffic()
{
    Session session;
    WsWorkspace workspace(&session);
    workspace.setDefaultUrl(wsUrl(QStringLiteral("/ws/ticker?hz=2000&size=64")));
    workspace.resize(1000, 720); // about the WebSocket half of a 1920x1080 window
    workspace.show();
    WsConsole *console = workspace.currentConsole();
    QTest::mouseClick(console->connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(console->state(), WsConnectionState::Open, 10000);
    auto *charts = static_cast<WsChartsWidget *>(workspace.chartsWidget());
    charts->setParent(nullptr);
    charts->resize(800, 270); // the WebSocket half of the Live charts dock in a 1600x900 window
    charts->setWindowSeconds(10);
    charts->show();
    for (int i = 0; i < 8; ++i) {
        console->sendPing();
        QTest::qWait(500);
    }
    // Echo some traffic back so the "sent" series is not flat.
    console->composer()->setText(QStringLiteral("tick"));
    for (int i = 0; i < 20; ++i) {
        console->composer()->send();
        QTest::qWait(25);
    }
    QTest::qWait(400);
    charts->refresh();
    QVERIFY(charts->pointCount(0) > 10);             // messages in
    QVERIFY(charts->pointCount(0) <= WsChartData::kMaxPoints);
    QVERIFY(charts->pointCount(4) >= 1);             // ping RTTs
    QVERIFY(console->chartData().totalMessages(Direction::In) > 1000);
    save(charts, QStringLiteral("ws-charts.png"));
    console->flushLog();
    save(&workspace, QStringLiteral("ws-ticker.png"));
    charts->setParent(&workspace);
    QTest::mouseClick(console->connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(console->state(), WsConnectionState::Closed, 10000);
}

void TestWsScreenshots::violationFromAPeerThatSetsRsv1()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QByteArray request;
    QTcpSocket *peer = nullptr;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        peer = server.nextPendingConnection();
        connect(peer, &QTcpSocket::readyRead, this, [&] {
            request += peer->readAll();
            if (!request.contains("\r\n\r\n") || request.isNull())
                return;
            QByteArray key;
            for (const QByteArray &line : request.split('\n')) {
                if (line.toLower().startsWith("sec-websocket-key:"))
                    key = line.mid(line.indexOf(':') + 1).trimmed();
            }
            request = QByteArray();
            peer->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        "Sec-WebSocket-Accept: " + wsAcceptFor(key) + "\r\n\r\n");
            // A fine text frame, then RSV1 set without an extension, then a reserved opcode.
            peer->write(QByteArray::fromHex("810c") + "before error" + QByteArray::fromHex("c1026869") + QByteArray::fromHex("830178"));
        });
    });
    Session session;
    WsWorkspace workspace(&session);
    workspace.setDefaultUrl(QUrl(QStringLiteral("ws://127.0.0.1:%1/crafted").arg(server.serverPort())));
    workspace.resize(1000, 720); // about the WebSocket half of a 1920x1080 window
    workspace.show();
    WsConsole *console = workspace.currentConsole();
    console->findChild<QCheckBox *>(QString(), Qt::FindChildrenRecursively);
    WsConnectOptions options = console->options();
    options.keepInspecting = true;
    console->setOptions(options);
    QTest::mouseClick(console->connectButton(), Qt::LeftButton);
    WsLogModel *log = console->logModel();
    auto violations = [log] {
        int n = 0;
        for (int r = 0; r < log->rowCount(); ++r)
            n += log->index(r, 0).data(WsLogModel::KindRole).toInt() == int(RowKind::Violation);
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(violations() >= 2, 10000);
    for (int r = 0; r < log->rowCount(); ++r) {
        if (log->index(r, 0).data(WsLogModel::ViolationIdRole).toString() == QStringLiteral("ws.rsv_nonzero")) {
            console->logView()->selectRow(r);
            break;
        }
    }
    save(&workspace, QStringLiteral("ws-violation.png"));
    // With keep inspecting on, the frame after the violation is still decoded and shown.
    int rsvFrame = -1;
    for (int r = 0; r < log->rowCount(); ++r) {
        if (log->index(r, WsLogModel::PreviewColumn).data().toString() == QStringLiteral("hi"))
            rsvFrame = r;
    }
    QVERIFY(rsvFrame >= 0);
    console->logView()->selectRow(rsvFrame);
    console->inspector()->selectField(WsField::Rsv1);
    console->detailTabs()->setCurrentIndex(0);
    save(&workspace, QStringLiteral("ws-violation-frame.png"));
}

QTEST_MAIN(TestWsScreenshots)
#include "tst_wsscreenshots.moc"

// Makes docs/screenshots/window-<theme>-<width>-<view>.png: the window as a user sees it
// after a request to the demo server (`http`, where HTTP and WebSocket are tabs) and a short
// WebSocket conversation with it (`window`), at a laptop's 1366x768 and at 1920x1080, in a
// light and a dark palette; then the same window in focus mode on the frame inspector and on
// the handshake; and the Transport Lab after a run of every transport (`lab`). Run by the
// `screenshots` target.
#include "core/demo/demoserver.h"
#include "core/demo/demoserverthread.h"
#include "tests/support/darkpalette.h"
#include "ui/app/translations.h"
#include "ui/app/workspacearea.h"
#include "ui/common/sequencediagrampanel.h"
#include "ui/http/httprequesttab.h"
#include "ui/http/httpresponseview.h"
#include "ui/http/sseeventmodel.h"
#include "ui/http/sseeventsview.h"
#include "ui/http/httpworkspace.h"
#include "ui/lab/labwindow.h"
#include "ui/mainwindow.h"
#include "ui/ws/wscomposer.h"
#include "ui/ws/wsconsole.h"
#include "ui/ws/wsmaskingview.h"
#include "ui/ws/wslogmodel.h"
#include "ui/ws/wsworkspace.h"

#include <QApplication>
#include <QTabWidget>
#include <QDir>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>

#include <cstdio>

using namespace wirescope;

namespace {

bool fail(const char *what)
{
    std::fprintf(stderr, "wirescope-screenshots: %s\n", what);
    return false;
}

bool save(QWidget *widget, const QString &path)
{
    QTest::qWait(150); // the last repaints (charts, the log's batched rows)
    if (!widget->grab().save(path))
        return fail("cannot write a screenshot");
    std::printf("  %s\n", qPrintable(QDir::toNativeSeparators(path)));
    return true;
}

// The Transport Lab at the window's size after a real run of every transport against the
// demo server: live charts filled, the table in words, the claims judged.
bool shootLab(LabWindow *lab, const QSize &size, const QString &prefix)
{
    lab->resize(size);
    if (!QTest::qWaitForWindowExposed(lab))
        return fail("the lab window was not shown");
    LabConfig config = lab->config();
    config.transports = allLabTransports();
    config.workload = LabWorkload::Push;
    config.payload = LabPayloadKind::Json;
    // Ten events a second against a poll every 50 ms: half the polls find nothing new, the
    // sight the "polling wastes requests" claim is about.
    config.rate = 10;
    config.size = 64;
    config.durationMs = 3000;
    config.pollIntervalMs = 50;
    lab->setConfig(config);
    if (!lab->run())
        return fail("the lab did not start");
    if (!QTest::qWaitFor([lab] { return !lab->isRunning(); }, 120000))
        return fail("the lab run did not finish");
    const bool saved = save(lab, prefix + QStringLiteral("-lab.png"));
    lab->close();
    return saved;
}

// One window at one size: a request, a conversation, a frame selected, three shots.
bool shoot(DemoServer *demo, const QSize &size, const QString &prefix)
{
    QSettings().clear(); // every shot starts from the first-launch layout
    MainWindow window(demo);
    window.resize(size);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return fail("the window was not shown");

    HttpRequestTab *tab = window.httpWorkspace()->currentTab();
    tab->send();
    if (!QTest::qWaitFor([tab] { return !tab->isRunning(); }, 15000))
        return fail("the HTTP request did not finish");
    if (window.workspaceArea()->isTabbed()) {
        if (!save(&window, prefix + QStringLiteral("-http.png")))
            return false;
    }

    // Server-sent events answered to a POST, as LLM APIs do; the server drops the stream every
    // 5 events and the tab reconnects with Last-Event-ID. The first event selected.
    HttpRequest sse;
    sse.setMethod(QStringLiteral("POST"));
    QUrl sseUrl = demo->httpBaseUrl();
    sseUrl.setPath(QStringLiteral("/sse"));
    sseUrl.setQuery(QStringLiteral("hz=8&count=0&drop_after=5&retry=300&heartbeat_ms=400"));
    sse.setUrl(sseUrl.toString());
    sse.addHeader(QStringLiteral("Accept"), QStringLiteral("text/event-stream"));
    HttpBody body;
    body.kind = BodyKind::Raw;
    body.text = QStringLiteral(R"({"model": "demo", "stream": true, "prompt": "count to twelve"})");
    body.rawContentType = QStringLiteral("application/json");
    sse.setBody(body);
    tab->setRequest(sse);
    tab->send();
    SseEventsView *events = tab->responseView()->eventsView();
    if (!QTest::qWaitFor([events] { return events->model()->eventCount() >= 12; }, 15000))
        return fail("the server-sent events did not arrive");
    for (int row = 0; row < events->model()->rowCount(); ++row)
        if (events->model()->rowAt(row).kind == SseEventModel::Kind::Event) {
            events->table()->selectRow(row);
            break;
        }
    events->table()->scrollToTop(); // the first connection's row, the events, the first drop
    if (!save(&window, prefix + QStringLiteral("-sse.png")))
        return false;
    tab->cancel();
    if (!QTest::qWaitFor([tab] { return !tab->isRunning(); }, 15000))
        return fail("the event stream did not stop");
    if (window.workspaceArea()->isTabbed())
        window.workspaceArea()->showWorkspace(window.wsWorkspace());

    WsConsole *console = window.wsWorkspace()->currentConsole();
    console->connectToServer();
    if (!QTest::qWaitFor([console] { return console->state() == WsConnectionState::Open; }, 15000))
        return fail("the WebSocket did not open");
    const QStringList messages{QStringLiteral(R"({"type":"subscribe","channel":"prices","symbols":["BTC","ETH"]})"),
                               QStringLiteral("hello, wire"),
                               QStringLiteral(R"({"id":42,"ok":true,"items":[1,2,3]})")};
    for (const QString &text : messages) {
        console->composer()->setText(text);
        console->composer()->sendButton()->click();
    }
    console->sendPing();
    if (!QTest::qWaitFor([console] { return console->chartData().totalMessages(Direction::In) >= 3; }, 15000))
        return fail("the echoes did not arrive");
    QTest::qWait(200); // the pong
    console->flushLog();
    // The first echo selected: the inspector shows a server frame (unmasked) bit by bit.
    WsLogModel *log = console->logModel();
    for (int row = 0; row < log->rowCount(); ++row) {
        const QModelIndex index = log->index(row, WsLogModel::PreviewColumn);
        if (index.data(WsLogModel::DirectionRole).toInt() == int(Direction::In)
            && index.data().toString().startsWith(QStringLiteral("{\"type\""))) {
            console->logView()->selectRow(row);
            break;
        }
    }
    if (!save(&window, prefix + QStringLiteral("-window.png")))
        return false;
    window.setFocusPanel(int(WsConsole::FocusPanel::Frame));
    if (!save(&window, prefix + QStringLiteral("-frame.png")))
        return false;
    window.setFocusPanel(int(WsConsole::FocusPanel::Handshake));
    if (!save(&window, prefix + QStringLiteral("-handshake.png")))
        return false;
    window.setFocusPanel(0);
    // The sequence diagram (issue #13), with the selected echo's arrow highlighted.
    console->detailTabs()->setCurrentWidget(console->sequenceDiagram());
    if (!save(&window, prefix + QStringLiteral("-sequence.png")))
        return false;
    // A sent frame's masking, byte by byte, in the normal layout.
    for (int row = 0; row < log->rowCount(); ++row) {
        const QModelIndex index = log->index(row, WsLogModel::PreviewColumn);
        if (index.data(WsLogModel::DirectionRole).toInt() == int(Direction::Out)
            && index.data().toString() == QStringLiteral("hello, wire")) {
            console->logView()->selectRow(row);
            break;
        }
    }
    console->detailTabs()->setCurrentWidget(console->maskingView());
    if (!save(&window, prefix + QStringLiteral("-masking.png")))
        return false;
    return shootLab(window.openLab(), size, prefix);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Screenshots must not read or change the user's settings, recent files or working copies.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("Wirescope"));
    QApplication::setApplicationName(QStringLiteral("wirescope-screenshots"));
    QApplication::setApplicationVersion(QStringLiteral(WIRESCOPE_VERSION));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    installTranslations(&app, QLocale(QLocale::English));
    if (argc < 2) {
        std::fprintf(stderr, "usage: wirescope-screenshots OUTPUT_DIR\n");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    if (!QDir().mkpath(out.path()))
        return fail("cannot create the output folder") ? 0 : 1;

    DemoServerThread demo;
    if (!demo.start(0))
        return fail("the demo server did not start") ? 0 : 1;
    const QPalette light = QApplication::palette();
    const std::pair<const char *, QPalette> themes[] = {{"light", light}, {"dark", test::darkPalette()}};
    for (const auto &[theme, palette] : themes) {
        QApplication::setPalette(palette);
        for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
            const QString prefix = out.filePath(QStringLiteral("window-%1-%2").arg(QLatin1String(theme)).arg(size.width()));
            if (!shoot(demo.server(), size, prefix))
                return 1;
        }
    }
    return 0;
}

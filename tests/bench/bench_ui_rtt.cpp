// The ping round trip the window shows (issue #10): a WebSocket console in the real main
// window pings the built-in demo server (on its own thread, as the app runs it) and, as the
// yardstick, a Python `websockets` echo server in its own process. Against both, what the RTT
// chart reads should be network and server time, not the time the window's thread was busy.
//
//   QT_QPA_PLATFORM=offscreen bench_ui_rtt [--pings 200] [--interval-ms 20]
#include "core/demo/demoserver.h"
#include "core/demo/demoserverthread.h"
#include "core/session/session.h"
#include "tests/peers/pythonwspeer.h"
#include "ui/app/workspacearea.h"
#include "ui/mainwindow.h"
#include "ui/ws/wsconsole.h"
#include "ui/ws/wsworkspace.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace wirescope;

namespace {

struct Figures {
    qsizetype count = 0;
    double medianMs = 0, p95Ms = 0, maxMs = 0;
};

// Pings `url` from a new console of the window, one ping every interval, and reads the round
// trips the timeline recorded (the ones the chart draws).
Figures measure(MainWindow &window, const QUrl &url, int pings, int intervalMs)
{
    WsConsole *console = window.wsWorkspace()->newConsole();
    console->setUrl(url);
    console->connectToServer();
    if (!QTest::qWaitFor([console] { return console->state() == WsConnectionState::Open; }, 10000)) {
        std::fprintf(stderr, "bench_ui_rtt: %s did not open\n", qPrintable(url.toString()));
        std::exit(1);
    }
    const quint32 id = console->lastConnection()->id;
    for (int i = 0; i < pings; ++i) {
        console->sendPing();
        QTest::qWait(intervalMs);
    }
    QTest::qWait(200);
    console->disconnectFromServer();
    if (!QTest::qWaitFor([console] { return console->state() == WsConnectionState::Closed; }, 5000))
        std::fprintf(stderr, "bench_ui_rtt: %s did not close in 5 s\n", qPrintable(url.toString()));
    const Timeline &timeline = window.session()->timeline();
    QList<double> rtt;
    for (qsizetype row = 0; row < timeline.rowCount(); ++row)
        if (timeline.row(row).connection == id && timeline.roundTripNs(row) > 0)
            rtt.append(double(timeline.roundTripNs(row)) / 1e6);
    std::sort(rtt.begin(), rtt.end());
    Figures f;
    f.count = rtt.size();
    if (!rtt.isEmpty()) {
        f.medianMs = rtt.at(rtt.size() / 2);
        f.p95Ms = rtt.at(std::min<qsizetype>(rtt.size() - 1, rtt.size() * 95 / 100));
        f.maxMs = rtt.last();
    }
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("bench_ui_rtt"));
    int pings = 200;
    int intervalMs = 20;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--pings")
            pings = args[i + 1].toInt();
        else if (args[i] == u"--interval-ms")
            intervalMs = args[i + 1].toInt();
    }
    DemoServerThread demo;
    if (!demo.start(0)) {
        std::fprintf(stderr, "bench_ui_rtt: the demo server did not start\n");
        return 1;
    }
    test::PythonWsPeer python;
    QString error;
    test::PythonWsPeer::Options options;
    options.compression = test::PythonWsPeer::Compression::None;
    if (!python.start(options, &error)) {
        std::fprintf(stderr, "bench_ui_rtt: %s\n", qPrintable(error));
        return 1;
    }
    MainWindow window(demo.server());
    window.resize(1366, 768);
    window.show();
    window.workspaceArea()->showWorkspace(window.wsWorkspace()); // the WebSocket tab in front, painting
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QUrl echo = demo.server()->wsBaseUrl();
    echo.setPath(QStringLiteral("/ws/echo"));
    std::printf("bench_ui_rtt: %d pings, one every %d ms, from a console of the main window\n", pings, intervalMs);
    const Figures demoFigures = measure(window, echo, pings, intervalMs);
    const Figures pythonFigures = measure(window, python.url(QStringLiteral("/")), pings, intervalMs);
    for (const auto &[name, f] : {std::pair{"built-in demo server (own thread)", demoFigures},
                                  std::pair{"python websockets 10.4 (own process)", pythonFigures}})
        std::printf("  %-38s %4lld round trips  median %6.3f ms  p95 %6.3f ms  max %6.3f ms\n", name,
                    qint64(f.count), f.medianMs, f.p95Ms, f.maxMs);
    return 0;
}

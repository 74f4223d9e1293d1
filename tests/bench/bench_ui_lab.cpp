// The Lab view's own cost (issue #12: "the lab with charts open against the lab headless, p99
// within 10 %"): the same push workload run twice in one process against the demo server on a
// thread of its own, first by a bare LabRunner (what `wirescope-cli lab` does), then by the
// Transport Lab window with its live charts, table and claims shown; p50 and p99 push delay per
// transport side by side. Prints figures, asserts nothing.
//
//   QT_QPA_PLATFORM=offscreen bench_ui_lab [--rate 1000] [--duration 10] [--size 64] [--transports LIST]
//                                          [--size-px 1920x1080] [--window-first]
#include "core/demo/demoserver.h"
#include "core/demo/demoserverthread.h"
#include "core/lab/labrunner.h"
#include "ui/lab/labwindow.h"

#include <QApplication>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

using namespace wirescope;

namespace {

QString option(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

LabRunResult headless(const LabConfig &config)
{
    LabRunner runner;
    QEventLoop loop;
    LabRunResult result;
    QObject::connect(&runner, &LabRunner::finished, &loop, [&](const LabRunResult &r) {
        result = r;
        loop.quit();
    });
    runner.start(config);
    loop.exec();
    return result;
}

LabRunResult withWindow(const LabConfig &config, const QSize &size)
{
    LabWindow window(config.baseUrl);
    window.resize(size);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        std::fprintf(stderr, "the lab window was not shown\n");
    window.setConfig(config);
    QEventLoop loop;
    QObject::connect(&window, &LabWindow::runFinished, &loop, &QEventLoop::quit);
    if (!window.run())
        return {};
    loop.exec();
    return *window.result();
}

const LabTransportResult *find(const LabRunResult &run, LabTransport transport)
{
    for (const LabTransportResult &t : run.transports)
        if (t.transport == transport)
            return &t;
    return nullptr;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's form is remembered in settings
    const QStringList args = app.arguments();
    LabConfig config;
    config.workload = LabWorkload::Push;
    config.rate = option(args, QStringLiteral("--rate"), QStringLiteral("1000")).toDouble();
    config.durationMs = int(option(args, QStringLiteral("--duration"), QStringLiteral("10")).toDouble() * 1000);
    config.size = option(args, QStringLiteral("--size"), QStringLiteral("64")).toInt();
    for (const QString &name : option(args, QStringLiteral("--transports"), QString()).split(u',', Qt::SkipEmptyParts)) {
        if (const std::optional<LabTransport> t = labTransportFromName(name))
            config.transports.append(*t);
    }
    if (config.transports.isEmpty())
        config.transports = allLabTransports();
    const QStringList px = option(args, QStringLiteral("--size-px"), QStringLiteral("1920x1080")).split(u'x');
    const QSize size(px.value(0).toInt(), px.value(1).toInt());

    DemoServerThread demo;
    if (!demo.start(0)) {
        std::fprintf(stderr, "the demo server did not start: %s\n", qPrintable(demo.server()->errorString()));
        return 1;
    }
    config.baseUrl = demo.server()->httpBaseUrl();

    std::printf("== lab overhead: push %.0f events/s of %d bytes for %.1f s per transport; a headless LabRunner and the "
                "Lab window (%dx%d, charts live), %s first ==\n",
                config.rate, config.size, config.durationMs / 1000.0, size.width(), size.height(),
                args.contains(QStringLiteral("--window-first")) ? "the window" : "headless");
    std::fflush(stdout);
    // --window-first: the other order, to see what the order itself does (a warm cache, a
    // neighbour's load) apart from the window.
    const bool windowFirst = args.contains(QStringLiteral("--window-first"));
    const LabRunResult first = windowFirst ? withWindow(config, size) : headless(config);
    const LabRunResult second = windowFirst ? headless(config) : withWindow(config, size);
    const LabRunResult &bare = windowFirst ? second : first;
    const LabRunResult &shown = windowFirst ? first : second;
    std::printf("%-12s %22s   %22s   %s\n", "transport", "headless p50 / p99 ms", "window p50 / p99 ms", "p99 window/headless");
    for (LabTransport transport : config.transports) {
        const LabTransportResult *a = find(bare, transport);
        const LabTransportResult *b = find(shown, transport);
        if (!a || !b || !a->ran() || !b->ran()) {
            std::printf("%-12s did not run: %s\n", qPrintable(labName(transport)),
                        qPrintable(a && !a->ran() ? a->error : b ? b->error : QStringLiteral("missing")));
            continue;
        }
        std::printf("%-12s %10.3f / %9.3f   %10.3f / %9.3f   %+6.1f %%\n", qPrintable(labName(transport)), a->pushDelay.p50Ms,
                    a->pushDelay.p99Ms, b->pushDelay.p50Ms, b->pushDelay.p99Ms,
                    a->pushDelay.p99Ms > 0 ? 100.0 * (b->pushDelay.p99Ms / a->pushDelay.p99Ms - 1) : 0.0);
    }
    return 0;
}

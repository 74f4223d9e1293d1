// Memory of the WebSocket window under a large stream, against the payload memory budget
// (issue #10). Prints figures; asserts nothing.
//
// The real workspace (WsWorkspace, WsConsole, WsConnection on its own thread, offscreen
// widgets at 1366x768) connects to the demo server's /ws/ticker, run on a thread of its own
// as the window runs it, at `hz` messages of `size` bytes a second. Every few seconds it
// prints the process's RSS next to the budget and to what the timeline holds and dropped;
// then the RSS after Disconnect, after Clear and after closing the tab. The yardstick: the
// stream's own rate (hz x size), which is what the process grew by per second before the
// budget (issue #10: ~20 MB/s to 2.5 GB for 1 MiB x 20/s).
//
// A second tab then streams for a quarter of the time and is closed while it streams,
// without Clear: the RSS after that is what closing a tab frees.
//
// Usage: QT_QPA_PLATFORM=offscreen bench_ws_budget [--seconds 60] [--hz 20] [--size 1048576]
//        [--budget-mib 256] [--every 5]
#include "core/demo/demoserver.h"
#include "core/demo/demoserverthread.h"
#include "core/session/session.h"
#include "ui/ws/wsconsole.h"
#include "ui/ws/wsworkspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QTabWidget>

#include <cstdio>
#include <unistd.h>

using namespace wirescope;

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

// Resident set size from /proc/self/statm (pages).
double rssMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? double(fields[1].toLongLong()) * double(sysconf(_SC_PAGESIZE)) / kMiB : -1;
}

void runFor(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

template<typename Done>
bool waitFor(Done done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return done();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("length of the stream"),
                                           QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption hzOption(QStringLiteral("hz"), QStringLiteral("messages per second"), QStringLiteral("n"),
                                      QStringLiteral("20"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("bytes per message (at most 1 MiB)"),
                                        QStringLiteral("bytes"), QStringLiteral("1048576"));
    const QCommandLineOption budgetOption(QStringLiteral("budget-mib"), QStringLiteral("payload memory budget, 0: none"),
                                          QStringLiteral("MiB"), QStringLiteral("256"));
    const QCommandLineOption everyOption(QStringLiteral("every"), QStringLiteral("seconds between two prints"),
                                         QStringLiteral("s"), QStringLiteral("5"));
    parser.addOptions({secondsOption, hzOption, sizeOption, budgetOption, everyOption});
    parser.process(app);
    const int seconds = parser.value(secondsOption).toInt();
    const int hz = parser.value(hzOption).toInt();
    const int size = parser.value(sizeOption).toInt();
    const qint64 budgetMiB = parser.value(budgetOption).toLongLong();
    const int every = std::max(1, parser.value(everyOption).toInt());

    DemoServerThread demo;
    if (!demo.start(0)) {
        std::printf("the demo server did not start: %s\n", qPrintable(demo.server()->errorString()));
        return 1;
    }
    QUrl url = demo.server()->wsBaseUrl();
    url.setPath(QStringLiteral("/ws/ticker"));
    url.setQuery(QStringLiteral("hz=%1&size=%2").arg(hz).arg(size));

    Session session;
    session.timeline().setByteBudget(budgetMiB << 20);
    const double rssStart = rssMiB();
    WsWorkspace workspace(&session);
    workspace.resize(1366, 768);
    workspace.show();
    QPointer<WsConsole> console = workspace.currentConsole();
    console->setUrl(url);
    console->connectToServer();
    if (!waitFor([&] { return console->state() == WsConnectionState::Open; }, 10000)) {
        std::printf("could not connect to %s\n", qPrintable(url.toString()));
        return 1;
    }
    std::printf("%s for %d s into the WebSocket workspace (1366x768, offscreen), payload memory budget %s\n",
                qPrintable(url.toString()), seconds,
                budgetMiB > 0 ? qPrintable(QStringLiteral("%1 MiB").arg(budgetMiB)) : "none");
    std::printf("yardstick: the stream carries %.1f MiB/s (%.0f MiB in %d s); RSS at start %.0f MiB\n",
                double(hz) * size / kMiB, double(hz) * size * seconds / kMiB, seconds, rssStart);
    std::printf("%6s %10s %12s %12s %10s %10s\n", "t (s)", "RSS (MiB)", "held (MiB)", "dropped", "messages", "rows");
    const auto print = [&](const char *label) {
        console->flushLog();
        const Timeline &t = session.timeline();
        std::printf("%6s %10.0f %12.0f %12.0f %10lld %10lld\n", label, rssMiB(), double(t.bytesHeld()) / kMiB,
                    double(t.bytesDropped()) / kMiB, (long long)console->counts().messages[0], (long long)t.rowCount());
    };
    QElapsedTimer run;
    run.start();
    double peak = 0;
    for (int at = every; at <= seconds; at += every) {
        runFor(int(qint64(at) * 1000 - run.elapsed()));
        peak = std::max(peak, rssMiB());
        print(qPrintable(QString::number(at)));
    }
    std::printf("peak RSS %.0f MiB for a budget of %lld MiB\n", peak, (long long)budgetMiB);

    console->disconnectFromServer();
    waitFor([&] { return console->state() == WsConnectionState::Closed; }, 10000);
    runFor(500);
    print("closed");
    console->clearLog();
    runFor(500);
    print("clear");
    workspace.closeConsole(workspace.tabs()->indexOf(console));
    waitFor([&] { return console.isNull(); }, 10000);
    runFor(500);
    std::printf("%6s %10.0f %12.0f   (released %.0f MiB)\n", "tab", rssMiB(), double(session.timeline().bytesHeld()) / kMiB,
                double(session.timeline().bytesReleased()) / kMiB);

    // A second tab closed while it streams, without Clear: closing frees what it held.
    console = workspace.currentConsole();
    console->setUrl(url);
    console->connectToServer();
    if (!waitFor([&] { return console->state() == WsConnectionState::Open; }, 10000))
        return 1;
    runFor(std::max(every, seconds / 4) * 1000);
    print("tab 2");
    workspace.closeConsole(workspace.tabs()->indexOf(console));
    waitFor([&] { return console.isNull(); }, 10000);
    runFor(500);
    std::printf("%6s %10.0f %12.0f   (released %.0f MiB in all)\n", "closed", rssMiB(),
                double(session.timeline().bytesHeld()) / kMiB, double(session.timeline().bytesReleased()) / kMiB);
    return 0;
}

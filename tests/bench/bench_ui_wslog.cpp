// WebSocket console under load. Prints figures; asserts nothing about time.
//
//  1. Live: a real WsConsole (real WsConnection, real widgets, offscreen) against the demo
//     server's /ws/ticker at N messages/s; the server runs in its own thread so its work is
//     not counted as UI time. A 2 ms probe timer measures how long the UI thread was away.
//     Memory per message on the whole live path: timeline rows + stream bytes (the
//     timeline's accounting) + the log's index, and VmRSS growth (engine buffers included).
//  2. Log: 1 000 000 small messages recorded into a timeline (SimulatedWsConnection: the
//     engine's codecs without a socket) in 25 ms batches while a QTableView over WsLogModel
//     follows the tail; then random jumps through the million rows and a search.
//  3. Filter: a timeline of 1 000 000 WebSocket messages on 10 connections and 10 000 HTTP
//     exchanges, shown for one connection (a past connection reopened, a mode switch).
//
// Usage: QT_QPA_PLATFORM=offscreen bench_ui_wslog [--hz 50000] [--seconds 10] [--rows 1000000]
#include "core/demo/demoserver.h"
#include "core/session/session.h"
#include "core/session/timelinewriter.h"
#include "tests/peers/simulatedwsconnection.h"
#include "ui/ws/wsconsole.h"
#include "ui/ws/wslogmodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <memory>
#include <vector>

using namespace wirescope;

static qint64 vmRssBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

static double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

static qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Measures the UI thread's longest absence: a timer that should fire every 2 ms. The CPU
// time the thread used within each gap tells its own work apart from time it was not
// scheduled at all (the 2-core host is shared).
class StallProbe : public QObject
{
public:
    explicit StallProbe(QObject *parent)
        : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(2);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            if (m_last > 0) {
                m_gapsMs.push_back(double(now - m_last) / 1e6);
                m_busiestGapMs = std::max(m_busiestGapMs, double(cpu - m_lastCpu) / 1e6);
            }
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_gapsMs.clear();
        m_last = 0;
        m_busiestGapMs = 0;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    // A gap beyond the 2 ms period is time the event loop could not run.
    double maxStallMs() const { return m_gapsMs.empty() ? 0 : *std::max_element(m_gapsMs.begin(), m_gapsMs.end()) - 2; }
    // The most CPU time the UI thread spent between two probe ticks (its own longest stall).
    double busiestGapMs() const { return m_busiestGapMs; }
    double p99GapMs() const { return percentile(m_gapsMs, 0.99); }
    size_t over(double ms) const { return size_t(std::count_if(m_gapsMs.begin(), m_gapsMs.end(), [ms](double g) { return g > ms; })); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    double m_busiestGapMs = 0;
    std::vector<double> m_gapsMs;
};

static void runLive(int hz, int seconds)
{
    QThread serverThread;
    serverThread.setObjectName(QStringLiteral("demo server"));
    serverThread.start();
    QObject anchor;
    anchor.moveToThread(&serverThread);
    DemoServer *demo = nullptr;
    QUrl base;
    QMetaObject::invokeMethod(&anchor, [&] {
        demo = new DemoServer;
        if (demo->start())
            base = demo->wsBaseUrl();
    }, Qt::BlockingQueuedConnection);
    if (base.isEmpty()) {
        std::printf("live: the demo server did not start\n");
        QMetaObject::invokeMethod(&anchor, [&] { delete demo; }, Qt::BlockingQueuedConnection);
        serverThread.quit();
        serverThread.wait();
        return;
    }
    QUrl url = base;
    url.setPath(QStringLiteral("/ws/ticker"));
    url.setQuery(QStringLiteral("hz=%1&size=32").arg(hz));

    Session session;
    WsConsole console(&session);
    console.resize(1440, 900);
    console.show();
    console.setUrl(url);
    StallProbe probe(&console);
    QElapsedTimer wait;
    wait.start();
    console.connectToServer();
    while (console.state() != WsConnectionState::Open && wait.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (console.state() != WsConnectionState::Open) {
        std::printf("live: could not connect to %s\n", qPrintable(url.toString()));
    } else {
        const qint64 rssBefore = vmRssBytes();
        probe.start();
        QElapsedTimer run;
        run.start();
        while (run.elapsed() < seconds * 1000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        probe.stop();
        console.flushLog();
        const double elapsed = double(run.nsecsElapsed()) / 1e9;
        const qint64 received = console.chartData().totalMessages(Direction::In);
        const qint64 rows = console.logModel()->rowCount();
        const qint64 timelineBytes = session.timeline().memoryUsed();
        const qint64 indexBytes = console.logModel()->memoryUsed();
        std::printf("live: /ws/ticker hz=%d size=32 for %.1f s, console visible and following the log\n", hz, elapsed);
        std::printf("  messages received          %lld (%.0f msg/s)\n", (long long)received, double(received) / elapsed);
        std::printf("  log rows shown             %lld (%.0f rows/s)\n", (long long)rows, double(rows) / elapsed);
        std::printf("  UI thread max stall        %.1f ms (2 ms probe; p99 gap %.1f ms; gaps > 50 ms: %zu, > 16 ms: %zu)\n",
                    probe.maxStallMs(), probe.p99GapMs(), probe.over(50), probe.over(16));
        std::printf("  UI thread longest busy gap %.1f ms of CPU time (the rest of a longer gap: not scheduled)\n",
                    probe.busiestGapMs());
        const double messages = double(std::max<qint64>(1, received));
        std::printf("  memory per message         %.1f bytes (timeline rows + stream bytes %.1f, log index %.1f)\n",
                    double(timelineBytes + indexBytes) / messages, double(timelineBytes) / messages,
                    double(indexBytes) / messages);
        std::printf("  RSS growth                 %.1f MiB (%.0f bytes per received message, all buffers included)\n",
                    double(vmRssBytes() - rssBefore) / (1024 * 1024), double(vmRssBytes() - rssBefore) / messages);
        console.disconnectFromServer();
        wait.restart();
        while (console.state() != WsConnectionState::Closed && wait.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    QMetaObject::invokeMethod(&anchor, [&] { delete demo; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
}

static void runLog(int totalRows)
{
    Session session;
    QObject context;
    TimelineWriter writer(session.recorder(), &context);
    test::SimulatedWsConnection ws(writer, session.newConnectionId());
    ws.open(0, QStringLiteral("ws://127.0.0.1/ws/ticker"));
    WsLogModel model(&session);
    model.addConnection(1);
    QTableView view;
    view.setModel(&model);
    view.verticalHeader()->hide();
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 6);
    view.horizontalHeader()->setStretchLastSection(true);
    view.resize(1280, 720);
    view.show();
    QCoreApplication::processEvents();

    // 50 000 msg/s shown every 25 ms: 1250 rows per batch. A typical ticker message: 32
    // bytes of JSON from the server, 2-byte header, read 1250 at a time.
    const int batchSize = 1250;
    QByteArray burst;
    for (int i = 0; i < batchSize; ++i)
        burst += ws.serverFrame(WsOpcode::Text, QByteArray("{\"seq\":123456,\"t_ns\":98765432} "));
    const qint64 rssBefore = vmRssBytes();
    std::vector<double> recordMs, insertMs, paintMs;
    QElapsedTimer total;
    total.start();
    qint64 t = 0;
    for (int done = 0; done < totalRows; done += batchSize) {
        QElapsedTimer step;
        step.start();
        ws.read(t += 25'000'000, burst); // the engine's side (its thread in the app)
        writer.flush();
        recordMs.push_back(double(step.nsecsElapsed()) / 1e6);
        step.restart();
        session.recorder()->drain(); // the UI thread from here on
        model.flush();
        insertMs.push_back(double(step.nsecsElapsed()) / 1e6);
        step.restart();
        view.scrollToBottom();
        view.viewport()->repaint();
        paintMs.push_back(double(step.nsecsElapsed()) / 1e6);
    }
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    const qint64 rss = vmRssBytes() - rssBefore;
    const qint64 rows = model.rowCount();
    std::printf("log: %lld rows of 32-byte text recorded in batches of %d, view following the tail\n", (long long)rows, batchSize);
    std::printf("  rows/s (record + insert + follow + repaint)  %.0f\n", double(rows) / seconds);
    std::printf("  engine side: parse + record   median %.3f ms per batch\n", percentile(recordMs, 0.5));
    std::printf("  UI side: apply + insert       median %.3f ms, max %.3f ms\n", percentile(insertMs, 0.5), percentile(insertMs, 1.0));
    std::printf("  follow + repaint              median %.2f ms, p99 %.2f ms, max %.2f ms\n", percentile(paintMs, 0.5),
                percentile(paintMs, 0.99), percentile(paintMs, 1.0));
    std::printf("  bytes per row       %.1f by the timeline (32-byte row + 34 stream bytes + chunk and frame index), "
                "%.1f by the log index, %.1f by VmRSS\n",
                double(session.timeline().memoryUsed()) / double(rows), double(model.memoryUsed()) / double(rows),
                double(rss) / double(rows));

    // Smooth scrolling: jump anywhere in the million rows and repaint.
    std::vector<double> jumpMs;
    auto *bar = view.verticalScrollBar();
    for (int i = 0; i < 200; ++i) {
        QElapsedTimer step;
        step.start();
        bar->setValue(int(QRandomGenerator::global()->bounded(bar->maximum() + 1)));
        view.viewport()->repaint();
        jumpMs.push_back(double(step.nsecsElapsed()) / 1e6);
    }
    std::vector<double> pageMs;
    for (int i = 0; i < 200; ++i) {
        QElapsedTimer step;
        step.start();
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        view.viewport()->repaint();
        pageMs.push_back(double(step.nsecsElapsed()) / 1e6);
    }
    std::printf("  random jump + repaint  median %.2f ms, max %.2f ms; page down + repaint median %.2f ms, max %.2f ms\n",
                percentile(jumpMs, 0.5), percentile(jumpMs, 1.0), percentile(pageMs, 0.5), percentile(pageMs, 1.0));
    QElapsedTimer filter;
    filter.start();
    model.setSearchText(QStringLiteral("nothing matches this"));
    std::printf("  search over all rows   %.0f ms\n", double(filter.nsecsElapsed()) / 1e6);
}

// A session with 1 000 000 WebSocket messages on 10 connections and 10 000 HTTP exchanges,
// interleaved; then the time to show one connection's rows.
static void runFilter(int totalMessages)
{
    Session session;
    QObject context;
    TimelineWriter writer(session.recorder(), &context);
    constexpr int kConnections = 10;
    std::vector<std::unique_ptr<test::SimulatedWsConnection>> connections;
    for (int i = 0; i < kConnections; ++i) {
        connections.push_back(std::make_unique<test::SimulatedWsConnection>(writer, session.newConnectionId()));
        connections.back()->open(i, QStringLiteral("ws://127.0.0.1/ws/ticker"));
    }
    const int perBurst = 100;
    QByteArray burst;
    for (int i = 0; i < perBurst; ++i)
        burst += connections.front()->serverFrame(WsOpcode::Text, QByteArray("{\"seq\":123456,\"t_ns\":98765432} "));
    const int exchanges = 10'000;
    const int bursts = totalMessages / perBurst;
    const int exchangeEvery = std::max(1, bursts / exchanges);
    HttpExchangeRecord exchange;
    qint64 t = 1000;
    int written = 0;
    for (int b = 0; b < bursts; ++b) {
        connections[size_t(b % kConnections)]->read(t += 1000, burst);
        if (b % exchangeEvery == 0 && written < exchanges) {
            exchange.startNs = t;
            writer.httpExchange(session.newConnectionId(), exchange);
            ++written;
        }
        if (b % 100 == 99) {
            writer.flush();
            session.recorder()->drain();
        }
    }
    writer.flush();
    session.recorder()->drain();
    const qsizetype rows = session.timeline().rowCount();
    WsLogModel model(&session);
    QElapsedTimer timer;
    timer.start();
    model.addConnection(5);
    const double addMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    model.setMode(WsLogModel::Mode::Frames);
    const double modeMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    model.setDirectionFilter(WsLogModel::ShowIncoming);
    const double directionMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf("filter: a timeline of %lld rows (%d WebSocket messages on %d connections, %d HTTP exchanges)\n",
                (long long)rows, bursts * perBurst, kConnections, written);
    std::printf("  one connection's rows shown (%d)   %.1f ms\n", model.rowCount(), addMs);
    std::printf("  switched to frames mode            %.1f ms\n", modeMs);
    std::printf("  received only                      %.1f ms\n", directionMs);
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption hzOption(QStringLiteral("hz"), QStringLiteral("ticker rate, messages/s"), QStringLiteral("N"), QStringLiteral("50000"));
    QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("live run length"), QStringLiteral("S"), QStringLiteral("10"));
    QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("rows for the log run"), QStringLiteral("N"), QStringLiteral("1000000"));
    parser.addOptions({hzOption, secondsOption, rowsOption});
    parser.process(app);
    runLive(parser.value(hzOption).toInt(), parser.value(secondsOption).toInt());
    runLog(parser.value(rowsOption).toInt());
    runFilter(parser.value(rowsOption).toInt());
    return 0;
}

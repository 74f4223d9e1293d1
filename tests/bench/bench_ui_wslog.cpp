// WebSocket console under load. Prints figures; asserts nothing about time.
//
//  1. Live: a real WsConsole (real WsConnection, real widgets, offscreen) against the demo
//     server's /ws/ticker at N messages/s; the server runs in its own thread so its work is
//     not counted as UI time. A 2 ms probe timer measures how long the UI thread was away.
//  2. Log: 1 000 000 small messages appended to WsLogModel in 25 ms batches while a
//     QTableView follows the tail; then random jumps through the million rows. Reports
//     batch cost, repaint cost and bytes per row (model's own accounting and VmRSS).
//
// Usage: QT_QPA_PLATFORM=offscreen bench_ui_wslog [--hz 50000] [--seconds 10] [--rows 1000000]
#include "core/demo/demoserver.h"
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
#include <cstdio>
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

// Measures the UI thread's longest absence: a timer that should fire every 2 ms.
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
            if (m_last > 0)
                m_gapsMs.push_back(double(now - m_last) / 1e6);
            m_last = now;
        });
    }
    void start()
    {
        m_gapsMs.clear();
        m_last = 0;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    // A gap beyond the 2 ms period is time the event loop could not run.
    double maxStallMs() const { return m_gapsMs.empty() ? 0 : *std::max_element(m_gapsMs.begin(), m_gapsMs.end()) - 2; }
    double p99GapMs() const { return percentile(m_gapsMs, 0.99); }
    size_t over(double ms) const { return size_t(std::count_if(m_gapsMs.begin(), m_gapsMs.end(), [ms](double g) { return g > ms; })); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
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

    WsConsole console;
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
        const qint64 rows = console.logModel()->totalRows();
        std::printf("live: /ws/ticker hz=%d size=32 for %.1f s, console visible and following the log\n", hz, elapsed);
        std::printf("  messages received          %lld (%.0f msg/s)\n", (long long)received, double(received) / elapsed);
        std::printf("  log rows shown             %lld (%.0f rows/s)\n", (long long)rows, double(rows) / elapsed);
        std::printf("  UI thread max stall        %.1f ms (2 ms probe; p99 gap %.1f ms; gaps > 50 ms: %zu, > 16 ms: %zu)\n",
                    probe.maxStallMs(), probe.p99GapMs(), probe.over(50), probe.over(16));
        std::printf("  RSS growth                 %.1f MiB (%.0f bytes per received message, all buffers included)\n",
                    double(vmRssBytes() - rssBefore) / (1024 * 1024), received ? double(vmRssBytes() - rssBefore) / double(received) : 0.0);
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
    WsLogModel model;
    QTableView view;
    view.setModel(&model);
    view.verticalHeader()->hide();
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 6);
    view.horizontalHeader()->setStretchLastSection(true);
    view.resize(1280, 720);
    view.show();
    QCoreApplication::processEvents();

    // 50 000 msg/s flushed every 25 ms: 1250 rows per batch. A typical ticker message:
    // 32 bytes of JSON from the server, 2-byte header.
    const int batchSize = 1250;
    const QByteArray header = QByteArray::fromHex("8120");
    const QByteArray payload("{\"seq\":123456,\"t_ns\":98765432} ");
    const qint64 rssBefore = vmRssBytes();
    std::vector<double> insertMs, paintMs;
    QElapsedTimer total;
    total.start();
    qint64 t = 0;
    for (int done = 0; done < totalRows; done += batchSize) {
        std::vector<WsLogEntry> batch(size_t(std::min(batchSize, totalRows - done)));
        for (WsLogEntry &entry : batch) {
            entry.record.tNs = (t += 20'000);
            entry.record.opcode = 1;
            entry.record.size = entry.record.wireSize = quint32(payload.size());
            entry.record.frameCount = 1;
            entry.record.setKind(WsLogKind::Message);
            entry.header = header;
            entry.data = payload;
        }
        QElapsedTimer step;
        step.start();
        model.appendBatch(std::move(batch));
        insertMs.push_back(double(step.nsecsElapsed()) / 1e6);
        step.restart();
        view.scrollToBottom();
        view.viewport()->repaint();
        paintMs.push_back(double(step.nsecsElapsed()) / 1e6);
    }
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    const qint64 rss = vmRssBytes() - rssBefore;
    std::printf("log: %d rows of 32-byte text in batches of %d, view following the tail\n", totalRows, batchSize);
    std::printf("  rows/s (insert + follow + repaint)  %.0f\n", double(totalRows) / seconds);
    std::printf("  batch insert        median %.3f ms, max %.3f ms\n", percentile(insertMs, 0.5), percentile(insertMs, 1.0));
    std::printf("  follow + repaint    median %.2f ms, p99 %.2f ms, max %.2f ms\n", percentile(paintMs, 0.5),
                percentile(paintMs, 0.99), percentile(paintMs, 1.0));
    std::printf("  bytes per row       %.1f by the store (32-byte record + 2-byte header + 32-byte payload), %.1f by VmRSS\n",
                double(model.store().memoryUsed()) / totalRows, double(rss) / totalRows);

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
    return 0;
}

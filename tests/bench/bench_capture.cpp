// Capture write-through at 50 000 msg/s in the window (issue #11 item 9): "no UI-thread stall
// over 16 ms". Printed, never asserted.
//
// A peer on a thread of its own (blocking POSIX sockets, no event loop to fall behind) accepts
// a WebSocket upgrade and writes pre-built unmasked server frames of 32-byte text messages,
// paced per millisecond, N messages in all, then a close frame. It streams twice:
//   1. yardstick: a bare QWebSocket on the main thread counting messages (no recording, no UI);
//   2. the main window: a WebSocket console of a MainWindow whose SessionDocument writes the
//      session through to its working copy (SessionStore, on the store's thread), with the
//      log following its tail and the live charts drawing.
// Both times a 1 ms heartbeat timer on the main (UI) thread records the gaps between its
// ticks: the longest, p99, how many exceed 16 ms; and the CPU time the thread itself spent
// within each gap (its own work; the rest of a gap is time the shared 2-core host did not
// schedule it): the longest, and how many exceed 16 ms. After
// the window's run the session is saved and the file's summary says how many messages landed.
//
//   QT_QPA_PLATFORM=offscreen bench_capture [--hz 50000] [--seconds 10]
#include "core/session/session.h"
#include "core/session/sessiondocument.h"
#include "core/session/sessionfilereader.h"
#include "ui/app/workspacearea.h"
#include "ui/mainwindow.h"
#include "ui/ws/wschartdata.h"
#include "ui/ws/wsconsole.h"
#include "ui/ws/wslogmodel.h"
#include "ui/ws/wsworkspace.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace wirescope;

namespace {

// Serves WebSocket connections one after the other; each gets the same paced stream.
class PacedWsPeer
{
public:
    PacedWsPeer(qint64 hz, qint64 total)
        : m_hz(hz), m_total(total)
    {
        // RFC 6455 §5.2: FIN + text, 7-bit length 32, no mask (server to client).
        m_frames.reserve(size_t(total) * kFrameSize);
        char payload[64]; // 32 characters for the ten-digit sequence numbers used here
        for (qint64 i = 0; i < total; ++i) {
            std::snprintf(payload, sizeof payload, "{\"seq\":%010lld,\"p\":\"xxxxxxx\"}", static_cast<long long>(i));
            m_frames.push_back(char(0x81));
            m_frames.push_back(char(kPayload));
            m_frames.insert(m_frames.end(), payload, payload + kPayload);
        }
    }
    ~PacedWsPeer()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        if (m_listen >= 0)
            ::close(m_listen);
    }

    quint16 start()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_listen < 0 || ::bind(m_listen, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
            || ::listen(m_listen, 4) != 0 || ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return 0;
        m_thread = std::thread([this] { serve(); });
        return ntohs(address.sin_port);
    }
    // Seconds the last stream took to write (its pace when the reader keeps up).
    double lastStreamSeconds() const { return m_lastSeconds.load(); }

private:
    static constexpr int kPayload = 32;
    static constexpr size_t kFrameSize = 2 + kPayload;

    void serve()
    {
        while (!m_stop) {
            pollfd p{m_listen, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0)
                continue;
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0)
                continue;
            if (handshake(fd))
                stream(fd);
            ::close(fd);
        }
    }

    static bool sendAll(int fd, const char *data, size_t size)
    {
        while (size > 0) {
            const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            data += n;
            size -= size_t(n);
        }
        return true;
    }

    // RFC 6455 §4.2.2: the 101 with Sec-WebSocket-Accept; no extension is accepted.
    static bool handshake(int fd)
    {
        QByteArray head;
        char buffer[4096];
        while (!head.contains("\r\n\r\n")) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                return false;
            head.append(buffer, n);
        }
        QByteArray key;
        for (const QByteArray &line : head.split('\n'))
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(18).trimmed();
        const QByteArray accept = QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                                           QCryptographicHash::Sha1).toBase64();
        const QByteArray response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                    "Sec-WebSocket-Accept: " + accept + "\r\n\r\n";
        return sendAll(fd, response.constData(), size_t(response.size()));
    }

    void stream(int fd)
    {
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        using Clock = std::chrono::steady_clock;
        const Clock::time_point start = Clock::now();
        qint64 sent = 0;
        for (qint64 tick = 1; sent < m_total && !m_stop; ++tick) {
            const qint64 elapsedNs = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
            const qint64 due = std::min<qint64>(m_total, elapsedNs / 1000 * m_hz / 1'000'000 + 1);
            if (due > sent && !sendAll(fd, m_frames.data() + sent * qint64(kFrameSize), size_t(due - sent) * kFrameSize))
                return;
            sent = std::max(sent, due);
            std::this_thread::sleep_until(std::max(Clock::now(), start + std::chrono::milliseconds(tick)));
        }
        m_lastSeconds = std::chrono::duration<double>(Clock::now() - start).count();
        const char close[] = {char(0x88), 2, char(0x03), char(0xe8)}; // 1000, RFC 6455 §7.4.1
        sendAll(fd, close, sizeof close);
        // The client answers the close and shuts its side (RFC 6455 §7.1.1): read until then.
        char buffer[4096];
        pollfd p{fd, POLLIN, 0};
        while (!m_stop && ::poll(&p, 1, 5000) > 0 && ::recv(fd, buffer, sizeof buffer, 0) > 0) {
        }
    }

    const qint64 m_hz;
    const qint64 m_total;
    std::vector<char> m_frames;
    int m_listen = -1;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<double> m_lastSeconds{0};
};

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// A timer due every millisecond on the UI thread: a gap between two ticks beyond 1 ms is time
// the event loop could not turn (a stall the user would see as a frozen window). The thread's
// CPU time within each gap tells its own work apart from time the shared host did not
// schedule it at all.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            if (m_last >= 0) {
                m_gapsMs.push_back(double(now - m_last) / 1e6);
                m_cpuMs.push_back(double(cpu - m_lastCpu) / 1e6);
            }
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_gapsMs.clear();
        m_cpuMs.clear();
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    const std::vector<double> &gapsMs() const { return m_gapsMs; }
    const std::vector<double> &cpuMs() const { return m_cpuMs; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    qint64 m_lastCpu = 0;
    std::vector<double> m_gapsMs;
    std::vector<double> m_cpuMs; // the thread's CPU time within each gap
};

double maxOf(const std::vector<double> &values)
{
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

size_t countOver(const std::vector<double> &values, double limit)
{
    return size_t(std::count_if(values.begin(), values.end(), [limit](double v) { return v > limit; }));
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    const size_t at = std::min(values.size() - 1, size_t(p * double(values.size())));
    std::nth_element(values.begin(), values.begin() + qsizetype(at), values.end());
    return values[at];
}

struct Run {
    qint64 received = 0;
    double seconds = 0; // from open to the last message
    double maxGapMs = 0, p99GapMs = 0, maxCpuMs = 0;
    double cpuShare = 0; // the UI thread's CPU time over the run's wall time
    size_t over16 = 0, cpuOver16 = 0, ticks = 0;
};

// Turns the event loop until `done` or `timeoutMs`, looking every 5 ms.
void turnUntil(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer check;
    QElapsedTimer waited;
    waited.start();
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done() || waited.elapsed() > timeoutMs)
            loop.quit();
    });
    check.start(5);
    loop.exec();
}

void finish(Run &run, const Heartbeat &heartbeat)
{
    run.maxGapMs = maxOf(heartbeat.gapsMs());
    run.p99GapMs = percentile(heartbeat.gapsMs(), 0.99);
    run.over16 = countOver(heartbeat.gapsMs(), 16);
    run.ticks = heartbeat.gapsMs().size();
    run.maxCpuMs = maxOf(heartbeat.cpuMs());
    run.cpuOver16 = countOver(heartbeat.cpuMs(), 16);
    double cpuMs = 0;
    for (const double ms : heartbeat.cpuMs())
        cpuMs += ms;
    double wallMs = 0;
    for (const double ms : heartbeat.gapsMs())
        wallMs += ms;
    run.cpuShare = wallMs > 0 ? cpuMs / wallMs : 0;
}

Run bareQWebSocket(const QUrl &url, qint64 total, int timeoutMs)
{
    Run run;
    QWebSocket socket;
    QElapsedTimer clock;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString &) {
        if (++run.received == total)
            run.seconds = double(clock.nsecsElapsed()) / 1e9;
    });
    bool closed = false;
    QObject::connect(&socket, &QWebSocket::disconnected, [&] { closed = true; });
    socket.open(url);
    turnUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 10'000);
    Heartbeat heartbeat;
    clock.start();
    heartbeat.start();
    turnUntil([&] { return closed || run.received >= total; }, timeoutMs);
    heartbeat.stop();
    if (run.received < total)
        run.seconds = double(clock.nsecsElapsed()) / 1e9;
    finish(run, heartbeat);
    turnUntil([&] { return closed; }, 5000);
    return run;
}

Run mainWindow(MainWindow &window, const QUrl &url, qint64 total, int timeoutMs)
{
    Run run;
    WsConsole *console = window.wsWorkspace()->newConsole();
    console->setUrl(url);
    console->connectToServer();
    turnUntil([&] { return console->state() == WsConnectionState::Open; }, 10'000);
    if (console->state() != WsConnectionState::Open) {
        std::fprintf(stderr, "bench_capture: the console did not connect to %s\n", qPrintable(url.toString()));
        std::exit(1);
    }
    Heartbeat heartbeat;
    QElapsedTimer clock;
    clock.start();
    heartbeat.start();
    const auto received = [console] { return console->chartData().totalMessages(Direction::In); };
    turnUntil([&] { return received() >= total || console->state() == WsConnectionState::Closed; }, timeoutMs);
    heartbeat.stop();
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.received = received();
    finish(run, heartbeat);
    turnUntil([&] { return console->state() == WsConnectionState::Closed; }, 5000);
    return run;
}

void print(const char *name, const Run &run)
{
    std::printf("  %-30s %7lld msgs %6.0f msg/s | gap max %5.1f ms, p99 %4.1f ms, > 16 ms: %3zu of %zu"
                " | CPU in a gap max %5.1f ms, > 16 ms: %zu | UI thread busy %3.0f %%\n",
                name, static_cast<long long>(run.received), double(run.received) / std::max(run.seconds, 1e-9),
                run.maxGapMs, run.p99GapMs, run.over16, run.ticks, run.maxCpuMs, run.cpuOver16, run.cpuShare * 100);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("bench_capture"));
    qint64 hz = 50'000;
    qint64 seconds = 10;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--hz")
            hz = std::max<qint64>(1, args[i + 1].toLongLong());
        else if (args[i] == u"--seconds")
            seconds = std::max<qint64>(1, args[i + 1].toLongLong());
    }
    const qint64 total = hz * seconds;
    const int timeoutMs = int(seconds * 3000 + 10'000);
    PacedWsPeer peer(hz, total);
    const quint16 port = peer.start();
    if (port == 0) {
        std::fprintf(stderr, "bench_capture: the peer could not listen\n");
        return 1;
    }
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/feed").arg(port));
    std::printf("bench_capture: %lld messages of 32 bytes at %lld msg/s from a paced peer on its own thread;\n"
                "1 ms heartbeat on the UI thread (gap: time between two of its ticks; CPU: the UI thread's own\n"
                "CPU time within a gap, the rest being time the shared host did not run it)\n",
                static_cast<long long>(total), static_cast<long long>(hz));

    const Run bare = bareQWebSocket(url, total, timeoutMs);
    const double bareStream = peer.lastStreamSeconds();
    print("bare QWebSocket (yardstick)", bare);

    MainWindow window;
    window.resize(1366, 768);
    window.show();
    window.workspaceArea()->showWorkspace(window.wsWorkspace()); // the WebSocket tab in front, painting
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    const Run windowRun = mainWindow(window, url, total, timeoutMs);
    print("main window, written through", windowRun);
    std::printf("  peer wrote each stream in %.2f s (yardstick) and %.2f s (window)\n", bareStream,
                peer.lastStreamSeconds());

    WsConsole *console = window.wsWorkspace()->currentConsole();
    console->flushLog();
    std::printf("  window: log rows %d, chart messages in %lld\n", console->logModel()->rowCount(),
                static_cast<long long>(console->chartData().totalMessages(Direction::In)));
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("capture.wirescope"));
    QElapsedTimer saveClock;
    saveClock.start();
    SessionFileError error;
    if (!window.document()->save(saved, &error)) {
        std::fprintf(stderr, "bench_capture: save failed: %s\n", qPrintable(error.message));
        return 1;
    }
    const double saveSeconds = double(saveClock.nsecsElapsed()) / 1e9;
    SessionFileReader reader;
    SessionSummary summary;
    if (!reader.open(saved, &error) || !reader.readSummary(&summary, &error)) {
        std::fprintf(stderr, "bench_capture: the saved session does not read: %s\n", qPrintable(error.message));
        return 1;
    }
    std::printf("  working copy: %lld messages of %lld landed (%lld rows), saved in %.2f s (%.1f MiB)\n",
                static_cast<long long>(summary.messages), static_cast<long long>(total),
                static_cast<long long>(summary.rows), saveSeconds, double(QFileInfo(saved).size()) / 1048576.0);
    return 0;
}

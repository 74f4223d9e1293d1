// WebSocket benchmark: prints figures, asserts nothing (DESIGN.md "Tests and measurement").
//
//   bench_ws            codec figures (parse + unmask), then echo figures of three clients
//                       (WsConnection, QWebSocket, a bare blocking-socket RFC 6455 client)
//                       against a QWebSocketServer echo started as a child process (a fresh one per test).
//   bench_ws --codec    codec figures only
//   bench_ws --echo     echo figures only; --client raw|qt|ws|rec runs one client; --rounds N;
//                       --test rtt|pipe|bulk runs one test (for profiling)
//   bench_ws --server   the echo server (prints "PORT n")
//
// Pinned run (client and server on one vCPU, see perf-anchors.md): taskset -c 0 bench_ws
#include "tests/bench/barewsclient.h"

#include "core/net/wsconnection.h"
#include "core/session/session.h"
#include "core/wire/wsframeparser.h"
#include "core/wire/wsframewriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>


using namespace wirescope;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Stats {
    double median = 0;
    double p99 = 0;
};

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, size_t(double(v.size()) * 0.99))]};
}

// ---- codec -------------------------------------------------------------------------

void benchParse(int payloadSize, WsRole parseAs, qsizetype totalBytes)
{
    WsFrameWriter writer(parseAs == WsRole::Server ? WsRole::Client : WsRole::Server);
    const QByteArray one = writer.message(WsOpcode::Binary, QByteArray(payloadSize, 'a'));
    const qsizetype count = std::max<qsizetype>(1, totalBytes / one.size());
    QByteArray stream;
    stream.reserve(count * one.size());
    for (qsizetype i = 0; i < count; ++i)
        stream.append(one);
    // Unmasked frames are also parsed the way a connection does it: from 64 KiB chunks held
    // in QByteArrays (feedShared), payloads sharing the chunk instead of being copied.
    for (const bool shared : {false, true}) {
        if (shared && parseAs == WsRole::Server)
            continue;
        std::vector<QByteArray> chunks;
        for (qsizetype pos = 0; pos < stream.size(); pos += 65536)
            chunks.push_back(stream.sliced(pos, std::min<qsizetype>(65536, stream.size() - pos)));
        double best = 1e9;
        quint64 frames = 0;
        for (int rep = 0; rep < 5; ++rep) {
            WsFrameParser parser(WsFrameParserOptions{parseAs, 64ull << 20, 0});
            WsParseResult result;
            frames = 0;
            const auto start = Clock::now();
            for (const QByteArray &chunk : chunks) {
                result.events.clear();
                if (shared)
                    parser.feedShared(chunk, result);
                else
                    parser.feed(chunk, result);
                frames += result.events.size();
            }
            best = std::min(best, secondsSince(start));
        }
        std::printf("parse %-15s %8d B frames: %9.2f M frames/s  %8.0f MB/s payload  (%llu frames, %.0f MiB stream, best of 5)\n",
                    parseAs == WsRole::Server ? "masked" : shared ? "unmasked shared" : "unmasked", payloadSize,
                    double(frames) / best / 1e6, double(frames) * payloadSize / best / 1e6,
                    static_cast<unsigned long long>(frames), double(stream.size()) / (1 << 20));
    }
}

void benchUnmask(qsizetype size, int reps)
{
    QByteArray buffer(size, 'u');
    const WsMaskKey key{0x37, 0xfa, 0x21, 0x3d};
    double bestWord = 1e9;
    double bestByte = 1e9;
    for (int rep = 0; rep < 5; ++rep) {
        auto start = Clock::now();
        for (int i = 0; i < reps; ++i)
            wsApplyMask(buffer.data(), buffer.size(), key);
        bestWord = std::min(bestWord, secondsSince(start));
        start = Clock::now();
        for (int i = 0; i < reps; ++i) {
            char *p = buffer.data();
            for (qsizetype j = 0; j < size; ++j)
                p[j] = char(p[j] ^ char(key[size_t(j & 3)]));
            asm volatile("" : : "r"(p) : "memory");
        }
        bestByte = std::min(bestByte, secondsSince(start));
    }
    const double bytes = double(size) * reps;
    std::printf("unmask %6lld KiB in place: word loop %6.1f GB/s, byte loop %5.1f GB/s (same run)\n",
                static_cast<long long>(size / 1024), bytes / bestWord / 1e9, bytes / bestByte / 1e9);
}

// ---- echo server (child process) ----------------------------------------------------

int runServer()
{
    QWebSocketServer server(QStringLiteral("bench"), QWebSocketServer::NonSecureMode);
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    QObject::connect(&server, &QWebSocketServer::newConnection, &server, [&server] {
        while (QWebSocket *s = server.nextPendingConnection()) {
            s->setParent(&server);
            QObject::connect(s, &QWebSocket::textMessageReceived, s, [s](const QString &t) { s->sendTextMessage(t); });
            QObject::connect(s, &QWebSocket::binaryMessageReceived, s, [s](const QByteArray &b) { s->sendBinaryMessage(b); });
            QObject::connect(s, &QWebSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    std::printf("PORT %d\n", server.serverPort());
    std::fflush(stdout);
    return QCoreApplication::exec();
}

// ---- clients ----------------------------------------------------------------------

const int kWarmup = 500;
const int kRtt = 10000;
const int kPipe = 100000;
const int kBulk = 256;
const int kBulkInFlight = 8;
const QString kText = QStringLiteral("0123456789abcdef0123456789abcdef"); // 32 bytes
QString g_onlyTest; // empty: all three

bool runs(const char *test)
{
    return g_onlyTest.isEmpty() || g_onlyTest == QLatin1String(test);
}

struct EchoFigures {
    Stats rttUs;
    double pipeMsgs = 0;
    double bulkMBs = 0;
};

// Drives one client through the three tests with callbacks on the Qt event loop.
template<typename SendText, typename SendBinary>
struct EventDriver {
    EventDriver(SendText text, SendBinary binary)
        : sendText(std::move(text))
        , sendBinary(std::move(binary))
    {
    }
    SendText sendText;
    SendBinary sendBinary;
    QEventLoop loop;
    int phase = 0; // 0 rtt, 1 pipe, 2 bulk
    int sent = 0;
    int received = 0;
    Clock::time_point t0;
    std::vector<double> rtts;
    EchoFigures figures;
    Clock::time_point phaseStart;
    QByteArray bulk = QByteArray(1 << 20, 'b');

    void start()
    {
        rtts.reserve(kRtt);
        startPhase(runs("rtt") ? 0 : runs("pipe") ? 1 : 2);
        loop.exec();
    }
    void startPhase(int next)
    {
        phase = next;
        sent = received = 0;
        phaseStart = Clock::now();
        if (phase == 0) {
            t0 = Clock::now();
            sendText(kText);
        } else if (phase == 1) {
            for (int i = 0; i < kPipe; ++i)
                sendText(kText);
        } else if (phase == 2) {
            for (; sent < kBulkInFlight; ++sent)
                sendBinary(bulk);
        } else {
            loop.quit();
        }
    }
    int nextPhase() const
    {
        int next = phase + 1;
        while (next < 3 && !runs(next == 1 ? "pipe" : "bulk"))
            ++next;
        return next;
    }
    void onMessage()
    {
        ++received;
        if (phase == 0) {
            if (received > kWarmup)
                rtts.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
            if (received == kWarmup + kRtt) {
                figures.rttUs = stats(rtts);
                startPhase(nextPhase());
                return;
            }
            t0 = Clock::now();
            sendText(kText);
        } else if (phase == 1) {
            if (received == kPipe) {
                figures.pipeMsgs = kPipe / secondsSince(phaseStart);
                startPhase(nextPhase());
            }
        } else {
            if (sent < kBulk) {
                sendBinary(bulk);
                ++sent;
            }
            if (received == kBulk) {
                figures.bulkMBs = double(kBulk) * (1 << 20) / secondsSince(phaseStart) / 1e6;
                startPhase(3);
            }
        }
    }
};

template<typename A, typename B>
EventDriver<A, B> *makeDriver(A a, B b)
{
    return new EventDriver<A, B>(a, b);
}

// recorded: the window's path, every byte and frame going into a session's timeline (its
// recorder drains on this thread, as the GUI thread drains it in the window).
EchoFigures benchWsConnection(quint16 port, bool recorded)
{
    Session session;
    session.timeline().setByteBudget(64ll << 20);
    WsConnection connection(recorded ? &session : nullptr, nullptr);
    WsConnectOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port));
    auto *driver = makeDriver([&](const QString &t) { connection.sendText(t); },
                              [&](const QByteArray &b) { connection.sendBinary(b); });
    QObject::connect(&connection, &WsConnection::messageDecoded, &connection, [driver](const WsMessageEvent &e) {
        if (e.direction == Direction::In)
            driver->onMessage();
    });
    QEventLoop wait;
    QObject::connect(&connection, &WsConnection::stateChanged, &wait, [&](WsConnectionState s) {
        if (s == WsConnectionState::Open || s == WsConnectionState::Closed)
            wait.quit();
    });
    connection.open(options);
    wait.exec();
    driver->start();
    const EchoFigures figures = driver->figures;
    delete driver;
    connection.abort();
    return figures;
}

EchoFigures benchQWebSocket(quint16 port)
{
    QWebSocket socket;
    auto *driver = makeDriver([&](const QString &t) { socket.sendTextMessage(t); },
                              [&](const QByteArray &b) { socket.sendBinaryMessage(b); });
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [driver] { driver->onMessage(); });
    QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &socket, [driver] { driver->onMessage(); });
    QEventLoop wait;
    QObject::connect(&socket, &QWebSocket::connected, &wait, &QEventLoop::quit);
    socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port)));
    wait.exec();
    driver->start();
    const EchoFigures figures = driver->figures;
    delete driver;
    socket.abort();
    return figures;
}

EchoFigures benchRaw(quint16 port)
{
    bench::BareWsClient c;
    EchoFigures figures;
    if (!c.connectTo(port, QStringLiteral("/")))
        return figures;
    const QByteArray textFrame = c.writer.text(kText);
    if (runs("rtt")) {
        std::vector<double> rtts;
        for (int i = 0; i < kWarmup + kRtt; ++i) {
            const auto t = Clock::now();
            c.writeAll(textFrame);
            c.readFrame();
            if (i >= kWarmup)
                rtts.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t).count());
        }
        figures.rttUs = stats(rtts);
    }
    if (runs("pipe")) {
        QByteArray many;
        many.reserve(textFrame.size() * kPipe);
        const auto start = Clock::now();
        for (int i = 0; i < kPipe; ++i)
            many.append(c.writer.text(kText));
        c.writeAll(many);
        for (int i = 0; i < kPipe; ++i)
            c.readFrame();
        figures.pipeMsgs = kPipe / secondsSince(start);
    }
    if (runs("bulk")) {
        const QByteArray bulk(1 << 20, 'b');
        const auto start = Clock::now();
        int sent = 0;
        for (; sent < kBulkInFlight; ++sent)
            c.writeAll(c.writer.message(WsOpcode::Binary, bulk));
        for (int received = 0; received < kBulk; ++received) {
            c.readFrame();
            if (sent < kBulk) {
                c.writeAll(c.writer.message(WsOpcode::Binary, bulk));
                ++sent;
            }
        }
        figures.bulkMBs = double(kBulk) * (1 << 20) / secondsSince(start) / 1e6;
    }
    return figures;
}

void printEcho(const char *name, const EchoFigures &f)
{
    std::printf("%-24s rtt median %7.1f us  p99 %7.1f us | pipe %8.0f k msg/s | bulk 1 MiB %7.0f MB/s\n", name,
                f.rttUs.median, f.rttUs.p99, f.pipeMsgs / 1e3, f.bulkMBs);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(QStringLiteral("--server")))
        return runServer();

    if (!args.contains(QStringLiteral("--echo"))) {
        std::printf("== codec (in memory) ==\n");
        benchParse(32, WsRole::Server, 64 << 20);
        benchParse(32, WsRole::Client, 64 << 20);
        benchParse(1 << 20, WsRole::Server, 256 << 20);
        benchParse(1 << 20, WsRole::Client, 256 << 20);
        benchUnmask(1 << 20, 256);
        benchUnmask(64 << 20, 4);
        std::fflush(stdout);
    }
    if (args.contains(QStringLiteral("--codec")))
        return 0;

    std::printf("== echo against QWebSocketServer (a fresh child process per test) ==\n");
    // --client raw|qt|ws: one client only (for profiling)
    const QString client = args.contains(QStringLiteral("--client")) ? args.value(args.indexOf(QStringLiteral("--client")) + 1) : QString();
    const QString onlyTest = args.contains(QStringLiteral("--test")) ? args.value(args.indexOf(QStringLiteral("--test")) + 1) : QString();
    const int rounds = args.contains(QStringLiteral("--rounds")) ? args.value(args.indexOf(QStringLiteral("--rounds")) + 1).toInt() : 3;
    // Rounds interleave the clients, so host noise hits them alike; the summary gives the
    // median over rounds of each figure and of each client's RTT minus the bare socket's.
    // Each test gets a fresh server: after 256 MiB of bulk echoes its heap slows the next
    // pipelined test for every client alike (~30 %), which would measure the server's past.
    constexpr int kClients = 4;
    const char *names[kClients] = {"bare socket client", "QWebSocket", "Wirescope WsConnection",
                                   "WsConnection + timeline"};
    const char *keys[kClients] = {"raw", "qt", "ws", "rec"};
    std::vector<std::vector<EchoFigures>> all(kClients);
    for (int round = 0; round < rounds; ++round) {
        std::printf("-- round %d --\n", round + 1);
        EchoFigures figures[kClients];
        for (const char *test : {"rtt", "pipe", "bulk"}) {
            if (!onlyTest.isEmpty() && onlyTest != QLatin1String(test))
                continue;
            g_onlyTest = QString::fromLatin1(test);
            QProcess server;
            server.setProgram(QCoreApplication::applicationFilePath());
            server.setArguments({QStringLiteral("--server")});
            server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            server.start();
            if (!server.waitForReadyRead(10000)) {
                std::printf("server did not start\n");
                return 1;
            }
            const quint16 port = quint16(server.readLine().trimmed().mid(5).toUInt());
            for (int c = 0; c < kClients; ++c) {
                if (!client.isEmpty() && client != QLatin1String(keys[c]))
                    continue;
                const EchoFigures f = c == 0 ? benchRaw(port)
                                      : c == 1 ? benchQWebSocket(port)
                                               : benchWsConnection(port, c == 3);
                if (g_onlyTest == u"rtt")
                    figures[c].rttUs = f.rttUs;
                else if (g_onlyTest == u"pipe")
                    figures[c].pipeMsgs = f.pipeMsgs;
                else
                    figures[c].bulkMBs = f.bulkMBs;
            }
            server.kill();
            server.waitForFinished();
        }
        for (int c = 0; c < kClients; ++c) {
            if (!client.isEmpty() && client != QLatin1String(keys[c]))
                continue;
            all[size_t(c)].push_back(figures[c]);
            printEcho(names[c], figures[c]);
        }
    }
    auto medianOf = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v[v.size() / 2];
    };
    std::printf("== median over %d rounds ==\n", rounds);
    for (int c = 0; c < kClients; ++c) {
        const auto &rs = all[size_t(c)];
        if (rs.empty())
            continue;
        std::vector<double> rtt, p99, pipe, bulk, overRaw;
        for (size_t r = 0; r < rs.size(); ++r) {
            rtt.push_back(rs[r].rttUs.median);
            p99.push_back(rs[r].rttUs.p99);
            pipe.push_back(rs[r].pipeMsgs);
            bulk.push_back(rs[r].bulkMBs);
            if (c != 0 && all[0].size() == rs.size())
                overRaw.push_back(rs[r].rttUs.median - all[0][r].rttUs.median);
        }
        std::printf("%-24s rtt median %7.1f us  p99 %7.1f us | pipe %8.0f k msg/s | bulk 1 MiB %7.0f MB/s", names[c],
                    medianOf(rtt), medianOf(p99), medianOf(pipe) / 1e3, medianOf(bulk));
        if (!overRaw.empty())
            std::printf(" | rtt over bare %+6.1f us", medianOf(overRaw));
        std::printf("\n");
    }
    return 0;
}

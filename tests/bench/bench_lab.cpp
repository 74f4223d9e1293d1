// The transport lab's benchmark: prints figures, asserts nothing (DESIGN.md "Tests and
// measurement").
//
//   bench_lab [--rate 1000] [--duration 10] [--size 64] [--transports LIST] [--rounds 2000]
//
// The push workload (R events/s of S bytes for T seconds) over each transport, one after
// another, against the demo server on a thread of its own (loopback): push delay p50/p99/max
// per transport, with the yardstick measured in the same run against the same server: the
// round trip of a bare blocking-socket WebSocket client (a S-byte text frame to /ws/echo and
// back), what the socket allows without any engine. A push delay is one way; the yardstick
// is two, so half of it is also printed.
#include "tests/bench/barewsclient.h"

#include "core/demo/demoserver.h"
#include "core/demo/demoserverthread.h"
#include "core/lab/labrunner.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace wirescope;

namespace {

QString option(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

struct Spread {
    double p50 = 0, p99 = 0, max = 0;
};

Spread spreadOf(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const auto rank = [&](double p) { return v[std::min(v.size() - 1, size_t(std::max(0.0, p * double(v.size()) - 1)))]; };
    return {rank(0.5), rank(0.99), v.back()};
}

Spread bareRoundTripMs(quint16 port, int size, int rounds)
{
    bench::BareWsClient client;
    if (!client.connectTo(port, QStringLiteral("/ws/echo")))
        return {};
    const QByteArray frame = client.writer.text(QString(size, u'x'));
    std::vector<double> ms;
    for (int i = 0; i < rounds + 100; ++i) {
        const auto start = std::chrono::steady_clock::now();
        client.writeAll(frame);
        client.readFrame();
        if (i >= 100) // the first ones warm the caches and the server's allocations
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    return spreadOf(ms);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    LabConfig config;
    config.workload = LabWorkload::Push;
    config.rate = option(args, QStringLiteral("--rate"), QStringLiteral("1000")).toDouble();
    config.durationMs = int(option(args, QStringLiteral("--duration"), QStringLiteral("10")).toDouble() * 1000);
    config.size = option(args, QStringLiteral("--size"), QStringLiteral("64")).toInt();
    const int rounds = option(args, QStringLiteral("--rounds"), QStringLiteral("2000")).toInt();
    for (const QString &name : option(args, QStringLiteral("--transports"), QString()).split(u',', Qt::SkipEmptyParts)) {
        if (const std::optional<LabTransport> t = labTransportFromName(name))
            config.transports.append(*t);
    }
    if (config.transports.isEmpty())
        config.transports = allLabTransports();

    DemoServerThread demo;
    if (!demo.start(0)) {
        std::fprintf(stderr, "the demo server did not start: %s\n", qPrintable(demo.server()->errorString()));
        return 1;
    }
    config.baseUrl = demo.server()->httpBaseUrl();
    const quint16 port = demo.server()->port();

    std::printf("== transport lab: push %.0f events/s of %d bytes for %.1f s per transport, demo server on its own thread ==\n",
                config.rate, config.size, config.durationMs / 1000.0);
    const Spread before = bareRoundTripMs(port, config.size, rounds);
    std::printf("%-34s p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms  (half p50 %.3f ms)\n",
                "yardstick: bare WebSocket rtt", before.p50, before.p99, before.max, before.p50 / 2);
    std::fflush(stdout);

    LabRunner runner;
    QEventLoop loop;
    LabRunResult result;
    QObject::connect(&runner, &LabRunner::transportFinished, &loop, [&](const LabTransportResult &t) {
        const qint64 carried = qMax<qint64>(1, t.messagesDelivered);
        std::printf("%-12s push delay      p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms | %lld/%lld delivered, %lld lost, "
                    "%lld late | %6.1f B/msg on the wire | %5lld conns %6lld requests | cpu %7.1f ms%s%s\n",
                    qPrintable(labName(t.transport)), t.pushDelay.p50Ms, t.pushDelay.p99Ms, t.pushDelay.maxMs,
                    qlonglong(t.messagesDelivered), qlonglong(t.messagesSent), qlonglong(t.lost), qlonglong(t.late),
                    double(t.wireBytesIn + t.wireBytesOut) / double(carried), qlonglong(t.connections),
                    qlonglong(t.requests), t.clientCpuMs, t.error.isEmpty() ? "" : " | ERROR: ", qPrintable(t.error));
        std::fflush(stdout);
    });
    QObject::connect(&runner, &LabRunner::finished, &loop, [&](const LabRunResult &r) {
        result = r;
        loop.quit();
    });
    runner.start(config);
    loop.exec();

    // Again after the lab: the yardstick of the same moment, should the host have changed.
    const Spread after = bareRoundTripMs(port, config.size, rounds);
    std::printf("%-34s p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms  (half p50 %.3f ms)\n",
                "yardstick again after the lab", after.p50, after.p99, after.max, after.p50 / 2);
    for (const LabClaim &claim : result.claims)
        std::printf("claim %-16s %-12s %s\n", qPrintable(labName(claim.id)), qPrintable(labName(claim.verdict)),
                    qPrintable(claim.evidence));
    return 0;
}

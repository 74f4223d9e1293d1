// bench_http: sequential keep-alive requests per second against one loopback nginx, this
// engine side by side with QNetworkAccessManager, curl (one process, URL glob) and a bare
// blocking socket client; parse throughput of the response parser; and one fresh request's
// phase timings next to curl -w for the same URL. Prints figures, asserts nothing.
//
//   bench_http [requests=5000] [rounds=3] [fresh=30] [only=SUBSTRING of a client name]
#include "core/net/httpclient.h"
#include "core/session/session.h"
#include "core/session/sessionclock.h"
#include "core/wire/httpresponseparser.h"
#include "tests/peers/nginxpeer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace wirescope;
using namespace wirescope::test;

namespace {

struct RunFigures {
    double requestsPerSecond = 0;
    double medianUs = 0;
    double p99Us = 0;
    int failures = 0;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    size_t k = size_t(std::ceil(p * double(v.size())));
    return v[std::clamp<size_t>(k, 1, v.size()) - 1];
}

// Runs n requests one after the other from the event loop: `startOne(done)` starts one and
// calls done(ok, microseconds) when it finished.
using Done = std::function<void(bool ok, double us)>;
RunFigures sequentialRun(int n, const std::function<void(const Done &)> &startOne)
{
    std::vector<double> per;
    per.reserve(size_t(n));
    RunFigures f;
    QEventLoop loop;
    int done = 0;
    QElapsedTimer wall;
    wall.start();
    Done onDone;
    onDone = [&](bool ok, double us) {
        if (ok)
            per.push_back(us);
        else
            ++f.failures;
        if (++done == n)
            loop.quit();
        else
            startOne(onDone);
    };
    startOne(onDone);
    loop.exec();
    f.requestsPerSecond = n / (double(wall.nsecsElapsed()) / 1e9);
    f.medianUs = percentile(per, 0.5);
    f.p99Us = percentile(per, 0.99);
    return f;
}

// recorded: the window's and the CLI's path, every exchange and byte going into a session's
// timeline (its recorder drains on this thread).
RunFigures engineRun(const QString &url, int n, bool recorded)
{
    Session session;
    HttpClient client(recorded ? &session : nullptr);
    HttpRequest request;
    request.setUrl(url);
    HttpRequestOptions options;
    return sequentialRun(n, [&](const Done &done) {
        HttpExchange *ex = client.start(request, options);
        QObject::connect(ex, &HttpExchange::finished, ex, [ex, done](const HttpExchangeRecord &r) {
            ex->deleteLater();
            done(r.completed(), r.completed() ? double(r.finalHop()->timings.totalNs()) / 1e3 : 0.0);
        });
    });
}

RunFigures qnamRun(const QString &url, int n)
{
    QNetworkAccessManager manager;
    QElapsedTimer one;
    return sequentialRun(n, [&](const Done &done) {
        one.start();
        QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(url)));
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done, &one] {
            reply->readAll();
            reply->deleteLater();
            done(reply->error() == QNetworkReply::NoError, double(one.nsecsElapsed()) / 1e3);
        });
    });
}

RunFigures curlRun(quint16 port, int n)
{
    QProcess curl;
    QElapsedTimer wall;
    wall.start();
    curl.start(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                        QStringLiteral("-w"), QStringLiteral("%{time_total}\\n"),
                                        QStringLiteral("http://127.0.0.1:%1/small.html?[1-%2]").arg(port).arg(n)});
    curl.waitForFinished(600'000);
    RunFigures f;
    f.requestsPerSecond = n / (double(wall.nsecsElapsed()) / 1e9);
    std::vector<double> per;
    for (const QByteArray &line : curl.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            per.push_back(line.toDouble() * 1e6);
    }
    f.failures = n - int(per.size());
    f.medianUs = percentile(per, 0.5);
    f.p99Us = percentile(per, 0.99);
    return f;
}

// The floor: one blocking socket, write the request, read until the Content-Length body.
RunFigures rawRun(quint16 port, int n)
{
    RunFigures f;
    QElapsedTimer wall, one;
    wall.start();
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        f.failures = n;
        ::close(fd);
        return f;
    }
    const QByteArray request = "GET /small.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    std::vector<double> per;
    std::vector<char> buf(65536);
    for (int i = 0; i < n; ++i) {
        one.start();
        if (::write(fd, request.constData(), size_t(request.size())) != request.size()) {
            ++f.failures;
            break;
        }
        QByteArray got;
        qsizetype need = -1;
        while (need < 0 || got.size() < need) {
            const ssize_t r = ::read(fd, buf.data(), buf.size());
            if (r <= 0)
                break;
            got.append(buf.data(), r);
            const qsizetype end = got.indexOf("\r\n\r\n");
            if (need < 0 && end >= 0) {
                const qsizetype cl = got.indexOf("Content-Length: ");
                need = end + 4 + got.mid(cl + 16, got.indexOf('\r', cl) - cl - 16).toLongLong();
            }
        }
        per.push_back(double(one.nsecsElapsed()) / 1e3);
    }
    ::close(fd);
    f.requestsPerSecond = n / (double(wall.nsecsElapsed()) / 1e9);
    f.medianUs = percentile(per, 0.5);
    f.p99Us = percentile(per, 0.99);
    return f;
}

void parseThroughput(QTextStream &out)
{
    const QByteArray one = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Sat, 21 Nov 2026 20:00:00 GMT\r\n"
                           "Content-Type: text/html\r\nContent-Length: 1024\r\nLast-Modified: Sat, 21 Nov 2026 19:00:00 GMT\r\n"
                           "Connection: keep-alive\r\nETag: \"6b01f8eb-400\"\r\nAccept-Ranges: bytes\r\n\r\n"
                           + QByteArray(1024, 'x');
    QByteArray chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 64; ++i)
        chunked += "400\r\n" + QByteArray(1024, 'y') + "\r\n";
    chunked += "0\r\n\r\n";
    for (const auto &[name, message] : {std::pair<const char *, QByteArray>{"1 KiB Content-Length response", one},
                                        std::pair<const char *, QByteArray>{"64 KiB chunked (1 KiB chunks)", chunked}}) {
        const int reps = std::max(1, int((64 << 20) / message.size()));
        HttpResponseParser parser;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < reps; ++i) {
            parser.reset("GET", 0);
            parser.feed(message);
        }
        const double s = double(t.nsecsElapsed()) / 1e9;
        out << QStringLiteral("  %1: %2 responses/s, %3 MB/s\n")
                   .arg(QLatin1String(name), -32)
                   .arg(reps / s, 0, 'f', 0)
                   .arg(double(reps) * double(message.size()) / s / 1e6, 0, 'f', 0);
    }
}

double median(std::vector<double> v) { return percentile(std::move(v), 0.5); }

void freshTimings(QTextStream &out, quint16 port, int fresh)
{
    const QString url = QStringLiteral("http://127.0.0.1:%1/small.html").arg(port);
    std::vector<double> eConnect, eFirst, eTotal, cConnect, cFirst, cTotal;
    for (int i = 0; i < fresh; ++i) {
        // Ours: a new client each time, so DNS/connect happen as for curl's new process.
        {
            HttpClient client;
            HttpRequest request;
            request.setUrl(url);
            HttpRequestOptions options;
            options.reuseConnections = false;
            HttpExchange *ex = client.start(request, options);
            QEventLoop loop;
            HttpExchangeRecord record;
            QObject::connect(ex, &HttpExchange::finished, &loop, [&](const HttpExchangeRecord &r) {
                record = r;
                loop.quit();
            });
            loop.exec();
            if (record.completed()) {
                const PhaseTimings &t = record.finalHop()->timings;
                // curl's figures are cumulative from the transfer start.
                const double connectEnd = double(t.connectEndNs - t.startNs) / 1e6;
                eConnect.push_back(connectEnd);
                eFirst.push_back(double(t.firstByteNs - t.startNs) / 1e6);
                eTotal.push_back(t.total());
            }
        }
        QProcess curl;
        curl.start(QStringLiteral("curl"), {QStringLiteral("-4"), QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                            QStringLiteral("-w"), QStringLiteral("%{time_connect} %{time_starttransfer} %{time_total}"), url});
        curl.waitForFinished(30'000);
        const QList<QByteArray> parts = curl.readAllStandardOutput().split(' ');
        if (parts.size() == 3) {
            cConnect.push_back(parts.at(0).toDouble() * 1e3);
            cFirst.push_back(parts.at(1).toDouble() * 1e3);
            cTotal.push_back(parts.at(2).toDouble() * 1e3);
        }
    }
    out << QStringLiteral("\nOne fresh request, %1 times each, median (ms, cumulative from start):\n").arg(fresh);
    out << QStringLiteral("  %1 %2 %3 %4\n").arg(QStringLiteral(""), -22).arg(QStringLiteral("connected"), 10)
               .arg(QStringLiteral("first byte"), 11).arg(QStringLiteral("total"), 8);
    out << QStringLiteral("  %1 %2 %3 %4\n").arg(QStringLiteral("wirescope engine"), -22).arg(median(eConnect), 10, 'f', 3)
               .arg(median(eFirst), 11, 'f', 3).arg(median(eTotal), 8, 'f', 3);
    out << QStringLiteral("  %1 %2 %3 %4\n").arg(QStringLiteral("curl -w"), -22).arg(median(cConnect), 10, 'f', 3)
               .arg(median(cFirst), 11, 'f', 3).arg(median(cTotal), 8, 'f', 3);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int n = args.value(1, QStringLiteral("5000")).toInt();
    const int rounds = args.value(2, QStringLiteral("3")).toInt();
    const int fresh = args.value(3, QStringLiteral("30")).toInt();
    const QString only = args.value(4); // e.g. "engine": just those rows (for profiling)
    QTextStream out(stdout);
    NginxPeer nginx;
    QString error;
    if (!nginx.start(&error)) {
        out << "nginx peer failed: " << error << '\n';
        return 1;
    }
    const QString url = nginx.httpUrl(QStringLiteral("/small.html")).toString();
    out << QStringLiteral("bench_http: %1 sequential keep-alive GETs of a 1 KiB file from nginx on 127.0.0.1:%2, %3 rounds\n")
               .arg(n).arg(nginx.port()).arg(rounds);
    out << QStringLiteral("%1 %2 %3 %4 %5\n").arg(QStringLiteral("client"), -34).arg(QStringLiteral("req/s"), 9)
               .arg(QStringLiteral("median us"), 10).arg(QStringLiteral("p99 us"), 9).arg(QStringLiteral("fails"), 6);
    out.flush();
    struct Row {
        QString name;
        std::function<RunFigures()> run;
    };
    const quint16 port = nginx.port();
    const QList<Row> rows = {
        {QStringLiteral("bare blocking socket"), [&] { return rawRun(port, n); }},
        {QStringLiteral("wirescope engine, recorded"), [&] { return engineRun(url, n, true); }},
        {QStringLiteral("wirescope engine, no session"), [&] { return engineRun(url, n, false); }},
        {QStringLiteral("curl (one process, URL glob)"), [&] { return curlRun(port, n); }},
        {QStringLiteral("QNetworkAccessManager"), [&] { return qnamRun(url, n); }},
    };
    for (int round = 0; round < rounds; ++round) {
        for (const Row &row : rows) {
            if (!only.isEmpty() && !row.name.contains(only))
                continue;
            const RunFigures f = row.run();
            out << QStringLiteral("%1 %2 %3 %4 %5\n").arg(row.name, -34).arg(f.requestsPerSecond, 9, 'f', 0)
                       .arg(f.medianUs, 10, 'f', 1).arg(f.p99Us, 9, 'f', 1).arg(f.failures, 6);
            out.flush();
        }
        out << '\n';
    }
    if (!only.isEmpty())
        return 0;
    out << "Parse throughput (in memory, one parser reused):\n";
    parseThroughput(out);
    freshTimings(out, port, fresh);
    return 0;
}

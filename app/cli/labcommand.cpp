// wirescope-cli lab: the transport lab headless (docs/cli-lab.md). Option parsing and the
// output only; the run is core/lab's LabRunner, the embedded demo server core/demo's.
#include "app/cli/clicommandline.h"
#include "app/cli/clicommands.h"

#include "core/demo/demoserver.h"
#include "core/demo/demoserverthread.h"
#include "core/lab/labreport.h"
#include "core/lab/labrunner.h"
#include "core/session/recordjson.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <memory>
#include <optional>

using namespace wirescope;

namespace {

// The lab endpoints' ranges (docs/lab-endpoints.md): checked here so that a typo is a usage
// error (exit 2) and not seven failed transports.
constexpr double kMinRate = 0.1;
constexpr double kMaxRate = 10000;
constexpr int kMaxSize = 65536;
constexpr double kMaxDurationSeconds = 600;

int usage(const QString &command, const QString &message)
{
    QTextStream(stderr) << command << ": " << message << " (see --help)\n";
    return 2;
}

} // namespace

int runLabCommand(const QStringList &arguments)
{
    const QString command = arguments.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run one workload over each HTTP and WebSocket transport, one after another, and measure what "
        "crossed the socket: bytes split into overhead and payload, push delay, losses, CPU time; then judge "
        "the common claims. Without --url the embedded demo server is started on a free port. docs/cli-lab.md"));
    parser.addHelpOption();
    const QCommandLineOption url(QStringLiteral("url"),
                                 QStringLiteral("Base URL of a server with the lab endpoints (default: the embedded demo server)."),
                                 QStringLiteral("BASE"));
    const QCommandLineOption transports(QStringLiteral("transports"),
                                        QStringLiteral("Comma-separated, run in this order: poll,keepalive,longpoll,sse,stream,ws,ws-deflate (default: all)."),
                                        QStringLiteral("LIST"));
    const QCommandLineOption workload(QStringLiteral("workload"), QStringLiteral("push, echo or chat (default push)."),
                                      QStringLiteral("NAME"), QStringLiteral("push"));
    const QCommandLineOption rate(QStringLiteral("rate"),
                                  QStringLiteral("Messages per second, 0.1 to 10000 (default 20)."),
                                  QStringLiteral("R"), QStringLiteral("20"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Payload bytes per message, 32 (40 for json) to 65536 (default 64)."),
                                  QStringLiteral("S"), QStringLiteral("64"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Seconds per transport, up to 600 (default 5)."),
                                      QStringLiteral("T"), QStringLiteral("5"));
    const QCommandLineOption payload(QStringLiteral("payload"), QStringLiteral("text, json or random (default json)."),
                                     QStringLiteral("KIND"), QStringLiteral("json"));
    const QCommandLineOption pollInterval(QStringLiteral("poll-interval"),
                                          QStringLiteral("Milliseconds between polls for poll and keepalive (default 50)."),
                                          QStringLiteral("MS"), QStringLiteral("50"));
    const QCommandLineOption late(QStringLiteral("late"),
                                  QStringLiteral("A message delayed more than MS milliseconds counts as late (default 100)."),
                                  QStringLiteral("MS"), QStringLiteral("100"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("json or csv (default json)."),
                                    QStringLiteral("FORMAT"), QStringLiteral("json"));
    const QCommandLineOption samples(QStringLiteral("samples"),
                                     QStringLiteral("JSON: add every delivered message's timings and bytes."));
    for (const QCommandLineOption &option :
         {url, transports, workload, rate, size, duration, payload, pollInterval, late, format, samples})
        parser.addOption(option);
    if (!parser.parse(arguments))
        return usage(command, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << CliCommandLine::helpTextFor(parser, QStringLiteral("lab"));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage(command, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    LabConfig config;
    if (parser.isSet(transports)) {
        for (const QString &name : parser.value(transports).split(u',', Qt::SkipEmptyParts)) {
            const std::optional<LabTransport> t = labTransportFromName(name.trimmed());
            if (!t)
                return usage(command, QStringLiteral("unknown transport '%1'").arg(name));
            if (config.transports.contains(*t))
                return usage(command, QStringLiteral("transport '%1' is named twice").arg(name));
            config.transports.append(*t);
        }
        if (config.transports.isEmpty())
            return usage(command, QStringLiteral("--transports needs at least one transport"));
    } else {
        config.transports = allLabTransports();
    }
    const std::optional<LabWorkload> w = labWorkloadFromName(parser.value(workload));
    if (!w)
        return usage(command, QStringLiteral("--workload is push, echo or chat, not '%1'").arg(parser.value(workload)));
    config.workload = *w;
    const std::optional<LabPayloadKind> p = labPayloadKindFromName(parser.value(payload));
    if (!p)
        return usage(command, QStringLiteral("--payload is text, json or random, not '%1'").arg(parser.value(payload)));
    config.payload = *p;
    bool ok = false;
    config.rate = parser.value(rate).toDouble(&ok);
    if (!ok || config.rate < kMinRate || config.rate > kMaxRate)
        return usage(command, QStringLiteral("--rate needs a number from 0.1 to 10000, not '%1'").arg(parser.value(rate)));
    const int minSize = config.payload == LabPayloadKind::Json ? 40 : 32;
    config.size = parser.value(size).toInt(&ok);
    if (!ok || config.size < minSize || config.size > kMaxSize) {
        return usage(command, QStringLiteral("--size needs a number from %1 to %2 for %3 payloads, not '%4'")
                                  .arg(minSize)
                                  .arg(kMaxSize)
                                  .arg(labName(config.payload), parser.value(size)));
    }
    const double seconds = parser.value(duration).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > kMaxDurationSeconds)
        return usage(command, QStringLiteral("--duration needs seconds above 0, up to 600, not '%1'").arg(parser.value(duration)));
    config.durationMs = qMax(1, int(seconds * 1000 + 0.5));
    config.pollIntervalMs = parser.value(pollInterval).toInt(&ok);
    if (!ok || config.pollIntervalMs < 1 || config.pollIntervalMs > 60000)
        return usage(command, QStringLiteral("--poll-interval needs milliseconds from 1 to 60000, not '%1'").arg(parser.value(pollInterval)));
    config.lateMs = parser.value(late).toInt(&ok);
    if (!ok || config.lateMs < 0)
        return usage(command, QStringLiteral("--late needs milliseconds (0 or more), not '%1'").arg(parser.value(late)));
    const QString outputFormat = parser.value(format);
    if (outputFormat != u"json" && outputFormat != u"csv")
        return usage(command, QStringLiteral("--format is json or csv, not '%1'").arg(outputFormat));

    // The embedded server on a thread of its own: what is measured is network and server
    // time, never time the lab's caller spent.
    std::unique_ptr<DemoServerThread> demo;
    if (parser.isSet(url)) {
        config.baseUrl = QUrl(parser.value(url));
        if (!config.baseUrl.isValid() || (config.baseUrl.scheme() != u"http" && config.baseUrl.scheme() != u"https")
            || config.baseUrl.host().isEmpty())
            return usage(command, QStringLiteral("--url needs an http:// or https:// base URL, not '%1'").arg(parser.value(url)));
    } else {
        demo = std::make_unique<DemoServerThread>();
        if (!demo->start(0)) {
            QTextStream(stderr) << command << ": the embedded demo server did not start: "
                                << demo->server()->errorString() << '\n';
            return 1;
        }
        config.baseUrl = demo->server()->httpBaseUrl();
    }

    QTextStream err(stderr);
    LabRunner runner;
    QEventLoop loop;
    LabRunResult result;
    qsizetype done = 0;
    QObject::connect(&runner, &LabRunner::transportStarted, &loop, [&](LabTransport t, qint64) {
        err << command << ": " << labName(t) << " (" << done + 1 << '/' << config.transports.size() << ")\n";
        err.flush();
    });
    QObject::connect(&runner, &LabRunner::transportFinished, &loop, [&](const LabTransportResult &) { ++done; });
    QObject::connect(&runner, &LabRunner::finished, &loop, [&](const LabRunResult &r) {
        result = r;
        loop.quit();
    });
    runner.start(config);
    loop.exec();

    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    if (outputFormat == u"csv") {
        out.write(labRunToCsv(result));
    } else {
        QJsonObject document = labRunToJson(result, parser.isSet(samples));
        document.insert(QStringLiteral("format_version"), kJsonFormatVersion);
        out.write(QJsonDocument(document).toJson(QJsonDocument::Indented));
    }
    out.flush();
    for (const LabTransportResult &t : result.transports) {
        if (!t.ran()) {
            err << command << ": " << labName(t.transport) << ": " << t.error << '\n';
        }
    }
    for (const LabTransportResult &t : result.transports) {
        if (!t.ran())
            return 5;
    }
    return 0;
}

// wirescope-cli replay: option parsing and wiring only; the engine is core/net/replayer, the
// comparison, rules and reports are core/session (docs/replay.md, docs/cli.md).
#include "app/cli/clicommandline.h"
#include "app/cli/clicommands.h"

#include "core/net/replayer.h"
#include "core/session/session.h"
#include "core/session/sessionfilereader.h"
#include "core/session/sessionstore.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>

using namespace wirescope;

namespace {

// docs/cli.md, "Exit status": the statuses 0-5 are the failure classes; a replay adds one.
constexpr int kExitDifferences = 6;

} // namespace

int runReplayCommand(const QStringList &arguments)
{
    CliCommandLine command(QStringLiteral("replay"),
        QStringLiteral("Send a recorded session's HTTP requests and WebSocket messages again and compare what comes back\n"
                       "with the recording: status, headers, bodies (JSON by path), messages in order, close codes.\n"
                       "Prints one block per exchange or connection and a summary; exits 6 when anything not ignored\n"
                       "differs. Rules, reports and exit statuses: docs/replay.md, docs/cli.md."),
        QStringLiteral("10"), QStringLiteral("30"), QStringLiteral("each exchange or WebSocket connection"));
    QCommandLineParser &parser = command.parser();
    parser.clearPositionalArguments();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The recorded session (.wirescope)."));
    const QCommandLineOption baseUrlOpt(QStringLiteral("base-url"),
        QStringLiteral("Send to this scheme://host[:port][/path] instead of the recorded one (its path goes before each recorded path)."),
        QStringLiteral("URL"));
    const QCommandLineOption paceOpt(QStringLiteral("pace"),
        QStringLiteral("original (recorded timing), fast (no waits) or reply (each WebSocket message after the replies recorded before it; default)."),
        QStringLiteral("PACE"), QStringLiteral("reply"));
    const QCommandLineOption ignoreOpt(QStringLiteral("ignore"),
        QStringLiteral("Ignore differences the RULE covers: header:NAME, json:PATH ($.id, $.items[*].ts), regex:RE (repeatable)."),
        QStringLiteral("RULE"));
    const QCommandLineOption reportOpt(QStringLiteral("report"),
        QStringLiteral("Also write a report: json (docs/replay.md) or junit (one testcase per exchange or connection)."),
        QStringLiteral("FORMAT"));
    const QCommandLineOption outOpt(QStringLiteral("out"),
        QStringLiteral("Write the report to FILE (without it: the report on stdout, the text on stderr)."), QStringLiteral("FILE"));
    const QCommandLineOption replyTimeoutOpt(QStringLiteral("reply-timeout"),
        QStringLiteral("Wait at most SECONDS for a recorded reply, the upgrade's answer or the server's close (default 5)."),
        QStringLiteral("SECONDS"), QStringLiteral("5"));
    for (const QCommandLineOption &option : {baseUrlOpt, paceOpt, ignoreOpt, reportOpt, outOpt, replyTimeoutOpt})
        command.addOption(option);
    int status = 0;
    if (!command.parse(arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1)
        return command.usageError(QStringLiteral("exactly one session FILE expected"));
    const QString file = parser.positionalArguments().constFirst();
    const std::optional<CliCommandLine::Connection> connection = command.connection();
    if (!connection)
        return exitStatusFor(FailureClass::Usage);

    ReplayOptions options;
    const std::optional<ReplayPace> pace = ReplayOptions::paceFromName(parser.value(paceOpt));
    if (!pace)
        return command.usageError(QStringLiteral("--pace needs original, fast or reply"));
    options.pace = *pace;
    for (const QString &rule : parser.values(ignoreOpt)) {
        QString why;
        if (!options.rules.add(rule, &why))
            return command.usageError(why);
    }
    if (parser.isSet(baseUrlOpt)) {
        options.baseUrl = QUrl(parser.value(baseUrlOpt), QUrl::StrictMode);
        QString why;
        if (options.baseUrl.isEmpty() || !ReplayPlan::retarget(QUrl(QStringLiteral("http://recorded/")), options.baseUrl, &why))
            return command.usageError(why.isEmpty() ? QStringLiteral("--base-url needs a URL") : why);
    }
    const QString report = parser.value(reportOpt);
    if (parser.isSet(reportOpt) && report != u"json" && report != u"junit")
        return command.usageError(QStringLiteral("--report needs json or junit"));
    if (parser.isSet(outOpt) && !parser.isSet(reportOpt))
        return command.usageError(QStringLiteral("--out needs --report json or --report junit"));
    const std::optional<int> replyMs = CliCommandLine::secondsToMs(parser.value(replyTimeoutOpt));
    if (!replyMs || *replyMs == 0)
        return command.usageError(QStringLiteral("--reply-timeout needs seconds (a number > 0, fractions allowed)"));
    options.replyTimeoutMs = *replyMs;
    for (const auto &[name, value] : connection->headers)
        options.headers.append({name.toLatin1(), value.toUtf8()});
    options.insecure = connection->insecure;
    options.caCertificates = connection->caCertificates;
    options.proxy = connection->proxy;
    options.connectTimeoutMs = connection->connectTimeoutMs;
    options.maxTimeMs = connection->maxTimeMs;
    if (parser.isSet(QStringLiteral("save"))
        && QFileInfo(parser.value(QStringLiteral("save"))).absoluteFilePath() == QFileInfo(file).absoluteFilePath())
        return command.usageError(QStringLiteral("--save needs another file than the recording"));

    // docs/cli.md: a FILE that is not a session this build reads is refused as `session info`
    // refuses it (exit 2, the id of docs/session-schema.md), before anything is sent.
    SessionFileError error;
    const std::unique_ptr<Session> recording = SessionFileReader::load(file, &error);
    if (!recording) {
        QTextStream(stderr) << "wirescope-cli replay: " << file << ": " << error.id << ": " << error.message << '\n';
        return exitStatusFor(FailureClass::Usage);
    }
    const QList<ReplayItem> items = ReplayPlan::fromTimeline(recording->timeline());

    Session session;
    SessionStore store;
    if (!command.startSaving(&store, &session))
        return exitStatusFor(FailureClass::Usage);
    const bool reportOnStdout = parser.isSet(reportOpt) && !parser.isSet(outOpt);
    QFile textFile;
    textFile.open(reportOnStdout ? stderr : stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    Replayer replayer(&session);
    QEventLoop loop;
    QObject::connect(&replayer, &Replayer::itemFinished, &loop, [&](const ReplayItemResult &result) {
        textFile.write(ReplayReportWriter::itemText(result, items.size()).toUtf8());
    });
    QObject::connect(&replayer, &Replayer::finished, &loop, [&loop] { loop.quit(); });
    replayer.start(items, options, file);
    loop.exec();
    const ReplayReport &result = replayer.report();
    textFile.write(ReplayReportWriter::summaryText(result).toUtf8());
    int exitCode = command.finishSaving(&store, 0);

    if (parser.isSet(reportOpt)) {
        const QByteArray bytes = report == u"json"
            ? QJsonDocument(ReplayReportWriter::toJson(result)).toJson(QJsonDocument::Indented)
            : ReplayReportWriter::toJUnit(result);
        if (reportOnStdout) {
            QFile out;
            out.open(stdout, QIODevice::WriteOnly);
            out.write(bytes);
        } else {
            QSaveFile out(parser.value(outOpt));
            if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
                QTextStream(stderr) << "wirescope-cli replay: --out " << parser.value(outOpt) << ": " << out.errorString() << '\n';
                exitCode = std::max(exitCode, exitStatusFor(FailureClass::Incomplete));
            }
        }
    }
    if (result.passed())
        return exitCode;
    // Nothing reached the server: that is the server's absence (3), not a regression.
    const bool noneConnected = std::all_of(result.items.begin(), result.items.end(), [](const ReplayItemResult &i) {
        return !i.failure.isNull() && i.failure.failureClass() == FailureClass::Connect;
    });
    return std::max(exitCode, noneConnected ? exitStatusFor(FailureClass::Connect) : kExitDifferences);
}

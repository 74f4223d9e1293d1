// wirescope-cli session: what a .wirescope file holds (docs/cli.md, "Session files"), read
// by core/session without loading its rows.
#include "app/cli/clicommandline.h"
#include "app/cli/clicommands.h"

#include "core/session/failure.h"
#include "core/session/recordjson.h"
#include "core/session/sessionfilereader.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace wirescope;

namespace {

QJsonObject summaryToJson(const QString &path, const SessionSummary &s)
{
    return QJsonObject{
        {QStringLiteral("format_version"), kJsonFormatVersion},
        {QStringLiteral("file"), path},
        {QStringLiteral("file_format_version"), s.formatVersion},
        {QStringLiteral("schema_version"), s.schemaVersion},
        {QStringLiteral("started_at"), s.startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("created_by"), s.createdBy},
        {QStringLiteral("connections"), s.connections},
        {QStringLiteral("exchanges"), s.exchanges},
        {QStringLiteral("frames"), s.frames},
        {QStringLiteral("messages"), s.messages},
        {QStringLiteral("violations"), s.violations},
        {QStringLiteral("rows"), s.rows},
        {QStringLiteral("span_ns"), s.spanNs},
        {QStringLiteral("bytes"), s.bytes},
    };
}

} // namespace

int runSessionCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Read a session file (.wirescope).\n"
                       "  info FILE   print one JSON object: versions, start, counts, time span, bytes\n"
                       "Output and exit status: docs/cli.md."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("info"), QStringLiteral("The subcommand."), QStringLiteral("info"));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The session file."));
    QTextStream err(stderr);
    auto usage = [&err](const QString &message) {
        err << "wirescope-cli session: " << message << " (see --help)\n";
        return exitStatusFor(FailureClass::Usage);
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << CliCommandLine::helpTextFor(parser, QStringLiteral("session"));
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.value(0) != u"info")
        return usage(positional.isEmpty() ? QStringLiteral("missing subcommand")
                                          : QStringLiteral("unknown subcommand '%1'").arg(positional.first()));
    if (positional.size() != 2)
        return usage(QStringLiteral("info needs exactly one FILE"));

    const QString path = positional.at(1);
    SessionFileReader reader;
    SessionFileError error;
    SessionSummary summary;
    QFile out;
    out.open(stdout, QIODevice::WriteOnly);
    if (!reader.open(path, &error) || !reader.readSummary(&summary, &error)) {
        // docs/cli.md: a file that is not a session this build reads is a usage error (2),
        // the reason an id of docs/session-schema.md.
        out.write(QJsonDocument(QJsonObject{{QStringLiteral("format_version"), kJsonFormatVersion},
                                            {QStringLiteral("file"), path},
                                            {QStringLiteral("error"), QJsonObject{{QStringLiteral("id"), error.id},
                                                                                  {QStringLiteral("class"), failureClassName(FailureClass::Usage)},
                                                                                  {QStringLiteral("message"), error.message}}}})
                      .toJson(QJsonDocument::Indented));
        err << "wirescope-cli session: " << path << ": " << error.id << ": " << error.message << '\n';
        return exitStatusFor(FailureClass::Usage);
    }
    out.write(QJsonDocument(summaryToJson(path, summary)).toJson(QJsonDocument::Indented));
    return 0;
}

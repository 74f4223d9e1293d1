// wirescope-cli session: what a .wirescope file holds (docs/cli.md, "Session files"), read
// by core/session without loading its rows.
#include "app/cli/clicommandline.h"
#include "app/cli/clicommands.h"

#include "core/session/exportoptions.h"
#include "core/session/failure.h"
#include "core/session/harreader.h"
#include "core/session/harwriter.h"
#include "core/session/pcapngwriter.h"
#include "core/session/recordjson.h"
#include "core/session/sequencelayout.h"
#include "core/session/sequencesvg.h"
#include "core/session/session.h"
#include "core/session/sessionclock.h"
#include "core/session/sessionfilereader.h"
#include "core/session/sessionstore.h"
#include "core/session/timeline.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

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
        {QStringLiteral("annotations"), s.annotations},
    };
}

// One JSON object on stdout, the same words on stderr, and the exit status of its class.
int report(const QString &command, const QJsonObject &fields, const QString &id = {}, const QString &message = {},
           FailureClass failureClass = FailureClass::Usage)
{
    QJsonObject object{{QStringLiteral("format_version"), kJsonFormatVersion}};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        object.insert(it.key(), it.value());
    if (!id.isEmpty()) {
        object.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("id"), id},
                                                           {QStringLiteral("class"), failureClassName(failureClass)},
                                                           {QStringLiteral("message"), message}});
        QTextStream(stderr) << "wirescope-cli session " << command << ": " << id << ": " << message << '\n';
    }
    QFile out;
    out.open(stdout, QIODevice::WriteOnly);
    out.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    return id.isEmpty() ? 0 : exitStatusFor(failureClass);
}

// session export FILE --har OUT | --pcapng OUT [--no-redact]
int exportSession(const QString &path, const QString &har, const QString &pcapng, bool redact)
{
    const QString target = har.isEmpty() ? pcapng : har;
    const QJsonObject fields{{QStringLiteral("file"), path}, {QStringLiteral("output"), target},
                             {QStringLiteral("format"), har.isEmpty() ? QStringLiteral("pcapng") : QStringLiteral("har")},
                             {QStringLiteral("redacted"), redact}};
    SessionFileError error;
    const std::unique_ptr<Session> session = SessionFileReader::load(path, &error);
    if (!session) // not a session this build reads: nothing was written (docs/cli.md)
        return report(QStringLiteral("export"), fields, error.id, error.message, FailureClass::Usage);
    ExportOptions options;
    options.wallAnchor = session->clock().wallAnchor();
    options.annotations = session->annotations()->all();
    if (!redact)
        options.redaction = RedactionRules::none();
    QString why;
    const bool written = har.isEmpty() ? savePcapng(session->timeline(), pcapng, options, &why)
                                       : saveHar(session->timeline(), har, options, &why);
    if (!written)
        return report(QStringLiteral("export"), fields, QStringLiteral("export.write_failed"), why, FailureClass::Incomplete);
    QJsonObject done = fields;
    done.insert(QStringLiteral("connections"), session->timeline().connectionIds().size());
    done.insert(QStringLiteral("bytes"), QFileInfo(target).size());
    return report(QStringLiteral("export"), done);
}

// session import IN.har -o FILE: a new session file holding what the HAR held.
int importHar(const QString &harPath, const QString &output)
{
    const QJsonObject fields{{QStringLiteral("input"), harPath}, {QStringLiteral("file"), output}};
    if (QFileInfo::exists(output)) // never mixed into another session, never overwritten
        return report(QStringLiteral("import"), fields, QStringLiteral("import.exists"),
                      QStringLiteral("%1 exists; name a new file").arg(output), FailureClass::Usage);
    QFile in(harPath);
    if (!in.open(QIODevice::ReadOnly))
        return report(QStringLiteral("import"), fields, QStringLiteral("har.unreadable"), in.errorString(), FailureClass::Usage);
    HarReader reader;
    std::optional<HarImport> imported = reader.read(in.readAll());
    if (!imported)
    {
        const HarReadError &why = reader.error();
        const QString where = why.path.isEmpty() ? why.detail : QStringLiteral("at %1: %2").arg(why.path, why.detail);
        return report(QStringLiteral("import"), fields, why.id, where, FailureClass::Usage);
    }
    Session session;
    session.continueFrom(imported->wallAnchor, imported->lastConnectionId() + 1);
    SessionStore store;
    SessionFileError error;
    if (!store.open(output, &error))
        return report(QStringLiteral("import"), fields, error.id, error.message, FailureClass::Usage);
    store.attach(&session);
    session.recorder()->submit(std::move(imported->batch));
    session.recorder()->drain();
    for (const SessionAnnotation &a : std::as_const(imported->annotations))
        store.annotate(a.row, a.label, a.note);
    if (!store.close()) {
        QFile::remove(output); // a half-written session is no session
        return report(QStringLiteral("import"), fields, store.error().id, store.error().message, FailureClass::Incomplete);
    }
    QJsonObject done = fields;
    done.insert(QStringLiteral("connections"), session.timeline().connectionIds().size());
    done.insert(QStringLiteral("rows"), session.timeline().rowCount());
    done.insert(QStringLiteral("annotations"), imported->annotations.size());
    done.insert(QStringLiteral("notes"), QJsonArray::fromStringList(imported->notes));
    return report(QStringLiteral("import"), done);
}

// session diagram FILE [--connection N]... [--compressed] --svg OUT
int diagramSession(const QString &path, const QStringList &connections, bool compressed, const QString &svg)
{
    QJsonObject fields{{QStringLiteral("file"), path}, {QStringLiteral("output"), svg},
                       {QStringLiteral("format"), QStringLiteral("svg")}, {QStringLiteral("compressed"), compressed}};
    SessionFileError error;
    const std::unique_ptr<Session> session = SessionFileReader::load(path, &error);
    if (!session)
        return report(QStringLiteral("diagram"), fields, error.id, error.message, FailureClass::Usage);
    const Timeline &timeline = session->timeline();
    SequenceLayoutOptions options;
    options.compressed = compressed;
    for (const QString &text : connections) {
        bool ok = false;
        const quint32 id = text.toUInt(&ok);
        if (!ok || !timeline.connection(id))
            return report(QStringLiteral("diagram"), fields, QStringLiteral("diagram.no_such_connection"),
                          QStringLiteral("the session has no connection %1").arg(text), FailureClass::Usage);
        options.connections << id;
    }
    const SequenceLayout layout = SequenceLayout::build(timeline, options);
    QString why;
    if (!saveSequenceSvg(layout, svg, &why))
        return report(QStringLiteral("diagram"), fields, QStringLiteral("diagram.write_failed"), why, FailureClass::Incomplete);
    QJsonArray ids;
    for (const SequenceLanes &l : layout.lanes())
        ids.append(qint64(l.connection));
    fields.insert(QStringLiteral("connections"), ids);
    fields.insert(QStringLiteral("arrows"), qint64(layout.arrows().size()));
    fields.insert(QStringLiteral("bytes"), QFileInfo(svg).size());
    return report(QStringLiteral("diagram"), fields);
}

} // namespace

int runSessionCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Read, export and import session files (.wirescope).\n"
                       "  info FILE                          one JSON object: versions, start, counts, time span, bytes\n"
                       "  export FILE --har OUT|--pcapng OUT HAR 1.2 or pcapng (credentials redacted unless --no-redact)\n"
                       "  import IN.har -o FILE              a new session file holding what the HAR held\n"
                       "  diagram FILE --svg OUT             the sequence diagram as SVG ([--connection N]... [--compressed])\n"
                       "Output and exit status: docs/cli.md."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("info, export, import or diagram."),
                                 QStringLiteral("info|export|import|diagram"));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The session file (import: the HAR file)."));
    const QCommandLineOption harOption(QStringLiteral("har"), QStringLiteral("export: write HAR 1.2 to OUT."), QStringLiteral("OUT"));
    const QCommandLineOption pcapngOption(QStringLiteral("pcapng"), QStringLiteral("export: write pcapng to OUT."), QStringLiteral("OUT"));
    const QCommandLineOption noRedactOption(QStringLiteral("no-redact"),
                                            QStringLiteral("export: keep Authorization, Cookie, Set-Cookie and token-like query values."));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("import: the new session file."), QStringLiteral("FILE"));
    const QCommandLineOption svgOption(QStringLiteral("svg"), QStringLiteral("diagram: write the sequence diagram as SVG to OUT."),
                                       QStringLiteral("OUT"));
    const QCommandLineOption connectionOption(QStringLiteral("connection"),
                                              QStringLiteral("diagram: draw connection N only (repeat for more; default: all)."),
                                              QStringLiteral("N"));
    const QCommandLineOption compressedOption(QStringLiteral("compressed"),
                                              QStringLiteral("diagram: keep the order of the arrows, not the time between them."));
    parser.addOptions({harOption, pcapngOption, noRedactOption, outputOption, svgOption, connectionOption, compressedOption});
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
    const QString command = positional.value(0);
    if (command == u"export") {
        if (positional.size() != 2)
            return usage(QStringLiteral("export needs exactly one FILE"));
        if (parser.isSet(harOption) == parser.isSet(pcapngOption))
            return usage(QStringLiteral("export needs one of --har OUT or --pcapng OUT"));
        return exportSession(positional.at(1), parser.value(harOption), parser.value(pcapngOption),
                             !parser.isSet(noRedactOption));
    }
    if (command == u"import") {
        if (positional.size() != 2)
            return usage(QStringLiteral("import needs exactly one HAR file"));
        if (!parser.isSet(outputOption))
            return usage(QStringLiteral("import needs -o FILE"));
        return importHar(positional.at(1), parser.value(outputOption));
    }
    if (command == u"diagram") {
        if (positional.size() != 2)
            return usage(QStringLiteral("diagram needs exactly one FILE"));
        if (!parser.isSet(svgOption))
            return usage(QStringLiteral("diagram needs --svg OUT"));
        return diagramSession(positional.at(1), parser.values(connectionOption), parser.isSet(compressedOption),
                              parser.value(svgOption));
    }
    if (command != u"info")
        return usage(positional.isEmpty() ? QStringLiteral("missing subcommand")
                                          : QStringLiteral("unknown subcommand '%1'").arg(command));
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

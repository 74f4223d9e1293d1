// wirescope-cli http: option parsing and wiring only; the engine is core/net, the output
// formats are core/session (docs/cli-http.md).
#include "app/cli/clicommandline.h"
#include "app/cli/clicommands.h"

#include "core/net/httpclient.h"
#include "core/session/session.h"
#include "core/session/sessionstore.h"
#include "core/session/httpexchangejson.h"
#include "core/session/httpexchangetext.h"
#include "core/wire/curlcommand.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

using namespace wirescope;

int runHttpCommand(const QStringList &arguments)
{
    CliCommandLine command(QStringLiteral("http"),
        QStringLiteral("Send HTTP/1.1 requests and show the bytes exchanged and where the time went.\n"
                       "Without --json: the request and response heads on stderr (curl -v style), the body on stdout.\n"
                       "Output and exit status: docs/cli-http.md, docs/cli.md."),
        QStringLiteral("10"), QStringLiteral("30"), QStringLiteral("the whole exchange, redirects included,"));
    const QCommandLineOption methodOpt({QStringLiteral("X"), QStringLiteral("request")}, QStringLiteral("Request method (default GET, POST with a body)."), QStringLiteral("METHOD"));
    const QCommandLineOption dataOpt({QStringLiteral("d"), QStringLiteral("data")}, QStringLiteral("Send BODY as the request body (Content-Type application/x-www-form-urlencoded unless -H sets one)."), QStringLiteral("BODY"));
    const QCommandLineOption dataFileOpt(QStringLiteral("data-file"), QStringLiteral("Send the bytes of FILE as the body (application/octet-stream unless -H sets a type)."), QStringLiteral("FILE"));
    const QCommandLineOption followOpt({QStringLiteral("L"), QStringLiteral("follow")}, QStringLiteral("Follow redirects (every hop is recorded)."));
    const QCommandLineOption maxRedirsOpt(QStringLiteral("max-redirs"), QStringLiteral("At most N redirects (default 10)."), QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption compressedOpt(QStringLiteral("compressed"), QStringLiteral("Ask for gzip, deflate or br and decode the answer."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print one JSON object instead of text."));
    const QCommandLineOption repeatOpt(QStringLiteral("repeat"), QStringLiteral("Send the request N times on the same session (keep-alive) and add per-phase min/median/p99."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption varOpt(QStringLiteral("var"), QStringLiteral("Define the variable NAME for {{NAME}} in the URL, headers and body (repeatable)."), QStringLiteral("NAME=VALUE"));
    const QCommandLineOption curlOpt(QStringLiteral("curl"), QStringLiteral("Take method, URL, headers, body, -k, -L and --compressed from the curl command line COMMAND (one argument) instead of URL, -X and -d."), QStringLiteral("COMMAND"));
    for (const QCommandLineOption &option : {methodOpt, dataOpt, dataFileOpt, followOpt, maxRedirsOpt, compressedOpt, jsonOpt, repeatOpt, varOpt, curlOpt})
        command.addOption(option);
    int status = 0;
    if (!command.parse(arguments, &status))
        return status;
    const QCommandLineParser &parser = command.parser();
    const bool fromCurl = parser.isSet(curlOpt);
    if (fromCurl && !parser.positionalArguments().isEmpty())
        return command.usageError(QStringLiteral("--curl takes the URL from the command; no other URL expected"));
    if (fromCurl && (parser.isSet(methodOpt) || parser.isSet(dataOpt) || parser.isSet(dataFileOpt)))
        return command.usageError(QStringLiteral("--curl cannot be combined with -X, -d or --data-file"));
    if (!fromCurl && parser.positionalArguments().size() != 1)
        return command.usageError(QStringLiteral("exactly one URL expected"));
    bool ok = false;
    const int repeat = parser.value(repeatOpt).toInt(&ok);
    if (!ok || repeat < 1)
        return command.usageError(QStringLiteral("--repeat needs a positive number"));
    const int maxRedirects = parser.value(maxRedirsOpt).toInt(&ok);
    if (!ok || maxRedirects < 0)
        return command.usageError(QStringLiteral("--max-redirs needs a number >= 0"));
    if (parser.isSet(dataOpt) && parser.isSet(dataFileOpt))
        return command.usageError(QStringLiteral("-d and --data-file cannot be combined"));
    const std::optional<CliCommandLine::Connection> connection = command.connection();
    if (!connection)
        return exitStatusFor(FailureClass::Usage);

    HttpRequest request;
    HttpRequestOptions options;
    options.followRedirects = parser.isSet(followOpt);
    options.maxRedirects = maxRedirects;
    options.ignoreCertificateErrors = connection->insecure;
    options.acceptCompressed = parser.isSet(compressedOpt);
    if (fromCurl) {
        // docs/cli-http.md "--curl": the command's request; -H, -k, -L and --compressed
        // given here add to it. What the command asks that cannot be done is said on stderr.
        const CurlCommand curl = CurlCommand::parse(parser.value(curlOpt));
        if (!curl.ok())
            return command.usageError(QStringLiteral("--curl: ") + curl.error);
        QStringList warnings = curl.warnings;
        if (curl.hasBody && !curl.bodyIsText())
            warnings.append(QStringLiteral("the body is not UTF-8 text; bytes that are not are sent as U+FFFD"));
        QTextStream warn(stderr);
        for (const QString &warning : std::as_const(warnings))
            warn << "wirescope-cli http: --curl: " << warning << '\n';
        request = curl.request();
        options.followRedirects = options.followRedirects || curl.followRedirects;
        if (curl.maxRedirects >= 0 && !parser.isSet(maxRedirsOpt))
            options.maxRedirects = curl.maxRedirects;
        options.ignoreCertificateErrors = options.ignoreCertificateErrors || curl.insecure;
        options.acceptCompressed = options.acceptCompressed || curl.compressed;
    } else {
        request.setUrl(parser.positionalArguments().constFirst());
        const bool hasBody = parser.isSet(dataOpt) || parser.isSet(dataFileOpt);
        request.setMethod(parser.isSet(methodOpt) ? parser.value(methodOpt) : hasBody ? QStringLiteral("POST") : QStringLiteral("GET"));
        HttpBody body;
        if (parser.isSet(dataOpt)) {
            body.kind = BodyKind::Raw;
            body.text = parser.value(dataOpt);
            body.rawContentType = QStringLiteral("application/x-www-form-urlencoded"); // as curl -d
        } else if (parser.isSet(dataFileOpt)) {
            body.kind = BodyKind::BinaryFile;
            body.binaryFilePath = parser.value(dataFileOpt);
        }
        request.setBody(body);
    }
    for (const auto &[name, value] : connection->headers)
        request.addHeader(name, value);

    options.caCertificates = connection->caCertificates;
    options.proxy = connection->proxy;
    options.connectTimeoutMs = connection->connectTimeoutMs;
    options.totalTimeoutMs = connection->maxTimeMs;
    Environment env{QStringLiteral("cli"), {}};
    for (const QString &v : parser.values(varOpt)) {
        const qsizetype eq = v.indexOf(u'=');
        if (eq <= 0)
            return command.usageError(QStringLiteral("--var needs NAME=VALUE"));
        env.variables.append({v.left(eq), v.mid(eq + 1), true});
    }
    const VariableScope scope({env});

    // The exchange's timings should measure the network, not the TLS library's start-up.
    if (request.url().trimmed().startsWith(QLatin1String("https:"), Qt::CaseInsensitive) || options.followRedirects)
        HttpClient::warmUpTls();
    // The session's clock is the run's one clock: every stamp in the output is on it, and
    // started_at is its t_ns = 0. What is printed is read from the session's timeline.
    Session session;
    SessionStore store;
    if (!command.startSaving(&store, &session))
        return exitStatusFor(FailureClass::Usage);
    HttpClient client(&session);
    QList<HttpExchangeRecord> records;
    QEventLoop loop;
    for (int i = 0; i < repeat; ++i) {
        HttpExchange *exchange = client.start(request, options, scope);
        bool failed = false;
        QObject::connect(exchange, &HttpExchange::finished, &loop, [&](const HttpExchangeRecord &record) {
            failed = !record.error.isNull();
            loop.quit();
        });
        loop.exec();
        exchange->deleteLater();
        if (failed)
            break; // a failed exchange is reported as is; repeating it proves nothing
    }
    session.recorder()->drain();
    // A save that failed makes the run incomplete (at least 1).
    int exitCode = command.finishSaving(&store, 0);
    const Timeline &timeline = session.timeline();
    for (qsizetype row = 0; row < timeline.rowCount(); ++row)
        if (const auto record = timeline.exchange(row))
            records.append(*record);
    // docs/cli.md: the exchange completed (0) or the failure's class decides.
    for (const HttpExchangeRecord &r : std::as_const(records))
        exitCode = qMax(exitCode, r.error.isNull() ? 0 : exitStatusFor(r.error.failureClass()));

    QList<PhaseDurations> durations;
    for (const HttpExchangeRecord &r : std::as_const(records)) {
        if (r.completed())
            durations.append(r.finalHop()->timings.durations());
    }
    const HttpExchangeRecord &first = records.constFirst();
    QFile stdoutFile;
    stdoutFile.open(stdout, QIODevice::WriteOnly);
    if (parser.isSet(jsonOpt)) {
        QJsonObject o = httpExchangeToJson(first, session.clock());
        if (repeat > 1) {
            o.insert(QStringLiteral("repeat"), QJsonObject{{QStringLiteral("count"), int(records.size())},
                                                           {QStringLiteral("completed"), int(durations.size())},
                                                           {QStringLiteral("timings"), phaseStatisticsToJson(durations)}});
        }
        stdoutFile.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
        return exitCode;
    }
    QTextStream err(stderr);
    err << httpExchangeHeadText(first);
    if (repeat > 1)
        err << phaseStatisticsText(records.size(), durations);
    err.flush();
    if (const HttpHop *hop = first.finalHop())
        stdoutFile.write(hop->response.decodedBody);
    return exitCode;
}

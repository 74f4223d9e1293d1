// wirescope-cli http: option parsing and wiring only; the engine is core/net, the output
// formats are core/session (docs/cli-http.md).
#include "app/cli/clicommands.h"

#include "core/net/httpclient.h"
#include "core/session/httpexchangejson.h"
#include "core/session/httpexchangetext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QTextStream>
#include <QUrl>

using namespace wirescope;

namespace {

// Exit codes (docs/cli-http.md).
enum ExitCode {
    ExitCompleted = 0,      // an exchange completed, whatever its status code
    ExitNetworkFailed = 1,  // dns, connect, TLS, proxy, timeout, socket errors
    ExitUsage = 2,          // bad options, invalid request (URL, unresolved variable, file)
    ExitProtocolError = 3,  // the response broke HTTP/1.1 framing (error id "http.*")
};

int exitCodeFor(const HttpExchangeRecord &record)
{
    if (record.error.isNull())
        return ExitCompleted;
    return exitStatusFor(record.error.failureClass());
}

} // namespace

int runHttpCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Send HTTP/1.1 requests and show the bytes exchanged and where the time went.\n"
        "Without --json: the request and response heads on stderr (curl -v style), the body on stdout."));
    parser.addHelpOption();
    const QCommandLineOption methodOpt({QStringLiteral("X"), QStringLiteral("request")}, QStringLiteral("Request method (default GET, POST with a body)."), QStringLiteral("METHOD"));
    const QCommandLineOption headerOpt({QStringLiteral("H"), QStringLiteral("header")}, QStringLiteral("Add a header 'Name: value' (repeatable, kept in order, duplicates allowed)."), QStringLiteral("HEADER"));
    const QCommandLineOption dataOpt({QStringLiteral("d"), QStringLiteral("data")}, QStringLiteral("Send BODY as the request body (Content-Type application/x-www-form-urlencoded unless -H sets one)."), QStringLiteral("BODY"));
    const QCommandLineOption dataFileOpt(QStringLiteral("data-file"), QStringLiteral("Send the bytes of FILE as the body (application/octet-stream unless -H sets a type)."), QStringLiteral("FILE"));
    const QCommandLineOption followOpt({QStringLiteral("L"), QStringLiteral("follow")}, QStringLiteral("Follow redirects (every hop is recorded)."));
    const QCommandLineOption maxRedirsOpt(QStringLiteral("max-redirs"), QStringLiteral("At most N redirects (default 10)."), QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption insecureOpt({QStringLiteral("k"), QStringLiteral("insecure")}, QStringLiteral("Ignore TLS certificate errors (they are still reported)."));
    const QCommandLineOption cacertOpt(QStringLiteral("cacert"), QStringLiteral("Also trust the CA certificates in FILE (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption compressedOpt(QStringLiteral("compressed"), QStringLiteral("Ask for gzip, deflate or br and decode the answer."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print one JSON object instead of text."));
    const QCommandLineOption repeatOpt(QStringLiteral("repeat"), QStringLiteral("Send the request N times on the same session (keep-alive) and add per-phase min/median/p99."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption proxyOpt({QStringLiteral("x"), QStringLiteral("proxy")}, QStringLiteral("Use the HTTP proxy http://HOST:PORT (CONNECT for https) or socks5://HOST:PORT."), QStringLiteral("URL"));
    const QCommandLineOption connectTimeoutOpt(QStringLiteral("connect-timeout"), QStringLiteral("Give up connecting (DNS + TCP + TLS) after MS milliseconds (default 10000)."), QStringLiteral("MS"), QStringLiteral("10000"));
    const QCommandLineOption maxTimeOpt({QStringLiteral("m"), QStringLiteral("max-time")}, QStringLiteral("Give up the whole exchange after MS milliseconds (default 30000, 0 = never)."), QStringLiteral("MS"), QStringLiteral("30000"));
    const QCommandLineOption varOpt(QStringLiteral("var"), QStringLiteral("Define the variable NAME for {{NAME}} in the URL, headers and body (repeatable)."), QStringLiteral("NAME=VALUE"));
    parser.addOptions({methodOpt, headerOpt, dataOpt, dataFileOpt, followOpt, maxRedirsOpt, insecureOpt, cacertOpt,
                       compressedOpt, jsonOpt, repeatOpt, proxyOpt, connectTimeoutOpt, maxTimeOpt, varOpt});
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("http:// or https:// URL (http:// when no scheme)."));
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return ExitCompleted;
    }
    if (parser.positionalArguments().size() != 1) {
        err << arguments.value(0) << ": exactly one URL expected (see --help)\n";
        return ExitUsage;
    }
    bool ok = false;
    const int repeat = parser.value(repeatOpt).toInt(&ok);
    if (!ok || repeat < 1) {
        err << arguments.value(0) << ": --repeat needs a positive number\n";
        return ExitUsage;
    }
    if (parser.isSet(dataOpt) && parser.isSet(dataFileOpt)) {
        err << arguments.value(0) << ": -d and --data-file cannot be combined\n";
        return ExitUsage;
    }

    HttpRequest request;
    request.setUrl(parser.positionalArguments().constFirst());
    const bool hasBody = parser.isSet(dataOpt) || parser.isSet(dataFileOpt);
    request.setMethod(parser.isSet(methodOpt) ? parser.value(methodOpt) : hasBody ? QStringLiteral("POST") : QStringLiteral("GET"));
    for (const QString &h : parser.values(headerOpt)) {
        const qsizetype colon = h.indexOf(u':');
        if (colon <= 0) {
            err << arguments.value(0) << ": header '" << h << "' is not 'Name: value'\n";
            return ExitUsage;
        }
        request.addHeader(h.left(colon).trimmed(), h.mid(colon + 1).trimmed());
    }
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

    HttpRequestOptions options;
    options.followRedirects = parser.isSet(followOpt);
    options.maxRedirects = parser.value(maxRedirsOpt).toInt();
    options.ignoreCertificateErrors = parser.isSet(insecureOpt);
    options.acceptCompressed = parser.isSet(compressedOpt);
    options.connectTimeoutMs = parser.value(connectTimeoutOpt).toInt();
    options.totalTimeoutMs = parser.value(maxTimeOpt).toInt();
    if (parser.isSet(cacertOpt)) {
        options.caCertificates = QSslCertificate::fromPath(parser.value(cacertOpt), QSsl::Pem);
        if (options.caCertificates.isEmpty()) {
            err << arguments.value(0) << ": no PEM certificate in '" << parser.value(cacertOpt) << "'\n";
            return ExitUsage;
        }
    }
    if (parser.isSet(proxyOpt)) {
        const QUrl proxyUrl = QUrl::fromUserInput(parser.value(proxyOpt));
        const bool socks = proxyUrl.scheme() == u"socks5";
        if (!proxyUrl.isValid() || proxyUrl.host().isEmpty() || (!socks && proxyUrl.scheme() != u"http")) {
            err << arguments.value(0) << ": --proxy needs http://HOST:PORT or socks5://HOST:PORT\n";
            return ExitUsage;
        }
        options.proxy = QNetworkProxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, proxyUrl.host(),
                                      quint16(proxyUrl.port(socks ? 1080 : 8080)));
    }
    Environment env{QStringLiteral("cli"), {}};
    for (const QString &v : parser.values(varOpt)) {
        const qsizetype eq = v.indexOf(u'=');
        if (eq <= 0) {
            err << arguments.value(0) << ": --var needs NAME=VALUE\n";
            return ExitUsage;
        }
        env.variables.append({v.left(eq), v.mid(eq + 1), true});
    }
    const VariableScope scope({env});

    // The exchange's timings should measure the network, not the TLS library's start-up.
    if (request.url().trimmed().startsWith(QLatin1String("https:"), Qt::CaseInsensitive) || options.followRedirects)
        HttpClient::warmUpTls();
    HttpClient client;
    QList<HttpExchangeRecord> records;
    QEventLoop loop;
    for (int i = 0; i < repeat; ++i) {
        HttpExchange *exchange = client.start(request, options, scope);
        QObject::connect(exchange, &HttpExchange::finished, &loop, [&](const HttpExchangeRecord &record) {
            records.append(record);
            loop.quit();
        });
        loop.exec();
        exchange->deleteLater();
        if (!records.last().error.isNull())
            break; // a failed exchange is reported as is; repeating it proves nothing
    }
    const HttpExchangeRecord &first = records.constFirst();
    int exitCode = ExitCompleted;
    for (const HttpExchangeRecord &r : std::as_const(records))
        exitCode = qMax(exitCode, exitCodeFor(r));

    QList<PhaseTimings> timings;
    for (const HttpExchangeRecord &r : std::as_const(records)) {
        if (r.completed())
            timings.append(r.finalHop()->timings);
    }
    if (parser.isSet(jsonOpt)) {
        QJsonObject o = httpExchangeToJson(first);
        if (repeat > 1) {
            o.insert(QStringLiteral("repeat"), QJsonObject{{QStringLiteral("count"), int(records.size())},
                                                           {QStringLiteral("completed"), int(timings.size())},
                                                           {QStringLiteral("timings"), phaseStatisticsToJson(timings)}});
        }
        QFile stdoutFile;
        stdoutFile.open(stdout, QIODevice::WriteOnly);
        stdoutFile.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
        return exitCode;
    }
    err << httpExchangeHeadText(first);
    if (repeat > 1) {
        const QJsonObject stats = phaseStatisticsToJson(timings);
        err << QStringLiteral("* repeat: %1 exchanges, %2 completed\n").arg(records.size()).arg(timings.size());
        err << QStringLiteral("*   %1 %2 %3 %4 (ms)\n").arg(QStringLiteral("phase"), -9).arg(QStringLiteral("min"), 10)
                   .arg(QStringLiteral("median"), 10).arg(QStringLiteral("p99"), 10);
        for (const char *phase : {"blocked", "dns", "connect", "ssl", "send", "wait", "receive", "total"}) {
            const QJsonValue v = stats.value(QLatin1String(phase));
            if (v.isNull()) {
                err << QStringLiteral("*   %1 %2\n").arg(QLatin1String(phase), -9).arg(QStringLiteral("-"), 10);
                continue;
            }
            const QJsonObject s = v.toObject();
            err << QStringLiteral("*   %1 %2 %3 %4\n").arg(QLatin1String(phase), -9)
                       .arg(s.value(QStringLiteral("min")).toDouble(), 10, 'f', 3)
                       .arg(s.value(QStringLiteral("median")).toDouble(), 10, 'f', 3)
                       .arg(s.value(QStringLiteral("p99")).toDouble(), 10, 'f', 3);
        }
    }
    err.flush();
    if (const HttpHop *hop = first.finalHop()) {
        QFile stdoutFile;
        stdoutFile.open(stdout, QIODevice::WriteOnly);
        stdoutFile.write(hop->response.decodedBody);
    }
    return exitCode;
}

#include "app/cli/clicommandline.h"

#include "core/session/failure.h"
#include "core/session/sessionstore.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <limits>

CliCommandLine::CliCommandLine(const QString &command, const QString &description,
                               const QString &defaultConnectTimeout, const QString &defaultMaxTime,
                               const QString &maxTimeScope)
    : m_command(command)
    , m_header({QStringLiteral("H"), QStringLiteral("header")},
               QStringLiteral("Add the header 'Name: value' (repeatable, kept in order, duplicates allowed)."),
               QStringLiteral("HEADER"))
    , m_insecure({QStringLiteral("k"), QStringLiteral("insecure")},
                 QStringLiteral("Ignore TLS certificate errors (they are still reported)."))
    , m_cacert(QStringLiteral("cacert"), QStringLiteral("Also trust the CA certificates in FILE (PEM)."),
               QStringLiteral("FILE"))
    , m_proxy({QStringLiteral("x"), QStringLiteral("proxy")},
              QStringLiteral("Use the proxy http://[USER:PASS@]HOST:PORT (CONNECT for TLS and WebSocket) or socks5://HOST:PORT."),
              QStringLiteral("URL"))
    , m_connectTimeout(QStringLiteral("connect-timeout"),
                       QStringLiteral("Give up connecting (DNS + TCP + TLS) after SECONDS (fractions allowed, default %1, 0 = never).")
                           .arg(defaultConnectTimeout),
                       QStringLiteral("SECONDS"), defaultConnectTimeout)
    , m_maxTime({QStringLiteral("m"), QStringLiteral("max-time")},
                QStringLiteral("Give up %1 after SECONDS (fractions allowed, default %2, 0 = never).")
                    .arg(maxTimeScope, defaultMaxTime),
                QStringLiteral("SECONDS"), defaultMaxTime)
    , m_save(QStringLiteral("save"),
             QStringLiteral("Record the traffic into the session file FILE (.wirescope), a new one or appended to an existing one."),
             QStringLiteral("FILE"))
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    for (const QCommandLineOption &option : {m_header, m_insecure, m_cacert, m_proxy, m_connectTimeout, m_maxTime, m_save})
        addOption(option);
    m_parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("The URL to open."));
}

void CliCommandLine::addOption(const QCommandLineOption &option)
{
    m_parser.addOption(option);
    m_options.append(option);
}

void CliCommandLine::addOptionWithOptionalValue(const QCommandLineOption &option)
{
    addOption(option);
    m_optionalValueNames += option.names();
}

bool CliCommandLine::takesValue(const QString &name) const
{
    for (const QCommandLineOption &option : m_options)
        if (option.names().contains(name))
            return !option.valueName().isEmpty();
    return false;
}

QStringList CliCommandLine::withOptionalValuesFilled(const QStringList &arguments) const
{
    QStringList out = arguments;
    for (qsizetype i = 1; i < out.size(); ++i) {
        const QString &argument = out.at(i);
        if (argument == u"--")
            break; // the rest is positional
        const bool isLong = argument.startsWith(QLatin1String("--"));
        const QString name = argument.mid(isLong ? 2 : 1);
        if (!argument.startsWith(u'-') || argument.contains(u'=') || (!isLong && name.size() != 1))
            continue;
        if (m_optionalValueNames.contains(name))
            out[i] = argument + u'=';
        else if (takesValue(name))
            ++i; // the next argument is this option's value, whatever it looks like
    }
    return out;
}

bool CliCommandLine::parse(const QStringList &arguments, int *status)
{
    if (!m_parser.parse(withOptionalValuesFilled(arguments))) {
        *status = usageError(m_parser.errorText());
        return false;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpTextFor(m_parser, m_command);
        *status = 0;
        return false;
    }
    return true;
}

std::optional<CliCommandLine::Connection> CliCommandLine::connection() const
{
    Connection c;
    for (const QString &h : m_parser.values(m_header)) {
        const qsizetype colon = h.indexOf(u':');
        if (colon <= 0) {
            usageError(QStringLiteral("header '%1' is not 'Name: value'").arg(h));
            return std::nullopt;
        }
        c.headers.append({h.left(colon).trimmed(), h.mid(colon + 1).trimmed()});
    }
    c.insecure = m_parser.isSet(m_insecure);
    for (const QString &file : m_parser.values(m_cacert)) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(file, QSsl::Pem);
        if (certificates.isEmpty()) {
            usageError(QStringLiteral("no PEM certificate in '%1'").arg(file));
            return std::nullopt;
        }
        c.caCertificates += certificates;
    }
    if (m_parser.isSet(m_proxy)) {
        const QString text = m_parser.value(m_proxy);
        const QUrl url(text.contains(QLatin1String("://")) ? text : QStringLiteral("http://") + text);
        const bool socks = url.scheme() == u"socks5";
        if (!url.isValid() || url.host().isEmpty() || (!socks && url.scheme() != u"http")) {
            usageError(QStringLiteral("--proxy needs http://HOST:PORT or socks5://HOST:PORT"));
            return std::nullopt;
        }
        c.proxy = QNetworkProxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
                                quint16(url.port(socks ? 1080 : 8080)), url.userName(), url.password());
    }
    const std::optional<int> connectMs = secondsToMs(m_parser.value(m_connectTimeout));
    const std::optional<int> maxMs = secondsToMs(m_parser.value(m_maxTime));
    if (!connectMs || !maxMs) {
        usageError(QStringLiteral("--%1 needs seconds (a number >= 0, fractions allowed)")
                       .arg(connectMs ? QStringLiteral("max-time") : QStringLiteral("connect-timeout")));
        return std::nullopt;
    }
    c.connectTimeoutMs = *connectMs;
    c.maxTimeMs = *maxMs;
    return c;
}

std::optional<int> CliCommandLine::secondsToMs(const QString &seconds)
{
    bool ok = false;
    const double s = seconds.toDouble(&ok);
    if (!ok || !std::isfinite(s) || s < 0 || s * 1000 > double(std::numeric_limits<int>::max()))
        return std::nullopt;
    return int(std::ceil(s * 1000));
}

int CliCommandLine::usageError(const QString &message) const
{
    QTextStream(stderr) << "wirescope-cli " << m_command << ": " << message << " (see --help)\n";
    return wirescope::exitStatusFor(wirescope::FailureClass::Usage);
}

bool CliCommandLine::startSaving(wirescope::SessionStore *store, wirescope::Session *session) const
{
    if (!m_parser.isSet(m_save))
        return true;
    wirescope::SessionFileError error;
    if (!store->open(m_parser.value(m_save), &error)) {
        QTextStream(stderr) << "wirescope-cli " << m_command << ": --save " << m_parser.value(m_save) << ": "
                            << error.id << ": " << error.message << '\n';
        return false;
    }
    store->attach(session);
    return true;
}

int CliCommandLine::finishSaving(wirescope::SessionStore *store, int status) const
{
    if (!m_parser.isSet(m_save) || store->close())
        return status;
    const wirescope::SessionFileError error = store->error();
    QTextStream(stderr) << "wirescope-cli " << m_command << ": --save " << m_parser.value(m_save) << ": "
                        << error.id << ": " << error.message << '\n';
    return std::max(status, wirescope::exitStatusFor(wirescope::FailureClass::Incomplete));
}

QString CliCommandLine::helpTextFor(const QCommandLineParser &parser, const QString &command)
{
    // QCommandLineParser names the program by its path as invoked.
    QString text = parser.helpText();
    const qsizetype lineEnd = text.indexOf(u'\n');
    const QString usage = text.left(lineEnd);
    const QString program = QCoreApplication::arguments().value(0);
    const qsizetype at = usage.indexOf(program);
    if (at >= 0)
        text.replace(at, program.size(), QStringLiteral("wirescope-cli ") + command);
    return text;
}

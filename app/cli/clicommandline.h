#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QNetworkProxy>
#include <QPair>
#include <QSslCertificate>
#include <QString>

#include <optional>

namespace wirescope {
class Session;
class SessionStore;
} // namespace wirescope

// What `http` and `ws` parse alike (docs/cli.md): the usage line "wirescope-cli <command>
// [options] URL", usage errors (exit 2), and the options both commands share, with curl's
// names and units (-H, -k, --cacert, -x, --connect-timeout and -m in seconds).
class CliCommandLine
{
public:
    // The options that reach a server, read once the arguments are parsed.
    struct Connection {
        QList<QPair<QString, QString>> headers; // -H 'Name: value', in order
        bool insecure = false;
        QList<QSslCertificate> caCertificates;
        QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::NoProxy);
        int connectTimeoutMs = 0; // 0 = no limit
        int maxTimeMs = 0;        // 0 = no limit
    };

    // command: "http" or "ws"; the defaults are seconds as the user would type them.
    CliCommandLine(const QString &command, const QString &description, const QString &defaultConnectTimeout,
                   const QString &defaultMaxTime, const QString &maxTimeScope);

    QCommandLineParser &parser() { return m_parser; }
    void addOption(const QCommandLineOption &option);
    // An option whose value may be left out ("--ping" or "--ping=PAYLOAD"), which
    // QCommandLineParser cannot express: alone, it is read as "--ping=" (an empty value).
    void addOptionWithOptionalValue(const QCommandLineOption &option);

    // False when the command ends here: *status is 0 after --help, 2 after a usage error
    // (both already printed).
    bool parse(const QStringList &arguments, int *status);
    // The shared options; nullopt after printing a usage error.
    std::optional<Connection> connection() const;
    // SECONDS (fractions allowed) as whole milliseconds, rounded up so that a positive
    // value never becomes "no limit"; nullopt for text that is not a number >= 0.
    static std::optional<int> secondsToMs(const QString &seconds);

    // The parser's help with the usage line naming the command as a user types it
    // ("Usage: wirescope-cli http [options] URL"), not the binary's path.
    static QString helpTextFor(const QCommandLineParser &parser, const QString &command);

    // Prints "wirescope-cli <command>: <message> (see --help)" on stderr; returns the
    // usage exit status (2).
    int usageError(const QString &message) const;

    // --save FILE (docs/cli.md, "Saving a session"): writes `session` through `store` into
    // FILE, a new one or a session file to append to. Call before anything is sent. False
    // after printing why FILE cannot be used (exit 2: nothing was sent).
    bool startSaving(wirescope::SessionStore *store, wirescope::Session *session) const;
    // At the end of the run: commits and closes FILE. A write that failed is printed and
    // makes the status at least 1 (the run is incomplete without its record).
    int finishSaving(wirescope::SessionStore *store, int status) const;

private:
    QStringList withOptionalValuesFilled(const QStringList &arguments) const;
    bool takesValue(const QString &name) const;

    QString m_command;
    QCommandLineParser m_parser;
    QList<QCommandLineOption> m_options;
    QStringList m_optionalValueNames;
    QCommandLineOption m_header;
    QCommandLineOption m_insecure;
    QCommandLineOption m_cacert;
    QCommandLineOption m_proxy;
    QCommandLineOption m_connectTimeout;
    QCommandLineOption m_maxTime;
    QCommandLineOption m_save;
};

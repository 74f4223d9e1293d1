// wirescope-cli ws: option parsing and wiring only; the engine is core/net, the output
// format is core/session (docs/cli-ws.md).
#include "app/cli/clicommandline.h"
#include "app/cli/clicommands.h"

#include "core/net/wsconnection.h"
#include "core/session/jsonl.h"
#include "core/session/session.h"
#include "core/session/sessionstore.h"
#include "core/session/wsjsonlines.h"

#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>

#include <unistd.h>

using namespace wirescope;

namespace {

struct Action {
    enum class Kind { Text, Binary, Ping, Raw } kind;
    QByteArray data;
};

// What the command does besides connecting (WsConnectOptions holds that).
struct WsRun {
    QList<Action> actions;
    std::optional<quint16> closeCode = quint16(1000);
    QString closeReason;
    qsizetype fragment = 0;
    bool echo = false;
    double waitSeconds = 1.0;
    bool readStdin = false;
    bool printFrames = true;
    qsizetype maxPayload = 4096;
    int maxTimeMs = 0; // 0 = no limit
};

// Drives the connection (sends, echo, waits, exit status) from its signals and prints what
// the session's timeline records of it, one encoder call per event.
class WsCli : public QObject
{
public:
    WsCli(const WsConnectOptions &options, WsRun run)
        : m_options(options)
        , m_run(std::move(run))
        , m_connection(&m_session, nullptr)
        , m_out(&m_stdoutFile)
        , m_lines(WsJsonOptions{m_run.maxPayload}, m_run.printFrames)
    {
        m_stdoutFile.open(stdout, QIODevice::WriteOnly);
        // Printed rows need their bytes only until they are printed (every turn).
        m_session.timeline().setByteBudget(256ll << 20);
        connect(m_session.recorder(), &Recorder::rowsAppended, this, [this](qsizetype first, qsizetype end) {
            for (qsizetype row = first; row < end; ++row)
                for (const QJsonObject &line : m_lines.linesFor(m_session.timeline(), row))
                    m_out.write(line);
        });
        connect(&m_connection, &WsConnection::handshakeFinished, this, [this](const WsHandshakeRecord &r) {
            m_upgradeRefused = !r.verdict.ok || r.response.status != 101;
            if (!m_upgradeRefused)
                start();
        });
        connect(&m_connection, &WsConnection::messageDecoded, this, [this](const WsMessageEvent &e) {
            if (m_run.echo && e.direction == Direction::In && !e.message.truncated) {
                if (e.message.type == WsMessageType::Text)
                    m_connection.sendText(QString::fromUtf8(e.message.payload), m_run.fragment);
                else
                    m_connection.sendBinary(e.message.payload, m_run.fragment);
            }
        });
        connect(&m_connection, &WsConnection::violationFound, this, [this](const WsViolationEvent &e) {
            // Handshake violations fail the upgrade (exit 4); the rest break the protocol.
            if (e.direction == Direction::In && e.violation.isError()
                && !QByteArrayView(e.violation.kind->id).startsWith("ws.handshake."))
                m_violated = true;
        });
        connect(&m_connection, &WsConnection::closed, this, [this](const WsCloseRecord &r) {
            m_maxTimer.stop();
            m_session.recorder()->drain(); // the last rows (the close) are printed before we exit
            QCoreApplication::exit(exitStatus(r));
        });
        connect(&m_waitTimer, &QTimer::timeout, this, [this] { closeNow(); });
        m_waitTimer.setSingleShot(true);
        connect(&m_maxTimer, &QTimer::timeout, this, [this] {
            m_connection.abort(Failure::of(failures::TimeoutTotal, QStringLiteral("-m %1 ms").arg(m_run.maxTimeMs)));
        });
        m_maxTimer.setSingleShot(true);
        m_maxTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    }

    // --save: the store sees every batch from the first row on (the session line's
    // started_at is then the file's, and t_ns continues its clock when appending).
    bool startSaving(const CliCommandLine &command) { return command.startSaving(&m_store, &m_session); }
    int finishSaving(const CliCommandLine &command, int status) { return command.finishSaving(&m_store, status); }

    void run()
    {
        m_out.write(wsSessionToJson(m_session.clock(), m_options.url));
        if (m_run.maxTimeMs > 0)
            m_maxTimer.start(m_run.maxTimeMs);
        m_connection.open(m_options);
    }

private:
    // docs/cli.md: a rule the server broke outranks how the connection ended; otherwise the
    // failure's class decides; a refused upgrade is 4 even when no failure was reported for
    // it (a refusal whose body ends with the connection); else a clean close is 0, an
    // unclean one 1.
    int exitStatus(const WsCloseRecord &r) const
    {
        if (m_violated)
            return exitStatusFor(FailureClass::Protocol);
        if (!r.failure.isNull())
            return exitStatusFor(r.failure.failureClass());
        if (m_upgradeRefused)
            return exitStatusFor(FailureClass::Handshake);
        return r.clean ? 0 : exitStatusFor(FailureClass::Incomplete);
    }

    void start()
    {
        for (const Action &a : std::as_const(m_run.actions)) {
            switch (a.kind) {
            case Action::Kind::Text: m_connection.sendText(QString::fromUtf8(a.data), m_run.fragment); break;
            case Action::Kind::Binary: m_connection.sendBinary(a.data, m_run.fragment); break;
            case Action::Kind::Ping: m_connection.ping(a.data); break;
            case Action::Kind::Raw: m_connection.sendRaw(a.data); break;
            }
        }
        if (m_run.readStdin) {
            m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
            connect(m_notifier, &QSocketNotifier::activated, this, [this] { readStdin(); });
            return;
        }
        armWait();
    }

    void readStdin()
    {
        char buffer[65536];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            m_notifier->setEnabled(false);
            if (!m_stdinBuffer.isEmpty())
                m_connection.sendText(QString::fromUtf8(m_stdinBuffer), m_run.fragment);
            m_stdinBuffer.clear();
            armWait();
            return;
        }
        m_stdinBuffer.append(buffer, n);
        qsizetype nl;
        while ((nl = m_stdinBuffer.indexOf('\n')) >= 0) {
            QByteArray line = m_stdinBuffer.left(nl);
            if (line.endsWith('\r'))
                line.chop(1);
            m_stdinBuffer.remove(0, nl + 1);
            m_connection.sendText(QString::fromUtf8(line), m_run.fragment);
        }
    }

    void armWait()
    {
        if (m_run.waitSeconds < 0)
            return; // until the server closes
        m_waitTimer.start(int(m_run.waitSeconds * 1000));
    }

    void closeNow()
    {
        if (!m_connection.close(m_run.closeCode, m_run.closeReason))
            m_connection.abort();
    }

    WsConnectOptions m_options;
    WsRun m_run;
    Session m_session; // the run's one clock (t_ns = 0 is the session line's started_at) and timeline
    SessionStore m_store;
    WsConnection m_connection;
    QFile m_stdoutFile;
    JsonLinesWriter m_out;
    WsJsonLines m_lines;
    QTimer m_waitTimer;
    QTimer m_maxTimer;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_stdinBuffer;
    bool m_upgradeRefused = false;
    bool m_violated = false;
};

std::optional<QByteArray> hexArgument(const CliCommandLine &command, const QString &option, const QString &value)
{
    const QByteArray hex = value.toLatin1();
    if (!std::all_of(hex.begin(), hex.end(), [](char c) { return isxdigit(uchar(c)); })) {
        command.usageError(QStringLiteral("--%1: not hex: %2").arg(option, value));
        return std::nullopt;
    }
    if (hex.size() % 2) {
        command.usageError(QStringLiteral("--%1: odd number of hex digits").arg(option));
        return std::nullopt;
    }
    return QByteArray::fromHex(hex);
}

} // namespace

int runWsCommand(const QStringList &arguments)
{
    CliCommandLine command(QStringLiteral("ws"),
        QStringLiteral("Open a WebSocket, send the given messages in order, and print every event as one JSON\n"
                       "object per line. Lines read from stdin (when it is not a terminal, or with '-') are sent\n"
                       "as text messages. Output and exit status: docs/cli-ws.md, docs/cli.md."),
        QStringLiteral("10"), QStringLiteral("0"), QStringLiteral("the whole run (connect to close)"));
    const QCommandLineOption textOpt(QStringLiteral("text"), QStringLiteral("Send a text message (in command-line order with --binary, --raw, --ping)."), QStringLiteral("TEXT"));
    const QCommandLineOption binaryOpt(QStringLiteral("binary"), QStringLiteral("Send a binary message given as hex digits."), QStringLiteral("HEX"));
    const QCommandLineOption rawOpt(QStringLiteral("raw"), QStringLiteral("Write these bytes as they are: a crafted frame, rules unchecked (decoded like every frame we send, violations reported)."), QStringLiteral("HEX"));
    const QCommandLineOption pingOpt(QStringLiteral("ping"), QStringLiteral("Send a ping, --ping=PAYLOAD with a payload (RTT in the pong event)."), QStringLiteral("PAYLOAD"));
    const QCommandLineOption closeOpt(QStringLiteral("close"), QStringLiteral("Close with this code (default 1000) and reason when done."), QStringLiteral("CODE[:REASON]"));
    const QCommandLineOption fragmentOpt(QStringLiteral("fragment"), QStringLiteral("Split data messages into frames of at most N payload bytes."), QStringLiteral("N"));
    const QCommandLineOption deflateOpt(QStringLiteral("deflate"), QStringLiteral("Offer permessage-deflate (RFC 7692)."));
    const QCommandLineOption subprotocolOpt(QStringLiteral("subprotocol"), QStringLiteral("Offer a subprotocol (repeatable, in preference order)."), QStringLiteral("P"));
    const QCommandLineOption originOpt(QStringLiteral("origin"), QStringLiteral("Send this Origin header."), QStringLiteral("ORIGIN"));
    const QCommandLineOption bearerOpt(QStringLiteral("bearer"), QStringLiteral("Send Authorization: Bearer TOKEN (Basic: user:pass@ in the URL)."), QStringLiteral("TOKEN"));
    const QCommandLineOption keepInspectingOpt(QStringLiteral("keep-inspecting"), QStringLiteral("Record violations and keep decoding instead of failing the connection."));
    const QCommandLineOption noAutoPongOpt(QStringLiteral("no-auto-pong"), QStringLiteral("Do not answer pings."));
    const QCommandLineOption pingIntervalOpt(QStringLiteral("ping-interval"), QStringLiteral("Ping every SECONDS while open (RTT in each pong event)."), QStringLiteral("SECONDS"));
    const QCommandLineOption echoOpt(QStringLiteral("echo"), QStringLiteral("Send back every data message received."));
    const QCommandLineOption waitOpt(QStringLiteral("wait"), QStringLiteral("Wait SECONDS after the last message before closing (default 1; negative: until the server closes)."), QStringLiteral("SECONDS"), QStringLiteral("1"));
    const QCommandLineOption handshakeTimeoutOpt(QStringLiteral("handshake-timeout"), QStringLiteral("Give up when the upgrade is not answered within SECONDS of the request (fractions allowed, default 10, 0 = never)."), QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption maxPayloadOpt(QStringLiteral("max-payload"), QStringLiteral("Cut payload_hex, text, hex and body past BYTES (default 4096)."), QStringLiteral("BYTES"), QStringLiteral("4096"));
    const QCommandLineOption noFramesOpt(QStringLiteral("no-frames"), QStringLiteral("Do not print frame events."));
    for (const QCommandLineOption &option : {textOpt, binaryOpt, rawOpt, closeOpt, fragmentOpt, deflateOpt, subprotocolOpt,
                                             originOpt, bearerOpt, keepInspectingOpt, noAutoPongOpt, pingIntervalOpt, echoOpt,
                                             waitOpt, handshakeTimeoutOpt, maxPayloadOpt, noFramesOpt})
        command.addOption(option);
    command.addOptionWithOptionalValue(pingOpt);
    command.parser().addPositionalArgument(QStringLiteral("-"), QStringLiteral("Read text messages from stdin (also when stdin is not a terminal)."), QStringLiteral("[-]"));
    int status = 0;
    if (!command.parse(arguments, &status))
        return status;
    const QCommandLineParser &parser = command.parser();
    const std::optional<CliCommandLine::Connection> connection = command.connection();
    if (!connection)
        return exitStatusFor(FailureClass::Usage);

    WsRun run;
    // QCommandLineParser lists option names in the order given and each option's values in
    // that order: walk both to send the messages as they were written.
    QHash<QString, qsizetype> nextValue;
    for (const QString &name : parser.optionNames()) {
        const bool isAction = name == u"text" || name == u"binary" || name == u"raw" || name == u"ping";
        if (!isAction)
            continue;
        const QString value = parser.values(name).value(nextValue[name]++);
        if (name == u"text") {
            run.actions.append({Action::Kind::Text, value.toUtf8()});
        } else if (name == u"ping") {
            const QByteArray payload = value.isEmpty() ? QByteArray::number(run.actions.size()) : value.toUtf8();
            if (payload.size() > 125)
                return command.usageError(QStringLiteral("--ping: payload longer than 125 bytes (RFC 6455 §5.5)"));
            run.actions.append({Action::Kind::Ping, payload});
        } else {
            const std::optional<QByteArray> bytes = hexArgument(command, name, value);
            if (!bytes)
                return exitStatusFor(FailureClass::Usage);
            if (name == u"raw" && bytes->isEmpty())
                return command.usageError(QStringLiteral("--raw needs at least one byte"));
            run.actions.append({name == u"raw" ? Action::Kind::Raw : Action::Kind::Binary, *bytes});
        }
    }
    bool ok = false;
    if (parser.isSet(closeOpt)) {
        const QString v = parser.value(closeOpt);
        const qsizetype colon = v.indexOf(u':');
        const uint code = (colon < 0 ? v : v.left(colon)).toUInt(&ok);
        if (!ok || code > 65535)
            return command.usageError(QStringLiteral("--close: bad code ") + v);
        run.closeCode = quint16(code);
        run.closeReason = colon < 0 ? QString() : v.mid(colon + 1);
    }
    if (parser.isSet(fragmentOpt)) {
        run.fragment = parser.value(fragmentOpt).toLongLong(&ok);
        if (!ok || run.fragment <= 0)
            return command.usageError(QStringLiteral("--fragment needs a positive byte count"));
    }
    run.waitSeconds = parser.value(waitOpt).toDouble(&ok);
    if (!ok)
        return command.usageError(QStringLiteral("--wait needs seconds"));
    run.maxPayload = parser.value(maxPayloadOpt).toLongLong(&ok);
    if (!ok || run.maxPayload < 0)
        return command.usageError(QStringLiteral("--max-payload needs a byte count"));
    run.echo = parser.isSet(echoOpt);
    run.printFrames = !parser.isSet(noFramesOpt);
    run.maxTimeMs = connection->maxTimeMs;

    WsConnectOptions options;
    const QStringList positional = parser.positionalArguments();
    QString url;
    bool stdinDash = false;
    for (const QString &p : positional) {
        if (p == u"-")
            stdinDash = true;
        else if (url.isEmpty())
            url = p;
        else
            return command.usageError(QStringLiteral("more than one URL: ") + p);
    }
    if (url.isEmpty())
        return command.usageError(QStringLiteral("missing URL"));
    options.url = QUrl(url, QUrl::StrictMode);
    const QString scheme = options.url.scheme();
    if (!options.url.isValid() || (scheme != u"ws" && scheme != u"wss") || options.url.host().isEmpty())
        return command.usageError(QStringLiteral("not a ws:// or wss:// URL: ") + url);
    for (const auto &[name, value] : connection->headers)
        options.headers.append({name.toLatin1(), value.toUtf8()});
    options.ignoreCertificateErrors = connection->insecure;
    options.caCertificates = connection->caCertificates;
    options.proxy = connection->proxy;
    options.connectTimeoutMs = connection->connectTimeoutMs;
    const std::optional<int> handshakeMs = CliCommandLine::secondsToMs(parser.value(handshakeTimeoutOpt));
    if (!handshakeMs)
        return command.usageError(QStringLiteral("--handshake-timeout needs seconds (a number >= 0, fractions allowed)"));
    options.handshakeTimeoutMs = *handshakeMs;
    options.permessageDeflate = parser.isSet(deflateOpt);
    options.subprotocols = parser.values(subprotocolOpt);
    options.origin = parser.value(originOpt);
    options.bearerToken = parser.value(bearerOpt);
    options.keepInspecting = parser.isSet(keepInspectingOpt);
    options.autoPong = !parser.isSet(noAutoPongOpt);
    if (parser.isSet(pingIntervalOpt)) {
        const double seconds = parser.value(pingIntervalOpt).toDouble(&ok);
        if (!ok || seconds < 0.001 || seconds > 86400)
            return command.usageError(QStringLiteral("--ping-interval needs seconds (0.001 to 86400)"));
        options.pingIntervalMs = std::max(1, int(seconds * 1000));
    }
    // A CLI user waits for a human-scale close; a stuck server must not hang the pipe.
    options.closeTimeoutMs = 3000;

    run.readStdin = stdinDash || !isatty(STDIN_FILENO);
    WsCli cli(options, std::move(run));
    if (!cli.startSaving(command))
        return exitStatusFor(FailureClass::Usage);
    cli.run();
    return cli.finishSaving(command, QCoreApplication::exec());
}

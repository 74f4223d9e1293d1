#include "app/cli/clicommands.h"

#include "core/net/wsconnection.h"
#include "core/session/jsonl.h"
#include "core/session/wsjson.h"
#include "core/wire/wsviolations.h"

#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

#include <unistd.h>

using namespace wirescope;

namespace {

// Exit codes (docs/cli-ws.md).
enum ExitCode {
    ExitClean = 0,        // closing handshake completed in both directions
    ExitUnclean = 1,      // the connection ended without a complete closing handshake
    ExitUsage = 2,        // bad options or URL
    ExitConnect = 3,      // DNS, TCP, proxy or TLS failure, connect timeout
    ExitHandshake = 4,    // the server refused or botched the upgrade
    ExitViolation = 5,    // the server broke an RFC 6455/7692 rule (error severity)
};

const char *kUsage =
    "Usage: wirescope-cli ws URL [options] [-]\n"
    "\n"
    "Opens a WebSocket, sends the given messages in order, and prints every event as one\n"
    "JSON object per line (docs/cli-ws.md). Lines read from stdin (when it is not a\n"
    "terminal, or with '-') are sent as text messages.\n"
    "\n"
    "Messages (in the order given):\n"
    "  --text TEXT            send a text message\n"
    "  --binary HEX           send a binary message (hex digits)\n"
    "  --raw HEX              write these bytes as they are: a crafted frame, rules unchecked\n"
    "                         (decoded like every frame we send, violations reported)\n"
    "  --ping[=PAYLOAD]       send a ping (RTT reported in the pong event)\n"
    "  --close CODE[:REASON]  close with this code (default 1000) when done\n"
    "Options:\n"
    "  --fragment N           split data messages into frames of at most N bytes\n"
    "  --deflate              offer permessage-deflate (RFC 7692)\n"
    "  --subprotocol P        offer a subprotocol (repeatable)\n"
    "  -H, --header 'K: V'    add a request header (repeatable)\n"
    "  --origin ORIGIN        send an Origin header\n"
    "  --bearer TOKEN         Authorization: Bearer TOKEN (Basic: user:pass@ in the URL)\n"
    "  --insecure             ignore TLS certificate errors (they are still reported)\n"
    "  --cacert FILE          trust the PEM certificates in FILE too\n"
    "  --proxy URL            HTTP (http://host:port) or SOCKS5 (socks5://host:port) proxy\n"
    "  --keep-inspecting      record violations and keep decoding instead of failing\n"
    "  --no-auto-pong         do not answer pings\n"
    "  --ping-interval S      ping every S seconds while open (RTT in each pong event)\n"
    "  --echo                 send back every data message received\n"
    "  --wait SECONDS         wait this long after the last message before closing\n"
    "                         (default 1; negative: until the server closes)\n"
    "  --timeout SECONDS      connect and handshake timeout (default 10)\n"
    "  --max-payload BYTES    truncate payload_hex/text/hex past this (default 4096)\n"
    "  --no-frames            do not print frame events\n"
    "\n"
    "Exit status: 0 clean close, 1 unclean close, 2 usage, 3 connect/TLS failure,\n"
    "4 handshake failed, 5 the server violated the protocol.\n";

struct Action {
    enum class Kind { Text, Binary, Ping, Raw } kind;
    QByteArray data;
};

int usageError(const QString &program, const QString &message)
{
    QTextStream err(stderr);
    err << program << ": " << message << "\n\n" << kUsage;
    return ExitUsage;
}

class WsCli : public QObject
{
public:
    WsCli(const WsConnectOptions &options, QList<Action> actions, std::optional<quint16> closeCode,
          QString closeReason, qsizetype fragment, bool echo, double waitSeconds, bool readStdin,
          bool printFrames, qsizetype maxPayload)
        : m_options(options)
        , m_actions(std::move(actions))
        , m_closeCode(closeCode)
        , m_closeReason(std::move(closeReason))
        , m_fragment(fragment)
        , m_echo(echo)
        , m_waitSeconds(waitSeconds)
        , m_readStdin(readStdin)
        , m_printFrames(printFrames)
        , m_out(&m_stdoutFile)
    {
        m_stdoutFile.open(stdout, QIODevice::WriteOnly);
        m_json.maxPayloadBytes = maxPayload;
        connect(&m_connection, &WsConnection::handshakeFinished, this, [this](const WsHandshakeRecord &r) {
            m_handshakeDone = true;
            m_handshakeOk = r.verdict.ok && r.response.status == 101;
            m_out.write(wsHandshakeToJson(r, m_json));
            if (m_handshakeOk)
                start();
        });
        connect(&m_connection, &WsConnection::frameDecoded, this, [this](const WsFrameEvent &e) {
            if (m_printFrames)
                m_out.write(wsFrameToJson(e, m_json));
        });
        connect(&m_connection, &WsConnection::messageDecoded, this, [this](const WsMessageEvent &e) {
            m_out.write(wsMessageToJson(e, m_json));
            if (m_echo && e.direction == Direction::In && !e.message.truncated) {
                if (e.message.type == WsMessageType::Text)
                    m_connection.sendText(QString::fromUtf8(e.message.payload), m_fragment);
                else
                    m_connection.sendBinary(e.message.payload, m_fragment);
            }
        });
        connect(&m_connection, &WsConnection::violationFound, this, [this](const WsViolationEvent &e) {
            m_out.write(wsViolationToJson(e));
            if (e.direction == Direction::In && e.violation.isError() && e.violation.kind
                && QByteArrayView(e.violation.kind->id).startsWith("ws.handshake") == false)
                m_violated = true;
        });
        connect(&m_connection, &WsConnection::pongReceived, this, [this](const WsPongEvent &e) {
            m_out.write(wsPongToJson(e));
        });
        connect(&m_connection, &WsConnection::errorOccurred, this, [this](const WsErrorEvent &e) {
            m_out.write(wsErrorToJson(e));
        });
        connect(&m_connection, &WsConnection::closed, this, [this](const WsCloseRecord &r) {
            m_out.write(wsCloseToJson(r));
            QCoreApplication::exit(exitCodeFor(r));
        });
        connect(&m_waitTimer, &QTimer::timeout, this, [this] { closeNow(); });
        m_waitTimer.setSingleShot(true);
    }

    void run() { m_connection.open(m_options); }

private:
    int exitCodeFor(const WsCloseRecord &r) const
    {
        if (!m_handshakeDone)
            return exitStatusFor(r.failure.failureClass());
        if (!m_handshakeOk)
            return ExitHandshake;
        if (m_violated)
            return ExitViolation;
        return r.clean ? ExitClean : ExitUnclean;
    }

    void start()
    {
        for (const Action &a : std::as_const(m_actions)) {
            switch (a.kind) {
            case Action::Kind::Text: m_connection.sendText(QString::fromUtf8(a.data), m_fragment); break;
            case Action::Kind::Binary: m_connection.sendBinary(a.data, m_fragment); break;
            case Action::Kind::Ping: m_connection.ping(a.data); break;
            case Action::Kind::Raw: m_connection.sendRaw(a.data); break;
            }
        }
        if (m_readStdin) {
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
                m_connection.sendText(QString::fromUtf8(m_stdinBuffer), m_fragment);
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
            m_connection.sendText(QString::fromUtf8(line), m_fragment);
        }
    }

    void armWait()
    {
        if (m_waitSeconds < 0)
            return; // until the server closes
        m_waitTimer.start(int(m_waitSeconds * 1000));
    }

    void closeNow()
    {
        if (!m_connection.close(m_closeCode, m_closeReason))
            m_connection.abort();
    }

    WsConnectOptions m_options;
    QList<Action> m_actions;
    std::optional<quint16> m_closeCode;
    QString m_closeReason;
    qsizetype m_fragment;
    bool m_echo;
    double m_waitSeconds;
    bool m_readStdin;
    bool m_printFrames;
    QFile m_stdoutFile;
    JsonLinesWriter m_out;
    WsJsonOptions m_json;
    WsConnection m_connection;
    QTimer m_waitTimer;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_stdinBuffer;
    bool m_handshakeDone = false;
    bool m_handshakeOk = false;
    bool m_violated = false;
};

} // namespace

int runWsCommand(const QStringList &arguments)
{
    const QString program = arguments.value(0);
    WsConnectOptions options;
    QList<Action> actions;
    std::optional<quint16> closeCode = quint16(1000);
    QString closeReason;
    qsizetype fragment = 0;
    bool echo = false;
    double waitSeconds = 1.0;
    bool stdinDash = false;
    bool printFrames = true;
    qsizetype maxPayload = 4096;
    QString url;

    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString arg = arguments.at(i);
        auto value = [&](QString *out) {
            if (i + 1 >= arguments.size())
                return false;
            *out = arguments.at(++i);
            return true;
        };
        QString v;
        if (arg == u"--help" || arg == u"-h") {
            QTextStream(stdout) << kUsage;
            return ExitClean;
        } else if (arg == u"-") {
            stdinDash = true;
        } else if (arg == u"--text") {
            if (!value(&v))
                return usageError(program, QStringLiteral("--text needs a value"));
            actions.append({Action::Kind::Text, v.toUtf8()});
        } else if (arg == u"--binary" || arg == u"--raw") {
            if (!value(&v))
                return usageError(program, arg + QStringLiteral(" needs hex digits"));
            const QByteArray hex = v.toLatin1();
            for (char c : hex)
                if (!isxdigit(uchar(c)))
                    return usageError(program, arg + QStringLiteral(": not hex: ") + v);
            if (hex.size() % 2)
                return usageError(program, arg + QStringLiteral(": odd number of hex digits"));
            if (arg == u"--raw" && hex.isEmpty())
                return usageError(program, QStringLiteral("--raw needs at least one byte"));
            actions.append({arg == u"--raw" ? Action::Kind::Raw : Action::Kind::Binary, QByteArray::fromHex(hex)});
        } else if (arg == u"--ping" || arg.startsWith(u"--ping=")) {
            const QByteArray payload = arg.size() > 7 ? arg.mid(7).toUtf8() : QByteArray::number(actions.size());
            if (payload.size() > 125)
                return usageError(program, QStringLiteral("--ping: payload longer than 125 bytes"));
            actions.append({Action::Kind::Ping, payload});
        } else if (arg == u"--close") {
            if (!value(&v))
                return usageError(program, QStringLiteral("--close needs CODE[:REASON]"));
            const qsizetype colon = v.indexOf(u':');
            bool ok = false;
            const uint code = (colon < 0 ? v : v.left(colon)).toUInt(&ok);
            if (!ok || code > 65535)
                return usageError(program, QStringLiteral("--close: bad code ") + v);
            closeCode = quint16(code);
            closeReason = colon < 0 ? QString() : v.mid(colon + 1);
        } else if (arg == u"--fragment") {
            bool ok = false;
            if (!value(&v) || (fragment = v.toLongLong(&ok), !ok) || fragment <= 0)
                return usageError(program, QStringLiteral("--fragment needs a positive byte count"));
        } else if (arg == u"--deflate") {
            options.permessageDeflate = true;
        } else if (arg == u"--subprotocol") {
            if (!value(&v))
                return usageError(program, QStringLiteral("--subprotocol needs a value"));
            options.subprotocols << v;
        } else if (arg == u"-H" || arg == u"--header") {
            if (!value(&v) || !v.contains(u':'))
                return usageError(program, QStringLiteral("-H needs 'Name: value'"));
            const qsizetype colon = v.indexOf(u':');
            options.headers.append({v.left(colon).trimmed().toLatin1(), v.mid(colon + 1).trimmed().toUtf8()});
        } else if (arg == u"--origin") {
            if (!value(&options.origin))
                return usageError(program, QStringLiteral("--origin needs a value"));
        } else if (arg == u"--bearer") {
            if (!value(&options.bearerToken))
                return usageError(program, QStringLiteral("--bearer needs a token"));
        } else if (arg == u"--insecure") {
            options.ignoreCertificateErrors = true;
        } else if (arg == u"--cacert") {
            if (!value(&v))
                return usageError(program, QStringLiteral("--cacert needs a file"));
            const QList<QSslCertificate> certificates = QSslCertificate::fromPath(v, QSsl::Pem);
            if (certificates.isEmpty())
                return usageError(program, QStringLiteral("--cacert: no PEM certificate in ") + v);
            options.caCertificates += certificates;
        } else if (arg == u"--proxy") {
            if (!value(&v))
                return usageError(program, QStringLiteral("--proxy needs a URL"));
            const QUrl proxyUrl(v);
            const bool socks = proxyUrl.scheme() == u"socks5";
            if (proxyUrl.host().isEmpty() || proxyUrl.port() <= 0 || (!socks && proxyUrl.scheme() != u"http"))
                return usageError(program, QStringLiteral("--proxy: expected http://host:port or socks5://host:port"));
            options.proxy = QNetworkProxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, proxyUrl.host(),
                                          quint16(proxyUrl.port()), proxyUrl.userName(), proxyUrl.password());
        } else if (arg == u"--keep-inspecting") {
            options.keepInspecting = true;
        } else if (arg == u"--no-auto-pong") {
            options.autoPong = false;
        } else if (arg == u"--echo") {
            echo = true;
        } else if (arg == u"--ping-interval") {
            bool ok = false;
            double seconds = 0;
            if (!value(&v) || (seconds = v.toDouble(&ok), !ok) || seconds < 0.001 || seconds > 86400)
                return usageError(program, QStringLiteral("--ping-interval needs seconds (0.001 to 86400)"));
            options.pingIntervalMs = std::max(1, int(seconds * 1000));
        } else if (arg == u"--wait") {
            bool ok = false;
            if (!value(&v) || (waitSeconds = v.toDouble(&ok), !ok))
                return usageError(program, QStringLiteral("--wait needs seconds"));
        } else if (arg == u"--timeout") {
            bool ok = false;
            double seconds = 0;
            if (!value(&v) || (seconds = v.toDouble(&ok), !ok) || seconds <= 0)
                return usageError(program, QStringLiteral("--timeout needs positive seconds"));
            options.connectTimeoutMs = options.handshakeTimeoutMs = int(seconds * 1000);
        } else if (arg == u"--max-payload") {
            bool ok = false;
            if (!value(&v) || (maxPayload = v.toLongLong(&ok), !ok) || maxPayload < 0)
                return usageError(program, QStringLiteral("--max-payload needs a byte count"));
        } else if (arg == u"--no-frames") {
            printFrames = false;
        } else if (arg.startsWith(u'-')) {
            return usageError(program, QStringLiteral("unknown option ") + arg);
        } else if (url.isEmpty()) {
            url = arg;
        } else {
            return usageError(program, QStringLiteral("more than one URL: ") + arg);
        }
    }
    if (url.isEmpty())
        return usageError(program, QStringLiteral("missing URL"));
    options.url = QUrl(url, QUrl::StrictMode);
    const QString scheme = options.url.scheme();
    if (!options.url.isValid() || (scheme != u"ws" && scheme != u"wss") || options.url.host().isEmpty())
        return usageError(program, QStringLiteral("not a ws:// or wss:// URL: ") + url);
    // A CLI user waits for a human-scale close; a stuck server must not hang the pipe.
    options.closeTimeoutMs = 3000;

    const bool readStdin = stdinDash || !isatty(STDIN_FILENO);
    WsCli cli(options, actions, closeCode, closeReason, fragment, echo, waitSeconds, readStdin, printFrames, maxPayload);
    cli.run();
    return QCoreApplication::exec();
}

#include "app/cli/clicommandline.h"
#include "app/cli/clicommands.h"

#include "core/demo/demoserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace {

// Self-pipe: the signal handler only writes one byte (async-signal-safe); a QSocketNotifier
// on the read end turns it into an ordinary event-loop callback that quits cleanly.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

bool installSignalHandlers()
{
    if (::pipe(g_signalPipe) != 0)
        return false;
    for (int fd : g_signalPipe)
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    ::fcntl(g_signalPipe[1], F_SETFL, O_NONBLOCK);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0;
}

} // namespace

int runServeDemoCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run the embedded demo server (HTTP and WebSocket on one port of 127.0.0.1) until "
        "interrupted (Ctrl+C or SIGTERM). Endpoints: docs/demo-server.md"));
    parser.addHelpOption();
    const QCommandLineOption portOption({QStringLiteral("p"), QStringLiteral("port")},
                                        QStringLiteral("Port on 127.0.0.1 (default 0: any free port)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption quietOption({QStringLiteral("q"), QStringLiteral("quiet")},
                                         QStringLiteral("Do not log each request."));
    parser.addOption(portOption);
    parser.addOption(quietOption);
    if (!parser.parse(arguments)) {
        err << arguments.value(0) << ": " << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << CliCommandLine::helpTextFor(parser, QStringLiteral("serve-demo"));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << arguments.value(0) << ": unexpected argument '" << parser.positionalArguments().first() << "'\n";
        return 2;
    }
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << arguments.value(0) << ": --port needs a number from 0 to 65535, not '"
            << parser.value(portOption) << "'\n";
        return 2;
    }

    wirescope::DemoServer server;
    if (!server.start(quint16(port))) {
        err << arguments.value(0) << ": cannot listen on 127.0.0.1:" << port << ": " << server.errorString()
            << (port ? "\n(is another server using that port? try another --port, or 0 for any free port)\n" : "\n");
        return 3;
    }
    if (!installSignalHandlers()) {
        err << arguments.value(0) << ": cannot install the SIGINT/SIGTERM handlers\n";
        return 1;
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &server, [&] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(g_signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });

    const QString http = server.httpBaseUrl().toString();
    const QString ws = server.wsBaseUrl().toString();
    out << "Wirescope demo server on " << http << " (WebSocket " << ws << "), loopback only\n\n";
    for (const wirescope::DemoEndpoint &endpoint : wirescope::DemoServer::endpoints()) {
        const QString url = (endpoint.isWebSocket() ? ws : http) + QString::fromLatin1(endpoint.example);
        out << "  " << endpoint.methodLabel().leftJustified(6) << ' ' << url.leftJustified(52) << ' '
            << endpoint.description << '\n';
    }
    out << "\nWebSocket subprotocols accepted: " << wirescope::DemoServer::subprotocols().join(u", ")
        << "\nPress Ctrl+C to stop.\n";
    out.flush();

    if (!parser.isSet(quietOption)) {
        QObject::connect(&server, &wirescope::DemoServer::requestServed, &server,
                         [&out](const QString &method, const QString &target, int status) {
                             out << status << ' ' << method << ' ' << target << '\n';
                             out.flush();
                         });
        QObject::connect(&server, &wirescope::DemoServer::webSocketOpened, &server,
                         [&out](const QString &path, const QString &subprotocol) {
                             out << "ws open " << path
                                 << (subprotocol.isEmpty() ? QString() : QString(u" (" + subprotocol + u')')) << '\n';
                             out.flush();
                         });
        QObject::connect(&server, &wirescope::DemoServer::webSocketClosed, &server, [&out](const QString &path) {
            out << "ws closed " << path << '\n';
            out.flush();
        });
    }

    QCoreApplication::exec();
    server.stop();
    out << "Demo server stopped.\n";
    return 0;
}

#include "app/cli/clicommands.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

void printUsage(QTextStream &out)
{
    out << QCoreApplication::translate("cli",
        "Usage: wirescope-cli <command> [options]\n"
        "\n"
        "Commands:\n"
        "  http         send one HTTP/1.1 request and show its bytes and phase timings\n"
        "  ws           open a WebSocket and print every event as JSON lines\n"
        "  sse          read a server-sent event stream and print every event as JSON lines\n"
        "  lab          measure one workload over each HTTP and WebSocket transport\n"
        "  serve-demo   run the embedded demo server until interrupted\n"
        "  session      read a session file (session info FILE)\n"
        "  replay       send a recorded session again and show what differs\n"
        "\n"
        "Run 'wirescope-cli <command> --help' for the options of a command.\n"
        "Output formats and exit statuses: docs/cli.md\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wirescope-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Wirescope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WIRESCOPE_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (arguments.size() < 2 || arguments.at(1) == u"--help" || arguments.at(1) == u"-h") {
        printUsage(arguments.size() < 2 ? err : out);
        return arguments.size() < 2 ? 2 : 0;
    }
    if (arguments.at(1) == u"--version") {
        out << "wirescope-cli " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    const QString command = arguments.takeAt(1);
    arguments[0] = QStringLiteral("wirescope-cli ") + command; // how errors name the command
    if (command == u"serve-demo")
        return runServeDemoCommand(arguments);
    if (command == u"ws")
        return runWsCommand(arguments);
    if (command == u"http")
        return runHttpCommand(arguments);
    if (command == u"sse")
        return runSseCommand(arguments);
    if (command == u"lab")
        return runLabCommand(arguments);
    if (command == u"session")
        return runSessionCommand(arguments);
    if (command == u"replay")
        return runReplayCommand(arguments);
    err << QCoreApplication::translate("cli", "wirescope-cli: unknown command '%1'\n").arg(command);
    printUsage(err);
    return 2;
}

#include "app/cli/clicommands.h"

#include <QTextStream>

int runHttpCommand(const QStringList &arguments)
{
    QTextStream(stderr) << arguments.value(0) << ": not built yet\n";
    return 2;
}

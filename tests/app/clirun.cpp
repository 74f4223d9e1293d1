#include "tests/app/clirun.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>

namespace wirescope::test {

QList<QJsonObject> CliRun::ofEvent(const QString &event) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &o : lines)
        if (o[u"event"].toString() == event)
            out << o;
    return out;
}

QJsonObject CliRun::object() const
{
    return QJsonDocument::fromJson(stdoutBytes).object();
}

CliRun runCli(const QStringList &arguments, const QByteArray &stdinBytes)
{
    QProcess process;
    process.setProgram(QStringLiteral(WIRESCOPE_BINARY_DIR "/app/wirescope-cli"));
    process.setArguments(arguments);
    process.start();
    process.waitForStarted();
    if (!stdinBytes.isEmpty())
        process.write(stdinBytes);
    process.closeWriteChannel();
    QSignalSpy finished(&process, &QProcess::finished);
    CliRun run;
    if (!finished.wait(30000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.finished = true;
    run.exitCode = process.exitCode();
    run.stderrText = process.readAllStandardError();
    run.stdoutBytes = process.readAllStandardOutput();
    for (const QByteArray &line : run.stdoutBytes.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        run.lines << (doc.isObject() ? doc.object() : QJsonObject{{QStringLiteral("event"), QStringLiteral("NOT-JSON")}});
    }
    return run;
}

} // namespace wirescope::test

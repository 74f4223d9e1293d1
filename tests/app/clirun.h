#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace wirescope::test {

// One run of the built `wirescope-cli` (the public contract, docs/cli.md).
struct CliRun {
    bool finished = false; // false: killed after the time limit
    int exitCode = -1;
    QByteArray stdoutBytes;
    QByteArray stderrText;
    QList<QJsonObject> lines; // stdout read as JSON lines (ws); a line that is not an object is {"event": "NOT-JSON"}

    QList<QJsonObject> ofEvent(const QString &event) const;
    // stdout read as one JSON document (http --json); empty when it is not one.
    QJsonObject object() const;
};

// Runs `wirescope-cli <arguments>` and keeps the event loop alive meanwhile, so servers in
// the test process keep serving. stdinBytes are written, then stdin is closed.
CliRun runCli(const QStringList &arguments, const QByteArray &stdinBytes = {});

} // namespace wirescope::test

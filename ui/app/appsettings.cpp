#include "ui/app/appsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace wirescope::AppSettings {

namespace {
QString startKey() { return QStringLiteral("demo/startAtLaunch"); }
QString portKey() { return QStringLiteral("demo/port"); }
QString budgetKey() { return QStringLiteral("session/payloadBudgetMiB"); }
constexpr int kDefaultBudgetMiB = 512;
QString recentKey() { return QStringLiteral("session/recentFiles"); }
QString redactedKey() { return QStringLiteral("export/extraRedactedNames"); }
constexpr int kMaxRecent = 10;
} // namespace

bool startDemoServer()
{
    return QSettings().value(startKey(), true).toBool();
}

void setStartDemoServer(bool on)
{
    QSettings().setValue(startKey(), on);
}

quint16 demoServerPort()
{
    const uint port = QSettings().value(portKey(), 0).toUInt();
    return port <= 65535 ? quint16(port) : quint16(0);
}

void setDemoServerPort(quint16 port)
{
    QSettings().setValue(portKey(), port);
}

int payloadBudgetMiB()
{
    bool ok = false;
    const int mib = QSettings().value(budgetKey(), kDefaultBudgetMiB).toInt(&ok);
    return ok && mib >= 0 ? mib : kDefaultBudgetMiB;
}

void setPayloadBudgetMiB(int mib)
{
    QSettings().setValue(budgetKey(), std::max(0, mib));
}

qint64 payloadBudgetBytes()
{
    return qint64(payloadBudgetMiB()) << 20;
}

QString workingDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("working"));
}

QStringList recentFiles()
{
    return QSettings().value(recentKey()).toStringList();
}

void addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecent)
        files.removeLast();
    QSettings().setValue(recentKey(), files);
}

void removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    QSettings().setValue(recentKey(), files);
}

QStringList extraRedactedNames()
{
    return QSettings().value(redactedKey()).toStringList();
}

void setExtraRedactedNames(const QStringList &names)
{
    QStringList clean;
    for (const QString &name : names)
        if (const QString trimmed = name.trimmed(); !trimmed.isEmpty() && !clean.contains(trimmed, Qt::CaseInsensitive))
            clean.append(trimmed);
    QSettings().setValue(redactedKey(), clean);
}

RedactionRules redactionRules()
{
    RedactionRules rules = RedactionRules::defaults();
    for (const QString &name : extraRedactedNames()) {
        rules.headers.append(name.toLatin1());
        rules.queryParameters.append(name);
    }
    return rules;
}

} // namespace wirescope::AppSettings

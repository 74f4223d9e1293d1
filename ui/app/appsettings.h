#pragma once

#include "core/session/redaction.h"

#include <QStringList>
#include <QtGlobal>

namespace wirescope {

// The application's preferences, one place for their QSettings keys and defaults.
namespace AppSettings {
bool startDemoServer();          // default true: the window is useful offline from the first launch
void setStartDemoServer(bool on);
quint16 demoServerPort();        // 0 = a free port chosen at launch
void setDemoServerPort(quint16 port);
// Payload bytes the session keeps in memory before the oldest are dropped (rows, sizes and
// times stay). Default 512 MiB: a laptop stays responsive; 0 = no limit.
int payloadBudgetMiB();
void setPayloadBudgetMiB(int mib);
qint64 payloadBudgetBytes();

// Where each window's session is recorded as it happens (its working copy), and where a
// start looks for the copies a crashed Wirescope left behind.
QString workingDirectory();
// The session files opened or saved, most recent first (at most 10).
QStringList recentFiles();
void addRecentFile(const QString &path);
void removeRecentFile(const QString &path);
// Header and query parameter names the user added to what exports and copies hide, and the
// rules they make with the built-in ones (RedactionRules::defaults()).
QStringList extraRedactedNames();
void setExtraRedactedNames(const QStringList &names);
RedactionRules redactionRules();
} // namespace AppSettings

} // namespace wirescope

#pragma once

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
} // namespace AppSettings

} // namespace wirescope

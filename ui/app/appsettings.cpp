#include "ui/app/appsettings.h"

#include <QSettings>

#include <algorithm>

namespace wirescope::AppSettings {

namespace {
QString startKey() { return QStringLiteral("demo/startAtLaunch"); }
QString portKey() { return QStringLiteral("demo/port"); }
QString budgetKey() { return QStringLiteral("session/payloadBudgetMiB"); }
constexpr int kDefaultBudgetMiB = 512;
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

} // namespace wirescope::AppSettings

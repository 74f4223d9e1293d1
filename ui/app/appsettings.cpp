#include "ui/app/appsettings.h"

#include <QSettings>

namespace wirescope::AppSettings {

namespace {
QString startKey() { return QStringLiteral("demo/startAtLaunch"); }
QString portKey() { return QStringLiteral("demo/port"); }
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

} // namespace wirescope::AppSettings

#include "ui/common/units.h"

#include <QCoreApplication>

namespace wirescope {

QString formatDurationNs(qint64 ns)
{
    if (ns < 0)
        return QCoreApplication::translate("Units", "n/a");
    if (ns < 1'000'000)
        return QCoreApplication::translate("Units", "%1 µs").arg(double(ns) / 1e3, 0, 'f', ns < 10'000 ? 1 : 0);
    if (ns < 1'000'000'000)
        return QCoreApplication::translate("Units", "%1 ms").arg(double(ns) / 1e6, 0, 'f', ns < 100'000'000 ? 2 : 1);
    return QCoreApplication::translate("Units", "%1 s").arg(double(ns) / 1e9, 0, 'f', 3);
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 0)
        return QCoreApplication::translate("Units", "n/a");
    if (bytes < 1024)
        return QCoreApplication::translate("Units", "%n B", nullptr, int(bytes));
    if (bytes < 1024 * 1024)
        return QCoreApplication::translate("Units", "%1 KiB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    if (bytes < 1024LL * 1024 * 1024)
        return QCoreApplication::translate("Units", "%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return QCoreApplication::translate("Units", "%1 GiB").arg(double(bytes) / (1024.0 * 1024.0 * 1024.0), 0, 'f', 2);
}

} // namespace wirescope

#include "core/demo/demoeventlog.h"

#include "core/demo/demolimits.h"

#include <chrono>

namespace wirescope {

qint64 demoWallClockNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

QJsonObject DemoEvent::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("type"), type},
            {QStringLiteral("t_ns"), tNs},
            {QStringLiteral("data"), data}};
}

DemoEventLog::DemoEventLog(QObject *parent)
    : QObject(parent)
{
}

qint64 DemoEventLog::append(const QString &type, const QJsonObject &data)
{
    DemoEvent event{m_nextId++, type, data, demoWallClockNs()};
    m_events.append(event);
    if (m_events.size() > DemoLimits::maxEvents)
        m_events.remove(0, m_events.size() - DemoLimits::maxEvents);
    Q_EMIT eventAdded(event);
    return event.id;
}

QList<DemoEvent> DemoEventLog::eventsAfter(qint64 afterId, int max) const
{
    QList<DemoEvent> result;
    for (const DemoEvent &event : m_events) {
        if (event.id > afterId) {
            result.append(event);
            if (result.size() >= max)
                break;
        }
    }
    return result;
}

} // namespace wirescope

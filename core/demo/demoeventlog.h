#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>

namespace wirescope {

// One server event that /poll delivers: a chat message, a published message or a clock tick.
struct DemoEvent
{
    qint64 id = 0;       // increasing from 1
    QString type;        // "chat", "publish", "tick"
    QJsonObject data;
    qint64 tNs = 0;      // wall clock, ns since the Unix epoch
    QJsonObject toJson() const;
};

// The bounded list of recent server events (DemoLimits::maxEvents) that long-poll requests
// wait on; /ws/chat and POST /publish feed it, and a clock tick every few seconds.
class DemoEventLog : public QObject
{
    Q_OBJECT
public:
    explicit DemoEventLog(QObject *parent = nullptr);

    qint64 append(const QString &type, const QJsonObject &data);
    // Events with id > afterId, oldest first, at most max.
    QList<DemoEvent> eventsAfter(qint64 afterId, int max) const;
    qint64 lastId() const { return m_nextId - 1; }

Q_SIGNALS:
    void eventAdded(const wirescope::DemoEvent &event);

private:
    QList<DemoEvent> m_events;
    qint64 m_nextId = 1;
};

// Wall clock in ns since the Unix epoch (the t_ns of ticker messages and events).
qint64 demoWallClockNs();

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::DemoEvent)

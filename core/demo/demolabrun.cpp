#include "core/demo/demolabrun.h"

#include "core/demo/demoeventlog.h"
#include "core/demo/demolimits.h"

#include <QTimer>

#include <cmath>

namespace wirescope {

DemoLabRun::DemoLabRun(const DemoLabConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_scheduled(config.scheduled())
    , m_timer(new QTimer(this))
    , m_random(QRandomGenerator::securelySeeded())
{
    m_clock.start();
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    if (config.workload == DemoLabConfig::Workload::Echo) {
        connect(m_timer, &QTimer::timeout, this, &DemoLabRun::finish);
        m_timer->start(config.durationMs + DemoLimits::labEchoGraceMs);
        return;
    }
    connect(m_timer, &QTimer::timeout, this, &DemoLabRun::createDue);
    // Event 1 is due at the start: the request that created the run may deliver it.
    createDue();
}

void DemoLabRun::createDue()
{
    const qint64 now = m_clock.nsecsElapsed();
    int created = 0;
    // Catch up with every event due by now, each stamped when it is really created; a turn
    // creates at most labMaxEventsPerTurn so that sockets are served between batches.
    while (m_nextSeq <= m_scheduled && m_config.dueNs(m_nextSeq) <= now
        && created < DemoLimits::labMaxEventsPerTurn) {
        append(m_nextSeq, m_config.message(m_nextSeq, demoWallClockNs() / 1000, m_random));
        ++m_nextSeq;
        ++created;
    }
    if (created > 0)
        Q_EMIT messagesAdded();
    if (m_nextSeq > m_scheduled) {
        finish();
        return;
    }
    const qint64 wait = m_config.dueNs(m_nextSeq) - m_clock.nsecsElapsed();
    m_timer->start(
        wait <= 0 ? 0 : int(qMin<qint64>((wait + 999999) / 1000000, std::numeric_limits<int>::max())));
}

void DemoLabRun::finish()
{
    if (m_over)
        return;
    m_over = true;
    m_timer->stop();
    m_quietSince.start();
    Q_EMIT over();
}

void DemoLabRun::append(qint64 seq, const QByteArray &bytes)
{
    m_log.push_back(Entry {endPosition(), seq, bytes, false});
    m_logBytes += bytes.size();
    while (!m_log.empty()
        && (qint64(m_log.size()) > DemoLimits::maxLabPendingMessages
            || m_logBytes > DemoLimits::maxLabPendingBytes)) {
        if (!m_log.front().delivered)
            ++m_dropped;
        m_logBytes -= m_log.front().bytes.size();
        m_log.pop_front();
        ++m_firstPosition;
    }
}

void DemoLabRun::relay(const QByteArray &message)
{
    ++m_relayed;
    append(0, message);
    Q_EMIT messagesAdded();
}

qint64 DemoLabRun::positionAfterSeq(qint64 seq) const
{
    for (auto it = m_log.rbegin(); it != m_log.rend(); ++it) {
        if (it->seq > 0 && it->seq <= seq)
            return it->position + 1;
    }
    // Nothing kept at or before seq: everything kept comes after it, or seq was never sent.
    return seq >= m_nextSeq ? endPosition() : m_firstPosition;
}

QList<DemoLabRun::Entry> DemoLabRun::take(qint64 *position, qint64 maxBytes)
{
    QList<Entry> out;
    qint64 bytes = 0;
    qint64 at = qMax(*position, m_firstPosition);
    while (at < endPosition()
        && (out.isEmpty() || bytes + m_log[size_t(at - m_firstPosition)].bytes.size() <= maxBytes)) {
        Entry &entry = m_log[size_t(at - m_firstPosition)];
        entry.delivered = true;
        bytes += entry.bytes.size();
        out.append(entry);
        ++at;
    }
    *position = at;
    return out;
}

bool DemoLabRun::hasForPoll(qint64 after) const
{
    for (auto it = m_log.rbegin(); it != m_log.rend(); ++it) {
        if (it->seq > after || (it->seq == 0 && it->position > m_polledRelays))
            return true;
        if (it->seq > 0 && it->position <= m_polledRelays)
            return false; // older entries: events at or before after, relays already polled
    }
    return false;
}

QList<DemoLabRun::Entry> DemoLabRun::takeForPoll(qint64 after)
{
    QList<Entry> out;
    for (Entry &entry : m_log) {
        if (entry.seq > after || (entry.seq == 0 && entry.position > m_polledRelays)) {
            entry.delivered = true;
            out.append(entry);
        }
    }
    m_polledRelays = endPosition() - 1;
    return out;
}

void DemoLabRun::connectionClosed()
{
    if (--m_open == 0 && m_over)
        m_quietSince.start();
}

bool DemoLabRun::isForgettable() const
{
    return m_over && m_open == 0 && m_quietSince.isValid()
        && m_quietSince.elapsed() >= DemoLimits::labForgetAfterMs;
}

QJsonObject DemoLabRun::stats() const
{
    return QJsonObject {
        {QStringLiteral("run"), QString::fromLatin1(m_config.run)},
        {QStringLiteral("workload"), DemoLabConfig::workloadName(m_config.workload)},
        {QStringLiteral("payload"), DemoLabConfig::payloadName(m_config.payload)},
        {QStringLiteral("rate"), m_config.rate},
        {QStringLiteral("size"), m_config.size},
        {QStringLiteral("duration_ms"), m_config.durationMs},
        {QStringLiteral("connections"), m_connections},
        {QStringLiteral("open_connections"), m_open},
        {QStringLiteral("requests"), m_requests},
        {QStringLiteral("bytes_in"), m_bytesIn},
        {QStringLiteral("bytes_out"), m_bytesOut},
        {QStringLiteral("messages_scheduled"), m_scheduled},
        {QStringLiteral("messages_created"), m_nextSeq - 1},
        {QStringLiteral("messages_relayed"), m_relayed},
        {QStringLiteral("messages_echoed"), m_echoed},
        {QStringLiteral("messages_dropped"), m_dropped},
        {QStringLiteral("over"), m_over},
    };
}

} // namespace wirescope

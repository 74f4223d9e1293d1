#include "core/lab/labtally.h"

#include "core/lab/labmessage.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace wirescope {

namespace {

// Nearest rank (the smallest value with at least p of the values at or below it).
LabDelay delayOf(QList<qint64> delays)
{
    LabDelay d;
    if (delays.isEmpty())
        return d;
    std::sort(delays.begin(), delays.end());
    const auto rank = [&](double p) {
        const qsizetype index = qsizetype(std::ceil(p * double(delays.size()))) - 1;
        return double(delays.at(std::clamp<qsizetype>(index, 0, delays.size() - 1))) / 1e6;
    };
    d.p50Ms = rank(0.50);
    d.p99Ms = rank(0.99);
    d.maxMs = double(delays.last()) / 1e6;
    return d;
}

} // namespace

LabTally::LabTally(LabTransport transport, int lateMs, qint64 epochAnchorUs)
    : m_lateNs(qint64(lateMs) * 1'000'000)
    , m_epochAnchorUs(epochAnchorUs)
{
    m_result.transport = transport;
}

void LabTally::noteChunk(quint64 connection, Direction direction, qint64 size)
{
    m_connections.insert(connection);
    if (direction == Direction::Out) {
        m_result.wireBytesOut += size;
        ++m_result.segmentsOut;
    } else {
        m_result.wireBytesIn += size;
        ++m_result.segmentsIn;
    }
}

void LabTally::noteClientWritten(qint64 cseq, qint64 tNs, qint64 size)
{
    m_clientWriteNs.insert(cseq, tNs);
    ++m_clientWritten;
    m_payloadBytes += size;
}

void LabTally::unnoteClientWritten(qint64 cseq, qint64 size)
{
    m_clientWriteNs.remove(cseq);
    --m_clientWritten;
    m_payloadBytes -= size;
}

void LabTally::noteDelivered(const QList<QByteArray> &messages, qint64 receivedNs)
{
    if (messages.isEmpty())
        return;
    const qint64 carried = m_result.wireBytesOut + m_result.wireBytesIn;
    const qint64 share = (carried - m_bytesAtLastDelivery) / messages.size();
    qint64 remainder = (carried - m_bytesAtLastDelivery) - share * messages.size();
    m_bytesAtLastDelivery = carried;
    for (const QByteArray &message : messages) {
        const std::optional<LabMessageStamp> stamp = parseLabMessage(message);
        if (!stamp) {
            if (m_unreadable++ == 0)
                m_firstUnreadable = message.left(60);
            continue;
        }
        LabSample s;
        s.transport = m_result.transport;
        s.seq = stamp->seq;
        s.receivedNs = receivedNs;
        s.sentNs = stamp->seq < 0 ? m_clientWriteNs.value(-stamp->seq, labNsOfEpochUs(stamp->epochUs))
                                  : labNsOfEpochUs(stamp->epochUs);
        s.delayNs = receivedNs - s.sentNs;
        s.wireBytes = qint32(qMin<qint64>(share + std::exchange(remainder, 0), std::numeric_limits<qint32>::max()));
        s.duplicate = m_seen.contains(stamp->seq);
        if (!s.duplicate) {
            m_seen.insert(stamp->seq);
            m_payloadBytes += message.size();
            if (s.delayNs > m_lateNs)
                ++m_result.late;
            if (stamp->seq > 0) {
                ++m_serverDelivered;
                m_highestServerSeq = qMax(m_highestServerSeq, stamp->seq);
                m_pushDelays.append(s.delayNs);
            } else {
                ++m_clientAnswered;
                m_roundTrips.append(s.delayNs);
            }
        } else {
            ++m_result.duplicated;
        }
        m_result.samples.append(s);
    }
}

QList<LabSample> LabTally::takeFresh()
{
    const QList<LabSample> fresh = m_result.samples.mid(m_freshFrom);
    m_freshFrom = m_result.samples.size();
    return fresh;
}

LabTransportResult LabTally::finish(qint64 endNs, double cpuMs)
{
    LabTransportResult &r = m_result;
    r.endNs = endNs;
    r.clientCpuMs = cpuMs;
    r.connections = m_connections.size();
    r.clientMessages = m_clientWritten;
    r.messagesSent = m_scheduled + m_clientWritten;
    r.messagesDelivered = m_serverDelivered + m_clientAnswered;
    r.lost = qMax<qint64>(0, m_scheduled - m_serverDelivered) + qMax<qint64>(0, m_clientWritten - m_clientAnswered);
    r.payloadBytes = m_payloadBytes;
    r.pushDelay = delayOf(m_pushDelays);
    r.roundTrip = delayOf(m_roundTrips);
    r.overhead.other = 0;
    r.overhead.other = r.wireBytesOut + r.wireBytesIn - r.payloadBytes - r.overhead.total();
    if (m_unreadable > 0 && r.error.isEmpty()) {
        r.error = QStringLiteral("%1 message(s) from the server were not lab messages, the first: \"%2\"")
                      .arg(m_unreadable)
                      .arg(QString::fromLatin1(m_firstUnreadable));
    }
    return r;
}

} // namespace wirescope

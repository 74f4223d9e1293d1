#include "ui/ws/wschartdata.h"

#include <algorithm>

namespace wirescope {

const WsChartData::Bucket *WsChartData::bucket(qint64 number) const
{
    if (number < 0 || number > m_lastBucket || number <= m_lastBucket - kMaxBuckets)
        return nullptr;
    return &m_buckets[size_t(number % kMaxBuckets)];
}

WsChartData::Bucket &WsChartData::touch(qint64 number)
{
    if (m_buckets.empty())
        m_buckets.resize(kMaxBuckets);
    if (number > m_lastBucket) {
        // Zero the buckets skipped since the last event (at most the whole ring).
        const qint64 from = qMax(m_lastBucket + 1, number - kMaxBuckets + 1);
        for (qint64 b = from; b <= number; ++b)
            m_buckets[size_t(b % kMaxBuckets)] = Bucket();
        m_lastBucket = number;
    }
    return m_buckets[size_t(number % kMaxBuckets)];
}

void WsChartData::addMessage(qint64 tNs, Direction direction, qint64 bytes)
{
    const qint64 number = qMax<qint64>(0, tNs) / kBucketNs;
    const int d = direction == Direction::In ? 0 : 1;
    m_totalMessages[d] += 1;
    m_totalBytes[d] += bytes;
    if (number <= m_lastBucket - kMaxBuckets)
        return; // older than the history kept
    Bucket &b = touch(number);
    if (direction == Direction::In) {
        b.messagesIn += 1;
        b.bytesIn += quint64(bytes);
    } else {
        b.messagesOut += 1;
        b.bytesOut += quint64(bytes);
    }
}

void WsChartData::addRtt(qint64 tNs, qint64 rttNs)
{
    if (m_rtt.size() >= size_t(kMaxRttSamples))
        m_rtt.erase(m_rtt.begin(), m_rtt.begin() + kMaxRttSamples / 4);
    m_rtt.emplace_back(double(tNs) / 1e9, double(rttNs) / 1e6);
}

void WsChartData::clear()
{
    m_buckets.clear();
    m_lastBucket = -1;
    m_rtt.clear();
    m_totalMessages[0] = m_totalMessages[1] = 0;
    m_totalBytes[0] = m_totalBytes[1] = 0;
}

qint64 WsChartData::totalMessages(Direction direction) const
{
    return m_totalMessages[direction == Direction::In ? 0 : 1];
}

qint64 WsChartData::totalBytes(Direction direction) const
{
    return m_totalBytes[direction == Direction::In ? 0 : 1];
}

QList<QPointF> WsChartData::ratePoints(WsChartMetric metric, qint64 nowNs, qint64 windowNs, int maxPoints) const
{
    QList<QPointF> points;
    if (windowNs <= 0 || maxPoints <= 0)
        return points;
    const qint64 current = nowNs / kBucketNs; // still filling: left out
    const qint64 last = current - 1;
    const qint64 first = qMax<qint64>(0, (nowNs - windowNs) / kBucketNs);
    if (last < first)
        return points;
    const qint64 count = last - first + 1;
    // Merge neighbouring buckets so the series never exceeds maxPoints.
    const qint64 group = (count + maxPoints - 1) / maxPoints;
    const double seconds = double(group * kBucketNs) / 1e9;
    // Groups end at the newest complete bucket and step back; a partial oldest group is dropped.
    const qint64 groups = count / group;
    points.reserve(int(groups));
    for (qint64 g = groups - 1; g >= 0; --g) {
        const qint64 end = last - g * group; // inclusive
        double sum = 0;
        for (qint64 b = end - group + 1; b <= end; ++b) {
            const Bucket *bk = bucket(b);
            if (!bk)
                continue;
            switch (metric) {
            case WsChartMetric::MessagesIn: sum += bk->messagesIn; break;
            case WsChartMetric::MessagesOut: sum += bk->messagesOut; break;
            case WsChartMetric::BytesIn: sum += double(bk->bytesIn); break;
            case WsChartMetric::BytesOut: sum += double(bk->bytesOut); break;
            }
        }
        // x: the end of the group, so the newest point sits at the end of the newest complete bucket.
        points.append(QPointF(double((end + 1) * kBucketNs) / 1e9, sum / seconds));
    }
    return points;
}

QList<QPointF> WsChartData::rttPoints(qint64 nowNs, qint64 windowNs) const
{
    const double from = double(nowNs - windowNs) / 1e9;
    const auto begin = std::lower_bound(m_rtt.begin(), m_rtt.end(), from,
                                        [](const QPointF &p, double x) { return p.x() < x; });
    return QList<QPointF>(begin, m_rtt.end());
}

} // namespace wirescope

#pragma once

#include "core/wire/direction.h"

#include <QList>
#include <QPointF>

#include <vector>

namespace wirescope {

enum class WsChartMetric : quint8 { MessagesIn, MessagesOut, BytesIn, BytesOut };

// Traffic of one connection aggregated into fixed time buckets, turned into at most
// kMaxPoints points per series for the live charts. Value code, tested without painting.
// (Qt Charts costs ~0.5 µs per point per update and per repaint: 10 000 points miss a 60 Hz
// frame, so however fast the traffic, a series never gets more than ~2000 points.)
class WsChartData
{
public:
    static constexpr qint64 kBucketNs = 100'000'000; // 100 ms
    static constexpr int kMaxBuckets = 9000;          // 15 minutes of history
    static constexpr int kMaxPoints = 2000;
    static constexpr int kMaxRttSamples = 2000;

    void addMessage(qint64 tNs, Direction direction, qint64 bytes);
    void addRtt(qint64 tNs, qint64 rttNs);
    void clear();

    // Points for the window (nowNs - windowNs, nowNs]: x in seconds of the session clock,
    // y per second. The bucket still filling is left out so the curve does not dip at the edge.
    QList<QPointF> ratePoints(WsChartMetric metric, qint64 nowNs, qint64 windowNs,
                              int maxPoints = kMaxPoints) const;
    // Ping round trips in the window: x in seconds, y in milliseconds.
    QList<QPointF> rttPoints(qint64 nowNs, qint64 windowNs) const;

    qint64 totalMessages(Direction direction) const;
    qint64 totalBytes(Direction direction) const;
    bool isEmpty() const { return m_lastBucket < 0 && m_rtt.empty(); }

private:
    struct Bucket {
        quint32 messagesIn = 0;
        quint32 messagesOut = 0;
        quint64 bytesIn = 0;
        quint64 bytesOut = 0;
    };
    const Bucket *bucket(qint64 number) const;
    Bucket &touch(qint64 number);

    std::vector<Bucket> m_buckets;
    qint64 m_lastBucket = -1; // absolute number (tNs / kBucketNs) of the newest bucket
    std::vector<QPointF> m_rtt;
    qint64 m_totalMessages[2] = {0, 0};
    qint64 m_totalBytes[2] = {0, 0};
};

} // namespace wirescope

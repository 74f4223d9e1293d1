#pragma once

#include "core/session/phasetimings.h"
#include "ui/http/timingwaterfall.h"

#include <QList>
#include <QString>

#include <array>

namespace wirescope {

// The values behind the live HTTP chart: per request, its phase times as stacked segments,
// over the last `capacity` requests. The time unit (µs, ms or s) follows the largest total
// so the axis reads "0.42 ms" on loopback and "1.2 s" for /delay/1 alike.
class HttpTimingChartData
{
public:
    // Stacked segments, in this order; connect is split into TCP and TLS so nothing counts twice.
    static constexpr int SegmentCount = 7;
    enum class Unit { Microseconds, Milliseconds, Seconds };

    struct Entry {
        QString label; // "#3"
        QString tooltip; // "GET http://…/get"
        std::array<qint64, SegmentCount> segmentsNs{}; // 0 when the phase did not happen
        qint64 totalNs = 0;
    };

    explicit HttpTimingChartData(int capacity = 40);

    void append(const QString &label, const QString &tooltip, const PhaseTimings &timings);
    void clear() { m_entries.clear(); }
    const QList<Entry> &entries() const { return m_entries; }
    int capacity() const { return m_capacity; }

    Unit unit() const;
    QString unitSymbol() const;                  // "µs", "ms", "s"
    static double scaleFrom(Unit unit);          // ns per unit
    QList<qreal> segmentValues(int segment) const; // in unit(), one per entry
    qreal axisMax() const;                       // a round number ≥ every total, in unit()

    static QString segmentName(int segment);     // "blocked", "dns", "connect (TCP)", "ssl", ...
    static QColor segmentColor(int segment);

private:
    int m_capacity;
    QList<Entry> m_entries;
};

} // namespace wirescope

#include "ui/http/httptimingchartdata.h"

#include <QCoreApplication>

#include <cmath>

namespace wirescope {

namespace {
constexpr WaterfallRow::Phase segmentPhase[HttpTimingChartData::SegmentCount] = {
    WaterfallRow::Phase::Blocked, WaterfallRow::Phase::Dns,  WaterfallRow::Phase::Connect, WaterfallRow::Phase::Ssl,
    WaterfallRow::Phase::Send,    WaterfallRow::Phase::Wait, WaterfallRow::Phase::Receive,
};
qint64 orZero(qint64 ns) { return ns < 0 ? 0 : ns; }
} // namespace

HttpTimingChartData::HttpTimingChartData(int capacity)
    : m_capacity(std::max(1, capacity))
{
}

void HttpTimingChartData::append(const QString &label, const QString &tooltip, const PhaseTimings &t)
{
    if (!t.complete())
        return;
    Entry e;
    e.label = label;
    e.tooltip = tooltip;
    const qint64 ssl = orZero(t.sslNs());
    // HAR 1.2: connect includes ssl; the chart stacks TCP and TLS side by side instead.
    e.segmentsNs = {orZero(t.blockedNs()), orZero(t.dnsNs()), std::max<qint64>(0, orZero(t.connectNs()) - ssl), ssl,
                    orZero(t.sendNs()),    orZero(t.waitNs()), orZero(t.receiveNs())};
    e.totalNs = t.totalNs();
    m_entries.append(e);
    while (m_entries.size() > m_capacity)
        m_entries.removeFirst();
}

HttpTimingChartData::Unit HttpTimingChartData::unit() const
{
    qint64 max = 0;
    for (const Entry &e : m_entries)
        max = std::max(max, e.totalNs);
    if (max < 1'000'000)
        return Unit::Microseconds;
    if (max < 10'000'000'000LL)
        return Unit::Milliseconds;
    return Unit::Seconds;
}

double HttpTimingChartData::scaleFrom(Unit unit)
{
    switch (unit) {
    case Unit::Microseconds:
        return 1e3;
    case Unit::Milliseconds:
        return 1e6;
    case Unit::Seconds:
        return 1e9;
    }
    return 1e6;
}

QString HttpTimingChartData::unitSymbol() const
{
    switch (unit()) {
    case Unit::Microseconds:
        return QCoreApplication::translate("HttpTimingChart", "µs");
    case Unit::Milliseconds:
        return QCoreApplication::translate("HttpTimingChart", "ms");
    case Unit::Seconds:
        return QCoreApplication::translate("HttpTimingChart", "s");
    }
    return {};
}

QList<qreal> HttpTimingChartData::segmentValues(int segment) const
{
    QList<qreal> values;
    if (segment < 0 || segment >= SegmentCount)
        return values;
    const double scale = scaleFrom(unit());
    values.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        values.append(qreal(e.segmentsNs[size_t(segment)]) / scale);
    return values;
}

qreal HttpTimingChartData::axisMax() const
{
    qint64 max = 0;
    for (const Entry &e : m_entries)
        max = std::max(max, e.totalNs);
    const double value = double(max) / scaleFrom(unit());
    if (value <= 0)
        return 1.0;
    // 1, 2, 5 × 10^k: the next "nice" number at or above the largest total.
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 5.0, 10.0})
        if (value <= step * magnitude * (1.0 + 1e-9))
            return qreal(step * magnitude);
    return qreal(10.0 * magnitude);
}

QString HttpTimingChartData::segmentName(int segment)
{
    if (segment == 2)
        return QCoreApplication::translate("HttpTimingChart", "connect (TCP)");
    if (segment < 0 || segment >= SegmentCount)
        return {};
    WaterfallRow row;
    row.phase = segmentPhase[segment];
    return row.harName();
}

QColor HttpTimingChartData::segmentColor(int segment)
{
    if (segment < 0 || segment >= SegmentCount)
        return {};
    WaterfallRow row;
    row.phase = segmentPhase[segment];
    return row.color();
}

} // namespace wirescope

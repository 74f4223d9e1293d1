#include "ui/lab/labchartdata.h"

#include <algorithm>
#include <cmath>

namespace wirescope {

namespace {

// Round axis ends (a leading figure times a power of ten) and the tick count that divides
// each into round steps: 0-1.5 in 0.5s, 0-6 in 2s, 0-8 in 2s...
struct NiceEnd {
    double leading;
    int ticks;
};
constexpr NiceEnd kNiceEnds[] = {{1, 6},   {1.2, 7}, {1.5, 4}, {2, 5}, {2.5, 6}, {3, 4},
                                 {4, 5},   {5, 6},   {6, 4},   {8, 5}, {10, 6}};

double leadingOf(double value, double *magnitude)
{
    *magnitude = std::pow(10.0, std::floor(std::log10(value) + 1e-9));
    return value / *magnitude;
}

} // namespace

double LabChartData::niceAxisEnd(double value)
{
    if (value <= 0)
        return 0;
    double magnitude = 1;
    const double leading = leadingOf(value, &magnitude);
    for (const NiceEnd &end : kNiceEnds) {
        if (leading <= end.leading * (1 + 1e-9))
            return end.leading * magnitude;
    }
    return 10 * magnitude;
}

int LabChartData::niceTickCount(double end)
{
    if (end <= 0)
        return 5;
    double magnitude = 1;
    const double leading = leadingOf(end, &magnitude);
    for (const NiceEnd &nice : kNiceEnds) {
        if (std::abs(leading - nice.leading) < 1e-6)
            return nice.ticks;
    }
    return 5;
}

void LabChartData::reset(const LabConfig &config)
{
    m_transports = config.transports;
    m_series.clear();
    m_series.reserve(size_t(m_transports.size()));
    for (LabTransport transport : std::as_const(m_transports)) {
        Series series;
        series.transport = transport;
        m_series.push_back(std::move(series));
    }
    m_workload = config.workload;
    m_lateNs = qint64(config.lateMs) * 1'000'000;
    m_durationS = double(config.durationMs) / 1000.0;
    m_xMax = m_durationS;
    m_minMs = m_maxMs = -1;
    ++m_revision;
}

LabChartData::Series *LabChartData::find(LabTransport transport)
{
    for (Series &series : m_series)
        if (series.transport == transport)
            return &series;
    return nullptr;
}

const LabChartData::Series *LabChartData::find(LabTransport transport) const
{
    return const_cast<LabChartData *>(this)->find(transport);
}

void LabChartData::startTransport(LabTransport transport, qint64 tNs)
{
    if (Series *series = find(transport)) {
        series->startNs = tNs;
        ++m_revision;
    }
}

void LabChartData::addSamples(LabTransport transport, const QList<LabSample> &samples)
{
    Series *series = find(transport);
    if (!series || series->finished)
        return;
    if (series->startNs < 0 && !samples.isEmpty())
        series->startNs = samples.constFirst().receivedNs;
    const bool roundTrips = chartsRoundTrips();
    series->points.reserve(series->points.size() + size_t(samples.size()));
    for (const LabSample &sample : samples) {
        if (sample.duplicate) {
            ++series->counts.duplicated;
            continue;
        }
        if (sample.delayNs > m_lateNs)
            ++series->counts.late;
        else
            ++series->counts.onTime;
        // Server messages carry the push delay, the client's own the round trip.
        if ((sample.seq < 0) != roundTrips)
            continue;
        const double x = double(sample.receivedNs - series->startNs) / 1e9;
        const double y = qMax(kMinDelayMs, double(sample.delayNs) / 1e6);
        series->points.emplace_back(x, y);
        m_xMax = qMax(m_xMax, x);
        m_minMs = m_minMs < 0 ? y : qMin(m_minMs, y);
        m_maxMs = qMax(m_maxMs, y);
    }
    ++m_revision;
}

void LabChartData::finishTransport(const LabTransportResult &result)
{
    Series *series = find(result.transport);
    if (!series)
        return;
    series->finished = true;
    // The runner's counts are the truth (it saw every sample, the last ones included). A
    // transport that failed lost nothing to the network: what it did not deliver is its
    // failure, which the table states.
    series->failed = !result.ran();
    series->counts.late = result.late;
    series->counts.onTime = qMax<qint64>(0, result.messagesDelivered - result.late);
    series->counts.lost = result.ran() ? result.lost : 0;
    series->counts.duplicated = result.duplicated;
    series->counts.final = true;
    series->bytes = {};
    if (result.messagesDelivered > 0) {
        const double n = double(result.messagesDelivered);
        const LabOverhead &o = result.overhead;
        if (o.compression < 0) {
            series->bytes[DeflatedPayload] = double(result.payloadBytes + o.compression) / n;
        } else {
            series->bytes[Payload] = double(result.payloadBytes) / n;
            series->bytes[DeflateGrowth] = double(o.compression) / n;
        }
        series->bytes[RequestHeads] = double(o.requestHeads) / n;
        series->bytes[ResponseHeads] = double(o.responseHeads) / n;
        series->bytes[ChunkFraming] = double(o.chunkFraming) / n;
        series->bytes[SseFields] = double(o.sseFields) / n;
        series->bytes[FrameHeaders] = double(o.frameHeaders) / n;
        series->bytes[Handshake] = double(o.handshake) / n;
        series->bytes[ControlFrames] = double(o.controlFrames) / n;
        series->bytes[Delimiters] = double(o.delimiters) / n;
        series->bytes[Other] = double(o.other) / n;
    }
    if (result.endNs > result.startNs && result.startNs > 0)
        m_xMax = qMax(m_xMax, double(result.endNs - result.startNs) / 1e9);
    ++m_revision;
}

QList<QPointF> LabChartData::latencyPoints(LabTransport transport, int maxPoints) const
{
    const Series *series = find(transport);
    if (!series || series->points.empty() || maxPoints <= 0)
        return {};
    const std::vector<QPointF> &all = series->points;
    if (all.size() <= size_t(maxPoints))
        return QList<QPointF>(all.begin(), all.end());
    // Equal stretches of samples (in arrival order); each gives its lowest and its highest
    // delay, in the order they came, so spikes and floors both survive.
    const size_t stretches = size_t(qMax(1, maxPoints / 2));
    QList<QPointF> points;
    points.reserve(int(stretches * 2));
    for (size_t s = 0; s < stretches; ++s) {
        const size_t from = all.size() * s / stretches;
        const size_t to = all.size() * (s + 1) / stretches;
        if (from >= to)
            continue;
        size_t low = from;
        size_t high = from;
        for (size_t i = from + 1; i < to; ++i) {
            if (all[i].y() < all[low].y())
                low = i;
            if (all[i].y() > all[high].y())
                high = i;
        }
        points.append(all[qMin(low, high)]);
        if (low != high)
            points.append(all[qMax(low, high)]);
    }
    return points;
}

int LabChartData::latencySampleCount(LabTransport transport) const
{
    const Series *series = find(transport);
    return series ? int(series->points.size()) : 0;
}

double LabChartData::latencyXMax() const
{
    return niceAxisEnd(qMax(m_xMax, 0.001));
}

int LabChartData::latencyXTicks() const
{
    return niceTickCount(latencyXMax());
}

std::pair<double, double> LabChartData::latencyYRange() const
{
    if (m_maxMs <= 0)
        return {0.1, 10};
    // log10 of a power of ten may come out a hair beside the whole number: round it first.
    const double low = std::pow(10.0, std::floor(std::log10(qMax(kMinDelayMs, m_minMs)) + 1e-9));
    double high = std::pow(10.0, std::ceil(std::log10(m_maxMs) - 1e-9));
    if (high <= low)
        high = low * 10;
    return {low, high};
}

std::array<double, LabChartData::PartCount> LabChartData::bytesPerMessage(LabTransport transport) const
{
    const Series *series = find(transport);
    return series ? series->bytes : std::array<double, PartCount>{};
}

bool LabChartData::bytesKnown(LabTransport transport) const
{
    const Series *series = find(transport);
    return series && series->finished;
}

bool LabChartData::partUsed(Part part) const
{
    return std::any_of(m_series.begin(), m_series.end(),
                       [part](const Series &series) { return series.bytes[size_t(part)] != 0; });
}

std::pair<double, double> LabChartData::bytesRange() const
{
    double low = 0;
    double high = 0;
    for (const Series &series : m_series) {
        double positive = 0;
        double negative = 0;
        for (double value : series.bytes)
            (value > 0 ? positive : negative) += value;
        high = qMax(high, positive);
        low = qMin(low, negative);
    }
    return {low < 0 ? -niceAxisEnd(-low) : 0.0, high > 0 ? niceAxisEnd(high) : 100.0};
}

bool LabChartData::failed(LabTransport transport) const
{
    const Series *series = find(transport);
    return series && series->failed;
}

LabChartData::Counts LabChartData::counts(LabTransport transport) const
{
    const Series *series = find(transport);
    return series ? series->counts : Counts();
}

double LabChartData::countsMax() const
{
    double top = 0;
    for (const Series &series : m_series)
        top = qMax(top, double(series.counts.onTime + series.counts.late + series.counts.lost));
    return top > 0 ? niceAxisEnd(top) : 10.0;
}

} // namespace wirescope

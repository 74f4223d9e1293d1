#include "core/session/phasetimings.h"

#include <algorithm>

namespace wirescope {

// Each phase runs from the end of the previous one that happened, so the six HAR phases
// that make up "time" tile [startNs, lastByteNs] without gap or overlap.

qint64 PhaseTimings::blockedNs() const
{
    if (startNs < 0)
        return -1;
    const qint64 next = dnsStartNs >= 0 ? dnsStartNs : connectStartNs >= 0 ? connectStartNs : sendStartNs;
    return next < 0 ? -1 : next - startNs;
}

qint64 PhaseTimings::dnsNs() const
{
    return dnsStartNs >= 0 && dnsEndNs >= 0 ? dnsEndNs - dnsStartNs : -1;
}

qint64 PhaseTimings::connectNs() const
{
    if (connectStartNs < 0 || sendStartNs < 0)
        return -1;
    // HAR 1.2: connect includes ssl; it runs up to the moment the request can be written.
    // DNS end and connect start are the same instant unless a proxy resolves for us.
    const qint64 from = dnsEndNs >= 0 ? dnsEndNs : connectStartNs;
    return sendStartNs - from;
}

qint64 PhaseTimings::sslNs() const
{
    return sslStartNs >= 0 && sslEndNs >= 0 ? sslEndNs - sslStartNs : -1;
}

qint64 PhaseTimings::sendNs() const
{
    return sendStartNs >= 0 && sendEndNs >= 0 ? sendEndNs - sendStartNs : -1;
}

qint64 PhaseTimings::waitNs() const
{
    return sendEndNs >= 0 && firstByteNs >= 0 ? firstByteNs - sendEndNs : -1;
}

qint64 PhaseTimings::receiveNs() const
{
    return firstByteNs >= 0 && lastByteNs >= 0 ? lastByteNs - firstByteNs : -1;
}

qint64 PhaseTimings::totalNs() const
{
    return startNs >= 0 && lastByteNs >= 0 ? lastByteNs - startNs : -1;
}

PhaseDurations PhaseTimings::durations() const
{
    return PhaseDurations{blockedNs(), dnsNs(), connectNs(), sslNs(), sendNs(), waitNs(), receiveNs(), totalNs()};
}

PhaseStatistics phaseStatistics(QList<qint64> values)
{
    values.removeIf([](qint64 v) { return v < 0; });
    PhaseStatistics s;
    s.count = int(values.size());
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    auto rank = [&](int percent) {
        // Nearest-rank: the smallest value with at least percent % of the values at or below it.
        const qsizetype n = values.size();
        const qsizetype k = (qsizetype(percent) * n + 99) / 100;
        return values.at(qBound<qsizetype>(1, k, n) - 1);
    };
    s.min = values.first();
    s.median = rank(50);
    s.p99 = rank(99);
    return s;
}

} // namespace wirescope

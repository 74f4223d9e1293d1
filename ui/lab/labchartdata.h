#pragma once

#include "core/lab/labconfig.h"
#include "core/lab/labresult.h"

#include <QList>
#include <QPointF>

#include <array>
#include <vector>

namespace wirescope {

// What the Lab view's three charts show, shaped from the runner's samples and results.
// Value code, tested without painting (like WsChartData): the charts widget only copies
// these figures into series.
//
// - Latency over time: one series per transport, x = seconds since that transport started
//   (so the transports, which run one after another, are laid over each other), y = delay in
//   ms: the push delay of the server's messages, or the round trip of the client's own in the
//   echo workload. Duplicates are left out (they are counted, not timed twice).
// - Bytes per delivered message, stacked: payload and the overhead categories of LabOverhead,
//   so a bar is as long as the wire bytes per message. Where permessage-deflate saved bytes
//   the payload is drawn as it crossed, deflated (a negative "compression" would stack below
//   zero); where deflate made it larger the excess is a part of its own. Known once a
//   transport finished (the runner splits the overhead from its records then).
// - Messages: delivered on time, delivered late, lost; live while a transport runs (lost
//   is known at its end: N minus delivered).
class LabChartData
{
public:
    // Qt Charts costs ~0.5 µs per point per update and per repaint; a 1000 msg/s run of
    // 10 s is 10 000 samples per transport, so each series is decimated to this many points.
    static constexpr int kMaxPoints = 1000;
    // The latency axis is logarithmic (a WebSocket's 0.1 ms and a poll's 40 ms on one
    // chart): a delay is drawn at least this high.
    static constexpr double kMinDelayMs = 0.01;

    enum Part : int {
        Payload,
        DeflatedPayload,
        RequestHeads,
        ResponseHeads,
        ChunkFraming,
        SseFields,
        FrameHeaders,
        Handshake,
        ControlFrames,
        Delimiters,
        DeflateGrowth,
        Other,
        PartCount
    };

    struct Counts {
        qint64 onTime = 0;
        qint64 late = 0;
        qint64 lost = 0;
        qint64 duplicated = 0;
        bool final = false; // the transport finished: lost is known
    };

    void reset(const LabConfig &config);
    void startTransport(LabTransport transport, qint64 tNs);
    void addSamples(LabTransport transport, const QList<LabSample> &samples);
    void finishTransport(const LabTransportResult &result);

    // The transports of the run, in the order they run (the charts' categories).
    const QList<LabTransport> &transports() const { return m_transports; }
    // Push delays or round trips, as the workload decides (see above).
    bool chartsRoundTrips() const { return m_workload == LabWorkload::Echo; }

    // At most maxPoints points (kept as each stretch's lowest and highest delay, in time
    // order, so the decimated line covers what every point would have covered).
    QList<QPointF> latencyPoints(LabTransport transport, int maxPoints = kMaxPoints) const;
    int latencySampleCount(LabTransport transport) const;
    // The smallest round axis end at least `value` (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8
    // times a power of ten), and the number of ticks (both ends included) that divides it
    // into round steps.
    static double niceAxisEnd(double value);
    static int niceTickCount(double end);

    // The x axis: 0 .. a round end at or after the longest transport so far (at least the
    // configured duration), and its ticks.
    double latencyXMax() const;
    int latencyXTicks() const;
    // The y axis: whole decades around every delay so far ({0.1, 10} before any).
    std::pair<double, double> latencyYRange() const;

    // Bytes per delivered message, one value per Part; all zero until the transport finished
    // (or when nothing was delivered).
    std::array<double, PartCount> bytesPerMessage(LabTransport transport) const;
    bool bytesKnown(LabTransport transport) const;
    // Whether a Part is non-zero for any transport (the legend shows only those).
    bool partUsed(Part part) const;
    // The bytes axis: from the most negative stack (deflate can make the wire carry less
    // than the payload) to the highest, in round steps.
    std::pair<double, double> bytesRange() const;

    Counts counts(LabTransport transport) const;
    // The transport finished with an error (its bars are marked, its losses not drawn).
    bool failed(LabTransport transport) const;
    double countsMax() const;

    // Grows with every change, so a view refreshes only when something is new.
    quint64 revision() const { return m_revision; }

private:
    struct Series {
        LabTransport transport = LabTransport::Poll;
        qint64 startNs = -1;
        std::vector<QPointF> points; // x s, y ms, in arrival order
        Counts counts;
        bool finished = false;
        bool failed = false;
        std::array<double, PartCount> bytes{};
    };
    Series *find(LabTransport transport);
    const Series *find(LabTransport transport) const;

    QList<LabTransport> m_transports;
    std::vector<Series> m_series;
    LabWorkload m_workload = LabWorkload::Push;
    qint64 m_lateNs = 100'000'000;
    double m_durationS = 5;
    double m_xMax = 0;
    double m_minMs = -1;
    double m_maxMs = -1;
    quint64 m_revision = 0;
};

} // namespace wirescope

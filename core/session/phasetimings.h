#pragma once

#include <QList>
#include <QMetaType>
#include <QtGlobal>

namespace wirescope {

// The HAR 1.2 phases of one exchange (or WebSocket handshake) in nanoseconds, -1 = not
// applicable or not measured. What the CLI prints and --repeat summarises.
struct PhaseDurations {
    qint64 blocked = -1;
    qint64 dns = -1;
    qint64 connect = -1; // includes ssl (HAR 1.2)
    qint64 ssl = -1;
    qint64 send = -1;
    qint64 wait = -1;
    qint64 receive = -1;
    qint64 total = -1;
};

// HAR's names in HAR's order, each with the member that holds it.
struct HarPhase {
    const char *name;
    qint64 PhaseDurations::*duration;
};
inline constexpr HarPhase kHarPhases[] = {
    {"blocked", &PhaseDurations::blocked}, {"dns", &PhaseDurations::dns},
    {"connect", &PhaseDurations::connect}, {"ssl", &PhaseDurations::ssl},
    {"send", &PhaseDurations::send},       {"wait", &PhaseDurations::wait},
    {"receive", &PhaseDurations::receive}, {"total", &PhaseDurations::total},
};

// --repeat's summary of one phase over several exchanges, nanoseconds.
struct PhaseStatistics {
    qint64 min = -1;
    qint64 median = -1;
    qint64 p99 = -1;
    int count = 0; // exchanges that had the phase
};
// Nearest-rank percentiles over the values >= 0 (phases that did not apply are skipped).
PhaseStatistics phaseStatistics(QList<qint64> values);

// Where the time of one exchange went. Stamps are SessionClock nanoseconds (-1 = did not
// happen). The derived phases use HAR 1.2's names and meanings (HAR 1.2 "timings"):
//   blocked  queued / waiting for a connection (start -> DNS start, or -> send on reuse)
//   dns      name resolution (an IP literal takes 0)
//   connect  TCP connect, INCLUDING the TLS handshake (HAR 1.2: ssl is also in connect)
//   ssl      TLS handshake alone (already part of connect, reported for display)
//   send     writing the request until the kernel took its last byte
//   wait     request sent -> first response byte (server think time)
//   receive  first byte -> last byte of the response
// -1 means not applicable: dns/connect/ssl on a reused connection, ssl on plain HTTP.
// blocked + dns + connect + send + wait + receive == total, exactly, in nanoseconds.
struct PhaseTimings {
    qint64 startNs = -1;
    qint64 dnsStartNs = -1;
    qint64 dnsEndNs = -1;
    qint64 connectStartNs = -1;
    qint64 connectEndNs = -1; // TCP established
    qint64 sslStartNs = -1;
    qint64 sslEndNs = -1;     // TLS established
    qint64 sendStartNs = -1;
    qint64 sendEndNs = -1;
    qint64 firstByteNs = -1;
    qint64 lastByteNs = -1;

    bool complete() const { return startNs >= 0 && lastByteNs >= 0; }

    // Phases in nanoseconds; -1 when not applicable.
    qint64 blockedNs() const;
    qint64 dnsNs() const;
    qint64 connectNs() const; // TCP + TLS (HAR)
    qint64 sslNs() const;
    qint64 sendNs() const;
    qint64 waitNs() const;
    qint64 receiveNs() const;
    qint64 totalNs() const;
    PhaseDurations durations() const;

    static double toMs(qint64 ns) { return ns < 0 ? -1.0 : double(ns) / 1e6; }
    double blocked() const { return toMs(blockedNs()); }
    double dns() const { return toMs(dnsNs()); }
    double connect() const { return toMs(connectNs()); }
    double ssl() const { return toMs(sslNs()); }
    double send() const { return toMs(sendNs()); }
    double wait() const { return toMs(waitNs()); }
    double receive() const { return toMs(receiveNs()); }
    double total() const { return toMs(totalNs()); }
};

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::PhaseTimings)

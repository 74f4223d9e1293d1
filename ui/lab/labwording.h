#pragma once

#include "core/lab/labconfig.h"
#include "core/lab/labresult.h"
#include "ui/lab/labchartdata.h"

#include <QCoreApplication>
#include <QString>

namespace wirescope {

// The Lab view's words, translated: the names of transports, workloads and overhead
// categories, the sentence that states each transport's result, and each claim with its
// evidence worded from LabClaim::figures (core's own evidence is English, for the CLI and
// the JSON). Value code: every sentence is made from numbers alone.
class LabWording
{
    Q_DECLARE_TR_FUNCTIONS(LabWording)
public:
    static QString transportName(LabTransport transport);      // "Polling (keep-alive)"
    static QString transportShortName(LabTransport transport); // "keep-alive": chart axes
    static QString transportToolTip(LabTransport transport);   // what the client does
    static QString workloadName(LabWorkload workload);
    static QString payloadName(LabPayloadKind payload);
    static QString partName(LabChartData::Part part);

    // One sentence stating a transport's result from its numbers, e.g. "2 B of framing per
    // 64-byte message; the 239-byte handshake once; median push delay 212 µs, p99 480 µs."
    // A transport that failed: what went wrong.
    static QString summary(const LabTransportResult &result, const LabConfig &config);
    static QString failure(const QString &error);

    static QString claimText(LabClaim::Id id);
    static QString verdictName(LabClaim::Verdict verdict);
    // The evidence in words, from the claim's figures (the English evidence when the
    // figures are not the ones this view knows).
    static QString evidence(const LabClaim &claim);

    // Bytes per message: one decimal below 10 ("1.5"), whole bytes above.
    static QString perMessage(double bytes);
    // A delay in milliseconds as the rest of the window shows durations; "n/a" below 0.
    static QString delay(double ms);
};

} // namespace wirescope

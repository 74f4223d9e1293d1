#pragma once

#include "core/session/httpexchangerecord.h"

#include <QJsonObject>

namespace wirescope {

struct HttpJsonOptions {
    bool includeBody = true;
    qint64 maxBodyBytes = 16 * 1024 * 1024; // body_text/body_base64 beyond this is cut (body_truncated)
};

// The CLI's `--json` object for one exchange (public contract: docs/cli-http.md).
QJsonObject httpExchangeToJson(const HttpExchangeRecord &record, const HttpJsonOptions &options = {});
// HAR 1.2 names, milliseconds, -1 = not applicable; plus "total".
QJsonObject phaseTimingsToJson(const PhaseTimings &timings);
QJsonObject tlsInfoToJson(const TlsInfo &tls);
// --repeat: per phase {min, median, p99} over the exchanges that had the phase.
QJsonObject phaseStatisticsToJson(const QList<PhaseTimings> &timings);

struct PhaseStatistics {
    double min = -1;
    double median = -1;
    double p99 = -1;
    int count = 0;
};
// Nearest-rank percentiles over the values >= 0 (phases that did not apply are skipped).
PhaseStatistics phaseStatistics(QList<double> values);

} // namespace wirescope

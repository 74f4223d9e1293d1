#pragma once

#include "core/session/httpexchangerecord.h"

#include <QJsonObject>

namespace wirescope {

class SessionClock;

struct HttpJsonOptions {
    bool includeBody = true;
    qint64 maxBodyBytes = 16 * 1024 * 1024; // body_text/body_base64 beyond this is cut (body_truncated)
};

// The CLI's `--json` object for one exchange (public contract: docs/cli-http.md). `clock`
// is the one that stamped the record: it gives started_at.
QJsonObject httpExchangeToJson(const HttpExchangeRecord &record, const SessionClock &clock,
                               const HttpJsonOptions &options = {});

// --repeat: per HAR phase {min, median, p99, count} in ns over the exchanges that had the
// phase (null when none had it).
QJsonObject phaseStatisticsToJson(const QList<PhaseDurations> &durations);

} // namespace wirescope

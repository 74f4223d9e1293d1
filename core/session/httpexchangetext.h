#pragma once

#include "core/session/httpexchangerecord.h"

#include <QString>

namespace wirescope {

// curl -v style text for one exchange: "*" info lines, "> " request head, "< " response
// head (interim responses too), for every hop. The body is not part of it.
QString httpExchangeHeadText(const HttpExchangeRecord &record);
// One line per HAR phase, e.g. "* timings: blocked 0.010 ms | dns - | ...".
QString phaseTimingsText(const PhaseTimings &timings);
// --repeat: "* repeat: N exchanges, M completed" and a min / median / p99 table in ms.
QString phaseStatisticsText(qsizetype exchanges, const QList<PhaseDurations> &completed);

} // namespace wirescope

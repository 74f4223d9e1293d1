#pragma once

#include "core/lab/labresult.h"

#include <QList>

namespace wirescope {

// The four common claims about HTTP and WebSocket, judged by this run's numbers (the rules
// are in docs/cli-lab.md). A claim whose transports did not run (or failed) is NotMeasured.
// Always four claims, in the order of LabClaim::Id.
QList<LabClaim> evaluateLabClaims(const LabRunResult &run);

} // namespace wirescope

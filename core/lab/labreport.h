#pragma once

#include "core/lab/labresult.h"

#include <QByteArray>
#include <QJsonObject>

namespace wirescope {

// The lab run as the JSON document of docs/cli-lab.md (`wirescope-cli lab`, the window's
// export); withSamples adds every delivered message under each transport's "samples".
QJsonObject labRunToJson(const LabRunResult &run, bool withSamples);
// One row per sample (every delivered message of every transport), with a header row;
// the columns are in docs/cli-lab.md.
QByteArray labRunToCsv(const LabRunResult &run);
// One English sentence about a transport's result, e.g. "ws: 2 bytes of framing per
// 64-byte message, push delay p50 0.21 ms" (the JSON's "summary").
QString labSummary(const LabTransportResult &result, int size);

} // namespace wirescope

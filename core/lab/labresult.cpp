#include "core/lab/labresult.h"

namespace wirescope {

qint64 LabOverhead::total() const
{
    return requestHeads + responseHeads + chunkFraming + sseFields + frameHeaders + handshake + controlFrames + delimiters
        + compression + other;
}

QString labName(LabClaim::Id id)
{
    switch (id) {
    case LabClaim::Id::FrameOverhead: return QStringLiteral("frame_overhead");
    case LabClaim::Id::HeaderOverhead: return QStringLiteral("header_overhead");
    case LabClaim::Id::LowerLatency: return QStringLiteral("lower_latency");
    case LabClaim::Id::PollingWastes: return QStringLiteral("polling_wastes");
    }
    return {};
}

QString labName(LabClaim::Verdict verdict)
{
    switch (verdict) {
    case LabClaim::Verdict::Supported: return QStringLiteral("supported");
    case LabClaim::Verdict::Refuted: return QStringLiteral("refuted");
    case LabClaim::Verdict::NotMeasured: return QStringLiteral("not_measured");
    }
    return {};
}

} // namespace wirescope

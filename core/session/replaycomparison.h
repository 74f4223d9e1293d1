#pragma once

#include "core/session/httpexchangerecord.h"
#include "core/session/replaydifference.h"
#include "core/session/replayplan.h"

#include <QList>

namespace wirescope {

class ReplayIgnoreRules;

// Recorded vs replayed, one exchange or one WebSocket connection at a time
// (docs/replay.md#what-is-compared). Pure: the engine hands it what both timelines hold.
class ReplayComparison
{
public:
    // Outcome (failure id), then the final answer's status, response headers (by name, any
    // case, all values) and decoded body (as JSON when both sides are JSON). A side that
    // failed is compared by its failure alone.
    static QList<ReplayDifference> exchanges(const HttpExchangeRecord &recorded, const HttpExchangeRecord &replayed,
                                             const ReplayIgnoreRules &rules);
    // The upgrade's status (and why it failed when it never opened), the data messages of
    // each direction in order (text as JSON when both are JSON), then the close code and
    // reason.
    static QList<ReplayDifference> conversations(const ReplayWsConversation &recorded,
                                                 const ReplayWsConversation &replayed, const ReplayIgnoreRules &rules);

    // "completed", or the failure's id and sentence: both sides of an outcome difference.
    static QString outcomeText(const Failure &failure);
    // Text of a payload for a report: UTF-8 text as it is, anything else as hex ("0x...").
    static QString payloadText(const QByteArray &bytes, bool binary);
};

} // namespace wirescope

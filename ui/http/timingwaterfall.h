#pragma once

#include "core/session/phasetimings.h"

#include <QColor>
#include <QList>
#include <QRectF>
#include <QString>

namespace wirescope {

// The rows of a Chrome-style timing waterfall for one exchange, as values: which HAR phase,
// when it started relative to the request start and how long it took. Geometry (where each
// bar goes in a given area) is computed here too, so it is tested without painting.
struct WaterfallRow {
    enum class Phase { Blocked, Dns, Connect, Ssl, Send, Wait, Receive };
    Phase phase = Phase::Blocked;
    qint64 startNs = 0;    // relative to PhaseTimings::startNs
    qint64 durationNs = 0;
    bool nested = false;   // ssl is shown inside connect, as HAR 1.2 counts it
    bool unfinished = false; // the exchange ended (failed, timed out) during this phase

    QString harName() const;  // "blocked", "dns", ... (HAR 1.2 timings)
    QString label() const;    // translated, Chrome's wording
    QColor color() const;     // one colour per phase, shared by the waterfall and the chart
};

class TimingWaterfall
{
public:
    // Rows for the phases that happened (a reused connection has no dns/connect/ssl; plain
    // HTTP has no ssl). An exchange that ended early (`endNs`: when it ended) shows the
    // phases it went through and the one it was in, unfinished, up to that moment; without
    // an end, incomplete timings give no rows.
    static QList<WaterfallRow> rows(const PhaseTimings &timings, qint64 endNs = -1);
    // The span the bars share: the whole exchange, or up to `endNs` for one that ended early.
    static qint64 spanNs(const PhaseTimings &timings, qint64 endNs = -1);

    // The bar of `row` inside `area` when the whole exchange takes `totalNs`. Bars are at
    // least `minWidth` wide so a 2 µs phase stays visible next to a 2 s one.
    static QRectF barRect(const WaterfallRow &row, qint64 totalNs, const QRectF &area, qreal minWidth = 2.0);
};

} // namespace wirescope

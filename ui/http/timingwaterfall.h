#pragma once

#include "core/session/httpexchangerecord.h"
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

// One hop of an exchange (the request, or a redirect it followed) on the exchange's time axis.
struct WaterfallHop {
    int index = 0;            // 0: the request as sent; 1, 2, ...: the redirects followed
    int status = 0;           // the answer's status code, 0 when none came
    QString url;
    qint64 startNs = 0;       // relative to the exchange's start
    qint64 durationNs = 0;    // from its start to its last byte (or to the exchange's end)
    bool reused = false;      // sent on a kept-alive connection
    QList<WaterfallRow> rows; // its phases; startNs relative to the exchange's start
};

// Where the time of an exchange went: its hops and what lies between and around them.
struct WaterfallSummary {
    qint64 totalNs = 0;  // the exchange, start to end (the status line's "Time")
    qint64 hopsNs = 0;   // the hops' own spans added up
    qint64 otherNs = 0;  // the rest: reading each answer and deciding to follow it, the end
};

class TimingWaterfall
{
public:
    // Every hop of an exchange, a redirect chain hop by hop, on one time axis (the exchange's
    // start is 0). A hop that did not complete is drawn up to when the exchange ended.
    static QList<WaterfallHop> hops(const HttpExchangeRecord &record);
    static WaterfallSummary summary(const HttpExchangeRecord &record, const QList<WaterfallHop> &hops);

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

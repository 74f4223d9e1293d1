#pragma once

#include "core/session/phasetimings.h"
#include "ui/http/timingwaterfall.h"

#include <QWidget>

namespace wirescope {

// Paints the waterfall of one exchange: phase label, bar, duration; total at the bottom. A
// redirect chain is drawn hop by hop on one time axis, each hop under a line with its status
// and URL, and the total is explained: the hops' own time and the time between them.
class TimingWaterfallWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TimingWaterfallWidget(QWidget *parent = nullptr);

    void setExchange(const HttpExchangeRecord &record);
    void clear();
    // The phases of every hop, in order.
    const QList<WaterfallRow> &rows() const { return m_rows; }
    const QList<WaterfallHop> &hops() const { return m_hops; }
    const WaterfallSummary &summary() const { return m_summary; }
    // "302 http://host/redirect/2": the line above a hop's phases.
    static QString hopTitle(const WaterfallHop &hop);
    // How the total divides, for a redirect chain; empty for a single hop.
    QString explanation() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int rowHeight() const;
    int lineCount() const;
    int labelWidth() const;
    int valueWidth() const;
    static QString durationText(const WaterfallRow &row);

    QList<WaterfallHop> m_hops;
    QList<WaterfallRow> m_rows;
    WaterfallSummary m_summary;
    bool m_complete = false;
};

} // namespace wirescope

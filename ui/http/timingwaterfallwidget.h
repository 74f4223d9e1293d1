#pragma once

#include "core/session/phasetimings.h"
#include "ui/http/timingwaterfall.h"

#include <QWidget>

namespace wirescope {

// Paints the waterfall of one exchange: phase label, bar, duration; total at the bottom.
class TimingWaterfallWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TimingWaterfallWidget(QWidget *parent = nullptr);

    // endNs: when an exchange that did not complete ended (its phases are drawn up to it).
    void setTimings(const PhaseTimings &timings, bool connectionReused, qint64 endNs = -1);
    void clear();
    const QList<WaterfallRow> &rows() const { return m_rows; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int rowHeight() const;
    int labelWidth() const;
    int valueWidth() const;
    static QString durationText(const WaterfallRow &row);

    PhaseTimings m_timings;
    QList<WaterfallRow> m_rows;
    bool m_reused = false;
    qint64 m_endNs = -1;
};

} // namespace wirescope

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

    void setTimings(const PhaseTimings &timings, bool connectionReused);
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

    PhaseTimings m_timings;
    QList<WaterfallRow> m_rows;
    bool m_reused = false;
};

} // namespace wirescope

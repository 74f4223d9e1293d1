#pragma once

#include "ui/http/httptimingchartdata.h"

#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QStackedBarSeries;
class QStackedWidget;
class QValueAxis;

namespace wirescope {

// Live chart: one stacked bar per request (blocked, dns, connect, ssl, send, wait, receive)
// over the request history, with a unit that follows the data and colours that follow the
// palette.
class HttpTimingChart : public QWidget
{
    Q_OBJECT
public:
    explicit HttpTimingChart(QWidget *parent = nullptr);

    void addExchange(const QString &label, const QString &tooltip, const PhaseTimings &timings);
    void clear();
    const HttpTimingChartData &data() const { return m_data; }
    QChart *chart() const { return m_chart; }

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void applyPalette();

    HttpTimingChartData m_data;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QChartView *m_view;
    QChart *m_chart;
    QStackedBarSeries *m_series;
    QList<QBarSet *> m_sets;
    QBarCategoryAxis *m_axisX;
    QValueAxis *m_axisY;
};

} // namespace wirescope

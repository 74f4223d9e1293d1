#pragma once

#include <QList>
#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QHorizontalStackedBarSeries;
class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace wirescope {

class LabChartData;

// The Lab view's three live charts side by side: latency over time (a line per transport,
// logarithmic ms), bytes per delivered message (a stacked bar per transport: payload and
// each kind of overhead) and messages (delivered on time, late, lost). Copies what
// LabChartData shaped into the series; refresh() does nothing when the data did not change.
class LabChartsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit LabChartsWidget(QWidget *parent = nullptr);
    ~LabChartsWidget() override;

    // The data to show (it outlives this widget); rebuilds the series for its transports.
    void setData(const LabChartData *data);
    // Rebuilds the series after the data was reset for a new run.
    void rebuild();
    void refresh();

    QChart *latencyChart() const;
    QChart *bytesChart() const;
    QChart *messagesChart() const;
    int latencySeriesCount() const { return int(m_lines.size()); }
    int latencyPointCount(int series) const;
    // The kinds of bytes shown (payload and each kind of overhead the run had).
    int bytesSetCount() const;
    int messagesSetCount() const { return int(m_countSets.size()); }
    // The value of a bar: a LabChartData::Part of the bytes chart, or a set of the messages
    // chart (on time, late, lost), for the run's transport number `transport` (in run order).
    double bytesValue(int part, int transport) const;
    double messagesValue(int set, int transport) const;

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyPalette();
    QChartView *makeView(QChart *chart);

    const LabChartData *m_data = nullptr;
    quint64 m_shownRevision = 0;
    QChartView *m_latencyView;
    QChartView *m_bytesView;
    QChartView *m_messagesView;
    QValueAxis *m_latencyX;
    QLogValueAxis *m_latencyY;
    QBarCategoryAxis *m_bytesCategories;
    QValueAxis *m_bytesAxis;
    QBarCategoryAxis *m_messagesCategories;
    QValueAxis *m_messagesAxis;
    QHorizontalStackedBarSeries *m_bytesSeries;
    QHorizontalStackedBarSeries *m_messagesSeries;
    QList<QLineSeries *> m_lines;
    QList<QBarSet *> m_partSets;
    QList<QBarSet *> m_countSets;
};

} // namespace wirescope

#include "ui/http/httptimingchart.h"

#include "ui/common/chartfit.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QResizeEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace wirescope {

HttpTimingChart::HttpTimingChart(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_series(new QStackedBarSeries(m_chart))
    , m_axisX(new QBarCategoryAxis(m_chart))
    , m_axisY(new QValueAxis(m_chart))
{
    setAccessibleName(tr("HTTP phase times per request"));
    m_empty->setText(tr("HTTP phase times per request appear here, one stacked bar per request sent."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    for (int s = 0; s < HttpTimingChartData::SegmentCount; ++s) {
        auto *set = new QBarSet(HttpTimingChartData::segmentName(s), m_series);
        set->setColor(HttpTimingChartData::segmentColor(s));
        set->setBorderColor(HttpTimingChartData::segmentColor(s));
        m_series->append(set);
        m_sets.append(set);
    }
    m_series->setBarWidth(0.7);
    m_chart->addSeries(m_series);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_series->attachAxis(m_axisX);
    m_series->attachAxis(m_axisY);
    m_axisX->setTitleText(tr("Request"));
    m_axisY->setLabelFormat(QStringLiteral("%.3g"));
    m_chart->setTitle(tr("HTTP timing per request"));
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    // A QChartView made without a chart makes one of its own, and setChart() only releases
    // it: it is ours to delete (else every timing chart leaks a whole QChart).
    QChart *placeholder = m_view->chart();
    m_view->setChart(m_chart);
    delete placeholder;
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(100); // fits the Live charts dock of a 768 px high window
    m_view->installEventFilter(this);

    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);

    auto *clearButton = new QPushButton(tr("C&lear Chart"), this);
    clearButton->setToolTip(tr("Forget the requests shown in the chart"));
    connect(clearButton, &QPushButton::clicked, this, &HttpTimingChart::clear);
    auto *bar = new QHBoxLayout;
    bar->addStretch();
    bar->addWidget(clearButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack, 1);
    layout->addLayout(bar);
    applyPalette();
    rebuild();
}

void HttpTimingChart::addExchange(const QString &label, const QString &tooltip, const PhaseTimings &timings)
{
    m_data.append(label, tooltip, timings);
    rebuild();
}

void HttpTimingChart::clear()
{
    m_data.clear();
    rebuild();
}

void HttpTimingChart::rebuild()
{
    // At most capacity() bars: replacing every set's values is cheap and keeps one code path.
    for (int s = 0; s < HttpTimingChartData::SegmentCount; ++s) {
        QBarSet *set = m_sets.at(s);
        if (set->count() > 0)
            set->remove(0, set->count());
        set->append(m_data.segmentValues(s));
    }
    QStringList categories;
    for (const HttpTimingChartData::Entry &e : m_data.entries())
        categories.append(e.label);
    m_axisX->setCategories(categories);
    m_axisY->setRange(0, m_data.axisMax());
    m_axisY->setTitleText(tr("Time (%1)").arg(m_data.unitSymbol()));
    m_stack->setCurrentIndex(m_data.entries().isEmpty() ? 0 : 1);
}

// The view is resized by the stack (also while it is the hidden page), not with this widget.
bool HttpTimingChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        fitChartDecorations(m_chart, static_cast<QResizeEvent *>(event)->size().height());
    return QWidget::eventFilter(watched, event);
}

void HttpTimingChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void HttpTimingChart::applyPalette()
{
    // Follow the widget palette instead of a Qt Charts theme, so light and dark both read.
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = pal.color(QPalette::Mid);
    m_chart->setBackgroundBrush(pal.color(QPalette::Window));
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setTitleBrush(text);
    m_chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_axisX), static_cast<QAbstractAxis *>(m_axisY)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
    }
    m_view->setBackgroundBrush(pal.color(QPalette::Window));
}

} // namespace wirescope

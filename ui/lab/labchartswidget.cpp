#include "ui/lab/labchartswidget.h"

#include "ui/common/chartfit.h"
#include "ui/lab/labchartdata.h"
#include "ui/lab/labcolors.h"
#include "ui/lab/labwording.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QResizeEvent>
#include <QValueAxis>

namespace wirescope {

namespace {

// A transport with few delays to draw shows each one as a dot too (a single sample would
// otherwise be an invisible line of one point).
constexpr int kPointsVisibleBelow = 60;

enum CountSet { OnTime, Late, Lost, CountSetCount };

QColor countColor(int set)
{
    switch (set) {
    case OnTime: return labOnTimeColor();
    case Late: return labLateColor();
    default: return labLostColor();
    }
}

void styleSet(QBarSet *set, const QColor &color)
{
    set->setColor(color);
    set->setBorderColor(color);
}

// A chart of horizontal stacked bars: one bar per transport (categories on the left), one
// set per named colour.
QChart *barChart(const QString &title, const QList<std::pair<QString, QColor>> &sets, QHorizontalStackedBarSeries *series,
                 QBarCategoryAxis *categories, QValueAxis *values, const QString &valuesTitle, QList<QBarSet *> *made)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    for (const auto &[name, color] : sets) {
        auto *set = new QBarSet(name, series);
        styleSet(set, color);
        series->append(set);
        made->append(set);
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);
    chart->addAxis(categories, Qt::AlignLeft);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(categories);
    series->attachAxis(values);
    values->setTitleText(valuesTitle);
    return chart;
}

} // namespace

LabChartsWidget::LabChartsWidget(QWidget *parent)
    : QWidget(parent)
    , m_latencyX(new QValueAxis(this))
    , m_latencyY(new QLogValueAxis(this))
    , m_bytesCategories(new QBarCategoryAxis(this))
    , m_bytesAxis(new QValueAxis(this))
    , m_messagesCategories(new QBarCategoryAxis(this))
    , m_messagesAxis(new QValueAxis(this))
    , m_bytesSeries(new QHorizontalStackedBarSeries(this))
    , m_messagesSeries(new QHorizontalStackedBarSeries(this))
{
    auto *latency = new QChart;
    latency->setTitle(tr("Latency over time"));
    latency->addAxis(m_latencyX, Qt::AlignBottom);
    latency->addAxis(m_latencyY, Qt::AlignLeft);
    m_latencyX->setTitleText(tr("s since its start"));
    m_latencyX->setLabelFormat(QStringLiteral("%g"));
    m_latencyY->setBase(10);
    m_latencyY->setLabelFormat(QStringLiteral("%g"));
    m_latencyView = makeView(latency);

    QList<std::pair<QString, QColor>> parts;
    for (int part = 0; part < LabChartData::PartCount; ++part)
        parts.append({LabWording::partName(LabChartData::Part(part)), labPartColor(LabChartData::Part(part))});
    QChart *bytes = barChart(tr("Bytes per delivered message"), parts, m_bytesSeries, m_bytesCategories, m_bytesAxis,
                             tr("bytes on the wire"), &m_partSets);
    m_bytesAxis->setLabelFormat(QStringLiteral("%g"));
    m_bytesView = makeView(bytes);

    QChart *messages = barChart(tr("Messages"),
                                {{tr("on time"), countColor(OnTime)}, {tr("late"), countColor(Late)}, {tr("lost"), countColor(Lost)}},
                                m_messagesSeries, m_messagesCategories, m_messagesAxis, tr("messages"), &m_countSets);
    m_messagesAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_messagesView = makeView(messages);

    // Long legends (a line per transport, up to nine kinds of bytes) stand at the side; the
    // three outcomes fit above their chart.
    latency->legend()->setAlignment(Qt::AlignRight);
    bytes->legend()->setAlignment(Qt::AlignRight);
    messages->legend()->setAlignment(Qt::AlignTop);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    // The bytes chart carries the longest legend.
    layout->addWidget(m_latencyView, 4);
    layout->addWidget(m_bytesView, 5);
    layout->addWidget(m_messagesView, 3);
    applyPalette();
}

LabChartsWidget::~LabChartsWidget()
{
    // The kinds of bytes the last run did not have are out of their series: ours to delete.
    const QList<QBarSet *> shown = m_bytesSeries->barSets();
    for (QBarSet *set : std::as_const(m_partSets))
        if (!shown.contains(set))
            delete set;
}

QChartView *LabChartsWidget::makeView(QChart *chart)
{
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->setBackgroundRoundness(0);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setShowToolTips(true);
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing, true);
    view->setMinimumSize(200, 140);
    view->setAccessibleName(chart->title());
    view->installEventFilter(this);
    return view;
}

QChart *LabChartsWidget::latencyChart() const
{
    return m_latencyView->chart();
}

QChart *LabChartsWidget::bytesChart() const
{
    return m_bytesView->chart();
}

QChart *LabChartsWidget::messagesChart() const
{
    return m_messagesView->chart();
}

void LabChartsWidget::setData(const LabChartData *data)
{
    m_data = data;
    rebuild();
}

void LabChartsWidget::rebuild()
{
    QChart *latency = latencyChart();
    for (QLineSeries *line : std::as_const(m_lines)) {
        latency->removeSeries(line);
        delete line;
    }
    m_lines.clear();
    if (m_data) {
        for (LabTransport transport : m_data->transports()) {
            auto *line = new QLineSeries;
            line->setName(LabWording::transportShortName(transport));
            line->setProperty("labTransport", int(transport));
            latency->addSeries(line);
            line->attachAxis(m_latencyX);
            line->attachAxis(m_latencyY);
            m_lines.append(line);
        }
    }
    latency->setTitle(m_data && m_data->chartsRoundTrips() ? tr("Round trip over time") : tr("Push delay over time"));
    m_latencyY->setTitleText(m_data && m_data->chartsRoundTrips() ? tr("round trip (ms, log)") : tr("push delay (ms, log)"));
    applyPalette(); // the new lines take their colours
    m_shownRevision = 0;
    refresh();
}

void LabChartsWidget::refresh()
{
    if (!m_data || (m_shownRevision != 0 && m_data->revision() == m_shownRevision))
        return;
    m_shownRevision = m_data->revision();
    const QList<LabTransport> transports = m_data->transports();

    // One point per ~2 px of plot at most, never more than the budget.
    const int budget = qBound(50, m_latencyView->width(), LabChartData::kMaxPoints);
    for (QLineSeries *line : std::as_const(m_lines)) {
        const auto transport = LabTransport(line->property("labTransport").toInt());
        line->replace(m_data->latencyPoints(transport, budget));
        line->setPointsVisible(m_data->latencySampleCount(transport) < kPointsVisibleBelow);
    }
    m_latencyX->setRange(0, m_data->latencyXMax());
    m_latencyX->setTickCount(m_data->latencyXTicks());
    // A hair wider than the decades: Qt Charts leaves out a label that falls exactly on an end.
    const auto [low, high] = m_data->latencyYRange();
    m_latencyY->setRange(low * 0.999, high * 1.001);

    // Horizontal bars are drawn from the bottom up: the first transport goes on top.
    QStringList categories;
    for (auto it = transports.crbegin(); it != transports.crend(); ++it)
        categories.append(m_data->failed(*it) ? tr("%1 (failed)").arg(LabWording::transportShortName(*it))
                                              : LabWording::transportShortName(*it));
    if (m_bytesCategories->categories() != categories) {
        m_bytesCategories->setCategories(categories);
        m_messagesCategories->setCategories(categories);
    }

    // The series (and so the legend) holds the kinds of bytes this run had (payload alone
    // before any transport finished).
    QList<QBarSet *> shown;
    bool anyUsed = false;
    for (int part = 0; part < LabChartData::PartCount; ++part)
        anyUsed = anyUsed || m_data->partUsed(LabChartData::Part(part));
    for (int part = 0; part < LabChartData::PartCount; ++part) {
        QList<qreal> values;
        for (auto it = transports.crbegin(); it != transports.crend(); ++it)
            values.append(m_data->bytesPerMessage(*it)[size_t(part)]);
        QBarSet *set = m_partSets.at(part);
        if (set->count() > 0)
            set->remove(0, set->count());
        set->append(values);
        if (m_data->partUsed(LabChartData::Part(part)) || (part == LabChartData::Payload && !anyUsed))
            shown.append(set);
    }
    if (m_bytesSeries->barSets() != shown) {
        for (QBarSet *set : m_bytesSeries->barSets())
            m_bytesSeries->take(set);
        m_bytesSeries->append(shown);
        for (int part = 0; part < m_partSets.size(); ++part)
            styleSet(m_partSets.at(part), labPartColor(LabChartData::Part(part)));
    }
    const auto [bytesLow, bytesHigh] = m_data->bytesRange();
    m_bytesAxis->setRange(bytesLow, bytesHigh);
    if (bytesLow < 0)
        m_bytesAxis->applyNiceNumbers();
    else
        m_bytesAxis->setTickCount(LabChartData::niceTickCount(bytesHigh));

    for (int set = 0; set < CountSetCount; ++set) {
        QList<qreal> values;
        for (auto it = transports.crbegin(); it != transports.crend(); ++it) {
            const LabChartData::Counts counts = m_data->counts(*it);
            values.append(set == OnTime ? counts.onTime : set == Late ? counts.late : counts.lost);
        }
        QBarSet *barSet = m_countSets.at(set);
        if (barSet->count() > 0)
            barSet->remove(0, barSet->count());
        barSet->append(values);
    }
    m_messagesAxis->setRange(0, m_data->countsMax());
    m_messagesAxis->setTickCount(LabChartData::niceTickCount(m_data->countsMax()));
}

int LabChartsWidget::bytesSetCount() const
{
    return int(m_bytesSeries->count());
}

int LabChartsWidget::latencyPointCount(int series) const
{
    return series < m_lines.size() ? int(m_lines.at(series)->count()) : 0;
}

// Bars are stored bottom-up (the first transport on top): index from the end.
double LabChartsWidget::bytesValue(int part, int transport) const
{
    const QBarSet *barSet = m_partSets.at(part);
    return barSet->at(barSet->count() - 1 - transport);
}

double LabChartsWidget::messagesValue(int set, int transport) const
{
    const QBarSet *barSet = m_countSets.at(set);
    return barSet->at(barSet->count() - 1 - transport);
}

bool LabChartsWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        if (auto *view = qobject_cast<QChartView *>(watched))
            fitChartDecorations(view->chart(), static_cast<QResizeEvent *>(event)->size().height());
    }
    return QWidget::eventFilter(watched, event);
}

void LabChartsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void LabChartsWidget::applyPalette()
{
    const QPalette pal = palette();
    const bool dark = labIsDark(pal);
    const QColor text = pal.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(40);
    for (QChartView *view : {m_latencyView, m_bytesView, m_messagesView}) {
        QChart *chart = view->chart();
        // The theme first: it resets every colour below, the series' included.
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(pal.color(QPalette::Base));
        chart->setBackgroundPen(Qt::NoPen);
        chart->setPlotAreaBackgroundVisible(false);
        chart->setTitleBrush(text);
        chart->legend()->setLabelColor(text);
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsColor(text);
            axis->setTitleBrush(text);
            axis->setGridLineColor(grid);
            axis->setLinePenColor(pal.color(QPalette::Mid));
        }
        view->setBackgroundBrush(pal.color(QPalette::Base));
    }
    for (QLineSeries *line : std::as_const(m_lines)) {
        QPen pen(labTransportColor(LabTransport(line->property("labTransport").toInt())));
        pen.setWidthF(1.6);
        line->setPen(pen);
        line->setColor(pen.color());
    }
    for (int part = 0; part < m_partSets.size(); ++part)
        styleSet(m_partSets.at(part), labPartColor(LabChartData::Part(part)));
    for (int set = 0; set < m_countSets.size(); ++set)
        styleSet(m_countSets.at(set), countColor(set));
    m_shownRevision = 0; // the theme reset the legend's markers too
}

} // namespace wirescope

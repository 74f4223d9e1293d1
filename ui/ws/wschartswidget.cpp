#include "ui/ws/wschartswidget.h"

#include "ui/ws/wschartdata.h"
#include "ui/common/chartfit.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QResizeEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace wirescope {

// One chart: up to two series against time, with a y axis that picks a readable unit.
class WsRateChart : public QChartView
{
public:
    WsRateChart(const QString &title, QWidget *parent)
        : QChartView(new QChart, parent)
    {
        chart()->setTitle(title);
        chart()->legend()->setAlignment(Qt::AlignTop);
        chart()->setMargins(QMargins(4, 2, 4, 2));
        chart()->setBackgroundRoundness(0);
        // Short titles and units: the three charts share a dock about a third of the window high.
        m_x->setTitleText(WsChartsWidget::tr("s since connect"));
        m_x->setLabelFormat(QStringLiteral("%.0f"));
        for (QValueAxis *axis : {m_x, m_y}) {
            axis->setTickType(QValueAxis::TicksDynamic);
            axis->setTickAnchor(0);
        }
        chart()->addAxis(m_x, Qt::AlignBottom);
        chart()->addAxis(m_y, Qt::AlignLeft);
        setRenderHint(QPainter::Antialiasing, true);
        setMinimumSize(160, 100);
        setAccessibleName(title);
    }

    QXYSeries *addSeries(QXYSeries *series, const QString &name, const QColor &color)
    {
        series->setName(name);
        QPen pen(color);
        pen.setWidthF(1.8);
        series->setPen(pen);
        series->setColor(color);
        chart()->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
        m_series.append(series);
        return series;
    }

    enum class Scale { None, Binary };

    // Scales byte rates into a unit so the axis reads "12.5 KiB/s", not "12800".
    void setData(const QList<QList<QPointF>> &data, double xFrom, double xTo, const QString &unit, Scale scaleKind)
    {
        const bool bytes = scaleKind == Scale::Binary;
        double maxY = 0;
        for (const QList<QPointF> &points : data) {
            for (const QPointF &p : points)
                maxY = qMax(maxY, p.y());
        }
        double scale = 1;
        QString prefix;
        const double base = bytes ? 1024 : 1000;
        const char *prefixes[] = {"", "k", "M", "G"};
        for (int i = 1; bytes && i < 4 && maxY / scale >= base; ++i) {
            scale *= base;
            prefix = QString::fromLatin1(prefixes[i]);
            if (bytes)
                prefix = prefix.toUpper() + u'i';
        }
        for (int i = 0; i < data.size() && i < m_series.size(); ++i) {
            QList<QPointF> points = data.at(i);
            if (scale != 1) {
                for (QPointF &p : points)
                    p.setY(p.y() / scale);
            }
            m_series.at(i)->replace(points); // one replace() per series per tick
        }
        // A round top and round steps: 0, 0.5, 1, 1.5, 2 rather than 0, 0.625, 1.25 ...
        const double top = maxY / scale;
        // About one y label per 30 px of plot (at most 4 steps), or they are elided to "...".
        const int ySteps = qBound(1, int(chart()->plotArea().height() / 30), 4);
        const double step = niceStep(top > 0 ? top / ySteps : 1.0 / ySteps);
        // About one x label per 70 px, so labels never collide and get elided to "...".
        const int xLabels = qBound(2, m_x->isVisible() ? int(chart()->plotArea().width() / 70) : 4, 6);
        setAxis(m_x, xFrom, xTo, niceStep((xTo - xFrom) / xLabels));
        setAxis(m_y, 0, top > 0 ? std::ceil(top / step - 1e-9) * step : step * ySteps, step);
        m_y->setLabelFormat(step >= 1 ? QStringLiteral("%.0f") : QStringLiteral("%.2g"));
        m_y->setTitleText(prefix + unit);
    }

    // Dynamic ticks are laid out on every range change: widen the interval first so a
    // range change never lays out thousands of ticks with the previous, finer interval.
    static void setAxis(QValueAxis *axis, double from, double to, double interval)
    {
        axis->setTickInterval(qMax(to - from, 1.0) * 2);
        axis->setRange(from, to);
        axis->setTickInterval(interval);
    }

    // 1, 2 or 5 times a power of ten, at least `raw`.
    static double niceStep(double raw)
    {
        if (raw <= 0)
            return 1;
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        for (double f : {1.0, 2.0, 5.0, 10.0}) {
            if (raw <= f * magnitude * (1 + 1e-9))
                return f * magnitude;
        }
        return 10 * magnitude;
    }

    void resizeEvent(QResizeEvent *event) override
    {
        QChartView::resizeEvent(event);
        fitChartDecorations(chart(), height());
    }

    int pointCount(int i) const { return i < m_series.size() ? int(m_series.at(i)->count()) : 0; }

    void applyPalette(const QPalette &pal)
    {
        const bool dark = pal.color(QPalette::Window).lightness() < 128;
        chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart()->setBackgroundBrush(pal.color(QPalette::Base));
        chart()->setPlotAreaBackgroundVisible(false);
        chart()->setTitleBrush(pal.color(QPalette::Text));
        chart()->legend()->setLabelColor(pal.color(QPalette::Text));
        for (QValueAxis *axis : {m_x, m_y}) {
            axis->setLabelsColor(pal.color(QPalette::Text));
            axis->setTitleBrush(pal.color(QPalette::Text));
            QColor grid = pal.color(QPalette::Text);
            grid.setAlpha(40);
            axis->setGridLineColor(grid);
            axis->setLinePenColor(pal.color(QPalette::Mid));
        }
        // setTheme resets series colours: restore ours.
        for (QXYSeries *series : std::as_const(m_series)) {
            QPen pen = series->pen();
            pen.setColor(series->property("wsColor").value<QColor>());
            pen.setWidthF(1.8);
            series->setPen(pen);
            series->setColor(pen.color());
        }
    }

private:
    QValueAxis *m_x = new QValueAxis;
    QValueAxis *m_y = new QValueAxis;
    QList<QXYSeries *> m_series;
};

// In: blue, out: orange; both stay distinct on light and dark backgrounds and for the
// common colour-vision deficiencies.
static const QColor kInColor(0x1e, 0x88, 0xe5);
static const QColor kOutColor(0xf5, 0x7c, 0x00);
static const QColor kRttColor(0x8e, 0x24, 0xaa);

static QXYSeries *coloured(QXYSeries *series, const QColor &color)
{
    series->setProperty("wsColor", color);
    return series;
}

WsChartsWidget::WsChartsWidget(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_pause(new QCheckBox(tr("&Pause charts"), this))
    , m_window(new QComboBox(this))
    , m_messages(new WsRateChart(tr("Messages"), this))
    , m_bytes(new WsRateChart(tr("Throughput"), this))
    , m_rtt(new WsRateChart(tr("Ping round trip"), this))
    , m_timer(new QTimer(this))
{
    m_messages->addSeries(coloured(new QLineSeries, kInColor), tr("received"), kInColor);
    m_messages->addSeries(coloured(new QLineSeries, kOutColor), tr("sent"), kOutColor);
    m_bytes->addSeries(coloured(new QLineSeries, kInColor), tr("received"), kInColor);
    m_bytes->addSeries(coloured(new QLineSeries, kOutColor), tr("sent"), kOutColor);
    auto *rttLine = coloured(new QLineSeries, kRttColor);
    m_rtt->addSeries(rttLine, tr("ping \u2192 pong"), kRttColor);
    auto *rttPoints = new QScatterSeries;
    rttPoints->setMarkerSize(6);
    m_rtt->addSeries(coloured(rttPoints, kRttColor), QString(), kRttColor);
    m_rtt->chart()->legend()->markers(rttPoints).constFirst()->setVisible(false);

    m_window->addItem(tr("last 10 s"), 10);
    m_window->addItem(tr("last 60 s"), 60);
    m_window->addItem(tr("last 5 min"), 300);
    m_window->addItem(tr("last 15 min"), 900);
    m_window->setCurrentIndex(1);
    m_window->setAccessibleName(tr("Chart time window"));
    m_pause->setToolTip(tr("Freeze the charts; data keeps being collected"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    auto *windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_window);
    bar->addWidget(windowLabel);
    bar->addWidget(m_window);
    bar->addWidget(m_pause);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    // Side by side: the dock is wide and short, and each chart keeps its full height.
    auto *charts = new QHBoxLayout;
    charts->setSpacing(2);
    charts->addWidget(m_messages, 1);
    charts->addWidget(m_bytes, 1);
    charts->addWidget(m_rtt, 1);
    layout->addLayout(charts, 1);

    // 4 Hz: smooth enough for rates in 100 ms buckets and far below the 16 ms frame budget.
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &WsChartsWidget::refresh);
    connect(m_window, &QComboBox::currentIndexChanged, this, &WsChartsWidget::refresh);
    connect(m_pause, &QCheckBox::toggled, this, [this](bool paused) {
        if (!paused)
            refresh();
    });
    applyPalette();
    setSource(nullptr, {}, QString());
}

WsChartsWidget::~WsChartsWidget() = default;

void WsChartsWidget::setSource(const WsChartData *data, std::function<qint64()> nowNs, const QString &title)
{
    m_data = data;
    m_nowNs = std::move(nowNs);
    m_title->setText(data ? QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped())
                          : tr("No WebSocket connection selected."));
    refresh();
}

void WsChartsWidget::setPaused(bool paused)
{
    m_pause->setChecked(paused);
}

bool WsChartsWidget::isPaused() const
{
    return m_pause->isChecked();
}

void WsChartsWidget::setWindowSeconds(int seconds)
{
    const int index = m_window->findData(seconds);
    if (index >= 0)
        m_window->setCurrentIndex(index);
}

int WsChartsWidget::windowSeconds() const
{
    return m_window->currentData().toInt();
}

int WsChartsWidget::pointCount(int series) const
{
    if (series < 2)
        return m_messages->pointCount(series);
    if (series < 4)
        return m_bytes->pointCount(series - 2);
    return m_rtt->pointCount(0);
}

void WsChartsWidget::refresh()
{
    if (isPaused())
        return;
    const qint64 windowNs = qint64(windowSeconds()) * 1'000'000'000;
    const qint64 now = m_nowNs ? m_nowNs() : 0;
    const double to = qMax(double(now) / 1e9, double(windowSeconds()));
    const double from = to - windowSeconds();
    // One point per ~2 px of plot at most, never more than the budget.
    const int budget = qBound(50, m_messages->width() / 2, WsChartData::kMaxPoints);
    QList<QList<QPointF>> messages, bytes, rtt;
    if (m_data) {
        messages = {m_data->ratePoints(WsChartMetric::MessagesIn, now, windowNs, budget),
                    m_data->ratePoints(WsChartMetric::MessagesOut, now, windowNs, budget)};
        bytes = {m_data->ratePoints(WsChartMetric::BytesIn, now, windowNs, budget),
                 m_data->ratePoints(WsChartMetric::BytesOut, now, windowNs, budget)};
        const QList<QPointF> samples = m_data->rttPoints(now, windowNs);
        rtt = {samples, samples};
    } else {
        messages = {{}, {}};
        bytes = {{}, {}};
        rtt = {{}, {}};
    }
    m_messages->setData(messages, from, to, tr("msg/s"), WsRateChart::Scale::None);
    m_bytes->setData(bytes, from, to, tr("B/s"), WsRateChart::Scale::Binary);
    m_rtt->setData(rtt, from, to, tr("ms"), WsRateChart::Scale::None);
}

void WsChartsWidget::applyPalette()
{
    for (WsRateChart *chart : {m_messages, m_bytes, m_rtt})
        chart->applyPalette(palette());
}

void WsChartsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void WsChartsWidget::showEvent(QShowEvent *event)
{
    m_timer->start();
    refresh();
    QWidget::showEvent(event);
}

void WsChartsWidget::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

} // namespace wirescope

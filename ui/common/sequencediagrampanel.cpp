#include "ui/common/sequencediagrampanel.h"

#include "core/session/sequencelayout.h"
#include "core/session/sequencesvg.h"
#include "ui/common/sequencediagramview.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace wirescope {

namespace {

// QImage allocates at most 2^31 bytes: a larger diagram is cut at this many pixels.
constexpr int kMaxPngSide = 16384;
constexpr int kScrubSteps = 1000;

} // namespace

SequenceDiagramPanel::SequenceDiagramPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new SequenceDiagramView(this))
    , m_compressed(new QCheckBox(tr("C&ompressed"), this))
    , m_scrub(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(this))
    , m_timer(new QTimer(this))
{
    m_compressed->setToolTip(tr("Keep the order of the arrows but not the time between them"));
    m_scrub->setRange(0, kScrubSteps);
    m_scrub->setAccessibleName(tr("Time in the session"));
    m_scrub->setToolTip(tr("Scrub through the session's time"));
    auto *svg = new QPushButton(tr("Export &SVG…"), this);
    auto *png = new QPushButton(tr("Export &PNG…"), this);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_compressed);
    bar->addWidget(m_scrub, 1);
    bar->addWidget(m_time);
    bar->addWidget(svg);
    bar->addWidget(png);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    // Rows arrive in batches up to 30 times a second; the diagram follows at most 4 times.
    m_timer->setSingleShot(true);
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &SequenceDiagramPanel::rebuild);
    connect(m_compressed, &QCheckBox::toggled, this, &SequenceDiagramPanel::rebuild);
    connect(m_view, &SequenceDiagramView::rowClicked, this, &SequenceDiagramPanel::rowClicked);
    connect(m_view, &SequenceDiagramView::scrolled, this, &SequenceDiagramPanel::syncSlider);
    connect(m_scrub, &QSlider::valueChanged, this, [this](int value) {
        const auto &arrows = m_view->diagram().arrows();
        if (arrows.empty())
            return;
        const qint64 origin = m_view->diagram().originNs();
        const qint64 span = arrows.back().tNs - origin;
        const qint64 t = origin + qint64(double(span) * value / kScrubSteps);
        m_view->scrollToTime(t);
        m_time->setText(tr("+%1 ms").arg(double(t - origin) / 1e6, 0, 'f', 3));
    });
    connect(svg, &QPushButton::clicked, this, [this] { chooseExport(false); });
    connect(png, &QPushButton::clicked, this, [this] { chooseExport(true); });
}

void SequenceDiagramPanel::setConnections(const Timeline *timeline, const QList<quint32> &connections)
{
    m_timeline = timeline;
    m_connections = connections;
    refresh();
}

void SequenceDiagramPanel::refresh()
{
    m_dirty = true;
    if (isVisible() && !m_timer->isActive())
        m_timer->start();
}

void SequenceDiagramPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_dirty)
        return;
    rebuild();
    // A row selected while the diagram was hidden: shown now, so scrolled to.
    m_view->setSelectedRow(m_view->selectedRow());
}

void SequenceDiagramPanel::rebuild()
{
    m_dirty = false;
    m_timer->stop();
    if (!m_timeline)
        return;
    SequenceLayoutOptions options;
    options.connections = m_connections;
    options.compressed = m_compressed->isChecked();
    if (m_connections.isEmpty()) { // a console that never connected draws nothing, not the session
        m_view->setLayout(SequenceLayout());
        return;
    }
    m_view->setLayout(SequenceLayout::build(*m_timeline, options));
    syncSlider();
}

void SequenceDiagramPanel::setCompressed(bool compressed)
{
    m_compressed->setChecked(compressed);
}

bool SequenceDiagramPanel::isCompressed() const
{
    return m_compressed->isChecked();
}

void SequenceDiagramPanel::setSelectedRow(qsizetype row)
{
    if (m_dirty && isVisible())
        rebuild();
    m_view->setSelectedRow(row);
}

void SequenceDiagramPanel::syncSlider()
{
    const SequenceLayout &layout = m_view->diagram();
    const auto &arrows = layout.arrows();
    const qint64 span = arrows.empty() ? 0 : arrows.back().tNs - layout.originNs();
    const qint64 t = m_view->timeInView();
    const QSignalBlocker block(m_scrub);
    m_scrub->setEnabled(span > 0);
    m_scrub->setValue(span > 0 ? int(double(t - layout.originNs()) / double(span) * kScrubSteps) : 0);
    m_time->setText(tr("+%1 ms").arg(double(t - layout.originNs()) / 1e6, 0, 'f', 3));
}

bool SequenceDiagramPanel::exportSvg(const QString &path, QString *error) const
{
    return saveSequenceSvg(m_view->diagram(), path, error);
}

bool SequenceDiagramPanel::exportPng(const QString &path, QString *error) const
{
    const SequenceLayout &layout = m_view->diagram();
    QImage image(std::min(kMaxPngSide, int(std::ceil(layout.width()))), std::min(kMaxPngSide, int(std::ceil(layout.height()))),
                 QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        *error = tr("The diagram is too large for an image.");
        return false;
    }
    image.fill(m_view->palette().color(QPalette::Base));
    {
        QPainter painter(&image);
        painter.setFont(m_view->font());
        m_view->paintDiagram(painter);
    }
    if (!image.save(path, "PNG")) {
        *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}

void SequenceDiagramPanel::chooseExport(bool png)
{
    const QString path = png ? QFileDialog::getSaveFileName(this, tr("Export Sequence Diagram as PNG"), QStringLiteral("sequence.png"),
                                                            tr("PNG images (*.png)"))
                             : QFileDialog::getSaveFileName(this, tr("Export Sequence Diagram as SVG"), QStringLiteral("sequence.svg"),
                                                            tr("SVG images (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(png ? exportPng(path, &error) : exportSvg(path, &error)))
        QMessageBox::warning(this, tr("Export Failed"), error);
}

} // namespace wirescope

#include "ui/http/timingwaterfallwidget.h"

#include "ui/common/units.h"

#include <QPainter>

namespace wirescope {

TimingWaterfallWidget::TimingWaterfallWidget(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Timing waterfall"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void TimingWaterfallWidget::setTimings(const PhaseTimings &timings, bool connectionReused, qint64 endNs)
{
    m_timings = timings;
    m_endNs = endNs;
    m_rows = TimingWaterfall::rows(timings, endNs);
    m_reused = connectionReused;
    QStringList description;
    for (const WaterfallRow &row : std::as_const(m_rows))
        description.append(row.label() + u": " + durationText(row));
    setAccessibleDescription(description.join(u"; "));
    updateGeometry();
    update();
}

// A phase the exchange ended in lasted at least this long.
QString TimingWaterfallWidget::durationText(const WaterfallRow &row)
{
    return row.unfinished ? tr("≥ %1").arg(formatDurationNs(row.durationNs)) : formatDurationNs(row.durationNs);
}

void TimingWaterfallWidget::clear()
{
    setTimings({}, false);
}

int TimingWaterfallWidget::rowHeight() const
{
    return fontMetrics().height() + 10;
}

int TimingWaterfallWidget::labelWidth() const
{
    int w = 0;
    for (int p = 0; p <= int(WaterfallRow::Phase::Receive); ++p) {
        WaterfallRow row;
        row.phase = WaterfallRow::Phase(p);
        w = std::max(w, fontMetrics().horizontalAdvance(row.label()));
    }
    return w + 24;
}

int TimingWaterfallWidget::valueWidth() const
{
    return fontMetrics().horizontalAdvance(QStringLiteral("≥ 0000.00 ms")) + 16;
}

QSize TimingWaterfallWidget::sizeHint() const
{
    return {labelWidth() + valueWidth() + 300, rowHeight() * (int(m_rows.size()) + 4) + 16};
}

QSize TimingWaterfallWidget::minimumSizeHint() const
{
    return {labelWidth() + valueWidth() + 80, rowHeight() * 4};
}

void TimingWaterfallWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    const int rh = rowHeight();
    const int left = 8;
    const QRectF area(left + labelWidth(), 0, std::max(20, width() - left - labelWidth() - valueWidth() - 8), rh);
    const qint64 total = TimingWaterfall::spanNs(m_timings, m_endNs);

    if (m_rows.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   tr("Send a request to see where its time went: queueing, DNS, connection, TLS, "
                      "sending, waiting for the server and download (HAR phase names)."));
        return;
    }

    int y = 8;
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRect(left, y, labelWidth(), rh), Qt::AlignLeft | Qt::AlignVCenter, tr("Phase"));
    p.drawText(QRect(int(area.right()) + 8, y, valueWidth(), rh), Qt::AlignRight | Qt::AlignVCenter, tr("Time"));
    y += rh;

    for (const WaterfallRow &row : std::as_const(m_rows)) {
        p.setPen(pal.color(QPalette::Text));
        const int indent = row.nested ? 14 : 0;
        p.drawText(QRect(left + indent, y, labelWidth() - indent, rh), Qt::AlignLeft | Qt::AlignVCenter, row.label());
        QRectF band = area;
        band.moveTop(y + 3);
        band.setHeight(rh - 6);
        p.fillRect(band, pal.color(QPalette::AlternateBase));
        const QRectF bar = TimingWaterfall::barRect(row, total, band);
        if (row.unfinished) // hatched: it had not finished when the exchange ended
            p.fillRect(bar, QBrush(row.color(), Qt::BDiagPattern));
        else
            p.fillRect(bar, row.color());
        p.drawText(QRect(int(area.right()) + 8, y, valueWidth(), rh), Qt::AlignRight | Qt::AlignVCenter, durationText(row));
        y += rh;
    }

    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(left, y + 2, width() - 8, y + 2);
    y += 4;
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRect(left, y, labelWidth(), rh), Qt::AlignLeft | Qt::AlignVCenter,
               m_timings.complete() ? tr("Total") : tr("Until it ended"));
    p.drawText(QRect(int(area.right()) + 8, y, valueWidth(), rh), Qt::AlignRight | Qt::AlignVCenter,
               formatDurationNs(total));
    if (m_reused) {
        p.setFont(font());
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(left, y + rh, width() - 2 * left, rh), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("Connection reused (keep-alive): no DNS lookup, connect or TLS handshake"));
    }
}

} // namespace wirescope

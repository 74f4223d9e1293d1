#include "ui/http/timingwaterfallwidget.h"

#include "ui/common/units.h"
#include "ui/http/urlelidedelegate.h"

#include <QPainter>

namespace wirescope {

TimingWaterfallWidget::TimingWaterfallWidget(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Timing waterfall"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void TimingWaterfallWidget::setExchange(const HttpExchangeRecord &record)
{
    m_hops = TimingWaterfall::hops(record);
    m_summary = TimingWaterfall::summary(record, m_hops);
    m_complete = !record.hops.isEmpty() && record.hops.last().timings.complete();
    m_rows.clear();
    QStringList description;
    for (const WaterfallHop &hop : std::as_const(m_hops)) {
        if (m_hops.size() > 1)
            description.append(hopTitle(hop) + u": " + formatDurationNs(hop.durationNs));
        for (const WaterfallRow &row : hop.rows) {
            m_rows.append(row);
            description.append(row.label() + u": " + durationText(row));
        }
    }
    if (!explanation().isEmpty())
        description.append(explanation());
    setAccessibleDescription(description.join(u"; "));
    updateGeometry();
    update();
}

QString TimingWaterfallWidget::hopTitle(const WaterfallHop &hop)
{
    const QString status = hop.status > 0 ? QString::number(hop.status) : tr("no answer");
    return hop.index == 0 ? status + u' ' + hop.url : tr("Redirect %1: %2 %3").arg(hop.index).arg(status, hop.url);
}

QString TimingWaterfallWidget::explanation() const
{
    if (m_hops.size() < 2)
        return {};
    return tr("%n hop(s) took %1 together; %2 went between and after them (reading each answer, following "
              "the redirect).", nullptr, int(m_hops.size()))
        .arg(formatDurationNs(m_summary.hopsNs), formatDurationNs(m_summary.otherNs));
}

// A phase the exchange ended in lasted at least this long.
QString TimingWaterfallWidget::durationText(const WaterfallRow &row)
{
    return row.unfinished ? tr("≥ %1").arg(formatDurationNs(row.durationNs)) : formatDurationNs(row.durationNs);
}

void TimingWaterfallWidget::clear()
{
    setExchange({});
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

int TimingWaterfallWidget::lineCount() const
{
    // Header, phases, a title per hop of a chain, total, and the note or explanation.
    return int(m_rows.size()) + (m_hops.size() > 1 ? int(m_hops.size()) : 0) + 4;
}

QSize TimingWaterfallWidget::sizeHint() const
{
    return {labelWidth() + valueWidth() + 300, rowHeight() * lineCount() + 16};
}

QSize TimingWaterfallWidget::minimumSizeHint() const
{
    // Every row's height: in a scroll area the rows scroll instead of being cut off.
    return {labelWidth() + valueWidth() + 80, rowHeight() * lineCount() + 16};
}

void TimingWaterfallWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    const int rh = rowHeight();
    const int left = 8;
    const QRectF area(left + labelWidth(), 0, std::max(20, width() - left - labelWidth() - valueWidth() - 8), rh);
    const qint64 total = m_summary.totalNs;
    const QRect valueColumn(int(area.right()) + 8, 0, valueWidth(), rh);

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
    p.drawText(valueColumn.translated(0, y), Qt::AlignRight | Qt::AlignVCenter, tr("Time"));
    y += rh;

    QFont bold = font();
    bold.setBold(true);
    const bool chain = m_hops.size() > 1;
    for (const WaterfallHop &hop : std::as_const(m_hops)) {
        if (chain) {
            // The hop's line: status and URL over the label and bar columns (the URL cut in its
            // middle, so the host and the end of the path stay), and under it a thin bar
            // spanning the hop on the shared axis.
            p.setFont(bold);
            p.setPen(pal.color(QPalette::Text));
            const QRect titleRect(left, y, int(area.right()) - left, rh - 3);
            const QString head = hopTitle(hop).chopped(hop.url.size());
            const int room = titleRect.width() - p.fontMetrics().horizontalAdvance(head);
            p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, head + UrlElideDelegate::elide(hop.url, p.fontMetrics(), room));
            WaterfallRow span;
            span.startNs = hop.startNs;
            span.durationNs = hop.durationNs;
            QRectF band = area;
            band.moveTop(y + rh - 3);
            band.setHeight(2);
            p.fillRect(TimingWaterfall::barRect(span, total, band), pal.color(QPalette::Mid));
            p.drawText(valueColumn.translated(0, y), Qt::AlignRight | Qt::AlignVCenter, formatDurationNs(hop.durationNs));
            p.setFont(font());
            y += rh;
        }
        for (const WaterfallRow &row : hop.rows) {
            p.setPen(pal.color(QPalette::Text));
            const int indent = (row.nested ? 14 : 0) + (chain ? 14 : 0);
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
            p.drawText(valueColumn.translated(0, y), Qt::AlignRight | Qt::AlignVCenter, durationText(row));
            y += rh;
        }
    }

    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(left, y + 2, width() - 8, y + 2);
    y += 4;
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRect(left, y, labelWidth(), rh), Qt::AlignLeft | Qt::AlignVCenter, m_complete ? tr("Total") : tr("Until it ended"));
    p.drawText(valueColumn.translated(0, y), Qt::AlignRight | Qt::AlignVCenter, formatDurationNs(total));
    p.setFont(font());
    p.setPen(pal.color(QPalette::PlaceholderText));
    const QRect note(left, y + rh, width() - 2 * left, rh * 2);
    if (chain)
        p.drawText(note, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, explanation());
    else if (m_hops.first().reused)
        p.drawText(note, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   tr("Connection reused (keep-alive): no DNS lookup, connect or TLS handshake"));
}

} // namespace wirescope

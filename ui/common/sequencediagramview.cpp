#include "ui/common/sequencediagramview.h"

#include "core/session/sequencesvg.h"
#include "core/wire/wsframe.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>

#include <cmath>

namespace wirescope {

namespace {

bool isMark(SequenceArrowKind kind)
{
    return kind == SequenceArrowKind::Violation || kind == SequenceArrowKind::Failure || kind == SequenceArrowKind::Note;
}

QString opcodeText(quint8 opcode)
{
    return opcode == 0x0 ? SequenceDiagramView::tr("continuation") : wsOpcodeName(WsOpcode(opcode));
}

QString bytesText(quint32 size)
{
    return SequenceDiagramView::tr("%1 B").arg(size);
}

void drawHead(QPainter &p, QPointF tip, double dx)
{
    const double s = dx > 0 ? -8 : 8;
    QPainterPath head;
    head.moveTo(tip);
    head.lineTo(tip.x() + s, tip.y() - 4);
    head.lineTo(tip.x() + s, tip.y() + 4);
    head.closeSubpath();
    p.fillPath(head, p.pen().color());
}

} // namespace

SequenceDiagramView::SequenceDiagramView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setAccessibleName(tr("Sequence diagram"));
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
}

void SequenceDiagramView::setLayout(SequenceLayout layout)
{
    m_layout = std::move(layout);
    updateScrollBars();
    viewport()->update();
}

void SequenceDiagramView::setSelectedRow(qsizetype row)
{
    m_selectedRow = row;
    const int arrow = row >= 0 ? m_layout.arrowOfRow(row) : -1;
    if (arrow >= 0) {
        m_selectedRow = m_layout.arrows()[arrow].row; // a violation row shows its frame
        const int y = int(m_layout.arrows()[arrow].y);
        QScrollBar *bar = verticalScrollBar();
        if (y < bar->value() + 20 || y > bar->value() + viewport()->height() - 20)
            bar->setValue(y - viewport()->height() / 3);
    }
    viewport()->update();
}

QPoint SequenceDiagramView::origin() const
{
    return {-horizontalScrollBar()->value(), -verticalScrollBar()->value()};
}

int SequenceDiagramView::arrowAt(const QPoint &viewportPos) const
{
    const QPointF p = viewportPos - origin();
    const double half = m_layout.options().step / 2;
    int best = -1;
    double bestDistance = half;
    const auto &arrows = m_layout.arrows();
    for (int i = 0; i < int(arrows.size()); ++i) {
        const SequenceArrow &a = arrows[i];
        const SequenceLanes *l = m_layout.lanesOf(a.connection);
        if (!l)
            continue;
        if (a.kind == SequenceArrowKind::Message) {
            // The bracket beside the sender's lane.
            const double x = a.direction == Direction::Out ? l->clientX - 12 : l->serverX + 12;
            if (std::abs(p.x() - x) < 8 && p.y() >= a.firstY - 4 && p.y() <= a.y + 4)
                return i;
            continue;
        }
        const double left = isMark(a.kind) ? l->clientX - 8 : l->clientX - 4;
        const double right = isMark(a.kind) ? l->serverX : l->serverX + 4;
        const double d = std::abs(p.y() - a.y);
        if (p.x() >= left && p.x() <= right && d < bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    return best;
}

QPoint SequenceDiagramView::arrowPosition(int index) const
{
    const SequenceArrow &a = m_layout.arrows()[index];
    const SequenceLanes *l = m_layout.lanesOf(a.connection);
    if (a.kind == SequenceArrowKind::Message)
        return QPoint(int(a.direction == Direction::Out ? l->clientX - 12 : l->serverX + 12), int((a.firstY + a.y) / 2)) + origin();
    return QPoint(int(isMark(a.kind) ? l->clientX + 2 : (l->clientX + l->serverX) / 2), int(a.y)) + origin();
}

void SequenceDiagramView::scrollToTime(qint64 tNs)
{
    verticalScrollBar()->setValue(int(m_layout.yAt(tNs)) - viewport()->height() / 3);
}

qint64 SequenceDiagramView::timeInView() const
{
    const double y = verticalScrollBar()->value() + viewport()->height() / 3.0;
    qint64 t = m_layout.originNs();
    for (const SequenceArrow &a : m_layout.arrows())
        if (a.kind != SequenceArrowKind::Message && a.y <= y)
            t = a.tNs;
    return t;
}

QString SequenceDiagramView::arrowLabel(const SequenceArrow &a)
{
    QString label;
    switch (a.kind) {
    case SequenceArrowKind::TcpConnect:
        label = tr("TCP connect");
        break;
    case SequenceArrowKind::TlsHandshake:
        label = a.text.isEmpty() ? tr("TLS handshake") : tr("TLS handshake (%1)").arg(a.text);
        break;
    case SequenceArrowKind::UpgradeRequest:
        label = tr("GET, Upgrade: websocket");
        break;
    case SequenceArrowKind::UpgradeResponse:
        label = QStringLiteral("%1 %2").arg(a.status).arg(a.text).trimmed();
        break;
    case SequenceArrowKind::HttpResponse:
        label = tr("%1 %2, %3").arg(a.status).arg(a.text, bytesText(a.size));
        break;
    case SequenceArrowKind::Data:
    case SequenceArrowKind::OtherFrame:
        label = opcodeText(a.opcode) + u' ' + bytesText(a.size);
        break;
    case SequenceArrowKind::Fragment:
        label = a.fragments > 0 ? tr("%1 %2, fragment %3/%4").arg(opcodeText(a.opcode), bytesText(a.size)).arg(a.fragment).arg(a.fragments)
                                : tr("%1 %2, fragment %3").arg(opcodeText(a.opcode), bytesText(a.size)).arg(a.fragment);
        break;
    case SequenceArrowKind::Message:
        label = tr("%1 message, %2 frames, %3").arg(opcodeText(a.opcode)).arg(a.fragments).arg(bytesText(a.size));
        break;
    case SequenceArrowKind::Ping:
        label = tr("ping %1").arg(bytesText(a.size));
        break;
    case SequenceArrowKind::Pong:
        label = a.rttNs >= 0 ? tr("pong %1, RTT %2 ms").arg(bytesText(a.size)).arg(double(a.rttNs) / 1e6, 0, 'f', 3)
                             : tr("pong %1").arg(bytesText(a.size));
        break;
    case SequenceArrowKind::Close:
        label = a.closeCode >= 0 ? tr("close %1").arg(a.closeCode) : tr("close");
        if (!a.text.isEmpty())
            label += QStringLiteral(" \"%1\"").arg(a.text);
        break;
    case SequenceArrowKind::HttpRequest:
        label = a.text;
        break;
    case SequenceArrowKind::Violation:
        label = tr("violation %1").arg(a.text);
        break;
    case SequenceArrowKind::Failure:
        label = tr("failure %1").arg(a.text);
        break;
    case SequenceArrowKind::Note:
        label = tr("note: %1").arg(a.text);
        break;
    case SequenceArrowKind::TcpEnd:
        label = a.closeCode < 0 ? tr("TCP end")
                : a.text == QLatin1String("clean") ? tr("TCP end (%1, clean)").arg(a.closeCode)
                                                  : tr("TCP end (%1, not clean)").arg(a.closeCode);
        break;
    }
    if (a.interleaved)
        label += tr(", between fragments");
    if (a.violated)
        label += tr(", violation");
    return label;
}

void SequenceDiagramView::paintDiagram(QPainter &p, const QRectF &clip) const
{
    const SequenceLayout &l = m_layout;
    // A long session has many more arrows than a screen: only those near the clip are drawn.
    const double margin = l.options().step * 2;
    const auto outside = [&](double y0, double y1) {
        return !clip.isNull() && (y1 < clip.top() - margin || y0 > clip.bottom() + margin);
    };
    const QPalette &pal = palette();
    p.setRenderHint(QPainter::Antialiasing);
    const double top = l.options().top;
    const double bottom = l.height() - top / 2;
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF fm(font());

    for (const SequenceLanes &lanes : l.lanes()) {
        p.setPen(pal.color(QPalette::Text));
        p.setFont(bold);
        const QString title = fm.elidedText(QStringLiteral("#%1 %2").arg(lanes.connection).arg(lanes.label), Qt::ElideMiddle,
                                            lanes.serverX - lanes.clientX + l.options().pairGap);
        p.drawText(QRectF(lanes.clientX - 40, top - 60, lanes.serverX - lanes.clientX + 80, 18), Qt::AlignCenter, title);
        p.setFont(font());
        const QString server = lanes.protocol == ConnectionProtocol::Http ? tr("HTTP server") : tr("WebSocket server");
        p.drawText(QRectF(lanes.clientX - 60, top - 40, 120, 18), Qt::AlignCenter, tr("client"));
        p.drawText(QRectF(lanes.serverX - 60, top - 40, 120, 18), Qt::AlignCenter, server);
        p.setPen(QPen(pal.color(QPalette::Mid), 2));
        p.drawLine(QPointF(lanes.clientX, top - 16), QPointF(lanes.clientX, bottom));
        p.drawLine(QPointF(lanes.serverX, top - 16), QPointF(lanes.serverX, bottom));
    }
    for (const SequencePhase &phase : l.phases()) {
        const SequenceLanes *lanes = l.lanesOf(phase.connection);
        if (lanes && phase.y1 - phase.y0 >= 1)
            p.fillRect(QRectF(lanes->clientX - 5, phase.y0, 10, phase.y1 - phase.y0), pal.color(QPalette::Midlight));
    }

    const auto &arrows = l.arrows();
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    double lastTimeY = -1e9;
    for (const SequenceArrow &a : arrows) {
        if (a.kind == SequenceArrowKind::Message || a.y == lastTimeY || outside(a.y, a.y))
            continue;
        lastTimeY = a.y;
        p.setFont(small);
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRectF(0, a.y - 9, l.options().left - 24, 18), Qt::AlignRight | Qt::AlignVCenter,
                   tr("+%1 ms").arg(double(a.tNs - l.originNs()) / 1e6, 0, 'f', 3));
        if (a.gapCut) {
            p.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DotLine));
            const double y = a.y - l.options().step / 2;
            p.drawLine(QPointF(8, y), QPointF(l.width() - 8, y));
        }
    }
    p.setFont(font());
    for (const SequenceArrow &a : arrows) {
        const SequenceLanes *lanes = l.lanesOf(a.connection);
        if (!lanes || outside(a.firstY, a.y))
            continue;
        const QColor color(QLatin1String(sequenceArrowColor(a.violated ? SequenceArrowKind::Violation : a.kind)));
        const bool selected = a.row == m_selectedRow && m_selectedRow >= 0;
        if (selected && a.kind != SequenceArrowKind::Message) {
            QColor band = pal.color(QPalette::Highlight);
            band.setAlpha(60);
            p.fillRect(QRectF(lanes->clientX - 20, a.y - l.options().step / 2 + 2, lanes->serverX - lanes->clientX + 40,
                              l.options().step - 4),
                       band);
        }
        QPen pen(color, selected ? 3 : 1.5);
        const QString label = arrowLabel(a);
        if (a.kind == SequenceArrowKind::Message) {
            const double x = a.direction == Direction::Out ? lanes->clientX - 12 : lanes->serverX + 12;
            const double hook = a.direction == Direction::Out ? 6 : -6;
            p.setPen(QPen(color, selected ? 4 : 2));
            p.drawLine(QPointF(x, a.firstY), QPointF(x + hook, a.firstY));
            p.drawLine(QPointF(x, a.firstY), QPointF(x, a.y));
            p.drawLine(QPointF(x, a.y), QPointF(x + hook, a.y));
            const double w = fm.horizontalAdvance(label) + 4;
            const double tx = a.direction == Direction::Out ? x - 4 - w : x + 4;
            p.drawText(QRectF(tx, (a.firstY + a.y) / 2 - 9, w, 18),
                       (a.direction == Direction::Out ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, label);
            continue;
        }
        if (isMark(a.kind)) {
            p.setPen(Qt::NoPen);
            p.setBrush(color);
            p.drawEllipse(QPointF(lanes->clientX, a.y), 5, 5);
            p.setBrush(Qt::NoBrush);
            p.setPen(color);
            p.drawText(QRectF(lanes->clientX + 10, a.y - 9, lanes->serverX - lanes->clientX, 18), Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(label, Qt::ElideRight, lanes->serverX - lanes->clientX));
            continue;
        }
        const double from = a.direction == Direction::Out ? lanes->clientX : lanes->serverX;
        const double to = a.direction == Direction::Out ? lanes->serverX : lanes->clientX;
        if (a.kind == SequenceArrowKind::Fragment || a.kind == SequenceArrowKind::TcpConnect
            || a.kind == SequenceArrowKind::TcpEnd || a.kind == SequenceArrowKind::TlsHandshake)
            pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.drawLine(QPointF(from, a.y), QPointF(to, a.y));
        p.setPen(QPen(color, 1));
        drawHead(p, QPointF(to, a.y), to - from);
        if (a.kind == SequenceArrowKind::TcpEnd)
            drawHead(p, QPointF(from, a.y), from - to);
        QFont labelFont = font();
        labelFont.setBold(selected);
        p.setFont(labelFont);
        p.drawText(QRectF(std::min(from, to), a.y - 19, std::abs(to - from), 16), Qt::AlignCenter,
                   fm.elidedText(label, Qt::ElideRight, std::abs(to - from) + l.options().pairGap - 8));
        p.setFont(font());
    }
}

void SequenceDiagramView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.translate(origin());
    paintDiagram(p, QRectF(viewport()->rect().translated(-origin())));
}

void SequenceDiagramView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void SequenceDiagramView::mousePressEvent(QMouseEvent *event)
{
    const int arrow = arrowAt(event->position().toPoint());
    if (arrow < 0)
        return;
    setSelectedRow(m_layout.arrows()[arrow].row);
    Q_EMIT rowClicked(m_layout.arrows()[arrow].row);
}

bool SequenceDiagramView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int arrow = arrowAt(help->pos());
        if (arrow >= 0) {
            const SequenceArrow &a = m_layout.arrows()[arrow];
            QToolTip::showText(help->globalPos(),
                               tr("+%1 ms: %2").arg(double(a.tNs - m_layout.originNs()) / 1e6, 0, 'f', 3).arg(arrowLabel(a)),
                               viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void SequenceDiagramView::scrollContentsBy(int, int)
{
    viewport()->update();
    Q_EMIT scrolled();
}

void SequenceDiagramView::updateScrollBars()
{
    const QSize view = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, int(std::ceil(m_layout.width())) - view.width()));
    horizontalScrollBar()->setPageStep(view.width());
    verticalScrollBar()->setRange(0, std::max(0, int(std::ceil(m_layout.height())) - view.height()));
    verticalScrollBar()->setPageStep(view.height());
    verticalScrollBar()->setSingleStep(int(m_layout.options().step));
}

} // namespace wirescope

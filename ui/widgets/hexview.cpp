#include "ui/widgets/hexview.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

namespace wirescope {

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    setAccessibleName(tr("Hex dump"));
    updateScrollBars();
}

HexLayout HexView::layoutGeometry() const
{
    const QFontMetricsF metrics(font());
    return HexLayout(metrics.horizontalAdvance(QLatin1Char('0')), metrics.height() + 2);
}

QSize HexView::sizeHint() const
{
    const QSizeF content = layoutGeometry().contentSize(16 * 8);
    return QSize(int(content.width()) + 2 * frameWidth() + verticalScrollBar()->sizeHint().width() + 8,
                 int(content.height()) + 2 * frameWidth());
}

void HexView::setBytes(const QByteArray &bytes, const QList<HexField> &fields)
{
    m_bytes = bytes;
    m_fields = fields;
    m_selStart = 0;
    m_selLength = 0;
    m_anchor = -1;
    m_cursor = 0;
    updateScrollBars();
    verticalScrollBar()->setValue(0);
    viewport()->update();
}

void HexView::setSelection(qint64 start, qint64 length)
{
    start = qBound<qint64>(0, start, m_bytes.size());
    length = qBound<qint64>(0, length, m_bytes.size() - start);
    m_selStart = start;
    m_selLength = length;
    if (length > 0) {
        m_cursor = start;
        // Bring the start of the range into view.
        const HexLayout layout = layoutGeometry();
        const qint64 row = start / layout.bytesPerRow();
        const int first = verticalScrollBar()->value();
        const int visible = qMax(1, int(viewport()->height() / layout.lineHeight()));
        if (row < first || row >= first + visible)
            verticalScrollBar()->setValue(int(qMax<qint64>(0, row - 1)));
    }
    viewport()->update();
}

void HexView::selectField(int field)
{
    if (field < 0 || field >= m_fields.size()) {
        setSelection(0, 0);
        return;
    }
    setSelection(m_fields.at(field).start, m_fields.at(field).length);
}

int HexView::currentField() const
{
    return m_selLength > 0 ? hexFieldAt(m_fields, m_selStart) : -1;
}

QPoint HexView::hexCellCenter(qint64 index) const
{
    const HexLayout layout = layoutGeometry();
    const QRectF cell = layout.hexCellRect(index);
    const QPointF origin(-horizontalScrollBar()->value(), -verticalScrollBar()->value() * layout.lineHeight());
    return (cell.center() + origin).toPoint();
}

QPointF HexView::toContent(QPoint viewportPoint) const
{
    const HexLayout layout = layoutGeometry();
    return QPointF(viewportPoint) + QPointF(horizontalScrollBar()->value(),
                                            verticalScrollBar()->value() * layout.lineHeight());
}

void HexView::updateScrollBars()
{
    const HexLayout layout = layoutGeometry();
    const QSizeF content = layout.contentSize(m_bytes.size());
    const int visibleRows = qMax(1, int(viewport()->height() / layout.lineHeight()));
    // The vertical bar scrolls in rows so a large payload never overflows int pixels.
    verticalScrollBar()->setRange(0, int(qMax<qint64>(0, layout.rowCount(m_bytes.size()) - visibleRows)));
    verticalScrollBar()->setPageStep(visibleRows);
    verticalScrollBar()->setSingleStep(1);
    horizontalScrollBar()->setRange(0, qMax(0, int(content.width()) - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
}

QColor HexView::fieldColor(int field) const
{
    // Alternating tints of the highlight colour keep adjacent fields apart in light and dark palettes.
    QColor color = palette().color(QPalette::Highlight);
    color.setAlpha(field % 2 == 0 ? 40 : 80);
    return color;
}

void HexView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    painter.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    painter.setFont(font());

    const HexLayout layout = layoutGeometry();
    const qint64 firstRow = verticalScrollBar()->value();
    const qint64 rows = layout.rowCount(m_bytes.size());
    const qint64 lastRow = qMin(rows, firstRow + qint64(viewport()->height() / layout.lineHeight()) + 2);
    painter.translate(-horizontalScrollBar()->value(), -qreal(firstRow) * layout.lineHeight());

    const int perRow = layout.bytesPerRow();
    const QColor dim = pal.color(QPalette::PlaceholderText);
    const QColor text = pal.color(QPalette::Text);
    const QColor selectedText = pal.color(QPalette::HighlightedText);
    const int hovered = currentField();
    for (qint64 row = firstRow; row < lastRow; ++row) {
        painter.setPen(dim);
        painter.drawText(layout.offsetRect(row), Qt::AlignLeft | Qt::AlignVCenter,
                         HexLayout::offsetText(row * perRow));
        for (int column = 0; column < perRow; ++column) {
            const qint64 index = row * perRow + column;
            if (index >= m_bytes.size())
                break;
            QRectF hexCell = layout.hexCellRect(index);
            const QRectF asciiCell = layout.asciiCellRect(index);
            const bool selected = index >= m_selStart && index < m_selStart + m_selLength;
            const int field = hexFieldAt(m_fields, index);
            // Widen the background to the following space unless the next byte starts another field.
            const bool joinNext = column + 1 < perRow && index + 1 < m_bytes.size()
                && (selected ? index + 1 < m_selStart + m_selLength : hexFieldAt(m_fields, index + 1) == field);
            if (joinNext)
                hexCell.setRight(layout.hexCellRect(index + 1).left());
            if (selected) {
                painter.fillRect(hexCell, pal.color(QPalette::Highlight));
                painter.fillRect(asciiCell, pal.color(QPalette::Highlight));
            } else if (field >= 0) {
                QColor tint = fieldColor(field);
                if (field == hovered)
                    tint.setAlpha(140);
                painter.fillRect(hexCell, tint);
                painter.fillRect(asciiCell, tint);
            }
            painter.setPen(selected ? selectedText : text);
            const auto value = static_cast<unsigned char>(m_bytes.at(index));
            const QString hex = QString::number(value >> 4, 16) + QString::number(value & 0xf, 16);
            painter.drawText(layout.hexCellRect(index), Qt::AlignLeft | Qt::AlignVCenter, hex);
            painter.drawText(asciiCell, Qt::AlignCenter, QString(HexLayout::printable(m_bytes.at(index))));
        }
    }
    if (hasFocus() && !m_bytes.isEmpty()) {
        painter.setPen(pal.color(QPalette::Text));
        painter.drawRect(layout.hexCellRect(qMin<qint64>(m_cursor, m_bytes.size() - 1)).adjusted(-1, 0, 0, -1));
    }
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HexView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateScrollBars();
    QAbstractScrollArea::changeEvent(event);
}

bool HexView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const qint64 index = layoutGeometry().byteAt(toContent(help->pos()), m_bytes.size());
        const int field = hexFieldAt(m_fields, index);
        if (index >= 0) {
            const auto value = static_cast<unsigned char>(m_bytes.at(index));
            QString tip = tr("Offset %1 (0x%2): 0x%3 = %4")
                              .arg(index)
                              .arg(index, 0, 16)
                              .arg(value, 2, 16, QLatin1Char('0'))
                              .arg(value);
            if (field >= 0)
                tip += u'\n' + m_fields.at(field).name;
            QToolTip::showText(help->globalPos(), tip, viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void HexView::userSelect(qint64 anchor, qint64 cursor)
{
    m_anchor = anchor;
    m_cursor = cursor;
    m_selStart = qMin(anchor, cursor);
    m_selLength = qAbs(cursor - anchor) + 1;
    viewport()->update();
}

void HexView::finishUserSelection()
{
    Q_EMIT bytesSelected(m_selStart, m_selLength);
    const int field = hexFieldAt(m_fields, m_selStart);
    if (field >= 0)
        Q_EMIT fieldSelected(field);
}

void HexView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const qint64 index = layoutGeometry().byteAt(toContent(event->position().toPoint()), m_bytes.size());
    if (index < 0)
        return;
    m_dragging = true;
    if (event->modifiers() & Qt::ShiftModifier && m_anchor >= 0)
        userSelect(m_anchor, index);
    else
        userSelect(index, index);
}

void HexView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    const qint64 index = layoutGeometry().nearestByte(toContent(event->position().toPoint()), m_bytes.size());
    if (index >= 0 && index != m_cursor)
        userSelect(m_anchor, index);
}

void HexView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragging)
        return;
    m_dragging = false;
    finishUserSelection();
}

void HexView::keyPressEvent(QKeyEvent *event)
{
    if (m_bytes.isEmpty())
        return QAbstractScrollArea::keyPressEvent(event);
    const int perRow = layoutGeometry().bytesPerRow();
    qint64 next = m_cursor;
    switch (event->key()) {
    case Qt::Key_Left: next -= 1; break;
    case Qt::Key_Right: next += 1; break;
    case Qt::Key_Up: next -= perRow; break;
    case Qt::Key_Down: next += perRow; break;
    case Qt::Key_Home: next = 0; break;
    case Qt::Key_End: next = m_bytes.size() - 1; break;
    default: return QAbstractScrollArea::keyPressEvent(event);
    }
    next = qBound<qint64>(0, next, m_bytes.size() - 1);
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    userSelect(extend && m_anchor >= 0 ? m_anchor : next, next);
    setSelection(m_selStart, m_selLength); // scrolls into view
    finishUserSelection();
}

} // namespace wirescope

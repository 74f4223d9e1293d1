#include "ui/ws/wsframediagram.h"

#include "ui/ws/wsframefieldsmodel.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QToolTip>
#include <QMouseEvent>
#include <QPainter>

namespace wirescope {

namespace {
constexpr int kBitsPerRow = 32;
constexpr qreal kSideMargin = 4;

// Field widths in bits, in wire order (RFC 6455 §5.2).
int fieldBits(WsField field, const WsFrameHeader &header)
{
    switch (field) {
    case WsField::Fin:
    case WsField::Rsv1:
    case WsField::Rsv2:
    case WsField::Rsv3:
    case WsField::Mask: return 1;
    case WsField::Opcode: return 4;
    case WsField::Length7: return 7;
    case WsField::ExtLength:
        return header.lengthEncoding == WsLengthEncoding::Bits16 ? 16
            : header.lengthEncoding == WsLengthEncoding::Bits64  ? 64
                                                                 : 0;
    case WsField::MaskingKey: return header.masked ? 32 : 0;
    case WsField::Payload: return 0;
    }
    return 0;
}
} // namespace

QList<WsDiagramCell> wsDiagramCells(const WsFrameHeader &header, const QByteArray &headerBytes)
{
    QList<WsDiagramCell> cells;
    int bit = 0; // absolute bit position in the header
    for (int f = 0; f < WsFieldCount - 1; ++f) {
        const WsField field = WsField(f);
        int remaining = fieldBits(field, header);
        bool continued = false;
        while (remaining > 0) {
            WsDiagramCell cell;
            cell.field = field;
            cell.row = bit / kBitsPerRow;
            cell.firstBit = bit % kBitsPerRow;
            cell.bitCount = qMin(remaining, kBitsPerRow - cell.firstBit);
            cell.continued = continued;
            for (int b = bit; b < bit + cell.bitCount; ++b) {
                const int byte = b / 8;
                const bool set = byte < headerBytes.size() && (quint8(headerBytes.at(byte)) & (0x80 >> (b % 8)));
                cell.bits += set ? u'1' : u'0';
            }
            cells.append(cell);
            bit += cell.bitCount;
            remaining -= cell.bitCount;
            continued = true;
        }
    }
    return cells;
}

WsFrameDiagram::WsFrameDiagram(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("RFC 6455 frame header diagram"));
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void WsFrameDiagram::setFrame(const WsFrame &frame)
{
    m_frame = frame;
    m_hasFrame = true;
    m_cells = wsDiagramCells(frame.header, frame.headerBytes);
    m_current = -1;
    updateGeometry();
    update();
}

void WsFrameDiagram::clear()
{
    m_hasFrame = false;
    m_cells.clear();
    updateGeometry();
    update();
}

void WsFrameDiagram::setCurrentField(int field)
{
    m_current = field;
    update();
}

qreal WsFrameDiagram::rowHeight() const
{
    return QFontMetricsF(font()).height() * 3.2;
}

qreal WsFrameDiagram::topMargin() const
{
    return QFontMetricsF(font()).height() * 2.0; // the two lines of bit numbers
}

int WsFrameDiagram::payloadRows() const
{
    return 2; // masked bytes, unmasked bytes
}

qreal WsFrameDiagram::payloadRowHeight() const
{
    // One line each: the bytes are in the hex view below at full length; here they only
    // show where the payload starts and what unmasking does to it.
    return QFontMetricsF(font()).height() * 1.5;
}

QSize WsFrameDiagram::sizeHint() const
{
    return QSize(640, heightForWidth(640));
}

QSize WsFrameDiagram::minimumSizeHint() const
{
    return QSize(360, heightForWidth(360));
}

int WsFrameDiagram::heightForWidth(int) const
{
    const int headerRows = m_cells.isEmpty() ? 1 : m_cells.last().row + 1;
    return int(topMargin() + headerRows * rowHeight() + payloadRows() * payloadRowHeight() + 4);
}

QRectF WsFrameDiagram::cellRect(const WsDiagramCell &cell, qreal width) const
{
    const qreal bitWidth = (width - 2 * kSideMargin) / kBitsPerRow;
    return QRectF(kSideMargin + cell.firstBit * bitWidth, topMargin() + cell.row * rowHeight(),
                  cell.bitCount * bitWidth, rowHeight());
}

static QString shortName(WsField field, int bitCount)
{
    // One-bit boxes are too narrow for names: F(IN), R(SV)1-3, M(ASK); the tooltip and the
    // fields table spell them out.
    switch (field) {
    case WsField::Fin: return QStringLiteral("F");
    case WsField::Rsv1: return QStringLiteral("R1");
    case WsField::Rsv2: return QStringLiteral("R2");
    case WsField::Rsv3: return QStringLiteral("R3");
    case WsField::Mask: return QStringLiteral("M");
    default: return bitCount > 0 ? WsFrameFieldsModel::fieldTitle(field) : QString();
    }
}

void WsFrameDiagram::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QPalette &pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    if (!m_hasFrame) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("Select a frame in the log to see its header bit by bit."));
        return;
    }
    const qreal w = width();
    const qreal bitWidth = (w - 2 * kSideMargin) / kBitsPerRow;
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.8);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF fm(small);

    // Bit numbers as in the RFC: tens on the first line, units on the second.
    painter.setFont(small);
    painter.setPen(pal.color(QPalette::PlaceholderText));
    for (int b = 0; b < kBitsPerRow; ++b) {
        const QRectF column(kSideMargin + b * bitWidth, 0, bitWidth, fm.height());
        if (b % 10 == 0)
            painter.drawText(column, Qt::AlignCenter, QString::number(b / 10));
        painter.drawText(column.translated(0, fm.height()), Qt::AlignCenter, QString::number(b % 10));
    }

    const QColor highlight = pal.color(QPalette::Highlight);
    QColor headerTint = highlight;
    headerTint.setAlpha(28);
    QColor setBitTint = highlight;
    setBitTint.setAlpha(70);
    WsFrameFieldsModel values; // the same value texts as the fields table
    values.setFrame(m_frame);
    for (const WsDiagramCell &cell : m_cells) {
        const QRectF box = cellRect(cell, w);
        const bool current = int(cell.field) == m_current;
        const bool oneBit = fieldBits(cell.field, m_frame.header) == 1;
        QColor fill = current ? highlight : (oneBit && cell.bits == QStringLiteral("1") ? setBitTint : headerTint);
        painter.fillRect(box, fill);
        painter.setPen(QPen(pal.color(QPalette::Mid), 1));
        painter.drawRect(box);
        painter.setPen(current ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
        const qreal line = box.height() / 3;
        if (oneBit) {
            // FIN / RSV1 / MASK: name small on top, the bit big below.
            painter.setFont(small);
            painter.drawText(QRectF(box.left(), box.top(), box.width(), line), Qt::AlignCenter,
                             shortName(cell.field, 1).left(int(box.width() / fm.averageCharWidth())));
            painter.setFont(bold);
            painter.drawText(QRectF(box.left(), box.top() + line, box.width(), 2 * line), Qt::AlignCenter, cell.bits);
            continue;
        }
        painter.setFont(small);
        QString title = shortName(cell.field, cell.bitCount);
        if (cell.continued)
            title = tr("%1 (continued)").arg(title);
        painter.drawText(QRectF(box.left() + 2, box.top(), box.width() - 4, line), Qt::AlignCenter,
                         fm.elidedText(title, Qt::ElideRight, box.width() - 4));
        painter.setFont(bold);
        // The opcode box is 4 bits wide: "0x1 (text)" gives way to "text", then to "0x1",
        // rather than to "0x1 (t…" (the bits line below still shows the value).
        QStringList candidates{cell.continued ? QString() : values.valueText(cell.field)};
        if (cell.field == WsField::Opcode)
            candidates << wsOpcodeName(m_frame.header.opcode)
                       << QStringLiteral("0x") + QString::number(quint8(m_frame.header.opcode), 16).toUpper();
        const QFontMetricsF boldMetrics(bold);
        QString value = candidates.last();
        for (const QString &candidate : std::as_const(candidates)) {
            if (boldMetrics.horizontalAdvance(candidate) <= box.width() - 4) {
                value = candidate;
                break;
            }
        }
        painter.drawText(QRectF(box.left() + 2, box.top() + line, box.width() - 4, line), Qt::AlignCenter,
                         boldMetrics.elidedText(value, Qt::ElideRight, box.width() - 4));
        painter.setFont(mono);
        painter.drawText(QRectF(box.left() + 2, box.top() + 2 * line, box.width() - 4, line), Qt::AlignCenter,
                         QFontMetricsF(mono).elidedText(cell.bits, Qt::ElideMiddle, box.width() - 4));
    }

    // Payload: the bytes on the wire, then (masked frames) the same bytes after the XOR.
    const int headerRows = m_cells.isEmpty() ? 1 : m_cells.last().row + 1;
    const qreal top = topMargin() + headerRows * rowHeight();
    const bool current = m_current == int(WsField::Payload);
    const QByteArray wire = m_frame.maskedPayload().left(64);
    const QByteArray plain = m_frame.payload.left(64);
    const QString more = qint64(m_frame.header.payloadLength) > 64 ? QStringLiteral(" \u2026") : QString();
    const struct {
        QString title;
        QString text;
    } rows[2] = {
        {m_frame.header.masked ? tr("Payload data as sent (masked)") : tr("Payload data"),
         QString::fromLatin1(wire.toHex(' ')) + more},
        {m_frame.header.masked ? tr("Payload data unmasked (XOR with %1)").arg(QString::fromLatin1(wsMaskKeyHex(m_frame.header.maskingKey.value_or(WsMaskKey{}))))
                               : tr("Payload data as text"),
         (m_frame.header.opcode == WsOpcode::Binary || plain.contains('\0')) ? QString::fromLatin1(plain.toHex(' ')) + more
                                                                            : QString::fromUtf8(plain).simplified() + more},
    };
    for (int r = 0; r < 2; ++r) {
        const QRectF box(kSideMargin, top + r * payloadRowHeight(), w - 2 * kSideMargin, payloadRowHeight());
        painter.fillRect(box, current ? highlight : headerTint);
        painter.setPen(QPen(pal.color(QPalette::Mid), 1, r == 0 ? Qt::SolidLine : Qt::DashLine));
        painter.drawRect(box);
        painter.setPen(current ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
        const QString title = rows[r].title + QStringLiteral(":");
        painter.setFont(small);
        const qreal titleWidth = QFontMetricsF(small).horizontalAdvance(title) + 8;
        painter.drawText(QRectF(box.left() + 6, box.top(), titleWidth, box.height()), Qt::AlignLeft | Qt::AlignVCenter, title);
        painter.setFont(mono);
        const QRectF textBox(box.left() + 6 + titleWidth, box.top(), box.width() - 12 - titleWidth, box.height());
        painter.drawText(textBox, Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(mono).elidedText(rows[r].text.isEmpty() ? tr("(empty)") : rows[r].text, Qt::ElideRight, textBox.width()));
    }
}

bool WsFrameDiagram::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_hasFrame) {
        auto *help = static_cast<QHelpEvent *>(event);
        WsFrameFieldsModel values;
        values.setFrame(m_frame);
        for (const WsDiagramCell &cell : std::as_const(m_cells)) {
            if (cellRect(cell, width()).contains(help->pos())) {
                QToolTip::showText(help->globalPos(),
                                   QStringLiteral("%1 = %2\n%3").arg(WsFrameFieldsModel::fieldTitle(cell.field),
                                                                     values.valueText(cell.field), values.meaningText(cell.field)),
                                   this);
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void WsFrameDiagram::mousePressEvent(QMouseEvent *event)
{
    if (!m_hasFrame)
        return;
    const QPointF pos = event->position();
    for (const WsDiagramCell &cell : m_cells) {
        if (cellRect(cell, width()).contains(pos)) {
            setCurrentField(int(cell.field));
            Q_EMIT fieldClicked(int(cell.field));
            return;
        }
    }
    const int headerRows = m_cells.isEmpty() ? 1 : m_cells.last().row + 1;
    if (pos.y() >= topMargin() + headerRows * rowHeight()) {
        setCurrentField(int(WsField::Payload));
        Q_EMIT fieldClicked(int(WsField::Payload));
    }
}

} // namespace wirescope

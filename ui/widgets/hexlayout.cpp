#include "ui/widgets/hexlayout.h"

#include <QtMath>

namespace wirescope {

namespace {
constexpr int kOffsetChars = 8;    // "00000000"
constexpr int kOffsetGapChars = 2; // two spaces before the first hex cell
constexpr int kHexCellChars = 3;   // "xx "
constexpr int kAsciiGapChars = 2;  // between the hex and the printable column
} // namespace

int hexFieldAt(const QList<HexField> &fields, qint64 byte)
{
    for (int i = 0; i < fields.size(); ++i) {
        if (fields.at(i).contains(byte))
            return i;
    }
    return -1;
}

HexLayout::HexLayout(qreal charWidth, qreal lineHeight, int bytesPerRow)
    : m_charWidth(charWidth)
    , m_lineHeight(lineHeight)
    , m_bytesPerRow(qMax(1, bytesPerRow))
{
}

qint64 HexLayout::rowCount(qint64 size) const
{
    return size <= 0 ? 0 : (size + m_bytesPerRow - 1) / m_bytesPerRow;
}

qreal HexLayout::hexColumnX(int column) const
{
    // One extra character of gap after every group of 8 bytes.
    const int groupGap = column / 8;
    return (kOffsetChars + kOffsetGapChars + column * kHexCellChars + groupGap) * m_charWidth;
}

qreal HexLayout::asciiColumnX(int column) const
{
    const qreal hexEnd = hexColumnX(m_bytesPerRow - 1) + kHexCellChars * m_charWidth;
    return hexEnd + kAsciiGapChars * m_charWidth + column * m_charWidth;
}

QSizeF HexLayout::contentSize(qint64 size) const
{
    return {asciiColumnX(m_bytesPerRow) + m_charWidth, qreal(rowCount(size)) * m_lineHeight};
}

QRectF HexLayout::offsetRect(qint64 row) const
{
    return {0, qreal(row) * m_lineHeight, kOffsetChars * m_charWidth, m_lineHeight};
}

QRectF HexLayout::hexCellRect(qint64 index) const
{
    const qint64 row = index / m_bytesPerRow;
    const int column = int(index % m_bytesPerRow);
    return {hexColumnX(column), qreal(row) * m_lineHeight, 2 * m_charWidth, m_lineHeight};
}

QRectF HexLayout::asciiCellRect(qint64 index) const
{
    const qint64 row = index / m_bytesPerRow;
    const int column = int(index % m_bytesPerRow);
    return {asciiColumnX(column), qreal(row) * m_lineHeight, m_charWidth, m_lineHeight};
}

qint64 HexLayout::byteAt(QPointF point, qint64 size) const
{
    if (point.y() < 0 || point.x() < 0)
        return -1;
    const qint64 row = qint64(point.y() / m_lineHeight);
    if (row >= rowCount(size))
        return -1;
    for (int column = 0; column < m_bytesPerRow; ++column) {
        const qint64 index = row * m_bytesPerRow + column;
        if (index >= size)
            break;
        // A hex cell owns its trailing space too, so clicks between cells land somewhere.
        const qreal hexLeft = hexColumnX(column);
        if (point.x() >= hexLeft && point.x() < hexLeft + kHexCellChars * m_charWidth)
            return index;
        const qreal asciiLeft = asciiColumnX(column);
        if (point.x() >= asciiLeft && point.x() < asciiLeft + m_charWidth)
            return index;
    }
    return -1;
}

qint64 HexLayout::nearestByte(QPointF point, qint64 size) const
{
    if (size <= 0)
        return -1;
    const qint64 row = qBound<qint64>(0, qint64(qFloor(point.y() / m_lineHeight)), rowCount(size) - 1);
    const bool inAscii = point.x() >= asciiColumnX(0) - m_charWidth;
    int column = 0;
    for (int c = m_bytesPerRow - 1; c >= 0; --c) {
        const qreal left = inAscii ? asciiColumnX(c) : hexColumnX(c);
        if (point.x() >= left) {
            column = c;
            break;
        }
    }
    return qMin(size - 1, row * m_bytesPerRow + column);
}

QString HexLayout::offsetText(qint64 offset)
{
    return QStringLiteral("%1").arg(offset, kOffsetChars, 16, QLatin1Char('0'));
}

QChar HexLayout::printable(char byte)
{
    const auto value = static_cast<unsigned char>(byte);
    return (value >= 0x20 && value < 0x7f) ? QChar(QLatin1Char(byte)) : QChar(u'.');
}

} // namespace wirescope

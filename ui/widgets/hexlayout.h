#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

namespace wirescope {

// A named byte range shown in a hex dump (a frame header field, the payload, ...).
struct HexField {
    QString name;
    qint64 start = 0;
    qint64 length = 0;

    bool contains(qint64 byte) const { return byte >= start && byte < start + length; }
};

// Index of the first field containing `byte`, or -1. Fields may nest (the payload
// length "field" includes its extension); the first listed wins, so list the specific ones first.
int hexFieldAt(const QList<HexField> &fields, qint64 byte);

// Geometry of a classic hex dump, as pure values so it is tested without painting:
//   00000000  81 85 37 fa 21 3d 7f 9f  4d 51 58              ..7.!=..MQX
// offset column, hex cells (an extra gap after every 8 bytes), then the printable column.
class HexLayout
{
public:
    HexLayout(qreal charWidth, qreal lineHeight, int bytesPerRow = 16);

    int bytesPerRow() const { return m_bytesPerRow; }
    qreal lineHeight() const { return m_lineHeight; }
    qint64 rowCount(qint64 size) const;
    QSizeF contentSize(qint64 size) const;

    QRectF offsetRect(qint64 row) const;
    QRectF hexCellRect(qint64 index) const;
    QRectF asciiCellRect(qint64 index) const;
    // The byte under a point (hex or printable column), -1 outside any cell of `size` bytes.
    qint64 byteAt(QPointF point, qint64 size) const;
    // The closest byte to a point, used while dragging past the end of a line.
    qint64 nearestByte(QPointF point, qint64 size) const;

    static QString offsetText(qint64 offset);
    static QChar printable(char byte);

private:
    qreal hexColumnX(int column) const;
    qreal asciiColumnX(int column) const;

    qreal m_charWidth;
    qreal m_lineHeight;
    int m_bytesPerRow;
};

} // namespace wirescope

#pragma once

#include "core/wire/wsframe.h"

#include <QList>
#include <QRectF>
#include <QString>
#include <QWidget>

namespace wirescope {

// One box of the RFC 6455 §5.2 diagram: a field (or the part of it on one 32-bit row).
struct WsDiagramCell {
    WsField field = WsField::Fin;
    int row = 0;       // 32-bit row of the diagram
    int firstBit = 0;  // 0-31 within the row
    int bitCount = 1;
    bool continued = false; // the field started on an earlier row
    QString bits;      // this piece's bit values, "1", "0001", ...
};

// Where each field of a header falls on the 32-bit rows of the RFC's diagram, for this
// frame's actual sizes (no extended length, 16 or 64 bits; key or not). Pure values.
QList<WsDiagramCell> wsDiagramCells(const WsFrameHeader &header, const QByteArray &headerBytes);

// Draws the RFC 6455 §5.2 base framing diagram filled with one frame's values, then the
// masked and unmasked payload. Clicking a field selects it (fieldClicked).
class WsFrameDiagram : public QWidget
{
    Q_OBJECT
public:
    explicit WsFrameDiagram(QWidget *parent = nullptr);

    void setFrame(const WsFrame &frame);
    void clear();
    void setCurrentField(int field); // WsField as int, -1 for none
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    int heightForWidth(int width) const override;
    bool hasHeightForWidth() const override { return true; }

    // Geometry for a widget width (pure; also used by the hit test).
    QRectF cellRect(const WsDiagramCell &cell, qreal width) const;

Q_SIGNALS:
    void fieldClicked(int field);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    qreal rowHeight() const;
    qreal topMargin() const;
    int payloadRows() const;
    qreal payloadRowHeight() const;

    WsFrame m_frame;
    bool m_hasFrame = false;
    QList<WsDiagramCell> m_cells;
    int m_current = -1;
};

} // namespace wirescope

#pragma once

#include "ui/widgets/hexlayout.h"

#include <QAbstractScrollArea>
#include <QByteArray>

namespace wirescope {

// A read-only hex dump of captured bytes with named fields. Selecting bytes (mouse or
// keyboard) reports the range and the field under it; setSelection() highlights a field's
// bytes when it is chosen elsewhere (the frame inspector's fields table).
class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit HexView(QWidget *parent = nullptr);

    void setBytes(const QByteArray &bytes, const QList<HexField> &fields = {});
    QByteArray bytes() const { return m_bytes; }
    QList<HexField> fields() const { return m_fields; }

    // Selected range; length 0 means nothing selected.
    qint64 selectionStart() const { return m_selStart; }
    qint64 selectionLength() const { return m_selLength; }
    void setSelection(qint64 start, qint64 length);
    void selectField(int field);
    int currentField() const;

    HexLayout layoutGeometry() const;
    // Viewport coordinates of a byte's hex cell centre (used by tests and tooltips).
    QPoint hexCellCenter(qint64 index) const;
    QSize sizeHint() const override;

Q_SIGNALS:
    // Emitted on user selection only, never for setSelection() calls.
    void bytesSelected(qint64 start, qint64 length);
    void fieldSelected(int field);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void updateScrollBars();
    void userSelect(qint64 anchor, qint64 cursor);
    void finishUserSelection();
    QPointF toContent(QPoint viewportPoint) const;
    QColor fieldColor(int field) const;

    QByteArray m_bytes;
    QList<HexField> m_fields;
    qint64 m_selStart = 0;
    qint64 m_selLength = 0;
    qint64 m_anchor = -1;
    qint64 m_cursor = 0;
    bool m_dragging = false;
};

} // namespace wirescope

#pragma once

#include "core/session/sequencelayout.h"

#include <QAbstractScrollArea>

class QPainter;

namespace wirescope {

// Paints a SequenceLayout (core/session): the lanes, the arrows with their labels, the HTTP
// phases and the time of each arrow, scrollable both ways. Clicking an arrow selects it and
// reports its timeline row; setSelectedRow() highlights the arrows of a row and scrolls to it.
class SequenceDiagramView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit SequenceDiagramView(QWidget *parent = nullptr);

    void setLayout(SequenceLayout layout);
    const SequenceLayout &diagram() const { return m_layout; }
    // Highlights the arrows drawn from timeline row `row` (-1: none) and scrolls to them.
    void setSelectedRow(qsizetype row);
    qsizetype selectedRow() const { return m_selectedRow; }
    // The arrow under a point of the viewport, -1 when none.
    int arrowAt(const QPoint &viewportPos) const;
    // Where arrow `index` is drawn in the viewport (for tests and tooltips).
    QPoint arrowPosition(int index) const;
    // Scrolls so that session time tNs is at the top third of the viewport.
    void scrollToTime(qint64 tNs);
    // The session time at the viewport's top third.
    qint64 timeInView() const;

    // Paints the diagram at (0, 0): the part inside `clip` (diagram coordinates), or all of
    // it (the PNG export) when clip is null.
    void paintDiagram(QPainter &painter, const QRectF &clip = {}) const;
    // What an arrow says, in the user's language.
    static QString arrowLabel(const SequenceArrow &arrow);

Q_SIGNALS:
    // The user clicked an arrow drawn from this timeline row.
    void rowClicked(qsizetype row);
    void scrolled();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void updateScrollBars();
    QPoint origin() const; // the diagram's (0, 0) in viewport coordinates

    SequenceLayout m_layout;
    qsizetype m_selectedRow = -1;
};

} // namespace wirescope

#pragma once

#include "core/session/annotations.h"

#include <QIcon>
#include <QObject>

#include <functional>

class QAbstractItemView;
class QAction;
class QLabel;
class QWidget;
class QModelIndex;

namespace wirescope {

// "Add Note…" / "Edit Note…" and "Remove Note" for the rows of a view over the session's
// timeline (the WebSocket log, the HTTP history): put in the view's context menu, they act on
// its current row, and follow it (and the row's note) in their text and state.
class NoteActions : public QObject
{
    Q_OBJECT
public:
    // `rowOf` is the timeline row a view index stands for (-1: none).
    NoteActions(Annotations *annotations, QAbstractItemView *view,
                std::function<qsizetype(const QModelIndex &)> rowOf);

    QAction *editAction() const { return m_edit; }
    QAction *removeAction() const { return m_remove; }
    // The timeline row of the view's current index, -1 when there is none.
    qsizetype currentRow() const;

    // What the menu items do: edit opens the note dialog on the current row.
    void editNote();
    void removeNote();

    // The marker of an annotated row (models make it once: data() runs per cell and repaint),
    // and its tooltip text (label, then the note).
    static QIcon icon();
    static QString toolTip(const SessionAnnotation &annotation);
    // The banner a details pane shows the selected row's note in: hidden while the row has
    // none (an empty annotation).
    static QLabel *createBanner(QWidget *parent);
    static void showOnBanner(QLabel *banner, const SessionAnnotation &annotation);

private:
    void update();

    Annotations *m_annotations;
    QAbstractItemView *m_view;
    std::function<qsizetype(const QModelIndex &)> m_rowOf;
    QAction *m_edit;
    QAction *m_remove;
};

} // namespace wirescope

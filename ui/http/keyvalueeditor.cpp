#include "ui/http/keyvalueeditor.h"

#include "ui/http/keyvaluemodel.h"

#include <QCompleter>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QStyledItemDelegate>

#include <algorithm>

namespace wirescope {

namespace {

// Name column editor with a completer; value column edits as plain text.
class NameCompletionDelegate : public QStyledItemDelegate
{
public:
    NameCompletionDelegate(const QStringList &names, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_names(names)
    {
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            if (index.column() == int(KeyValueModel::Column::Name) && !m_names.isEmpty()) {
                auto *completer = new QCompleter(m_names, line);
                completer->setCaseSensitivity(Qt::CaseInsensitive);
                completer->setFilterMode(Qt::MatchStartsWith);
                line->setCompleter(completer);
            }
        }
        return editor;
    }

private:
    QStringList m_names;
};

} // namespace

KeyValueEditor::KeyValueEditor(KeyValueModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
{
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                    | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    setTabKeyNavigation(false); // Tab leaves the table, so the dialog's tab order works
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->resizeSection(int(KeyValueModel::Column::Name), 220);
    setAlternatingRowColors(true);
    setItemDelegate(new NameCompletionDelegate({}, this));
}

void KeyValueEditor::setNameCompletions(const QStringList &names)
{
    QAbstractItemDelegate *old = itemDelegate();
    setItemDelegate(new NameCompletionDelegate(names, this));
    delete old;
}

QStringList KeyValueEditor::commonRequestHeaders()
{
    return {
        QStringLiteral("Accept"),
        QStringLiteral("Accept-Charset"),
        QStringLiteral("Accept-Encoding"),
        QStringLiteral("Accept-Language"),
        QStringLiteral("Authorization"),
        QStringLiteral("Cache-Control"),
        QStringLiteral("Connection"),
        QStringLiteral("Content-Encoding"),
        QStringLiteral("Content-Language"),
        QStringLiteral("Content-Length"),
        QStringLiteral("Content-Type"),
        QStringLiteral("Cookie"),
        QStringLiteral("Date"),
        QStringLiteral("Expect"),
        QStringLiteral("Forwarded"),
        QStringLiteral("From"),
        QStringLiteral("Host"),
        QStringLiteral("If-Match"),
        QStringLiteral("If-Modified-Since"),
        QStringLiteral("If-None-Match"),
        QStringLiteral("If-Range"),
        QStringLiteral("If-Unmodified-Since"),
        QStringLiteral("Max-Forwards"),
        QStringLiteral("Origin"),
        QStringLiteral("Pragma"),
        QStringLiteral("Range"),
        QStringLiteral("Referer"),
        QStringLiteral("TE"),
        QStringLiteral("Upgrade"),
        QStringLiteral("User-Agent"),
        QStringLiteral("Via"),
        QStringLiteral("X-Forwarded-For"),
        QStringLiteral("X-Request-ID"),
        QStringLiteral("X-Requested-With"),
    };
}

void KeyValueEditor::removeSelectedRows()
{
    QList<int> rows;
    const QModelIndexList selected = selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        if (!m_model->isPlaceholder(index))
            rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : std::as_const(rows))
        m_model->removeRowAt(row);
}

void KeyValueEditor::keyPressEvent(QKeyEvent *event)
{
    if (state() != QAbstractItemView::EditingState
        && (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)) {
        removeSelectedRows();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

QModelIndex KeyValueEditor::neighbour(int row, int column, bool next) const
{
    const int name = int(KeyValueModel::Column::Name);
    const int value = int(KeyValueModel::Column::Value);
    if (next) {
        if (column == name)
            return m_model->index(row, value);
        return row + 1 < m_model->rowCount() ? m_model->index(row + 1, name) : QModelIndex();
    }
    if (column == value)
        return m_model->index(row, name);
    return row > 0 ? m_model->index(row - 1, value) : QModelIndex();
}

bool KeyValueEditor::editNeighbour(int row, int column, bool next)
{
    const QModelIndex to = neighbour(row, column, next);
    if (!to.isValid())
        return false;
    setCurrentIndex(to);
    edit(to);
    return true;
}

bool KeyValueEditor::focusNextPrevChild(bool next)
{
    const QModelIndex current = currentIndex();
    if (hasFocus() && current.isValid() && state() != QAbstractItemView::EditingState
        && editNeighbour(current.row(), current.column(), next))
        return true;
    return QTableView::focusNextPrevChild(next); // out of the table, along the window's tab order
}

void KeyValueEditor::commitData(QWidget *editor)
{
    m_committedRow = currentIndex().row();
    m_committedColumn = currentIndex().column();
    QTableView::commitData(editor);
}

void KeyValueEditor::closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint)
{
    if (hint != QAbstractItemDelegate::EditNextItem && hint != QAbstractItemDelegate::EditPreviousItem) {
        QTableView::closeEditor(editor, hint);
        return;
    }
    const bool next = hint == QAbstractItemDelegate::EditNextItem;
    const int row = m_committedRow >= 0 ? m_committedRow : currentIndex().row();
    const int column = m_committedRow >= 0 ? m_committedColumn : currentIndex().column();
    m_committedRow = m_committedColumn = -1;
    QTableView::closeEditor(editor, QAbstractItemDelegate::NoHint);
    if (!editNeighbour(row, column, next)) {
        setCurrentIndex(m_model->index(row, column));
        QTableView::focusNextPrevChild(next);
    }
}

void KeyValueEditor::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *remove = menu.addAction(tr("&Remove Row"), this, &KeyValueEditor::removeSelectedRows);
    remove->setShortcut(QKeySequence::Delete);
    remove->setEnabled(!selectionModel()->selectedRows().isEmpty());
    menu.exec(event->globalPos());
}

} // namespace wirescope

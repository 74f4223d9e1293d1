#pragma once

#include <QStringList>
#include <QTableView>

namespace wirescope {

class KeyValueModel;

// A table over a KeyValueModel: checkbox + name + value, Delete removes the selected rows,
// and names can be completed from a list (common header names for the Headers tab). Tab moves
// as in Postman: name, value, the next row's name (the empty last row is the new row), and
// leaves the table after the last cell; Shift+Tab goes back the same way.
class KeyValueEditor : public QTableView
{
    Q_OBJECT
public:
    explicit KeyValueEditor(KeyValueModel *model, QWidget *parent = nullptr);

    KeyValueModel *keyValueModel() const { return m_model; }
    void setNameCompletions(const QStringList &names);
    void removeSelectedRows();

    // RFC 9110 / 9111 / 6265 / 7617 request header names users type most.
    static QStringList commonRequestHeaders();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void commitData(QWidget *editor) override;
    void closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint) override;

private:
    // The cell Tab (next) or Shift+Tab goes to from `from`; invalid: out of the table.
    QModelIndex neighbour(int row, int column, bool next) const;
    bool editNeighbour(int row, int column, bool next);

    KeyValueModel *m_model;
    // The cell being committed: a commit into the empty last row inserts a row and shifts
    // the view's current index down, so Tab must start from where the editor was.
    int m_committedRow = -1;
    int m_committedColumn = -1;
};

} // namespace wirescope

#pragma once

#include <QStringList>
#include <QTableView>

namespace wirescope {

class KeyValueModel;

// A table over a KeyValueModel: checkbox + name + value, Delete removes the selected rows,
// and names can be completed from a list (common header names for the Headers tab).
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

private:
    KeyValueModel *m_model;
};

} // namespace wirescope

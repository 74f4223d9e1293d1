#pragma once

#include "core/wire/httprequest.h"

#include <QAbstractTableModel>

namespace wirescope {

// Editable name/value rows with an enable checkbox (query parameters, headers, form fields).
// A last, empty row is always present: typing into it adds a row, as in Postman.
class KeyValueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Name = 0, Value, Count };

    explicit KeyValueModel(QObject *parent = nullptr);

    const QList<KeyValueRow> &rows() const { return m_rows; }
    // Replaces the rows without emitting rowsEdited(): used when the other view of the same
    // data changed (the URL for the parameters).
    void setRows(const QList<KeyValueRow> &rows);
    void removeRowAt(int row);
    void appendRow(const KeyValueRow &row);
    bool isPlaceholder(const QModelIndex &index) const { return index.row() == m_rows.size(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    void setColumnTitles(const QString &name, const QString &value);

signals:
    // The user changed the rows (edit, check, add, remove).
    void rowsEdited();

private:
    QList<KeyValueRow> m_rows;
    QString m_nameTitle;
    QString m_valueTitle;
};

} // namespace wirescope

#include "ui/http/keyvaluemodel.h"

namespace wirescope {

KeyValueModel::KeyValueModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_nameTitle(tr("Name"))
    , m_valueTitle(tr("Value"))
{
}

void KeyValueModel::setColumnTitles(const QString &name, const QString &value)
{
    m_nameTitle = name;
    m_valueTitle = value;
    emit headerDataChanged(Qt::Horizontal, 0, int(Column::Count) - 1);
}

void KeyValueModel::setRows(const QList<KeyValueRow> &rows)
{
    if (rows == m_rows)
        return;
    // Same row count: update in place so an open editor and the selection survive.
    if (rows.size() == m_rows.size()) {
        m_rows = rows;
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, int(Column::Count) - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void KeyValueModel::removeRowAt(int row)
{
    removeRows(row, 1);
}

void KeyValueModel::appendRow(const KeyValueRow &row)
{
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
    emit rowsEdited();
}

int KeyValueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) + 1;
}

int KeyValueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant KeyValueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (isPlaceholder(index)) {
        if (role == Qt::ToolTipRole)
            return tr("Type here to add a row");
        return {};
    }
    const KeyValueRow &row = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return column == Column::Name ? row.name : row.value;
    case Qt::CheckStateRole:
        if (column == Column::Name)
            return row.enabled ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        if (!row.enabled)
            return tr("Disabled: kept here, not sent");
        break;
    default:
        break;
    }
    return {};
}

bool KeyValueModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const auto column = Column(index.column());
    if (isPlaceholder(index)) {
        if (role != Qt::EditRole || value.toString().isEmpty())
            return false;
        KeyValueRow row;
        (column == Column::Name ? row.name : row.value) = value.toString();
        // The filled row is inserted where the placeholder was; the placeholder moves down.
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(row);
        endInsertRows();
        emit rowsEdited();
        return true;
    }
    KeyValueRow &row = m_rows[index.row()];
    if (role == Qt::CheckStateRole && column == Column::Name) {
        row.enabled = Qt::CheckState(value.toInt()) == Qt::Checked;
    } else if (role == Qt::EditRole) {
        QString &field = column == Column::Name ? row.name : row.value;
        if (field == value.toString())
            return true;
        field = value.toString();
    } else {
        return false;
    }
    emit dataChanged(index, index, {role, Qt::DisplayRole});
    emit rowsEdited();
    return true;
}

Qt::ItemFlags KeyValueModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
    if (!isPlaceholder(index) && Column(index.column()) == Column::Name)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant KeyValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Name:
        return m_nameTitle;
    case Column::Value:
        return m_valueTitle;
    case Column::Count:
        break;
    }
    return {};
}

bool KeyValueModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rows.size())
        return false; // the placeholder row cannot be removed
    beginRemoveRows({}, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    emit rowsEdited();
    return true;
}

} // namespace wirescope

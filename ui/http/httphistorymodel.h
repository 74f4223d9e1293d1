#pragma once

#include "core/net/httpexchange.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace wirescope {

// Requests sent in this session, newest first; each keeps its record so reopening shows the
// request and the answer it got.
class HttpHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Time = 0, Method, Url, Status, Duration, Count };
    enum Role { StatusCodeRole = Qt::UserRole + 1 };

    explicit HttpHistoryModel(int capacity = 500, QObject *parent = nullptr);

    void add(const HttpExchangeRecord &record, const QDateTime &when = QDateTime::currentDateTime());
    void clear();
    const HttpExchangeRecord &recordAt(int row) const { return m_entries.at(row).record; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry {
        QDateTime when;
        HttpExchangeRecord record;
    };
    int m_capacity;
    QList<Entry> m_entries; // newest first
};

} // namespace wirescope

#pragma once

#include "core/net/httpexchange.h"

#include <QIcon>

#include <QAbstractTableModel>
#include <QDateTime>

namespace wirescope {

class Annotations;

// Requests sent in this session, newest first; each keeps its record so reopening shows the
// request and the answer it got.
class HttpHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Time = 0, Method, Url, Status, Duration, Count };
    enum Role { StatusCodeRole = Qt::UserRole + 1 };

    explicit HttpHistoryModel(int capacity = 500, QObject *parent = nullptr);

    // `timelineRow`: the exchange's row in the session's timeline (-1: none), which is what
    // a note on this history row is kept on.
    void add(const HttpExchangeRecord &record, const QDateTime &when = QDateTime::currentDateTime(),
             qsizetype timelineRow = -1);
    void clear();
    const HttpExchangeRecord &recordAt(int row) const { return m_entries.at(row).record; }
    qsizetype timelineRowAt(int row) const { return m_entries.at(row).timelineRow; }
    // The session's notes: a marker and the note as tooltip on an annotated row.
    void setAnnotations(const Annotations *annotations);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry {
        QDateTime when;
        HttpExchangeRecord record;
        qsizetype timelineRow = -1;
    };
    int m_capacity;
    const Annotations *m_annotations = nullptr;
    QIcon m_noteIcon;
    QList<Entry> m_entries; // newest first
};

} // namespace wirescope

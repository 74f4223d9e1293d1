#pragma once

#include "core/session/httpexchangerecord.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <deque>

namespace wirescope {

// The Events view's rows: each server-sent event, comment and block of a text/event-stream
// response as the engine parsed it (or core/session read it from a recorded body), and a row
// for each step of the connection's life (connected, reconnecting, ended, failed). Filtered
// by type and by a search text as the WebSocket log is. Bounded: beyond maxRows or
// maxDataBytes the oldest rows go, and droppedRows() counts them.
class SseEventModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, TypeColumn, IdColumn, DataColumn, RetryColumn, BytesColumn, ColumnCount };
    enum class Kind : quint8 { Event, Comment, NoData, Unterminated, Status, Failure };
    // Type filter values besides an event type's name.
    static QString allTypes() { return {}; }
    static QString commentsFilter() { return QStringLiteral("#comments"); }
    static QString connectionFilter() { return QStringLiteral("#connection"); }

    static constexpr qsizetype maxRows = 200'000;
    static constexpr qint64 maxDataBytes = 64 * 1024 * 1024;

    struct Row {
        qint64 tNs = 0;
        Kind kind = Kind::Event;
        QString type;
        QString id;
        QString data;       // Status, Failure: the sentence
        qint64 retryMs = -1;
        qint64 bytes = -1;  // body bytes of the block
        bool invalidUtf8 = false;
    };

    explicit SseEventModel(QObject *parent = nullptr);

    void clear();
    // Times are shown as seconds since this moment of the session clock.
    void setOriginNs(qint64 ns) { m_originNs = ns; }
    qint64 originNs() const { return m_originNs; }
    void addRecords(const QList<SseArrival> &records);
    void addStatus(qint64 tNs, const QString &text, bool failure = false);

    void setTypeFilter(const QString &filter);
    void setSearchText(const QString &text);

    qsizetype totalRows() const { return qsizetype(m_rows.size()); }
    qsizetype eventCount() const { return m_events; } // dispatched events, dropped ones included
    qsizetype droppedRows() const { return m_dropped; }
    QStringList eventTypes() const { return m_types; }
    const Row &rowAt(int shownRow) const { return m_rows[size_t(m_shown.at(shownRow) - m_firstIndex)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void eventTypesChanged();
    void countsChanged();

private:
    void append(Row row);
    bool passes(const Row &row) const;
    void refilter();
    void rebuildShown();
    void dropOldest();

    std::deque<Row> m_rows;     // the rows kept; m_rows[0] has index m_firstIndex
    qsizetype m_firstIndex = 0;
    QList<qsizetype> m_shown;   // indexes of the rows passing the filters
    QStringList m_types;
    QString m_typeFilter;
    QString m_search;
    qint64 m_originNs = 0;
    qint64 m_dataBytes = 0;
    qsizetype m_events = 0;
    qsizetype m_dropped = 0;
};

} // namespace wirescope

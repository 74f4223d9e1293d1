#pragma once

#include "ui/ws/wslogstore.h"

#include <QAbstractTableModel>
#include <QFont>
#include <QIcon>
#include <QString>

#include <vector>

namespace wirescope {

// One new row as handed to appendBatch(): the compact record plus its bytes and, rarely,
// detail kept in side tables.
struct WsLogEntry {
    WsLogRecord record;
    QByteArray header; // raw frame header of a single-frame uncompressed row, else empty
    QByteArray data;   // payload (unmasked, inflated) of the row; the store copies what it keeps
    Violation violation;
    QString note;
    std::vector<WsFrame> frames; // kept whole when the row cannot be rebuilt from header + data
};

// The message log of one connection: a table over WsLogStore's compact records, with the
// filter applied inside the model (a proxy would cost ~16 bytes per row at a million rows).
// Rows arrive in batches from a coalescing timer, never one by one.
class WsLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IndexColumn, TimeColumn, DirectionColumn, TypeColumn, SizeColumn, WireSizeColumn, PreviewColumn, ColumnCount };
    enum Role {
        StoreRowRole = Qt::UserRole + 1, // row in the store (stable across filters)
        KindRole,                        // WsLogKind as int
        DirectionRole,                   // Direction as int
        OpcodeRole,
        ViolationIdRole,                 // the violation's dotted id, empty otherwise
    };
    enum TypeFilter : quint32 {
        ShowText = 0x01,
        ShowBinary = 0x02,
        ShowControl = 0x04,
        ShowViolations = 0x08,
        ShowEvents = 0x10,
        ShowAllTypes = 0x1f,
    };
    enum DirectionFilter : quint32 { ShowIncoming = 0x1, ShowOutgoing = 0x2, ShowBothDirections = 0x3 };

    explicit WsLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void appendBatch(std::vector<WsLogEntry> &&entries);
    void clear();
    // Times are shown relative to this instant (the connection's start).
    void setOriginNs(qint64 originNs);

    void setTypeFilter(quint32 types);
    void setDirectionFilter(quint32 directions);
    void setSearchText(const QString &text);
    quint32 typeFilter() const { return m_types; }
    quint32 directionFilter() const { return m_directions; }
    QString searchText() const { return m_search; }

    const WsLogStore &store() const { return m_store; }
    qsizetype storeRow(int row) const;
    int rowForStoreRow(qsizetype storeRow) const; // -1 when filtered out
    qsizetype totalRows() const { return m_store.size(); }

    // Display text of a row, also used for copying.
    QString previewText(qsizetype storeRow, int maxChars = 160) const;
    QString typeText(qsizetype storeRow) const;
    QString timeText(qsizetype storeRow) const;
    QString rowAsText(int row) const; // tab-separated, for the clipboard

    // The frames of a row exactly as they crossed the wire: rebuilt by the frame parser from
    // the stored header and payload, or taken from the side table. Empty for rows without frames.
    std::vector<WsFrame> framesOf(qsizetype storeRow) const;

    static QString sizeText(quint64 bytes);

private:
    bool filterActive() const;
    bool accepts(qsizetype storeRow) const;
    void rebuildFilter();

    // Made once: data() runs for every visible cell and role on each repaint.
    QFont m_monoFont;
    QIcon m_errorIcon;
    QIcon m_warningIcon;
    WsLogStore m_store;
    std::vector<quint32> m_visible; // used only while a filter is active
    qsizetype m_announced = 0;      // store rows the views know about (unfiltered)
    qint64 m_originNs = 0;
    quint32 m_types = ShowAllTypes;
    quint32 m_directions = ShowBothDirections;
    QString m_search;
    QByteArray m_searchUtf8;
    // An ASCII query, lower-cased: text messages are searched in their raw bytes, the way
    // the preview shows them (case-insensitive, line breaks and tabs as spaces), without
    // building a preview per row (1 M rows: ~0.4 s with previews).
    QByteArray m_searchFolded;
};

} // namespace wirescope

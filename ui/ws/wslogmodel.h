#pragma once

#include "core/session/timelinerow.h"

#include <QAbstractTableModel>
#include <QFont>
#include <QIcon>
#include <QList>
#include <QString>

#include <deque>

class QTimer;

namespace wirescope {

class Annotations;
class Session;
class Timeline;
struct Failure;
struct WsCloseRecord;
struct WsHandshakeRecord;

// The log of one console: a view over the session's timeline that shows the rows of a set of
// connections (a reconnect adds one; the old rows stay). It copies no traffic: it keeps the
// timeline index of each row it shows (4 bytes a row, the filter applied inside: a proxy
// would cost ~16 bytes more per row at a million rows), and computes every cell on demand
// from the timeline. New rows are announced by the recorder and inserted in coalesced
// batches (at most every ~33 ms), never one by one.
class WsLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IndexColumn, TimeColumn, DirectionColumn, TypeColumn, SizeColumn, WireSizeColumn, PreviewColumn, ColumnCount };
    enum Role {
        TimelineRowRole = Qt::UserRole + 1, // row in the timeline (stable across filters and modes)
        KindRole,                           // RowKind as int
        DirectionRole,                      // Direction as int
        OpcodeRole,
        ViolationIdRole,                    // the violation's dotted id, empty otherwise
        FlagsRole,                          // TimelineRow::Flag bits
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
    // Messages: whole messages (a one-frame message's frame, a longer one's Message row) and
    // control frames; fragments hidden. Frames: every frame as it crossed the wire, no
    // Message rows. Both show violations and events.
    enum class Mode : quint8 { Messages, Frames };

    explicit WsLogModel(Session *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Shows the rows of connection `id` too: those already recorded at once, later ones as
    // they arrive.
    void addConnection(quint32 id);
    const QList<quint32> &connections() const { return m_connections; }
    bool showsConnection(quint32 id) const { return id < m_member.size() && m_member[id]; }
    // Session time the log's times count from: the opening of its first connection.
    qint64 originNs() const;

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setTypeFilter(quint32 types);
    void setDirectionFilter(quint32 directions);
    void setSearchText(const QString &text);
    quint32 typeFilter() const { return m_types; }
    quint32 directionFilter() const { return m_directions; }
    QString searchText() const { return m_search; }

    // Timeline rows recorded but not looked at yet; flush() inserts what they add now (the
    // timer does it otherwise).
    qsizetype pendingRows() const { return m_pendingEnd - m_scanned; }
    void flush();
    // Timeline rows before this one have been looked at.
    qsizetype scannedEnd() const { return m_scanned; }
    // Hides the rows shown so far and frees the index of them (the timeline keeps the rows;
    // new rows still arrive).
    void clear();
    // Timeline rows before this one were cleared from the view (0: never cleared).
    qsizetype clearedBefore() const { return m_clearedBefore; }

    const Timeline &timeline() const { return *m_timeline; }
    qsizetype timelineRow(int row) const; // -1 when out of range
    int rowForTimelineRow(qsizetype timelineRow) const; // -1 when not shown
    // Bytes the model itself holds for its rows (the index; the timeline holds the rest).
    qint64 memoryUsed() const;

    // Messages mode folds a ping we sent and the pong that answered it into the ping's row
    // (with the round trip); this is that pong's timeline row, -1 when the row is not folded.
    // Frames mode shows both frames as rows of their own.
    qsizetype foldedPong(qsizetype timelineRow) const;
    // What the log says instead of a payload whose bytes are gone (empty when they are held).
    QString goneText(qsizetype timelineRow) const;

    // Display text of a timeline row, also used for copying.
    QString previewText(qsizetype timelineRow, int maxChars = 160) const;
    QString typeText(qsizetype timelineRow) const;
    QString timeText(qsizetype timelineRow) const;
    QString rowAsText(int row) const; // tab-separated, for the clipboard

    static QString sizeText(quint64 bytes);
    // The words of the engine's records, in the user's language.
    static QString handshakeText(const WsHandshakeRecord &record);
    static QString failureText(const Failure &failure);
    static QString closeText(const WsCloseRecord &record);

Q_SIGNALS:
    // Timeline rows [first, end) were looked at and the ones shown inserted: once per batch.
    void rowsScanned(qsizetype first, qsizetype end);

private:
    void onRowsAppended(qsizetype first, qsizetype end);
    void repaintFlaggedRows(qsizetype first, qsizetype end);
    void repaintFoldedPings(qsizetype first, qsizetype end);
    bool foldedIntoPing(qsizetype timelineRow, QByteArray &scratch) const;
    bool filterActive() const;
    bool inMode(const TimelineRow &row) const;
    bool accepts(qsizetype timelineRow, QByteArray &scratch) const;
    quint32 typeOf(qsizetype timelineRow) const;
    void rebuild();
    QString eventText(qsizetype timelineRow) const;

    const Timeline *m_timeline;
    QTimer *m_timer;
    // Made once: data() runs for every visible cell and role on each repaint.
    QFont m_monoFont;
    QFont m_goneFont;
    QIcon m_errorIcon;
    QIcon m_warningIcon;
    QIcon m_noteIcon;
    const Annotations *m_annotations; // the session's: a row's label and note
    // Timeline rows shown, in timeline order. A deque grows without moving what it holds:
    // a doubling vector copied half a million indices at once, a UI-thread stall.
    std::deque<quint32> m_rows;
    QList<quint32> m_connections;
    std::vector<bool> m_member;  // by connection id
    qsizetype m_scanned = 0;
    qsizetype m_clearedBefore = 0; // rows before this one were cleared from the view
    qsizetype m_pendingEnd = 0;
    Mode m_mode = Mode::Messages;
    quint32 m_types = ShowAllTypes;
    quint32 m_directions = ShowBothDirections;
    QString m_search;
    QByteArray m_searchUtf8;
    // An ASCII query, lower-cased: text rows are searched in their raw bytes, the way the
    // preview shows them (case-insensitive, line breaks and tabs as spaces), without building
    // a preview per row (1 M rows: ~0.4 s with previews).
    QByteArray m_searchFolded;
};

} // namespace wirescope

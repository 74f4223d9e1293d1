#pragma once

#include "core/net/wsconnection.h"
#include "ui/ws/wschartdata.h"
#include "ui/ws/wslogmodel.h"

#include <QHash>
#include <QThread>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTimer;
class QToolButton;

namespace wirescope {

class Session;
struct TimelineConnection;
class NoteActions;
class SequenceDiagramPanel;
class WsComposer;
class WsFrameInspector;
class WsHandshakeView;
class WsMaskingView;

// One WebSocket tab: connect form, message log, frame inspector, handshake view, connection
// details and composer. Everything it shows of the traffic comes from the session's
// timeline: the log is a view over the rows of the tab's connections (each Connect appends
// one; the old rows stay), the handshake view, the Connection tab and the charts read the
// timeline's connection records and rows as the recorder announces them.
//
// The connection runs on a thread of its own, so reads are stamped when they return even
// while this thread paints a million-row log; the console talks to it only through queued
// calls, and takes only its state (for the state chip and Connect/Disconnect) from its signals.
class WsConsole : public QWidget
{
    Q_OBJECT
public:
    explicit WsConsole(Session *session, QWidget *parent = nullptr);
    ~WsConsole() override;

    Session *session() const { return m_session; }
    // Shows a past connection of the session, read-only until Connect opens a new one with
    // its options (appended below its rows).
    void showPastConnection(quint32 id);

    // The connect form as options (URL, subprotocols, headers, deflate, keep inspecting).
    WsConnectOptions options() const;
    void setOptions(const WsConnectOptions &options);
    void setUrl(const QUrl &url);

    WsConnectionState state() const { return m_state; }
    // The tab's last connection as the timeline holds it (null before the first is recorded).
    const TimelineConnection *lastConnection() const;
    // Its handshake and close (empty records until they happen).
    const WsHandshakeRecord &handshakeRecord() const;
    const WsCloseRecord &closeRecord() const;
    QString title() const;
    // "Now" for the charts, in seconds-since-the-first-connection nanoseconds: the session
    // clock while connected, the end of the last connection otherwise.
    qint64 chartNowNs() const;

    WsLogModel *logModel() const { return m_log; }
    QTableView *logView() const { return m_logView; }
    WsFrameInspector *inspector() const { return m_inspector; }
    WsHandshakeView *handshakeView() const { return m_handshake; }
    WsMaskingView *maskingView() const { return m_masking; }
    WsComposer *composer() const { return m_composer; }
    QTabWidget *detailTabs() const { return m_details; }
    QTextBrowser *connectionInfo() const { return m_connectionInfo; }
    SequenceDiagramPanel *sequenceDiagram() const { return m_sequence; }
    // The log's "Add Note..." / "Edit Note..." / "Remove Note" and the selected row's note.
    NoteActions *noteActions() const { return m_notes; }
    QLabel *noteLabel() const { return m_noteLabel; }
    QComboBox *modeBox() const { return m_mode; }
    QPushButton *connectButton() const { return m_connectButton; }
    // "Copy as websocat" (credentials hidden); its menu holds the copy with secrets.
    QToolButton *copyWebsocatButton() const { return m_copyWebsocat; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *searchEdit() const { return m_search; }
    QLabel *stateLabel() const { return m_stateLabel; }
    QCheckBox *ignoreTlsErrorsCheck() const { return m_ignoreTlsErrors; }
    QCheckBox *autoPongCheck() const { return m_autoPong; }
    QToolButton *optionsButton() const { return m_optionsButton; }
    const WsChartData &chartData() const { return m_chartData; }

    // Rows recorded but not yet shown; flushLog() shows them now (the timer does it otherwise).
    qsizetype pendingRows() const;
    void flushLog();
    // Follow is on but waits: the user selected a row that following would scroll away.
    bool isFollowPaused() const { return m_followPaused; }

    // What the tab counts of its connections since the log was last cleared.
    struct Counts {
        quint64 frames[2] = {0, 0};   // by direction: In, Out
        quint64 messages[2] = {0, 0};
        qint64 payloadBytes[2] = {0, 0};
        qint64 wireBytes[2] = {0, 0};
    };
    Counts counts(quint32 connection) const;
    Counts counts() const; // all the tab's connections

    // Focus mode: one panel takes the whole console (the window hides everything else).
    enum class FocusPanel { None, Frame, Handshake, Log };
    void setFocusPanel(FocusPanel panel);
    FocusPanel focusPanel() const { return m_focus; }

public Q_SLOTS:
    void connectToServer();
    void disconnectFromServer();
    void toggleConnection();
    void sendPing();
    void setFollowLog(bool follow);
    void copySelectedRows();
    // Hides the rows shown so far, frees the bytes the session held for them and starts the
    // counters and charts again from zero.
    void clearLog();

protected:
    void resizeEvent(QResizeEvent *event) override;

Q_SIGNALS:
    void titleChanged(const QString &title);
    void stateChanged(wirescope::WsConnectionState state);

private:
    void buildUi();
    void placeComposer();
    void applyProportions(); // of the log, the details and the composer, once laid out
    void updateStateUi();
    // The engine opened connection `id` for this tab: its rows join the log.
    void adoptConnection(quint32 id);
    // Timeline rows [first, end) were looked at by the log: charts, handshake, counters.
    void onRowsScanned(qsizetype first, qsizetype end);
    void addChartRows(qsizetype first, qsizetype end);
    void rebuildCharts();
    void showHandshake();
    void updateCounts();
    // Runs f on the connection's thread (dropped if the connection is gone by then).
    template<typename F>
    void onConnectionThread(F f);
    // Aborts and deletes the connection on its own thread, and waits until it is gone.
    void dropConnection();
    void showRow(const QModelIndex &index);
    void showNote(qsizetype timelineRow);
    // Scrolls to the newest row unless that would take a selected row out of view.
    void follow();
    void applyFilters();
    void updateConnectionInfo();

    Session *m_session;
    QThread m_engineThread;
    QObject *m_engineContext; // lives on m_engineThread: deletes connections there
    WsConnection *m_connection = nullptr;
    WsConnectionState m_state = WsConnectionState::Idle;
    WsChartData m_chartData;
    const WsHandshakeRecord *m_shownHandshake = nullptr; // what the handshake view shows
    bool m_follow = true;
    bool m_followPaused = false;
    QHash<quint32, Counts> m_countsAtClear; // each connection's counts when the log was cleared

    QLineEdit *m_url;
    QPushButton *m_connectButton;
    QLabel *m_stateLabel;
    QToolButton *m_copyWebsocat;
    QLineEdit *m_subprotocols;
    QPlainTextEdit *m_headers;
    QCheckBox *m_deflate;
    QCheckBox *m_keepInspecting;
    QCheckBox *m_autoPong;
    QCheckBox *m_ignoreTlsErrors;
    QComboBox *m_closeCode;
    QLineEdit *m_closeReason;

    WsLogModel *m_log;
    QTableView *m_logView;
    QComboBox *m_mode;
    QComboBox *m_directionFilter;
    QComboBox *m_typeFilter;
    QLineEdit *m_search;
    QToolButton *m_followButton;
    QString m_followTip;
    QLabel *m_counts;
    QWidget *m_optionsPanel = nullptr;
    QWidget *m_logPane = nullptr;
    QSplitter *m_middle = nullptr;    // log column | details
    QSplitter *m_logColumn = nullptr; // log, and the composer while side by side
    QSplitter *m_outer = nullptr;     // middle, and the composer while stacked
    bool m_proportioned = false;      // the first layout sets the proportions, later only a re-orientation
    QWidget *m_connectBar = nullptr;
    FocusPanel m_focus = FocusPanel::None;
    QToolButton *m_optionsButton = nullptr;

    QTabWidget *m_details;
    QWidget *m_detailsPane = nullptr; // the note above the details tabs
    QLabel *m_noteLabel = nullptr;
    NoteActions *m_notes = nullptr;
    WsFrameInspector *m_inspector;
    QPlainTextEdit *m_messageView;
    WsHandshakeView *m_handshake;
    WsMaskingView *m_masking;
    QTextBrowser *m_connectionInfo;
    SequenceDiagramPanel *m_sequence;
    WsComposer *m_composer;
};

} // namespace wirescope

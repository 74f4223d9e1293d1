#pragma once

#include "core/session/sessionclock.h"
#include "core/net/wsconnection.h"
#include "ui/ws/wschartdata.h"
#include "ui/ws/wslogmodel.h"

#include <QThread>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTimer;
class QToolButton;

namespace wirescope {

class WsComposer;
class WsFrameInspector;
class WsHandshakeView;

// One WebSocket connection: connect form, message log, frame inspector, handshake view and
// composer. Engine events are coalesced and handed to the log model every ~25 ms.
//
// The connection runs on a thread of its own, so reads are stamped when they return even
// while this thread paints a million-row log; the console talks to it only through queued
// calls and keeps what it shows (state, handshake, close, counters) from its signals.
class WsConsole : public QWidget
{
    Q_OBJECT
public:
    explicit WsConsole(QWidget *parent = nullptr);
    ~WsConsole() override;

    // The connect form as options (URL, subprotocols, headers, deflate, keep inspecting).
    WsConnectOptions options() const;
    void setOptions(const WsConnectOptions &options);
    void setUrl(const QUrl &url);

    WsConnectionState state() const { return m_state; }
    // The current (or last) connection's handshake and close, as its signals reported them.
    const WsHandshakeRecord &handshakeRecord() const { return m_handshakeRecord; }
    const WsCloseRecord &closeRecord() const { return m_lastClose; }
    QString title() const;

    WsLogModel *logModel() const { return m_log; }
    QTableView *logView() const { return m_logView; }
    WsFrameInspector *inspector() const { return m_inspector; }
    WsHandshakeView *handshakeView() const { return m_handshake; }
    WsComposer *composer() const { return m_composer; }
    QTabWidget *detailTabs() const { return m_details; }
    QPushButton *connectButton() const { return m_connectButton; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *searchEdit() const { return m_search; }
    QLabel *stateLabel() const { return m_stateLabel; }
    QCheckBox *ignoreTlsErrorsCheck() const { return m_ignoreTlsErrors; }
    QCheckBox *autoPongCheck() const { return m_autoPong; }
    const WsChartData &chartData() const { return m_chartData; }
    const SessionClock &clock() const { return m_clock; }

    // Rows received but not yet shown; flushLog() shows them now (the timer does it otherwise).
    qsizetype pendingRows() const { return qsizetype(m_pending.size()); }
    void flushLog();

public Q_SLOTS:
    void connectToServer();
    void disconnectFromServer();
    void toggleConnection();
    void sendPing();
    void setFollowLog(bool follow);
    void copySelectedRows();
    void clearLog();

Q_SIGNALS:
    void titleChanged(const QString &title);
    void stateChanged(wirescope::WsConnectionState state);
    // Emitted when a connection ends, with what it takes to open it again.
    void connectionFinished(const wirescope::WsConnectOptions &options, const QString &summary);

private:
    void buildUi();
    void updateStateUi();
    void addPending(WsLogEntry &&entry);
    // tNs: when it happened on the connection's clock (-1: now, for the console's own notes).
    void addEvent(const QString &text, qint64 tNs = -1);
    void onFrame(const WsFrameEvent &event);
    void onMessage(const WsMessageEvent &event);
    void onViolation(const WsViolationEvent &event);
    void onPong(const WsPongEvent &event);
    void onHandshake(const WsHandshakeRecord &record);
    void onError(const WsErrorEvent &event);
    void onClosed(const WsCloseRecord &record);
    // Runs f on the connection's thread (dropped if the connection is gone by then).
    template<typename F>
    void onConnectionThread(F f);
    // Aborts and deletes the connection on its own thread, and waits until it is gone.
    void dropConnection();
    void showRow(const QModelIndex &index);
    void applyFilters();
    void updateConnectionInfo();

    SessionClock m_clock;
    QThread m_engineThread;
    QObject *m_engineContext; // lives on m_engineThread: deletes connections there
    WsConnection *m_connection = nullptr;
    WsConnectionState m_state = WsConnectionState::Idle;
    WsConnectOptions m_openedOptions;
    WsHandshakeRecord m_handshakeRecord;
    quint64 m_framesIn = 0;
    quint64 m_framesOut = 0;
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
    WsChartData m_chartData;
    std::vector<WsLogEntry> m_pending;
    std::vector<WsFrame> m_partial[2]; // data frames of the message being received/sent
    bool m_violationPending[2] = {false, false}; // the next row of that direction broke a rule
    QTimer *m_flushTimer;
    bool m_follow = true;
    WsCloseRecord m_lastClose;
    bool m_hasClose = false;

    QLineEdit *m_url;
    QPushButton *m_connectButton;
    QLabel *m_stateLabel;
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
    QComboBox *m_directionFilter;
    QComboBox *m_typeFilter;
    QLineEdit *m_search;
    QToolButton *m_followButton;
    QLabel *m_counts;

    QTabWidget *m_details;
    WsFrameInspector *m_inspector;
    QPlainTextEdit *m_messageView;
    WsHandshakeView *m_handshake;
    QTextBrowser *m_connectionInfo;
    WsComposer *m_composer;
};

} // namespace wirescope

#pragma once

#include <QList>
#include <QUrl>
#include <QWidget>

class QAction;
class QListWidget;
class QListWidgetItem;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace wirescope {

class Session;
class WsChartsWidget;
class WsConsole;

// Tabs of WebSocket consoles, the list of past connections and the live charts that follow
// the current tab. The past connections are the session's closed WebSocket connections as
// the timeline holds them: opening one shows everything it showed (log, frames, handshake,
// counters, charts) in a tab of its own. MainWindow embeds it and puts actions() in its menus.
class WsWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit WsWorkspace(Session *session, QWidget *parent = nullptr);
    ~WsWorkspace() override;

    // The URL a new console starts with (the demo server's ws://127.0.0.1:PORT/ws/echo).
    void setDefaultUrl(const QUrl &url);
    QUrl defaultUrl() const { return m_defaultUrl; }

    // Live charts of the current console; owned by the workspace until the main window
    // places it (it may be reparented into a dock).
    QWidget *chartsWidget() const;
    // Actions with shortcuts for the main window's menus.
    QList<QAction *> actions() const;

    QTabWidget *tabs() const { return m_tabs; }
    WsConsole *currentConsole() const;
    int consoleCount() const;
    QListWidget *historyList() const { return m_history; }
    // Opens a tab showing past connection `id` of the session (see WsConsole::showPastConnection).
    WsConsole *openPastConnection(quint32 id);
    // The "Past connections" pane folds away to a tab corner button, so it never takes a
    // column from the console unless the user opens it.
    bool isHistoryShown() const;
    void setHistoryShown(bool shown);
    QToolButton *historyButton() const { return m_historyButton; }

    // Splitter state for the main window to save and restore.
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);

public Q_SLOTS:
    WsConsole *newConsole();
    void closeConsole(int index);
    void connectCurrent();
    void disconnectCurrent();
    void pingCurrent();
    void toggleFollowCurrent();

Q_SIGNALS:
    void currentConsoleChanged(wirescope::WsConsole *console);

private:
    void showRecordedConnections();
    void currentChanged();
    // Timeline rows [first, end) were recorded: closed WebSocket connections join the history.
    void onRowsAppended(qsizetype first, qsizetype end);
    void addHistory(quint32 id);
    void reopen(QListWidgetItem *item);
    // Tabs of the same URL get distinct titles: "host:port/path", "host:port/path (2)", ...
    void updateTitles();
    void showCharts(WsConsole *console);
    void updateActions();
    void syncHistoryButton();

    Session *m_session;
    QSplitter *m_split = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_historyPane = nullptr;
    QListWidget *m_history = nullptr;
    QToolButton *m_historyButton = nullptr;
    WsChartsWidget *m_charts = nullptr;
    QList<QAction *> m_actions;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_pingAction = nullptr;
    QAction *m_followAction = nullptr;
    QUrl m_defaultUrl;
};

} // namespace wirescope

#pragma once

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QSplitter;

namespace wirescope {

class DemoEndpointsPanel;
class DemoServer;
class HttpWorkspace;
class Session;
class WsWorkspace;

// Assembles the panels and their actions (DESIGN.md rule 13): the HTTP workspace and the
// WebSocket workspace side by side, the demo endpoints and the request history as docks,
// the live charts of both in a bottom dock, the menus and the status bar. No protocol logic.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `demo` may be null or not listening (turned off in the preferences, or its port was
    // taken); `demoError` then says why, for the status bar.
    explicit MainWindow(DemoServer *demo = nullptr, const QString &demoError = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The window's one session: one clock and one timeline for every tab, HTTP and WebSocket.
    Session *session() const { return m_session; }
    HttpWorkspace *httpWorkspace() const { return m_http; }
    WsWorkspace *wsWorkspace() const { return m_ws; }
    DemoEndpointsPanel *endpointsPanel() const { return m_endpoints; }
    QLabel *demoStatusLabel() const { return m_demoStatus; }

    void showAbout();
    void showPreferences();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createMenus();
    void showDemoServer(DemoServer *demo, const QString &demoError);
    void saveLayout() const;
    void restoreLayout();
    void resetLayout();
    void applyDefaultProportions();

    Session *m_session;
    HttpWorkspace *m_http;
    WsWorkspace *m_ws;
    QSplitter *m_splitter;
    QSplitter *m_chartsSplitter;
    DemoEndpointsPanel *m_endpoints;
    QDockWidget *m_endpointsDock;
    QDockWidget *m_historyDock;
    QDockWidget *m_chartsDock;
    QLabel *m_demoStatus;
    QByteArray m_defaultState;
    bool m_proportionsPending = false; // no saved layout: set the default proportions when shown
};

} // namespace wirescope

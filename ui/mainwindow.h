#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;

namespace wirescope {

class DemoEndpointsPanel;
class DemoServer;
class HttpWorkspace;
class LabWindow;
class Session;
class ReplayDialog;
class SessionDocument;
class WorkspaceArea;
class WsWorkspace;

// Assembles the panels and their actions (DESIGN.md rule 13): the HTTP workspace and the
// WebSocket workspace side by side or as tabs (WorkspaceArea), the demo endpoints and the request history as docks,
// the live charts of both in a bottom dock, the menus and the status bar. No protocol logic.
//
// One window shows one session document (a file, or an unsaved recording): opening another
// one opens a window of its own, in place of this one while it is untouched.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // A new, unsaved session. `demo` may be null or not listening (turned off in the
    // preferences, or its port was taken); `demoError` then says why, for the status bar.
    explicit MainWindow(DemoServer *demo = nullptr, const QString &demoError = {}, QWidget *parent = nullptr);
    // A window showing `document` (opened, imported or recovered).
    MainWindow(std::unique_ptr<SessionDocument> document, DemoServer *demo, const QString &demoError,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // The window's one session: one clock and one timeline for every tab, HTTP and WebSocket.
    Session *session() const { return m_session; }
    SessionDocument *document() const { return m_document.get(); }
    HttpWorkspace *httpWorkspace() const { return m_http; }
    WsWorkspace *wsWorkspace() const { return m_ws; }
    WorkspaceArea *workspaceArea() const { return m_area; }
    DemoEndpointsPanel *endpointsPanel() const { return m_endpoints; }
    QLabel *demoStatusLabel() const { return m_demoStatus; }

    // First launch on a screen smaller than 1600x900 (a 1366x768 laptop): the window is best
    // shown maximized, every pixel for the log and the frame inspector.
    bool fillsSmallScreen() const { return m_fillsSmallScreen; }

    void showAbout();
    void showPreferences();

    // File menu. Each returns the window that shows what was opened (null: nothing was, and
    // the user was told why); a file is a .wirescope session or a .har.
    MainWindow *openFile(const QString &path);
    MainWindow *newWindow();
    bool save();
    bool saveAs();
    // Save As without asking where (tests, and Save As once the user chose).
    bool saveTo(const QString &path);
    void exportHar();
    void exportPcapng();
    // A curl command pasted into a dialog opens as a new HTTP request tab.
    void importCurl();
    // Replays the session against a server with a diff (a dialog of its own, modeless).
    ReplayDialog *replay();
    // The transport lab, one per window (View > Transport Lab), its server address the
    // demo server's; shown and brought to the front.
    LabWindow *openLab();
    // Offers to reopen the sessions a crashed Wirescope left unsaved; the windows reopened.
    QList<MainWindow *> offerRecovery();
    // Untouched: nothing recorded, no file; opening a file replaces such a window.
    bool isPristine() const;
    // Focus mode: one panel of the current WebSocket console gets the whole window (the HTTP
    // half and the docks step aside); None brings everything back as it was.
    void setFocusPanel(int panel); // a WsConsole::FocusPanel
    int focusPanel() const { return m_focusPanel; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    MainWindow *showDocument(std::unique_ptr<SessionDocument> document);
    MainWindow *importHar(const QString &path);
    void openFromDialog();
    void fillRecentMenu();
    void exportTo(bool har);
    void updateTitle();
    // Asks to save unsaved changes; false when the user cancelled (or saving failed).
    bool settleUnsavedChanges();
    void createMenus();
    void showDemoServer(DemoServer *demo, const QString &demoError);
    void saveLayout() const;
    void restoreLayout();
    void resetLayout();
    void applyDefaultProportions();
    // The charts dock shows the charts of the workspaces in view (both, or the tab in front).
    void showChartsOfFront();

    std::unique_ptr<SessionDocument> m_document;
    Session *m_session;
    DemoServer *m_demo;
    QString m_demoError;
    HttpWorkspace *m_http;
    WsWorkspace *m_ws;
    WorkspaceArea *m_area;
    QSplitter *m_chartsSplitter;
    DemoEndpointsPanel *m_endpoints;
    QDockWidget *m_endpointsDock;
    QDockWidget *m_historyDock;
    QDockWidget *m_chartsDock;
    QLabel *m_demoStatus;
    QMenu *m_recentMenu = nullptr;
    QPointer<LabWindow> m_lab;
    QList<QAction *> m_focusActions;
    QList<QDockWidget *> m_docksBeforeFocus; // shown when focus mode began
    int m_focusPanel = 0;
    QByteArray m_defaultState;
    bool m_proportionsPending = false;
    bool m_fillsSmallScreen = false; // no saved layout: set the default proportions when shown
};

} // namespace wirescope

#include "ui/mainwindow.h"

#include "core/demo/demoserver.h"
#include "core/session/harreader.h"
#include "core/session/harwriter.h"
#include "core/session/pcapngwriter.h"
#include "core/session/session.h"
#include "core/session/sessiondocument.h"
#include "ui/app/aboutdialog.h"
#include "ui/app/appsettings.h"
#include "ui/app/demoendpointspanel.h"
#include "ui/app/exportdialog.h"
#include "ui/app/replaydialog.h"
#include "ui/app/settingsdialog.h"
#include "ui/app/workspacearea.h"
#include "ui/http/httpcomposer.h"
#include "ui/http/httprequesttab.h"
#include "ui/http/httpworkspace.h"
#include "ui/lab/labwindow.h"
#include "ui/ws/wsconsole.h"
#include "ui/ws/wsworkspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>

#include <optional>

namespace wirescope {

namespace {
QString geometryKey() { return QStringLiteral("window/geometry"); }
QString stateKey() { return QStringLiteral("window/state"); }
QString splitterKey() { return QStringLiteral("window/splitter"); }
QString arrangementKey() { return QStringLiteral("window/arrangement"); }
QString chartsSplitterKey() { return QStringLiteral("window/chartsSplitter"); }
QString wsSplitterKey() { return QStringLiteral("window/wsSplitter"); }
constexpr int LayoutVersion = 1;
constexpr int kChartsDockMinWindowHeight = 1000;

// The platform's key for a standard action, or a common one where the platform has none
// (the offscreen and minimal platforms define no Quit or FullScreen key).
QList<QKeySequence> standardOr(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    if (keys.isEmpty())
        keys.append(fallback);
    return keys;
}

std::unique_ptr<SessionDocument> newDocument()
{
    SessionFileError error; // the document says why it records in memory only
    return SessionDocument::create(AppSettings::workingDirectory(), &error);
}

bool isSessionFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"wirescope" || suffix == u"har";
}

// What a session file refusal means to a user; the technical detail follows in brackets.
QString refusalText(const SessionFileError &error)
{
    const QString id = error.id;
    if (id == QLatin1String(sessionerrors::NotWirescope))
        return MainWindow::tr("it is not a Wirescope session (%1).").arg(error.message);
    if (id == QLatin1String(sessionerrors::NewerVersion))
        return MainWindow::tr("it was saved by a newer Wirescope; update Wirescope to open it (%1).").arg(error.message);
    if (id == QLatin1String(sessionerrors::Corrupt))
        return MainWindow::tr("it is damaged (%1).").arg(error.message);
    if (id == QLatin1String(sessionerrors::WriteFailed))
        return MainWindow::tr("it could not be written (%1).").arg(error.message);
    return MainWindow::tr("it cannot be read (%1).").arg(error.message);
}
} // namespace

MainWindow::MainWindow(DemoServer *demo, const QString &demoError, QWidget *parent)
    : MainWindow(newDocument(), demo, demoError, parent)
{
}

MainWindow::MainWindow(std::unique_ptr<SessionDocument> document, DemoServer *demo, const QString &demoError,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_document(std::move(document))
    , m_session(m_document->session())
    , m_demo(demo)
    , m_demoError(demoError)
    , m_http(new HttpWorkspace(m_session, this))
    , m_ws(new WsWorkspace(m_session, this))
    , m_area(new WorkspaceArea(m_http, m_ws, this))
    , m_chartsSplitter(new QSplitter(Qt::Horizontal, this))
    , m_endpoints(new DemoEndpointsPanel(this))
    , m_endpointsDock(new QDockWidget(tr("Demo endpoints"), this))
    , m_historyDock(new QDockWidget(tr("History"), this))
    , m_chartsDock(new QDockWidget(tr("Live charts"), this))
    , m_demoStatus(new QLabel(this))
{
    m_session->timeline().setByteBudget(AppSettings::payloadBudgetBytes());
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_area->setArrangement(WorkspaceArea::Arrangement(
        qBound(0, QSettings().value(arrangementKey()).toInt(), int(WorkspaceArea::Arrangement::Tabs))));
    setCentralWidget(m_area);
    connect(m_area, &WorkspaceArea::layoutChanged, this, &MainWindow::showChartsOfFront);

    m_endpointsDock->setObjectName(QStringLiteral("endpointsDock"));
    m_endpointsDock->setWidget(m_endpoints);
    addDockWidget(Qt::LeftDockWidgetArea, m_endpointsDock);

    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(m_http->historyWidget());
    m_historyDock->toggleViewAction()->setIcon(QIcon(QStringLiteral(":/ui/icons/history.svg")));
    addDockWidget(Qt::LeftDockWidgetArea, m_historyDock);
    tabifyDockWidget(m_endpointsDock, m_historyDock);
    m_endpointsDock->raise();

    m_chartsSplitter->setObjectName(QStringLiteral("chartsSplitter"));
    m_chartsSplitter->addWidget(m_http->chartsWidget());
    m_chartsSplitter->addWidget(m_ws->chartsWidget());
    showChartsOfFront(); // the workspaces keep their panels hidden until placed
    m_chartsSplitter->setChildrenCollapsible(false);
    m_chartsDock->setObjectName(QStringLiteral("chartsDock"));
    m_chartsDock->setWidget(m_chartsSplitter);
    addDockWidget(Qt::BottomDockWidgetArea, m_chartsDock);

    m_demoStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_demoStatus->setAccessibleName(tr("Demo server address"));
    statusBar()->addPermanentWidget(m_demoStatus);

    connect(m_endpoints, &DemoEndpointsPanel::openHttpRequested, this, [this](const QString &method, const QUrl &url) {
        m_http->openRequest(method, url);
        m_area->showWorkspace(m_http);
    });
    connect(m_endpoints, &DemoEndpointsPanel::openWebSocketRequested, this, [this](const QUrl &url) {
        m_ws->setDefaultUrl(url);
        m_ws->newConsole();
        m_area->showWorkspace(m_ws);
    });
    connect(m_http, &HttpWorkspace::frontRequested, this, [this] { m_area->showWorkspace(m_http); });
    connect(m_ws, &WsWorkspace::currentConsoleChanged, this, [this] { m_area->showWorkspace(m_ws); });

    showDemoServer(demo, demoError);
    createMenus();
    connect(m_ws, &WsWorkspace::currentConsoleChanged, this, [this] {
        if (m_focusPanel != 0)
            setFocusPanel(m_focusPanel);
    });
    // 1600x900 where the screen has room, else most of the screen (a 1366x768 laptop).
    QSize size(1600, 900);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.95);
    resize(size);
    m_fillsSmallScreen = size != QSize(1600, 900);
    // Defaults before any saved layout: endpoints dock readable, HTTP and WebSocket halves
    // equal, the charts dock a quarter of the window, the two charts equal.
    resizeDocks({m_endpointsDock}, {qBound(220, size.width() / 6, 320)}, Qt::Horizontal);
    resizeDocks({m_chartsDock}, {size.height() / 4}, Qt::Vertical);
    m_area->splitter()->setSizes({1, 1});
    m_chartsSplitter->setSizes({1, 1});
    m_defaultState = saveState(LayoutVersion);
    restoreLayout();
    m_fillsSmallScreen = m_fillsSmallScreen && m_proportionsPending;

    connect(m_document.get(), &SessionDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document.get(), &SessionDocument::filePathChanged, this, &MainWindow::updateTitle);
    updateTitle();
    if (const SessionFileError failed = m_document->recordingError(); !failed.isNull())
        statusBar()->showMessage(tr("Recording in memory only, the session cannot be saved: %1").arg(failed.message));
}

MainWindow::~MainWindow()
{
    // The engines of the workspaces record into the session until they are gone: they go
    // first (the session, an older child, would otherwise be deleted before them).
    delete m_ws;
    delete m_http;
}

void MainWindow::showDemoServer(DemoServer *demo, const QString &demoError)
{
    if (demo && demo->isListening()) {
        const QUrl http = demo->httpBaseUrl();
        const QUrl ws = demo->wsBaseUrl();
        m_demoStatus->setText(tr("Demo server: %1").arg(http.toString()));
        m_demoStatus->setToolTip(tr("The built-in demo server listens at %1 and %2 (loopback only)")
                                     .arg(http.toString(), ws.toString()));
        m_endpoints->setServer(http, ws);
        QUrl get = http;
        get.setPath(QStringLiteral("/get"));
        m_http->setDefaultUrl(get);
        QUrl echo = ws;
        echo.setPath(QStringLiteral("/ws/echo"));
        m_ws->setDefaultUrl(echo);
        return;
    }
    const QString reason = demoError.isEmpty() ? tr("Demo server: off")
                                               : tr("Demo server: not running (%1)").arg(demoError);
    m_demoStatus->setText(reason);
    m_demoStatus->setToolTip(tr("Turn the demo server on in Edit > Preferences"));
    m_endpoints->setServer({}, {}, demoError.isEmpty() ? QString() : reason);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newSession = file->addAction(tr("New &Session Window"), this, &MainWindow::newWindow);
    newSession->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
    QAction *open = file->addAction(tr("&Open Session..."), this, &MainWindow::openFromDialog);
    open->setShortcuts(standardOr(QKeySequence::Open, QKeySequence(Qt::CTRL | Qt::Key_O)));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    QAction *save = file->addAction(tr("&Save Session"), this, &MainWindow::save);
    save->setShortcuts(standardOr(QKeySequence::Save, QKeySequence(Qt::CTRL | Qt::Key_S)));
    QAction *saveAs = file->addAction(tr("Save Session &As..."), this, &MainWindow::saveAs);
    saveAs->setShortcuts(standardOr(QKeySequence::SaveAs, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
    QMenu *importMenu = file->addMenu(tr("&Import"));
    importMenu->addAction(tr("&HAR File..."), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import HAR"), QString(), tr("HAR files (*.har);;All files (*)"));
        if (!path.isEmpty())
            importHar(path);
    });
    importMenu->addAction(tr("&cURL Command..."), this, &MainWindow::importCurl);
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(tr("&HAR..."), this, &MainWindow::exportHar);
    exportMenu->addAction(tr("&pcapng (Wireshark)..."), this, &MainWindow::exportPcapng);
    QAction *replay = file->addAction(tr("&Replay Session..."), this, &MainWindow::replay);
    replay->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    file->addSeparator();
    const QList<QAction *> httpActions = m_http->actions();
    const QList<QAction *> wsActions = m_ws->actions();
    file->addActions(httpActions);
    file->addSeparator();
    file->addActions(wsActions);
    file->addSeparator();
    QAction *closeWindow = file->addAction(tr("Close &Window"), this, &QWidget::close);
    closeWindow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcuts(standardOr(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    const QList<QAction *> editActions = m_http->editActions();
    edit->addActions(editActions);
    edit->addSeparator();
    QAction *prefs = edit->addAction(tr("&Preferences..."), this, &MainWindow::showPreferences);
    prefs->setShortcuts(standardOr(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    prefs->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *endpoints = m_endpointsDock->toggleViewAction();
    endpoints->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction *history = m_historyDock->toggleViewAction();
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    QAction *charts = m_chartsDock->toggleViewAction();
    charts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G)); // G for graphs: Ctrl+Shift+L follows the log
    view->addAction(endpoints);
    view->addAction(history);
    view->addAction(charts);
    view->addSeparator();
    QAction *fullScreen = view->addAction(tr("&Full Screen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcuts(standardOr(QKeySequence::FullScreen, QKeySequence(Qt::Key_F11)));
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen) : (windowState() & ~Qt::WindowFullScreen));
    });
    view->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);
    QMenu *arrange = view->addMenu(tr("&Arrange HTTP and WebSocket"));
    auto *arrangements = new QActionGroup(this);
    const std::pair<QString, WorkspaceArea::Arrangement> arrangementChoices[] = {
        {tr("&Automatic (Tabs on Smaller Screens)"), WorkspaceArea::Arrangement::Automatic},
        {tr("&Side by Side"), WorkspaceArea::Arrangement::SideBySide},
        {tr("As &Tabs"), WorkspaceArea::Arrangement::Tabs},
    };
    for (const auto &[text, arrangement] : arrangementChoices) {
        QAction *action = arrange->addAction(text);
        action->setCheckable(true);
        action->setChecked(arrangement == m_area->arrangement());
        arrangements->addAction(action);
        connect(action, &QAction::triggered, this, [this, arrangement = arrangement] { m_area->setArrangement(arrangement); });
    }
    // Ctrl+1 / Ctrl+2 as in browsers' tabs: bring a workspace to the front and into the keyboard.
    QAction *showHttp = view->addAction(tr("Go to &HTTP"));
    showHttp->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(showHttp, &QAction::triggered, this, [this] {
        m_area->showWorkspace(m_http);
        if (HttpRequestTab *tab = m_http->currentTab())
            tab->composer()->urlEdit()->setFocus(Qt::ShortcutFocusReason);
    });
    QAction *showWs = view->addAction(tr("Go to &WebSocket"));
    showWs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(showWs, &QAction::triggered, this, [this] {
        m_area->showWorkspace(m_ws);
        if (WsConsole *console = m_ws->currentConsole())
            console->urlEdit()->setFocus(Qt::ShortcutFocusReason);
    });
    addActions({showHttp, showWs});
    view->addSeparator();
    // Focus mode: triggered again (or by another panel) it ends or moves.
    const std::pair<QString, QKeySequence> focusPanels[] = {
        {tr("Focus on WebSocket &Frame"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F)},
        {tr("Focus on WebSocket &Handshake"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_H)},
        {tr("Focus on WebSocket &Log"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L)},
    };
    int panel = int(WsConsole::FocusPanel::Frame);
    for (const auto &[text, key] : focusPanels) {
        QAction *action = view->addAction(text);
        action->setCheckable(true);
        action->setShortcut(key);
        action->setData(panel++);
        connect(action, &QAction::triggered, this, [this, action](bool on) { setFocusPanel(on ? action->data().toInt() : 0); });
        m_focusActions.append(action);
    }
    addActions(m_focusActions); // they work in full screen too, with the menu bar hidden
    view->addSeparator();
    QAction *lab = view->addAction(tr("Transport &Lab..."), this, &MainWindow::openLab);
    lab->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B)); // B for bench: L is the log's
    lab->setStatusTip(tr("Measure polling, long-polling, SSE, streaming and WebSocket side by side"));
    addAction(lab);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Wirescope"), this, &MainWindow::showAbout);
    about->setShortcuts(standardOr(QKeySequence::HelpContents, QKeySequence(Qt::Key_F1)));
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);

    // Shortcuts of menu actions only fire while their menu's window is active; adding them to
    // the window keeps them working when the menu bar is hidden (full screen). The HTTP
    // workspace registers its own (some only while it has the focus).
    addActions(wsActions);
    for (QAction *action : wsActions)
        connect(action, &QAction::triggered, this, [this] { m_area->showWorkspace(m_ws); });
}

void MainWindow::showAbout()
{
    AboutDialog dialog(m_demoStatus->text(), this);
    dialog.exec();
}

void MainWindow::showPreferences()
{
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The budget holds in every window at once (each has its own session).
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (auto *window = qobject_cast<MainWindow *>(widget))
            window->session()->timeline().setByteBudget(AppSettings::payloadBudgetBytes());
    statusBar()->showMessage(tr("Preferences saved; the demo server setting applies at the next start."), 8000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!settleUnsavedChanges()) {
        event->ignore();
        return;
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::setFocusPanel(int panel)
{
    const auto target = WsConsole::FocusPanel(panel);
    const bool entering = m_focusPanel == 0 && panel != 0;
    const bool leaving = m_focusPanel != 0 && panel == 0;
    m_focusPanel = panel;
    for (QAction *action : m_focusActions)
        action->setChecked(action->data().toInt() == panel);
    if (entering) {
        m_docksBeforeFocus.clear();
        for (QDockWidget *dock : {m_endpointsDock, m_historyDock, m_chartsDock})
            if (dock->isVisible())
                m_docksBeforeFocus.append(dock);
        for (QDockWidget *dock : m_docksBeforeFocus)
            dock->hide();
        m_area->setSolo(m_ws);
    }
    for (int i = 0; i < m_ws->tabs()->count(); ++i)
        if (auto *console = qobject_cast<WsConsole *>(m_ws->tabs()->widget(i)))
            console->setFocusPanel(console == m_ws->currentConsole() ? target : WsConsole::FocusPanel::None);
    if (leaving) {
        m_area->setSolo(nullptr);
        for (QDockWidget *dock : std::as_const(m_docksBeforeFocus))
            dock->show();
        m_docksBeforeFocus.clear();
    }
    if (panel != 0)
        statusBar()->showMessage(tr("Focus mode: the same shortcut (or View > Focus) brings the other panels back"), 6000);
}

bool MainWindow::isPristine() const
{
    return m_document->isEmpty() && m_document->filePath().isEmpty() && !m_document->isModified();
}

void MainWindow::updateTitle()
{
    const QString path = m_document->filePath();
    const QString name = path.isEmpty() ? tr("Untitled session") : QFileInfo(path).fileName();
    setWindowTitle(tr("%1[*] - Wirescope").arg(name));
    setWindowModified(m_document->isModified());
    setWindowFilePath(path);
}

bool MainWindow::settleUnsavedChanges()
{
    if (!m_document->isModified() || m_document->isEmpty())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Save the session?"),
                    m_document->filePath().isEmpty()
                        ? tr("This session was never saved.")
                        : tr("%1 has changes that are not saved.").arg(QFileInfo(m_document->filePath()).fileName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("What was recorded since it was last saved is lost if you discard it."));
    box.setDefaultButton(QMessageBox::Save);
    box.setObjectName(QStringLiteral("unsavedChangesBox"));
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

MainWindow *MainWindow::newWindow()
{
    auto *window = new MainWindow(m_demo, m_demoError);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->move(pos() + QPoint(32, 32));
    window->show();
    return window;
}

MainWindow *MainWindow::showDocument(std::unique_ptr<SessionDocument> document)
{
    auto *window = new MainWindow(std::move(document), m_demo, m_demoError);
    window->setAttribute(Qt::WA_DeleteOnClose);
    const bool replace = isPristine();
    window->setGeometry(geometry());
    if (!replace)
        window->move(pos() + QPoint(32, 32));
    window->show();
    if (replace)
        close(); // nothing in it to lose: the opened session takes its place
    return window;
}

void MainWindow::openFromDialog()
{
    const QString dir = m_document->filePath().isEmpty() ? QString() : QFileInfo(m_document->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Session"), dir,
        tr("Sessions and HAR files (*.wirescope *.har);;Wirescope sessions (*.wirescope);;HAR files (*.har);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

MainWindow *MainWindow::openFile(const QString &path)
{
    if (QFileInfo(path).suffix().compare(QStringLiteral("har"), Qt::CaseInsensitive) == 0)
        return importHar(path);
    SessionFileError error;
    std::unique_ptr<SessionDocument> document = SessionDocument::open(path, AppSettings::workingDirectory(), &error);
    if (!document) {
        QMessageBox::warning(this, tr("Session not opened"),
                             tr("%1 was not opened: %2").arg(QDir::toNativeSeparators(path), refusalText(error)));
        if (error.id == QLatin1String(sessionerrors::Unreadable))
            AppSettings::removeRecentFile(QFileInfo(path).absoluteFilePath());
        return nullptr;
    }
    AppSettings::addRecentFile(path);
    return showDocument(std::move(document));
}

MainWindow *MainWindow::importHar(const QString &path)
{
    QFile file(path);
    QString why;
    std::optional<HarImport> imported;
    if (!file.open(QIODevice::ReadOnly)) {
        why = file.errorString();
    } else {
        HarReader reader;
        imported = reader.read(file.readAll());
        if (!imported)
            why = reader.error().message();
    }
    SessionFileError error;
    std::unique_ptr<SessionDocument> document;
    QStringList notes;
    if (imported) {
        notes = imported->notes;
        document = SessionDocument::import(std::move(*imported), AppSettings::workingDirectory(), &error);
        if (!document)
            why = error.message;
    }
    if (!document) {
        QMessageBox::warning(this, tr("HAR not imported"),
                             tr("%1 was not imported: %2").arg(QDir::toNativeSeparators(path), why));
        return nullptr;
    }
    MainWindow *window = showDocument(std::move(document));
    window->statusBar()->showMessage(notes.isEmpty()
        ? tr("Imported %1").arg(QFileInfo(path).fileName())
        : tr("Imported %1. Left out or unknown: %2").arg(QFileInfo(path).fileName(), notes.join(QStringLiteral("; "))));
    return window;
}

bool MainWindow::save()
{
    return m_document->filePath().isEmpty() ? saveAs() : saveTo(m_document->filePath());
}

bool MainWindow::saveAs()
{
    QString suggested = m_document->filePath();
    if (suggested.isEmpty())
        suggested = QDir::home().filePath(
            QStringLiteral("session-%1.wirescope").arg(m_session->clock().wallAnchor().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    QString path = QFileDialog::getSaveFileName(this, tr("Save Session As"), suggested, tr("Wirescope sessions (*.wirescope)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".wirescope");
    return saveTo(path);
}

bool MainWindow::saveTo(const QString &path)
{
    SessionFileError error;
    if (!m_document->save(path, &error)) {
        QMessageBox::warning(this, tr("Session not saved"),
                             tr("%1 was not saved: %2").arg(QDir::toNativeSeparators(path), refusalText(error)));
        return false;
    }
    AppSettings::addRecentFile(path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = AppSettings::recentFiles();
    int number = 0;
    for (const QString &path : files) {
        const QFileInfo info(path);
        QAction *action = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(++number % 10).arg(info.fileName()), this, [this, path] { openFile(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setEnabled(info.exists());
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent sessions"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Recent Sessions"), this, [] {
        for (const QString &path : AppSettings::recentFiles())
            AppSettings::removeRecentFile(path);
    });
}

void MainWindow::importCurl()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Import cURL"),
        tr("Paste a curl command (a browser's Copy as cURL, Postman's code snippet or a terminal line):"), QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    QString error;
    if (!m_http->importCurl(text, &error))
        QMessageBox::warning(this, tr("cURL not imported"), tr("The command was not imported: %1").arg(error));
}

ReplayDialog *MainWindow::replay()
{
    if (m_document->isEmpty()) {
        statusBar()->showMessage(tr("Nothing to replay yet: the session holds no traffic."), 5000);
        return nullptr;
    }
    const QString name = m_document->filePath().isEmpty() ? tr("Untitled session") : QFileInfo(m_document->filePath()).fileName();
    auto *dialog = new ReplayDialog(m_session, name, m_demo && m_demo->isListening() ? m_demo->httpBaseUrl() : QUrl(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

LabWindow *MainWindow::openLab()
{
    if (!m_lab) {
        QUrl base;
        if (m_demo && m_demo->isListening())
            base = m_demo->httpBaseUrl();
        m_lab = new LabWindow(base, this);
    }
    m_lab->show();
    m_lab->raise();
    m_lab->activateWindow();
    return m_lab;
}

void MainWindow::exportHar()
{
    exportTo(true);
}

void MainWindow::exportPcapng()
{
    exportTo(false);
}

void MainWindow::exportTo(bool har)
{
    if (m_document->isEmpty()) {
        statusBar()->showMessage(tr("Nothing to export yet: the session holds no traffic."), 5000);
        return;
    }
    const QString base = m_document->filePath().isEmpty()
        ? QDir::home().filePath(QStringLiteral("session"))
        : QFileInfo(m_document->filePath()).absolutePath() + u'/' + QFileInfo(m_document->filePath()).completeBaseName();
    ExportDialog dialog(har ? ExportDialog::Format::Har : ExportDialog::Format::Pcapng,
                        base + (har ? QStringLiteral(".har") : QStringLiteral(".pcapng")), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ExportOptions options;
    options.wallAnchor = m_session->clock().wallAnchor();
    options.annotations = m_session->annotations()->all();
    options.redaction = dialog.redaction();
    QString why;
    const bool written = har ? saveHar(m_session->timeline(), dialog.path(), options, &why)
                             : savePcapng(m_session->timeline(), dialog.path(), options, &why);
    if (!written) {
        QMessageBox::warning(this, tr("Not exported"), tr("%1 was not written: %2").arg(QDir::toNativeSeparators(dialog.path()), why));
        return;
    }
    statusBar()->showMessage(options.redaction.enabled
                                 ? tr("Exported %1 (secrets hidden)").arg(QDir::toNativeSeparators(dialog.path()))
                                 : tr("Exported %1 with its secrets").arg(QDir::toNativeSeparators(dialog.path())),
                             8000);
}

QList<MainWindow *> MainWindow::offerRecovery()
{
    QList<MainWindow *> reopened;
    for (const OrphanedSession &orphan : SessionDocument::orphans(AppSettings::workingDirectory())) {
        QMessageBox box(QMessageBox::Question, tr("Recover unsaved session"),
                        tr("Wirescope did not close properly. A session it was recording until %1 was not saved.")
                            .arg(QLocale().toString(orphan.modified, QLocale::ShortFormat)),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("recoveryBox"));
        box.setInformativeText(tr("It holds %1, %2 and %3.")
                                   .arg(tr("%n HTTP exchange(s)", nullptr, int(orphan.exchanges)),
                                        tr("%n connection(s)", nullptr, int(orphan.connections)),
                                        tr("%n WebSocket message(s)", nullptr, int(orphan.messages))));
        QPushButton *reopen = box.addButton(tr("&Reopen"), QMessageBox::AcceptRole);
        QPushButton *discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        box.addButton(tr("&Later"), QMessageBox::RejectRole);
        box.setDefaultButton(reopen);
        box.exec();
        if (box.clickedButton() == discard) {
            SessionDocument::discardOrphan(orphan.workingPath);
        } else if (box.clickedButton() == reopen) {
            SessionFileError error;
            std::unique_ptr<SessionDocument> document = SessionDocument::recover(orphan.workingPath, &error);
            if (!document) {
                QMessageBox::warning(this, tr("Session not recovered"),
                                     tr("The session was not recovered: %1 It stays in %2.")
                                         .arg(refusalText(error), QDir::toNativeSeparators(orphan.workingPath)));
                continue;
            }
            MainWindow *window = (reopened.isEmpty() ? this : reopened.last())->showDocument(std::move(document));
            reopened.append(window);
        }
    }
    return reopened;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && isSessionFile(url.toLocalFile())) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile() && isSessionFile(url.toLocalFile()))
            paths.append(url.toLocalFile());
    event->acceptProposedAction();
    // Each file opens in a window of its own; the first takes this one's place when it is
    // untouched.
    MainWindow *from = this;
    for (const QString &path : paths)
        if (MainWindow *window = from->openFile(path))
            from = window;
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(geometryKey(), saveGeometry());
    settings.setValue(stateKey(), saveState(LayoutVersion));
    settings.setValue(splitterKey(), m_area->splitter()->saveState());
    settings.setValue(arrangementKey(), int(m_area->arrangement()));
    settings.setValue(chartsSplitterKey(), m_chartsSplitter->saveState());
    settings.setValue(wsSplitterKey(), m_ws->saveState());
    m_http->saveState();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    m_proportionsPending = !settings.contains(splitterKey());
    restoreGeometry(settings.value(geometryKey()).toByteArray());
    restoreState(settings.value(stateKey()).toByteArray(), LayoutVersion);
    m_area->splitter()->restoreState(settings.value(splitterKey()).toByteArray());
    m_chartsSplitter->restoreState(settings.value(chartsSplitterKey()).toByteArray());
    m_ws->restoreState(settings.value(wsSplitterKey()).toByteArray());
    m_http->restoreState();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Proportions need the final size: the window may have been resized after construction
    // and cannot be smaller than its minimum, whatever resize() asked for.
    if (m_proportionsPending) {
        m_proportionsPending = false;
        applyDefaultProportions();
    }
}

// HTTP and WebSocket halves equal, the Live charts dock a quarter of the window's height.
void MainWindow::applyDefaultProportions()
{
    const int half = m_area->width() / 2;
    m_area->splitter()->setSizes({half, m_area->width() - half});
    const int chartsHalf = m_chartsSplitter->width() / 2;
    m_chartsSplitter->setSizes({chartsHalf, chartsHalf});
    resizeDocks({m_chartsDock}, {height() / 4}, Qt::Vertical);
    // Below 1000 px (laptops, the 1600x900 first window) the charts would take the rows the
    // log and the frame inspector need: they start folded away (View > Live charts, Ctrl+Shift+G).
    m_chartsDock->setVisible(height() >= kChartsDockMinWindowHeight);
}

void MainWindow::showChartsOfFront()
{
    const bool both = !m_area->isTabbed();
    QWidget *front = m_area->currentWorkspace();
    m_http->chartsWidget()->setVisible(both || front == m_http);
    m_ws->chartsWidget()->setVisible(both || front == m_ws);
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState, LayoutVersion);
    applyDefaultProportions();
}

} // namespace wirescope

#include "ui/mainwindow.h"

#include "core/demo/demoserver.h"
#include "core/session/session.h"
#include "ui/app/aboutdialog.h"
#include "ui/app/appsettings.h"
#include "ui/app/demoendpointspanel.h"
#include "ui/app/settingsdialog.h"
#include "ui/http/httpworkspace.h"
#include "ui/ws/wsworkspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QStatusBar>

namespace wirescope {

namespace {
QString geometryKey() { return QStringLiteral("window/geometry"); }
QString stateKey() { return QStringLiteral("window/state"); }
QString splitterKey() { return QStringLiteral("window/splitter"); }
QString chartsSplitterKey() { return QStringLiteral("window/chartsSplitter"); }
QString wsSplitterKey() { return QStringLiteral("window/wsSplitter"); }
constexpr int LayoutVersion = 1;

// The platform's key for a standard action, or a common one where the platform has none
// (the offscreen and minimal platforms define no Quit or FullScreen key).
QList<QKeySequence> standardOr(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    if (keys.isEmpty())
        keys.append(fallback);
    return keys;
}
} // namespace

MainWindow::MainWindow(DemoServer *demo, const QString &demoError, QWidget *parent)
    : QMainWindow(parent)
    , m_session(new Session(this))
    , m_http(new HttpWorkspace(m_session, this))
    , m_ws(new WsWorkspace(m_session, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_chartsSplitter(new QSplitter(Qt::Horizontal, this))
    , m_endpoints(new DemoEndpointsPanel(this))
    , m_endpointsDock(new QDockWidget(tr("Demo endpoints"), this))
    , m_historyDock(new QDockWidget(tr("History"), this))
    , m_chartsDock(new QDockWidget(tr("Live charts"), this))
    , m_demoStatus(new QLabel(this))
{
    setWindowTitle(tr("Wirescope"));
    m_session->timeline().setByteBudget(AppSettings::payloadBudgetBytes());
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_splitter->setObjectName(QStringLiteral("workspaceSplitter"));
    m_splitter->addWidget(m_http);
    m_splitter->addWidget(m_ws);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    setCentralWidget(m_splitter);

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
    m_http->chartsWidget()->show(); // the workspaces keep their panels hidden until placed
    m_ws->chartsWidget()->show();
    m_chartsSplitter->setChildrenCollapsible(false);
    m_chartsDock->setObjectName(QStringLiteral("chartsDock"));
    m_chartsDock->setWidget(m_chartsSplitter);
    addDockWidget(Qt::BottomDockWidgetArea, m_chartsDock);

    m_demoStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_demoStatus->setAccessibleName(tr("Demo server address"));
    statusBar()->addPermanentWidget(m_demoStatus);

    connect(m_endpoints, &DemoEndpointsPanel::openHttpRequested, this, [this](const QString &method, const QUrl &url) {
        m_http->openRequest(method, url);
    });
    connect(m_endpoints, &DemoEndpointsPanel::openWebSocketRequested, this, [this](const QUrl &url) {
        m_ws->setDefaultUrl(url);
        m_ws->newConsole();
    });

    showDemoServer(demo, demoError);
    createMenus();
    // 1600x900 where the screen has room, else most of the screen (a 1366x768 laptop).
    QSize size(1600, 900);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.95);
    resize(size);
    // Defaults before any saved layout: endpoints dock readable, HTTP and WebSocket halves
    // equal, the charts dock about 30% of the window, the two charts equal.
    resizeDocks({m_endpointsDock}, {qBound(220, size.width() / 6, 320)}, Qt::Horizontal);
    resizeDocks({m_chartsDock}, {size.height() * 3 / 10}, Qt::Vertical);
    m_splitter->setSizes({1, 1});
    m_chartsSplitter->setSizes({1, 1});
    m_defaultState = saveState(LayoutVersion);
    restoreLayout();
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
    const QList<QAction *> httpActions = m_http->actions();
    const QList<QAction *> wsActions = m_ws->actions();
    file->addActions(httpActions);
    file->addSeparator();
    file->addActions(wsActions);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
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
    m_session->timeline().setByteBudget(AppSettings::payloadBudgetBytes());
    statusBar()->showMessage(tr("Preferences saved; the demo server setting applies at the next start."), 8000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(geometryKey(), saveGeometry());
    settings.setValue(stateKey(), saveState(LayoutVersion));
    settings.setValue(splitterKey(), m_splitter->saveState());
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
    m_splitter->restoreState(settings.value(splitterKey()).toByteArray());
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

// HTTP and WebSocket halves equal, the Live charts dock about 30% of the window's height.
void MainWindow::applyDefaultProportions()
{
    const int half = m_splitter->width() / 2;
    m_splitter->setSizes({half, half});
    const int chartsHalf = m_chartsSplitter->width() / 2;
    m_chartsSplitter->setSizes({chartsHalf, chartsHalf});
    resizeDocks({m_chartsDock}, {height() * 3 / 10}, Qt::Vertical);
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState, LayoutVersion);
    m_endpointsDock->show();
    m_historyDock->show();
    m_chartsDock->show();
    applyDefaultProportions();
}

} // namespace wirescope

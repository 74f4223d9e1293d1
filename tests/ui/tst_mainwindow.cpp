#include "core/session/session.h"
#include "tests/peers/demopeer.h"
#include "tests/support/darkpalette.h"
#include "ui/app/aboutdialog.h"
#include "ui/app/demoendpointsmodel.h"
#include "ui/app/demoendpointspanel.h"
#include "ui/app/workspacearea.h"
#include "ui/http/httpcomposer.h"
#include "ui/http/httprequesttab.h"
#include "ui/http/httpresponseview.h"
#include "ui/http/httpworkspace.h"
#include "ui/mainwindow.h"
#include "ui/ws/wscomposer.h"
#include "ui/ws/wsconsole.h"
#include "ui/widgets/hexlayout.h"
#include "ui/widgets/hexview.h"
#include "ui/ws/wsframediagram.h"
#include "ui/ws/wsframefieldsmodel.h"
#include "ui/ws/wsframeinspector.h"
#include "ui/ws/wslogmodel.h"
#include "ui/ws/wshandshakeview.h"
#include "ui/ws/wsworkspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QTest>

using namespace wirescope;
using namespace wirescope::test;

namespace {

QStringList menuTitles(QMainWindow &window)
{
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles.append(action->text().remove(u'&'));
    return titles;
}

int rowOfPath(const DemoEndpointsModel *model, const QString &path)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, int(DemoEndpointsModel::Column::Path)).data().toString() == path)
            return row;
    return -1;
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WirescopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    }

    void init()
    {
        QSettings().clear();
    }

    void theWindowOpensWithMenusAndTheDemoServerAddress()
    {
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        MainWindow window(&demo.server());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(menuTitles(window), (QStringList{QStringLiteral("File"), QStringLiteral("Edit"), QStringLiteral("View"),
                                                  QStringLiteral("Help")}));
        QVERIFY2(window.demoStatusLabel()->text().contains(demo.server().httpBaseUrl().toString()),
                 qPrintable(window.demoStatusLabel()->text()));
        // Both workspaces are there (side by side or as tabs); the first request points at the demo server.
        QCOMPARE(window.centralWidget(), window.workspaceArea());
        QVERIFY(window.workspaceArea()->isAncestorOf(window.httpWorkspace()));
        QVERIFY(window.workspaceArea()->isAncestorOf(window.wsWorkspace()));
        QCOMPARE(window.httpWorkspace()->currentTab()->composer()->urlEdit()->text(),
                 demo.httpUrl(QStringLiteral("/get")).toString());
        // Every main action has a shortcut (submenus: Open Recent, Import, Export, do not).
        for (QAction *menu : window.menuBar()->actions())
            for (QAction *action : menu->menu()->actions())
                if (!action->isSeparator() && !action->menu() && action->text() != QStringLiteral("About &Qt")
                    && action->text() != QStringLiteral("&Reset Layout") && action->text() != QStringLiteral("Clear HTTP &History"))
                    QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
    }

    void thePayloadBudgetIsAPreferenceAppliedAtOnce()
    {
        MainWindow window(nullptr, QString());
        QCOMPARE(window.session()->timeline().byteBudget(), qint64(512) << 20); // the default
        // Edit > Preferences: the budget box, changed and accepted, applies without a restart.
        bool seen = false;
        QTimer::singleShot(0, &window, [&seen] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QSpinBox *budget = nullptr;
            for (QSpinBox *box : dialog->findChildren<QSpinBox *>())
                if (box->accessibleName() == QStringLiteral("Payload memory budget"))
                    budget = box;
            QVERIFY(budget);
            QCOMPARE(budget->value(), 512);
            budget->setValue(64);
            seen = true;
            dialog->accept();
        });
        window.showPreferences();
        QVERIFY(seen);
        QCOMPARE(window.session()->timeline().byteBudget(), qint64(64) << 20);
        MainWindow next(nullptr, QString());
        QCOMPARE(next.session()->timeline().byteBudget(), qint64(64) << 20); // kept in the settings
    }

    void withoutTheDemoServerTheStatusBarSaysWhy()
    {
        MainWindow window(nullptr, QStringLiteral("The address is already in use"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.demoStatusLabel()->text().contains(QStringLiteral("The address is already in use")));
        QCOMPARE(window.endpointsPanel()->model()->rowCount(), 0);
    }

    void theEndpointsModelListsWorkingUrls()
    {
        DemoEndpointsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setBaseUrls(QUrl(QStringLiteral("http://127.0.0.1:18080")), QUrl(QStringLiteral("ws://127.0.0.1:18080")));
        QCOMPARE(model.rowCount(), DemoEndpoint::all().size());
        const int status = rowOfPath(&model, QStringLiteral("/status/418"));
        QVERIFY(status >= 0);
        QCOMPARE(model.urlAt(status), QUrl(QStringLiteral("http://127.0.0.1:18080/status/418")));
        const int echo = rowOfPath(&model, QStringLiteral("/ws/echo"));
        QCOMPARE(model.urlAt(echo), QUrl(QStringLiteral("ws://127.0.0.1:18080/ws/echo")));
        QVERIFY(model.isWebSocketAt(echo));
        model.setBaseUrls({}, {});
        QCOMPARE(model.rowCount(), 0);
    }

    void doubleClickingAnEndpointOpensItAndCopyPutsItsUrlOnTheClipboard()
    {
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        MainWindow window(&demo.server());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        DemoEndpointsPanel *panel = window.endpointsPanel();
        const int row = rowOfPath(panel->model(), QStringLiteral("/status/418"));
        QVERIFY(row >= 0);
        QTableView *view = panel->view();
        const QRect cell = view->visualRect(panel->model()->index(row, 1));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        const QString expected = demo.httpUrl(QStringLiteral("/status/418")).toString();
        QCOMPARE(window.httpWorkspace()->currentTab()->composer()->urlEdit()->text(), expected);

        auto *copy = panel->findChild<QPushButton *>();
        QVERIFY(copy && copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), expected);
    }

    void theLayoutComesBackAfterARestart()
    {
        QList<int> sizes;
        {
            MainWindow window;
            window.workspaceArea()->setArrangement(WorkspaceArea::Arrangement::SideBySide);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.findChild<QDockWidget *>(QStringLiteral("chartsDock"))->hide();
            QSplitter *splitter = window.workspaceArea()->splitter();
            const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
            splitter->setSizes({total / 4, total - total / 4});
            sizes = splitter->sizes();
            window.close();
        }
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!again.findChild<QDockWidget *>(QStringLiteral("chartsDock"))->isVisible());
        QCOMPARE(again.workspaceArea()->arrangement(), WorkspaceArea::Arrangement::SideBySide);
        QCOMPARE(again.workspaceArea()->splitter()->sizes(), sizes);
    }

    void theWindowFitsALaptopScreenAndSharesItFairly_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("tabbed");
        QTest::addColumn<bool>("charts");
        QTest::newRow("1366x768: tabs, no charts") << QSize(1366, 768) << true << false;
        QTest::newRow("1600x900: tabs, no charts") << QSize(1600, 900) << true << false;
        QTest::newRow("1920x1080: tabs, charts") << QSize(1920, 1080) << true << true;
        QTest::newRow("2560x1440: side by side, charts") << QSize(2560, 1440) << false << true;
    }

    void theWindowFitsALaptopScreenAndSharesItFairly()
    {
        QFETCH(QSize, size);
        QFETCH(bool, tabbed);
        QFETCH(bool, charts);
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        MainWindow window(&demo.server());
        // 1366x768 less a title bar and a task bar.
        const QSize least = window.minimumSizeHint().expandedTo(window.minimumSize());
        QVERIFY2(least.width() <= 1366 && least.height() <= 700,
                 qPrintable(QStringLiteral("the window needs at least %1x%2").arg(least.width()).arg(least.height())));
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.workspaceArea()->isTabbed(), tabbed);
        if (tabbed) {
            // The tab in front has the whole width; the other one steps behind it.
            QVERIFY(window.httpWorkspace()->isVisible());
            QVERIFY(!window.wsWorkspace()->isVisible());
            QVERIFY(window.httpWorkspace()->width() >= window.workspaceArea()->width() - 10);
            window.wsWorkspace()->actions().constFirst()->trigger(); // New WebSocket Connection
            QVERIFY(window.wsWorkspace()->isVisible());
            QVERIFY(!window.httpWorkspace()->isVisible());
        } else {
            // HTTP and WebSocket halves about equal.
            const QList<int> halves = window.workspaceArea()->splitter()->sizes();
            QVERIFY2(qAbs(halves.value(0) - halves.value(1)) <= (halves.value(0) + halves.value(1)) / 10,
                     qPrintable(QStringLiteral("%1 vs %2").arg(halves.value(0)).arg(halves.value(1))));
        }
        // The charts dock about a quarter of the height where there is room, else folded away.
        auto *chartsDock = window.findChild<QDockWidget *>(QStringLiteral("chartsDock"));
        QCOMPARE(chartsDock->isVisible(), charts);
        if (charts) {
            // Tabs: the charts of the tab in front only.
            QVERIFY(window.wsWorkspace()->chartsWidget()->isVisible());
            QCOMPARE(window.httpWorkspace()->chartsWidget()->isVisible(), !tabbed);
        }
        if (charts)
            QVERIFY2(chartsDock->height() >= window.height() / 6 && chartsDock->height() <= window.height() / 3,
                     qPrintable(QString::number(chartsDock->height())));
        // The past connections fold away: the console has the workspace's width.
        QVERIFY(!window.wsWorkspace()->isHistoryShown());
        QVERIFY(window.wsWorkspace()->tabs()->width() >= window.wsWorkspace()->width() - 10);
    }

    void focusModeGivesOnePanelTheWholeWindowAndGivesItBack()
    {
        MainWindow window;
        window.resize(1366, 740);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *endpoints = window.findChild<QDockWidget *>(QStringLiteral("endpointsDock"));
        QVERIFY(endpoints->isVisible());
        WsConsole *console = window.wsWorkspace()->currentConsole();
        const int before = console->inspector()->height();
        window.setFocusPanel(int(WsConsole::FocusPanel::Frame));
        QVERIFY(!window.httpWorkspace()->isVisible());
        QVERIFY(!endpoints->isVisible());
        QVERIFY(!console->logView()->isVisible());
        QVERIFY(!console->composer()->isVisible());
        QVERIFY(console->inspector()->isVisible());
        QTRY_VERIFY(console->inspector()->height() > before);
        window.setFocusPanel(int(WsConsole::FocusPanel::Handshake));
        QVERIFY(console->handshakeView()->isVisible());
        window.setFocusPanel(int(WsConsole::FocusPanel::Log));
        QVERIFY(console->logView()->isVisible());
        QVERIFY(!console->detailTabs()->isVisible());
        window.setFocusPanel(0);
        QVERIFY(window.httpWorkspace()->isVisible()); // in front again where the two are tabs
        QVERIFY(endpoints->isVisible());
        window.workspaceArea()->showWorkspace(window.wsWorkspace());
        QVERIFY(console->logView()->isVisible() && console->detailTabs()->isVisible() && console->composer()->isVisible());
    }

    void frameInspectorShowsAWholeFrameWithoutTouchingASplitter_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("laptop 1366x768") << QSize(1366, 768);
        QTest::newRow("1600x900") << QSize(1600, 900);
        QTest::newRow("full HD 1920x1080") << QSize(1920, 1080);
    }

    void frameInspectorShowsAWholeFrameWithoutTouchingASplitter()
    {
        // Issue #10: in the layout of a first start, the frame of a sent 300-byte message
        // (ten fields: 16-bit length and mask key) shows its whole diagram, every field row
        // and ten hex lines, with the log and the composer on screen too.
        QFETCH(QSize, size);
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        MainWindow window(&demo.server());
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.workspaceArea()->showWorkspace(window.wsWorkspace()); // where the two are tabs
        WsConsole *console = window.wsWorkspace()->currentConsole();
        console->connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(console->state() == WsConnectionState::Open, 15000);
        console->composer()->setText(QString(300, u'x'));
        console->composer()->sendButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(console->chartData().totalMessages(Direction::In) >= 1, 15000);
        console->flushLog();
        int sent = -1;
        for (int row = 0; row < console->logModel()->rowCount() && sent < 0; ++row)
            if (const QModelIndex index = console->logModel()->index(row, WsLogModel::PreviewColumn);
                index.data(WsLogModel::DirectionRole).toInt() == int(Direction::Out)
                && index.data().toString().startsWith(QStringLiteral("xxxx")))
                sent = row;
        QVERIFY(sent >= 0);
        console->logView()->selectRow(sent);
        QTest::qWait(50);

        QVERIFY(console->logView()->isVisible());
        QVERIFY(console->composer()->isVisible());
        QVERIFY(console->inspector()->isVisible());
        WsFrameInspector *inspector = console->inspector();
        QCOMPARE(inspector->fieldsModel()->rowCount(), 10);
        auto *diagramScroll = qobject_cast<QScrollArea *>(inspector->diagram()->parentWidget()->parentWidget());
        QVERIFY(diagramScroll);
        QCOMPARE(diagramScroll->verticalScrollBar()->maximum(), 0);
        QCOMPARE(inspector->fieldsView()->verticalScrollBar()->maximum(), 0);
        const qreal line = inspector->hexView()->layoutGeometry().lineHeight();
        QVERIFY2(inspector->hexView()->viewport()->height() >= 10 * line,
                 qPrintable(QStringLiteral("%1 hex lines").arg(inspector->hexView()->viewport()->height() / line)));
        QVERIFY2(console->logView()->viewport()->height() >= 8 * console->logView()->verticalHeader()->defaultSectionSize(),
                 "fewer than eight log rows");
    }

    void oneWebSocketTabAtStartAimedAtTheEchoEndpoint()
    {
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        MainWindow window(&demo.server());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.wsWorkspace()->consoleCount(), 1);
        QUrl echo = demo.server().wsBaseUrl();
        echo.setPath(QStringLiteral("/ws/echo"));
        QCOMPARE(window.wsWorkspace()->currentConsole()->urlEdit()->text(), echo.toString());
    }

    void noKeyIsBoundTwiceWhereBothCouldFire()
    {
        // Two bindings of one key that are live at the same time make Qt fire neither
        // ("ambiguous shortcut"). Bindings on widgets of their own (the HTTP composer's and
        // the WebSocket composer's Ctrl+Enter) are fine: focus picks one.
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.httpWorkspace()->newRequest(); // two of each, as a user has them
        window.wsWorkspace()->newConsole();
        struct Binding {
            QString owner;
            const QWidget *scope; // where it fires: the window, or a widget and its children
            bool childrenToo;
        };
        QMultiHash<QKeySequence, Binding> bindings;
        auto add = [&](const QList<QKeySequence> &keys, const QString &owner, Qt::ShortcutContext context,
                       const QWidget *widget) {
            if (!widget || !widget->isVisible())
                return; // Qt ignores the bindings of hidden widgets (a tab not shown)
            const bool windowWide = context == Qt::WindowShortcut || context == Qt::ApplicationShortcut;
            for (const QKeySequence &key : keys)
                if (!key.isEmpty())
                    bindings.insert(key, Binding{owner, windowWide ? widget->window() : widget,
                                                 context != Qt::WidgetShortcut});
        };
        for (const QAction *action : window.findChildren<QAction *>()) {
            for (const QObject *object : action->associatedObjects()) {
                // A window-wide action in a menu of the menu bar fires while the window is
                // active; a narrower one fires through the widgets it was added to.
                if (qobject_cast<const QMenu *>(object)) {
                    if (action->shortcutContext() == Qt::WindowShortcut || action->shortcutContext() == Qt::ApplicationShortcut)
                        add(action->shortcuts(), action->text(), Qt::WindowShortcut, &window);
                    continue;
                }
                add(action->shortcuts(), action->text(), action->shortcutContext(), qobject_cast<const QWidget *>(object));
            }
        }
        for (const QShortcut *shortcut : window.findChildren<QShortcut *>())
            add({shortcut->key()}, shortcut->objectName().isEmpty() ? QStringLiteral("a QShortcut") : shortcut->objectName(),
                shortcut->context(), qobject_cast<const QWidget *>(shortcut->parent()));
        auto covers = [](const Binding &a, const Binding &b) {
            if (a.scope == b.scope)
                return true;
            return a.childrenToo && a.scope->isAncestorOf(b.scope);
        };
        QStringList clashes;
        for (const QKeySequence &key : bindings.uniqueKeys()) {
            const QList<Binding> list = bindings.values(key);
            for (qsizetype i = 0; i < list.size(); ++i)
                for (qsizetype j = i + 1; j < list.size(); ++j)
                    if (list[i].owner != list[j].owner && (covers(list[i], list[j]) || covers(list[j], list[i])))
                        clashes << QStringLiteral("%1: %2 / %3").arg(key.toString(), list[i].owner, list[j].owner);
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
        QVERIFY(bindings.size() > 15); // the walk found the window's bindings
    }

    void theWebSocketSplitterComesBackAfterARestart()
    {
        QList<int> sizes;
        {
            MainWindow window;
            window.resize(1920, 1080);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.workspaceArea()->showWorkspace(window.wsWorkspace());
            QTest::mouseClick(window.wsWorkspace()->historyButton(), Qt::LeftButton);
            QVERIFY(window.wsWorkspace()->isHistoryShown());
            auto *split = window.wsWorkspace()->findChild<QSplitter *>(QString(), Qt::FindDirectChildrenOnly);
            QVERIFY(split);
            split->setSizes({150, split->width() - 150});
            sizes = split->sizes();
            QCOMPARE(sizes.value(0), 150);
            window.close();
        }
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        again.workspaceArea()->showWorkspace(again.wsWorkspace());
        QVERIFY(again.wsWorkspace()->isHistoryShown());
        QVERIFY(again.wsWorkspace()->historyButton()->isChecked());
        auto *split = again.wsWorkspace()->findChild<QSplitter *>(QString(), Qt::FindDirectChildrenOnly);
        // The pane keeps its width; the console takes whatever the window gives.
        QCOMPARE(split->sizes().value(0), sizes.value(0));
    }

    void theAboutDialogNamesTheVersionAndTheDemoServer()
    {
        AboutDialog dialog(QStringLiteral("Demo server: http://127.0.0.1:1"));
        QString text;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            text += label->text();
        QVERIFY(text.contains(QStringLiteral("Wirescope 0.1.0")));
        QVERIFY(text.contains(QStringLiteral("Demo server: http://127.0.0.1:1")));
    }

    // Grabs the main views after real traffic; with WIRESCOPE_SCREENSHOT_DIR set (e.g. to
    // docs/screenshots) the PNGs are kept for the README.
    void screenshotsOfTheMainViews()
    {
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        QTemporaryDir temp;
        const QString dir = qEnvironmentVariableIsSet("WIRESCOPE_SCREENSHOT_DIR")
                                ? qEnvironmentVariable("WIRESCOPE_SCREENSHOT_DIR")
                                : temp.path();
        QVERIFY(QDir().mkpath(dir));

        MainWindow window(&demo.server());
        window.resize(1600, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The HTTP views are also shot on their own, at the size of a half screen.
        Session session;
        HttpWorkspace alone(&session);
        alone.resize(1000, 860);
        alone.show();
        QVERIFY(QTest::qWaitForWindowExposed(&alone));
        const QList<QString> paths{QStringLiteral("/status/404"), QStringLiteral("/gzip"),
                                   QStringLiteral("/get?greeting=hello&lang=en")};
        for (HttpWorkspace *http : {window.httpWorkspace(), &alone}) {
            for (const QString &path : paths) {
                HttpRequestTab *tab = http->currentTab();
                QLineEdit *url = tab->composer()->urlEdit();
                url->selectAll();
                QTest::keyClicks(url, demo.httpUrl(path).toString());
                QTest::keyClick(url, Qt::Key_Return);
                QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 15000);
            }
        }
        QTest::qWait(50);

        const auto save = [&](QWidget *widget, const QString &name) {
            const QPixmap shot = widget->grab();
            QVERIFY(!shot.isNull());
            QVERIFY(shot.save(dir + u'/' + name));
        };
        HttpResponseView *response = alone.currentTab()->responseView();
        save(&alone, QStringLiteral("http-body.png"));
        response->tabs()->setCurrentIndex(3);
        save(&alone, QStringLiteral("http-timing.png"));
        response->tabs()->setCurrentIndex(1);
        save(&alone, QStringLiteral("http-headers.png"));
        response->tabs()->setCurrentIndex(2);
        save(&alone, QStringLiteral("http-raw.png"));
        QWidget *chart = alone.chartsWidget();
        chart->resize(900, 320);
        chart->show();
        QVERIFY(QTest::qWaitForWindowExposed(chart));
        save(chart, QStringLiteral("http-chart.png"));
        QWidget *history = alone.historyWidget();
        history->resize(520, 300);
        history->show();
        QVERIFY(QTest::qWaitForWindowExposed(history));
        save(history, QStringLiteral("http-history.png"));
        save(window.endpointsPanel(), QStringLiteral("demo-endpoints.png"));

        // Dark palette: everything follows it, the chart and the JSON colours included.
        const QPalette light = QApplication::palette();
        const QPalette dark = darkPalette();
        QApplication::setPalette(dark);
        QTest::qWait(20);
        alone.currentTab()->responseView()->tabs()->setCurrentIndex(0);
        save(&alone, QStringLiteral("http-body-dark.png"));
        save(chart, QStringLiteral("http-chart-dark.png"));
        QApplication::setPalette(light);
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"

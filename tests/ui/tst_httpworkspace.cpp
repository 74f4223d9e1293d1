#include "core/net/httpengine.h"
#include "core/session/session.h"
#include "core/session/sessionclock.h"
#include "tests/peers/demopeer.h"
#include "tests/peers/holdinghttppeer.h"
#include "tests/peers/nginxpeer.h"
#include "ui/http/httpcomposer.h"
#include "ui/http/httphistorymodel.h"
#include "ui/http/httprequesttab.h"
#include "ui/http/httpresponseview.h"
#include "ui/http/httptimingchart.h"
#include "ui/http/httpworkspace.h"

#include "ui/http/keyvaluemodel.h"
#include "ui/http/timingwaterfallwidget.h"
#include "ui/mainwindow.h"
#include "ui/widgets/payloadeditor.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

using namespace wirescope;
using namespace wirescope::test;

namespace {

// Types `url` into the current tab's URL bar like a user and presses Enter.
void typeUrlAndPressEnter(HttpWorkspace &workspace, const QString &url)
{
    QLineEdit *edit = workspace.currentTab()->composer()->urlEdit();
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, url);
    QTest::keyClick(edit, Qt::Key_Return);
}

// Shows a window at a size where every panel has room, as the tests see it.
[[nodiscard]] bool showWindow(QWidget &window)
{
    window.resize(900, 700);
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

// Sends from the current tab to the peer, which holds the request: true once the request is
// on the wire (the peer has its head) and the tab waits for the answer.
[[nodiscard]] bool sendHeldRequest(HttpWorkspace &workspace, const HoldingHttpPeer &peer, int alreadyReceived = 0)
{
    typeUrlAndPressEnter(workspace, peer.url(QStringLiteral("/held")).toString());
    return workspace.currentTab()->isRunning()
           && QTest::qWaitFor([&] { return peer.requestsReceived() == alreadyReceived + 1; }, 10000);
}

// The setting of a mid-request test: a shown workspace whose current tab sent a request the
// peer holds. The peer is declared first, so it outlives the workspace.
struct HeldRequest
{
    HoldingHttpPeer peer;
    Session session;
    HttpWorkspace workspace{&session};

    [[nodiscard]] bool start(QString *error)
    {
        if (!peer.start(error))
            return false;
        *error = QStringLiteral("the request did not reach the peer");
        return showWindow(workspace) && sendHeldRequest(workspace, peer);
    }
};

QString ms(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 1) + QStringLiteral(" ms");
}

QStringList harNames(const TimingWaterfallWidget *waterfall)
{
    QStringList names;
    for (const WaterfallRow &row : waterfall->rows())
        names.append(row.harName());
    return names;
}

} // namespace

class tst_HttpWorkspace : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WirescopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_httpworkspace"));
    }

    void aMultiMegabytePasteIsSentExactlyAsPasted()
    {
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        Session session;
        HttpWorkspace workspace(&session);
        QVERIFY(showWindow(workspace));
        HttpComposer *composer = workspace.currentTab()->composer();
        composer->methodBox()->setCurrentText(QStringLiteral("POST"));
        composer->tabs()->setCurrentIndex(2);
        composer->tabs()->currentWidget()->findChild<QComboBox *>()->setCurrentIndex(int(BodyKind::Json));
        PayloadEditor *body = nullptr;
        for (PayloadEditor *editor : composer->findChildren<PayloadEditor *>())
            if (editor->accessibleName() == QStringLiteral("JSON body"))
                body = editor;
        QVERIFY(body && body->isVisible());

        // 2 MiB of JSON with CRLF line ends and text beyond ASCII, pasted with Ctrl+V.
        QString text = QStringLiteral("[\r\n");
        for (int i = 0; text.size() < 2 * 1024 * 1024; ++i)
            text += QStringLiteral("  {\"n\": %1, \"text\": \"Grüße, 日本, \u2713\"},\r\n").arg(i);
        text += QStringLiteral("  {}\r\n]\r\n");
        QGuiApplication::clipboard()->setText(text);
        body->setFocus();
        QTest::keyClick(body, Qt::Key_V, Qt::ControlModifier);
        QVERIFY(body->isKept()); // kept as bytes: not laid out in the editor
        QVERIFY(body->toPlainText().size() <= PayloadEditor::PreviewBytes);
        QVERIFY(body->bannerLabel()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!body->pending(), 20000); // checked off the UI thread
        QVERIFY(body->facts().jsonError.isEmpty());

        typeUrlAndPressEnter(workspace, demo.httpUrl(QStringLiteral("/post")).toString());
        QTRY_VERIFY_WITH_TIMEOUT(!workspace.currentTab()->isRunning(), 30000);
        QCOMPARE(workspace.currentTab()->responseView()->statusLabel()->text(), QStringLiteral("200 OK"));
        const HttpExchangeRecord &record = workspace.historyModel()->recordAt(0);
        const QByteArray sent = text.toUtf8();
        QVERIFY(record.hops.last().requestBytes.endsWith(QByteArray("\r\n\r\n" + sent)));
        // The demo server got exactly these bytes.
        const QJsonObject echo = QJsonDocument::fromJson(record.hops.last().response.decodedBody).object();
        QCOMPARE(echo.value(QStringLiteral("body_size")).toInteger(), sent.size());
        QVERIFY(echo.value(QStringLiteral("body")).toString() == text);
    }

    void enterSendsToTheDemoServerAndShows200WithItsTiming()
    {
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        Session session;
        HttpWorkspace workspace(&session);
        QVERIFY(showWindow(workspace));

        typeUrlAndPressEnter(workspace, demo.httpUrl(QStringLiteral("/get?greeting=hello")).toString());
        HttpRequestTab *tab = workspace.currentTab();
        QVERIFY(tab->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 15000);

        HttpResponseView *response = tab->responseView();
        QCOMPARE(response->statusLabel()->text(), QStringLiteral("200 OK"));
        QVERIFY2(response->summaryLabel()->text().contains(QStringLiteral("Time ")), qPrintable(response->summaryLabel()->text()));
        // The echo comes back as JSON and is shown pretty-printed.
        QCOMPARE(response->bodyModeBox()->currentIndex(), int(HttpResponseView::BodyMode::Pretty));
        QVERIFY(response->prettyView()->toPlainText().contains(QStringLiteral("\"greeting\": \"hello\"")));
        // A fresh plain connection to an IP literal: no name to resolve and no TLS.
        QCOMPARE(harNames(response->waterfall()),
                 (QStringList{QStringLiteral("blocked"), QStringLiteral("connect"), QStringLiteral("send"),
                              QStringLiteral("wait"), QStringLiteral("receive")}));
        QCOMPARE(workspace.historyModel()->rowCount(), 1);
        QCOMPARE(workspace.timingChart()->data().entries().size(), 1);
        QVERIFY(response->rawView()->toPlainText().contains(QStringLiteral("GET /get?greeting=hello HTTP/1.1")));
    }

    void aStreamShowsWhileItArrivesAndStopsOnCancel()
    {
        // Server-sent events from the demo server, 2 per second: the body shows event by
        // event while the exchange runs, and Cancel stops the stream.
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        Session session;
        HttpWorkspace workspace(&session);
        QVERIFY(showWindow(workspace));
        typeUrlAndPressEnter(workspace, demo.httpUrl(QStringLiteral("/sse?hz=2&count=100")).toString());
        HttpRequestTab *tab = workspace.currentTab();
        HttpResponseView *response = tab->responseView();
        QTRY_VERIFY_WITH_TIMEOUT(response->rawBodyView()->toPlainText().contains(QStringLiteral("\"seq\":2")), 15000);
        QVERIFY(tab->isRunning());
        QCOMPARE(response->bodyModeBox()->currentIndex(), int(HttpResponseView::BodyMode::Raw));
        QVERIFY2(response->statusLabel()->text().startsWith(QStringLiteral("200")), qPrintable(response->statusLabel()->text()));
        QVERIFY2(response->summaryLabel()->text().contains(QStringLiteral("of body so far")), qPrintable(response->summaryLabel()->text()));
        QVERIFY2(response->summaryLabel()->text().contains(QStringLiteral("chunk")), qPrintable(response->summaryLabel()->text()));
        // Whole lines only: the view never ends inside an event's line.
        QVERIFY(response->rawBodyView()->toPlainText().endsWith(u'\n'));
        tab->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 10000);
        QCOMPARE(response->statusLabel()->text(), QStringLiteral("Cancelled"));
        QCOMPARE(workspace.historyModel()->recordAt(0).error.id(), QStringLiteral("cancelled"));
    }

    void unresolvedVariablesAreReportedAndNothingIsSent()
    {
        Session session;
        HttpWorkspace workspace(&session);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        typeUrlAndPressEnter(workspace, QStringLiteral("http://{{host}}/get?token={{token}}"));
        HttpRequestTab *tab = workspace.currentTab();
        QVERIFY(!tab->isRunning());
        QLabel *label = nullptr;
        for (QLabel *l : tab->composer()->findChildren<QLabel *>())
            if (l->accessibleName() == QStringLiteral("Problem with the request"))
                label = l;
        QVERIFY(label);
        QVERIFY2(label->text().contains(QStringLiteral("{{host}}")) && label->text().contains(QStringLiteral("{{token}}")),
                 qPrintable(label->text()));
        QCOMPARE(workspace.historyModel()->rowCount(), 0);
    }

    void aRefusedRequestDoesNotStandUnderThePreviousAnswer()
    {
        // A 200 first; then the same tab refuses to send a URL with an unresolved variable:
        // the pane must not keep showing the 200 as if it answered the new request.
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        Session session;
        HttpWorkspace workspace(&session);
        QVERIFY(showWindow(workspace));
        typeUrlAndPressEnter(workspace, demo.httpUrl(QStringLiteral("/get")).toString());
        HttpRequestTab *tab = workspace.currentTab();
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 15000);
        HttpResponseView *response = tab->responseView();
        QCOMPARE(response->statusLabel()->text(), QStringLiteral("200 OK"));
        typeUrlAndPressEnter(workspace, demo.httpUrl(QStringLiteral("/get")).toString() + QStringLiteral("?x={{missing}}"));
        QVERIFY(!tab->isRunning());
        QCOMPARE(response->statusLabel()->text(), QStringLiteral("Not sent"));
        QVERIFY2(response->summaryLabel()->text().contains(QStringLiteral("{{missing}}")), qPrintable(response->summaryLabel()->text()));
        QVERIFY(response->prettyView()->toPlainText().isEmpty());
        QVERIFY(response->rawView()->toPlainText().isEmpty());
        QVERIFY(response->waterfall()->rows().isEmpty());
        QCOMPARE(workspace.historyModel()->rowCount(), 1); // the 200 is still in History
    }

    void anEnvironmentResolvesVariablesAndHistoryReopensTheRequest()
    {
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        Session session;
        HttpWorkspace workspace(&session);
        QVERIFY(showWindow(workspace));
        Environment local{QStringLiteral("local"),
                          {{QStringLiteral("base"), demo.httpUrl(QStringLiteral("/")).toString(QUrl::StripTrailingSlash), true}}};
        workspace.setEnvironments({local});
        HttpRequestTab *tab = workspace.currentTab();
        tab->composer()->environmentBox()->setCurrentIndex(1);
        typeUrlAndPressEnter(workspace, QStringLiteral("{{base}}/status/404"));
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 15000);
        QCOMPARE(tab->responseView()->statusLabel()->text().left(3), QStringLiteral("404"));

        // Reopen from history in a fresh tab: the URL comes back with its variable.
        workspace.newRequest();
        QCOMPARE(workspace.tabs()->count(), 2);
        QTableView *history = workspace.historyView();
        workspace.historyWidget()->show(); // its own window here; a dock in the main window
        QVERIFY(QTest::qWaitForWindowExposed(workspace.historyWidget()));
        const QRect cell = history->visualRect(workspace.historyModel()->index(0, 2));
        QTest::mouseClick(history->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(history->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(workspace.currentTab()->composer()->urlEdit()->text(), QStringLiteral("{{base}}/status/404"));
        QCOMPARE(workspace.currentTab()->responseView()->statusLabel()->text().left(3), QStringLiteral("404"));
        workspace.setEnvironments({});
    }

    void twoTabsOnTheSameRequestReadDifferently()
    {
        Session session;
        HttpWorkspace workspace(&session);
        QVERIFY(showWindow(workspace));
        const QString url = QStringLiteral("http://127.0.0.1:1/same/path");
        for (HttpRequestTab *tab : {workspace.currentTab(), workspace.newRequest()}) {
            tab->composer()->urlEdit()->clear();
            QTest::keyClicks(tab->composer()->urlEdit(), url);
        }
        QTabWidget *tabs = workspace.tabs();
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(0), QStringLiteral("GET 127.0.0.1:1/same/path"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("GET 127.0.0.1:1/same/path (2)"));
        QCOMPARE(tabs->tabToolTip(1), tabs->tabToolTip(0)); // the whole title, once each
        workspace.closeTab(0);
        QCOMPARE(tabs->tabText(0), QStringLiteral("GET 127.0.0.1:1/same/path"));
    }

    void ctrlEnterSendsFromTheHeadersTableAndEscCancels()
    {
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        Session session;
        HttpWorkspace workspace(&session);
        QVERIFY(showWindow(workspace));
        HttpRequestTab *tab = workspace.currentTab();
        QLineEdit *url = tab->composer()->urlEdit();
        url->selectAll();
        QTest::keyClicks(url, demo.httpUrl(QStringLiteral("/delay/5")).toString());
        tab->composer()->tabs()->setCurrentIndex(1);
        QWidget *headers = tab->composer()->tabs()->currentWidget()->findChild<QTableView *>();
        QVERIFY(headers);
        headers->setFocus();
        QTest::keyClick(headers, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(tab->isRunning());
        QTest::keyClick(headers, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 5000);
        QCOMPARE(tab->responseView()->statusLabel()->text(), QStringLiteral("Cancelled"));
    }

    void aGzipJsonFromNginxIsDecodedAndPrettyPrinted()
    {
        NginxPeer nginx;
        QString error;
        QVERIFY2(nginx.start(&error), qPrintable(u"nginx did not start: " + error));
        Session session;
        HttpWorkspace workspace(&session);
        QVERIFY(showWindow(workspace));
        HttpRequestTab *tab = workspace.currentTab();
        // Ask for gzip so nginx compresses; the view shows the decoded JSON.
        tab->composer()->headersModel()->setData(tab->composer()->headersModel()->index(0, 0), QStringLiteral("Accept-Encoding"));
        tab->composer()->headersModel()->setData(tab->composer()->headersModel()->index(0, 1), QStringLiteral("gzip"));
        typeUrlAndPressEnter(workspace, nginx.httpUrl(QStringLiteral("/data.json")).toString());
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 15000);
        HttpResponseView *response = tab->responseView();
        QCOMPARE(response->statusLabel()->text(), QStringLiteral("200 OK"));
        QVERIFY2(response->summaryLabel()->text().contains(QStringLiteral("decoded (gzip)")),
                 qPrintable(response->summaryLabel()->text()));
        QCOMPARE(response->bodyModeBox()->currentIndex(), int(HttpResponseView::BodyMode::Pretty));
        QVERIFY(response->prettyView()->toPlainText().startsWith(u'{') || response->prettyView()->toPlainText().startsWith(u'['));
        QVERIFY(response->prettyView()->toPlainText().contains(QStringLiteral("\n    ")));
    }

    void httpsShowsTheTlsSessionAndTheCertificateErrorItIgnored()
    {
        NginxPeer nginx;
        QString error;
        NginxPeer::Options options;
        options.tls = true;
        QVERIFY2(nginx.start(options, &error), qPrintable(u"nginx did not start: " + error));
        Session session;
        HttpWorkspace workspace(&session);
        QVERIFY(showWindow(workspace));
        HttpRequestTab *tab = workspace.currentTab();
        const QString url = nginx.httpsUrl(QStringLiteral("/small.html")).toString();

        // The test CA is not trusted: the exchange fails and says why.
        typeUrlAndPressEnter(workspace, url);
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 15000);
        QCOMPARE(tab->responseView()->statusLabel()->text(), QStringLiteral("Failed"));

        // With "Ignore TLS certificate errors" from the Settings tab it goes through, and the
        // TLS tab still lists what was wrong.
        tab->composer()->tabs()->setCurrentIndex(4);
        QCheckBox *ignore = nullptr;
        for (QCheckBox *box : tab->composer()->tabs()->currentWidget()->findChildren<QCheckBox *>())
            if (box->text().contains(QStringLiteral("Ignore TLS")))
                ignore = box;
        QVERIFY(ignore);
        ignore->setFocus();
        QTest::keyClick(ignore, Qt::Key_Space);
        QVERIFY(ignore->isChecked());
        QTest::keyClick(tab->composer()->urlEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 15000);
        QCOMPARE(tab->responseView()->statusLabel()->text(), QStringLiteral("200 OK"));
        QTreeWidget *tls = tab->responseView()->tlsTree();
        const auto protocol = tls->findItems(QStringLiteral("Protocol"), Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(protocol.size(), 1);
        QVERIFY2(protocol.first()->text(1).startsWith(QStringLiteral("TLSv1.")), qPrintable(protocol.first()->text(1)));
        QVERIFY(!tls->findItems(QStringLiteral("ignored on request"), Qt::MatchContains).isEmpty());
        QVERIFY(tab->responseView()->waterfall()->rows().size() >= 6); // ssl is there now

        if (qEnvironmentVariableIsSet("WIRESCOPE_SCREENSHOT_DIR")) {
            const QString dir = qEnvironmentVariable("WIRESCOPE_SCREENSHOT_DIR");
            tab->composer()->tabs()->setCurrentIndex(4);
            tab->responseView()->tabs()->setCurrentIndex(4);
            QVERIFY(workspace.grab().save(dir + QStringLiteral("/http-tls.png")));
            tab->responseView()->tabs()->setCurrentIndex(3);
            QVERIFY(workspace.grab().save(dir + QStringLiteral("/http-tls-timing.png")));
        }
    }
    void phasesAreStampedWhileTheWindowIsBusy()
    {
        // The engine has a thread of its own: while this (GUI) thread is blocked for 400 ms,
        // the answer is read and stamped when it arrives, not when the window is free again.
        // With the engine on the GUI thread the first byte is stamped after busyUntil and
        // "wait" grows to the whole sleep.
        // The peer has a thread of its own too, so it answers during the sleep.
        HeldRequest held;
        QString error;
        QVERIFY2(held.start(&error), qPrintable(error));
        HoldingHttpPeer &peer = held.peer;
        HttpWorkspace &workspace = held.workspace;
        HttpRequestTab *tab = workspace.currentTab();

        const SessionClock &clock = workspace.engine()->clock();
        const qint64 busyFrom = clock.nowNs();
        peer.answerHeldRequests(50); // leaves 50 ms into the busy period
        QThread::msleep(400);
        const qint64 busyUntil = clock.nowNs();
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 10000);

        QCOMPARE(tab->responseView()->statusLabel()->text(), QStringLiteral("200 OK"));
        QCOMPARE(workspace.historyModel()->rowCount(), 1);
        const HttpExchangeRecord &record = workspace.historyModel()->recordAt(0);
        QVERIFY(record.completed());
        const PhaseTimings &t = record.finalHop()->timings;
        const QString stamps = QStringLiteral("busy %1..%2, first byte at %3, last byte at %4, wait %5")
                                   .arg(ms(busyFrom), ms(busyUntil), ms(t.firstByteNs), ms(t.lastByteNs), ms(t.waitNs()));
        QVERIFY2(busyFrom < t.firstByteNs, qPrintable(stamps));
        QVERIFY2(t.lastByteNs < busyUntil, qPrintable(stamps));
        // "wait" runs from the end of sending (just before busyFrom) to the first byte; it
        // is far shorter than the busy period it lies in.
        QVERIFY2(t.waitNs() < (busyUntil - busyFrom) / 2, qPrintable(stamps));
    }

    void cancellingInFlightClosesTheConnectionAndKeepsTheRecord()
    {
        HeldRequest held;
        QString error;
        QVERIFY2(held.start(&error), qPrintable(error));
        HoldingHttpPeer &peer = held.peer;
        HttpWorkspace &workspace = held.workspace;
        HttpRequestTab *tab = workspace.currentTab();
        QCOMPARE(tab->composer()->sendButton()->text().remove(u'&'), QStringLiteral("Cancel"));
        QTest::mouseClick(tab->composer()->sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 10000);
        QCOMPARE(tab->responseView()->statusLabel()->text(), QStringLiteral("Cancelled"));
        QTRY_COMPARE_WITH_TIMEOUT(peer.connectionsClosed(), 1, 10000);
        QCOMPARE(workspace.historyModel()->rowCount(), 1);
        QCOMPARE(workspace.historyModel()->recordAt(0).error.id(), QStringLiteral("cancelled"));

        // The tab sends again, and this time the answer comes.
        QVERIFY(sendHeldRequest(workspace, peer, 1));
        peer.answerHeldRequests(0);
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 10000);
        QCOMPARE(tab->responseView()->statusLabel()->text(), QStringLiteral("200 OK"));
        QCOMPARE(workspace.historyModel()->rowCount(), 2);
    }

    void closingATabInFlightCancelsItsExchange()
    {
        HeldRequest held;
        QString error;
        QVERIFY2(held.start(&error), qPrintable(error));
        HoldingHttpPeer &peer = held.peer;
        HttpWorkspace &workspace = held.workspace;
        QPointer<HttpRequestTab> sending = workspace.currentTab();
        HttpRequestTab *other = workspace.newRequest();
        QCOMPARE(workspace.tabs()->count(), 2);

        // The first tab's close button, as a user clicks it.
        QTabBar *bar = workspace.tabs()->tabBar();
        const auto side = QTabBar::ButtonPosition(bar->style()->styleHint(QStyle::SH_TabBar_CloseButtonPosition, nullptr, bar));
        QWidget *closeButton = bar->tabButton(workspace.tabs()->indexOf(sending), side);
        QVERIFY(closeButton);
        QTest::mouseClick(closeButton, Qt::LeftButton);
        QCOMPARE(workspace.tabs()->count(), 1);
        QTRY_VERIFY(sending.isNull());
        QTRY_COMPARE_WITH_TIMEOUT(peer.connectionsClosed(), 1, 10000);
        // Its record still reaches the history; nothing is written into the closed tab.
        QTRY_COMPARE(workspace.historyModel()->rowCount(), 1);
        QCOMPARE(workspace.historyModel()->recordAt(0).error.id(), QStringLiteral("cancelled"));
        QCOMPARE(workspace.currentTab(), other);
        QVERIFY(!other->isRunning());
    }

    void closingTheWindowInFlight_data()
    {
        QTest::addColumn<int>("answerAfterMs");
        QTest::newRow("before the answer comes") << -1;
        QTest::newRow("as the answer arrives") << 0;
    }

    void closingTheWindowInFlight()
    {
        QFETCH(int, answerAfterMs);
        HoldingHttpPeer peer;
        QString error;
        QVERIFY2(peer.start(&error), qPrintable(error));
        Session session;
        auto *workspace = new HttpWorkspace(&session);
        workspace->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<HttpWorkspace> alive(workspace);
        QVERIFY(showWindow(*workspace));
        QVERIFY(sendHeldRequest(*workspace, peer));
        if (answerAfterMs >= 0)
            peer.answerHeldRequests(answerAfterMs);
        QVERIFY(workspace->close());
        QTRY_VERIFY(alive.isNull());
        // The engine's thread is gone and its connection with it (in flight or pooled).
        QTRY_COMPARE_WITH_TIMEOUT(peer.connectionsClosed(), 1, 10000);
    }

    // Last: it runs the application's event loop to its end, as main() does.
    void quittingInFlight()
    {
        HoldingHttpPeer peer;
        QString error;
        QVERIFY2(peer.start(&error), qPrintable(error));
        auto window = std::make_unique<MainWindow>();
        QVERIFY(showWindow(*window));
        QVERIFY(sendHeldRequest(*window->httpWorkspace(), peer));
        QAction *quit = nullptr;
        for (QAction *action : window->menuBar()->findChildren<QAction *>())
            if (action->text() == QStringLiteral("&Quit"))
                quit = action;
        QVERIFY(quit);
        // File > Quit closes the window; the last window closed ends exec(), as in the app.
        // The session holds the opening of a connection: the window asks whether to save it,
        // and the user discards it.
        QTimer::singleShot(0, quit, &QAction::trigger);
        QTimer answer;
        connect(&answer, &QTimer::timeout, qApp, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Discard)->click();
        });
        answer.start(20);
        QTimer guard; // a window left open elsewhere must fail the test, not hang it
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, qApp, [] { QCoreApplication::exit(1); });
        guard.start(30'000);
        QCOMPARE(QCoreApplication::exec(), 0);
        guard.stop();
        window.reset(); // what main() does next
        QTRY_COMPARE_WITH_TIMEOUT(peer.connectionsClosed(), 1, 10000);
    }
};

QTEST_MAIN(tst_HttpWorkspace)
#include "tst_httpworkspace.moc"

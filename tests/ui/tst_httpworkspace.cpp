#include "core/net/httpclient.h"
#include "core/session/session.h"
#include "tests/peers/demopeer.h"
#include "tests/peers/nginxpeer.h"
#include "ui/http/httpcomposer.h"
#include "ui/http/httphistorymodel.h"
#include "ui/http/httprequesttab.h"
#include "ui/http/httpresponseview.h"
#include "ui/http/httptimingchart.h"
#include "ui/http/httpworkspace.h"

#include "ui/http/keyvaluemodel.h"
#include "ui/http/timingwaterfallwidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QTreeWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

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

    void enterSendsToTheDemoServerAndShows200WithItsTiming()
    {
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        Session session;
        HttpWorkspace workspace(&session);
        workspace.resize(900, 700);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));

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

    void anEnvironmentResolvesVariablesAndHistoryReopensTheRequest()
    {
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        Session session;
        HttpWorkspace workspace(&session);
        workspace.resize(900, 700);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
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

    void ctrlEnterSendsFromTheHeadersTableAndEscCancels()
    {
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        Session session;
        HttpWorkspace workspace(&session);
        workspace.resize(900, 700);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
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
        workspace.resize(900, 700);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
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
        workspace.resize(900, 700);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
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
};

QTEST_MAIN(tst_HttpWorkspace)
#include "tst_httpworkspace.moc"

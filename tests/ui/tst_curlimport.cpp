// cURL in the window: a curl command pasted into the URL bar fills the composer (and never
// becomes the URL), the workspace opens one in a new tab, History and the response view
// copy an exchange as curl with credentials hidden unless asked, and the WebSocket console
// copies its connection as websocat.
#include "core/session/session.h"
#include "tests/peers/demopeer.h"
#include "ui/http/httpcomposer.h"
#include "ui/http/httphistorymodel.h"
#include "ui/http/httprequesttab.h"
#include "ui/http/httpresponseview.h"
#include "ui/http/httpworkspace.h"
#include "ui/http/keyvaluemodel.h"
#include "ui/ws/wsconsole.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace wirescope;
using namespace wirescope::test;

namespace {

// Pastes `text` into the URL bar as a user does: select all, Ctrl+V.
void pasteIntoUrlBar(HttpComposer &composer, const QString &text)
{
    QApplication::clipboard()->setText(text);
    QLineEdit *edit = composer.urlEdit();
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
}

QString headerValue(const HttpRequest &request, const QString &name)
{
    for (const KeyValueRow &row : request.headers())
        if (row.name.compare(name, Qt::CaseInsensitive) == 0)
            return row.value;
    return {};
}

QAction *actionNamed(const QList<QAction *> &actions, const QString &text)
{
    for (QAction *action : actions)
        if (action->text().remove(u'&') == text)
            return action;
    return nullptr;
}

const QString kChromeCommand = QStringLiteral(
    "curl 'http://127.0.0.1:9/api/items?page=2' \\\n"
    "  -H 'accept: application/json' \\\n"
    "  -H 'content-type: application/json' \\\n"
    "  -u 'ada:pass word' \\\n"
    "  --data-raw $'{\"name\":\"it\\'s\"}' \\\n"
    "  -T upload.bin \\\n"
    "  --compressed -k -L");

} // namespace

class tst_CurlImport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WirescopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_curlimport"));
    }

    void pastingACurlCommandFillsTheComposer()
    {
        HttpComposer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QTest::keyClicks(composer.urlEdit(), QStringLiteral("http://old.example/"));
        pasteIntoUrlBar(composer, kChromeCommand);

        QCOMPARE(composer.urlEdit()->text(), QStringLiteral("http://127.0.0.1:9/api/items?page=2"));
        const HttpRequest request = composer.request();
        QCOMPARE(request.method(), QStringLiteral("POST"));
        QCOMPARE(composer.methodBox()->currentText(), QStringLiteral("POST"));
        QCOMPARE(request.queryParams().size(), 1);
        QCOMPARE(headerValue(request, QStringLiteral("accept")), QStringLiteral("application/json"));
        QCOMPARE(headerValue(request, QStringLiteral("content-type")), QStringLiteral("application/json"));
        QCOMPARE(request.body().kind, BodyKind::Json);
        QCOMPARE(request.body().text, QStringLiteral("{\"name\":\"it's\"}"));
        // -u is the Auth tab's Basic user, not a header to edit by hand.
        QCOMPARE(request.auth().kind, AuthKind::Basic);
        QCOMPARE(request.auth().username, QStringLiteral("ada"));
        QCOMPARE(request.auth().password, QStringLiteral("pass word"));
        QVERIFY(headerValue(request, QStringLiteral("Authorization")).isEmpty());
        const HttpRequestOptions options = composer.options();
        QVERIFY(options.ignoreCertificateErrors);
        QVERIFY(options.followRedirects);
        QVERIFY(options.acceptCompressed);
        // What curl would have done and the request cannot is said, in the composer.
        QVERIFY2(composer.problemLabel()->text().contains(QStringLiteral("-T upload.bin")),
                 qPrintable(composer.problemLabel()->text()));
        QVERIFY(composer.problemLabel()->text().contains(QStringLiteral("1 warning")));
    }

    void aCommandWithoutWarningsSaysNothing()
    {
        HttpComposer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        pasteIntoUrlBar(composer, QStringLiteral("curl -X DELETE 'http://127.0.0.1:9/items/7' -H 'X-Id: 7'"));
        QCOMPARE(composer.urlEdit()->text(), QStringLiteral("http://127.0.0.1:9/items/7"));
        QCOMPARE(composer.request().method(), QStringLiteral("DELETE"));
        QCOMPARE(composer.problemLabel()->text(), QString());
        // -L was not given: redirects are not followed, as curl would not.
        QVERIFY(!composer.options().followRedirects);
    }

    void typingCurlByHandIsJustText()
    {
        HttpComposer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QTest::keyClicks(composer.urlEdit(), QStringLiteral("curl http://h/"));
        QCOMPARE(composer.urlEdit()->text(), QStringLiteral("curl http://h/"));
        QCOMPARE(composer.problemLabel()->text(), QString());
    }

    void aBrokenCommandLeavesTheUrlAndSaysWhy()
    {
        HttpComposer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QTest::keyClicks(composer.urlEdit(), QStringLiteral("http://old.example/"));
        pasteIntoUrlBar(composer, QStringLiteral("curl -sS -H 'A: b'"));
        QCOMPARE(composer.urlEdit()->text(), QStringLiteral("http://old.example/"));
        QVERIFY2(composer.problemLabel()->text().contains(QStringLiteral("no URL")), qPrintable(composer.problemLabel()->text()));
    }

    void importCurlOpensANewTab()
    {
        Session session;
        HttpWorkspace workspace(&session);
        const int tabs = workspace.tabs()->count();
        HttpRequestTab *tab = workspace.importCurl(QStringLiteral(
            "curl ^\"http://127.0.0.1:9/post^\" ^\n  -H ^\"X-A: 1^\" ^\n  --data-raw ^\"a=1^&b=2^\""));
        QVERIFY(tab);
        QCOMPARE(workspace.tabs()->count(), tabs + 1);
        QCOMPARE(workspace.currentTab(), tab);
        const HttpRequest request = tab->composer()->request();
        QCOMPARE(request.method(), QStringLiteral("POST"));
        QCOMPARE(request.url(), QStringLiteral("http://127.0.0.1:9/post"));
        QCOMPARE(request.body().kind, BodyKind::Raw);
        QCOMPARE(request.body().text, QStringLiteral("a=1&b=2"));
        QCOMPARE(headerValue(request, QStringLiteral("Content-Type")), QStringLiteral("application/x-www-form-urlencoded"));

        QString error;
        QVERIFY(!workspace.importCurl(QStringLiteral("wget http://h/"), &error));
        QVERIFY(error.contains(QStringLiteral("not a curl command")));
        QCOMPARE(workspace.tabs()->count(), tabs + 1);
    }

    // The exchange sent from a pasted command, copied back from History and from the
    // response: credentials hidden by default, all there with the explicit opt-out, and the
    // full copy pasted into a new tab is the same request again.
    void copyAsCurlHidesSecretsUnlessAsked()
    {
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(error));
        Session session;
        HttpWorkspace workspace(&session);
        workspace.resize(900, 700);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        const QString url = demo.httpUrl(QStringLiteral("/anything?page=1&token=q-s3cr3t")).toString();
        HttpRequestTab *tab = workspace.importCurl(QStringLiteral("curl '%1' -H 'Authorization: Bearer h-s3cr3t' "
                                                                  "-b 'sid=c-s3cr3t' --json '{\"n\":1}'").arg(url));
        QVERIFY(tab);
        tab->send();
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 15000);
        QCOMPARE(tab->responseView()->statusLabel()->text(), QStringLiteral("200 OK"));
        QTRY_COMPARE(workspace.historyModel()->rowCount(), 1);

        QClipboard *clipboard = QApplication::clipboard();
        HttpResponseView *response = tab->responseView();
        QVERIFY(response->copyCurlAction()->isEnabled());
        clipboard->clear();
        response->copyCurlAction()->trigger();
        const QString hidden = clipboard->text();
        QVERIFY2(hidden.startsWith(QStringLiteral("curl ")), qPrintable(hidden));
        QVERIFY2(!hidden.contains(QStringLiteral("s3cr3t")), qPrintable(hidden));
        QCOMPARE(hidden.count(QStringLiteral("[redacted]")), 3);
        response->copyCurlWithSecretsAction()->trigger();
        const QString full = clipboard->text();
        for (const char *secret : {"Bearer h-s3cr3t", "sid=c-s3cr3t", "token=q-s3cr3t"})
            QVERIFY2(full.contains(QLatin1String(secret)), qPrintable(full));

        QTableView *history = qobject_cast<QTableView *>(workspace.historyView());
        QCOMPARE(history->contextMenuPolicy(), Qt::ActionsContextMenu);
        history->setCurrentIndex(workspace.historyModel()->index(0, 0));
        clipboard->clear();
        actionNamed(history->actions(), QStringLiteral("Copy as cURL"))->trigger();
        QCOMPARE(clipboard->text(), hidden);
        actionNamed(history->actions(), QStringLiteral("Copy as cURL (with Secrets)"))->trigger();
        QCOMPARE(clipboard->text(), full);

        // The full copy, pasted back, is the request that was sent.
        HttpRequestTab *again = workspace.newRequest();
        pasteIntoUrlBar(*again->composer(), full);
        const HttpRequest request = again->composer()->request();
        QCOMPARE(request.url(), url);
        QCOMPARE(request.method(), QStringLiteral("POST"));
        QCOMPARE(request.body().text, QStringLiteral("{\"n\":1}"));
        QCOMPARE(request.auth().kind, AuthKind::Bearer);
        QCOMPARE(request.auth().token, QStringLiteral("h-s3cr3t"));
        QCOMPARE(headerValue(request, QStringLiteral("Cookie")), QStringLiteral("sid=c-s3cr3t"));
        QCOMPARE(again->composer()->problemLabel()->text(), QString());
    }

    void nothingToCopyBeforeARequest()
    {
        HttpResponseView view;
        QVERIFY(!view.copyCurlAction()->isEnabled());
        QVERIFY(!view.copyCurlWithSecretsAction()->isEnabled());
    }

    void copyAsWebsocat()
    {
        Session session;
        WsConsole console(&session);
        WsConnectOptions options = console.options();
        options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/ws/echo?token=q-s3cr3t"));
        options.subprotocols = {QStringLiteral("chat"), QStringLiteral("json")};
        options.headers = {{"Authorization", "Bearer h-s3cr3t"}, {"X-Client", "test"}};
        console.setOptions(options);
        QToolButton *button = console.copyWebsocatButton();
        QClipboard *clipboard = QApplication::clipboard();
        clipboard->clear();
        button->defaultAction()->trigger();
        QCOMPARE(clipboard->text(), QStringLiteral("websocat \\\n"
                                                   "  --protocol 'chat, json' \\\n"
                                                   "  -H 'Authorization: [redacted]' \\\n"
                                                   "  -H 'X-Client: test' \\\n"
                                                   "  'ws://127.0.0.1:9/ws/echo?token=[redacted]'"));
        QAction *withSecrets = actionNamed(button->menu()->actions(), QStringLiteral("Copy as websocat (with Secrets)"));
        QVERIFY(withSecrets);
        withSecrets->trigger();
        QVERIFY(clipboard->text().contains(QStringLiteral("Bearer h-s3cr3t")));
        QVERIFY(clipboard->text().contains(QStringLiteral("token=q-s3cr3t")));
    }
};

QTEST_MAIN(tst_CurlImport)
#include "tst_curlimport.moc"

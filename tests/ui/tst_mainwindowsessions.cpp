// The window's File menu as a user meets it, against the demo server: traffic recorded in a
// window is saved, reopened in a window of its own exactly as it was shown, exported with
// its secrets hidden unless the user says otherwise; a bad file is refused with a message
// and changes nothing; unsaved changes are asked about; a HAR opens as a session; what a
// killed window left is offered back at the next start; files dropped on the window open.
#include "core/session/session.h"
#include "core/session/sessiondocument.h"
#include "core/session/sessionstore.h"
#include "tests/peers/demopeer.h"
#include "tests/support/wslogrows.h"
#include "tests/support/sessionscenarios.h"
#include "ui/app/appsettings.h"
#include "ui/app/exportdialog.h"
#include "ui/app/replaydialog.h"
#include "ui/app/translations.h"
#include "ui/common/noteactions.h"
#include "ui/common/notedialog.h"
#include "ui/http/httpcomposer.h"
#include "ui/http/httphistorymodel.h"
#include "ui/http/httprequesttab.h"
#include "ui/http/httpresponseview.h"
#include "ui/http/httpworkspace.h"
#include "ui/mainwindow.h"
#include "ui/ws/wscomposer.h"
#include "ui/ws/wsconsole.h"
#include "ui/ws/wshandshakeview.h"
#include "ui/ws/wslogmodel.h"
#include "ui/ws/wsworkspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace wirescope;
using namespace wirescope::test;

namespace {

constexpr int kWait = 15000;

// Answers the next modal dialog the code under test opens (a message box, the export
// dialog) from inside its event loop, and remembers what it said.
class DialogAnswerer : public QObject
{
public:
    // `only`: the class of dialog to answer (another one is left to another answerer).
    explicit DialogAnswerer(std::function<void(QWidget *)> answer, const char *only = nullptr)
        : m_answer(std::move(answer))
    {
        connect(&m_timer, &QTimer::timeout, this, [this, only] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || m_answered || (only && !modal->inherits(only)))
                return;
            m_answered = true;
            if (auto *box = qobject_cast<QMessageBox *>(modal))
                m_text = box->text() + u' ' + box->informativeText();
            m_answer(modal);
        });
        m_timer.start(10);
    }
    bool answered() const { return m_answered; }
    QString text() const { return m_text; }

private:
    std::function<void(QWidget *)> m_answer;
    QTimer m_timer;
    bool m_answered = false;
    QString m_text;
};

void clickButton(QWidget *modal, QMessageBox::StandardButton which)
{
    qobject_cast<QMessageBox *>(modal)->button(which)->click();
}

void clickButtonNamed(QWidget *modal, const QString &text)
{
    for (QAbstractButton *button : qobject_cast<QMessageBox *>(modal)->buttons())
        if (button->text() == text)
            button->click();
}


void closeAndDelete(MainWindow *window)
{
    QPointer<MainWindow> alive(window);
    DialogAnswerer discard([](QWidget *box) { clickButton(box, QMessageBox::Discard); });
    window->close();
    QTRY_VERIFY(alive.isNull());
}

} // namespace

class tst_MainWindowSessions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WirescopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowsessions"));
        installTranslations(qApp, QLocale(QLocale::English)); // the plural forms, as the app has them
        QVERIFY2(m_demo.start(&m_error), qPrintable(m_error));
    }

    void init()
    {
        QSettings().clear();
        QDir(AppSettings::workingDirectory()).removeRecursively();
        m_dir = std::make_unique<QTemporaryDir>();
    }

    void recordedTrafficIsSavedAndReopensAsItWasShown();
    void secretsAreHiddenInAnExportUnlessTheUserSaysOtherwise();
    void aBadFileIsRefusedAndTheWindowStaysAsItWas();
    void closingWithUnsavedChangesAsks();
    void aHarFileOpensAsAnUnsavedSession();
    void aKilledWindowsSessionIsOfferedBack();
    void droppedFilesOpen();
    void aSessionReplaysWithADiffInTheWindow();
    void aCurlCommandIsImportedFromTheFileMenu();
    void notesOnRowsAreSavedAndShownWhenReopened();

private:
    // Records one HTTP request (with a secret header) and one WebSocket conversation.
    void record(MainWindow &window);

    DemoPeer m_demo;
    QString m_error;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_MainWindowSessions::record(MainWindow &window)
{
    HttpRequestTab *tab = window.httpWorkspace()->currentTab();
    HttpRequest request;
    request.setUrl(m_demo.httpUrl(QStringLiteral("/status/200?token=abc123&lang=en")).toString());
    request.addHeader(QStringLiteral("Authorization"), QStringLiteral("Bearer s3cr3t-value"));
    tab->setRequest(request);
    tab->send();
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), kWait);
    QCOMPARE(window.httpWorkspace()->historyModel()->rowCount(), 1);

    WsConsole *console = window.wsWorkspace()->currentConsole();
    console->setUrl(m_demo.wsUrl(QStringLiteral("/ws/echo")));
    QTest::mouseClick(console->connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(console->state(), WsConnectionState::Open, kWait);
    for (const QString &text : {QStringLiteral("hello"), QStringLiteral("world")}) {
        console->composer()->setText(text);
        QTest::mouseClick(console->composer()->sendButton(), Qt::LeftButton);
    }
    QTRY_VERIFY_WITH_TIMEOUT(console->chartData().totalMessages(Direction::In) == 2, kWait);
    QTest::mouseClick(console->connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(console->state(), WsConnectionState::Closed, kWait);
    console->flushLog();
}

void tst_MainWindowSessions::recordedTrafficIsSavedAndReopensAsItWasShown()
{
    MainWindow window(&m_demo.server());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("Untitled session")));
    QVERIFY(!window.isWindowModified());
    record(window);
    QVERIFY(window.isWindowModified());

    const QString path = m_dir->filePath(QStringLiteral("recorded.wirescope"));
    QVERIFY(window.saveTo(path));
    QVERIFY(!window.isWindowModified());
    QVERIFY2(window.windowTitle().startsWith(QStringLiteral("recorded.wirescope")), qPrintable(window.windowTitle()));
    QCOMPARE(AppSettings::recentFiles().value(0), path);

    // Reopened: a window of its own (this one holds traffic), showing what this one showed.
    MainWindow *opened = window.openFile(path);
    QVERIFY(opened && opened != &window);
    QVERIFY(window.isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(opened));
    QVERIFY(!opened->isWindowModified());
    QVERIFY(opened->windowTitle().startsWith(QStringLiteral("recorded.wirescope")));
    HttpHistoryModel *history = opened->httpWorkspace()->historyModel();
    QCOMPARE(history->rowCount(), 1);
    const HttpExchangeRecord &was = window.httpWorkspace()->historyModel()->recordAt(0);
    QCOMPARE(history->recordAt(0).finalHop()->response.status, was.finalHop()->response.status);
    QCOMPARE(history->recordAt(0).finalHop()->responseBytes, was.finalHop()->responseBytes);
    HttpResponseView *response = opened->httpWorkspace()->currentTab()->responseView();
    QCOMPARE(response->statusLabel()->text(), window.httpWorkspace()->currentTab()->responseView()->statusLabel()->text());

    WsConsole *live = window.wsWorkspace()->currentConsole();
    QCOMPARE(opened->wsWorkspace()->consoleCount(), 1);
    WsConsole *past = opened->wsWorkspace()->currentConsole();
    past->flushLog();
    QCOMPARE(shownRows(past->logModel()), shownRows(live->logModel()));
    QCOMPARE(past->handshakeView()->responseText(), live->handshakeView()->responseText());
    QCOMPARE(past->handshakeView()->explanationHtml(), live->handshakeView()->explanationHtml());
    QCOMPARE(past->closeRecord().code, quint16(1000));
    QCOMPARE(past->chartData().totalMessages(Direction::In), qint64(2));

    // More traffic in the reopened window marks it modified; Save writes to its file.
    WsConsole *again = opened->wsWorkspace()->newConsole();
    again->setUrl(m_demo.wsUrl(QStringLiteral("/ws/echo")));
    QTest::mouseClick(again->connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(again->state(), WsConnectionState::Open, kWait);
    QTRY_VERIFY(opened->isWindowModified());
    QTest::mouseClick(again->connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(again->state(), WsConnectionState::Closed, kWait);
    QVERIFY(opened->save());
    QVERIFY(!opened->isWindowModified());
    closeAndDelete(opened);
    MainWindow *third = window.openFile(path);
    QVERIFY(third);
    QCOMPARE(third->wsWorkspace()->consoleCount(), 2);
    closeAndDelete(third);
}

namespace {

// Triggers a row's "Add Note..." as the context menu does, and fills in its dialog.
void addNote(NoteActions *notes, const QString &label, const QString &note)
{
    QCOMPARE(notes->editAction()->text(), NoteActions::tr("Add &Note..."));
    QVERIFY(notes->editAction()->isEnabled());
    DialogAnswerer answer(
        [&](QWidget *modal) {
            auto *dialog = qobject_cast<NoteDialog *>(modal);
            dialog->labelEdit()->setText(label);
            dialog->noteEdit()->setPlainText(note);
            dialog->accept();
        },
        "wirescope::NoteDialog");
    notes->editAction()->trigger();
    QVERIFY(answer.answered());
    QCOMPARE(notes->editAction()->text(), NoteActions::tr("Edit &Note..."));
    QVERIFY(notes->removeAction()->isEnabled());
}

// The log row of the first message we sent whose data is `text`.
int sentRow(WsConsole *console, const QString &text)
{
    WsLogModel *log = console->logModel();
    for (int row = 0; row < log->rowCount(); ++row)
        if (log->index(row, 0).data(WsLogModel::DirectionRole).toInt() == int(Direction::Out)
            && log->previewText(log->timelineRow(row)) == text)
            return row;
    return -1;
}

} // namespace

// Issue #11: a label and a note on any row, kept in the file. The WebSocket log and the HTTP
// history take them from their context menus, mark the row, show the note as its tooltip
// and above the selected row's details; a saved session reopens with them.
void tst_MainWindowSessions::notesOnRowsAreSavedAndShownWhenReopened()
{
    MainWindow window(&m_demo.server());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    record(window);
    QVERIFY(window.saveTo(m_dir->filePath(QStringLiteral("before.wirescope"))));
    QVERIFY(!window.isWindowModified());

    WsConsole *console = window.wsWorkspace()->currentConsole();
    const int logRow = sentRow(console, QStringLiteral("hello"));
    QVERIFY(logRow >= 0);
    const qsizetype messageRow = console->logModel()->timelineRow(logRow);
    console->logView()->setCurrentIndex(console->logModel()->index(logRow, WsLogModel::PreviewColumn));
    QVERIFY(!console->noteLabel()->isVisibleTo(console));
    QVERIFY(console->logView()->actions().contains(console->noteActions()->editAction()));
    addNote(console->noteActions(), QStringLiteral("greeting"), QStringLiteral("the first message\nechoed at once"));
    QVERIFY(window.isWindowModified());
    const QModelIndex data = console->logModel()->index(logRow, WsLogModel::PreviewColumn);
    QCOMPARE(data.data().toString(), QStringLiteral("greeting \u2014 hello"));
    QVERIFY(!data.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(data.data(Qt::ToolTipRole).toString().contains(QStringLiteral("echoed at once")));
    QVERIFY(console->noteLabel()->isVisibleTo(console));
    QVERIFY(console->noteLabel()->text().contains(QStringLiteral("echoed at once")));

    HttpWorkspace *http = window.httpWorkspace();
    http->historyView()->setCurrentIndex(http->historyModel()->index(0, 0));
    QVERIFY(http->historyView()->actions().contains(http->historyNotes()->editAction()));
    addNote(http->historyNotes(), QStringLiteral("auth"), QStringLiteral("sent with a bearer token"));
    const qsizetype exchangeRow = http->historyModel()->timelineRowAt(0);
    QCOMPARE(int(window.session()->timeline().row(exchangeRow).rowKind()), int(RowKind::Exchange));
    const QModelIndex method = http->historyModel()->index(0, int(HttpHistoryModel::Column::Method));
    QVERIFY(!method.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(method.data(Qt::ToolTipRole).toString().contains(QStringLiteral("sent with a bearer token")));
    // The tab that sent the request shows its answer, and now the note above it (visible
    // within the tab: below 1800 px the HTTP and WebSocket halves are tabs of the window).
    QVERIFY(http->currentTab()->noteLabel()->isVisibleTo(http->currentTab()));
    QVERIFY(http->currentTab()->noteLabel()->text().contains(QStringLiteral("bearer token")));

    const QString path = m_dir->filePath(QStringLiteral("notes.wirescope"));
    QVERIFY(window.saveTo(path));
    QVERIFY(!window.isWindowModified());

    MainWindow *opened = window.openFile(path);
    QVERIFY(opened && opened != &window);
    QVERIFY(QTest::qWaitForWindowExposed(opened));
    QVERIFY(!opened->isWindowModified());
    QCOMPARE(opened->session()->annotations()->count(), 2);
    HttpWorkspace *openedHttp = opened->httpWorkspace();
    QVERIFY(openedHttp->historyModel()->index(0, int(HttpHistoryModel::Column::Url)).data(Qt::ToolTipRole).toString()
                .contains(QStringLiteral("sent with a bearer token")));
    // The reopened exchange's tab shows the note.
    QVERIFY(openedHttp->currentTab()->noteLabel()->isVisibleTo(openedHttp->currentTab()));
    QVERIFY(openedHttp->currentTab()->noteLabel()->text().contains(QStringLiteral("auth")));

    WsConsole *past = opened->wsWorkspace()->currentConsole();
    past->flushLog();
    const int shown = past->logModel()->rowForTimelineRow(messageRow);
    QVERIFY(shown >= 0);
    QCOMPARE(past->logModel()->index(shown, WsLogModel::PreviewColumn).data().toString(), QStringLiteral("greeting \u2014 hello"));
    past->logView()->setCurrentIndex(past->logModel()->index(shown, WsLogModel::PreviewColumn));
    QVERIFY(past->noteLabel()->isVisibleTo(past));
    QVERIFY(past->noteLabel()->text().contains(QStringLiteral("echoed at once")));

    // Removing a note is a change to save, and the row is plain again.
    past->noteActions()->removeAction()->trigger();
    QVERIFY(opened->isWindowModified());
    QVERIFY(!past->noteLabel()->isVisibleTo(past));
    QCOMPARE(past->logModel()->index(shown, WsLogModel::PreviewColumn).data().toString(), QStringLiteral("hello"));
    QCOMPARE(past->noteActions()->editAction()->text(), NoteActions::tr("Add &Note..."));
    closeAndDelete(opened);
}

void tst_MainWindowSessions::secretsAreHiddenInAnExportUnlessTheUserSaysOtherwise()
{
    MainWindow window(&m_demo.server());
    window.show();
    record(window);
    for (const bool hide : {true, false}) {
        const QString path = m_dir->filePath(hide ? QStringLiteral("hidden.har") : QStringLiteral("kept.har"));
        DialogAnswerer answer([&](QWidget *modal) {
            auto *dialog = qobject_cast<ExportDialog *>(modal);
            QVERIFY(dialog);
            dialog->pathEdit()->setText(path);
            dialog->hideSecretsBox()->setChecked(hide);
            dialog->accept();
        });
        window.exportHar();
        QVERIFY(answer.answered());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray har = file.readAll();
        const QJsonObject log = QJsonDocument::fromJson(har).object().value(QStringLiteral("log")).toObject();
        QCOMPARE(log.value(QStringLiteral("entries")).toArray().size(), 2); // the GET and the WebSocket
        QCOMPARE(har.contains("s3cr3t-value"), !hide);
        QCOMPARE(har.contains("abc123"), !hide);
        QCOMPARE(har.contains("[redacted]"), hide);
    }
    // pcapng: the bytes, with the secret overwritten byte for byte.
    const QString pcapng = m_dir->filePath(QStringLiteral("capture.pcapng"));
    DialogAnswerer answer([&](QWidget *modal) {
        auto *dialog = qobject_cast<ExportDialog *>(modal);
        dialog->pathEdit()->setText(pcapng);
        dialog->extraNamesEdit()->setText(QStringLiteral("lang"));
        dialog->accept();
    });
    window.exportPcapng();
    QFile file(pcapng);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("GET /status/200?token=******&lang=** HTTP/1.1"));
    QVERIFY(!bytes.contains("s3cr3t-value"));
    QVERIFY(bytes.contains("hello"));
    QCOMPARE(AppSettings::extraRedactedNames(), QStringList {QStringLiteral("lang")}); // kept for next time
    closeAndDelete(window.openFile(m_dir->filePath(QStringLiteral("kept.har")))); // and it imports again
    DialogAnswerer discard([](QWidget *box) { clickButton(box, QMessageBox::Discard); });
    window.close();
}

void tst_MainWindowSessions::aBadFileIsRefusedAndTheWindowStaysAsItWas()
{
    MainWindow window(&m_demo.server());
    window.show();
    const QString path = m_dir->filePath(QStringLiteral("notes.wirescope"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are my notes, not a session\n");
    file.close();
    DialogAnswerer ok([](QWidget *box) { clickButton(box, QMessageBox::Ok); });
    QVERIFY(!window.openFile(path));
    QVERIFY(ok.answered());
    QVERIFY2(ok.text().contains(QStringLiteral("not a Wirescope session")), qPrintable(ok.text()));
    QVERIFY(window.isVisible());
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("Untitled session")));
    QVERIFY(QDir(AppSettings::workingDirectory()).entryList({QStringLiteral("*.wirescope")}, QDir::Files).size() == 1);

    const QString har = m_dir->filePath(QStringLiteral("broken.har"));
    QFile harFile(har);
    QVERIFY(harFile.open(QIODevice::WriteOnly));
    harFile.write(R"({"log": {"version": "1.2", "entries": [{"request": 42}]}})");
    harFile.close();
    DialogAnswerer harOk([](QWidget *box) { clickButton(box, QMessageBox::Ok); });
    QVERIFY(!window.openFile(har));
    QVERIFY2(harOk.text().contains(QStringLiteral("log.entries[0]")), qPrintable(harOk.text()));
}

void tst_MainWindowSessions::closingWithUnsavedChangesAsks()
{
    auto *window = new MainWindow(&m_demo.server());
    window->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<MainWindow> alive(window);
    window->show();
    record(*window);
    {
        DialogAnswerer cancel([](QWidget *box) { clickButton(box, QMessageBox::Cancel); });
        QVERIFY(!window->close());
        QVERIFY(cancel.answered());
        QVERIFY(window->isVisible());
    }
    {
        // Save asks where (no file yet); saved, the window closes without another question.
        const QString path = m_dir->filePath(QStringLiteral("closing.wirescope"));
        QVERIFY(window->saveTo(path));
        QVERIFY(window->close());
        QTRY_VERIFY(alive.isNull());
        QVERIFY(QFileInfo::exists(path));
    }
    // Its working copy went with it.
    QCOMPARE(QDir(AppSettings::workingDirectory()).entryList({QStringLiteral("*.wirescope")}, QDir::Files), QStringList());
}

void tst_MainWindowSessions::aHarFileOpensAsAnUnsavedSession()
{
    MainWindow window(&m_demo.server());
    window.show();
    QPointer<MainWindow> first(&window);
    MainWindow *opened = window.openFile(QStringLiteral(WIRESCOPE_SOURCE_DIR "/tests/core/session/har/chrome-websocket.har"));
    QVERIFY(opened);
    QVERIFY(opened->isWindowModified());
    QVERIFY(opened->windowTitle().startsWith(QStringLiteral("Untitled session")));
    // The untouched window made way for it.
    QTRY_VERIFY(!window.isVisible());
    QVERIFY(opened->wsWorkspace()->consoleCount() >= 1);
    QVERIFY(opened->wsWorkspace()->currentConsole()->logModel()->rowCount() > 0);
    closeAndDelete(opened);
}

void tst_MainWindowSessions::aKilledWindowsSessionIsOfferedBack()
{
    // What a killed window leaves: a working copy with traffic and no lock.
    QVERIFY(QDir().mkpath(AppSettings::workingDirectory()));
    const QString leftover = QDir(AppSettings::workingDirectory()).filePath(QStringLiteral("working-killed.wirescope"));
    QString before;
    {
        Session session;
        SessionStore store;
        SessionFileError error;
        QVERIFY(store.open(leftover, &error));
        store.attach(&session);
        QObject context;
        TimelineWriter writer(session.recorder(), &context);
        recordScenario(session, writer, 0);
        recordScenario(session, writer, 3);
        writer.flush();
        session.recorder()->drain();
        QVERIFY(store.close());
        before = everything(session);
    }
    MainWindow window(&m_demo.server());
    window.show();
    DialogAnswerer reopen([](QWidget *box) { clickButtonNamed(box, MainWindow::tr("&Reopen")); });
    const QList<MainWindow *> reopened = window.offerRecovery();
    QVERIFY2(reopen.text().contains(QStringLiteral("2 HTTP exchanges, 3 connections and 3 WebSocket messages")), qPrintable(reopen.text()));
    QCOMPARE(reopened.size(), 1);
    MainWindow *recovered = reopened.first();
    QCOMPARE(everything(*recovered->session()), before);
    QVERIFY(recovered->isWindowModified());
    QCOMPARE(recovered->httpWorkspace()->historyModel()->rowCount(), 2);
    QVERIFY(recovered->wsWorkspace()->consoleCount() >= 1);
    // Taken over: a second start would not offer it again.
    QVERIFY(window.offerRecovery().isEmpty());
    closeAndDelete(recovered);
    QVERIFY(!QFileInfo::exists(leftover));
}

void tst_MainWindowSessions::droppedFilesOpen()
{
    const QString path = m_dir->filePath(QStringLiteral("dropped.wirescope"));
    {
        MainWindow source(&m_demo.server());
        source.show();
        record(source);
        QVERIFY(source.saveTo(path));
    }
    MainWindow window(&m_demo.server());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path), QUrl::fromLocalFile(m_dir->filePath(QStringLiteral("other.txt")))});
    const QPoint at = window.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    MainWindow *opened = nullptr;
    QStringList shown;
    for (QWidget *top : QApplication::topLevelWidgets())
        if (auto *w = qobject_cast<MainWindow *>(top); w && w->isVisible()) {
            shown << w->windowTitle();
            if (w->document()->filePath() == path)
                opened = w;
        }
    QVERIFY2(opened, qPrintable(shown.join(u',')));
    QVERIFY(opened != &window);
    QCOMPARE(opened->httpWorkspace()->historyModel()->rowCount(), 1);
    closeAndDelete(opened);
}

void tst_MainWindowSessions::aSessionReplaysWithADiffInTheWindow()
{
    MainWindow window(&m_demo.server());
    window.show();
    record(window);
    ReplayDialog *dialog = window.replay();
    QVERIFY(dialog);
    const QString demoBase = m_demo.httpUrl(QStringLiteral("/")).toString();
    // Against the same server: nothing differs but what the ignore rules name.
    dialog->baseUrlEdit()->setText(demoBase);
    dialog->ignoreEdit()->setPlainText(QStringLiteral("header:Date"));
    dialog->runButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), kWait);
    QCOMPARE(dialog->report().items.size(), 2); // the GET and the WebSocket conversation
    QVERIFY2(dialog->report().passed(), qPrintable(dialog->summaryLabel()->text()));
    QCOMPARE(dialog->results()->topLevelItemCount(), 2);
    QVERIFY(dialog->results()->topLevelItem(0)->text(0).startsWith(QStringLiteral("SAME")));
    QVERIFY(dialog->results()->topLevelItem(1)->text(0).startsWith(QStringLiteral("SAME")));

    // A deliberate change on the server's side (the request lands on another resource): the
    // status differs, shown recorded vs replayed, and the report says so.
    dialog->baseUrlEdit()->setText(m_demo.httpUrl(QStringLiteral("/status/404")).toString());
    dialog->runButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), kWait);
    QVERIFY(!dialog->report().passed());
    QTreeWidgetItem *http = dialog->results()->topLevelItem(0);
    QVERIFY2(http->text(0).startsWith(QStringLiteral("DIFF")), qPrintable(http->text(0)));
    bool statusShown = false;
    for (int i = 0; i < http->childCount(); ++i)
        statusShown |= http->child(i)->text(0) == QStringLiteral("status") && http->child(i)->text(1) == QStringLiteral("200")
            && http->child(i)->text(2) == QStringLiteral("404");
    QVERIFY(statusShown);

    // A rule that does not parse is refused before anything is sent.
    dialog->ignoreEdit()->setPlainText(QStringLiteral("json:$.[oops"));
    dialog->runButton()->click();
    QVERIFY(!dialog->isRunning());
    dialog->close();
    DialogAnswerer discard([](QWidget *box) { clickButton(box, QMessageBox::Discard); });
    window.close();
}

void tst_MainWindowSessions::aCurlCommandIsImportedFromTheFileMenu()
{
    MainWindow window(&m_demo.server());
    window.show();
    const int tabs = window.httpWorkspace()->tabs()->count();
    const QString command = QStringLiteral("curl -X POST '%1' -H 'X-Trace: 7' --data-raw '{\"a\":1}'")
                                .arg(m_demo.httpUrl(QStringLiteral("/post")).toString());
    DialogAnswerer paste([&](QWidget *modal) {
        auto *dialog = qobject_cast<QDialog *>(modal);
        dialog->findChild<QPlainTextEdit *>()->setPlainText(command);
        dialog->accept();
    }, "QInputDialog");
    window.importCurl();
    QVERIFY(paste.answered());
    QCOMPARE(window.httpWorkspace()->tabs()->count(), tabs + 1);
    const HttpRequest request = window.httpWorkspace()->currentTab()->composer()->request();
    QCOMPARE(request.method(), QStringLiteral("POST"));
    QCOMPARE(request.url(), m_demo.httpUrl(QStringLiteral("/post")).toString());
    // Not a curl command: said so, nothing opened.
    DialogAnswerer junk([](QWidget *modal) {
        auto *dialog = qobject_cast<QDialog *>(modal);
        dialog->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("rm -rf /"));
        dialog->accept();
    }, "QInputDialog");
    DialogAnswerer refusal([](QWidget *box) { clickButton(box, QMessageBox::Ok); }, "QMessageBox");
    window.importCurl();
    QVERIFY(refusal.answered());
    QVERIFY2(refusal.text().contains(QStringLiteral("not imported")), qPrintable(refusal.text()));
    QCOMPARE(window.httpWorkspace()->tabs()->count(), tabs + 1);
}

QTEST_MAIN(tst_MainWindowSessions)
#include "tst_mainwindowsessions.moc"

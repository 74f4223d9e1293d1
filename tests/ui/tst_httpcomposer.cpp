#include "ui/http/httpcomposer.h"
#include "ui/http/keyvaluemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace wirescope;

namespace {
QTableView *tableOnTab(HttpComposer &composer, int tab)
{
    QWidget *page = composer.tabs()->widget(tab);
    if (auto *view = qobject_cast<QTableView *>(page))
        return view;
    return page->findChild<QTableView *>();
}

// Edits a cell the way a user does: open the editor, replace its text, press Enter.
void typeIntoCell(QTableView *view, const QModelIndex &index, const QString &text)
{
    view->setCurrentIndex(index);
    view->edit(index);
    QPointer<QLineEdit> editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY2(editor, "the cell editor did not open");
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits the edit from a queued call.
    QTRY_VERIFY(editor.isNull() || !editor->isVisible());
}
} // namespace

class tst_HttpComposer : public QObject
{
    Q_OBJECT
private slots:
    void typingAUrlFillsTheParamsTable()
    {
        HttpComposer composer;
        QAbstractItemModelTester tester(composer.paramsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QTest::keyClicks(composer.urlEdit(), QStringLiteral("http://127.0.0.1:8080/get?a=1&b=two"));
        const QList<KeyValueRow> rows = composer.paramsModel()->rows();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).name, QStringLiteral("a"));
        QCOMPARE(rows.at(0).value, QStringLiteral("1"));
        QCOMPARE(rows.at(1).name, QStringLiteral("b"));
        QCOMPARE(rows.at(1).value, QStringLiteral("two"));
        QCOMPARE(composer.request().url(), QStringLiteral("http://127.0.0.1:8080/get?a=1&b=two"));
    }

    void editingTheParamsTableRewritesTheUrl()
    {
        HttpComposer composer;
        QAbstractItemModelTester tester(composer.paramsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QTest::keyClicks(composer.urlEdit(), QStringLiteral("http://127.0.0.1:8080/get?a=1&b=two"));
        QTableView *params = tableOnTab(composer, 0);
        QVERIFY(params);
        KeyValueModel *model = composer.paramsModel();
        typeIntoCell(params, model->index(0, int(KeyValueModel::Column::Value)), QStringLiteral("3"));
        QCOMPARE(composer.urlEdit()->text(), QStringLiteral("http://127.0.0.1:8080/get?a=3&b=two"));

        // A new parameter typed into the last row is appended to the query.
        typeIntoCell(params, model->index(2, int(KeyValueModel::Column::Name)), QStringLiteral("c"));
        typeIntoCell(params, model->index(2, int(KeyValueModel::Column::Value)), QStringLiteral("x y"));
        QCOMPARE(composer.urlEdit()->text(), QStringLiteral("http://127.0.0.1:8080/get?a=3&b=two&c=x%20y"));

        // Unchecking keeps the row but takes it out of the URL.
        QVERIFY(model->setData(model->index(1, 0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(composer.urlEdit()->text(), QStringLiteral("http://127.0.0.1:8080/get?a=3&c=x%20y"));
        QCOMPARE(model->rows().size(), 3);

        // Delete removes the selected row, and the URL follows.
        params->setFocus();
        params->selectRow(0);
        QTest::keyClick(params, Qt::Key_Delete);
        QCOMPARE(composer.urlEdit()->text(), QStringLiteral("http://127.0.0.1:8080/get?c=x%20y"));
    }

    void headerNamesAreCompleted()
    {
        HttpComposer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        composer.tabs()->setCurrentIndex(1);
        QTableView *headers = tableOnTab(composer, 1);
        QVERIFY(headers);
        const QModelIndex name = composer.headersModel()->index(0, 0);
        headers->setCurrentIndex(name);
        headers->edit(name);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        QVERIFY(editor->completer());
        QTest::keyClicks(editor, QStringLiteral("content-t"));
        QCompleter *completer = editor->completer();
        QStringList offered;
        for (int i = 0; completer->setCurrentRow(i); ++i)
            offered.append(completer->currentCompletion());
        QCOMPARE(offered, QStringList{QStringLiteral("Content-Type")});
        QTest::keyClick(editor, Qt::Key_Return);
    }

    void bodyAndAuthReachTheRequest()
    {
        HttpComposer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        composer.tabs()->setCurrentIndex(2);
        auto *kind = composer.tabs()->widget(2)->findChild<QComboBox *>();
        QVERIFY(kind);
        kind->setCurrentIndex(int(BodyKind::Json));
        auto *json = composer.tabs()->widget(2)->findChildren<QPlainTextEdit *>().value(1);
        QVERIFY(json && json->isVisible());
        QTest::keyClicks(json, QStringLiteral("{\"a\": 1}"));
        composer.tabs()->setCurrentIndex(3);
        auto *authKind = composer.tabs()->widget(3)->findChild<QComboBox *>();
        authKind->setCurrentIndex(int(AuthKind::Bearer));
        auto *token = composer.tabs()->widget(3)->findChildren<QLineEdit *>().value(2);
        QVERIFY(token && token->isVisible());
        QTest::keyClicks(token, QStringLiteral("s3cret"));

        const HttpRequest request = composer.request();
        QCOMPARE(request.body().kind, BodyKind::Json);
        QCOMPARE(request.body().text, QStringLiteral("{\"a\": 1}"));
        QCOMPARE(request.auth().kind, AuthKind::Bearer);
        QCOMPARE(request.auth().token, QStringLiteral("s3cret"));

        // A request reopened from history comes back as it was.
        HttpComposer other;
        other.setRequest(request);
        QCOMPARE(other.request().body().text, request.body().text);
        QCOMPARE(other.request().auth().token, QStringLiteral("s3cret"));
    }

    void formatChangesWhitespaceOnly()
    {
        // The user's member order, a repeated name and a number's spelling survive Format.
        HttpComposer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        composer.tabs()->setCurrentIndex(2);
        composer.tabs()->widget(2)->findChild<QComboBox *>()->setCurrentIndex(int(BodyKind::Json));
        auto *json = composer.tabs()->widget(2)->findChildren<QPlainTextEdit *>().value(1);
        QVERIFY(json && json->isVisible());
        json->setPlainText(QStringLiteral(R"({"z":1,"a":[1.50],"z":2})"));
        QPushButton *format = nullptr;
        for (QPushButton *button : composer.tabs()->widget(2)->findChildren<QPushButton *>())
            if (button->text().remove(u'&') == QStringLiteral("Format"))
                format = button;
        QVERIFY(format);
        QTest::mouseClick(format, Qt::LeftButton);
        QCOMPARE(json->toPlainText(),
                 QStringLiteral("{\n    \"z\": 1,\n    \"a\": [\n        1.50\n    ],\n    \"z\": 2\n}"));
    }

    void enterInTheUrlBarAsksToSendAndBusyTurnsSendIntoCancel()
    {
        HttpComposer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QSignalSpy send(&composer, &HttpComposer::sendRequested);
        QSignalSpy cancel(&composer, &HttpComposer::cancelRequested);
        QTest::keyClicks(composer.urlEdit(), QStringLiteral("http://127.0.0.1:1/"));
        QTest::keyClick(composer.urlEdit(), Qt::Key_Return);
        QCOMPARE(send.count(), 1);
        composer.setBusy(true);
        QCOMPARE(composer.sendButton()->text(), QStringLiteral("Cancel"));
        QTest::mouseClick(composer.sendButton(), Qt::LeftButton);
        QCOMPARE(cancel.count(), 1);
        QCOMPARE(send.count(), 1);
    }
};

QTEST_MAIN(tst_HttpComposer)
#include "tst_httpcomposer.moc"

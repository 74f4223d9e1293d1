#include "ui/http/environmentdialog.h"
#include "ui/http/environmentstore.h"
#include "ui/http/keyvaluemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QTableView>
#include <QTest>

using namespace wirescope;

class tst_HttpEnvironmentDialog : public QObject
{
    Q_OBJECT
private slots:
    void editedVariablesComeBackOnAccept()
    {
        const QList<Environment> initial{
            {QStringLiteral("local"), {{QStringLiteral("host"), QStringLiteral("127.0.0.1:8080"), true}}},
            {QStringLiteral("staging"), {{QStringLiteral("host"), QStringLiteral("127.0.0.1:9090"), true}}},
        };
        EnvironmentDialog dialog(initial);
        auto *list = dialog.findChild<QListWidget *>();
        auto *table = dialog.findChild<QTableView *>();
        QVERIFY(list && table);
        auto *model = qobject_cast<KeyValueModel *>(table->model());
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(list->count(), 2);
        QCOMPARE(model->rows().first().value, QStringLiteral("127.0.0.1:8080"));

        // A new variable in "local", then a look at "staging", then accept: both kept.
        QVERIFY(model->setData(model->index(1, 0), QStringLiteral("token")));
        QVERIFY(model->setData(model->index(1, 1), QStringLiteral("abc")));
        list->setCurrentRow(1);
        QCOMPARE(model->rows().first().value, QStringLiteral("127.0.0.1:9090"));
        dialog.accept();
        const QList<Environment> result = dialog.environments();
        QCOMPARE(result.size(), 2);
        QCOMPARE(result.at(0).variables.size(), 2);
        QCOMPARE(result.at(0).variables.at(1).name, QStringLiteral("token"));
        QCOMPARE(result.at(0).variables.at(1).value, QStringLiteral("abc"));
        QCOMPARE(result.at(1).variables.size(), 1);
    }

    void tabMovesWithinTheRowAndOntoANewRow()
    {
        EnvironmentDialog dialog({{QStringLiteral("local"), {}}});
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *table = dialog.findChild<QTableView *>();
        auto *model = qobject_cast<KeyValueModel *>(table->model());
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        table->setFocus();
        table->setCurrentIndex(model->index(0, 0));
        QTRY_VERIFY(table->hasFocus());

        // The cell being edited: the line edit that has the focus, and where it sits.
        const auto editing = [&]() -> QPoint {
            auto *line = qobject_cast<QLineEdit *>(QApplication::focusWidget());
            if (!line || line->parentWidget() != table->viewport())
                return {-1, -1};
            const QModelIndex index = table->indexAt(line->geometry().center());
            return {index.column(), index.row()};
        };
        const auto type = [&](const QString &text, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
            QTest::keyClicks(QApplication::focusWidget(), text);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, modifiers);
        };

        // Tab from a selected name cell starts editing its value, as in Postman.
        QTest::keyClick(table, Qt::Key_Tab);
        QCOMPARE(editing(), QPoint(1, 0));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(editing(), QPoint(0, 0));
        // Name, Tab, value, Tab: the next row's name; the empty last row becomes a new row.
        type(QStringLiteral("host"));
        QCOMPARE(editing(), QPoint(1, 0));
        type(QStringLiteral("127.0.0.1:8080"));
        QCOMPARE(editing(), QPoint(0, 1));
        type(QStringLiteral("token"));
        QCOMPARE(editing(), QPoint(1, 1));
        type(QStringLiteral("abc"));
        QCOMPARE(editing(), QPoint(0, 2)); // the new empty row
        QCOMPARE(model->rowCount(), 3);
        // Shift+Tab goes back: the previous row's value, then its name.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(editing(), QPoint(1, 1));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(editing(), QPoint(0, 1));
        QCOMPARE(qobject_cast<QLineEdit *>(QApplication::focusWidget())->text(), QStringLiteral("token"));
        // Past the empty last row Tab leaves the table for the next control of the dialog.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(editing(), QPoint(0, 2));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(editing(), QPoint(1, 2));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(QApplication::focusWidget() != table && !table->isAncestorOf(QApplication::focusWidget()));

        const QList<KeyValueRow> rows{{QStringLiteral("host"), QStringLiteral("127.0.0.1:8080"), true},
                                      {QStringLiteral("token"), QStringLiteral("abc"), true}};
        QCOMPARE(model->rows(), rows);
        dialog.accept();
        const QList<Variable> variables = dialog.environments().first().variables;
        QCOMPARE(variables.size(), 2);
        QCOMPARE(variables.at(1).name, QStringLiteral("token"));
        QCOMPARE(variables.at(1).value, QStringLiteral("abc"));
    }

    void environmentsSurviveTheJsonRoundTrip()
    {
        const QList<Environment> environments{
            {QStringLiteral("local"),
             {{QStringLiteral("host"), QStringLiteral("127.0.0.1"), true}, {QStringLiteral("off"), QStringLiteral("x"), false}}},
        };
        const QList<Environment> back = EnvironmentStore::fromJson(EnvironmentStore::toJson(environments));
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first().name, QStringLiteral("local"));
        QCOMPARE(back.first().variables.size(), 2);
        QVERIFY(!back.first().variables.at(1).enabled);
    }

    void corruptSettingsGiveNoEnvironments()
    {
        QVERIFY(EnvironmentStore::fromJson("{not json").isEmpty());
        QVERIFY(EnvironmentStore::fromJson(R"([{"variables": []}])").isEmpty()); // nameless: dropped
    }
};

QTEST_MAIN(tst_HttpEnvironmentDialog)
#include "tst_httpenvironmentdialog.moc"

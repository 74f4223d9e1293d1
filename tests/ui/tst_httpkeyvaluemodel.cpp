#include "ui/http/keyvaluemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace wirescope;

class tst_HttpKeyValueModel : public QObject
{
    Q_OBJECT
private slots:
    void anEmptyModelShowsOnlyTheRowToTypeInto()
    {
        KeyValueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.isPlaceholder(model.index(0, 0)));
        QVERIFY(model.rows().isEmpty());
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsUserCheckable));
    }

    void typingIntoTheLastRowAddsARowAndANewLastRow()
    {
        KeyValueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy edited(&model, &KeyValueModel::rowsEdited);
        QVERIFY(model.setData(model.index(0, int(KeyValueModel::Column::Name)), QStringLiteral("Accept")));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rows().size(), 1);
        QCOMPARE(model.rows().first().name, QStringLiteral("Accept"));
        QVERIFY(model.rows().first().enabled);
        QCOMPARE(edited.count(), 1);
        QVERIFY(model.setData(model.index(0, int(KeyValueModel::Column::Value)), QStringLiteral("text/html")));
        QCOMPARE(model.rows().first().value, QStringLiteral("text/html"));
        QCOMPARE(edited.count(), 2);
    }

    void uncheckingARowDisablesItWithoutRemovingIt()
    {
        KeyValueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({{QStringLiteral("a"), QStringLiteral("1"), true}});
        QVERIFY(model.setData(model.index(0, 0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.rows().size(), 1);
        QVERIFY(!model.rows().first().enabled);
        QCOMPARE(model.data(model.index(0, 0), Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    }

    void settingRowsFromTheOtherViewDoesNotReportAnEdit()
    {
        KeyValueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy edited(&model, &KeyValueModel::rowsEdited);
        model.setRows({{QStringLiteral("a"), QStringLiteral("1"), true}, {QStringLiteral("b"), QStringLiteral("2"), true}});
        model.setRows({{QStringLiteral("a"), QStringLiteral("1"), true}, {QStringLiteral("b"), QStringLiteral("3"), true}});
        QCOMPARE(edited.count(), 0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(1, 1)).toString(), QStringLiteral("3"));
    }

    void removingRowsKeepsTheLastRow()
    {
        KeyValueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({{QStringLiteral("a"), QStringLiteral("1"), true}, {QStringLiteral("b"), QStringLiteral("2"), true}});
        QVERIFY(!model.removeRows(2, 1)); // the row to type into stays
        QVERIFY(model.removeRows(0, 1));
        QCOMPARE(model.rows().size(), 1);
        QCOMPARE(model.rows().first().name, QStringLiteral("b"));
        QCOMPARE(model.rowCount(), 2);
    }
};

QTEST_MAIN(tst_HttpKeyValueModel)
#include "tst_httpkeyvaluemodel.moc"

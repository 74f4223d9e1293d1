#include "ui/http/environmentdialog.h"
#include "ui/http/environmentstore.h"
#include "ui/http/keyvaluemodel.h"

#include <QAbstractItemModelTester>
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

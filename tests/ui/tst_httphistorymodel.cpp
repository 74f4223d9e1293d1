#include "ui/http/httphistorymodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace wirescope;

namespace {
HttpExchangeRecord record(const QString &url, int status, qint64 durationNs)
{
    HttpExchangeRecord r;
    r.request.setUrl(url);
    r.startNs = 1000;
    r.endNs = 1000 + durationNs;
    HttpHop hop;
    hop.request.url = url;
    hop.response.status = status;
    hop.complete = status > 0;
    r.hops.append(hop);
    return r;
}
} // namespace

class tst_HttpHistoryModel : public QObject
{
    Q_OBJECT
private slots:
    void theNewestRequestIsOnTop()
    {
        HttpHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.add(record(QStringLiteral("http://127.0.0.1:1/get"), 200, 420'000));
        model.add(record(QStringLiteral("http://127.0.0.1:1/status/404"), 404, 2'500'000));
        QCOMPARE(model.rowCount(), 2);
        const auto col = [](HttpHistoryModel::Column c) { return int(c); };
        QCOMPARE(model.data(model.index(0, col(HttpHistoryModel::Column::Url))).toString(),
                 QStringLiteral("http://127.0.0.1:1/status/404"));
        QCOMPARE(model.data(model.index(0, col(HttpHistoryModel::Column::Status))).toString(), QStringLiteral("404"));
        QCOMPARE(model.data(model.index(1, col(HttpHistoryModel::Column::Duration))).toString(), QStringLiteral("420 µs"));
        QCOMPARE(model.data(model.index(0, col(HttpHistoryModel::Column::Method))).toString(), QStringLiteral("GET"));
        QCOMPARE(model.recordAt(1).request.url(), QStringLiteral("http://127.0.0.1:1/get"));
    }

    void aFailedExchangeShowsItsErrorId()
    {
        HttpHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        HttpExchangeRecord r = record(QStringLiteral("http://127.0.0.1:1/"), 0, 5);
        r.error = Failure::of(failures::ConnectRefused, QStringLiteral("Connection refused"));
        model.add(r);
        QCOMPARE(model.data(model.index(0, int(HttpHistoryModel::Column::Status))).toString(),
                 QStringLiteral("connect.refused"));
    }

    void theOldestRequestsGoBeyondTheCapacity()
    {
        HttpHistoryModel model(2);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 4; ++i)
            model.add(record(QStringLiteral("http://127.0.0.1:1/%1").arg(i), 200, 1));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.recordAt(0).request.url(), QStringLiteral("http://127.0.0.1:1/3"));
        QCOMPARE(model.recordAt(1).request.url(), QStringLiteral("http://127.0.0.1:1/2"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(tst_HttpHistoryModel)
#include "tst_httphistorymodel.moc"

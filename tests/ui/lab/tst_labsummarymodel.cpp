#include "ui/app/translations.h"
#include "ui/lab/labsummarymodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QTest>

using namespace wirescope;

namespace {

LabConfig config()
{
    LabConfig c;
    c.transports = {LabTransport::KeepAlive, LabTransport::Sse, LabTransport::WebSocket};
    return c;
}

QString text(const LabSummaryModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestLabSummaryModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { installTranslations(QCoreApplication::instance(), QLocale(QLocale::English)); }
    void aRowWaitsRunsAndHoldsItsResult();
    void aFailedTransportIsRedAndSaysWhy();
    void rowsThatNeverRanSaySoWhenStopped();
    void theDelayColumnsFollowTheWorkload();
};

void TestLabSummaryModel::aRowWaitsRunsAndHoldsItsResult()
{
    LabSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset(config());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(LabSummaryModel::ColumnCount));
    QCOMPARE(text(model, 2, LabSummaryModel::TransportColumn), QStringLiteral("WebSocket"));
    QCOMPARE(text(model, 2, LabSummaryModel::WordsColumn), QStringLiteral("Waiting"));
    QCOMPARE(text(model, 2, LabSummaryModel::DeliveredColumn), QString());

    model.setRunning(LabTransport::WebSocket);
    model.setLive(LabTransport::WebSocket, 12, 1);
    QCOMPARE(model.state(2), LabSummaryModel::State::Running);
    QCOMPARE(text(model, 2, LabSummaryModel::DeliveredColumn), QStringLiteral("12"));
    QCOMPARE(text(model, 2, LabSummaryModel::LateColumn), QStringLiteral("1"));
    // Live counts reach only the row that runs.
    model.setLive(LabTransport::Sse, 5, 0);
    QCOMPARE(text(model, 1, LabSummaryModel::DeliveredColumn), QString());

    LabTransportResult r;
    r.transport = LabTransport::WebSocket;
    r.messagesSent = 20;
    r.messagesDelivered = 20;
    r.payloadBytes = 1280;
    r.wireBytesIn = 1500;
    r.wireBytesOut = 300;
    r.overhead.frameHeaders = 40;
    r.overhead.handshake = 480;
    r.connections = 1;
    r.requests = 1;
    r.frames = 21;
    r.pushDelay = {0.25, 0.5, 0.75};
    r.samples.append(LabSample{});
    model.setResult(r);
    QCOMPARE(model.state(2), LabSummaryModel::State::Done);
    QCOMPARE(text(model, 2, LabSummaryModel::DeliveredColumn), QStringLiteral("20 of 20"));
    QCOMPARE(text(model, 2, LabSummaryModel::LostColumn), QStringLiteral("0"));
    QCOMPARE(text(model, 2, LabSummaryModel::P50Column), QStringLiteral("250 µs"));
    QCOMPARE(text(model, 2, LabSummaryModel::MaxColumn), QStringLiteral("750 µs"));
    QCOMPARE(text(model, 2, LabSummaryModel::BytesColumn), QStringLiteral("90 B"));
    QCOMPARE(text(model, 2, LabSummaryModel::OverheadColumn), QStringLiteral("26 B"));
    QCOMPARE(text(model, 2, LabSummaryModel::RequestsColumn), QStringLiteral("21 frames"));
    QCOMPARE(model.index(2, LabSummaryModel::ConnectionsColumn).data(LabSummaryModel::ValueRole).toLongLong(), qint64(1));
    QVERIFY(text(model, 2, LabSummaryModel::WordsColumn).startsWith(QStringLiteral("2 B of framing per 64-byte message")));
    QVERIFY(!model.index(2, LabSummaryModel::WordsColumn).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.headerData(LabSummaryModel::WordsColumn, Qt::Horizontal).toString(), QStringLiteral("In words"));
}

void TestLabSummaryModel::aFailedTransportIsRedAndSaysWhy()
{
    LabSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset(config());
    model.setColors(QColor(Qt::red), QColor(Qt::gray));
    model.setRunning(LabTransport::Sse);
    LabTransportResult r;
    r.transport = LabTransport::Sse;
    r.error = QStringLiteral("the server has no /lab/sse endpoint (404)");
    model.setResult(r);
    QCOMPARE(model.state(1), LabSummaryModel::State::Failed);
    QCOMPARE(text(model, 1, LabSummaryModel::WordsColumn), QStringLiteral("Failed: the server has no /lab/sse endpoint (404)"));
    QCOMPARE(model.index(1, LabSummaryModel::WordsColumn).data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::red));
    QCOMPARE(model.index(1, LabSummaryModel::TransportColumn).data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::red));
    QCOMPARE(text(model, 1, LabSummaryModel::P50Column), QStringLiteral("\u2014"));
    QCOMPARE(model.index(1, LabSummaryModel::WordsColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Failed: the server has no /lab/sse endpoint (404)"));
}

void TestLabSummaryModel::rowsThatNeverRanSaySoWhenStopped()
{
    LabSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset(config());
    model.setRunning(LabTransport::KeepAlive);
    model.finishRun(true);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(model.state(row), LabSummaryModel::State::NotRun);
        QCOMPARE(text(model, row, LabSummaryModel::WordsColumn), QStringLiteral("Not run: the lab was stopped first."));
    }
}

void TestLabSummaryModel::theDelayColumnsFollowTheWorkload()
{
    LabSummaryModel model;
    LabConfig echo = config();
    echo.workload = LabWorkload::Echo;
    model.reset(echo);
    LabTransportResult r;
    r.transport = LabTransport::KeepAlive;
    r.messagesSent = r.messagesDelivered = 3;
    r.pushDelay = {};
    r.roundTrip = {2, 3, 4};
    model.setResult(r);
    QCOMPARE(text(model, 0, LabSummaryModel::P50Column), QStringLiteral("2.00 ms"));
    QVERIFY(model.headerData(LabSummaryModel::P50Column, Qt::Horizontal, Qt::ToolTipRole).toString().contains(
        QStringLiteral("round trip")));
}

QTEST_MAIN(TestLabSummaryModel)
#include "tst_labsummarymodel.moc"

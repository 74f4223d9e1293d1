// The Lab view driven through real runs against the demo server's lab endpoints: the
// table, the claims, the charts and the exported files after a short run; Stop mid-run;
// a server without the lab endpoints (nginx); opening it from the main window.
#include "tests/peers/demopeer.h"
#include "tests/peers/nginxpeer.h"
#include "ui/app/translations.h"
#include "ui/lab/labchartdata.h"
#include "ui/lab/labchartswidget.h"
#include "ui/lab/labclaimspanel.h"
#include "ui/lab/labsummarymodel.h"
#include "ui/lab/labwindow.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace wirescope;
using namespace wirescope::test;

namespace {

constexpr int kRunTimeoutMs = 60000;

LabConfig shortRun(const QUrl &base)
{
    LabConfig c;
    c.baseUrl = base;
    c.transports = {LabTransport::KeepAlive, LabTransport::Sse, LabTransport::WebSocket};
    c.workload = LabWorkload::Push;
    c.payload = LabPayloadKind::Json;
    c.rate = 20;
    c.size = 64;
    c.durationMs = 1000;
    c.pollIntervalMs = 50;
    c.lateMs = 100;
    return c;
}

QString words(const LabWindow &window, int row)
{
    return window.summaryModel()->index(row, LabSummaryModel::WordsColumn).data().toString();
}

} // namespace

class TestLabWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aShortRunFillsTheTableTheClaimsAndTheCharts();
    void theRunExportsAsCsvJsonAndPng();
    void stopMidRunEndsCleanly();
    void aServerWithoutTheLabSaysWhichEndpointIsMissing();
    void theFormRefusesWhatCannotRun();
    void theMainWindowOpensOneLabWithTheDemoServer();

private:
    DemoPeer m_demo;
    std::unique_ptr<LabWindow> m_ran; // the window of the short run, for the export test
};

void TestLabWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    installTranslations(qApp, QLocale(QLocale::English));
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
}

void TestLabWindow::aShortRunFillsTheTableTheClaimsAndTheCharts()
{
    m_ran = std::make_unique<LabWindow>(m_demo.server().httpBaseUrl());
    LabWindow &window = *m_ran;
    QCOMPARE(window.urlEdit()->text(), m_demo.server().httpBaseUrl().toString());
    window.setConfig(shortRun(m_demo.server().httpBaseUrl()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&window, &LabWindow::runFinished);
    // Ctrl+R runs.
    QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);
    QVERIFY(window.isRunning());
    QVERIFY(!window.runButton()->isEnabled());
    QVERIFY(window.stopButton()->isEnabled());
    // Live: the first transport's row counts deliveries before the run ends.
    QTRY_VERIFY_WITH_TIMEOUT(window.summaryModel()->index(0, LabSummaryModel::DeliveredColumn).data().toString().toInt() > 0
                                 || finished.count() > 0,
                             kRunTimeoutMs);
    QVERIFY(finished.wait(kRunTimeoutMs) || finished.count() == 1);
    QVERIFY(!window.isRunning());
    QVERIFY(window.runButton()->isEnabled());
    QVERIFY(window.statusText().startsWith(QStringLiteral("Done: 3 transports measured.")));

    QVERIFY(window.result().has_value());
    const LabRunResult &run = *window.result();
    QCOMPARE(run.transports.size(), 3);
    QVERIFY(!run.cancelled);

    const LabSummaryModel *model = window.summaryModel();
    QCOMPARE(model->rowCount(), 3);
    const QStringList names{QStringLiteral("Polling (keep-alive)"), QStringLiteral("Server-sent events"),
                            QStringLiteral("WebSocket")};
    for (int row = 0; row < 3; ++row) {
        const LabTransportResult &t = run.transports.at(row);
        QVERIFY2(t.ran(), qPrintable(t.error));
        QCOMPARE(model->state(row), LabSummaryModel::State::Done);
        QCOMPARE(model->index(row, LabSummaryModel::TransportColumn).data().toString(), names.at(row));
        QCOMPARE(model->index(row, LabSummaryModel::DeliveredColumn).data().toString(),
                 QStringLiteral("%1 of %2").arg(t.messagesDelivered).arg(t.messagesSent));
        QVERIFY(t.messagesDelivered > 0);
        QVERIFY(!words(window, row).isEmpty());
        QVERIFY2(!words(window, row).startsWith(QStringLiteral("Failed")), qPrintable(words(window, row)));
        QVERIFY(words(window, row).contains(QStringLiteral("median push delay")));
    }
    QVERIFY2(words(window, 0).contains(QStringLiteral("of request head")), qPrintable(words(window, 0)));
    QVERIFY2(words(window, 1).contains(QStringLiteral("of SSE fields")), qPrintable(words(window, 1)));
    QVERIFY2(words(window, 2).contains(QStringLiteral("of framing per 64-byte message")), qPrintable(words(window, 2)));
    // The sentences are shown below the table, each after its transport's name.
    QVERIFY(window.wordsText().contains(QStringLiteral("WebSocket: ") + words(window, 2)));

    // Every claim is measured by these three transports, each with its evidence in words.
    const LabClaimsPanel *claims = window.claimsPanel();
    QCOMPARE(claims->count(), 4);
    for (int i = 0; i < 4; ++i) {
        QVERIFY2(claims->verdict(i) == int(LabClaim::Verdict::Supported) || claims->verdict(i) == int(LabClaim::Verdict::Refuted),
                 qPrintable(claims->claimText(i) + QStringLiteral(": ") + claims->evidenceText(i)));
        QVERIFY(claims->verdictText(i) == QStringLiteral("Supported") || claims->verdictText(i) == QStringLiteral("Refuted"));
        QVERIFY(!claims->evidenceText(i).isEmpty());
    }
    QCOMPARE(claims->claimText(0), QStringLiteral("WebSocket frames add 2-14 bytes each"));
    // Server frames of a 64-byte message have a 2-byte header: within 2-14 on any machine.
    QCOMPARE(claims->verdictText(0), QStringLiteral("Supported"));
    QVERIFY2(claims->evidenceText(0).startsWith(QStringLiteral("WebSocket: frame headers of 2-")), qPrintable(claims->evidenceText(0)));

    // The charts: a latency line per transport, nine kinds of bytes, three outcomes.
    const LabChartsWidget *charts = window.charts();
    QCOMPARE(charts->latencySeriesCount(), 3);
    // Payload and the kinds of overhead these transports have (heads, SSE fields, frame
    // headers, handshake...), not the ones they have not.
    QVERIFY2(charts->bytesSetCount() >= 5 && charts->bytesSetCount() < int(LabChartData::PartCount),
             qPrintable(QString::number(charts->bytesSetCount())));
    QCOMPARE(charts->messagesSetCount(), 3);
    for (int i = 0; i < 3; ++i) {
        const LabTransportResult &t = run.transports.at(i);
        QVERIFY(charts->latencyPointCount(i) > 0);
        QCOMPARE(charts->messagesValue(0, i) + charts->messagesValue(1, i), double(t.messagesDelivered));
        QCOMPARE(charts->messagesValue(2, i), double(t.lost));
        QCOMPARE(charts->bytesValue(LabChartData::Payload, i), double(t.payloadBytes) / double(t.messagesDelivered));
    }
    QVERIFY(charts->bytesValue(LabChartData::RequestHeads, 0) > 0);
    QVERIFY(charts->bytesValue(LabChartData::SseFields, 1) > 0);
    QVERIFY(charts->bytesValue(LabChartData::FrameHeaders, 2) > 0);
}

void TestLabWindow::theRunExportsAsCsvJsonAndPng()
{
    QVERIFY(m_ran && m_ran->result());
    const LabRunResult &run = *m_ran->result();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    QString error;
    const QString csvPath = dir.filePath(QStringLiteral("lab.csv"));
    QVERIFY2(m_ran->exportCsv(csvPath, &error), qPrintable(error));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    qint64 samples = 0;
    for (const LabTransportResult &t : run.transports)
        samples += t.samples.size();
    // A header row and one row per delivered message, each with the header's columns.
    QCOMPARE(qint64(lines.size()), samples + 1);
    const qsizetype columns = lines.first().count(',');
    QVERIFY(columns > 2);
    for (const QByteArray &line : lines)
        QCOMPARE(line.count(','), columns);

    const QString jsonPath = dir.filePath(QStringLiteral("lab.json"));
    QVERIFY2(m_ran->exportJson(jsonPath, &error), qPrintable(error));
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.readAll(), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonArray transports = doc.object().value(QStringLiteral("transports")).toArray();
    QCOMPARE(transports.size(), 3);
    QCOMPARE(transports.at(2).toObject().value(QStringLiteral("transport")).toString(), QStringLiteral("ws"));
    // Every message's timings are in the export.
    QCOMPARE(qsizetype(transports.at(2).toObject().value(QStringLiteral("samples")).toArray().size()),
             run.transports.at(2).samples.size());
    QCOMPARE(doc.object().value(QStringLiteral("claims")).toArray().size(), 4);

    const QString pngPath = dir.filePath(QStringLiteral("charts.png"));
    QVERIFY2(m_ran->exportChartsPng(pngPath, &error), qPrintable(error));
    const QImage image(pngPath);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), m_ran->charts()->size() * m_ran->charts()->devicePixelRatio());

    // A path that cannot be written says why.
    QVERIFY(!m_ran->exportJson(dir.filePath(QStringLiteral("missing/dir/lab.json")), &error));
    QVERIFY(!error.isEmpty());
    m_ran.reset();
}

void TestLabWindow::stopMidRunEndsCleanly()
{
    LabWindow window(m_demo.server().httpBaseUrl());
    LabConfig config = shortRun(m_demo.server().httpBaseUrl());
    config.durationMs = 20000;
    window.setConfig(config);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&window, &LabWindow::runFinished);
    QVERIFY(window.run());
    // The first transport runs and has delivered something.
    QTRY_VERIFY_WITH_TIMEOUT(window.summaryModel()->state(0) == LabSummaryModel::State::Running
                                 && window.summaryModel()->index(0, LabSummaryModel::DeliveredColumn).data().toInt() > 0,
                             kRunTimeoutMs);
    QVERIFY(window.statusText().startsWith(QStringLiteral("Running Polling (keep-alive) (1 of 3)")));
    // Esc stops.
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(finished.wait(15000) || finished.count() == 1);
    QVERIFY(!window.isRunning());
    QVERIFY(window.result()->cancelled);
    QVERIFY(window.statusText().startsWith(QStringLiteral("Stopped")));
    QVERIFY(window.runButton()->isEnabled());
    QVERIFY(!window.stopButton()->isEnabled());
    for (int row = 1; row < 3; ++row) {
        QCOMPARE(window.summaryModel()->state(row), LabSummaryModel::State::NotRun);
        QCOMPARE(words(window, row), QStringLiteral("Not run: the lab was stopped first."));
    }
    // It runs again after a stop.
    config.durationMs = 300;
    config.transports = {LabTransport::WebSocket};
    window.setConfig(config);
    QVERIFY(window.run());
    QVERIFY(finished.wait(kRunTimeoutMs) || finished.count() == 2);
    QVERIFY(!window.result()->cancelled);
    QCOMPARE(window.summaryModel()->state(0), LabSummaryModel::State::Done);
}

void TestLabWindow::aServerWithoutTheLabSaysWhichEndpointIsMissing()
{
    NginxPeer nginx;
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));
    LabWindow window(nginx.httpUrl(QStringLiteral("/")));
    LabConfig config = shortRun(nginx.httpUrl(QStringLiteral("/")));
    config.transports = {LabTransport::KeepAlive, LabTransport::WebSocket};
    window.setConfig(config);
    window.show();
    QSignalSpy finished(&window, &LabWindow::runFinished);
    QVERIFY(window.run());
    QVERIFY(finished.wait(kRunTimeoutMs) || finished.count() == 1);
    const QColor red = window.summaryModel()->index(0, LabSummaryModel::WordsColumn).data(Qt::ForegroundRole).value<QColor>();
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(window.summaryModel()->state(row), LabSummaryModel::State::Failed);
        QVERIFY2(words(window, row).startsWith(QStringLiteral("Failed: ")), qPrintable(words(window, row)));
        QVERIFY2(words(window, row).contains(QStringLiteral("/lab/")), qPrintable(words(window, row)));
        QCOMPARE(window.summaryModel()->index(row, LabSummaryModel::WordsColumn).data(Qt::ForegroundRole).value<QColor>(), red);
    }
    QVERIFY(red.red() > red.green() + 60);
    QVERIFY(window.wordsText().contains(QStringLiteral("WebSocket: Failed: ")));
    QVERIFY2(window.statusText().contains(QStringLiteral("2 transports failed")), qPrintable(window.statusText()));
    for (int i = 0; i < 4; ++i)
        QCOMPARE(window.claimsPanel()->verdictText(i), QStringLiteral("Not measured"));
}

void TestLabWindow::theFormRefusesWhatCannotRun()
{
    LabWindow window(QUrl{});
    LabConfig config = shortRun(QUrl(QStringLiteral("http://127.0.0.1:1")));
    config.transports.clear();
    window.setConfig(config);
    QVERIFY(!window.runButton()->isEnabled());
    QVERIFY(!window.run());
    QCOMPARE(window.statusText(), QStringLiteral("Choose at least one transport."));
    config.transports = {LabTransport::Sse};
    config.baseUrl = QUrl(QStringLiteral("ftp://127.0.0.1/"));
    window.setConfig(config);
    QVERIFY(!window.run());
    QVERIFY(window.statusText().startsWith(QStringLiteral("Enter the address of a server with the lab endpoints")));
    QVERIFY(!window.isRunning());
    // JSON messages need 40 bytes, text 32 (docs/lab-endpoints.md).
    config.baseUrl = m_demo.server().httpBaseUrl();
    config.payload = LabPayloadKind::Json;
    config.size = 32;
    window.setConfig(config);
    QCOMPARE(window.config().size, 40);
    config.payload = LabPayloadKind::Text;
    window.setConfig(config);
    QCOMPARE(window.config().size, 32);
}

void TestLabWindow::theMainWindowOpensOneLabWithTheDemoServer()
{
    MainWindow main(&m_demo.server());
    main.show();
    QVERIFY(QTest::qWaitForWindowExposed(&main));
    QAction *action = nullptr;
    for (QAction *candidate : main.actions())
        if (candidate->text() == QStringLiteral("Transport &Lab..."))
            action = candidate;
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    action->trigger();
    auto *lab = main.findChild<LabWindow *>();
    QVERIFY(lab);
    QVERIFY(lab->isVisible());
    QVERIFY(lab->isWindow());
    QCOMPARE(lab->urlEdit()->text(), m_demo.server().httpBaseUrl().toString());
    lab->close();
    QCOMPARE(main.openLab(), lab);
    QCOMPARE(main.findChildren<LabWindow *>().size(), 1);
}

QTEST_MAIN(TestLabWindow)
#include "tst_labwindow.moc"

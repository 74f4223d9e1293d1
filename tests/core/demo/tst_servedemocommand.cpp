// `wirescope-cli serve-demo` as a user runs it: prints the base URL and endpoints, serves,
// stops cleanly (exit 0) on SIGINT and SIGTERM, and exits 3 with a clear message when the
// port is taken.
#include "core/demo/demoendpoints.h"
#include "tests/peers/peerprocess.h"
#include "tests/peers/testclient.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include <csignal>

using namespace wirescope;
using namespace wirescope::test;

namespace {

QString cliPath()
{
    return QStringLiteral(WIRESCOPE_BINARY_DIR "/app/wirescope-cli");
}

} // namespace

class tst_ServeDemoCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void servesUntilSignalled_data();
    void servesUntilSignalled();
    void takenPortExitsWith3();
    void badPortExitsWith2();
};

void tst_ServeDemoCommand::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath() + u" is not built"_qs));
}

void tst_ServeDemoCommand::servesUntilSignalled_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("Ctrl+C (SIGINT) stops it cleanly") << int(SIGINT);
    QTest::newRow("SIGTERM stops it cleanly") << int(SIGTERM);
}

void tst_ServeDemoCommand::servesUntilSignalled()
{
    QFETCH(int, signalNumber);
    QProcess process;
    process.start(cliPath(), {u"serve-demo"_qs, u"--port"_qs, u"0"_qs});
    QVERIFY2(process.waitForStarted(5000), qPrintable(process.errorString()));
    QByteArray output;
    QRegularExpression base(u"on http://127\\.0\\.0\\.1:(\\d+) "_qs);
    QRegularExpressionMatch match;
    while (!(match = base.match(QString::fromUtf8(output))).hasMatch() && process.waitForReadyRead(5000))
        output += process.readAllStandardOutput();
    QVERIFY2(match.hasMatch(), output.constData());
    const quint16 port = quint16(match.captured(1).toUInt());
    QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput()).contains("Press Ctrl+C to stop."), 5000);
    // Every row of the one endpoint table, with its method label and full URL.
    for (const DemoEndpoint &endpoint : DemoEndpoint::all()) {
        const QByteArray url = (endpoint.isWebSocket() ? "ws" : "http") + QByteArray("://127.0.0.1:")
                               + QByteArray::number(port) + endpoint.example;
        const QByteArray line = endpoint.methodLabel().toLatin1().leftJustified(6) + ' ' + url;
        QVERIFY2(output.contains(line), url.constData());
    }

    QNetworkAccessManager manager;
    const FetchResult result = fetch(manager, QNetworkRequest(QUrl(u"http://127.0.0.1:%1/status/418"_qs.arg(port))));
    QCOMPARE(result.status, 418);
    QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput()).contains("418 GET /status/418"), 5000);

    ::kill(pid_t(process.processId()), signalNumber);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains("Demo server stopped."));
}

void tst_ServeDemoCommand::takenPortExitsWith3()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    QProcess process;
    process.start(cliPath(), {u"serve-demo"_qs, u"--port"_qs, QString::number(holder.serverPort())});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 3);
    const QByteArray error = process.readAllStandardError();
    QVERIFY2(error.contains(QByteArray("cannot listen on 127.0.0.1:" + QByteArray::number(holder.serverPort()))), error.constData());
}

void tst_ServeDemoCommand::badPortExitsWith2()
{
    QProcess process;
    process.start(cliPath(), {u"serve-demo"_qs, u"--port"_qs, u"70000"_qs});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("--port needs a number from 0 to 65535"));
}

QTEST_GUILESS_MAIN(tst_ServeDemoCommand)
#include "tst_servedemocommand.moc"

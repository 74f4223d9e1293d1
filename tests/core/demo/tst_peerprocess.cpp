// The process helper under every fixture: clear reasons when a peer cannot run, output kept
// for failure messages, the process gone when the object is.
#include "tests/peers/peerprocess.h"

#include <QFileInfo>
#include <QTcpServer>
#include <QTest>

#include <csignal>

using namespace wirescope::test;

class tst_PeerProcess : public QObject
{
    Q_OBJECT
private slots:
    void missingProgramGivesAReason();
    void findsTheSystemBinaries();
    void keepsOutputAndExitStatus();
    void waitsForAnAnnouncedLine();
    void destructorStopsTheProcess();
    void freePortIsBindable();
};

void tst_PeerProcess::missingProgramGivesAReason()
{
    PeerProcess process;
    QString error;
    QVERIFY(!process.start(u"/nonexistent/wirescope-peer"_qs, {}, &error));
    QVERIFY2(error.contains(u"/nonexistent/wirescope-peer"_qs), qPrintable(error));
    QVERIFY(!process.isRunning());
}

void tst_PeerProcess::findsTheSystemBinaries()
{
    QString error;
    const QString python = findSystemPython3(&error);
    QVERIFY2(!python.isEmpty(), qPrintable(error));
    QCOMPARE(python, u"/usr/bin/python3"_qs); // never the pyenv python on PATH
    const QString nginx = findNginx(&error);
    QVERIFY2(!nginx.isEmpty(), qPrintable(error));
    QVERIFY(QFileInfo(nginx).isExecutable());
    QVERIFY(QFileInfo::exists(certsDir() + u"/localhost.crt"_qs));
    QVERIFY(QFileInfo::exists(peersDir() + u"/ws_server.py"_qs));
}

void tst_PeerProcess::keepsOutputAndExitStatus()
{
    PeerProcess process;
    QString error;
    QVERIFY2(process.start(u"/bin/sh"_qs, {u"-c"_qs, u"for i in 1 2 3 4 5; do echo line$i; done; echo oops >&2; exit 7"_qs}, &error),
             qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!process.isRunning() && process.output().contains("oops"), 5000);
    QCOMPARE(process.exitDescription(), u"exited with code 7"_qs);
    QCOMPARE(process.outputTail(2), u"line5\noops"_qs);
}

void tst_PeerProcess::waitsForAnAnnouncedLine()
{
    PeerProcess process;
    QString error;
    QVERIFY(process.start(u"/bin/sh"_qs, {u"-c"_qs, u"echo starting; sleep 0.2; echo PORT 4242; sleep 30"_qs}, &error));
    QCOMPARE(process.waitForLine("PORT ", 5000), QByteArray("4242"));
    // A process that dies before announcing gives an empty answer, not a hang.
    PeerProcess dying;
    QVERIFY(dying.start(u"/bin/sh"_qs, {u"-c"_qs, u"echo no port here; exit 1"_qs}, &error));
    QCOMPARE(dying.waitForLine("PORT ", 5000), QByteArray());
}

void tst_PeerProcess::destructorStopsTheProcess()
{
    qint64 pid = 0;
    {
        PeerProcess process;
        QString error;
        QVERIFY(process.start(u"/bin/sleep"_qs, {u"60"_qs}, &error));
        pid = process.processId();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid_t(pid), 0), 0);
    }
    QCOMPARE(::kill(pid_t(pid), 0), -1);
}

void tst_PeerProcess::freePortIsBindable()
{
    const quint16 port = freeLoopbackPort();
    QVERIFY(port != 0);
    QTcpServer server;
    QVERIFY2(server.listen(QHostAddress::LocalHost, port), qPrintable(server.errorString()));
}

QTEST_GUILESS_MAIN(tst_PeerProcess)
#include "tst_peerprocess.moc"

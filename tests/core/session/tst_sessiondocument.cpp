// A window's session as a document: recorded into a working copy as it happens, saved to a
// file only when asked (whole or not at all), reopened exactly, refused with a reason when
// the file is bad (the file and the working folder left as they were), and recovered after
// its process was killed.
#include "core/session/harreader.h"
#include "core/session/sessiondocument.h"
#include "core/session/sessionfilereader.h"
#include "core/session/sessionstore.h"
#include "core/session/sqlitedatabase.h"
#include "tests/support/countingchild.h"
#include "tests/support/sessionscenarios.h"

#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace wirescope;
using wirescope::test::CountingChild;
using wirescope::test::everything;
using wirescope::test::fileHash;
using wirescope::test::recordScenario;
using wirescope::test::SimulatedWsConnection;

namespace {

constexpr int kWait = 10000;


QString describe(const SessionFileError &error)
{
    return error.id + u' ' + error.message;
}

// Records a scenario into a document's session the way the engines do.
void record(SessionDocument &document, int scenario)
{
    QObject context;
    TimelineWriter writer(document.session()->recorder(), &context);
    recordScenario(*document.session(), writer, scenario);
    writer.flush();
    document.session()->recorder()->drain();
}

// The child process of aKilledWindowLeavesASessionToRecover: a document in the folder named
// by the environment, recording a message every millisecond until it is killed.
int recordUntilKilled(const QString &workDir)
{
    SessionFileError error;
    const std::unique_ptr<SessionDocument> document = SessionDocument::create(workDir, &error);
    if (!document)
        return 1;
    QObject context;
    TimelineWriter writer(document->session()->recorder(), &context);
    SimulatedWsConnection ws(writer, document->session()->newConnectionId());
    ws.open(0, QStringLiteral("ws://example.test/feed"));
    QTextStream out(stdout);
    for (qint64 i = 1;; ++i) {
        ws.read(i * 1000, ws.serverFrame(WsOpcode::Text, QByteArray::number(i)));
        writer.flush();
        document->session()->recorder()->drain();
        if (i % 50 == 0)
            out << i << Qt::endl;
        QThread::msleep(1);
    }
}

} // namespace

class TestSessionDocument : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void aNewSessionIsSavedWholeAndReopensExactly();
    void anOpenedFileChangesOnlyWhenSaved();
    void aBadFileIsRefusedAndNothingIsLeft_data();
    void aBadFileIsRefusedAndNothingIsLeft();
    void anImportedHarIsAnUnsavedSession();
    void aKilledWindowLeavesASessionToRecover();
    void anEmptyLeftoverIsRemovedQuietly();
    void notesAreKeptThroughSaveReopenAndRecovery();

private:
    QStringList workingFiles() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_work;
};

void TestSessionDocument::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_work = m_dir->filePath(QStringLiteral("work"));
}

QStringList TestSessionDocument::workingFiles() const
{
    return QDir(m_work).entryList(QDir::Files);
}

void TestSessionDocument::aNewSessionIsSavedWholeAndReopensExactly()
{
    SessionFileError error;
    auto document = SessionDocument::create(m_work, &error);
    QVERIFY2(document, qPrintable(describe(error)));
    QVERIFY(document->filePath().isEmpty());
    QVERIFY(!document->isModified());
    QVERIFY(document->isEmpty());
    QVERIFY(QFileInfo::exists(document->workingPath()));
    QSignalSpy modified(document.get(), &SessionDocument::modifiedChanged);

    record(*document, 0);
    record(*document, 3);
    QVERIFY(document->isModified());
    QCOMPARE(modified.count(), 1);

    const QString path = m_dir->filePath(QStringLiteral("saved.wirescope"));
    QVERIFY2(document->save(path, &error), qPrintable(describe(error)));
    QVERIFY(!document->isModified());
    QCOMPARE(document->filePath(), path);
    // One self-contained file, as a closed session is: no log beside it, nothing left over.
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("saved.wirescope*")}, QDir::Files),
             QStringList {QStringLiteral("saved.wirescope")});

    const std::unique_ptr<Session> loaded = SessionFileReader::load(path, &error);
    QVERIFY2(loaded, qPrintable(describe(error)));
    QCOMPARE(everything(*loaded), everything(*document->session()));

    // Closing the document takes its working copy and lock with it.
    document.reset();
    QCOMPARE(workingFiles(), QStringList());
}

void TestSessionDocument::anOpenedFileChangesOnlyWhenSaved()
{
    SessionFileError error;
    const QString path = m_dir->filePath(QStringLiteral("a.wirescope"));
    QString before;
    {
        auto document = SessionDocument::create(m_work, &error);
        QVERIFY(document);
        record(*document, 0);
        QVERIFY(document->save(path, &error));
        before = everything(*document->session());
    }
    const QByteArray savedHash = fileHash(path);

    auto opened = SessionDocument::open(path, m_work, &error);
    QVERIFY2(opened, qPrintable(describe(error)));
    QVERIFY(!opened->isModified());
    QCOMPARE(opened->filePath(), path);
    QCOMPARE(everything(*opened->session()), before);
    const qsizetype rows = opened->session()->timeline().rowCount();
    const quint32 lastId = opened->session()->timeline().connectionIds().last();

    // More traffic: the document changes, the file does not, until it is saved.
    record(*opened, 1);
    QVERIFY(opened->isModified());
    QVERIFY(opened->session()->timeline().rowCount() > rows);
    QVERIFY(opened->session()->timeline().connectionIds().last() > lastId);
    QCOMPARE(fileHash(path), savedHash);

    QVERIFY2(opened->save(path, &error), qPrintable(describe(error)));
    QVERIFY(!opened->isModified());
    const std::unique_ptr<Session> loaded = SessionFileReader::load(path, &error);
    QVERIFY2(loaded, qPrintable(describe(error)));
    QCOMPARE(everything(*loaded), everything(*opened->session()));
    QCOMPARE(loaded->clock().wallAnchor(), opened->session()->clock().wallAnchor());
}

void TestSessionDocument::aBadFileIsRefusedAndNothingIsLeft_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("id");
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("session.unreadable");
    QTest::newRow("a text file") << QStringLiteral("text") << QStringLiteral("session.not_wirescope");
    QTest::newRow("from a newer Wirescope") << QStringLiteral("newer") << QStringLiteral("session.newer_version");
    QTest::newRow("cut short") << QStringLiteral("truncated") << QStringLiteral("session.corrupt");
    QTest::newRow("damaged rows") << QStringLiteral("rows") << QStringLiteral("session.corrupt");
}

void TestSessionDocument::aBadFileIsRefusedAndNothingIsLeft()
{
    QFETCH(QString, damage);
    QFETCH(QString, id);
    SessionFileError error;
    const QString path = m_dir->filePath(QStringLiteral("bad.wirescope"));
    if (damage == u"text") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("GET / HTTP/1.1\r\n\r\n");
    } else if (damage != u"missing") {
        {
            auto document = SessionDocument::create(m_work, &error);
            QVERIFY(document);
            record(*document, 0);
            record(*document, 3);
            QVERIFY(document->save(path, &error));
        }
        SqliteDatabase db;
        QVERIFY(db.open(path, SqliteDatabase::Mode::ReadWriteCreate));
        if (damage == u"newer")
            QVERIFY(db.exec("PRAGMA user_version = 2"));
        else if (damage == u"rows")
            QVERIFY(db.exec("UPDATE segments SET rows = x'ffffffffffffffffffffffff'"));
        db.close();
        if (damage == u"truncated") {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.resize(file.size() / 2));
        }
    }
    const QByteArray before = fileHash(path);
    const auto document = SessionDocument::open(path, m_work, &error);
    QVERIFY(!document);
    QCOMPARE(error.id, id);
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(fileHash(path), before);
    QCOMPARE(workingFiles(), QStringList());
}

void TestSessionDocument::anImportedHarIsAnUnsavedSession()
{
    QFile har(QFINDTESTDATA("har/chrome-websocket.har"));
    QVERIFY(har.open(QIODevice::ReadOnly));
    HarReader reader;
    std::optional<HarImport> imported = reader.read(har.readAll());
    QVERIFY(imported);
    const QDateTime anchor = imported->wallAnchor;
    const quint32 last = imported->lastConnectionId();
    SessionFileError error;
    auto document = SessionDocument::import(std::move(*imported), m_work, &error);
    QVERIFY2(document, qPrintable(describe(error)));
    QVERIFY(document->isModified());
    QVERIFY(document->filePath().isEmpty());
    QVERIFY(!document->isEmpty());
    QCOMPARE(document->session()->clock().wallAnchor(), anchor);
    QCOMPARE(document->session()->newConnectionId(), last + 1);

    const QString path = m_dir->filePath(QStringLiteral("imported.wirescope"));
    QVERIFY2(document->save(path, &error), qPrintable(describe(error)));
    const std::unique_ptr<Session> loaded = SessionFileReader::load(path, &error);
    QVERIFY2(loaded, qPrintable(describe(error)));
    QCOMPARE(everything(*loaded), everything(*document->session()));
}

void TestSessionDocument::aKilledWindowLeavesASessionToRecover()
{
    CountingChild child;
    QVERIFY(child.start(QStringLiteral("WIRESCOPE_DOCUMENT_UNTIL_KILLED"), m_work));
    QTRY_VERIFY_WITH_TIMEOUT(child.latest() > 0, kWait);
    // While its owner runs, a working copy is nobody's orphan.
    QCOMPARE(SessionDocument::orphans(m_work).size(), 0);
    QTest::qWait(1500);
    const qint64 safe = child.latest();
    QTest::qWait(2000);
    QVERIFY(child.kill());

    const QList<OrphanedSession> orphans = SessionDocument::orphans(m_work);
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans.first().connections, 1);
    QVERIFY2(orphans.first().messages >= safe, qPrintable(QString::number(orphans.first().messages)));

    SessionFileError error;
    auto recovered = SessionDocument::recover(orphans.first().workingPath, &error);
    QVERIFY2(recovered, qPrintable(describe(error)));
    QVERIFY(recovered->isModified());
    QVERIFY(recovered->filePath().isEmpty());
    const TimelineConnection *c = recovered->session()->timeline().connection(1);
    QVERIFY(c);
    QVERIFY(qint64(c->messageCount[0]) >= safe);
    qInfo("the killed window had recorded %lld messages 2 s before the kill; %lld recovered", safe,
          qint64(c->messageCount[0]));
    // Taken over: no longer offered, and it records what comes next.
    QCOMPARE(SessionDocument::orphans(m_work).size(), 0);
    record(*recovered, 2);
    const QString path = m_dir->filePath(QStringLiteral("recovered.wirescope"));
    QVERIFY2(recovered->save(path, &error), qPrintable(describe(error)));
    const std::unique_ptr<Session> loaded = SessionFileReader::load(path, &error);
    QVERIFY(loaded);
    QCOMPARE(everything(*loaded), everything(*recovered->session()));
    recovered.reset();
    QCOMPARE(workingFiles(), QStringList());
}

void TestSessionDocument::anEmptyLeftoverIsRemovedQuietly()
{
    // A working copy with no traffic, left by a start that recorded nothing and crashed.
    QVERIFY(QDir().mkpath(m_work));
    const QString path = QDir(m_work).filePath(QStringLiteral("working-empty.wirescope"));
    {
        Session session;
        SessionStore store;
        SessionFileError error;
        QVERIFY(store.open(path, &error));
        store.attach(&session);
        QVERIFY(store.close());
    }
    QCOMPARE(SessionDocument::orphans(m_work).size(), 0);
    QCOMPARE(workingFiles(), QStringList());
}

void TestSessionDocument::notesAreKeptThroughSaveReopenAndRecovery()
{
    SessionFileError error;
    auto document = SessionDocument::create(m_work, &error);
    QVERIFY2(document, qPrintable(describe(error)));
    record(*document, 0);
    const QString path = m_dir->filePath(QStringLiteral("notes.wirescope"));
    QVERIFY2(document->save(path, &error), qPrintable(describe(error)));
    QVERIFY(!document->isModified());

    // A note is a change of the document, announced once, and what the views read.
    Annotations *annotations = document->session()->annotations();
    QSignalSpy changed(annotations, &Annotations::changed);
    document->annotate(1, QStringLiteral("  slow\n reply "), QStringLiteral("waited\nfor the server\n"));
    QVERIFY(document->isModified());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toLongLong(), 1);
    QCOMPARE(annotations->at(1).label, QStringLiteral("slow reply")); // one line
    QCOMPARE(annotations->at(1).note, QStringLiteral("waited\nfor the server"));
    annotations->set(1, QStringLiteral("slow reply"), QStringLiteral("waited\nfor the server"));
    QCOMPARE(changed.count(), 1); // the same again changes nothing
    annotations->set(2, QStringLiteral("gone"), {});
    annotations->set(2, {}, {});
    QCOMPARE(annotations->count(), 1);

    // Written through: the working copy holds the note before anything is saved, so a
    // crashed window's session keeps it (a copy of the working copy stands for the crash).
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            SessionFileReader reader;
            QList<SessionAnnotation> kept;
            SessionFileError ignored;
            return reader.open(document->workingPath(), &ignored) && reader.readAnnotations(&kept, &ignored)
                   && kept.size() == 1 && kept.first().row == 1;
        }(),
        kWait);
    const QString crashed = QDir(m_work).filePath(QStringLiteral("working-crashed.wirescope"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal")})
        if (QFileInfo::exists(document->workingPath() + suffix))
            QVERIFY(QFile::copy(document->workingPath() + suffix, crashed + suffix));
    {
        auto recovered = SessionDocument::recover(crashed, &error);
        QVERIFY2(recovered, qPrintable(describe(error)));
        QCOMPARE(recovered->session()->annotations()->count(), 1);
        QCOMPARE(recovered->session()->annotations()->at(1).note, QStringLiteral("waited\nfor the server"));
    }

    QVERIFY2(document->save(path, &error), qPrintable(describe(error)));
    QVERIFY(!document->isModified());
    document.reset();

    auto opened = SessionDocument::open(path, m_work, &error);
    QVERIFY2(opened, qPrintable(describe(error)));
    QVERIFY(!opened->isModified()); // loading the notes is not a change
    QCOMPARE(opened->session()->annotations()->count(), 1);
    QCOMPARE(opened->session()->annotations()->at(1).label, QStringLiteral("slow reply"));
    SessionFileReader reader;
    SessionSummary summary;
    QVERIFY(reader.open(path, &error) && reader.readSummary(&summary, &error));
    QCOMPARE(summary.annotations, 1);

    // Removing it is a change too, and the saved file then holds none.
    opened->annotate(1, {}, {});
    QVERIFY(opened->isModified());
    QVERIFY2(opened->save(path, &error), qPrintable(describe(error)));
    const std::unique_ptr<Session> loaded = SessionFileReader::load(path, &error);
    QVERIFY2(loaded, qPrintable(describe(error)));
    QCOMPARE(loaded->annotations()->count(), 0);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("WIRESCOPE_DOCUMENT_UNTIL_KILLED"))
        return recordUntilKilled(qEnvironmentVariable("WIRESCOPE_DOCUMENT_UNTIL_KILLED"));
    TestSessionDocument test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sessiondocument.moc"

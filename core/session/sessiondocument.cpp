#include "core/session/sessiondocument.h"

#include "core/session/harreader.h"
#include "core/session/session.h"
#include "core/session/sessionfilereader.h"
#include "core/session/sessionstore.h"
#include "core/session/sqlitedatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QTemporaryFile>
#include <QUuid>

#include <cstdio>
#include <thread>

namespace wirescope {

namespace {
constexpr char kWorkingPrefix[] = "working-";

QString lockPathOf(const QString &workingPath) { return workingPath + QStringLiteral(".lock"); }

// SQLite's companions of a database file: its write-ahead log and the log's index.
void removeDatabaseFiles(const QString &path)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
}

// A working copy a process left behind may hold committed transactions in its log only:
// one read-write open replays them into the file, so a read-only reader sees them all.
void settle(const QString &path)
{
    SqliteDatabase db;
    if (db.open(path, SqliteDatabase::Mode::ReadWriteCreate))
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

// The lock that says a working copy's owner runs. Only the owner's death frees it: a lock
// is never stale by age (a capture may run for days), and on Unix a live holder keeps its
// flock() however old the file is.
std::unique_ptr<QLockFile> lockFor(const QString &workingPath)
{
    auto lock = std::make_unique<QLockFile>(lockPathOf(workingPath));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return nullptr;
    return lock;
}
} // namespace

SessionDocument::SessionDocument() = default;

SessionDocument::~SessionDocument()
{
    // The recorder hands its last batches to the store, which commits them; then the working
    // copy goes: the user saved what they wanted (the window asked).
    if (m_store)
        m_store->close();
    m_store.reset();
    m_session.reset();
    if (!m_workingPath.isEmpty())
        removeDatabaseFiles(m_workingPath);
    m_lock.reset(); // unlocks and removes the lock file
}

bool SessionDocument::lockWorkingCopy(const QString &workDir, SessionFileError *error)
{
    if (!QDir().mkpath(workDir)) {
        *error = SessionFileError::of(sessionerrors::WriteFailed,
                                      QStringLiteral("cannot create the folder %1 for the working copy").arg(workDir));
        return false;
    }
    const QString name = QString::fromLatin1(kWorkingPrefix)
        + QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".wirescope");
    m_workingPath = QDir(workDir).filePath(name);
    m_lock = lockFor(m_workingPath);
    if (!m_lock) {
        const QString path = m_workingPath;
        m_workingPath.clear();
        *error = SessionFileError::of(sessionerrors::WriteFailed, QStringLiteral("cannot lock %1").arg(path));
        return false;
    }
    return true;
}

bool SessionDocument::startRecording(SessionFileError *error)
{
    m_store = std::make_unique<SessionStore>();
    if (!m_store->open(m_workingPath, error)) {
        m_store.reset();
        return false;
    }
    const qsizetype rows = m_session->timeline().rowCount();
    if (rows > 0 && m_store->existingRows() != rows) {
        // The file grew between reading it and copying it (a `wirescope-cli --save` still
        // appending): the copy is what the window continues, so it is what the window shows.
        m_store.reset();
        m_session = SessionFileReader::load(m_workingPath, error);
        if (!m_session)
            return false;
        return startRecording(error);
    }
    m_store->attach(m_session.get());
    watchChanges();
    return true;
}

void SessionDocument::watchChanges()
{
    connect(m_session->recorder(), &Recorder::rowsAppended, this, [this] { setModified(true); });
    // A note goes into the working copy like traffic does, so a crash keeps it too.
    connect(m_session->annotations(), &Annotations::changed, this, [this](qint64 row) {
        if (m_store) {
            const SessionAnnotation a = m_session->annotations()->at(row);
            m_store->annotate(row, a.label, a.note);
        }
        setModified(true);
    });
}

std::unique_ptr<SessionDocument> SessionDocument::create(const QString &workDir, SessionFileError *error)
{
    std::unique_ptr<SessionDocument> document(new SessionDocument);
    document->m_session = std::make_unique<Session>();
    if (!document->lockWorkingCopy(workDir, error) || !document->startRecording(error)) {
        // The capture still works, in memory only; saving says why it cannot.
        document->m_store.reset();
        document->m_recordingError = *error;
        document->watchChanges();
    }
    return document;
}

std::unique_ptr<SessionDocument> SessionDocument::open(const QString &path, const QString &workDir, SessionFileError *error)
{
    // Checked first, so a file that is no session (or a newer one) is refused with its own
    // reason, not with what copying it ran into.
    {
        SessionFileReader reader;
        SessionSummary summary;
        if (!reader.open(path, error) || !reader.readSummary(&summary, error))
            return nullptr;
    }
    std::unique_ptr<SessionDocument> document(new SessionDocument);
    if (!document->lockWorkingCopy(workDir, error))
        return nullptr;
    // The working copy is made on a thread while this one reads the file: on two cores a
    // large session opens in the time of the slower of the two, not of both.
    SessionFileError copyError;
    std::thread copier([&copyError, path, working = document->m_workingPath] {
        SqliteDatabase source;
        if (!source.open(path, SqliteDatabase::Mode::ReadOnly) || !source.copyTo(working))
            copyError = sessionschema::errorOf(source, QStringLiteral("copying %1").arg(path));
    });
    document->m_session = SessionFileReader::load(path, error);
    copier.join();
    if (!document->m_session)
        return nullptr;
    if (!copyError.isNull()) {
        *error = copyError;
        return nullptr;
    }
    if (!document->startRecording(error))
        return nullptr;
    document->m_filePath = QFileInfo(path).absoluteFilePath();
    return document;
}

std::unique_ptr<SessionDocument> SessionDocument::import(HarImport &&imported, const QString &workDir, SessionFileError *error)
{
    std::unique_ptr<SessionDocument> document(new SessionDocument);
    document->m_session = std::make_unique<Session>();
    document->m_session->continueFrom(imported.wallAnchor, imported.lastConnectionId() + 1);
    if (!document->lockWorkingCopy(workDir, error) || !document->startRecording(error))
        return nullptr;
    Recorder *recorder = document->m_session->recorder();
    recorder->submit(std::move(imported.batch));
    recorder->drain();
    for (const SessionAnnotation &a : std::as_const(imported.annotations))
        document->annotate(a.row, a.label, a.note);
    return document;
}

std::unique_ptr<SessionDocument> SessionDocument::recover(const QString &workingPath, SessionFileError *error)
{
    std::unique_ptr<SessionDocument> document(new SessionDocument);
    document->m_lock = lockFor(workingPath);
    if (!document->m_lock) {
        *error = SessionFileError::of(sessionerrors::Unreadable,
                                      QStringLiteral("%1 is in use by a running Wirescope").arg(workingPath));
        return nullptr;
    }
    settle(workingPath);
    document->m_session = SessionFileReader::load(workingPath, error);
    if (!document->m_session) {
        document->m_lock.reset(); // the damaged copy stays for the user to inspect
        return nullptr;
    }
    document->m_workingPath = workingPath;
    if (!document->startRecording(error))
        return nullptr;
    document->m_modified = true; // what it holds was never saved
    return document;
}

QList<OrphanedSession> SessionDocument::orphans(const QString &workDir)
{
    QList<OrphanedSession> found;
    const QFileInfoList files = QDir(workDir).entryInfoList(
        {QString::fromLatin1(kWorkingPrefix) + QStringLiteral("*.wirescope")}, QDir::Files, QDir::Time);
    for (const QFileInfo &file : files) {
        const QString path = file.absoluteFilePath();
        const std::unique_ptr<QLockFile> lock = lockFor(path);
        if (!lock)
            continue; // its window is open
        settle(path);
        SessionFileReader reader;
        SessionSummary summary;
        SessionFileError error;
        if (reader.open(path, &error) && reader.readSummary(&summary, &error) && summary.rows == 0) {
            removeDatabaseFiles(path);
            continue;
        }
        // A damaged copy is still offered: reopening it says what is wrong, and the user
        // decides whether it goes.
        found.append({path, file.lastModified(), summary.exchanges, summary.connections, summary.messages});
    }
    return found;
}

void SessionDocument::discardOrphan(const QString &workingPath)
{
    const std::unique_ptr<QLockFile> lock = lockFor(workingPath);
    if (lock)
        removeDatabaseFiles(workingPath);
}

bool SessionDocument::isEmpty() const
{
    return m_session->timeline().rowCount() == 0;
}

bool SessionDocument::save(const QString &path, SessionFileError *error)
{
    const QString target = QFileInfo(path).absoluteFilePath();
    if (!m_store) {
        *error = m_recordingError;
        return false;
    }
    // After a failed write the working copy lacks what followed: saving it would lose data
    // without a word.
    if (!m_store->flush()) {
        *error = m_store->error();
        return false;
    }
    // The copy goes to a temporary file in the target's folder, so the rename below replaces
    // the target in one step (POSIX rename(2)): the target is whole, old or new, at any time.
    QTemporaryFile temporary(target + QStringLiteral(".saving-XXXXXX"));
    if (!temporary.open()) {
        *error = SessionFileError::of(sessionerrors::WriteFailed,
                                      QStringLiteral("cannot write in %1: %2").arg(QFileInfo(target).absolutePath(), temporary.errorString()));
        return false;
    }
    temporary.close();
    SqliteDatabase working;
    if (!working.open(m_workingPath, SqliteDatabase::Mode::ReadOnly) || !working.copyTo(temporary.fileName())) {
        *error = sessionschema::errorOf(working, QStringLiteral("writing %1").arg(target), true);
        return false;
    }
    working.close();
    {
        // The copy is one self-contained file, as a closed session file is.
        SqliteDatabase copy;
        if (!copy.open(temporary.fileName(), SqliteDatabase::Mode::ReadWriteCreate)
            || !copy.exec("PRAGMA journal_mode = DELETE")) {
            *error = sessionschema::errorOf(copy, QStringLiteral("writing %1").arg(target), true);
            return false;
        }
    }
    // A log left beside the target by an earlier writer would be replayed into the new file.
    QFile::remove(target + QStringLiteral("-wal"));
    QFile::remove(target + QStringLiteral("-shm"));
    if (std::rename(QFile::encodeName(temporary.fileName()).constData(), QFile::encodeName(target).constData()) != 0) {
        *error = SessionFileError::of(sessionerrors::WriteFailed, QStringLiteral("cannot replace %1").arg(target));
        return false;
    }
    temporary.setAutoRemove(false); // it is the target now
    if (m_filePath != target) {
        m_filePath = target;
        emit filePathChanged(m_filePath);
    }
    setModified(false);
    return true;
}

void SessionDocument::annotate(qsizetype row, const QString &label, const QString &note)
{
    m_session->annotations()->set(row, label, note);
}

SessionFileError SessionDocument::recordingError() const
{
    return m_store ? m_store->error() : m_recordingError;
}

void SessionDocument::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

} // namespace wirescope

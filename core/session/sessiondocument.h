#pragma once

#include "core/session/sessionschema.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

class QLockFile;

namespace wirescope {

struct HarImport;
class Session;
class SessionStore;

// A working copy left behind by a Wirescope that ended without closing it (a crash, a
// kill -9): what the next start offers to reopen.
struct OrphanedSession {
    QString workingPath;
    QDateTime modified; // when it was last written
    qint64 exchanges = 0;
    qint64 connections = 0;
    qint64 messages = 0;
};

// A window's session as a document, the way Wireshark treats a live capture: everything is
// recorded into a working copy on disk as it happens (SessionStore write-through, so a crash
// loses at most the last second) and the user's file changes only when they save. The
// document knows its file (none until saved), whether anything was recorded since it was
// opened or saved, and owns the working copy, which lives in `workDir` beside a lock that
// tells a later start whether its owner is still running.
class SessionDocument : public QObject
{
    Q_OBJECT
public:
    ~SessionDocument() override;

    // A new, empty session. Never null: when the working copy cannot be made (*error says
    // why) the session records in memory only and cannot be saved.
    static std::unique_ptr<SessionDocument> create(const QString &workDir, SessionFileError *error);
    // The session saved at `path`, every row of it, ready for more traffic; `path` itself is
    // read, never written, until the user saves.
    static std::unique_ptr<SessionDocument> open(const QString &path, const QString &workDir, SessionFileError *error);
    // What a HAR held, as a new session that was never saved.
    static std::unique_ptr<SessionDocument> import(HarImport &&imported, const QString &workDir, SessionFileError *error);
    // Takes over an orphaned working copy: its session, unsaved, with no file yet.
    static std::unique_ptr<SessionDocument> recover(const QString &workingPath, SessionFileError *error);

    // The working copies in `workDir` whose owner is gone, newest first; empty ones (a start
    // that recorded nothing) are deleted on the way.
    static QList<OrphanedSession> orphans(const QString &workDir);
    // Deletes an orphaned working copy (the user declined to reopen it).
    static void discardOrphan(const QString &workingPath);

    Session *session() const { return m_session.get(); }
    QString filePath() const { return m_filePath; }
    QString workingPath() const { return m_workingPath; }
    bool isModified() const { return m_modified; }
    bool isEmpty() const;

    // Writes the whole session to `path` (Save and Save As): a consistent copy of the working
    // copy, written beside `path` and renamed over it, so `path` is whole or unchanged. The
    // document then belongs to `path` and is unmodified.
    bool save(const QString &path, SessionFileError *error);
    // A user's label and note on a timeline row (empty both: removed); kept in the file.
    // The same as setting it on session()->annotations(), which is what the views do: the
    // document writes every change there into the working copy and is modified by it.
    void annotate(qsizetype row, const QString &label, const QString &note);

    // Why the capture is not written through (no working copy, a full disk): it goes on in
    // memory. Null while all is well.
    SessionFileError recordingError() const;

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    SessionDocument();
    // Starts the write-through into m_workingPath (new, or holding the session's rows).
    bool startRecording(SessionFileError *error);
    bool lockWorkingCopy(const QString &workDir, SessionFileError *error);
    // New rows and changed annotations make the document modified (annotations are written
    // into the working copy too).
    void watchChanges();
    void setModified(bool modified);

    std::unique_ptr<Session> m_session;
    std::unique_ptr<SessionStore> m_store;
    std::unique_ptr<QLockFile> m_lock;
    QString m_workingPath;
    QString m_filePath;
    SessionFileError m_recordingError; // why there is no working copy
    bool m_modified = false;
};

} // namespace wirescope

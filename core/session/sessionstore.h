#pragma once

#include "core/session/recordsink.h"
#include "core/session/segmentpacker.h"
#include "core/session/sessionschema.h"
#include "core/session/sqlitedatabase.h"

#include <QDateTime>
#include <QSet>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace wirescope {

class Session;

// Write-through of a session into a .wirescope file (docs/session-schema.md). Attached to a
// session, it is handed every batch the Recorder applies (a copy, taken on the recorder's
// thread, which does no SQL) and a thread of its own writes them: one transaction at most
// every commit interval (1 s), so a crash or a kill -9 loses at most the last interval.
//
// A new file gets the session's clock anchor. An existing session file is appended to: the
// session continues on the file's clock (its t_ns = 0 stays the file's started_at) and its
// connections get ids after the file's.
//
// Close it (or destroy it) before the session it is attached to goes.
class SessionStore : public RecordSink
{
public:
    explicit SessionStore(std::chrono::milliseconds commitInterval = std::chrono::milliseconds(1000));
    ~SessionStore() override;
    SessionStore(const SessionStore &) = delete;
    SessionStore &operator=(const SessionStore &) = delete;

    // Creates `path`, or opens the session it holds to append to. False with *error when it
    // cannot be written or is not a session this build can append to (nothing is changed).
    bool open(const QString &path, SessionFileError *error);
    bool appending() const { return m_appending; }
    // The rows the file held when it was opened.
    qint64 existingRows() const { return m_existingRows; }

    // Starts recording `session` and continues its clock and connection ids from the file
    // when appending. Its timeline is empty, or (appending) holds exactly the file's rows
    // because it was read from this file. On the session's thread.
    void attach(Session *session);
    // Blocks until everything handed over so far is committed. False after a write failed.
    bool flush();
    // Detaches, commits what is left, stops the thread and closes the file.
    bool close();

    // The first write that failed (later batches are dropped); null while all is well.
    SessionFileError error() const;

    // A user's label and note on a timeline row of the attached session (empty both: removed).
    void annotate(qsizetype row, const QString &label, const QString &note);

    void batchRecorded(const RecordBatch &batch, qsizetype firstRow) override;

private:
    struct Pending {
        RecordBatch batch;
        qint64 firstRow = 0; // in the file
    };
    struct Annotation {
        qint64 row = 0;
        QString label;
        QString note;
    };
    struct Statements;

    void run();
    bool write(std::vector<Pending> &batches, std::vector<Annotation> &annotations);
    bool writeBatch(const Pending &pending);
    bool writeSegment();

    std::chrono::milliseconds m_interval;
    SqliteDatabase m_db;
    std::unique_ptr<Statements> m_statements;
    SegmentPacker m_packer;
    Session *m_session = nullptr;
    bool m_appending = false;
    QDateTime m_anchor; // of the file, when appending
    qint64 m_existingRows = 0; // rows the file held when opened
    quint32 m_nextConnection = 1;
    QSet<quint32> m_knownConnections; // ids that have a connections row

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_committedSignal;
    std::vector<Pending> m_queue;
    std::vector<Annotation> m_annotations;
    qint64 m_queuedBytes = 0;
    quint64 m_submitted = 0;
    quint64 m_committed = 0;
    bool m_flushRequested = false;
    bool m_stopping = false;
    SessionFileError m_error;
    std::thread m_thread;
};

} // namespace wirescope

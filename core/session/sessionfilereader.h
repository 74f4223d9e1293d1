#pragma once

#include "core/session/annotations.h"
#include "core/session/sessionschema.h"
#include "core/session/sqlitedatabase.h"

#include <QDateTime>
#include <QList>

#include <memory>

class QObject;

namespace wirescope {

class Session;

// What a session file holds, from its tables and the session_summary view, without reading
// its rows (`wirescope-cli session info`).
struct SessionSummary {
    int formatVersion = 0;
    int schemaVersion = 0;
    QDateTime startedAt; // t_ns = 0 of the session's clock (UTC, milliseconds)
    QString createdBy;
    qint64 connections = 0;
    qint64 exchanges = 0;
    qint64 frames = 0;
    qint64 messages = 0; // WebSocket data messages (one-frame or assembled)
    qint64 violations = 0;
    qint64 annotations = 0; // rows with a user's label or note
    qint64 rows = 0;
    qint64 spanNs = 0; // from the earliest to the latest row
    qint64 bytes = 0; // captured bytes, both directions of every connection
    quint32 lastConnectionId = 0;
};

// Reads a .wirescope file. Every failure is a SessionFileError (not a session, a newer
// schema, damaged) and nothing is changed: a session is read into a new Session, which is
// handed over only when all of the file was read.
class SessionFileReader
{
public:
    // Opens read-only and checks the header and the schema.
    bool open(const QString &path, SessionFileError *error);

    bool readSummary(SessionSummary *summary, SessionFileError *error);
    // The whole session: a new Session (on the calling thread, with `parent`) whose timeline
    // holds every row, byte, record and side table of the file, whose clock keeps the file's
    // anchor and whose next connection id follows the file's.
    std::unique_ptr<Session> readSession(SessionFileError *error, QObject *parent = nullptr);
    bool readAnnotations(QList<SessionAnnotation> *annotations, SessionFileError *error);

    // open() and readSession() in one.
    static std::unique_ptr<Session> load(
        const QString &path, SessionFileError *error, QObject *parent = nullptr);

private:
    bool fail(SessionFileError *error, const QString &doing);
    bool corrupt(SessionFileError *error, const QString &what);

    SqliteDatabase m_db;
};

} // namespace wirescope

#include "core/session/sessionschema.h"

#include "core/session/sqlitedatabase.h"

#include <sqlite3.h>

namespace wirescope {

SessionFileError SessionFileError::of(const char *id, const QString &message)
{
    return SessionFileError {QLatin1String(id), message};
}

namespace sessionschema {

namespace {

// docs/session-schema.md describes every table, column and view below.
constexpr char kSchema[] = R"sql(
CREATE TABLE meta(
    key TEXT PRIMARY KEY,
    value
);
CREATE TABLE connections(
    id INTEGER PRIMARY KEY,
    protocol TEXT,
    label TEXT,
    opened_row INTEGER,
    opened_ns INTEGER,
    options TEXT,
    handshake_row INTEGER,
    handshake_status INTEGER,
    peer_address TEXT,
    handshake TEXT,
    closed_row INTEGER,
    closed_ns INTEGER,
    close_code INTEGER,
    close_clean INTEGER,
    close TEXT
);
CREATE TABLE segments(
    seq INTEGER PRIMARY KEY,
    first_row INTEGER NOT NULL,
    row_count INTEGER NOT NULL,
    base_t_ns INTEGER NOT NULL,
    min_t_ns INTEGER,
    max_t_ns INTEGER,
    chunk_count INTEGER NOT NULL,
    frames INTEGER NOT NULL,
    messages INTEGER NOT NULL,
    rows BLOB NOT NULL,
    chunks BLOB NOT NULL,
    bytes BLOB NOT NULL
);
CREATE TABLE violations(
    row INTEGER PRIMARY KEY,
    connection INTEGER NOT NULL,
    direction TEXT NOT NULL,
    t_ns INTEGER NOT NULL,
    id TEXT NOT NULL,
    offset INTEGER NOT NULL,
    length INTEGER NOT NULL,
    detail TEXT NOT NULL
);
CREATE TABLE failures(
    row INTEGER PRIMARY KEY,
    connection INTEGER NOT NULL,
    t_ns INTEGER NOT NULL,
    id TEXT NOT NULL,
    kind TEXT,
    detail TEXT NOT NULL,
    violation_id TEXT,
    violation_offset INTEGER,
    violation_length INTEGER,
    violation_detail TEXT
);
CREATE TABLE notes(
    row INTEGER PRIMARY KEY,
    connection INTEGER NOT NULL,
    t_ns INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE messages(
    row INTEGER PRIMARY KEY,
    last_frame_offset INTEGER NOT NULL,
    payload BLOB
);
CREATE TABLE inflated(
    row INTEGER PRIMARY KEY,
    payload BLOB NOT NULL
);
CREATE TABLE round_trips(
    row INTEGER PRIMARY KEY,
    rtt_ns INTEGER NOT NULL
);
CREATE TABLE exchanges(
    row INTEGER PRIMARY KEY,
    connection INTEGER NOT NULL,
    exchange_id INTEGER NOT NULL,
    method TEXT,
    url TEXT,
    status INTEGER,
    error TEXT,
    start_ns INTEGER NOT NULL,
    end_ns INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE annotations(
    row INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE VIEW session_summary AS SELECT
    (SELECT value FROM meta WHERE key = 'format_version') AS format_version,
    (SELECT value FROM meta WHERE key = 'started_at') AS started_at,
    (SELECT count(*) FROM connections) AS connections,
    (SELECT count(*) FROM exchanges) AS exchanges,
    (SELECT coalesce(sum(frames), 0) FROM segments) AS frames,
    (SELECT coalesce(sum(messages), 0) FROM segments) AS messages,
    (SELECT count(*) FROM violations) AS violations,
    (SELECT coalesce(sum(row_count), 0) FROM segments) AS rows,
    (SELECT coalesce(max(max_t_ns) - min(min_t_ns), 0) FROM segments WHERE row_count > 0) AS span_ns,
    (SELECT coalesce(sum(length(bytes)), 0) FROM segments) AS bytes;
CREATE VIEW connection_summary AS SELECT
    c.id, c.protocol, c.label, c.peer_address, c.handshake_status, c.close_code, c.close_clean,
    c.opened_ns, c.closed_ns,
    (SELECT count(*) FROM violations v WHERE v.connection = c.id) AS violations,
    (SELECT count(*) FROM failures f WHERE f.connection = c.id) AS failures,
    (SELECT count(*) FROM exchanges e WHERE e.connection = c.id) AS exchanges
FROM connections c;
)sql";

constexpr const char *kTables[] = {"meta", "connections", "segments", "violations", "failures", "notes",
    "messages", "inflated", "round_trips", "exchanges", "annotations"};

} // namespace

bool create(SqliteDatabase &db)
{
    const QByteArray pragmas = QStringLiteral("PRAGMA application_id = %1; PRAGMA user_version = %2;")
                                   .arg(kApplicationId)
                                   .arg(kSchemaVersion)
                                   .toLatin1();
    if (!db.exec("BEGIN IMMEDIATE"))
        return false;
    if (!db.exec(kSchema) || !db.exec(pragmas.constData())) {
        db.exec("ROLLBACK");
        return false;
    }
    return db.exec("COMMIT");
}

SessionFileError errorOf(const SqliteDatabase &db, const QString &doing, bool writing)
{
    const QString message = doing + QStringLiteral(": ") + db.errorMessage();
    switch (db.errorCode()) {
    case SQLITE_NOTADB:
        return SessionFileError::of(sessionerrors::NotWirescope, message);
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
    case SQLITE_ERROR: // a table or column that should be there is not
        return SessionFileError::of(sessionerrors::Corrupt, message);
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return SessionFileError::of(sessionerrors::Unreadable, message);
    default: // I/O, full, read-only, busy, out of memory
        return SessionFileError::of(writing ? sessionerrors::WriteFailed : sessionerrors::Unreadable, message);
    }
}

bool check(SqliteDatabase &db, SessionFileError *error)
{
    // The header's fields come first: a file that is not ours must not be called damaged.
    const qint64 applicationId = db.integerOf("PRAGMA application_id", -1);
    if (db.errorCode() != 0) {
        *error = errorOf(db, QStringLiteral("reading the header"));
        return false;
    }
    if (applicationId != kApplicationId) {
        *error = SessionFileError::of(sessionerrors::NotWirescope,
            QStringLiteral("not a Wirescope session (application_id %1)").arg(applicationId));
        return false;
    }
    const qint64 version = db.integerOf("PRAGMA user_version", -1);
    if (version > kSchemaVersion) {
        *error = SessionFileError::of(sessionerrors::NewerVersion,
            QStringLiteral("schema version %1 is newer than this Wirescope reads (%2)")
                .arg(version)
                .arg(kSchemaVersion));
        return false;
    }
    if (version < 1) {
        *error = SessionFileError::of(sessionerrors::Corrupt, QStringLiteral("no schema version"));
        return false;
    }
    SqliteDatabase::Statement table(
        &db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    for (const char *name : kTables) {
        table.bind(1, QString::fromLatin1(name));
        const bool found = table.step() && table.integer(0) == 1;
        table.reset();
        if (db.errorCode() != 0) {
            *error = errorOf(db, QStringLiteral("reading the schema"));
            return false;
        }
        if (!found) {
            *error = SessionFileError::of(
                sessionerrors::Corrupt, QStringLiteral("table %1 is missing").arg(QLatin1String(name)));
            return false;
        }
    }
    return true;
}

} // namespace sessionschema

} // namespace wirescope

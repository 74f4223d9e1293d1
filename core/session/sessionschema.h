#pragma once

#include <QString>

namespace wirescope {

class SqliteDatabase;

// Why a session file could not be read or written: a stable id (docs/session-schema.md,
// "Errors"), and the facts of this instance. Empty id: nothing failed.
struct SessionFileError {
    QString id;
    QString message;

    bool isNull() const { return id.isEmpty(); }
    static SessionFileError of(const char *id, const QString &message);
};

namespace sessionerrors {
inline constexpr char Unreadable[] = "session.unreadable"; // cannot open the file at all
inline constexpr char NotWirescope[] = "session.not_wirescope"; // not SQLite, or another application's
inline constexpr char NewerVersion[] = "session.newer_version"; // written by a newer Wirescope
inline constexpr char Corrupt[] = "session.corrupt"; // damaged or truncated
inline constexpr char WriteFailed[] = "session.write_failed"; // disk full, read-only, ...
} // namespace sessionerrors

// The .wirescope file: an SQLite database that says it is ours in its header
// (PRAGMA application_id) and which schema it has (PRAGMA user_version).
namespace sessionschema {
// "WSCP": what `file(1)` and sqlite3 show for a Wirescope session.
inline constexpr qint64 kApplicationId = 0x57534350;
// The tables and views; bumped on any change a reader of the previous version would
// misread. A reader opens every version up to its own and refuses newer ones.
inline constexpr int kSchemaVersion = 1;
// The meta table's format_version: the contract of docs/session-schema.md as a whole.
inline constexpr int kFormatVersion = 1;

// Creates every table and view of kSchemaVersion in an empty database, in one transaction.
bool create(SqliteDatabase &db);
// Checks that an open database is a Wirescope session this build can read (application id,
// schema version, tables). False with *error otherwise.
bool check(SqliteDatabase &db, SessionFileError *error);
// The database's last error as a session error (corrupt, not SQLite, I/O), for `doing`. Any
// other error is session.write_failed when writing, session.unreadable when reading.
SessionFileError errorOf(const SqliteDatabase &db, const QString &doing, bool writing = false);
} // namespace sessionschema

} // namespace wirescope

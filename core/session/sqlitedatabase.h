#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace wirescope {

// A thin owner of one libsqlite3 connection and its prepared statements: what the session
// file needs and nothing more (no Qt SQL plugin: the window, the CLI and the fuzz target
// link the library itself). One connection is used on one thread at a time.
class SqliteDatabase
{
public:
    enum class Mode { ReadOnly, ReadWriteCreate };

    // A prepared statement; bind from 1, read columns from 0.
    class Statement
    {
    public:
        Statement() = default;
        Statement(SqliteDatabase *db, const char *sql);
        ~Statement();
        Statement(Statement &&other) noexcept;
        Statement &operator=(Statement &&other) noexcept;
        Statement(const Statement &) = delete;
        Statement &operator=(const Statement &) = delete;

        bool isValid() const { return m_statement; }
        void bind(int index, qint64 value);
        void bind(int index, const QString &text);
        void bindBlob(int index, QByteArrayView bytes); // bytes must live until the step
        void bindNull(int index);
        // SQLITE_ROW: true; SQLITE_DONE: false (and the statement is reset for its next use);
        // an error: false, recorded in the database's error.
        bool step();
        // Runs to the end and resets (INSERT, UPDATE); false on an error.
        bool exec();
        void reset();

        bool isNull(int column) const;
        qint64 integer(int column) const;
        QString text(int column) const;
        QByteArrayView blob(int column) const; // valid until the next step
        QByteArray blobCopy(int column) const;

    private:
        SqliteDatabase *m_db = nullptr;
        sqlite3_stmt *m_statement = nullptr;
        bool m_failed = false; // the last step() ended in an error
    };

    SqliteDatabase() = default;
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    bool open(const QString &path, Mode mode);
    void close();
    bool isOpen() const { return m_db; }

    // Runs statements without results (schema, pragmas, BEGIN/COMMIT); false on an error.
    bool exec(const char *sql);
    // A consistent copy of the database as the file at `path` (replacing what it held),
    // taken from a read-only connection too and while another connection writes; false on
    // an error.
    bool copyTo(const QString &path);
    // The first column of the first row of a query, or `fallback` (also on an error).
    qint64 integerOf(const char *sql, qint64 fallback = -1);

    // The last error: SQLite's primary result code (SQLITE_CORRUPT, SQLITE_NOTADB, ...) and
    // its message. 0 when nothing failed since clearError().
    int errorCode() const { return m_errorCode; }
    QString errorMessage() const { return m_errorMessage; }
    void clearError();

private:
    friend class Statement;
    void recordError(int code);

    sqlite3 *m_db = nullptr;
    int m_errorCode = 0;
    QString m_errorMessage;
};

} // namespace wirescope

#include "core/session/sqlitedatabase.h"

#include <sqlite3.h>
#include <utility>

namespace wirescope {

SqliteDatabase::Statement::Statement(SqliteDatabase *db, const char *sql)
    : m_db(db)
{
    const int rc = sqlite3_prepare_v2(db->m_db, sql, -1, &m_statement, nullptr);
    if (rc != SQLITE_OK) {
        db->recordError(rc);
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqliteDatabase::Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

SqliteDatabase::Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_statement(std::exchange(other.m_statement, nullptr))
    , m_failed(other.m_failed)
{
}

SqliteDatabase::Statement &SqliteDatabase::Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_db = std::exchange(other.m_db, nullptr);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_failed = other.m_failed;
    }
    return *this;
}

void SqliteDatabase::Statement::bind(int index, qint64 value)
{
    if (!m_statement)
        return; // preparing it failed: the error is recorded, the step fails
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteDatabase::Statement::bind(int index, const QString &text)
{
    if (!m_statement)
        return;
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteDatabase::Statement::bindBlob(int index, QByteArrayView bytes)
{
    if (!m_statement)
        return;
    // A zero-length blob is still a blob (not NULL): a kept empty payload stays empty.
    sqlite3_bind_blob64(
        m_statement, index, bytes.data() ? bytes.data() : "", sqlite3_uint64(bytes.size()), SQLITE_STATIC);
}

void SqliteDatabase::Statement::bindNull(int index)
{
    if (!m_statement)
        return;
    sqlite3_bind_null(m_statement, index);
}

bool SqliteDatabase::Statement::step()
{
    m_failed = !m_statement;
    if (!m_statement)
        return false;
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_db->recordError(rc);
        m_failed = true;
    }
    reset();
    return false;
}

bool SqliteDatabase::Statement::exec()
{
    while (step()) { }
    return !m_failed;
}

void SqliteDatabase::Statement::reset()
{
    if (!m_statement)
        return;
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

bool SqliteDatabase::Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqliteDatabase::Statement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString SqliteDatabase::Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
}

QByteArrayView SqliteDatabase::Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_statement, column));
}

QByteArray SqliteDatabase::Statement::blobCopy(int column) const
{
    if (isNull(column))
        return QByteArray();
    const QByteArrayView view = blob(column);
    return QByteArray(view.data() ? view.data() : "", view.size());
}

SqliteDatabase::~SqliteDatabase()
{
    close();
}

bool SqliteDatabase::open(const QString &path, Mode mode)
{
    close();
    clearError();
    const int flags
        = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        recordError(rc);
        close();
        return false;
    }
    sqlite3_extended_result_codes(m_db, 0);
    // A writer holding the file (the capture's write-through) makes a reader wait this long
    // for its lock rather than fail at once.
    sqlite3_busy_timeout(m_db, 2000);
    return true;
}

void SqliteDatabase::close()
{
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

bool SqliteDatabase::exec(const char *sql)
{
    if (!m_db)
        return false;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        recordError(rc);
        return false;
    }
    return true;
}

bool SqliteDatabase::copyTo(const QString &path)
{
    if (!m_db)
        return false;
    // The online backup copies pages as they are (a closed 90 MB session in a tenth of the
    // time VACUUM INTO takes to rebuild it), in one pass under one read transaction, so a
    // writer on another connection neither blocks it nor makes it restart.
    SqliteDatabase target;
    if (!target.open(path, Mode::ReadWriteCreate)) {
        m_errorCode = target.m_errorCode;
        m_errorMessage = target.m_errorMessage;
        return false;
    }
    sqlite3_backup *backup = sqlite3_backup_init(target.m_db, "main", m_db, "main");
    if (!backup) {
        m_errorCode = sqlite3_errcode(target.m_db);
        m_errorMessage = QString::fromUtf8(sqlite3_errmsg(target.m_db));
        return false;
    }
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE || finished != SQLITE_OK) {
        recordError(stepped != SQLITE_DONE ? stepped : finished);
        return false;
    }
    return true;
}

qint64 SqliteDatabase::integerOf(const char *sql, qint64 fallback)
{
    Statement statement(this, sql);
    if (!statement.step())
        return fallback;
    const qint64 value = statement.integer(0);
    statement.reset();
    return value;
}

void SqliteDatabase::clearError()
{
    m_errorCode = 0;
    m_errorMessage.clear();
}

void SqliteDatabase::recordError(int code)
{
    m_errorCode = code & 0xff;
    m_errorMessage = QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code));
}

} // namespace wirescope

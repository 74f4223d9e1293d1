#include "core/session/sessionstore.h"

#include "core/session/recorder.h"
#include "core/session/session.h"
#include "core/session/sessionfilereader.h"
#include "core/session/sessionrecordjson.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>

namespace wirescope {

namespace {

// A segment is written once it holds this much, so that loading never decodes one huge blob
// and a transaction of a busy second is a few rows of the segments table.
constexpr qsizetype kSegmentBytes = 4 * 1024 * 1024;
constexpr qint64 kSegmentRows = 65536;
// The writer is woken before its interval when this much waits (a flood must not pile up).
constexpr qint64 kMaxQueuedBytes = 64 * 1024 * 1024;

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString protocolName(ConnectionProtocol protocol)
{
    return protocol == ConnectionProtocol::Http ? QStringLiteral("http") : QStringLiteral("websocket");
}

// A violation's id, offset, length and detail into four columns from `column`.
void bindViolation(SqliteDatabase::Statement &q, int column, const Violation &v)
{
    q.bind(column, v.id());
    q.bind(column + 1, v.offset);
    q.bind(column + 2, v.length);
    q.bind(column + 3, v.detail);
}

} // namespace

struct SessionStore::Statements {
    explicit Statements(SqliteDatabase *db)
        : meta(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)")
        , ensureConnection(db, "INSERT OR IGNORE INTO connections(id) VALUES(?)")
        , opening(db,
              "INSERT INTO connections(id, protocol, label, opened_row, opened_ns, options) VALUES(?, ?, ?, "
              "?, ?, ?) "
              "ON CONFLICT(id) DO UPDATE SET protocol = excluded.protocol, label = excluded.label, "
              "opened_row = excluded.opened_row, opened_ns = excluded.opened_ns, options = excluded.options")
        , handshake(db,
              "UPDATE connections SET handshake_row = ?2, handshake_status = ?3, peer_address = ?4, "
              "handshake = ?5 WHERE id = ?1")
        , close(db,
              "UPDATE connections SET closed_row = ?2, closed_ns = ?3, close_code = ?4, close_clean = ?5, "
              "close = ?6 WHERE id = ?1")
        , segment(db,
              "INSERT INTO segments(first_row, row_count, base_t_ns, min_t_ns, max_t_ns, chunk_count, "
              "frames, "
              "messages, rows, chunks, bytes) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        , violation(db,
              "INSERT INTO violations(row, connection, direction, t_ns, id, offset, length, detail) "
              "VALUES(?, ?, ?, ?, ?, ?, ?, ?)")
        , failure(db,
              "INSERT INTO failures(row, connection, t_ns, id, kind, detail, violation_id, violation_offset, "
              "violation_length, violation_detail) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        , note(db, "INSERT INTO notes(row, connection, t_ns, text) VALUES(?, ?, ?, ?)")
        , message(db, "INSERT INTO messages(row, last_frame_offset, payload) VALUES(?, ?, ?)")
        , inflated(db, "INSERT INTO inflated(row, payload) VALUES(?, ?)")
        , roundTrip(db, "INSERT INTO round_trips(row, rtt_ns) VALUES(?, ?)")
        , exchange(db,
              "INSERT INTO exchanges(row, connection, exchange_id, method, url, status, error, start_ns, "
              "end_ns, record) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        , annotate(db, "INSERT OR REPLACE INTO annotations(row, label, note) VALUES(?, ?, ?)")
        , unannotate(db, "DELETE FROM annotations WHERE row = ?")
    {
    }

    bool valid() const
    {
        for (const SqliteDatabase::Statement *s :
            {&meta, &ensureConnection, &opening, &handshake, &close, &segment, &violation, &failure, &note,
                &message, &inflated, &roundTrip, &exchange, &annotate, &unannotate})
            if (!s->isValid())
                return false;
        return true;
    }

    SqliteDatabase::Statement meta, ensureConnection, opening, handshake, close, segment, violation, failure,
        note, message, inflated, roundTrip, exchange, annotate, unannotate;
};

SessionStore::SessionStore(std::chrono::milliseconds commitInterval)
    : m_interval(commitInterval)
{
}

SessionStore::~SessionStore()
{
    close();
}

bool SessionStore::open(const QString &path, SessionFileError *error)
{
    const QFileInfo info(path);
    if (info.exists() && info.size() > 0) {
        // Appending: the file must be a session this build reads (a newer one would be
        // misread, a foreign one damaged); its facts decide the clock and the ids.
        SessionFileReader reader;
        SessionSummary summary;
        if (!reader.open(path, error) || !reader.readSummary(&summary, error))
            return false;
        m_appending = true;
        m_anchor = summary.startedAt;
        m_existingRows = summary.rows;
        m_nextConnection = summary.lastConnectionId + 1;
    }
    if (!m_db.open(path, SqliteDatabase::Mode::ReadWriteCreate)) {
        *error = sessionschema::errorOf(m_db, QStringLiteral("opening %1").arg(path));
        return false;
    }
    // WAL: a commit appends to the log and syncs once, readers (session info, a window
    // opening the file) read while the capture writes, and a kill -9 leaves every committed
    // transaction in the log, replayed by the next open. NORMAL syncs at checkpoints: a
    // power loss may cost the last commits, a crashed process does not.
    if ((!m_appending && !sessionschema::create(m_db)) || !m_db.exec("PRAGMA journal_mode = WAL")
        || !m_db.exec("PRAGMA synchronous = NORMAL")) {
        *error = sessionschema::errorOf(m_db, QStringLiteral("preparing %1").arg(path), true);
        m_db.close();
        return false;
    }
    m_statements = std::make_unique<Statements>(&m_db);
    if (!m_statements->valid()) {
        *error = sessionschema::errorOf(m_db, QStringLiteral("preparing %1").arg(path), true);
        m_statements.reset();
        m_db.close();
        return false;
    }
    SqliteDatabase::Statement ids(&m_db, "SELECT id FROM connections");
    while (ids.step())
        m_knownConnections.insert(quint32(ids.integer(0)));
    return true;
}

void SessionStore::attach(Session *session)
{
    const qsizetype loaded = session->timeline().rowCount();
    Q_ASSERT(m_statements && !m_session && (loaded == 0 || (m_appending && loaded == m_existingRows)));
    m_session = session;
    if (loaded > 0) {
        // The session was read from this very file (SessionFileReader): its rows are the
        // file's rows, numbered alike, and it already continues the file's clock and ids.
        m_existingRows = 0;
    } else if (appending()) {
        session->continueFrom(m_anchor, m_nextConnection);
    } else {
        const QDateTime anchor = session->clock().wallAnchor().toUTC();
        const QString createdBy = QCoreApplication::applicationName().isEmpty()
            ? QStringLiteral("Wirescope")
            : QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion();
        const std::pair<const char *, QString> meta[] = {
            {"format_version", QString::number(sessionschema::kFormatVersion)},
            {"started_at", anchor.toString(Qt::ISODateWithMs)},
            {"created_by", createdBy},
        };
        for (const auto &[key, value] : meta) {
            m_statements->meta.bind(1, QString::fromLatin1(key));
            m_statements->meta.bind(2, value);
            if (!m_statements->meta.exec() && m_error.isNull())
                m_error = sessionschema::errorOf(m_db, QStringLiteral("writing the session's meta data"), true);
        }
        m_anchor = anchor;
    }
    session->recorder()->setSink(this);
    m_thread = std::thread([this] { run(); });
}

void SessionStore::batchRecorded(const RecordBatch &batch, qsizetype firstRow)
{
    std::lock_guard lock(m_mutex);
    if (!m_error.isNull() || m_stopping)
        return; // after a failed write the file keeps its consistent prefix
    const bool wasIdle = m_queue.empty() && m_annotations.empty();
    m_queue.push_back(Pending {batch, m_existingRows + firstRow});
    m_queuedBytes += batch.bytes.size() + qint64(batch.rows.size() * sizeof(TimelineRow));
    ++m_submitted;
    // The writer sleeps until something arrives, then gathers for the rest of its interval:
    // only the first batch (or a flood) wakes it.
    if (wasIdle || m_queuedBytes > kMaxQueuedBytes)
        m_wake.notify_one();
}

void SessionStore::annotate(qsizetype row, const QString &label, const QString &note)
{
    std::lock_guard lock(m_mutex);
    m_annotations.push_back(Annotation {m_existingRows + row, label, note});
    ++m_submitted;
    m_wake.notify_one();
}

bool SessionStore::flush()
{
    std::unique_lock lock(m_mutex);
    if (m_thread.joinable()) {
        const quint64 target = m_submitted;
        m_flushRequested = true;
        m_wake.notify_one();
        m_committedSignal.wait(lock, [&] { return m_committed >= target; });
    }
    return m_error.isNull();
}

bool SessionStore::close()
{
    if (m_session) {
        m_session->recorder()->drain(); // what the engines handed over is in the file too
        m_session->recorder()->setSink(nullptr);
        m_session = nullptr;
    }
    if (m_thread.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }
    m_statements.reset();
    // A closed session file is one file again (the log checkpointed into it and removed),
    // to be copied or mailed as it is. A reader still holding it keeps WAL: no harm.
    if (m_db.isOpen())
        m_db.exec("PRAGMA journal_mode = DELETE");
    m_db.close();
    std::lock_guard lock(m_mutex);
    return m_error.isNull();
}

SessionFileError SessionStore::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

void SessionStore::run()
{
    std::unique_lock lock(m_mutex);
    auto lastCommit = std::chrono::steady_clock::now() - m_interval;
    for (;;) {
        auto work = [this] { return !m_queue.empty() || !m_annotations.empty(); };
        m_wake.wait(lock, [&] { return m_stopping || m_flushRequested || work(); });
        m_wake.wait_until(lock, lastCommit + m_interval,
            [this] { return m_stopping || m_flushRequested || m_queuedBytes > kMaxQueuedBytes; });
        std::vector<Pending> batches;
        std::vector<Annotation> annotations;
        batches.swap(m_queue);
        annotations.swap(m_annotations);
        m_queuedBytes = 0;
        m_flushRequested = false;
        const quint64 target = m_submitted;
        const bool stopping = m_stopping;
        lock.unlock();
        const bool ok = (batches.empty() && annotations.empty()) || write(batches, annotations);
        const SessionFileError failure = ok
            ? SessionFileError()
            : sessionschema::errorOf(m_db, QStringLiteral("writing the session file"), true);
        batches.clear(); // the copies go on this thread, not under the lock
        lastCommit = std::chrono::steady_clock::now();
        lock.lock();
        if (!ok && m_error.isNull())
            m_error = failure;
        m_committed = target;
        m_committedSignal.notify_all();
        if (stopping && m_queue.empty() && m_annotations.empty())
            return;
    }
}

bool SessionStore::write(std::vector<Pending> &batches, std::vector<Annotation> &annotations)
{
    if (!m_error.isNull() || !m_db.exec("BEGIN IMMEDIATE"))
        return false;
    bool ok = true;
    for (const Pending &pending : batches) {
        ok = writeBatch(pending);
        if (!ok)
            break;
        if (m_packer.packedSize() >= kSegmentBytes || m_packer.rowCount() >= kSegmentRows)
            ok = writeSegment();
        if (!ok)
            break;
    }
    if (ok)
        ok = writeSegment();
    for (const Annotation &a : annotations) {
        if (!ok)
            break;
        if (a.label.isEmpty() && a.note.isEmpty()) {
            m_statements->unannotate.bind(1, a.row);
            ok = m_statements->unannotate.exec();
        } else {
            m_statements->annotate.bind(1, a.row);
            m_statements->annotate.bind(2, a.label);
            m_statements->annotate.bind(3, a.note);
            ok = m_statements->annotate.exec();
        }
    }
    if (ok && m_db.exec("COMMIT"))
        return true;
    m_db.exec("ROLLBACK");
    m_packer.take();
    return false;
}

bool SessionStore::writeSegment()
{
    if (m_packer.isEmpty())
        return true;
    const PackedSegment s = m_packer.take();
    SqliteDatabase::Statement &q = m_statements->segment;
    q.bind(1, s.firstRow);
    q.bind(2, s.rowCount);
    q.bind(3, s.firstTNs);
    q.bind(4, s.minTNs);
    q.bind(5, s.maxTNs);
    q.bind(6, s.chunkCount);
    q.bind(7, s.frames);
    q.bind(8, s.messages);
    q.bindBlob(9, s.rows);
    q.bindBlob(10, s.chunks);
    q.bindBlob(11, s.bytes);
    return q.exec();
}

bool SessionStore::writeBatch(const Pending &pending)
{
    const RecordBatch &b = pending.batch;
    const qint64 base = pending.firstRow;
    Statements &q = *m_statements;
    auto ensure = [&](quint32 id) {
        if (id == 0 || m_knownConnections.contains(id))
            return true;
        m_knownConnections.insert(id);
        q.ensureConnection.bind(1, qint64(id));
        return q.ensureConnection.exec();
    };
    for (const TimelineRow &r : b.rows)
        if (!ensure(r.connection))
            return false;
    for (const RecordBatch::Chunk &c : b.chunks)
        if (!ensure(c.connection))
            return false;
    m_packer.add(b, base);

    bool ok = true;
    for (const auto &d : b.openings) {
        const TimelineRow &r = b.rows[d.row];
        q.opening.bind(1, qint64(r.connection));
        q.opening.bind(2, protocolName(d.value.protocol));
        q.opening.bind(3, d.value.label);
        q.opening.bind(4, base + qint64(d.row));
        q.opening.bind(5, r.tNs);
        q.opening.bind(6, jsonText(wsConnectOptionsToStoreJson(d.value.wsOptions)));
        ok = ok && q.opening.exec();
    }
    for (const auto &d : b.handshakes) {
        const TimelineRow &r = b.rows[d.row];
        q.handshake.bind(1, qint64(r.connection));
        q.handshake.bind(2, base + qint64(d.row));
        q.handshake.bind(3, d.value->response.status);
        q.handshake.bind(4, d.value->peerAddress);
        q.handshake.bind(5, jsonText(wsHandshakeToStoreJson(*d.value)));
        ok = ok && q.handshake.exec();
    }
    for (const auto &d : b.closes) {
        const TimelineRow &r = b.rows[d.row];
        q.close.bind(1, qint64(r.connection));
        q.close.bind(2, base + qint64(d.row));
        q.close.bind(3, r.tNs);
        q.close.bind(4, d.value->code);
        q.close.bind(5, d.value->clean ? 1 : 0);
        q.close.bind(6, jsonText(wsCloseToStoreJson(*d.value)));
        ok = ok && q.close.exec();
    }
    for (const auto &d : b.violations) {
        const TimelineRow &r = b.rows[d.row];
        q.violation.bind(1, base + qint64(d.row));
        q.violation.bind(2, qint64(r.connection));
        q.violation.bind(3, r.direction() == Direction::In ? QStringLiteral("in") : QStringLiteral("out"));
        q.violation.bind(4, r.tNs);
        bindViolation(q.violation, 5, d.value);
        ok = ok && q.violation.exec();
    }
    for (const auto &d : b.failures) {
        const TimelineRow &r = b.rows[d.row];
        const Failure &f = d.value;
        q.failure.bind(1, base + qint64(d.row));
        q.failure.bind(2, qint64(r.connection));
        q.failure.bind(3, r.tNs);
        q.failure.bind(4, f.id());
        if (f.kind)
            q.failure.bind(5, QString::fromLatin1(f.kind->id));
        q.failure.bind(6, f.detail);
        if (f.violation.kind)
            bindViolation(q.failure, 7, f.violation);
        ok = ok && q.failure.exec();
    }
    for (const auto &d : b.notes) {
        const TimelineRow &r = b.rows[d.row];
        q.note.bind(1, base + qint64(d.row));
        q.note.bind(2, qint64(r.connection));
        q.note.bind(3, r.tNs);
        q.note.bind(4, d.value);
        ok = ok && q.note.exec();
    }
    for (const auto &d : b.messages) {
        q.message.bind(1, base + qint64(d.row));
        q.message.bind(2, d.value.lastFrameOffset);
        if (!d.value.payload.isNull()) // kept only when the frames cannot give it back
            q.message.bindBlob(3, d.value.payload);
        ok = ok && q.message.exec();
    }
    for (const auto &d : b.inflated) {
        q.inflated.bind(1, base + qint64(d.row));
        q.inflated.bindBlob(2, d.value);
        ok = ok && q.inflated.exec();
    }
    for (const auto &d : b.roundTrips) {
        q.roundTrip.bind(1, base + qint64(d.row));
        q.roundTrip.bind(2, d.value);
        ok = ok && q.roundTrip.exec();
    }
    for (const auto &d : b.exchanges) {
        const TimelineRow &r = b.rows[d.row];
        const HttpExchangeRecord &e = *d.value;
        q.exchange.bind(1, base + qint64(d.row));
        q.exchange.bind(2, qint64(r.connection));
        q.exchange.bind(3, qint64(e.id));
        if (const HttpHop *hop = e.finalHop()) {
            q.exchange.bind(4, QString::fromLatin1(hop->request.method));
            q.exchange.bind(5, hop->request.url);
            q.exchange.bind(6, hop->response.status);
        } else {
            q.exchange.bind(4, e.request.method());
            q.exchange.bind(5, e.request.url());
        }
        if (!e.error.isNull())
            q.exchange.bind(7, e.error.id());
        q.exchange.bind(8, e.startNs);
        q.exchange.bind(9, e.endNs);
        q.exchange.bind(10, jsonText(httpExchangeToStoreJson(e)));
        ok = ok && q.exchange.exec();
    }
    return ok;
}

} // namespace wirescope

#include "core/session/sessionfilereader.h"

#include "core/session/segmentpacker.h"
#include "core/session/session.h"
#include "core/session/sessionrecordjson.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>

#include <algorithm>

namespace wirescope {

namespace {

// Connection ids are dense from 1 in every session Wirescope writes; a file naming a larger
// one is damaged (and would make the timeline allocate a slot for each id below it).
constexpr qint64 kMaxConnectionId = 1 << 20;

template<typename T> using RowTable = std::vector<std::pair<qint64, T>>;

// Moves the entries of `table` for rows [first, first + count) into `details`, as row
// indices of the segment's batch.
// False when an entry names a row before the segment (no segment holds it).
template<typename T>
bool takeDetails(RowTable<T> &table, size_t &cursor, qint64 first, qint64 count,
    std::vector<RecordBatch::Detail<T>> &details)
{
    while (cursor < table.size() && table[cursor].first < first + count) {
        if (table[cursor].first < first)
            return false;
        details.push_back({size_t(table[cursor].first - first), std::move(table[cursor].second)});
        ++cursor;
    }
    return true;
}

// One snapshot for every statement of a read: a capture writing the file meanwhile (WAL) must
// not show the connections of one commit and the segments of the next.
class ReadTransaction
{
public:
    explicit ReadTransaction(SqliteDatabase &db)
        : m_db(db)
        , m_open(db.exec("BEGIN"))
    {
    }
    ~ReadTransaction()
    {
        if (m_open)
            m_db.exec("ROLLBACK");
    }
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;

private:
    SqliteDatabase &m_db;
    bool m_open;
};

bool parseJson(const QString &text, QJsonObject *object)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    *object = document.object();
    return error.error == QJsonParseError::NoError && document.isObject();
}

} // namespace

bool SessionFileReader::fail(SessionFileError *error, const QString &doing)
{
    *error = sessionschema::errorOf(m_db, doing);
    return false;
}

bool SessionFileReader::corrupt(SessionFileError *error, const QString &what)
{
    *error = SessionFileError::of(sessionerrors::Corrupt, what);
    return false;
}

bool SessionFileReader::open(const QString &path, SessionFileError *error)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile() || !info.isReadable()) {
        *error = SessionFileError::of(sessionerrors::Unreadable, QStringLiteral("cannot read %1").arg(path));
        return false;
    }
    if (info.size() == 0) {
        // SQLite takes an empty file for an empty database; nobody saved a session in it.
        *error = SessionFileError::of(sessionerrors::NotWirescope, QStringLiteral("%1 is empty").arg(path));
        return false;
    }
    if (!m_db.open(path, SqliteDatabase::Mode::ReadOnly))
        return fail(error, QStringLiteral("opening %1").arg(path));
    return sessionschema::check(m_db, error);
}

bool SessionFileReader::readSummary(SessionSummary *summary, SessionFileError *error)
{
    SqliteDatabase::Statement q(&m_db,
        "SELECT format_version, started_at, connections, exchanges, frames, messages, "
        "violations, rows, span_ns, bytes, "
        "(SELECT value FROM meta WHERE key = 'created_by'), "
        "(SELECT coalesce(max(id), 0) FROM connections), "
        "(SELECT count(*) FROM annotations) FROM session_summary");
    if (!q.step())
        return fail(error, QStringLiteral("reading the summary"));
    SessionSummary s;
    s.formatVersion = int(q.integer(0));
    s.startedAt = QDateTime::fromString(q.text(1), Qt::ISODateWithMs);
    s.connections = q.integer(2);
    s.exchanges = q.integer(3);
    s.frames = q.integer(4);
    s.messages = q.integer(5);
    s.violations = q.integer(6);
    s.rows = q.integer(7);
    s.spanNs = q.integer(8);
    s.bytes = q.integer(9);
    s.createdBy = q.text(10);
    const qint64 lastId = q.integer(11);
    s.annotations = q.integer(12);
    q.reset();
    s.schemaVersion = int(m_db.integerOf("PRAGMA user_version", 0));
    if (!s.startedAt.isValid() || s.formatVersion < 1)
        return corrupt(error, QStringLiteral("the meta table has no started_at or format_version"));
    if (lastId < 0 || lastId > kMaxConnectionId)
        return corrupt(error, QStringLiteral("connection id %1 out of range").arg(lastId));
    s.startedAt.setTimeSpec(Qt::UTC);
    s.lastConnectionId = quint32(lastId);
    *summary = s;
    return true;
}

bool SessionFileReader::readAnnotations(QList<SessionAnnotation> *annotations, SessionFileError *error)
{
    SqliteDatabase::Statement q(&m_db, "SELECT row, label, note FROM annotations ORDER BY row");
    annotations->clear();
    while (q.step())
        annotations->append(SessionAnnotation {q.integer(0), q.text(1), q.text(2)});
    return m_db.errorCode() == 0 || fail(error, QStringLiteral("reading the annotations"));
}

std::unique_ptr<Session> SessionFileReader::load(
    const QString &path, SessionFileError *error, QObject *parent)
{
    SessionFileReader reader;
    if (!reader.open(path, error))
        return nullptr;
    return reader.readSession(error, parent);
}

std::unique_ptr<Session> SessionFileReader::readSession(SessionFileError *error, QObject *parent)
{
    const ReadTransaction snapshot(m_db);
    SessionSummary summary;
    if (!readSummary(&summary, error))
        return nullptr;

    // The connections table is the side table of the Opening, Handshake and Closed rows.
    RowTable<ConnectionOpening> openings;
    RowTable<std::shared_ptr<const WsHandshakeRecord>> handshakes;
    RowTable<std::shared_ptr<const WsCloseRecord>> closes;
    QHash<qint64, quint32> detailConnection; // row of an opening/handshake/close -> its connection
    QSet<quint32> connectionIds;
    SqliteDatabase::Statement q(&m_db,
        "SELECT id, protocol, label, opened_row, options, handshake_row, handshake, "
        "closed_row, close FROM connections ORDER BY id");
    while (q.step()) {
        const qint64 id = q.integer(0);
        if (id < 1 || id > kMaxConnectionId) {
            corrupt(error, QStringLiteral("connection id %1 out of range").arg(id));
            return nullptr;
        }
        connectionIds.insert(quint32(id));
        // Each of the three is there once its row was recorded, and its JSON must read.
        auto readRecord = [&](int rowColumn, int jsonColumn, auto decodeInto, auto &table, auto record) {
            if (q.isNull(rowColumn))
                return true;
            QJsonObject json;
            if (!parseJson(q.text(jsonColumn), &json) || !decodeInto(json, &record))
                return false;
            table.emplace_back(q.integer(rowColumn), std::move(record));
            detailConnection.insert(q.integer(rowColumn), quint32(id));
            return true;
        };
        const QString protocol = q.text(1);
        ConnectionOpening opening;
        opening.protocol = protocol == u"http" ? ConnectionProtocol::Http : ConnectionProtocol::WebSocket;
        opening.label = q.text(2);
        auto readOptions = [](const QJsonObject &json, ConnectionOpening *o) {
            return wsConnectOptionsFromStoreJson(json, &o->wsOptions);
        };
        auto readHandshake = [](const QJsonObject &json, std::shared_ptr<const WsHandshakeRecord> *record) {
            auto value = std::make_shared<WsHandshakeRecord>();
            *record = value;
            return wsHandshakeFromStoreJson(json, value.get());
        };
        auto readClose = [](const QJsonObject &json, std::shared_ptr<const WsCloseRecord> *record) {
            auto value = std::make_shared<WsCloseRecord>();
            *record = value;
            return wsCloseFromStoreJson(json, value.get());
        };
        const bool opened = q.isNull(3) || protocol == u"http" || protocol == u"websocket";
        if (!opened || !readRecord(3, 4, readOptions, openings, std::move(opening))
            || !readRecord(5, 6, readHandshake, handshakes, std::shared_ptr<const WsHandshakeRecord>())
            || !readRecord(7, 8, readClose, closes, std::shared_ptr<const WsCloseRecord>())) {
            corrupt(error,
                QStringLiteral("connection %1: its opening, handshake or close does not read").arg(id));
            return nullptr;
        }
    }
    if (m_db.errorCode() != 0) {
        fail(error, QStringLiteral("reading the connections"));
        return nullptr;
    }
    auto byRow = [](const auto &a, const auto &b) { return a.first < b.first; };
    std::sort(openings.begin(), openings.end(), byRow);
    std::sort(handshakes.begin(), handshakes.end(), byRow);
    std::sort(closes.begin(), closes.end(), byRow);

    RowTable<Violation> violations;
    RowTable<Failure> failureRows;
    RowTable<QString> notes;
    RowTable<RecordBatch::MessageDetail> messages;
    RowTable<QByteArray> inflated;
    RowTable<qint64> roundTrips;
    RowTable<std::shared_ptr<const HttpExchangeRecord>> exchanges;
    auto readTable = [&](const char *sql, const QString &what, auto readRow) {
        SqliteDatabase::Statement q(&m_db, sql);
        bool ok = true;
        while (ok && q.step())
            ok = readRow(q);
        if (!ok)
            return corrupt(error, what + QStringLiteral(": a row does not read"));
        return m_db.errorCode() == 0 || fail(error, QStringLiteral("reading ") + what);
    };
    const bool tablesRead = readTable("SELECT row, id, offset, length, detail FROM violations ORDER BY row",
                                QStringLiteral("violations"),
                                [&](SqliteDatabase::Statement &q) {
                                    const ViolationKind *kind = violationKindById(q.text(1));
                                    violations.emplace_back(q.integer(0),
                                        Violation {kind, q.integer(2), q.integer(3), q.text(4)});
                                    return kind != nullptr;
                                })
        && readTable(
            "SELECT row, kind, detail, violation_id, violation_offset, violation_length, violation_detail "
            "FROM failures ORDER BY row",
            QStringLiteral("failures"),
            [&](SqliteDatabase::Statement &q) {
                Failure f;
                f.detail = q.text(2);
                if (!q.isNull(1) && !(f.kind = failures::find(q.text(1))))
                    return false;
                if (!q.isNull(3)) {
                    f.violation
                        = Violation {violationKindById(q.text(3)), q.integer(4), q.integer(5), q.text(6)};
                    if (!f.violation.kind)
                        return false;
                }
                failureRows.emplace_back(q.integer(0), std::move(f));
                return true;
            })
        && readTable("SELECT row, text FROM notes ORDER BY row", QStringLiteral("notes"),
            [&](SqliteDatabase::Statement &q) {
                notes.emplace_back(q.integer(0), q.text(1));
                return true;
            })
        && readTable("SELECT row, last_frame_offset, payload FROM messages ORDER BY row",
            QStringLiteral("messages"),
            [&](SqliteDatabase::Statement &q) {
                messages.emplace_back(q.integer(0), RecordBatch::MessageDetail {q.integer(1), q.blobCopy(2)});
                return true;
            })
        && readTable("SELECT row, payload FROM inflated ORDER BY row", QStringLiteral("inflated payloads"),
            [&](SqliteDatabase::Statement &q) {
                inflated.emplace_back(q.integer(0), q.blobCopy(1));
                return true;
            })
        && readTable("SELECT row, rtt_ns FROM round_trips ORDER BY row", QStringLiteral("round trips"),
            [&](SqliteDatabase::Statement &q) {
                roundTrips.emplace_back(q.integer(0), q.integer(1));
                return true;
            })
        && readTable("SELECT row, record FROM exchanges ORDER BY row", QStringLiteral("exchanges"),
            [&](SqliteDatabase::Statement &q) {
                auto record = std::make_shared<HttpExchangeRecord>();
                QJsonObject json;
                if (!parseJson(q.text(1), &json) || !httpExchangeFromStoreJson(json, record.get()))
                    return false;
                exchanges.emplace_back(q.integer(0), std::move(record));
                return true;
            });
    if (!tablesRead)
        return nullptr;

    auto session = std::make_unique<Session>(parent);
    size_t cursors[10] = {};
    qint64 nextRow = 0;
    SqliteDatabase::Statement segments(&m_db,
        "SELECT first_row, row_count, base_t_ns, chunk_count, rows, chunks, bytes "
        "FROM segments ORDER BY seq");
    while (segments.step()) {
        PackedSegment s;
        s.firstRow = segments.integer(0);
        s.rowCount = segments.integer(1);
        s.firstTNs = segments.integer(2);
        s.chunkCount = segments.integer(3);
        s.rows = segments.blobCopy(4);
        s.chunks = segments.blobCopy(5);
        s.bytes = segments.blobCopy(6);
        if (s.firstRow != nextRow) {
            corrupt(error, QStringLiteral("segment rows start at %1, not %2").arg(s.firstRow).arg(nextRow));
            return nullptr;
        }
        RecordBatch batch;
        QString why;
        if (!SegmentPacker::unpack(s, &batch, &why)) {
            corrupt(error, QStringLiteral("segment at row %1: %2").arg(s.firstRow).arg(why));
            return nullptr;
        }
        for (const TimelineRow &r : batch.rows)
            if (r.connection != 0 && !connectionIds.contains(r.connection)) {
                corrupt(error,
                    QStringLiteral("a row names connection %1, which is not in the file").arg(r.connection));
                return nullptr;
            }
        for (const RecordBatch::Chunk &c : batch.chunks)
            if (!connectionIds.contains(c.connection)) {
                corrupt(error,
                    QStringLiteral("a chunk names connection %1, which is not in the file")
                        .arg(c.connection));
                return nullptr;
            }
        const bool placed = takeDetails(openings, cursors[0], s.firstRow, s.rowCount, batch.openings)
            && takeDetails(handshakes, cursors[1], s.firstRow, s.rowCount, batch.handshakes)
            && takeDetails(closes, cursors[2], s.firstRow, s.rowCount, batch.closes)
            && takeDetails(violations, cursors[3], s.firstRow, s.rowCount, batch.violations)
            && takeDetails(failureRows, cursors[4], s.firstRow, s.rowCount, batch.failures)
            && takeDetails(notes, cursors[5], s.firstRow, s.rowCount, batch.notes)
            && takeDetails(messages, cursors[6], s.firstRow, s.rowCount, batch.messages)
            && takeDetails(inflated, cursors[7], s.firstRow, s.rowCount, batch.inflated)
            && takeDetails(roundTrips, cursors[8], s.firstRow, s.rowCount, batch.roundTrips)
            && takeDetails(exchanges, cursors[9], s.firstRow, s.rowCount, batch.exchanges);
        if (!placed) {
            corrupt(error, QStringLiteral("a side table names a row the segments do not hold"));
            return nullptr;
        }
        // A connection's opening, handshake and close belong to a row of that connection
        // (the timeline files them under the row's connection).
        auto belongs = [&](const auto &details) {
            for (const auto &d : details)
                if (batch.rows[d.row].connection != detailConnection.value(s.firstRow + qint64(d.row)))
                    return false;
            return true;
        };
        if (!belongs(batch.openings) || !belongs(batch.handshakes) || !belongs(batch.closes)) {
            corrupt(error, QStringLiteral("a connection's event row belongs to another connection"));
            return nullptr;
        }
        nextRow += s.rowCount;
        session->recorder()->submitAtEndOfTurn(std::move(batch));
    }
    if (m_db.errorCode() != 0) {
        fail(error, QStringLiteral("reading the segments"));
        return nullptr;
    }
    const size_t sizes[10]
        = {openings.size(), handshakes.size(), closes.size(), violations.size(), failureRows.size(),
            notes.size(), messages.size(), inflated.size(), roundTrips.size(), exchanges.size()};
    if (!std::equal(std::begin(cursors), std::end(cursors), std::begin(sizes))) {
        corrupt(error, QStringLiteral("a side table names a row the segments do not hold"));
        return nullptr;
    }
    QList<SessionAnnotation> annotations;
    if (!readAnnotations(&annotations, error))
        return nullptr;
    for (const SessionAnnotation &a : std::as_const(annotations)) {
        if (a.row < 0 || a.row >= nextRow) {
            corrupt(error, QStringLiteral("an annotation names row %1, which the segments do not hold").arg(a.row));
            return nullptr;
        }
    }
    session->annotations()->load(annotations);
    session->continueFrom(summary.startedAt, summary.lastConnectionId + 1);
    return session;
}

} // namespace wirescope

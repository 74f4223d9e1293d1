#include "core/session/timeline.h"

#include "core/wire/wsframeparser.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace wirescope {

namespace {

int dirIndex(Direction d)
{
    return d == Direction::In ? 0 : 1;
}

bool isDataOpcode(quint8 opcode)
{
    return opcode == quint8(WsOpcode::Text) || opcode == quint8(WsOpcode::Binary);
}

template<typename T>
void appendDetails(std::vector<std::pair<quint32, T>> &table, std::vector<RecordBatch::Detail<T>> &details,
                   size_t base)
{
    table.reserve(table.size() + details.size());
    for (RecordBatch::Detail<T> &d : details)
        table.emplace_back(quint32(base + d.row), std::move(d.value));
}

} // namespace

Timeline::Timeline() = default;

const TimelineConnection *Timeline::connection(quint32 id) const
{
    if (id == 0 || id > m_connections.size())
        return nullptr;
    return m_connections[id - 1].get();
}

QList<quint32> Timeline::connectionIds() const
{
    QList<quint32> ids;
    for (const auto &c : m_connections)
        if (c)
            ids.append(c->id);
    return ids;
}

TimelineConnection &Timeline::connectionFor(quint32 id)
{
    Q_ASSERT(id > 0);
    if (id > m_connections.size())
        m_connections.resize(id);
    std::unique_ptr<TimelineConnection> &slot = m_connections[id - 1];
    if (!slot) {
        slot = std::make_unique<TimelineConnection>();
        slot->id = id;
    }
    return *slot;
}

const Violation *Timeline::violation(qsizetype row) const
{
    return m_violations.find(row);
}

const Failure *Timeline::failure(qsizetype row) const
{
    return m_failures.find(row);
}

QString Timeline::note(qsizetype row) const
{
    const QString *text = m_notes.find(row);
    return text ? *text : QString();
}

qint64 Timeline::roundTripNs(qsizetype row) const
{
    const qint64 *rtt = m_roundTrips.find(row);
    return rtt ? *rtt : -1;
}

std::shared_ptr<const HttpExchangeRecord> Timeline::exchange(qsizetype row) const
{
    const auto *record = m_exchanges.find(row);
    return record ? *record : nullptr;
}

void Timeline::apply(RecordBatch &&batch)
{
    for (const RecordBatch::Chunk &chunk : batch.chunks) {
        TimelineConnection &c = connectionFor(chunk.connection);
        m_bytesHeld += c.streams[dirIndex(chunk.direction)].append(
            chunk.tNs, chunk.offset, QByteArrayView(batch.bytes.constData() + chunk.begin, chunk.length));
    }
    const size_t base = size_t(m_rows.size());
    m_rows.append(batch.rows.data(), qsizetype(batch.rows.size()));

    for (auto &d : batch.openings) {
        TimelineConnection &c = connectionFor(batch.rows[d.row].connection);
        c.protocol = d.value.protocol;
        c.label = d.value.label;
        c.wsOptions = std::move(d.value.wsOptions);
        c.openedNs = batch.rows[d.row].tNs;
    }
    for (auto &d : batch.handshakes)
        connectionFor(batch.rows[d.row].connection).handshake = std::move(d.value);
    for (auto &d : batch.closes) {
        TimelineConnection &c = connectionFor(batch.rows[d.row].connection);
        c.close = std::move(d.value);
        c.closedNs = batch.rows[d.row].tNs;
    }
    appendDetails(m_violations.entries, batch.violations, base);
    appendDetails(m_failures.entries, batch.failures, base);
    appendDetails(m_notes.entries, batch.notes, base);
    appendDetails(m_messages.entries, batch.messages, base);
    appendDetails(m_inflated.entries, batch.inflated, base);
    appendDetails(m_roundTrips.entries, batch.roundTrips, base);
    appendDetails(m_exchanges.entries, batch.exchanges, base);

    for (qsizetype i = qsizetype(base); i < m_rows.size(); ++i)
        applyRow(m_rows[i], quint32(i));
    enforceBudget();
}

void Timeline::applyRow(const TimelineRow &row, quint32 index)
{
    if (row.connection == 0)
        return; // an exchange that never got a connection (a bad URL, DNS failed, ...)
    TimelineConnection &c = connectionFor(row.connection);
    if (c.firstRow < 0)
        c.firstRow = index;
    c.lastRow = index;
    const int d = dirIndex(row.direction());
    switch (row.rowKind()) {
    case RowKind::Frame: {
        c.frameRows[d].push_back(index);
        ++c.frameCount[d];
        if (isDataOpcode(row.opcode) && !row.has(TimelineRow::Fragment)) {
            ++c.messageCount[d];
            c.payloadBytes[d] += row.size;
        }
        if (QByteArray *inflated = m_inflated.find(index))
            keep(c, d, index, *inflated);
        if (row.opcode == quint8(WsOpcode::Pong) && row.direction() == Direction::In && m_roundTrips.find(index))
            pairPong(c, index);
        // A rule broken by this frame's bytes was reported just before it (the parser's
        // findings come first); anything pending before this frame can no longer match.
        const qint64 end = row.offset + row.wireSize;
        auto it = m_pendingViolations.begin();
        while (it != m_pendingViolations.end()) {
            if (it->connection != row.connection || it->direction != row.direction()) {
                ++it;
                continue;
            }
            if (it->offset >= row.offset && it->offset < end)
                m_rows[index].flags |= TimelineRow::HasViolation;
            if (it->offset < end)
                it = m_pendingViolations.erase(it);
            else
                ++it;
        }
        break;
    }
    case RowKind::Message: {
        ++c.messageCount[d];
        c.payloadBytes[d] += row.size;
        // A rule broken by one of its frames is the message's too: a view that shows the
        // message without its fragments still flags it.
        RecordBatch::MessageDetail *m = m_messages.find(index);
        if (!m)
            break;
        if (!m->payload.isNull())
            keep(c, d, index, m->payload);
        const std::vector<quint32> &frames = c.frameRows[d];
        auto it = std::lower_bound(frames.begin(), frames.end(), row.offset,
                                   [this](quint32 r, qint64 o) { return m_rows[r].offset < o; });
        for (; it != frames.end() && m_rows[*it].offset <= m->lastFrameOffset; ++it) {
            if (m_rows[*it].has(TimelineRow::HasViolation)) {
                m_rows[index].flags |= TimelineRow::HasViolation;
                break;
            }
        }
        break;
    }
    case RowKind::Violation:
        markViolation(index);
        break;
    case RowKind::Event:
    case RowKind::Exchange:
        break;
    }
}

void Timeline::markViolation(quint32 violationRow)
{
    const TimelineRow &v = m_rows[violationRow];
    if (v.offset < 0)
        return;
    const qsizetype target = frameRowAt(v.connection, v.direction(), v.offset);
    if (target >= 0) {
        m_rows[target].flags |= TimelineRow::HasViolation;
        return;
    }
    const TimelineConnection *c = connection(v.connection);
    const std::vector<quint32> &frames = c->frameRows[dirIndex(v.direction())];
    if (frames.empty() || m_rows[frames.back()].offset < v.offset)
        m_pendingViolations.push_back(PendingViolation{v.connection, v.direction(), v.offset});
}

qsizetype Timeline::frameRowAt(quint32 connectionId, Direction direction, qint64 offset) const
{
    const TimelineConnection *c = connection(connectionId);
    if (!c)
        return -1;
    const std::vector<quint32> &frames = c->frameRows[dirIndex(direction)];
    auto it = std::upper_bound(frames.begin(), frames.end(), offset,
                               [this](qint64 o, quint32 r) { return o < m_rows[r].offset; });
    if (it == frames.begin())
        return -1;
    const TimelineRow &r = m_rows[*(it - 1)];
    return offset < r.offset + qint64(r.wireSize) ? qsizetype(*(it - 1)) : -1;
}

qsizetype Timeline::violationTarget(qsizetype violationRow) const
{
    const TimelineRow &v = row(violationRow);
    if (v.rowKind() != RowKind::Violation || v.offset < 0)
        return -1;
    return frameRowAt(v.connection, v.direction(), v.offset);
}

bool Timeline::bytesHeld(qsizetype index) const
{
    return absence(index) == ByteStream::Absence::None;
}

ByteStream::Absence Timeline::absence(qsizetype index) const
{
    const TimelineRow &r = row(index);
    const TimelineConnection *c = connection(r.connection);
    if (!c)
        return ByteStream::Absence::NeverSeen;
    const int d = dirIndex(r.direction());
    const std::vector<quint32> &kept = c->keptRows[d];
    const auto freedEnd = kept.begin() + qsizetype(c->keptGone[d]);
    if (r.offset < 0) {
        // No wire bytes, only the payload kept with the row (a message imported from a HAR).
        if (!std::binary_search(kept.begin(), kept.end(), quint32(index)))
            return ByteStream::Absence::NeverSeen;
        if (!std::binary_search(kept.begin(), freedEnd, quint32(index)))
            return ByteStream::Absence::None;
        return c->released ? ByteStream::Absence::Released : ByteStream::Absence::Dropped;
    }
    const ByteStream::Absence wire = c->stream(r.direction()).absence(r.offset, r.wireSize);
    if (wire != ByteStream::Absence::None || !r.has(TimelineRow::Compressed))
        return wire;
    // An inflated payload can go before the compressed bytes it came from (their block stays).
    return std::binary_search(kept.begin(), freedEnd, quint32(index)) ? ByteStream::Absence::Dropped
                                                                       : ByteStream::Absence::None;
}

qsizetype Timeline::pingOf(qsizetype pongRow) const
{
    const auto it = m_pingOfPong.constFind(quint32(pongRow));
    return it == m_pingOfPong.cend() ? -1 : qsizetype(*it);
}

qsizetype Timeline::pongOf(qsizetype pingRow) const
{
    const auto it = m_pongOfPing.constFind(quint32(pingRow));
    return it == m_pongOfPing.cend() ? -1 : qsizetype(*it);
}

void Timeline::pairPong(const TimelineConnection &c, quint32 pongRow)
{
    // The engine matched the pong by its payload to the latest ping it sent with that payload
    // (a pending ping is answered once); the frame of that ping is found the same way.
    constexpr qsizetype kMaxPayload = 125; // RFC 6455 §5.5: a control frame's payload
    constexpr int kMaxLookBack = 4096;
    QByteArray pongScratch;
    const QByteArrayView pong = framePayload(c, m_rows[pongRow], pongScratch, kMaxPayload);
    const std::vector<quint32> &sent = c.frameRows[dirIndex(Direction::Out)];
    int steps = 0;
    for (auto it = sent.rbegin(); it != sent.rend() && steps < kMaxLookBack; ++it, ++steps) {
        const TimelineRow &f = m_rows[*it];
        if (f.opcode != quint8(WsOpcode::Ping) || m_pongOfPing.contains(*it))
            continue;
        QByteArray pingScratch;
        if (framePayload(c, f, pingScratch, kMaxPayload) != pong)
            continue;
        m_pingOfPong.insert(pongRow, *it);
        m_pongOfPing.insert(*it, pongRow);
        return;
    }
}

QByteArray Timeline::wireBytes(qsizetype index) const
{
    const TimelineRow &r = row(index);
    const TimelineConnection *c = connection(r.connection);
    if (!c || r.rowKind() != RowKind::Frame)
        return {};
    return c->stream(r.direction()).copy(r.offset, r.wireSize);
}

std::optional<WsFrame> Timeline::frame(qsizetype index) const
{
    const TimelineRow &r = row(index);
    const TimelineConnection *c = connection(r.connection);
    if (!c || r.rowKind() != RowKind::Frame)
        return std::nullopt;
    QByteArray scratch;
    const QByteArrayView bytes = c->stream(r.direction()).bytes(r.offset, r.wireSize, scratch);
    if (bytes.isEmpty())
        return std::nullopt;
    // Decoded again exactly as the engine decoded it; the rules were checked then (and their
    // findings are violation rows), so every RSV bit is allowed here.
    WsFrameParser parser(WsFrameParserOptions{r.direction() == Direction::In ? WsRole::Client : WsRole::Server,
                                              std::numeric_limits<quint64>::max() >> 1, 7});
    parser.setStreamOffset(r.offset);
    WsParseResult result = parser.feed(bytes);
    for (WsParseEvent &event : result.events)
        if (event.type == WsParseEventType::Frame)
            return std::move(event.frame);
    return std::nullopt;
}

std::vector<WsFrame> Timeline::framesOf(qsizetype index) const
{
    std::vector<WsFrame> frames;
    const TimelineRow &r = row(index);
    if (r.rowKind() == RowKind::Frame) {
        if (auto f = frame(index))
            frames.push_back(std::move(*f));
        return frames;
    }
    const RecordBatch::MessageDetail *m = m_messages.find(index);
    const TimelineConnection *c = connection(r.connection);
    if (r.rowKind() != RowKind::Message || !m || !c)
        return frames;
    const std::vector<quint32> &rows = c->frameRows[dirIndex(r.direction())];
    auto it = std::lower_bound(rows.begin(), rows.end(), r.offset,
                               [this](quint32 row, qint64 o) { return m_rows[row].offset < o; });
    for (; it != rows.end() && m_rows[*it].offset <= m->lastFrameOffset; ++it) {
        if (wsIsControl(WsOpcode(m_rows[*it].opcode)))
            continue; // a control frame sent between two fragments
        if (auto f = frame(*it))
            frames.push_back(std::move(*f));
    }
    return frames;
}

QByteArrayView Timeline::framePayload(const TimelineConnection &c, const TimelineRow &r, QByteArray &scratch,
                                      qsizetype maxBytes) const
{
    const qint64 headerSize = r.extra;
    const qint64 length = std::max<qint64>(0, qint64(r.wireSize) - headerSize);
    const qint64 take = maxBytes < 0 ? length : std::min<qint64>(length, maxBytes);
    const ByteStream &stream = c.stream(r.direction());
    QByteArray headerScratch;
    const QByteArrayView header = stream.bytes(r.offset, headerSize, headerScratch);
    if (header.size() < 2 || take == 0)
        return {};
    const bool masked = quint8(header[1]) & 0x80;
    if (!masked)
        return stream.bytes(r.offset + headerSize, take, scratch);
    if (headerSize < 6)
        return {}; // a row whose header size cannot hold the key (a damaged session file)
    // RFC 6455 §5.3: the key is the header's last four bytes.
    WsMaskKey key;
    std::memcpy(key.data(), header.data() + headerSize - 4, 4);
    QByteArray wire;
    const QByteArrayView masked_ = stream.bytes(r.offset + headerSize, take, wire);
    if (masked_.isEmpty())
        return {};
    scratch.resize(masked_.size());
    wsApplyMaskCopy(scratch.data(), masked_.data(), masked_.size(), key);
    return QByteArrayView(scratch);
}

QByteArrayView Timeline::payload(qsizetype index, QByteArray &scratch, qsizetype maxBytes) const
{
    const TimelineRow &r = row(index);
    const TimelineConnection *c = connection(r.connection);
    // Bytes that are gone give nothing, never what happens to be there (a freed inflated
    // payload must not fall back to the compressed bytes).
    if (!c || !bytesHeld(index))
        return {};
    auto limited = [maxBytes](const QByteArray &data) {
        return QByteArrayView(data).first(maxBytes < 0 ? data.size() : std::min<qsizetype>(data.size(), maxBytes));
    };
    if (r.rowKind() == RowKind::Frame) {
        if (const QByteArray *inflated = m_inflated.find(index))
            return limited(*inflated);
        return framePayload(*c, r, scratch, maxBytes);
    }
    if (r.rowKind() != RowKind::Message)
        return {};
    const RecordBatch::MessageDetail *m = m_messages.find(index);
    if (!m)
        return {};
    if (!m->payload.isNull())
        return limited(m->payload);
    // Reassembled from the fragments' bytes (RFC 6455 §5.4), control frames skipped.
    QByteArray out;
    const std::vector<quint32> &rows = c->frameRows[dirIndex(r.direction())];
    auto it = std::lower_bound(rows.begin(), rows.end(), r.offset,
                               [this](quint32 row, qint64 o) { return m_rows[row].offset < o; });
    QByteArray piece;
    for (; it != rows.end() && m_rows[*it].offset <= m->lastFrameOffset; ++it) {
        const TimelineRow &f = m_rows[*it];
        if (wsIsControl(WsOpcode(f.opcode)))
            continue;
        const qsizetype room = maxBytes < 0 ? -1 : maxBytes - out.size();
        if (room == 0)
            break;
        const QByteArrayView part = framePayload(*c, f, piece, room);
        if (part.isEmpty() && f.wireSize > f.extra)
            return {}; // a fragment's bytes are no longer held
        out.append(part.data(), part.size());
    }
    scratch = std::move(out);
    return QByteArrayView(scratch);
}

QByteArray Timeline::payload(qsizetype index, qsizetype maxBytes) const
{
    QByteArray scratch;
    const QByteArrayView view = payload(index, scratch, maxBytes);
    return view.data() == scratch.constData() ? scratch.left(view.size()) : view.toByteArray();
}

WsClosePayload Timeline::closePayload(qsizetype index) const
{
    return wsParseClosePayload(payload(index));
}

void Timeline::setByteBudget(qint64 bytes)
{
    m_byteBudget = std::max<qint64>(0, bytes);
    enforceBudget();
}

void Timeline::enforceBudget()
{
    if (m_byteBudget <= 0)
        return;
    // The oldest payload bytes go first, whichever connection holds them: a stream's oldest
    // block, or the oldest payload inflated beside a stream (it may come from a block that
    // stays). Rows and their sizes stay. The block a stream is writing into stays too, so a
    // budget smaller than that is approached.
    while (m_bytesHeld > m_byteBudget) {
        TimelineConnection *oldest = nullptr;
        int oldestDirection = 0;
        bool oldestIsKept = false;
        qint64 oldestTime = std::numeric_limits<qint64>::max();
        const auto consider = [&](TimelineConnection *c, int d, bool kept, qint64 t) {
            if (!oldest || t < oldestTime) {
                oldest = c;
                oldestDirection = d;
                oldestIsKept = kept;
                oldestTime = t;
            }
        };
        for (const auto &c : m_connections) {
            if (!c)
                continue;
            for (int d = 0; d < 2; ++d) {
                const ByteStream &s = c->streams[d];
                if (s.blockCount() >= 2) {
                    const qsizetype chunk = s.chunkAt(s.oldestBlockOffset());
                    consider(c.get(), d, false,
                             chunk >= 0 ? s.chunks()[size_t(chunk)].tNs : std::numeric_limits<qint64>::min());
                }
                if (c->keptGone[d] < c->keptRows[d].size())
                    consider(c.get(), d, true, m_rows[c->keptRows[d][c->keptGone[d]]].tNs);
            }
        }
        if (!oldest)
            return;
        qint64 freed = 0;
        if (oldestIsKept) {
            QByteArray *payload = keptPayload(oldest->keptRows[oldestDirection][oldest->keptGone[oldestDirection]++]);
            if (payload) {
                freed = payload->size();
                *payload = QByteArray();
            }
        } else {
            freed = oldest->streams[oldestDirection].dropOldestBlock() + freeKept(*oldest, oldestDirection);
        }
        m_bytesHeld -= freed;
        m_bytesDropped += freed;
    }
}

QByteArray *Timeline::keptPayload(qsizetype index)
{
    const TimelineRow &r = m_rows[index];
    if (r.rowKind() == RowKind::Frame)
        return m_inflated.find(index);
    RecordBatch::MessageDetail *m = r.rowKind() == RowKind::Message ? m_messages.find(index) : nullptr;
    return m ? &m->payload : nullptr;
}

qint64 Timeline::freeKept(TimelineConnection &c, int d)
{
    const qint64 goneEnd = c.streams[d].goneEnd();
    qint64 freed = 0;
    std::vector<quint32> &kept = c.keptRows[d];
    for (; c.keptGone[d] < kept.size(); ++c.keptGone[d]) {
        const quint32 row = kept[c.keptGone[d]];
        if (m_rows[row].offset >= goneEnd)
            break;
        if (QByteArray *payload = keptPayload(row)) {
            freed += payload->size();
            *payload = QByteArray();
        }
    }
    return freed;
}

void Timeline::keep(TimelineConnection &c, int d, quint32 index, QByteArray &payload)
{
    c.keptRows[d].push_back(index);
    if (c.discarded) {
        // Its compressed bytes were not kept either: the row reports them released.
        ++c.keptGone[d];
        payload = QByteArray();
        return;
    }
    m_bytesHeld += payload.size();
}

void Timeline::discardConnection(quint32 id)
{
    releaseConnection(id);
    if (id == 0 || id > m_connections.size() || !m_connections[id - 1])
        return;
    TimelineConnection &c = *m_connections[id - 1];
    c.discarded = true;
    for (ByteStream &s : c.streams)
        s.discardLaterBytes();
}

void Timeline::releaseConnection(quint32 id)
{
    if (id == 0 || id > m_connections.size() || !m_connections[id - 1])
        return;
    TimelineConnection &c = *m_connections[id - 1];
    c.released = true;
    for (int d = 0; d < 2; ++d) {
        const qint64 freed = c.streams[d].release() + freeKept(c, d);
        m_bytesHeld -= freed;
        m_bytesReleased += freed;
    }
}

qint64 Timeline::memoryUsed() const
{
    qint64 used = m_rows.memoryUsed();
    for (const auto &c : m_connections) {
        if (!c)
            continue;
        used += qint64(sizeof(TimelineConnection));
        for (int d = 0; d < 2; ++d) {
            used += c->streams[d].memoryUsed();
            used += qint64(c->frameRows[d].capacity() * sizeof(quint32));
        }
    }
    return used;
}

} // namespace wirescope

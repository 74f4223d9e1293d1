#include "core/session/sequencelayout.h"

#include "core/session/httpexchangerecord.h"
#include "core/session/timeline.h"

#include <algorithm>
#include <tuple>

namespace wirescope {

namespace {

quint64 fragmentKey(quint32 connection, Direction direction)
{
    return (quint64(connection) << 1) | (direction == Direction::Out ? 1 : 0);
}

// A stamp, or the fallback when it was not measured.
qint64 stampOr(qint64 ns, qint64 fallback)
{
    return ns >= 0 ? ns : fallback;
}

} // namespace

const SequenceLanes *SequenceLayout::lanesOf(quint32 connection) const
{
    for (const SequenceLanes &l : m_lanes)
        if (l.connection == connection)
            return &l;
    return nullptr;
}

SequenceLayout SequenceLayout::build(const Timeline &timeline, const SequenceLayoutOptions &options)
{
    SequenceLayout layout;
    layout.m_options = options;
    const QList<quint32> ids = options.connections.isEmpty() ? timeline.connectionIds() : options.connections;
    double x = options.left;
    for (quint32 id : ids) {
        const TimelineConnection *c = timeline.connection(id);
        if (!c || layout.lanesOf(id))
            continue;
        layout.m_lanes.append({id, c->protocol, c->label, x, x + options.laneGap});
        x += options.laneGap + options.pairGap;
    }
    // One pass over the rows the drawn connections span (ids are dense, so a bitmap).
    std::vector<bool> drawn;
    qsizetype first = timeline.rowCount();
    qsizetype last = -1;
    for (const SequenceLanes &l : std::as_const(layout.m_lanes)) {
        const TimelineConnection *c = timeline.connection(l.connection);
        if (c->firstRow < 0)
            continue;
        if (drawn.size() <= l.connection)
            drawn.resize(l.connection + 1);
        drawn[l.connection] = true;
        first = std::min(first, c->firstRow);
        last = std::max(last, c->lastRow);
    }
    for (qsizetype row = first; row <= last; ++row) {
        const quint32 id = timeline.row(row).connection;
        if (id < drawn.size() && drawn[id])
            layout.addTimelineRow(timeline, row);
    }
    // An exchange row is written when the exchange ends, with its start time: the diagram
    // reads in time. The sort is stable, so what happened at the same nanosecond stays in
    // recording order.
    std::vector<size_t> order(layout.m_arrows.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const SequenceArrow &x = layout.m_arrows[a], &y = layout.m_arrows[b];
        return x.tNs != y.tNs ? x.tNs < y.tNs : x.row < y.row;
    });
    std::vector<SequenceArrow> sorted;
    sorted.reserve(order.size());
    for (size_t i : order)
        sorted.push_back(std::move(layout.m_arrows[i]));
    layout.m_arrows = std::move(sorted);
    layout.m_openFragments.clear();
    layout.place();
    for (int i = int(layout.m_arrows.size()) - 1; i >= 0; --i)
        layout.m_arrowOfRow.insert(layout.m_arrows[i].row, i);
    for (qsizetype violationRow : layout.m_violationRows) {
        const qsizetype target = timeline.violationTarget(violationRow);
        const int arrow = layout.arrowOfRow(target);
        if (arrow >= 0) {
            layout.m_arrows[arrow].violated = true;
            layout.m_arrowOfRow.insert(violationRow, arrow);
        }
    }
    layout.m_width = x - options.pairGap + options.left;
    return layout;
}

void SequenceLayout::addTimelineRow(const Timeline &timeline, qsizetype row)
{
    const TimelineRow &r = timeline.row(row);
    SequenceArrow a;
    a.connection = r.connection;
    a.direction = r.direction();
    a.tNs = r.tNs;
    a.row = row;
    const TimelineConnection *c = timeline.connection(r.connection);
    switch (r.rowKind()) {
    case RowKind::Frame: {
        a.opcode = r.opcode;
        a.size = r.size;
        std::vector<size_t> &open = m_openFragments[fragmentKey(r.connection, a.direction)];
        switch (WsOpcode(r.opcode)) {
        case WsOpcode::Ping:
            a.kind = SequenceArrowKind::Ping;
            break;
        case WsOpcode::Pong:
            a.kind = SequenceArrowKind::Pong;
            a.rttNs = timeline.roundTripNs(row);
            break;
        case WsOpcode::Close: {
            a.kind = SequenceArrowKind::Close;
            const WsClosePayload close = timeline.closePayload(row);
            if (close.code)
                a.closeCode = *close.code;
            a.text = close.reason;
            break;
        }
        default:
            if (r.has(TimelineRow::Fragment)) {
                a.kind = SequenceArrowKind::Fragment;
                if (WsOpcode(r.opcode) != WsOpcode::Continuation)
                    open.clear();
                a.fragment = int(open.size()) + 1;
                open.push_back(m_arrows.size());
            } else {
                a.kind = r.opcode == 0x1 || r.opcode == 0x2 ? SequenceArrowKind::Data : SequenceArrowKind::OtherFrame;
            }
            break;
        }
        // RFC 6455 §5.4: control frames may be injected in the middle of a fragmented message.
        a.interleaved = r.opcode >= 0x8 && !open.empty();
        break;
    }
    case RowKind::Message: {
        a.kind = SequenceArrowKind::Message;
        a.opcode = r.opcode;
        a.size = r.size;
        a.fragments = r.extra;
        std::vector<size_t> &open = m_openFragments[fragmentKey(r.connection, a.direction)];
        for (size_t i : open)
            m_arrows[i].fragments = int(open.size());
        if (!open.empty())
            a.fragments = int(open.size());
        open.clear();
        break;
    }
    case RowKind::Violation:
        m_violationRows.push_back(row);
        if (timeline.violationTarget(row) >= 0)
            return;
        a.kind = SequenceArrowKind::Violation;
        if (const Violation *v = timeline.violation(row))
            a.text = v->id();
        break;
    case RowKind::Event:
        switch (r.eventType()) {
        case EventType::Opening:
            a.kind = SequenceArrowKind::TcpConnect;
            a.direction = Direction::Out;
            break;
        case EventType::Handshake:
            if (c && c->handshake) {
                HttpHop hop;
                hop.timings = c->handshake->timings;
                hop.response = c->handshake->response;
                hop.connection.tls = c->handshake->tls;
                hop.request.method = QByteArrayLiteral("GET");
                addHop(hop, r.connection, row, true);
            }
            return;
        case EventType::Failure:
            a.kind = SequenceArrowKind::Failure;
            if (const Failure *f = timeline.failure(row))
                a.text = f->id();
            break;
        case EventType::Closed:
            a.kind = SequenceArrowKind::TcpEnd;
            a.direction = Direction::Out;
            if (c && c->close) {
                a.closeCode = c->close->code;
                a.text = c->close->clean ? QStringLiteral("clean") : QStringLiteral("not clean");
            }
            break;
        case EventType::Note:
            a.kind = SequenceArrowKind::Note;
            a.text = timeline.note(row);
            break;
        }
        break;
    case RowKind::Exchange: {
        const auto record = timeline.exchange(row);
        if (!record)
            return;
        for (const HttpHop &hop : record->hops)
            addHop(hop, r.connection, row, false);
        if (record->error.isNull())
            return;
        a.kind = SequenceArrowKind::Failure;
        a.tNs = stampOr(record->endNs, r.tNs);
        a.text = record->error.id();
        break;
    }
    }
    m_arrows.push_back(std::move(a));
}

void SequenceLayout::addHop(const HttpHop &hop, quint32 connection, qsizetype row, bool upgrade)
{
    const PhaseTimings &t = hop.timings;
    const qint64 sent = stampOr(t.sendStartNs, stampOr(t.startNs, 0));
    auto arrow = [&](SequenceArrowKind kind, Direction direction, qint64 tNs) -> SequenceArrow & {
        SequenceArrow a;
        a.kind = kind;
        a.connection = connection;
        a.direction = direction;
        a.tNs = tNs;
        a.row = row;
        m_arrows.push_back(std::move(a));
        return m_arrows.back();
    };
    if (hop.connection.tls.used && t.sslStartNs >= 0)
        arrow(SequenceArrowKind::TlsHandshake, Direction::Out, t.sslStartNs).text = hop.connection.tls.protocol;
    SequenceArrow &request = arrow(upgrade ? SequenceArrowKind::UpgradeRequest : SequenceArrowKind::HttpRequest,
                                   Direction::Out, sent);
    request.text = QString::fromLatin1(hop.request.method);
    if (!hop.request.target.isEmpty())
        request.text += u' ' + QString::fromLatin1(hop.request.target);
    if (hop.response.status > 0) {
        SequenceArrow &response = arrow(upgrade ? SequenceArrowKind::UpgradeResponse : SequenceArrowKind::HttpResponse,
                                        Direction::In, stampOr(t.firstByteNs, stampOr(t.lastByteNs, sent)));
        response.status = hop.response.status;
        response.text = QString::fromLatin1(hop.response.reason);
        response.size = quint32(std::min<qsizetype>(hop.response.decodedBody.size(), 0xffffffff));
    }
    // HAR 1.2's phases; blocked is time spent queued before anything crossed the wire. A
    // WebSocket handshake records when its request was written, not when that ended: its
    // wait counts from the write.
    const std::tuple<const char *, qint64, qint64> phases[] = {
        {"dns", t.dnsStartNs, t.dnsEndNs},         {"connect", t.connectStartNs, t.connectEndNs},
        {"ssl", t.sslStartNs, t.sslEndNs},         {"send", t.sendStartNs, t.sendEndNs},
        {"wait", stampOr(t.sendEndNs, t.sendStartNs), t.firstByteNs},      {"receive", t.firstByteNs, t.lastByteNs},
    };
    for (const auto &[name, start, end] : phases)
        if (start >= 0 && end >= start)
            m_phases.push_back({connection, row, name, start, end, 0, 0});
}

void SequenceLayout::place()
{
    const SequenceLayoutOptions &o = m_options;
    std::vector<size_t> placed;
    for (size_t i = 0; i < m_arrows.size(); ++i)
        if (m_arrows[i].kind != SequenceArrowKind::Message)
            placed.push_back(i);
    if (!placed.empty()) {
        m_originNs = m_arrows[placed.front()].tNs;
        const qint64 span = m_arrows[placed.back()].tNs - m_originNs;
        m_pixelsPerMs = o.pixelsPerMs > 0 ? o.pixelsPerMs
                        : span > 0       ? 2.0 * double(placed.size()) * o.step / (double(span) / 1e6)
                                         : 1.0;
    }
    double y = o.top;
    for (size_t k = 0; k < placed.size(); ++k) {
        SequenceArrow &a = m_arrows[placed[k]];
        if (k > 0) {
            double gap = o.step;
            if (!o.compressed) {
                gap = std::max(o.step, double(a.tNs - m_arrows[placed[k - 1]].tNs) / 1e6 * m_pixelsPerMs);
                if (gap > o.maxGap) {
                    gap = o.maxGap;
                    a.gapCut = true;
                }
            }
            y += gap;
        }
        a.y = a.firstY = y;
        m_placed.emplace_back(a.tNs, y);
    }
    // A fragmented message's bracket spans its frames (the last one sent just before its row).
    QHash<quint64, double> firstFragmentY;
    QHash<quint64, double> lastFrameY;
    for (SequenceArrow &a : m_arrows) {
        const quint64 key = fragmentKey(a.connection, a.direction);
        if (a.kind == SequenceArrowKind::Fragment) {
            if (a.fragment == 1)
                firstFragmentY.insert(key, a.y);
            lastFrameY.insert(key, a.y);
        } else if (a.kind == SequenceArrowKind::Message) {
            a.y = lastFrameY.value(key, y);
            a.firstY = firstFragmentY.value(key, a.y);
        }
    }
    for (SequencePhase &p : m_phases) {
        p.y0 = yAt(p.startNs);
        p.y1 = yAt(p.endNs);
    }
    m_height = y + o.top;
}

double SequenceLayout::yAt(qint64 tNs) const
{
    if (m_placed.empty())
        return m_options.top;
    auto after = std::lower_bound(m_placed.begin(), m_placed.end(), tNs,
                                  [](const std::pair<qint64, double> &p, qint64 t) { return p.first < t; });
    if (after == m_placed.begin())
        return after->second;
    if (after == m_placed.end())
        return m_placed.back().second;
    const auto before = std::prev(after);
    if (after->first == before->first)
        return before->second;
    const double f = double(tNs - before->first) / double(after->first - before->first);
    return before->second + f * (after->second - before->second);
}

} // namespace wirescope

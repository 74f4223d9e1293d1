#include "core/session/replayplan.h"

#include "core/session/timeline.h"
#include "core/wire/variables.h"

#include <algorithm>

namespace wirescope {

qsizetype ReplayWsConversation::count(Direction direction) const
{
    return std::count_if(messages.begin(), messages.end(),
                         [direction](const ReplayWsMessage &m) { return m.direction == direction; });
}

QString ReplayItem::label() const
{
    if (kind == Kind::WebSocket)
        return QStringLiteral("WS ") + ws.options.url.toString();
    if (const HttpHop *hop = exchange->hops.isEmpty() ? nullptr : &exchange->hops.first())
        return QString::fromLatin1(hop->request.method) + u' ' + hop->request.url;
    return exchange->request.method() + u' ' + exchange->request.url();
}

ReplayWsConversation ReplayPlan::conversation(const Timeline &timeline, quint32 id)
{
    ReplayWsConversation out;
    out.connection = id;
    const TimelineConnection *c = timeline.connection(id);
    if (!c)
        return out;
    out.options = c->wsOptions;
    out.handshakeStatus = c->handshake ? c->handshake->response.status : 0;
    out.close = c->close;
    if (c->firstRow < 0)
        return out;
    for (qsizetype i = c->firstRow; i <= c->lastRow; ++i) {
        const TimelineRow &row = timeline.row(i);
        if (row.connection != id)
            continue;
        if (row.rowKind() == RowKind::Event) {
            if (row.eventType() == EventType::Handshake && out.openNs < 0)
                out.openNs = row.tNs;
            else if (row.eventType() == EventType::Failure && out.failure.isNull())
                if (const Failure *f = timeline.failure(i))
                    out.failure = *f;
            continue;
        }
        if (row.rowKind() == RowKind::Frame && row.opcode == 0x8 && row.has(TimelineRow::Outgoing)
            && out.clientCloseNs < 0)
            out.clientCloseNs = row.tNs;
        const bool data = row.opcode == 0x1 || row.opcode == 0x2;
        // A one-frame message is its frame's row; the frames of a longer one are followed by
        // its Message row (docs/architecture.md, the spine).
        const bool message = row.rowKind() == RowKind::Message
            || (row.rowKind() == RowKind::Frame && data && !row.has(TimelineRow::Fragment));
        if (!message)
            continue;
        out.messages.append({row.direction(), row.opcode == 0x2, timeline.payload(i), row.tNs});
    }
    if (out.close && !out.close->failure.isNull())
        out.failure = out.close->failure; // what the engine ended it for, as a live replay sees it
    return out;
}

QList<ReplayItem> ReplayPlan::fromTimeline(const Timeline &timeline)
{
    QList<ReplayItem> items;
    for (qsizetype i = 0; i < timeline.rowCount(); ++i) {
        if (timeline.row(i).rowKind() != RowKind::Exchange)
            continue;
        if (std::shared_ptr<const HttpExchangeRecord> record = timeline.exchange(i)) {
            ReplayItem item;
            item.kind = ReplayItem::Kind::Http;
            item.startNs = record->startNs;
            item.exchange = std::move(record);
            items.append(std::move(item));
        }
    }
    for (quint32 id : timeline.connectionIds()) {
        const TimelineConnection *c = timeline.connection(id);
        if (!c || c->protocol != ConnectionProtocol::WebSocket)
            continue;
        ReplayItem item;
        item.kind = ReplayItem::Kind::WebSocket;
        item.startNs = c->openedNs;
        item.ws = conversation(timeline, id);
        items.append(std::move(item));
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const ReplayItem &a, const ReplayItem &b) { return a.startNs < b.startNs; });
    return items;
}

std::optional<QUrl> ReplayPlan::retarget(const QUrl &recorded, const QUrl &base, QString *error)
{
    if (base.isEmpty())
        return recorded;
    const QString scheme = base.scheme().toLower();
    const bool tls = scheme == u"https" || scheme == u"wss";
    if (!base.isValid() || base.host().isEmpty() || (!tls && scheme != u"http" && scheme != u"ws")) {
        if (error)
            *error = QStringLiteral("the base URL '%1' is not http://, https://, ws:// or wss://HOST[:PORT][/PATH]")
                         .arg(base.toString());
        return std::nullopt;
    }
    const QString was = recorded.scheme().toLower();
    const bool webSocket = was == u"ws" || was == u"wss";
    QUrl url = recorded;
    url.setScheme(webSocket ? (tls ? QStringLiteral("wss") : QStringLiteral("ws"))
                            : (tls ? QStringLiteral("https") : QStringLiteral("http")));
    url.setHost(base.host());
    url.setPort(base.port());
    if (!base.userInfo().isEmpty())
        url.setUserInfo(base.userInfo());
    QString prefix = base.path(QUrl::FullyEncoded);
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    if (!prefix.isEmpty()) {
        const QString path = recorded.path(QUrl::FullyEncoded);
        url.setPath(prefix + (path.startsWith(u'/') ? path : u'/' + path), QUrl::TolerantMode);
    }
    return url;
}

PreparedRequest ReplayPlan::retargetedRequest(const HttpExchangeRecord &recorded, const QUrl &url,
                                              const QList<WireHeader> &extraHeaders)
{
    HttpRequest target;
    const HttpHop *first = recorded.hops.isEmpty() ? nullptr : &recorded.hops.first();
    target.setMethod(first ? QString::fromLatin1(first->request.method) : recorded.request.method());
    if (!first) {
        // Never sent (unresolved variables, a bad URL): prepared again, it fails again the
        // same way, which is what the recording says.
        target = recorded.request;
    }
    target.setUrl(url.toString(QUrl::FullyEncoded));
    PreparedRequest prepared = prepareRequest(target, VariableScope(), {});
    if (!first)
        return prepared;
    prepared.method = first->request.method;
    prepared.headers.clear();
    for (const WireHeader &h : first->request.headers) {
        // RFC 9110 §7.2: Host names the new target; the writer puts it first.
        if (h.name.compare("Host", Qt::CaseInsensitive) == 0)
            continue;
        const bool replaced = std::any_of(extraHeaders.begin(), extraHeaders.end(), [&h](const WireHeader &e) {
            return e.name.compare(h.name, Qt::CaseInsensitive) == 0;
        });
        if (!replaced)
            prepared.headers.append(h);
    }
    prepared.headers += extraHeaders;
    prepared.body = first->request.body;
    return prepared;
}

} // namespace wirescope

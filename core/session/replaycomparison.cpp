#include "core/session/replaycomparison.h"

#include "core/session/replayignorerules.h"
#include "core/wire/jsondiff.h"

#include <QStringDecoder>

namespace wirescope {

namespace {

using Aspect = ReplayDifference::Aspect;

// The differences between two payloads at one place: JSON by path when both are JSON text,
// else the whole payload once.
void comparePayloads(Aspect aspect, qsizetype message, const QByteArray &recorded, bool recordedBinary,
                     const QByteArray &replayed, bool replayedBinary, QList<ReplayDifference> &out)
{
    if (recorded == replayed && recordedBinary == replayedBinary)
        return;
    if (!recordedBinary && !replayedBinary) {
        const std::optional<QJsonValue> a = JsonDiff::parse(recorded);
        const std::optional<QJsonValue> b = a ? JsonDiff::parse(replayed) : std::nullopt;
        if (a && b) {
            for (const JsonDifference &d : JsonDiff::compare(*a, *b)) {
                ReplayDifference r{aspect, {}, message, true, d.path, {}, {}, {}};
                if (d.recorded)
                    r.recorded = JsonDiff::text(*d.recorded);
                if (d.replayed)
                    r.replayed = JsonDiff::text(*d.replayed);
                out.append(std::move(r));
            }
            return; // the same JSON written differently is no difference (RFC 8259 §2, §4)
        }
    }
    out.append({aspect, {}, message, false, {}, ReplayComparison::payloadText(recorded, recordedBinary),
                ReplayComparison::payloadText(replayed, replayedBinary), {}});
}

// Response headers by name (RFC 9110 §5.1: case-insensitive), every value of a name in
// order, joined as a list (§5.3), in the order the names first appear.
QList<QPair<QString, QString>> headerMap(const QList<HttpHeaderField> &headers)
{
    QList<QPair<QString, QString>> out;
    for (const HttpHeaderField &h : headers) {
        const QString name = QString::fromLatin1(h.name);
        const QString value = QString::fromLatin1(h.value);
        auto it = std::find_if(out.begin(), out.end(), [&name](const QPair<QString, QString> &e) {
            return e.first.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (it == out.end())
            out.append({name, value});
        else
            it->second += QStringLiteral(", ") + value;
    }
    return out;
}

std::optional<QString> valueOf(const QList<QPair<QString, QString>> &map, const QString &name)
{
    for (const auto &[n, v] : map)
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return std::nullopt;
}

std::optional<QString> closeText(const std::shared_ptr<const WsCloseRecord> &close)
{
    if (!close)
        return std::nullopt;
    QString text = QString::number(close->code);
    if (!close->reason.isEmpty())
        text += u' ' + close->reason;
    return text;
}

} // namespace

QString ReplayComparison::outcomeText(const Failure &failure)
{
    return failure.isNull() ? QStringLiteral("completed") : failure.id() + QStringLiteral(": ") + failure.message();
}

QString ReplayComparison::payloadText(const QByteArray &bytes, bool binary)
{
    if (!binary) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder(bytes);
        if (!decoder.hasError())
            return text;
    }
    return QStringLiteral("0x") + QString::fromLatin1(bytes.toHex());
}

QList<ReplayDifference> ReplayComparison::exchanges(const HttpExchangeRecord &recorded,
                                                    const HttpExchangeRecord &replayed,
                                                    const ReplayIgnoreRules &rules)
{
    QList<ReplayDifference> out;
    const HttpHop *a = recorded.finalHop();
    const HttpHop *b = replayed.finalHop();
    const bool aAnswered = recorded.error.isNull() && a && a->complete;
    const bool bAnswered = replayed.error.isNull() && b && b->complete;
    if (recorded.error.id() != replayed.error.id() || aAnswered != bAnswered)
        out.append({Aspect::Outcome, {}, -1, false, {}, outcomeText(recorded.error), outcomeText(replayed.error), {}});
    if (aAnswered && bAnswered) {
        if (a->response.status != b->response.status)
            out.append({Aspect::Status, {}, -1, false, {}, QString::number(a->response.status),
                        QString::number(b->response.status), {}});
        const QList<QPair<QString, QString>> ah = headerMap(a->response.headers);
        const QList<QPair<QString, QString>> bh = headerMap(b->response.headers);
        for (const auto &[name, value] : ah) {
            const std::optional<QString> other = valueOf(bh, name);
            if (other != value)
                out.append({Aspect::Header, name, -1, false, {}, value, other, {}});
        }
        for (const auto &[name, value] : bh)
            if (!valueOf(ah, name))
                out.append({Aspect::Header, name, -1, false, {}, std::nullopt, value, {}});
        comparePayloads(Aspect::Body, -1, a->response.decodedBody, false, b->response.decodedBody, false, out);
    }
    rules.apply(out);
    return out;
}

QList<ReplayDifference> ReplayComparison::conversations(const ReplayWsConversation &recorded,
                                                        const ReplayWsConversation &replayed,
                                                        const ReplayIgnoreRules &rules)
{
    QList<ReplayDifference> out;
    auto status = [](int s) { return s ? std::optional<QString>(QString::number(s)) : std::nullopt; };
    if (recorded.handshakeStatus != replayed.handshakeStatus)
        out.append({Aspect::Status, {}, -1, false, {}, status(recorded.handshakeStatus),
                    status(replayed.handshakeStatus), {}});
    const bool aOpen = recorded.handshakeStatus == 101;
    const bool bOpen = replayed.handshakeStatus == 101;
    if (!aOpen || !bOpen) {
        // Never opened on one side: why is the difference, the conversation cannot be.
        const Failure none;
        const Failure &af = aOpen ? none : recorded.failure;
        const Failure &bf = bOpen ? none : replayed.failure;
        if (af.id() != bf.id())
            out.append({Aspect::Outcome, {}, -1, false, {}, outcomeText(af), outcomeText(bf), {}});
        rules.apply(out);
        return out;
    }
    for (const Direction direction : {Direction::Out, Direction::In}) {
        QList<const ReplayWsMessage *> x;
        QList<const ReplayWsMessage *> y;
        auto take = [direction](const ReplayWsConversation &c, QList<const ReplayWsMessage *> &into) {
            for (const ReplayWsMessage &m : c.messages)
                if (m.direction == direction && !c.crossedOurClose(m))
                    into.append(&m);
        };
        take(recorded, x);
        take(replayed, y);
        const Aspect aspect = direction == Direction::Out ? Aspect::Sent : Aspect::Received;
        for (qsizetype i = 0; i < std::max(x.size(), y.size()); ++i) {
            if (i < x.size() && i < y.size()) {
                comparePayloads(aspect, i, x[i]->payload, x[i]->binary, y[i]->payload, y[i]->binary, out);
                continue;
            }
            const ReplayWsMessage *m = i < x.size() ? x[i] : y[i];
            const QString text = payloadText(m->payload, m->binary);
            out.append({aspect, {}, i, false, {}, i < x.size() ? std::optional(text) : std::nullopt,
                        i < y.size() ? std::optional(text) : std::nullopt, {}});
        }
    }
    const std::optional<QString> ac = closeText(recorded.close);
    const std::optional<QString> bc = closeText(replayed.close);
    // A recording saved while the connection was open says nothing about its close.
    if (recorded.close && ac != bc)
        out.append({Aspect::Close, {}, -1, false, {}, ac, bc, {}});
    rules.apply(out);
    return out;
}

} // namespace wirescope

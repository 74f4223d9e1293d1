#include "core/session/timelinetext.h"

#include "core/session/timeline.h"

namespace wirescope {

namespace {

QString flagsText(const TimelineRow &r)
{
    QString out;
    const std::pair<TimelineRow::Flag, const char *> names[] = {
        {TimelineRow::Fragment, "fragment"},   {TimelineRow::Compressed, "compressed"},
        {TimelineRow::Crafted, "crafted"},     {TimelineRow::HasViolation, "violated"},
        {TimelineRow::Truncated, "truncated"}, {TimelineRow::Utf8Invalid, "utf8-invalid"},
    };
    for (const auto &[flag, name] : names)
        if (r.has(flag))
            out += u' ' + QLatin1String(name);
    return out;
}

QString preview(const Timeline &timeline, qsizetype row)
{
    const QByteArray bytes = timeline.payload(row, 24);
    QString text;
    for (char c : bytes)
        text += (c >= 0x20 && c < 0x7f && c != '"') ? QChar(QLatin1Char(c)) : QChar(u'.');
    return u'"' + text + u'"';
}

} // namespace

QString timelineRowText(const Timeline &timeline, qsizetype index, bool withTimes)
{
    const TimelineRow &r = timeline.row(index);
    QString line = QStringLiteral("#%1 ").arg(index);
    if (withTimes)
        line += QStringLiteral("t=%1 ").arg(r.tNs);
    line += QStringLiteral("c%1 %2 ").arg(r.connection).arg(r.direction() == Direction::In ? u"in" : u"out");
    switch (r.rowKind()) {
    case RowKind::Frame: {
        line += QStringLiteral("frame %1 off=%2 wire=%3 size=%4 hdr=%5")
                    .arg(wsOpcodeName(WsOpcode(r.opcode)))
                    .arg(r.offset)
                    .arg(r.wireSize)
                    .arg(r.size)
                    .arg(r.extra);
        line += flagsText(r);
        if (timeline.roundTripNs(index) >= 0)
            line += QStringLiteral(" rtt");
        if (WsOpcode(r.opcode) == WsOpcode::Close) {
            const WsClosePayload close = timeline.closePayload(index);
            line += close.code ? QStringLiteral(" code=%1").arg(*close.code) : QStringLiteral(" code=none");
        } else {
            line += u' ' + preview(timeline, index);
        }
        break;
    }
    case RowKind::Message:
        line += QStringLiteral("message %1 frames=%2 off=%3 wire=%4 size=%5")
                    .arg(wsOpcodeName(WsOpcode(r.opcode)))
                    .arg(r.extra)
                    .arg(r.offset)
                    .arg(r.wireSize)
                    .arg(r.size);
        line += flagsText(r) + u' ' + preview(timeline, index);
        break;
    case RowKind::Violation: {
        const Violation *v = timeline.violation(index);
        line += QStringLiteral("violation %1 off=%2 len=%3").arg(v ? v->id() : QString()).arg(r.offset).arg(r.wireSize);
        const qsizetype target = timeline.violationTarget(index);
        if (target >= 0)
            line += QStringLiteral(" -> #%1").arg(target);
        break;
    }
    case RowKind::Event: {
        const TimelineConnection *c = timeline.connection(r.connection);
        switch (r.eventType()) {
        case EventType::Opening:
            line += QStringLiteral("event opening %1").arg(c ? c->label : QString());
            break;
        case EventType::Handshake:
            line += QStringLiteral("event handshake");
            if (c && c->handshake)
                line += QStringLiteral(" %1 %2").arg(c->handshake->response.status).arg(c->handshake->verdict.ok ? u"ok" : u"failed");
            break;
        case EventType::Failure: {
            const Failure *f = timeline.failure(index);
            line += QStringLiteral("event failure %1").arg(f ? f->id() : QString());
            break;
        }
        case EventType::Closed:
            line += QStringLiteral("event closed");
            if (c && c->close)
                line += QStringLiteral(" %1 %2").arg(c->close->code).arg(c->close->clean ? u"clean" : u"not-clean");
            break;
        case EventType::Note:
            line += QStringLiteral("event note %1").arg(timeline.note(index));
            break;
        }
        break;
    }
    case RowKind::Exchange: {
        const auto record = timeline.exchange(index);
        line += QStringLiteral("exchange");
        if (record && !record->hops.isEmpty()) {
            const HttpHop &hop = record->hops.last();
            line += QStringLiteral(" %1 %2 -> %3 hops=%4")
                        .arg(QString::fromLatin1(hop.request.method), hop.request.url)
                        .arg(hop.response.status)
                        .arg(record->hops.size());
        }
        if (record && !record->error.isNull())
            line += QStringLiteral(" failed %1").arg(record->error.id());
        break;
    }
    }
    return line;
}

QString timelineText(const Timeline &timeline, qsizetype first, bool withTimes)
{
    QString out;
    for (qsizetype i = first; i < timeline.rowCount(); ++i)
        out += timelineRowText(timeline, i, withTimes) + u'\n';
    return out;
}

} // namespace wirescope

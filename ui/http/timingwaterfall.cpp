#include "ui/http/timingwaterfall.h"

#include <QCoreApplication>

#include <algorithm>

namespace wirescope {

QString WaterfallRow::harName() const
{
    switch (phase) {
    case Phase::Blocked:
        return QStringLiteral("blocked");
    case Phase::Dns:
        return QStringLiteral("dns");
    case Phase::Connect:
        return QStringLiteral("connect");
    case Phase::Ssl:
        return QStringLiteral("ssl");
    case Phase::Send:
        return QStringLiteral("send");
    case Phase::Wait:
        return QStringLiteral("wait");
    case Phase::Receive:
        return QStringLiteral("receive");
    }
    return {};
}

QString WaterfallRow::label() const
{
    switch (phase) {
    case Phase::Blocked:
        return QCoreApplication::translate("TimingWaterfall", "Queueing (blocked)");
    case Phase::Dns:
        return QCoreApplication::translate("TimingWaterfall", "DNS lookup (dns)");
    case Phase::Connect:
        return QCoreApplication::translate("TimingWaterfall", "Initial connection (connect)");
    case Phase::Ssl:
        return QCoreApplication::translate("TimingWaterfall", "TLS handshake (ssl)");
    case Phase::Send:
        return QCoreApplication::translate("TimingWaterfall", "Request sent (send)");
    case Phase::Wait:
        return QCoreApplication::translate("TimingWaterfall", "Waiting for server (wait)");
    case Phase::Receive:
        return QCoreApplication::translate("TimingWaterfall", "Content download (receive)");
    }
    return {};
}

QColor WaterfallRow::color() const
{
    // Mid-tone colours (Chrome DevTools' hues) that read on light and dark backgrounds alike.
    switch (phase) {
    case Phase::Blocked:
        return QColor(0x9e, 0x9e, 0x9e);
    case Phase::Dns:
        return QColor(0x00, 0x96, 0x88);
    case Phase::Connect:
        return QColor(0xf5, 0x8f, 0x00);
    case Phase::Ssl:
        return QColor(0x9c, 0x27, 0xb0);
    case Phase::Send:
        return QColor(0x43, 0xa0, 0x47);
    case Phase::Wait:
        return QColor(0x1e, 0x88, 0xe5);
    case Phase::Receive:
        return QColor(0xe5, 0x39, 0x35);
    }
    return {};
}

qint64 TimingWaterfall::spanNs(const PhaseTimings &t, qint64 endNs)
{
    if (t.complete())
        return t.totalNs();
    return t.startNs >= 0 && endNs >= t.startNs ? endNs - t.startNs : 0;
}

QList<WaterfallRow> TimingWaterfall::rows(const PhaseTimings &t, qint64 endNs)
{
    QList<WaterfallRow> out;
    using P = WaterfallRow::Phase;
    if (!t.complete()) {
        if (t.startNs < 0 || endNs < t.startNs)
            return out;
        // Each phase runs from its start stamp to its end stamp; the one without an end is
        // where the exchange stood when it ended.
        auto add = [&](P phase, qint64 from, qint64 to, bool nested = false) {
            if (from < 0)
                return;
            const bool open = to < 0;
            out.append({phase, from - t.startNs, (open ? endNs : to) - from, nested, open});
        };
        const qint64 firstStep = t.dnsStartNs >= 0 ? t.dnsStartNs : t.connectStartNs >= 0 ? t.connectStartNs : t.sendStartNs;
        add(P::Blocked, t.startNs, firstStep);
        add(P::Dns, t.dnsStartNs, t.dnsEndNs);
        // As in HAR, connect lasts until the request can be written, TLS included.
        const qint64 connectEnd = t.sendStartNs >= 0 ? t.sendStartNs : t.sslStartNs >= 0 ? t.sslEndNs : t.connectEndNs;
        add(P::Connect, t.connectStartNs, connectEnd);
        add(P::Ssl, t.sslStartNs, t.sslEndNs, true);
        add(P::Send, t.sendStartNs, t.sendEndNs);
        add(P::Wait, t.sendEndNs, t.firstByteNs);
        add(P::Receive, t.firstByteNs, t.lastByteNs);
        return out;
    }
    qint64 cursor = 0;
    // Phases follow each other; each starts where its own stamp says, so gaps stay honest.
    auto add = [&](P phase, qint64 startStamp, qint64 durationNs, bool nested = false) {
        if (durationNs < 0)
            return;
        const qint64 start = startStamp >= 0 ? startStamp - t.startNs : cursor;
        out.append({phase, start, durationNs, nested});
        if (!nested)
            cursor = start + durationNs;
    };
    add(P::Blocked, t.startNs, t.blockedNs());
    add(P::Dns, t.dnsStartNs, t.dnsNs());
    // PhaseTimings: connect runs from the end of DNS (or the connect stamp) to the send start.
    add(P::Connect, t.dnsEndNs >= 0 ? t.dnsEndNs : t.connectStartNs, t.connectNs());
    add(P::Ssl, t.sslStartNs, t.sslNs(), true);
    add(P::Send, t.sendStartNs, t.sendNs());
    add(P::Wait, t.sendEndNs, t.waitNs());
    add(P::Receive, t.firstByteNs, t.receiveNs());
    return out;
}

QList<WaterfallHop> TimingWaterfall::hops(const HttpExchangeRecord &record)
{
    QList<WaterfallHop> out;
    const qint64 origin = record.startNs >= 0 ? record.startNs
                          : record.hops.isEmpty()  ? -1
                                                   : record.hops.first().timings.startNs;
    if (origin < 0)
        return out;
    for (qsizetype i = 0; i < record.hops.size(); ++i) {
        const HttpHop &hop = record.hops.at(i);
        const qint64 endNs = hop.timings.complete() ? -1 : record.endNs;
        const QList<WaterfallRow> rows = TimingWaterfall::rows(hop.timings, endNs);
        if (rows.isEmpty())
            continue;
        WaterfallHop h;
        h.index = int(i);
        h.status = hop.response.status;
        h.url = hop.request.url;
        h.startNs = hop.timings.startNs - origin;
        h.durationNs = spanNs(hop.timings, endNs);
        h.reused = hop.connection.reused;
        for (WaterfallRow row : rows) {
            row.startNs += h.startNs;
            h.rows.append(row);
        }
        out.append(h);
    }
    return out;
}

WaterfallSummary TimingWaterfall::summary(const HttpExchangeRecord &record, const QList<WaterfallHop> &hops)
{
    WaterfallSummary s;
    for (const WaterfallHop &hop : hops)
        s.hopsNs += hop.durationNs;
    s.totalNs = record.startNs >= 0 && record.endNs >= record.startNs
                    ? record.endNs - record.startNs
                    : hops.isEmpty() ? 0 : hops.last().startNs + hops.last().durationNs;
    s.otherNs = std::max<qint64>(0, s.totalNs - s.hopsNs);
    return s;
}

QRectF TimingWaterfall::barRect(const WaterfallRow &row, qint64 totalNs, const QRectF &area, qreal minWidth)
{
    if (totalNs <= 0 || area.width() <= 0)
        return {area.left(), area.top(), std::min(minWidth, area.width()), area.height()};
    const qreal scale = area.width() / qreal(totalNs);
    qreal x = area.left() + qreal(std::clamp<qint64>(row.startNs, 0, totalNs)) * scale;
    qreal w = std::max(minWidth, qreal(row.durationNs) * scale);
    if (x + w > area.right()) // a minimum-width bar at the very end stays inside the area
        x = std::max(area.left(), area.right() - w);
    return {x, area.top(), std::min(w, area.width()), area.height()};
}

} // namespace wirescope

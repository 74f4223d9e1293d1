#include "core/session/httpexchangetext.h"

namespace wirescope {

namespace {

QString msText(double v)
{
    return v < 0 ? QStringLiteral("-") : QString::number(v, 'f', 3) + QStringLiteral(" ms");
}

} // namespace

QString phaseTimingsText(const PhaseTimings &t)
{
    return QStringLiteral("* timings: blocked %1 | dns %2 | connect %3 (ssl %4) | send %5 | wait %6 | receive %7 | total %8\n")
        .arg(msText(t.blocked()), msText(t.dns()), msText(t.connect()), msText(t.ssl()), msText(t.send()),
             msText(t.wait()), msText(t.receive()), msText(t.total()));
}

QString phaseStatisticsText(qsizetype exchanges, const QList<PhaseDurations> &completed)
{
    QString out = QStringLiteral("* repeat: %1 exchanges, %2 completed\n").arg(exchanges).arg(completed.size());
    out += QStringLiteral("*   %1 %2 %3 %4 (ms)\n").arg(QStringLiteral("phase"), -9).arg(QStringLiteral("min"), 10)
               .arg(QStringLiteral("median"), 10).arg(QStringLiteral("p99"), 10);
    for (const HarPhase &phase : kHarPhases) {
        QList<qint64> values;
        for (const PhaseDurations &d : completed)
            values.append(d.*phase.duration);
        const PhaseStatistics s = phaseStatistics(values);
        if (s.count == 0) {
            out += QStringLiteral("*   %1 %2\n").arg(QLatin1String(phase.name), -9).arg(QStringLiteral("-"), 10);
            continue;
        }
        out += QStringLiteral("*   %1 %2 %3 %4\n").arg(QLatin1String(phase.name), -9)
                   .arg(PhaseTimings::toMs(s.min), 10, 'f', 3)
                   .arg(PhaseTimings::toMs(s.median), 10, 'f', 3)
                   .arg(PhaseTimings::toMs(s.p99), 10, 'f', 3);
    }
    return out;
}

QString httpExchangeHeadText(const HttpExchangeRecord &record)
{
    QString out;
    for (const HttpHop &hop : record.hops) {
        const ConnectionInfo &c = hop.connection;
        if (c.reused) {
            out += QStringLiteral("* Re-using connection #%1 to %2 port %3\n").arg(c.id).arg(c.remoteAddress).arg(c.remotePort);
        } else if (!c.remoteAddress.isEmpty()) {
            out += QStringLiteral("* Connected to %1 (%2) port %3 (#%4)%5\n")
                       .arg(hop.request.host, c.remoteAddress)
                       .arg(c.remotePort)
                       .arg(c.id)
                       .arg(c.proxy.isEmpty() ? QString() : QStringLiteral(" via proxy ") + c.proxy);
        }
        if (c.tls.used && !c.reused) {
            out += QStringLiteral("* TLS: %1 / %2 / ALPN %3\n")
                       .arg(c.tls.protocol, c.tls.cipher,
                            c.tls.alpn.isEmpty() ? QStringLiteral("none") : QString::fromLatin1(c.tls.alpn));
            for (qsizetype i = 0; i < c.tls.chain.size(); ++i) {
                const TlsCertificateInfo &cert = c.tls.chain.at(i);
                out += QStringLiteral("*  certificate %1: subject %2; issuer %3; valid %4 to %5\n")
                           .arg(i)
                           .arg(cert.subject, cert.issuer, cert.notBefore.toString(Qt::ISODate),
                                cert.notAfter.toString(Qt::ISODate));
            }
        }
        for (const TlsErrorInfo &e : c.tls.errors)
            out += QStringLiteral("* TLS error%1: %2\n").arg(c.tls.errorsIgnored ? QStringLiteral(" (ignored)") : QString(), e.message);
        if (hop.timings.sendStartNs < 0) {
            out += QStringLiteral("* request not sent (%1 bytes prepared)\n").arg(hop.requestBytes.size());
            out += phaseTimingsText(hop.timings);
            continue;
        }
        // The request head exactly as written, line by line.
        const qsizetype headEnd = hop.requestBytes.indexOf("\r\n\r\n");
        const QByteArray head = headEnd < 0 ? hop.requestBytes : hop.requestBytes.left(headEnd);
        for (const QByteArray &line : head.split('\n'))
            out += QStringLiteral("> ") + QString::fromUtf8(line.endsWith('\r') ? line.chopped(1) : line) + u'\n';
        out += QStringLiteral(">\n");
        if (!hop.request.body.isEmpty())
            out += QStringLiteral("* upload: %1 bytes\n").arg(hop.request.body.size());
        const HttpResponse &r = hop.response;
        for (const HttpInterimResponse &i : r.interim) {
            out += QStringLiteral("< %1 %2 %3\n").arg(QString::fromLatin1(i.version)).arg(i.status).arg(QString::fromUtf8(i.reason));
            for (const HttpHeaderField &h : i.headers)
                out += QStringLiteral("< ") + QString::fromLatin1(h.name) + QStringLiteral(": ") + QString::fromUtf8(h.value) + u'\n';
            out += QStringLiteral("<\n");
        }
        if (r.status != 0) {
            out += QStringLiteral("< %1 %2 %3\n").arg(QString::fromLatin1(r.version)).arg(r.status).arg(QString::fromUtf8(r.reason));
            for (const HttpHeaderField &h : r.headers)
                out += QStringLiteral("< ") + QString::fromLatin1(h.name) + QStringLiteral(": ") + QString::fromUtf8(h.value) + u'\n';
            out += QStringLiteral("<\n");
            for (const HttpHeaderField &h : r.trailers)
                out += QStringLiteral("< [trailer] ") + QString::fromLatin1(h.name) + QStringLiteral(": ") + QString::fromUtf8(h.value) + u'\n';
            out += QStringLiteral("* body: %1 bytes on the wire, %2 bytes decoded%3\n")
                       .arg(r.encodedSize())
                       .arg(r.decodedSize())
                       .arg(r.contentCodings.isEmpty() ? QString()
                                                       : QStringLiteral(" (") + QString::fromLatin1(r.contentCodings.join(", ")) + u')');
        }
        for (const Violation &v : r.violations)
            out += QStringLiteral("* violation %1: %2\n").arg(v.id(), violationMessage(v));
        out += phaseTimingsText(hop.timings);
    }
    if (!record.error.isNull())
        out += QStringLiteral("* error %1: %2\n").arg(record.error.id(), record.error.message());
    return out;
}

} // namespace wirescope

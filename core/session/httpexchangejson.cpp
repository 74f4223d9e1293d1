#include "core/session/httpexchangejson.h"

#include <QJsonArray>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>

namespace wirescope {

namespace {

QJsonValue ms(double v)
{
    return QJsonValue(v);
}

QJsonArray headerPairs(const QList<WireHeader> &headers)
{
    QJsonArray out;
    for (const WireHeader &h : headers)
        out.append(QJsonArray{QString::fromLatin1(h.name), QString::fromUtf8(h.value)});
    return out;
}

QJsonArray headerPairs(const QList<HttpHeaderField> &headers)
{
    QJsonArray out;
    for (const HttpHeaderField &h : headers)
        out.append(QJsonArray{QString::fromLatin1(h.name), QString::fromUtf8(h.value)});
    return out;
}

QJsonObject errorJson(const Failure &error)
{
    return QJsonObject{{QStringLiteral("id"), error.id()}, {QStringLiteral("message"), error.message()}};
}

QJsonArray violationsJson(const QList<Violation> &violations)
{
    QJsonArray out;
    for (const Violation &v : violations) {
        out.append(QJsonObject{
            {QStringLiteral("id"), v.id()},
            {QStringLiteral("severity"), v.kind ? violationSeverityName(v.kind->severity) : QString()},
            {QStringLiteral("rfc"), v.rfc()},
            {QStringLiteral("offset"), double(v.offset)},
            {QStringLiteral("message"), violationMessage(v)},
        });
    }
    return out;
}

QString framingName(BodyFraming framing)
{
    switch (framing) {
    case BodyFraming::None: return QStringLiteral("none");
    case BodyFraming::ContentLength: return QStringLiteral("content-length");
    case BodyFraming::Chunked: return QStringLiteral("chunked");
    case BodyFraming::CloseDelimited: return QStringLiteral("close-delimited");
    }
    return {};
}

QJsonValue responseJson(const HttpHop &hop, const HttpJsonOptions &options)
{
    const HttpResponse &r = hop.response;
    if (r.status == 0)
        return QJsonValue::Null;
    QJsonObject o{
        {QStringLiteral("status"), r.status},
        {QStringLiteral("reason"), QString::fromUtf8(r.reason)},
        {QStringLiteral("http_version"), QString::fromLatin1(r.version)},
        {QStringLiteral("headers"), headerPairs(r.headers)},
        {QStringLiteral("body_size"), double(r.decodedSize())},
        {QStringLiteral("encoded_size"), double(r.encodedSize())},
        {QStringLiteral("head_size"), double(r.headBytes)},
        {QStringLiteral("wire_size"), double(hop.responseBytes.size())},
        {QStringLiteral("framing"), framingName(r.framing)},
        {QStringLiteral("content_encoding"), QString::fromLatin1(r.contentCodings.join(", "))},
        {QStringLiteral("decoded_truncated"), r.decodedTruncated},
        {QStringLiteral("complete"), hop.complete},
    };
    QJsonArray interim;
    for (const HttpInterimResponse &i : r.interim) {
        interim.append(QJsonObject{{QStringLiteral("status"), i.status},
                                   {QStringLiteral("reason"), QString::fromUtf8(i.reason)},
                                   {QStringLiteral("headers"), headerPairs(i.headers)}});
    }
    o.insert(QStringLiteral("interim"), interim);
    o.insert(QStringLiteral("trailers"), headerPairs(r.trailers));
    o.insert(QStringLiteral("violations"), violationsJson(r.violations));
    if (options.includeBody) {
        const QByteArray body = r.decodedBody.left(qsizetype(options.maxBodyBytes));
        o.insert(QStringLiteral("body_truncated"), body.size() < r.decodedBody.size());
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = utf8.decode(body);
        if (!utf8.hasError() && !body.contains('\0'))
            o.insert(QStringLiteral("body_text"), text);
        else
            o.insert(QStringLiteral("body_base64"), QString::fromLatin1(body.toBase64()));
    }
    return o;
}

QJsonObject requestJson(const HttpHop &hop)
{
    return QJsonObject{
        {QStringLiteral("method"), QString::fromLatin1(hop.request.method)},
        {QStringLiteral("url"), hop.request.url},
        {QStringLiteral("headers"), headerPairs(hop.request.headers)},
        {QStringLiteral("body_size"), double(hop.request.body.size())},
        {QStringLiteral("wire_size"), double(hop.requestBytes.size())},
    };
}

QJsonObject connectionJson(const ConnectionInfo &c)
{
    return QJsonObject{
        {QStringLiteral("id"), double(c.id)},
        {QStringLiteral("reused"), c.reused},
        {QStringLiteral("remote_address"), c.remoteAddress},
        {QStringLiteral("remote_port"), c.remotePort},
        {QStringLiteral("local_address"), c.localAddress},
        {QStringLiteral("local_port"), c.localPort},
        {QStringLiteral("proxy"), c.proxy.isEmpty() ? QJsonValue() : QJsonValue(c.proxy)},
        {QStringLiteral("tls"), c.tls.used || !c.tls.errors.isEmpty() ? QJsonValue(tlsInfoToJson(c.tls)) : QJsonValue()},
    };
}

} // namespace

QJsonObject phaseTimingsToJson(const PhaseTimings &t)
{
    return QJsonObject{
        {QStringLiteral("blocked"), ms(t.blocked())}, {QStringLiteral("dns"), ms(t.dns())},
        {QStringLiteral("connect"), ms(t.connect())}, {QStringLiteral("ssl"), ms(t.ssl())},
        {QStringLiteral("send"), ms(t.send())},       {QStringLiteral("wait"), ms(t.wait())},
        {QStringLiteral("receive"), ms(t.receive())}, {QStringLiteral("total"), ms(t.total())},
    };
}

QJsonObject tlsInfoToJson(const TlsInfo &tls)
{
    QJsonArray chain;
    for (const TlsCertificateInfo &c : tls.chain) {
        QJsonArray sans;
        for (const QString &s : c.subjectAltNames)
            sans.append(s);
        chain.append(QJsonObject{
            {QStringLiteral("subject"), c.subject},
            {QStringLiteral("issuer"), c.issuer},
            {QStringLiteral("not_before"), c.notBefore.toString(Qt::ISODate)},
            {QStringLiteral("not_after"), c.notAfter.toString(Qt::ISODate)},
            {QStringLiteral("sha256"), QString::fromLatin1(c.sha256)},
            {QStringLiteral("subject_alt_names"), sans},
        });
    }
    QJsonArray errors;
    for (const TlsErrorInfo &e : tls.errors) {
        errors.append(QJsonObject{{QStringLiteral("id"), e.id},
                                  {QStringLiteral("message"), e.message},
                                  {QStringLiteral("certificate"), e.certificateIndex}});
    }
    return QJsonObject{
        {QStringLiteral("protocol"), tls.protocol},
        {QStringLiteral("cipher"), tls.cipher},
        {QStringLiteral("alpn"), tls.alpn.isEmpty() ? QJsonValue() : QJsonValue(QString::fromLatin1(tls.alpn))},
        {QStringLiteral("chain"), chain},
        {QStringLiteral("errors"), errors},
        {QStringLiteral("errors_ignored"), tls.errorsIgnored},
    };
}

QJsonObject httpExchangeToJson(const HttpExchangeRecord &record, const HttpJsonOptions &options)
{
    QJsonObject o;
    const HttpHop *last = record.finalHop();
    if (last) {
        o.insert(QStringLiteral("request"), requestJson(*last));
        o.insert(QStringLiteral("response"), responseJson(*last, options));
        o.insert(QStringLiteral("timings"), phaseTimingsToJson(last->timings));
        o.insert(QStringLiteral("connection"), connectionJson(last->connection));
    } else {
        // Nothing was sent (e.g. unresolved variables): the request as composed.
        o.insert(QStringLiteral("request"), QJsonObject{
            {QStringLiteral("method"), record.request.method()},
            {QStringLiteral("url"), record.request.url()},
            {QStringLiteral("headers"), QJsonArray()},
            {QStringLiteral("body_size"), 0},
            {QStringLiteral("wire_size"), 0},
        });
        o.insert(QStringLiteral("response"), QJsonValue::Null);
        o.insert(QStringLiteral("timings"), phaseTimingsToJson(PhaseTimings()));
        o.insert(QStringLiteral("connection"), QJsonValue::Null);
    }
    QJsonArray redirects;
    for (qsizetype i = 0; i + 1 < record.hops.size(); ++i) {
        const HttpHop &hop = record.hops.at(i);
        redirects.append(QJsonObject{
            {QStringLiteral("method"), QString::fromLatin1(hop.request.method)},
            {QStringLiteral("url"), hop.request.url},
            {QStringLiteral("status"), hop.response.status},
            {QStringLiteral("location"), QString::fromUtf8(hop.response.headerValue("Location"))},
            {QStringLiteral("timings"), phaseTimingsToJson(hop.timings)},
            {QStringLiteral("connection"), connectionJson(hop.connection)},
        });
    }
    o.insert(QStringLiteral("redirects"), redirects);
    o.insert(QStringLiteral("error"), record.error.isNull() ? QJsonValue() : QJsonValue(errorJson(record.error)));
    return o;
}

PhaseStatistics phaseStatistics(QList<double> values)
{
    values.removeIf([](double v) { return v < 0; });
    PhaseStatistics s;
    s.count = int(values.size());
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    auto rank = [&](double p) {
        // Nearest-rank: the smallest value with at least p of the values at or below it.
        const qsizetype n = values.size();
        qsizetype k = qsizetype(std::ceil(p * double(n)));
        return values.at(qBound<qsizetype>(1, k, n) - 1);
    };
    s.min = values.first();
    s.median = rank(0.5);
    s.p99 = rank(0.99);
    return s;
}

QJsonObject phaseStatisticsToJson(const QList<PhaseTimings> &timings)
{
    using Getter = double (PhaseTimings::*)() const;
    const std::pair<const char *, Getter> phases[] = {
        {"blocked", &PhaseTimings::blocked}, {"dns", &PhaseTimings::dns},   {"connect", &PhaseTimings::connect},
        {"ssl", &PhaseTimings::ssl},         {"send", &PhaseTimings::send}, {"wait", &PhaseTimings::wait},
        {"receive", &PhaseTimings::receive}, {"total", &PhaseTimings::total},
    };
    QJsonObject out;
    for (const auto &[name, get] : phases) {
        QList<double> values;
        for (const PhaseTimings &t : timings)
            values.append((t.*get)());
        const PhaseStatistics s = phaseStatistics(values);
        out.insert(QLatin1String(name), s.count == 0 ? QJsonValue()
                                                     : QJsonValue(QJsonObject{{QStringLiteral("min"), s.min},
                                                                              {QStringLiteral("median"), s.median},
                                                                              {QStringLiteral("p99"), s.p99},
                                                                              {QStringLiteral("count"), s.count}}));
    }
    return out;
}

} // namespace wirescope

#include "core/session/httpexchangejson.h"

#include "core/session/recordjson.h"

#include <QJsonArray>
#include <QStringDecoder>

namespace wirescope {

namespace {

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
        {QStringLiteral("headers"), headersToJson(r.headers)},
        {QStringLiteral("body_size"), r.decodedSize()},
        {QStringLiteral("encoded_size"), r.encodedSize()},
        {QStringLiteral("head_size"), r.headBytes},
        {QStringLiteral("wire_size"), qint64(hop.responseBytes.size())},
        {QStringLiteral("framing"), framingName(r.framing)},
        {QStringLiteral("content_encoding"), QString::fromLatin1(r.contentCodings.join(", "))},
        {QStringLiteral("decoded_truncated"), r.decodedTruncated},
        {QStringLiteral("complete"), hop.complete},
    };
    QJsonArray interim;
    for (const HttpInterimResponse &i : r.interim) {
        interim.append(QJsonObject{{QStringLiteral("status"), i.status},
                                   {QStringLiteral("reason"), QString::fromUtf8(i.reason)},
                                   {QStringLiteral("headers"), headersToJson(i.headers)}});
    }
    o.insert(QStringLiteral("interim"), interim);
    o.insert(QStringLiteral("trailers"), headersToJson(r.trailers));
    o.insert(QStringLiteral("violations"), violationsToJson(r.violations));
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
        {QStringLiteral("headers"), headersToJson(hop.request.headers)},
        {QStringLiteral("body_size"), qint64(hop.request.body.size())},
        {QStringLiteral("wire_size"), qint64(hop.requestBytes.size())},
    };
}

QJsonObject connectionJson(const ConnectionInfo &c)
{
    return QJsonObject{
        {QStringLiteral("id"), qint64(c.id)},
        {QStringLiteral("reused"), c.reused},
        {QStringLiteral("remote_address"), c.remoteAddress},
        {QStringLiteral("remote_port"), c.remotePort},
        {QStringLiteral("local_address"), c.localAddress},
        {QStringLiteral("local_port"), c.localPort},
        {QStringLiteral("proxy"), c.proxy.isEmpty() ? QJsonValue() : QJsonValue(c.proxy)},
        {QStringLiteral("tls"), tlsToJson(c.tls)},
    };
}

} // namespace

QJsonObject httpExchangeToJson(const HttpExchangeRecord &record, const SessionClock &clock, const HttpJsonOptions &options)
{
    QJsonObject o{
        {QStringLiteral("format_version"), kJsonFormatVersion},
        {QStringLiteral("started_at"), startedAtJson(clock)},
        {QStringLiteral("start_ns"), record.startNs},
        {QStringLiteral("end_ns"), record.endNs},
    };
    const HttpHop *last = record.finalHop();
    if (last) {
        o.insert(QStringLiteral("request"), requestJson(*last));
        o.insert(QStringLiteral("response"), responseJson(*last, options));
        o.insert(QStringLiteral("timings"), phaseTimingsToJson(last->timings.durations()));
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
        o.insert(QStringLiteral("timings"), phaseTimingsToJson(PhaseDurations()));
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
            {QStringLiteral("start_ns"), hop.timings.startNs},
            {QStringLiteral("end_ns"), hop.timings.lastByteNs},
            {QStringLiteral("timings"), phaseTimingsToJson(hop.timings.durations())},
            {QStringLiteral("connection"), connectionJson(hop.connection)},
        });
    }
    o.insert(QStringLiteral("redirects"), redirects);
    o.insert(QStringLiteral("error"), failureToJson(record.error));
    return o;
}

QJsonObject phaseStatisticsToJson(const QList<PhaseDurations> &durations)
{
    QJsonObject out;
    for (const HarPhase &phase : kHarPhases) {
        QList<qint64> values;
        for (const PhaseDurations &d : durations)
            values.append(d.*phase.duration);
        const PhaseStatistics s = phaseStatistics(values);
        out.insert(QLatin1String(phase.name), s.count == 0 ? QJsonValue()
                                                           : QJsonValue(QJsonObject{{QStringLiteral("min"), s.min},
                                                                                    {QStringLiteral("median"), s.median},
                                                                                    {QStringLiteral("p99"), s.p99},
                                                                                    {QStringLiteral("count"), s.count}}));
    }
    return out;
}

} // namespace wirescope

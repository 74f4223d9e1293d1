#include "core/session/recordjson.h"

#include "core/session/sessionclock.h"

#include <algorithm>

namespace wirescope {

namespace {

bool printableAscii(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
}

QString hex(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toHex());
}

template<typename List, typename Name, typename Value>
QJsonArray headerList(const List &headers, Name name, Value value)
{
    QJsonArray out;
    for (const auto &h : headers)
        out.append(headerToJson(name(h), value(h)));
    return out;
}

} // namespace

QString startedAtJson(const SessionClock &clock)
{
    return clock.wallTimeAt(0).toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject violationToJson(const Violation &v)
{
    return QJsonObject{
        {QStringLiteral("id"), v.id()},
        {QStringLiteral("rfc"), v.rfc()},
        {QStringLiteral("severity"), v.kind ? violationSeverityName(v.kind->severity) : QString()},
        {QStringLiteral("group"), v.kind ? violationGroupName(v.kind->group) : QString()},
        {QStringLiteral("offset"), v.offset},
        {QStringLiteral("length"), v.length},
        {QStringLiteral("detail"), v.detail},
        {QStringLiteral("message"), violationMessage(v)},
    };
}

QJsonArray violationsToJson(const QList<Violation> &violations)
{
    QJsonArray out;
    for (const Violation &v : violations)
        out.append(violationToJson(v));
    return out;
}

QJsonValue failureToJson(const Failure &failure)
{
    if (failure.isNull())
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("id"), failure.id()},
        {QStringLiteral("class"), failureClassName(failure.failureClass())},
        {QStringLiteral("message"), failure.message()},
    };
}

QJsonValue tlsToJson(const TlsInfo &tls)
{
    if (!tls.used && tls.errors.isEmpty())
        return QJsonValue::Null;
    QJsonArray chain;
    for (const TlsCertificateInfo &c : tls.chain) {
        chain.append(QJsonObject{
            {QStringLiteral("subject"), c.subject},
            {QStringLiteral("issuer"), c.issuer},
            {QStringLiteral("not_before"), c.notBefore.toString(Qt::ISODate)},
            {QStringLiteral("not_after"), c.notAfter.toString(Qt::ISODate)},
            {QStringLiteral("sha256"), QString::fromLatin1(c.sha256)},
            {QStringLiteral("subject_alt_names"), QJsonArray::fromStringList(c.subjectAltNames)},
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

QJsonObject headerToJson(QByteArrayView name, QByteArrayView value)
{
    // RFC 9110 §5.5: field values may carry obs-text (0x80-0xFF), which is not UTF-8 in
    // general; the text is decoded as UTF-8 for reading and the hex keeps the bytes.
    QJsonObject o{{QStringLiteral("name"), QString::fromUtf8(name)}, {QStringLiteral("value"), QString::fromUtf8(value)}};
    if (!printableAscii(name) || !printableAscii(value)) {
        o.insert(QStringLiteral("name_hex"), hex(name));
        o.insert(QStringLiteral("value_hex"), hex(value));
    }
    return o;
}

QJsonArray headersToJson(const QList<HttpHeaderField> &headers)
{
    return headerList(headers, [](const HttpHeaderField &h) { return h.name; }, [](const HttpHeaderField &h) { return h.value; });
}

QJsonArray headersToJson(const QList<WireHeader> &headers)
{
    return headerList(headers, [](const WireHeader &h) { return h.name; }, [](const WireHeader &h) { return h.value; });
}

QJsonArray headersToJson(const QList<WsHeader> &headers)
{
    return headerList(headers, [](const WsHeader &h) { return h.first; }, [](const WsHeader &h) { return h.second; });
}

QJsonObject phaseTimingsToJson(const PhaseDurations &durations)
{
    QJsonObject o;
    for (const HarPhase &phase : kHarPhases)
        o.insert(QLatin1String(phase.name), durations.*phase.duration);
    return o;
}

} // namespace wirescope

#include "core/demo/demolabconfig.h"

#include "core/demo/demolimits.h"

#include <QRandomGenerator>

#include <cmath>

namespace wirescope {

namespace {

// Microseconds since the Unix epoch have 16 digits from 2001 to 2286.
constexpr int kTimeDigits = 16;
constexpr int kTextMinimum = 32;
constexpr int kJsonMinimum = 40;

int digits(qint64 value)
{
    int count = 1;
    while (value >= 10) {
        value /= 10;
        ++count;
    }
    return count;
}

std::optional<DemoLabConfig> refuse(DemoLabProblem *problem, const char *parameter, const QString &message)
{
    if (problem)
        *problem = DemoLabProblem {QString::fromLatin1(parameter), message};
    return std::nullopt;
}

} // namespace

bool DemoLabConfig::isRunId(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (char c : id) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
            || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

QByteArray DemoLabConfig::runFromQuery(const QUrlQuery &query, DemoLabProblem *problem)
{
    const QByteArray run = query.queryItemValue(QStringLiteral("run"), QUrl::FullyDecoded).toUtf8();
    if (isRunId(run))
        return run;
    if (problem) {
        *problem = DemoLabProblem {QStringLiteral("run"),
            query.hasQueryItem(QStringLiteral("run"))
                ? QStringLiteral("run must be 1 to 64 characters of A-Z a-z 0-9 _ -")
                : QStringLiteral("run is missing: every /lab/ request names its run (run=ID)")};
    }
    return {};
}

std::optional<DemoLabConfig> DemoLabConfig::fromQuery(const QUrlQuery &query, DemoLabProblem *problem)
{
    DemoLabConfig config;
    config.run = runFromQuery(query, problem);
    if (config.run.isEmpty())
        return std::nullopt;
    const auto value = [&query](const char *name) {
        return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
    };
    const auto has = [&query](const char *name) { return query.hasQueryItem(QString::fromLatin1(name)); };

    if (has("workload")) {
        const QString workload = value("workload");
        if (workload == u"push")
            config.workload = Workload::Push;
        else if (workload == u"echo")
            config.workload = Workload::Echo;
        else if (workload == u"chat")
            config.workload = Workload::Chat;
        else
            return refuse(problem, "workload", QStringLiteral("workload must be push, echo or chat"));
    }
    if (has("payload")) {
        const QString payload = value("payload");
        if (payload == u"text")
            config.payload = Payload::Text;
        else if (payload == u"json")
            config.payload = Payload::Json;
        else if (payload == u"random")
            config.payload = Payload::Random;
        else
            return refuse(problem, "payload", QStringLiteral("payload must be text, json or random"));
    }
    if (has("rate")) {
        bool ok = false;
        config.rate = value("rate").toDouble(&ok);
        if (!ok || !std::isfinite(config.rate) || config.rate < DemoLimits::minLabRate
            || config.rate > DemoLimits::maxLabRate)
            return refuse(
                problem, "rate", QStringLiteral("rate must be from 0.1 to 10000 messages per second"));
    }
    if (has("duration_ms")) {
        bool ok = false;
        config.durationMs = value("duration_ms").toInt(&ok);
        if (!ok || config.durationMs < 1 || config.durationMs > DemoLimits::maxLabDurationMs)
            return refuse(problem, "duration_ms", QStringLiteral("duration_ms must be from 1 to 600000"));
    }
    if (has("size")) {
        bool ok = false;
        config.size = value("size").toInt(&ok);
        if (!ok)
            config.size = -1;
    }
    const int minimum = minimumSize(config.payload, config.scheduled());
    if (config.size < minimum || config.size > DemoLimits::maxLabSize) {
        return refuse(problem, "size",
            QStringLiteral("size must be from %1 to %2 bytes for %3 messages%4")
                .arg(minimum)
                .arg(DemoLimits::maxLabSize)
                .arg(payloadName(config.payload),
                    minimum > (config.payload == Payload::Json ? kJsonMinimum : kTextMinimum)
                        ? QStringLiteral(" numbered up to %1").arg(config.scheduled())
                        : QString()));
    }
    if (config.rate * config.size > DemoLimits::maxLabBytesPerSecond) {
        return refuse(problem, "rate",
            QStringLiteral("rate x size must be at most 67108864 bytes per second (64 MiB/s); "
                           "at size %1 the rate is at most %2")
                .arg(config.size)
                .arg(std::floor(DemoLimits::maxLabBytesPerSecond / config.size * 10) / 10));
    }
    return config;
}

qint64 DemoLabConfig::scheduled() const
{
    if (workload == Workload::Echo)
        return 0;
    // A tiny epsilon so that 0.3 x 10000 / 1000 is 3, not 2.9999999.
    return qint64(std::floor(rate * durationMs / 1000.0 + 1e-9));
}

qint64 DemoLabConfig::dueNs(qint64 seq) const
{
    return qint64(std::llround(double(seq - 1) * 1e9 / rate));
}

int DemoLabConfig::minimumSize(Payload payload, qint64 lastSeq)
{
    const int seqDigits = digits(qMax<qint64>(1, lastSeq));
    if (payload == Payload::Json) // {"seq":N,"t":T,"pad":""}
        return qMax(kJsonMinimum, 7 + seqDigits + 5 + kTimeDigits + 10);
    return qMax(kTextMinimum, seqDigits + 1 + kTimeDigits + 1); // "N T "
}

QByteArray DemoLabConfig::message(qint64 seq, qint64 tUs, QRandomGenerator &random) const
{
    QByteArray out;
    out.reserve(size);
    if (payload == Payload::Json) {
        out += "{\"seq\":" + QByteArray::number(seq) + ",\"t\":" + QByteArray::number(tUs) + ",\"pad\":\"";
        out.append(qMax<qsizetype>(0, size - out.size() - 2), 'x');
        out += "\"}";
        return out;
    }
    out += QByteArray::number(seq) + ' ' + QByteArray::number(tUs) + ' ';
    const qsizetype fill = qMax<qsizetype>(0, size - out.size());
    if (payload == Payload::Text) {
        out.append(fill, 'x');
        return out;
    }
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const qsizetype start = out.size();
    out.resize(start + fill);
    char *p = out.data() + start;
    qsizetype left = fill;
    while (left > 0) {
        // Ten 6-bit draws per 64-bit number; the two values above 61 are drawn again, so
        // every character is equally likely.
        quint64 bits = random.generate64();
        for (int i = 0; i < 10 && left > 0; ++i, bits >>= 6) {
            const unsigned index = unsigned(bits & 63);
            if (index < 62) {
                *p++ = kAlphabet[index];
                --left;
            }
        }
    }
    return out;
}

QString DemoLabConfig::workloadName(Workload workload)
{
    switch (workload) {
    case Workload::Push:
        return QStringLiteral("push");
    case Workload::Echo:
        return QStringLiteral("echo");
    case Workload::Chat:
        return QStringLiteral("chat");
    }
    return {};
}

QString DemoLabConfig::payloadName(Payload payload)
{
    switch (payload) {
    case Payload::Text:
        return QStringLiteral("text");
    case Payload::Json:
        return QStringLiteral("json");
    case Payload::Random:
        return QStringLiteral("random");
    }
    return {};
}

bool DemoLabConfig::isLabLine(QByteArrayView bytes)
{
    if (bytes.size() > DemoLimits::maxLabSize)
        return false;
    for (char c : bytes) {
        if (uchar(c) < 0x20 || uchar(c) > 0x7e)
            return false;
    }
    return true;
}

} // namespace wirescope

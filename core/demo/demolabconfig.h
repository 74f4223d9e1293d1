#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QUrlQuery>

#include <optional>

class QRandomGenerator;

namespace wirescope {

// A query parameter of a /lab/ request that cannot be used: answered 400 with
// {"status": 400, "error": message, "parameter": parameter} (docs/lab-endpoints.md).
struct DemoLabProblem {
    QString parameter; // "size", "rate", "run", "body" ...
    QString message; // English, names the allowed range
};

// The parameters of one lab run (docs/lab-endpoints.md "Run parameters") and the messages
// they describe. The first request that names an unknown run creates it with these.
struct DemoLabConfig {
    enum class Workload : quint8 { Push, Echo, Chat };
    enum class Payload : quint8 { Text, Json, Random };

    QByteArray run; // [A-Za-z0-9_-]{1,64}
    Workload workload = Workload::Push;
    Payload payload = Payload::Json;
    double rate = 10; // messages per second
    int size = 64; // bytes per message
    int durationMs = 5000;

    // Reads run, workload, payload, rate, size and duration_ms (absent: the defaults);
    // nullopt with *problem for the first bad one.
    static std::optional<DemoLabConfig> fromQuery(const QUrlQuery &query, DemoLabProblem *problem);
    // Only run= (for /lab/stats): empty with *problem when missing or malformed.
    static QByteArray runFromQuery(const QUrlQuery &query, DemoLabProblem *problem);
    static bool isRunId(QByteArrayView id);

    // N = floor(rate x duration_ms / 1000): the server events of push and chat (0 for echo).
    qint64 scheduled() const;
    // Where event k (1..N) is due, in ns after the run's start: (k - 1) / rate.
    qint64 dueNs(qint64 seq) const;

    // Server message seq, created at tUs (microseconds since the Unix epoch): exactly size
    // bytes of printable ASCII (text: "<seq> <t> xxx…", random: "<seq> <t> " and [A-Za-z0-9],
    // json: {"seq":<seq>,"t":<t>,"pad":"xxx…"}). The run's size was checked to fit.
    QByteArray message(qint64 seq, qint64 tUs, QRandomGenerator &random) const;
    // The smallest size= for this payload kind when the largest seq is `lastSeq`.
    static int minimumSize(Payload payload, qint64 lastSeq);

    static QString workloadName(Workload workload);
    static QString payloadName(Payload payload);

    // A message a client sends to a run (POST /lab/send, a chat frame) must fit one NDJSON
    // line and one SSE data line: at most maxLabSize bytes of printable ASCII.
    static bool isLabLine(QByteArrayView bytes);
};

} // namespace wirescope

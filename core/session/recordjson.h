#pragma once

#include "core/session/failure.h"
#include "core/session/phasetimings.h"
#include "core/session/tlsinfo.h"
#include "core/wire/httprequest.h"
#include "core/wire/httpresponse.h"
#include "core/wire/violation.h"
#include "core/wire/wshandshake.h"

#include <QJsonArray>
#include <QJsonObject>

namespace wirescope {

class SessionClock;

// The objects both CLI commands print, each encoded here and nowhere else, so `http` and
// `ws` cannot drift apart (public contract: docs/cli.md). httpexchangejson and wsjson
// assemble their output from these.

// The version of the JSON contract, in every object `http` prints and every line of `ws`.
// Fields may be added within a version; a rename, removal or change of unit bumps it.
inline constexpr int kJsonFormatVersion = 2;

// When t_ns = 0 on the session clock, as ISO 8601 UTC with milliseconds
// ("2024-05-01T09:30:00.123Z"): the absolute time of any stamp is started_at + t_ns.
QString startedAtJson(const SessionClock &clock);

// {id, rfc, severity, group, offset, length, detail, message}
QJsonObject violationToJson(const Violation &violation);
QJsonArray violationsToJson(const QList<Violation> &violations);

// {id, class, message}; null for a null failure (nothing failed).
QJsonValue failureToJson(const Failure &failure);

// {protocol, cipher, alpn, chain, errors, errors_ignored}; null when TLS played no part
// (plain connection, no certificate error).
QJsonValue tlsToJson(const TlsInfo &tls);

// One header field: {name, value} as UTF-8 text, plus name_hex and value_hex (the exact
// bytes) when a byte of either is outside printable ASCII (0x20-0x7E), so nothing the
// peer sent is lost to the text decoding. Lists keep order and duplicates.
QJsonObject headerToJson(QByteArrayView name, QByteArrayView value);
QJsonArray headersToJson(const QList<HttpHeaderField> &headers);
QJsonArray headersToJson(const QList<WireHeader> &headers);
QJsonArray headersToJson(const QList<WsHeader> &headers);

// HAR 1.2 names, integer nanoseconds, -1 = not applicable.
QJsonObject phaseTimingsToJson(const PhaseDurations &durations);

} // namespace wirescope

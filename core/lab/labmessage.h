#pragma once

#include "core/lab/labconfig.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace wirescope {

// What a lab message carries (docs/lab-endpoints.md, "Messages"): its sequence number and
// its send time in microseconds since the Unix epoch.
struct LabMessageStamp
{
    qint64 seq = 0;        // server messages 1..N; the client's own: -cseq
    qint64 epochUs = 0;
};

// Reads `17 1765146000123456 xxx` / `c17 ...` (text, random) and
// `{"seq":17,"t":...,"pad":"..."}` / `{"cseq":17,...}` (json). Anything else: nullopt.
std::optional<LabMessageStamp> parseLabMessage(QByteArrayView message);
// The client's message number `cseq` of exactly `size` bytes (at least the minimum the
// endpoints accept for the kind), stamped `epochUs`.
QByteArray makeLabClientMessage(LabPayloadKind kind, int size, qint64 cseq, qint64 epochUs);

} // namespace wirescope

#pragma once

#include "core/wire/violation.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace wirescope {

// RFC 6455 §7.4 and the IANA "WebSocket Close Code Number Registry", as one table that
// serves validation and display.
enum class WsCloseCodeClass : quint8 {
    Invalid,      // 0-999: never used
    Standard,     // 1000-2999 defined by RFC 6455 or registered with IANA
    Reserved,     // 1000-2999 not (yet) assigned: invalid on the wire
    Registered,   // 3000-3999: libraries, frameworks (IANA registration)
    Private,      // 4000-4999: private use
    OutOfRange,   // >= 5000
};

struct WsCloseCodeInfo {
    quint16 code = 0;
    const char *name = "";   // "Normal Closure", "Protocol Error" ...; "" when unnamed
    WsCloseCodeClass codeClass = WsCloseCodeClass::Invalid;
    const char *reference = ""; // "RFC 6455 §7.4.1"
    bool validOnWire = false;   // may appear in a close frame (1005, 1006, 1015 may not)
};

WsCloseCodeInfo wsCloseCodeInfo(quint16 code);
bool wsCloseCodeValidOnWire(quint16 code);
QString wsCloseCodeClassName(WsCloseCodeClass codeClass);

// The named codes of RFC 6455 §7.4.1 and the IANA registry (1000-1015).
namespace wsclose {
constexpr quint16 Normal = 1000;
constexpr quint16 GoingAway = 1001;
constexpr quint16 ProtocolError = 1002;
constexpr quint16 UnsupportedData = 1003;
constexpr quint16 NoStatusReceived = 1005;
constexpr quint16 AbnormalClosure = 1006;
constexpr quint16 InvalidPayload = 1007;
constexpr quint16 PolicyViolation = 1008;
constexpr quint16 MessageTooBig = 1009;
constexpr quint16 MandatoryExtension = 1010;
constexpr quint16 InternalError = 1011;
} // namespace wsclose

// A close frame's payload, decoded (RFC 6455 §5.5.1).
struct WsClosePayload {
    std::optional<quint16> code; // absent for an empty payload
    QByteArray reasonBytes;
    QString reason;              // decoded leniently for display
    std::vector<Violation> violations; // offsets relative to the payload's first byte
};
WsClosePayload wsParseClosePayload(const QByteArray &payload);

} // namespace wirescope

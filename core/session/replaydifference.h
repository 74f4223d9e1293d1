#pragma once

#include "core/wire/jsonpath.h"

#include <QString>

#include <optional>

namespace wirescope {

// One thing that came back differently when a recorded exchange or WebSocket connection was
// sent again (docs/replay.md). Both sides are text: JSON in compact form, text as it came,
// binary as hex; nullopt is "absent" (a header, a member, a message that one side lacks).
struct ReplayDifference {
    enum class Aspect : quint8 {
        Outcome,   // completed vs failed (the failure id and sentence)
        Status,    // HTTP status code, or the WebSocket upgrade's status
        Header,    // an HTTP response header (all its values, joined by ", ")
        Body,      // the HTTP response body (decoded)
        Sent,      // a WebSocket message we sent (differs only when it could not be sent)
        Received,  // a WebSocket message received, by its place in the order
        Close,     // the WebSocket close code and reason (RFC 6455 §7.1.5)
    };

    Aspect aspect = Aspect::Outcome;
    QString header;        // Header: the name as recorded (as replayed when it is new)
    qsizetype message = -1; // Sent / Received: 0-based place among that direction's messages
    bool json = false;     // Body / Received compared as JSON: `path` says where
    JsonPath path;
    std::optional<QString> recorded;
    std::optional<QString> replayed;
    QString ignoredBy;     // the --ignore rule (as typed) that covers it; empty: it counts

    bool ignored() const { return !ignoredBy.isEmpty(); }
    // "status", "header Date", "body $.url", "received message 3 $.seq", "close"
    QString where() const;
    static QString aspectName(Aspect aspect); // "outcome", "status", "header", ...
};

} // namespace wirescope

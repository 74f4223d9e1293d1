#pragma once

#include "core/session/wsrecords.h"

#include <QJsonObject>

class QUrl;

namespace wirescope {

class SessionClock;

// JSON encoding of WebSocket events: the CLI's JSON-lines contract (docs/cli-ws.md).
// Every object has "event", "format_version" and "t_ns" (session clock, ns); the shared
// objects (violation, failure, TLS, headers, phase timings) come from recordjson.
struct WsJsonOptions {
    qsizetype maxPayloadBytes = 4096; // payload_hex / text / hex truncated past this
};

// The first line: the session's wall-clock start (t_ns = 0) and what is being opened.
QJsonObject wsSessionToJson(const SessionClock &clock, const QUrl &url);
QJsonObject wsHandshakeToJson(const WsHandshakeRecord &record, const WsJsonOptions &options = {});
QJsonObject wsFrameToJson(const WsFrameEvent &event, const WsJsonOptions &options = {});
QJsonObject wsMessageToJson(const WsMessageEvent &event, const WsJsonOptions &options = {});
QJsonObject wsViolationToJson(const WsViolationEvent &event);
QJsonObject wsPongToJson(const WsPongEvent &event);
QJsonObject wsCloseToJson(const WsCloseRecord &record);
QJsonObject wsErrorToJson(const WsErrorEvent &event);

} // namespace wirescope

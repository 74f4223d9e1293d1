#pragma once

#include "core/session/wsrecords.h"

#include <QJsonObject>

namespace wirescope {

// JSON encoding of WebSocket events: the CLI's JSON-lines contract (docs/cli-ws.md).
// Every object has "event" and "t_ns".
struct WsJsonOptions {
    qsizetype maxPayloadBytes = 4096; // payload_hex / text / hex truncated past this
};

QJsonObject wsHandshakeToJson(const WsHandshakeRecord &record, const WsJsonOptions &options = {});
QJsonObject wsFrameToJson(const WsFrameEvent &event, const WsJsonOptions &options = {});
QJsonObject wsMessageToJson(const WsMessageEvent &event, const WsJsonOptions &options = {});
QJsonObject wsViolationToJson(const WsViolationEvent &event);
QJsonObject wsPongToJson(const WsPongEvent &event);
QJsonObject wsCloseToJson(const WsCloseRecord &record);
QJsonObject wsErrorToJson(const WsErrorEvent &event);
QJsonObject wsStateToJson(qint64 tNs, WsConnectionState state);

} // namespace wirescope

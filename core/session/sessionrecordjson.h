#pragma once

#include "core/session/httpexchangerecord.h"
#include "core/session/wsconnectoptions.h"
#include "core/session/wsrecords.h"

#include <QJsonObject>

namespace wirescope {

// The session file's encoding of the records a timeline keeps whole (docs/session-schema.md):
// every field, so that a record read back is the record that was written. This is not the
// CLI's JSON (recordjson, wsjson, httpexchangejson), which prints what a user reads and
// leaves out what it cannot show; here nothing is left out.
//
// Bytes are a JSON string when every byte is printable ASCII, TAB, CR or LF (headers, request
// lines stay readable with sqlite3's json_extract) and {"base64": "..."} otherwise. Kinds of
// violations and failures are stored by their stable id. Each decoder returns false, and
// leaves a partly filled value, when the object does not have the shape its encoder writes.
QJsonObject wsConnectOptionsToStoreJson(const WsConnectOptions &options);
bool wsConnectOptionsFromStoreJson(const QJsonObject &object, WsConnectOptions *options);

QJsonObject wsHandshakeToStoreJson(const WsHandshakeRecord &record);
bool wsHandshakeFromStoreJson(const QJsonObject &object, WsHandshakeRecord *record);

QJsonObject wsCloseToStoreJson(const WsCloseRecord &record);
bool wsCloseFromStoreJson(const QJsonObject &object, WsCloseRecord *record);

QJsonObject httpExchangeToStoreJson(const HttpExchangeRecord &record);
bool httpExchangeFromStoreJson(const QJsonObject &object, HttpExchangeRecord *record);

// Kinds by stable id: every WebSocket and HTTP violation kind, every failure kind.
const ViolationKind *violationKindById(QStringView id);

} // namespace wirescope

#pragma once

#include "core/session/httpexchangerecord.h"

#include <QList>

namespace wirescope {

class ByteStream;

// The server-sent events of a recorded exchange (History, a reopened .wirescope session, an
// imported HAR): its final response's body, when it is text/event-stream, read by the
// event-stream rules (WHATWG HTML §9.2.5-9.2.6), with the block the stream ended in.
// With the connection's inbound stream (its chunks carry their read times) each record gets
// the time of the read that completed it, as the engine reported it live; without it (an
// imported HAR, bytes dropped by the memory budget), or for a content-encoded body (decoded
// as a whole), each gets the time of the response's last byte.
QList<SseArrival> sseArrivals(const HttpExchangeRecord &record, const ByteStream *inbound = nullptr);

} // namespace wirescope

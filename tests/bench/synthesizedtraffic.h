#pragma once

#include <QtGlobal>

namespace wirescope {

class Session;
class SessionStore;

namespace test {

// The session the session-file benchmarks measure: `messages` server messages of 32 bytes on
// one WebSocket connection and `exchanges` HTTP exchanges on one keep-alive connection (one
// every messages / exchanges messages), synthesized as tst_recorder does: real frames
// through the real codecs (SimulatedWsConnection) into a TimelineWriter and the session's
// Recorder, `perRead` messages per read (1: each message its own chunk, the costly case).
// Returns the seconds it took, the store's last commit included when `store` is given.
double synthesizeTraffic(Session &session, SessionStore *store, qint64 messages, qint64 exchanges, int perRead);

} // namespace test
} // namespace wirescope

#include "core/session/wsrecords.h"

namespace wirescope {

QString wsConnectionStateName(WsConnectionState state)
{
    switch (state) {
    case WsConnectionState::Idle: return QStringLiteral("idle");
    case WsConnectionState::Connecting: return QStringLiteral("connecting");
    case WsConnectionState::Handshaking: return QStringLiteral("handshaking");
    case WsConnectionState::Open: return QStringLiteral("open");
    case WsConnectionState::Closing: return QStringLiteral("closing");
    case WsConnectionState::Closed: return QStringLiteral("closed");
    }
    return {};
}

} // namespace wirescope

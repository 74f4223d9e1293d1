#include "core/session/replaydifference.h"

namespace wirescope {

QString ReplayDifference::aspectName(Aspect aspect)
{
    switch (aspect) {
    case Aspect::Outcome: return QStringLiteral("outcome");
    case Aspect::Status: return QStringLiteral("status");
    case Aspect::Header: return QStringLiteral("header");
    case Aspect::Body: return QStringLiteral("body");
    case Aspect::Sent: return QStringLiteral("sent");
    case Aspect::Received: return QStringLiteral("received");
    case Aspect::Close: return QStringLiteral("close");
    }
    return {};
}

QString ReplayDifference::where() const
{
    QString out;
    switch (aspect) {
    case Aspect::Header: out = QStringLiteral("header ") + header; break;
    case Aspect::Sent: out = QStringLiteral("sent message %1").arg(message + 1); break;
    case Aspect::Received: out = QStringLiteral("received message %1").arg(message + 1); break;
    default: out = aspectName(aspect);
    }
    if (json)
        out += u' ' + path.toString();
    return out;
}

} // namespace wirescope

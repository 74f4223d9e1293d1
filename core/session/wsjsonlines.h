#pragma once

#include "core/session/wsjson.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

namespace wirescope {

class Timeline;

// The `ws` command's JSON lines, read from the timeline: each row of a WebSocket connection
// becomes the events docs/cli-ws.md lists (a frame; a one-frame message is also a message; a
// pong we received also a pong event; the handshake, failures and the close), in row order.
class WsJsonLines
{
public:
    explicit WsJsonLines(const WsJsonOptions &options = {}, bool printFrames = true);

    // The lines for one row; none for rows the contract does not print (the opening).
    QList<QJsonObject> linesFor(const Timeline &timeline, qsizetype row);

private:
    WsJsonOptions m_options;
    bool m_printFrames;
    QHash<quint32, quint64> m_frameIndex; // per connection, both directions
};

} // namespace wirescope

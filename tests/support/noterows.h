#pragma once

#include "core/session/timeline.h"

namespace wirescope::test {

// The rows of a DemoRecording a user would put notes on, one of each kind an export writes a
// comment for: the first HTTP exchange, the WebSocket handshake, the first text message.
struct NoteRows {
    qsizetype exchange = -1;
    qsizetype handshake = -1;
    qsizetype message = -1;

    bool found() const { return exchange >= 0 && handshake >= 0 && message >= 0; }
};

inline NoteRows noteRowsOf(const Timeline &timeline)
{
    NoteRows rows;
    for (qsizetype row = 0; row < timeline.rowCount(); ++row) {
        const TimelineRow &r = timeline.row(row);
        if (r.rowKind() == RowKind::Exchange && rows.exchange < 0)
            rows.exchange = row;
        else if (r.rowKind() == RowKind::Event && r.eventType() == EventType::Handshake
                 && timeline.connection(r.connection)->protocol == ConnectionProtocol::WebSocket)
            rows.handshake = row;
        else if (rows.handshake >= 0 && rows.message < 0 && r.rowKind() == RowKind::Frame && r.opcode == 0x1)
            rows.message = row;
    }
    return rows;
}

} // namespace wirescope::test

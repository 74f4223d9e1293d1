#pragma once

#include "core/wire/direction.h"

#include <QByteArray>
#include <QMetaType>

namespace wirescope {

// One chunk exactly as it crossed the socket, stamped when the read returned or the write
// was handed to the socket. streamOffset counts bytes per direction from the connection's
// start, so a parser's byte offsets map straight back to a chunk and a time.
struct CapturedChunk {
    qint64 tNs = 0;
    Direction direction = Direction::In;
    qint64 streamOffset = 0;
    QByteArray bytes;
};

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::CapturedChunk)

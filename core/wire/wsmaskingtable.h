#pragma once

#include "core/wire/wsframe.h"

#include <QList>

namespace wirescope {

// One payload byte of a frame and how masking turned it into what crossed the wire
// (RFC 6455 §5.3): wire = plain XOR key[offset % 4]. An unmasked frame's columns carry the
// wire byte only (keyIndex -1).
struct WsMaskingColumn {
    qint64 offset = 0; // in the payload
    quint8 wire = 0;   // as it crossed the socket
    int keyIndex = -1; // which of the 4 key bytes masked it; -1: not masked
    quint8 key = 0;
    quint8 plain = 0;  // the application's byte

    // The plain byte as one character ('.' for anything but printable ASCII, as hex dumps do).
    QChar character() const;
};

// The XOR of a frame's payload, byte by byte, for a view that shows the operation rather
// than its result.
class WsMaskingTable
{
public:
    // The first `limit` payload bytes of the frame (a frame may be megabytes: the pattern is
    // the same for every 4 bytes, a view shows what fits).
    static WsMaskingTable of(const WsFrame &frame, qsizetype limit);

    bool masked() const { return m_masked; }
    const WsMaskKey &key() const { return m_key; }
    const QList<WsMaskingColumn> &columns() const { return m_columns; }
    // Payload bytes the frame had (columns() holds at most the limit of them).
    qint64 payloadBytes() const { return m_payloadBytes; }
    bool truncated() const { return m_payloadBytes > m_columns.size(); }
    // Lines of `perLine` columns, the last one shorter.
    QList<QList<WsMaskingColumn>> lines(int perLine) const;

private:
    bool m_masked = false;
    WsMaskKey m_key{};
    QList<WsMaskingColumn> m_columns;
    qint64 m_payloadBytes = 0;
};

} // namespace wirescope

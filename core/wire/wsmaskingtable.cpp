#include "core/wire/wsmaskingtable.h"

namespace wirescope {

QChar WsMaskingColumn::character() const
{
    return plain >= 0x20 && plain < 0x7F ? QChar(char16_t(plain)) : QChar(u'.');
}

WsMaskingTable WsMaskingTable::of(const WsFrame &frame, qsizetype limit)
{
    WsMaskingTable table;
    table.m_masked = frame.header.masked && frame.header.maskingKey.has_value();
    if (table.m_masked)
        table.m_key = *frame.header.maskingKey;
    // A discarded payload (over the frame limit) has no bytes to show.
    const qsizetype count = qMin(qMax<qsizetype>(limit, 0), frame.payload.size());
    table.m_payloadBytes = frame.payloadDiscarded ? 0 : qint64(frame.header.payloadLength);
    table.m_columns.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        WsMaskingColumn column;
        column.offset = i;
        column.plain = quint8(frame.payload.at(i));
        column.wire = column.plain;
        if (table.m_masked) {
            // §5.3: octet i of the transformed data is octet i of the original XOR octet
            // i MOD 4 of the masking key.
            column.keyIndex = int(i % 4);
            column.key = table.m_key[size_t(column.keyIndex)];
            column.wire = quint8(column.plain ^ column.key);
        }
        table.m_columns.append(column);
    }
    return table;
}

QList<QList<WsMaskingColumn>> WsMaskingTable::lines(int perLine) const
{
    QList<QList<WsMaskingColumn>> result;
    const int step = qMax(1, perLine);
    for (qsizetype i = 0; i < m_columns.size(); i += step)
        result.append(m_columns.mid(i, step));
    return result;
}

} // namespace wirescope

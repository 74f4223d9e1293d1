#include "ui/ws/wslogstore.h"

#include <algorithm>

namespace wirescope {

WsLogStore::WsLogStore() = default;

void WsLogStore::clear()
{
    m_records.clear();
    m_records.shrink_to_fit();
    m_blocks.clear();
    m_violations.clear();
    m_notes.clear();
}

qsizetype WsLogStore::append(WsLogRecord record, QByteArrayView payload)
{
    quint32 keep = quint32(qMin<qsizetype>(payload.size(), kMaxStoredPayload));
    if (qsizetype(keep) < payload.size())
        record.bits |= WsLogRecord::Truncated;
    if (m_blocks.empty() || m_blocks.back().size() + qsizetype(keep) > qsizetype(kBlockSize)) {
        m_blocks.emplace_back();
        m_blocks.back().reserve(kBlockSize);
    }
    QByteArray &block = m_blocks.back();
    record.dataOffset = quint64(m_blocks.size() - 1) * kBlockSize + quint64(block.size());
    record.dataLength = keep;
    block.append(payload.data(), keep);
    m_records.push_back(record);
    return qsizetype(m_records.size()) - 1;
}

QByteArrayView WsLogStore::payload(qsizetype row) const
{
    const WsLogRecord &record = at(row);
    const QByteArray &block = m_blocks[size_t(record.dataOffset / kBlockSize)];
    return QByteArrayView(block.constData() + record.dataOffset % kBlockSize, record.dataLength);
}

template<typename T>
static const T *findRow(const std::vector<std::pair<qsizetype, T>> &table, qsizetype row)
{
    // Rows are appended in order, so the side tables are sorted by row.
    const auto it = std::lower_bound(table.begin(), table.end(), row,
                                     [](const auto &entry, qsizetype r) { return entry.first < r; });
    return it != table.end() && it->first == row ? &it->second : nullptr;
}

void WsLogStore::setViolation(qsizetype row, const Violation &violation)
{
    m_violations.emplace_back(row, violation);
}

const Violation *WsLogStore::violation(qsizetype row) const
{
    return findRow(m_violations, row);
}

void WsLogStore::setNote(qsizetype row, const QString &text)
{
    m_notes.emplace_back(row, text);
}

QString WsLogStore::note(qsizetype row) const
{
    const QString *text = findRow(m_notes, row);
    return text ? *text : QString();
}

qint64 WsLogStore::memoryUsed() const
{
    qint64 bytes = qint64(m_records.capacity() * sizeof(WsLogRecord));
    for (const QByteArray &block : m_blocks)
        bytes += block.capacity();
    return bytes;
}

} // namespace wirescope

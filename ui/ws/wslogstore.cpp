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
    m_frames.clear();
    m_sideFrameBytes = 0;
}

qsizetype WsLogStore::append(WsLogRecord record, QByteArrayView header, QByteArrayView payload)
{
    const quint32 keep = quint32(qMin<qsizetype>(payload.size(), kMaxStoredPayload));
    if (qsizetype(keep) < payload.size())
        record.bits |= WsLogRecord::Truncated;
    const qsizetype headerSize = qMin<qsizetype>(header.size(), 255);
    const qsizetype need = headerSize + keep;
    if (m_blocks.empty() || m_blocks.back().size() + need > qsizetype(kBlockSize)) {
        m_blocks.emplace_back();
        m_blocks.back().reserve(kBlockSize);
    }
    QByteArray &block = m_blocks.back();
    record.dataOffset = quint64(m_blocks.size() - 1) * kBlockSize + quint64(block.size());
    record.headerLength = quint8(headerSize);
    record.dataLength = keep;
    block.append(header.data(), headerSize);
    block.append(payload.data(), keep);
    m_records.push_back(record);
    return qsizetype(m_records.size()) - 1;
}

QByteArrayView WsLogStore::payload(qsizetype row) const
{
    const WsLogRecord &record = at(row);
    const QByteArray &block = m_blocks[size_t(record.dataOffset / kBlockSize)];
    return QByteArrayView(block.constData() + record.dataOffset % kBlockSize + record.headerLength,
                          record.dataLength);
}

QByteArrayView WsLogStore::headerBytes(qsizetype row) const
{
    const WsLogRecord &record = at(row);
    const QByteArray &block = m_blocks[size_t(record.dataOffset / kBlockSize)];
    return QByteArrayView(block.constData() + record.dataOffset % kBlockSize, record.headerLength);
}

template<typename T>
static const T *findRow(const std::vector<std::pair<qsizetype, T>> &table, qsizetype row)
{
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

bool WsLogStore::setFrames(qsizetype row, const std::vector<WsFrame> &frames)
{
    qint64 bytes = 0;
    for (const WsFrame &frame : frames)
        bytes += frame.headerBytes.size() + frame.payload.size();
    if (m_sideFrameBytes + bytes > kMaxSideFrameBytes)
        return false;
    m_sideFrameBytes += bytes;
    m_frames.emplace_back(row, frames);
    m_records[size_t(row)].bits |= WsLogRecord::SideFrames;
    return true;
}

const std::vector<WsFrame> *WsLogStore::sideFrames(qsizetype row) const
{
    return findRow(m_frames, row);
}

qint64 WsLogStore::memoryUsed() const
{
    qint64 bytes = qint64(m_records.capacity() * sizeof(WsLogRecord));
    for (const QByteArray &block : m_blocks)
        bytes += block.capacity();
    return bytes + m_sideFrameBytes;
}

} // namespace wirescope

#include "ui/http/sseeventmodel.h"

#include "core/wire/jsonpretty.h"
#include "ui/common/units.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

namespace wirescope {

namespace {
constexpr qsizetype TableTextChars = 300;  // the Data column shows one line of this many
constexpr qsizetype ToolTipChars = 4000;

QString oneLine(const QString &text)
{
    QString line = text.left(TableTextChars);
    line.replace(u'\n', QStringLiteral(" \u23CE "));
    if (text.size() > TableTextChars)
        line += QStringLiteral("…");
    return line;
}
} // namespace

SseEventModel::SseEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SseEventModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_shown.clear();
    m_firstIndex = 0;
    m_dataBytes = 0;
    m_events = 0;
    m_dropped = 0;
    endResetModel();
    if (!m_types.isEmpty()) {
        m_types.clear();
        emit eventTypesChanged();
    }
    emit countsChanged();
}

void SseEventModel::addRecords(const QList<SseArrival> &records)
{
    for (const SseArrival &a : records) {
        const SseRecord &r = a.record;
        Row row;
        row.tNs = a.tNs;
        row.bytes = r.end - r.start;
        row.retryMs = r.retryMs.value_or(-1);
        row.invalidUtf8 = r.invalidUtf8;
        row.data = r.data;
        switch (r.kind) {
        case SseRecord::Kind::Event:
            row.kind = Kind::Event;
            row.type = r.type;
            row.id = r.lastEventId;
            ++m_events;
            if (!m_types.contains(r.type)) {
                m_types.append(r.type);
                emit eventTypesChanged();
            }
            break;
        case SseRecord::Kind::Comment:
            row.kind = Kind::Comment;
            break;
        case SseRecord::Kind::NoData:
            row.kind = Kind::NoData;
            row.id = r.lastEventId;
            break;
        case SseRecord::Kind::Unterminated:
            row.kind = Kind::Unterminated;
            break;
        }
        append(std::move(row));
    }
    emit countsChanged();
}

void SseEventModel::addStatus(qint64 tNs, const QString &text, bool failure)
{
    Row row;
    row.tNs = tNs;
    row.kind = failure ? Kind::Failure : Kind::Status;
    row.data = text;
    append(std::move(row));
    emit countsChanged();
}

void SseEventModel::append(Row row)
{
    m_dataBytes += row.data.size() * qint64(sizeof(QChar));
    const qsizetype index = m_firstIndex + qsizetype(m_rows.size());
    const bool shown = passes(row);
    m_rows.push_back(std::move(row));
    if (shown) {
        beginInsertRows({}, int(m_shown.size()), int(m_shown.size()));
        m_shown.append(index);
        endInsertRows();
    }
    if (qsizetype(m_rows.size()) > maxRows || m_dataBytes > maxDataBytes)
        dropOldest();
}

// An endless stream must not grow the window without bound: a tenth of the rows goes at once
// (one reset, not one removal per row).
void SseEventModel::dropOldest()
{
    beginResetModel();
    const qsizetype drop = qMax<qsizetype>(1, qsizetype(m_rows.size()) / 10);
    for (qsizetype i = 0; i < drop || (m_dataBytes > maxDataBytes && m_rows.size() > 1); ++i) {
        m_dataBytes -= m_rows.front().data.size() * qint64(sizeof(QChar));
        m_rows.pop_front();
        ++m_firstIndex;
        ++m_dropped;
    }
    rebuildShown();
    endResetModel();
}

void SseEventModel::rebuildShown()
{
    m_shown.clear();
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (passes(m_rows[i]))
            m_shown.append(m_firstIndex + qsizetype(i));
}

bool SseEventModel::passes(const Row &row) const
{
    if (!m_typeFilter.isEmpty()) {
        if (m_typeFilter == commentsFilter()) {
            if (row.kind != Kind::Comment)
                return false;
        } else if (m_typeFilter == connectionFilter()) {
            if (row.kind != Kind::Status && row.kind != Kind::Failure)
                return false;
        } else if (row.kind != Kind::Event || row.type != m_typeFilter) {
            return false;
        }
    }
    if (m_search.isEmpty())
        return true;
    return row.data.contains(m_search, Qt::CaseInsensitive) || row.type.contains(m_search, Qt::CaseInsensitive)
        || row.id.contains(m_search, Qt::CaseInsensitive);
}

void SseEventModel::refilter()
{
    beginResetModel();
    rebuildShown();
    endResetModel();
}

void SseEventModel::setTypeFilter(const QString &filter)
{
    if (filter == m_typeFilter)
        return;
    m_typeFilter = filter;
    refilter();
}

void SseEventModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    refilter();
}

int SseEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int SseEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SseEventModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown.size())
        return {};
    const Row &r = rowAt(index.row());
    const bool life = r.kind == Kind::Status || r.kind == Kind::Failure;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            // Seconds with microseconds since the stream was asked for, as the WebSocket log.
            return QStringLiteral("%1").arg(double(r.tNs - m_originNs) / 1e9, 0, 'f', 6);
        case TypeColumn:
            switch (r.kind) {
            case Kind::Event: return r.type;
            case Kind::Comment: return tr("comment");
            case Kind::NoData: return tr("no data");
            case Kind::Unterminated: return tr("cut off");
            case Kind::Status: return tr("connection");
            case Kind::Failure: return tr("failed");
            }
            return {};
        case IdColumn: return r.id;
        case DataColumn: return oneLine(r.data);
        case RetryColumn: return r.retryMs >= 0 ? tr("%1 ms").arg(r.retryMs) : QString();
        case BytesColumn: return r.bytes >= 0 ? formatBytes(r.bytes) : QString();
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == TypeColumn && r.kind == Kind::NoData)
            return tr("A block without data: not dispatched, though its id and retry fields took effect");
        if (index.column() == TypeColumn && r.kind == Kind::Unterminated)
            return tr("The stream ended inside this block: not dispatched");
        if (index.column() != DataColumn || r.data.isEmpty())
            return {};
        const QByteArray utf8 = r.data.left(ToolTipChars).toUtf8();
        const JsonPretty json = r.kind == Kind::Event ? jsonPretty(utf8) : JsonPretty();
        QString text = json.ok ? QString::fromUtf8(json.text) : r.data.left(ToolTipChars);
        if (r.invalidUtf8)
            text += u'\n' + tr("(bytes that were not UTF-8 are shown as \uFFFD)");
        return text;
    }
    if (role == Qt::FontRole && (life || r.kind != Kind::Event)) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::ForegroundRole && r.kind == Kind::Failure)
        return QBrush(QColor(0xc6, 0x28, 0x28));
    if (role == Qt::ForegroundRole && (life || r.kind == Kind::Comment))
        return QPalette().brush(QPalette::PlaceholderText);
    if (role == Qt::TextAlignmentRole && (index.column() == RetryColumn || index.column() == BytesColumn
                                          || index.column() == TimeColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant SseEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time (s)");
    case TypeColumn: return tr("Type");
    case IdColumn: return tr("ID");
    case DataColumn: return tr("Data");
    case RetryColumn: return tr("Retry");
    case BytesColumn: return tr("Bytes");
    }
    return {};
}

} // namespace wirescope

#include "ui/ws/wslogmodel.h"

#include "core/wire/wsclosecode.h"
#include "core/wire/wsframeparser.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QFontDatabase>
#include <QIcon>
#include <QPalette>
#include <QStyle>

#include <algorithm>
#include <string_view>

namespace wirescope {

WsLogModel::WsLogModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_monoFont(QFontDatabase::systemFont(QFontDatabase::FixedFont))
    , m_errorIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical))
    , m_warningIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning))
{
}

int WsLogModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return filterActive() ? int(m_visible.size()) : int(m_announced);
}

int WsLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qsizetype WsLogModel::storeRow(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return filterActive() ? qsizetype(m_visible[size_t(row)]) : row;
}

int WsLogModel::rowForStoreRow(qsizetype row) const
{
    if (!filterActive())
        return row >= 0 && row < m_announced ? int(row) : -1;
    const auto it = std::lower_bound(m_visible.begin(), m_visible.end(), quint32(row));
    return it != m_visible.end() && *it == quint32(row) ? int(it - m_visible.begin()) : -1;
}

QString WsLogModel::sizeText(quint64 bytes)
{
    if (bytes < 1024)
        return tr("%n B", nullptr, int(bytes));
    if (bytes < 1024 * 1024)
        return tr("%1 KiB").arg(double(bytes) / 1024, 0, 'f', 1);
    return tr("%1 MiB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
}

QString WsLogModel::timeText(qsizetype row) const
{
    const qint64 ns = m_store.at(row).tNs - m_originNs;
    // Seconds with microseconds: enough to see the gap between a ping and its pong.
    return QStringLiteral("%1").arg(double(ns) / 1e9, 0, 'f', 6);
}

QString WsLogModel::typeText(qsizetype row) const
{
    const WsLogRecord &record = m_store.at(row);
    switch (record.kind()) {
    case WsLogKind::Violation: {
        const Violation *violation = m_store.violation(row);
        if (violation && violation->kind && violation->kind->severity != ViolationSeverity::Error)
            return tr("warning");
        return tr("violation");
    }
    case WsLogKind::Event:
        return tr("event");
    case WsLogKind::Message:
    case WsLogKind::Control:
        break;
    }
    switch (WsOpcode(record.opcode)) {
    case WsOpcode::Text: return tr("text");
    case WsOpcode::Binary: return tr("binary");
    case WsOpcode::Close: return tr("close");
    case WsOpcode::Ping: return tr("ping");
    case WsOpcode::Pong: return tr("pong");
    case WsOpcode::Continuation: return tr("continuation");
    default: return tr("reserved 0x%1").arg(record.opcode, 0, 16);
    }
}

namespace {

// What a byte looks like in a row's preview, for a case-insensitive search: ASCII letters
// lower-cased, line breaks and tabs shown as spaces (oneLine), every other byte itself.
struct SearchFold {
    quint8 table[256];
    constexpr SearchFold()
        : table()
    {
        for (int i = 0; i < 256; ++i)
            table[i] = quint8(i >= 'A' && i <= 'Z' ? i + 32 : (i == '\n' || i == '\r' || i == '\t') ? ' ' : i);
    }
};
constexpr SearchFold kFold;

QByteArray foldedForSearch(QByteArrayView bytes)
{
    QByteArray out(bytes.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        out[i] = char(kFold.table[quint8(bytes[i])]);
    return out;
}

bool containsFolded(QByteArrayView haystack, QByteArrayView foldedNeedle)
{
    const auto *h = reinterpret_cast<const quint8 *>(haystack.data());
    const auto *n = reinterpret_cast<const quint8 *>(foldedNeedle.data());
    const qsizetype m = foldedNeedle.size();
    for (qsizetype i = 0; i + m <= haystack.size(); ++i) {
        if (kFold.table[h[i]] != n[0])
            continue;
        qsizetype j = 1;
        while (j < m && kFold.table[h[i + j]] == n[j])
            ++j;
        if (j == m)
            return true;
    }
    return false;
}

} // namespace

static QString oneLine(QString text, int maxChars)
{
    if (text.size() > maxChars) {
        text.truncate(maxChars);
        text += QChar(0x2026);
    }
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    return text;
}

QString WsLogModel::previewText(qsizetype row, int maxChars) const
{
    const WsLogRecord &record = m_store.at(row);
    const QByteArrayView payload = m_store.payload(row);
    switch (record.kind()) {
    case WsLogKind::Violation: {
        const Violation *violation = m_store.violation(row);
        if (!violation || !violation->kind)
            return m_store.note(row);
        QString text = QCoreApplication::translate("Violation", violation->kind->text);
        if (!violation->detail.isEmpty())
            text += QStringLiteral(" (") + violation->detail + u')';
        return oneLine(text, maxChars * 2);
    }
    case WsLogKind::Event:
        return oneLine(m_store.note(row), maxChars * 2);
    case WsLogKind::Message:
    case WsLogKind::Control:
        break;
    }
    if (WsOpcode(record.opcode) == WsOpcode::Close) {
        const WsClosePayload close = wsParseClosePayload(payload.toByteArray());
        if (!close.code)
            return tr("(no status code)");
        const WsCloseCodeInfo info = wsCloseCodeInfo(*close.code);
        QString text = QString::number(*close.code);
        if (*info.name)
            text += u' ' + QCoreApplication::translate("CloseCode", info.name);
        if (!close.reason.isEmpty())
            text += QStringLiteral(": ") + close.reason;
        return oneLine(text, maxChars);
    }
    if (payload.isEmpty())
        return {};
    if (WsOpcode(record.opcode) == WsOpcode::Binary
        || (WsOpcode(record.opcode) != WsOpcode::Text && payload.size() > 0 && payload.first(qMin<qsizetype>(payload.size(), 64)).contains('\0'))) {
        const QByteArrayView head = payload.first(qMin<qsizetype>(payload.size(), maxChars / 3));
        QString hex = QString::fromLatin1(head.toByteArray().toHex(' '));
        if (head.size() < qsizetype(record.size))
            hex += QChar(0x2026);
        return hex;
    }
    // Decode only what is shown; QString::fromUtf8 replaces invalid sequences with U+FFFD.
    const QByteArrayView head = payload.first(qMin<qsizetype>(payload.size(), qsizetype(maxChars) * 4));
    QString text = oneLine(QString::fromUtf8(head), maxChars);
    if (head.size() < qsizetype(record.size) && !text.endsWith(QChar(0x2026)))
        text += QChar(0x2026);
    return text;
}

QString WsLogModel::rowAsText(int row) const
{
    const qsizetype r = storeRow(row);
    if (r < 0)
        return {};
    const WsLogRecord &record = m_store.at(r);
    QStringList cells;
    cells << QString::number(r + 1) << timeText(r)
          << (record.direction() == Direction::Out ? tr("sent") : tr("received")) << typeText(r)
          << QString::number(record.size) << previewText(r, 1 << 16);
    return cells.join(u'\t');
}

QVariant WsLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qsizetype row = storeRow(index.row());
    const WsLogRecord &record = m_store.at(row);
    const bool isViolation = record.kind() == WsLogKind::Violation;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case IndexColumn: return QString::number(row + 1);
        case TimeColumn: return timeText(row);
        case DirectionColumn:
            if (record.kind() == WsLogKind::Event)
                return QString();
            return record.direction() == Direction::Out ? QStringLiteral("\u2191") : QStringLiteral("\u2193");
        case TypeColumn: {
            QString type = typeText(row);
            if (record.frameCount > 1)
                type += tr(" (%n frames)", nullptr, record.frameCount);
            if (record.has(WsLogRecord::Crafted))
                type += tr(" [crafted]");
            return type;
        }
        case SizeColumn:
            return record.kind() == WsLogKind::Message || record.kind() == WsLogKind::Control
                ? sizeText(record.size) : QString();
        case WireSizeColumn:
            return record.has(WsLogRecord::Compressed) ? sizeText(record.wireSize) : QString();
        case PreviewColumn: return previewText(row);
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DirectionColumn && record.kind() != WsLogKind::Event)
            return record.direction() == Direction::Out ? tr("Sent by Wirescope") : tr("Received from the server");
        if (isViolation) {
            const Violation *violation = m_store.violation(row);
            if (violation && violation->kind) {
                return tr("%1\n%2 · %3 · byte offset %4")
                    .arg(previewText(row, 400), QString::fromUtf8(violation->kind->rfc),
                         QString::fromLatin1(violation->kind->id))
                    .arg(violation->offset);
            }
        }
        if (record.has(WsLogRecord::HasViolation) && index.column() == TypeColumn)
            return tr("This row broke a rule of the protocol: see the violation row just above it.");
        if (index.column() == PreviewColumn)
            return previewText(row, 1000);
        return {};
    case Qt::DecorationRole:
        if (index.column() == TypeColumn && isViolation) {
            const Violation *violation = m_store.violation(row);
            const bool warning = violation && violation->kind && violation->kind->severity != ViolationSeverity::Error;
            return warning ? m_warningIcon : m_errorIcon;
        }
        if (index.column() == TypeColumn && record.has(WsLogRecord::HasViolation))
            return m_warningIcon;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == DirectionColumn && record.kind() != WsLogKind::Event)
            return record.direction() == Direction::Out ? QColor(0x2e, 0x7d, 0x32) : QColor(0x15, 0x65, 0xc0);
        if (record.kind() == WsLogKind::Event)
            return QApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::BackgroundRole:
        if (isViolation) {
            const Violation *violation = m_store.violation(row);
            const bool warning = violation && violation->kind && violation->kind->severity != ViolationSeverity::Error;
            return warning ? QColor(255, 193, 7, 70) : QColor(229, 57, 53, 70);
        }
        if (record.has(WsLogRecord::HasViolation))
            return QColor(255, 193, 7, 45); // the frame or message a violation row refers to
        return {};
    case Qt::FontRole:
        if (index.column() == PreviewColumn && record.kind() != WsLogKind::Event && !isViolation)
            return m_monoFont;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == WireSizeColumn || index.column() == IndexColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        if (index.column() == DirectionColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        return {};
    case StoreRowRole: return qlonglong(row);
    case KindRole: return int(record.kind());
    case DirectionRole: return int(record.direction());
    case OpcodeRole: return int(record.opcode);
    case ViolationIdRole: {
        const Violation *violation = isViolation ? m_store.violation(row) : nullptr;
        return violation ? violation->id() : QString();
    }
    default: return {};
    }
}

QVariant WsLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case IndexColumn: return tr("#");
    case TimeColumn: return tr("Time (s)");
    case DirectionColumn: return tr("Dir");
    case TypeColumn: return tr("Type");
    case SizeColumn: return tr("Size");
    case WireSizeColumn: return tr("Compressed");
    case PreviewColumn: return tr("Data");
    case ColumnCount: break;
    }
    return {};
}

bool WsLogModel::filterActive() const
{
    return m_types != ShowAllTypes || m_directions != ShowBothDirections || !m_search.isEmpty();
}

bool WsLogModel::accepts(qsizetype row) const
{
    const WsLogRecord &record = m_store.at(row);
    if (record.kind() != WsLogKind::Event) {
        const quint32 dir = record.direction() == Direction::Out ? ShowOutgoing : ShowIncoming;
        if (!(m_directions & dir))
            return false;
    }
    quint32 type = ShowEvents;
    switch (record.kind()) {
    case WsLogKind::Violation: type = ShowViolations; break;
    case WsLogKind::Event: type = ShowEvents; break;
    case WsLogKind::Control: type = ShowControl; break;
    case WsLogKind::Message: type = WsOpcode(record.opcode) == WsOpcode::Binary ? ShowBinary : ShowText; break;
    }
    if (!(m_types & type))
        return false;
    if (m_search.isEmpty())
        return true;
    if (record.kind() == WsLogKind::Message && WsOpcode(record.opcode) != WsOpcode::Binary) {
        const QByteArrayView payload = m_store.payload(row);
        if (!m_searchFolded.isEmpty())
            return containsFolded(payload, m_searchFolded);
        // Search the raw UTF-8 bytes first: cheap, and exact when the case matches.
        if (std::string_view(payload.data(), size_t(payload.size())).find(std::string_view(m_searchUtf8.constData(), size_t(m_searchUtf8.size())))
            != std::string_view::npos)
            return true;
    }
    return previewText(row, 1 << 16).contains(m_search, Qt::CaseInsensitive);
}

void WsLogModel::rebuildFilter()
{
    beginResetModel();
    m_visible.clear();
    m_announced = m_store.size();
    if (filterActive()) {
        for (qsizetype row = 0; row < m_store.size(); ++row) {
            if (accepts(row))
                m_visible.push_back(quint32(row));
        }
    }
    endResetModel();
}

void WsLogModel::setTypeFilter(quint32 types)
{
    if (types == m_types)
        return;
    m_types = types;
    rebuildFilter();
}

void WsLogModel::setDirectionFilter(quint32 directions)
{
    if (directions == m_directions)
        return;
    m_directions = directions;
    rebuildFilter();
}

void WsLogModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_searchUtf8 = text.toUtf8();
    m_searchFolded.clear();
    const bool ascii = std::all_of(m_searchUtf8.cbegin(), m_searchUtf8.cend(), [](char c) { return quint8(c) < 0x80; });
    if (ascii)
        m_searchFolded = foldedForSearch(m_searchUtf8);
    rebuildFilter();
}

void WsLogModel::setOriginNs(qint64 originNs)
{
    m_originNs = originNs;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn));
}

void WsLogModel::appendBatch(std::vector<WsLogEntry> &&entries)
{
    if (entries.empty())
        return;
    const qsizetype firstNew = m_store.size();
    for (WsLogEntry &entry : entries) {
        const qsizetype row = m_store.append(entry.record, entry.header, entry.data);
        if (entry.violation.kind)
            m_store.setViolation(row, entry.violation);
        if (!entry.note.isEmpty())
            m_store.setNote(row, entry.note);
        if (!entry.frames.empty())
            m_store.setFrames(row, entry.frames);
    }
    // The store already holds the rows; announce them to views in one insertion.
    if (!filterActive()) {
        beginInsertRows({}, int(firstNew), int(m_store.size() - 1));
        m_announced = m_store.size();
        endInsertRows();
        return;
    }
    std::vector<quint32> accepted;
    for (qsizetype row = firstNew; row < m_store.size(); ++row) {
        if (accepts(row))
            accepted.push_back(quint32(row));
    }
    m_announced = m_store.size();
    if (accepted.empty())
        return;
    const int first = int(m_visible.size());
    beginInsertRows({}, first, first + int(accepted.size()) - 1);
    m_visible.insert(m_visible.end(), accepted.begin(), accepted.end());
    endInsertRows();
}

void WsLogModel::clear()
{
    beginResetModel();
    m_store.clear();
    m_visible.clear();
    m_announced = 0;
    endResetModel();
}

std::vector<WsFrame> WsLogModel::framesOf(qsizetype row) const
{
    if (row < 0 || row >= m_store.size())
        return {};
    if (const std::vector<WsFrame> *frames = m_store.sideFrames(row))
        return *frames;
    const WsLogRecord &record = m_store.at(row);
    const QByteArrayView header = m_store.headerBytes(row);
    if (header.isEmpty() || record.has(WsLogRecord::Truncated))
        return {};
    // The store keeps the header and the unmasked payload; the parser reads the header (the
    // payload bytes it unmasks are replaced by the stored ones, which are the real payload).
    WsFrameParserOptions options;
    options.role = record.direction() == Direction::Out ? WsRole::Server : WsRole::Client;
    options.allowedRsvBits = 7;
    WsFrameParser parser(options);
    QByteArray bytes = header.toByteArray();
    bytes.append(m_store.payload(row).data(), m_store.payload(row).size());
    WsParseResult result = parser.feed(bytes);
    std::vector<WsFrame> frames;
    for (WsParseEvent &event : result.events) {
        if (event.type != WsParseEventType::Frame)
            continue;
        WsFrame frame = std::move(event.frame);
        frame.payload = m_store.payload(row).toByteArray();
        frame.streamOffset = -1; // not kept per row: unknown, rather than a wrong 0
        frames.push_back(std::move(frame));
    }
    return frames;
}

} // namespace wirescope

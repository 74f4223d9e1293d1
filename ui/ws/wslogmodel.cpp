#include "ui/ws/wslogmodel.h"

#include "core/session/session.h"
#include "core/wire/wsclosecode.h"
#include "ui/common/noteactions.h"

#include <QApplication>
#include <QColor>
#include <QFontDatabase>
#include <QPalette>
#include <QStyle>
#include <QTimer>

#include <algorithm>
#include <string_view>

namespace wirescope {

namespace {

// DESIGN.md: rows reach the view at most every ~16-33 ms, however fast they arrive. 33 ms:
// each batch costs a repaint (~10 ms for a full log view), so 30 per second leaves the UI
// thread two thirds of its time for input.
constexpr int kFlushIntervalMs = 33;
// A burst never holds more than this many timeline rows back before they are looked at.
constexpr qsizetype kMaxPendingRows = 200'000;
// A search looks at most this much of each payload.
constexpr qsizetype kMaxSearchBytes = 1024 * 1024;

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

QString oneLine(QString text, int maxChars)
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

bool isFrameOrMessage(const TimelineRow &r)
{
    return r.rowKind() == RowKind::Frame || r.rowKind() == RowKind::Message;
}

bool isWarning(const Violation *violation)
{
    return violation && violation->kind && violation->kind->severity != ViolationSeverity::Error;
}

} // namespace

WsLogModel::WsLogModel(Session *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_timeline(&session->timeline())
    , m_timer(new QTimer(this))
    , m_monoFont(QFontDatabase::systemFont(QFontDatabase::FixedFont))
    , m_goneFont(QFontDatabase::systemFont(QFontDatabase::GeneralFont))
    , m_errorIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical))
    , m_warningIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning))
    , m_noteIcon(NoteActions::icon())
    , m_annotations(session->annotations())
    , m_scanned(session->timeline().rowCount())
    , m_pendingEnd(m_scanned)
{
    m_goneFont.setItalic(true);
    m_timer->setSingleShot(true);
    m_timer->setInterval(kFlushIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &WsLogModel::flush);
    connect(session->recorder(), &Recorder::rowsAppended, this, &WsLogModel::onRowsAppended);
    connect(m_annotations, &Annotations::changed, this, [this](qint64 timelineRow) {
        if (const int shown = rowForTimelineRow(timelineRow); shown >= 0)
            emit dataChanged(index(shown, 0), index(shown, ColumnCount - 1));
    });
}

int WsLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WsLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qsizetype WsLogModel::timelineRow(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return qsizetype(m_rows[size_t(row)]);
}

qint64 WsLogModel::memoryUsed() const
{
    // libstdc++ keeps a deque in 512-byte blocks and a map of block pointers.
    constexpr qint64 kBlock = 512;
    const qint64 blocks = (qint64(m_rows.size()) * qint64(sizeof(quint32)) + kBlock - 1) / kBlock + 1;
    return blocks * (kBlock + qint64(sizeof(void *)));
}

int WsLogModel::rowForTimelineRow(qsizetype row) const
{
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), quint32(row));
    return it != m_rows.end() && *it == quint32(row) ? int(it - m_rows.begin()) : -1;
}

qint64 WsLogModel::originNs() const
{
    if (m_connections.isEmpty())
        return 0;
    const TimelineConnection *c = m_timeline->connection(m_connections.first());
    if (!c)
        return 0;
    if (c->openedNs >= 0)
        return c->openedNs;
    return c->firstRow >= 0 ? m_timeline->row(c->firstRow).tNs : 0;
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
    const qint64 ns = m_timeline->row(row).tNs - originNs();
    // Seconds with microseconds: enough to see the gap between a ping and its pong.
    return QStringLiteral("%1").arg(double(ns) / 1e9, 0, 'f', 6);
}

QString WsLogModel::typeText(qsizetype row) const
{
    const TimelineRow &r = m_timeline->row(row);
    switch (r.rowKind()) {
    case RowKind::Violation:
        return isWarning(m_timeline->violation(row)) ? tr("warning") : tr("violation");
    case RowKind::Event:
    case RowKind::Exchange:
        return tr("event");
    case RowKind::Frame:
    case RowKind::Message:
        break;
    }
    switch (WsOpcode(r.opcode)) {
    case WsOpcode::Text: return tr("text");
    case WsOpcode::Binary: return tr("binary");
    case WsOpcode::Close: return tr("close");
    case WsOpcode::Ping: return foldedPong(row) >= 0 ? tr("ping \u21c4 pong") : tr("ping");
    case WsOpcode::Pong: return tr("pong");
    case WsOpcode::Continuation: return tr("continuation");
    default: return tr("reserved 0x%1").arg(r.opcode, 0, 16);
    }
}

QString WsLogModel::handshakeText(const WsHandshakeRecord &record)
{
    const QString status = QStringLiteral("%1 %2").arg(record.response.status).arg(QString::fromUtf8(record.response.reason));
    if (!record.verdict.ok) {
        if (record.response.status == 0)
            return tr("Handshake failed: no HTTP answer");
        return tr("Handshake failed: HTTP %1").arg(status);
    }
    QString text = tr("Connected: HTTP %1").arg(status);
    if (!record.verdict.subprotocol.isEmpty())
        text += tr(", subprotocol %1").arg(record.verdict.subprotocol);
    if (record.deflateNegotiated)
        text += tr(", permessage-deflate");
    return text;
}

QString WsLogModel::failureText(const Failure &failure)
{
    QString text;
    if (failure.kind) {
        text = QCoreApplication::translate("Failure", failure.kind->text);
        if (!failure.detail.isEmpty())
            text += QStringLiteral(": ") + failure.detail;
    } else if (failure.violation.kind) {
        text = QCoreApplication::translate("Violation", failure.violation.kind->text);
        if (!failure.violation.detail.isEmpty())
            text += QStringLiteral(" (") + failure.violation.detail + u')';
    }
    return tr("Failed: %1 (%2)").arg(text, failure.id());
}

QString WsLogModel::closeText(const WsCloseRecord &record)
{
    const WsCloseCodeInfo info = wsCloseCodeInfo(record.code);
    QString text = tr("Closed with %1 %2").arg(record.code).arg(QCoreApplication::translate("CloseCode", info.name));
    if (!record.reason.isEmpty())
        text += QStringLiteral(": ") + record.reason;
    text += record.clean ? tr(" (clean") : tr(" (not clean");
    if (record.initiator == WsCloseInitiator::Client)
        text += tr(", closed by Wirescope)");
    else if (record.initiator == WsCloseInitiator::Server)
        text += tr(", closed by the server)");
    else
        text += u')';
    return text;
}

QString WsLogModel::eventText(qsizetype row) const
{
    const TimelineRow &r = m_timeline->row(row);
    const TimelineConnection *c = m_timeline->connection(r.connection);
    switch (r.eventType()) {
    case EventType::Opening:
        return tr("Connecting to %1").arg(c ? c->label : QString());
    case EventType::Handshake:
        return c && c->handshake ? handshakeText(*c->handshake) : QString();
    case EventType::Failure: {
        const Failure *failure = m_timeline->failure(row);
        return failure ? failureText(*failure) : QString();
    }
    case EventType::Closed:
        return c && c->close ? closeText(*c->close) : tr("Closed");
    case EventType::Note:
        return m_timeline->note(row);
    }
    return {};
}

QString WsLogModel::goneText(qsizetype row) const
{
    const TimelineRow &r = m_timeline->row(row);
    if (!isFrameOrMessage(r))
        return {};
    switch (m_timeline->absence(row)) {
    case ByteStream::Absence::None: return {};
    case ByteStream::Absence::Dropped: return tr("payload dropped (memory budget)");
    case ByteStream::Absence::Released: return tr("payload freed (log cleared)");
    case ByteStream::Absence::NeverSeen: return tr("payload not captured");
    }
    return {};
}

qsizetype WsLogModel::foldedPong(qsizetype row) const
{
    if (m_mode != Mode::Messages || row < 0 || row >= m_timeline->rowCount())
        return -1;
    const TimelineRow &r = m_timeline->row(row);
    if (r.rowKind() != RowKind::Frame || r.opcode != quint8(WsOpcode::Ping) || r.direction() != Direction::Out)
        return -1;
    return m_timeline->pongOf(row);
}

bool WsLogModel::foldedIntoPing(qsizetype row, QByteArray &scratch) const
{
    if (m_mode != Mode::Messages)
        return false;
    const TimelineRow &r = m_timeline->row(row);
    if (r.rowKind() != RowKind::Frame || r.opcode != quint8(WsOpcode::Pong))
        return false;
    // Folded only when its ping's row is in this log: a pong whose ping was cleared (or
    // filtered away) stays a row of its own.
    const qsizetype ping = m_timeline->pingOf(row);
    return ping >= m_clearedBefore && accepts(ping, scratch);
}

QString WsLogModel::previewText(qsizetype row, int maxChars) const
{
    const TimelineRow &r = m_timeline->row(row);
    switch (r.rowKind()) {
    case RowKind::Violation: {
        const Violation *violation = m_timeline->violation(row);
        if (!violation || !violation->kind)
            return {};
        QString text = QCoreApplication::translate("Violation", violation->kind->text);
        if (!violation->detail.isEmpty())
            text += QStringLiteral(" (") + violation->detail + u')';
        return oneLine(text, maxChars * 2);
    }
    case RowKind::Event:
        return oneLine(eventText(row), maxChars * 2);
    case RowKind::Exchange:
        return {};
    case RowKind::Frame:
    case RowKind::Message:
        break;
    }
    const WsOpcode opcode = WsOpcode(r.opcode);
    QString prefix;
    const qsizetype pong = opcode == WsOpcode::Pong ? row : foldedPong(row);
    if (pong >= 0) {
        const qint64 rtt = m_timeline->roundTripNs(pong);
        if (rtt >= 0)
            prefix = tr("round trip %1 ms").arg(double(rtt) / 1e6, 0, 'f', 3);
    }
    const QString gone = goneText(row);
    if (!gone.isEmpty())
        return prefix.isEmpty() ? gone : prefix + QStringLiteral(" \u00b7 ") + gone;
    if (opcode == WsOpcode::Close) {
        const WsClosePayload close = m_timeline->closePayload(row);
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
    QByteArray scratch;
    // Decode only what is shown (a hex byte is 3 characters, a UTF-8 one at most 4 bytes).
    const QByteArrayView payload = m_timeline->payload(row, scratch, qsizetype(maxChars) * 4);
    if (payload.isEmpty())
        return prefix;
    if (!prefix.isEmpty())
        prefix += QStringLiteral(" \u00b7 ");
    if (opcode == WsOpcode::Binary
        || (opcode != WsOpcode::Text && opcode != WsOpcode::Continuation
            && payload.first(qMin<qsizetype>(payload.size(), 64)).contains('\0'))) {
        const QByteArrayView head = payload.first(qMin<qsizetype>(payload.size(), maxChars / 3));
        QString hex = QString::fromLatin1(head.toByteArray().toHex(' '));
        if (head.size() < qsizetype(r.size))
            hex += QChar(0x2026);
        return prefix + hex;
    }
    // QString::fromUtf8 replaces invalid sequences with U+FFFD.
    QString text = oneLine(QString::fromUtf8(payload), maxChars);
    if (payload.size() < qsizetype(r.size) && !text.endsWith(QChar(0x2026)))
        text += QChar(0x2026);
    return prefix + text;
}

QString WsLogModel::rowAsText(int row) const
{
    const qsizetype r = timelineRow(row);
    if (r < 0)
        return {};
    const TimelineRow &record = m_timeline->row(r);
    QStringList cells;
    cells << QString::number(row + 1) << timeText(r)
          << (record.direction() == Direction::Out ? tr("sent") : tr("received")) << typeText(r)
          << (isFrameOrMessage(record) ? QString::number(record.size) : QString()) << previewText(r, 1 << 16);
    return cells.join(u'\t');
}

QVariant WsLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qsizetype row = timelineRow(index.row());
    const TimelineRow &r = m_timeline->row(row);
    const bool isViolation = r.rowKind() == RowKind::Violation;
    const bool isEvent = r.rowKind() == RowKind::Event;
    const bool hasFrames = isFrameOrMessage(r);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case IndexColumn: return QString::number(index.row() + 1);
        case TimeColumn: return timeText(row);
        case DirectionColumn:
            if (isEvent)
                return QString();
            if (foldedPong(row) >= 0)
                return QStringLiteral("\u2191\u2193");
            return r.direction() == Direction::Out ? QStringLiteral("\u2191") : QStringLiteral("\u2193");
        case TypeColumn: {
            QString type = typeText(row);
            if (r.rowKind() == RowKind::Message)
                type += tr(" (%n frames)", nullptr, r.extra);
            else if (r.has(TimelineRow::Fragment))
                type += tr(" (fragment)");
            if (r.has(TimelineRow::Compressed))
                type += tr(", compressed");
            if (r.has(TimelineRow::Crafted))
                type += tr(" [crafted]");
            return type;
        }
        case SizeColumn: return hasFrames ? sizeText(r.size) : QString();
        case WireSizeColumn: return hasFrames ? sizeText(r.wireSize) : QString();
        case PreviewColumn: {
            // The user's label leads the row's data: what they marked is seen while scrolling.
            const QString label = m_annotations->contains(row) ? m_annotations->at(row).label : QString();
            return label.isEmpty() ? previewText(row) : tr("%1 \u2014 %2").arg(label, previewText(row));
        }
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == PreviewColumn && m_annotations->contains(row))
            return QString(NoteActions::toolTip(m_annotations->at(row)) + QStringLiteral("\n\n") + previewText(row, 1000));
        if (index.column() == DirectionColumn && !isEvent)
            return r.direction() == Direction::Out ? tr("Sent by Wirescope") : tr("Received from the server");
        if (isViolation) {
            const Violation *violation = m_timeline->violation(row);
            if (violation && violation->kind) {
                return tr("%1\n%2 · %3 · byte offset %4")
                    .arg(previewText(row, 400), QString::fromUtf8(violation->kind->rfc),
                         QString::fromLatin1(violation->kind->id))
                    .arg(violation->offset);
            }
        }
        if (index.column() == TypeColumn && r.has(TimelineRow::Crafted))
            return tr("Written as crafted bytes: the rules of RFC 6455 were not applied to it.");
        if (index.column() <= TypeColumn && foldedPong(row) >= 0)
            return tr("A ping and the pong that answered it, in one row with the round trip. Select it to "
                      "inspect both frames; the Frames view lists each frame as a row of its own.");
        if (index.column() == TypeColumn && r.has(TimelineRow::HasViolation))
            return tr("This row broke a rule of the protocol: see the violation row just above it.");
        if (index.column() == WireSizeColumn && hasFrames)
            return tr("Bytes on the wire, frame headers included");
        if (index.column() == PreviewColumn && hasFrames && !goneText(row).isEmpty())
            return tr("%1\nThe session no longer keeps these bytes in memory (Edit > Preferences sets the "
                      "payload memory budget; a log's Clear and a closed tab free theirs). The row, its size "
                      "and its time stay; a session saved to a file keeps the bytes.")
                .arg(previewText(row, 400));
        if (index.column() == PreviewColumn)
            return previewText(row, 1000);
        return {};
    case Qt::DecorationRole:
        if (index.column() == PreviewColumn && m_annotations->contains(row))
            return m_noteIcon;
        if (index.column() == TypeColumn && isViolation)
            return isWarning(m_timeline->violation(row)) ? m_warningIcon : m_errorIcon;
        if (index.column() == TypeColumn && r.has(TimelineRow::HasViolation))
            return m_warningIcon;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == DirectionColumn && !isEvent)
            return r.direction() == Direction::Out ? QColor(0x2e, 0x7d, 0x32) : QColor(0x15, 0x65, 0xc0);
        if (index.column() == TypeColumn && r.has(TimelineRow::Crafted))
            return QColor(0x8e, 0x24, 0xaa);
        if (isEvent || (index.column() == PreviewColumn && hasFrames && !m_timeline->bytesHeld(row)))
            return QApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::BackgroundRole:
        if (isViolation)
            return isWarning(m_timeline->violation(row)) ? QColor(255, 193, 7, 70) : QColor(229, 57, 53, 70);
        if (r.has(TimelineRow::HasViolation))
            return QColor(255, 193, 7, 45); // the frame or message a violation row refers to
        return {};
    case Qt::FontRole:
        if (index.column() == PreviewColumn && hasFrames)
            return m_timeline->bytesHeld(row) ? m_monoFont : m_goneFont;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == WireSizeColumn || index.column() == IndexColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        if (index.column() == DirectionColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        return {};
    case TimelineRowRole: return qlonglong(row);
    case KindRole: return int(r.rowKind());
    case DirectionRole: return int(r.direction());
    case OpcodeRole: return int(r.opcode);
    case FlagsRole: return int(r.flags);
    case ViolationIdRole: {
        const Violation *violation = isViolation ? m_timeline->violation(row) : nullptr;
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
    case WireSizeColumn: return tr("Wire");
    case PreviewColumn: return tr("Data");
    case ColumnCount: break;
    }
    return {};
}

bool WsLogModel::filterActive() const
{
    return m_types != ShowAllTypes || m_directions != ShowBothDirections || !m_search.isEmpty();
}

bool WsLogModel::inMode(const TimelineRow &r) const
{
    switch (r.rowKind()) {
    case RowKind::Frame: return m_mode == Mode::Frames || !r.has(TimelineRow::Fragment);
    case RowKind::Message: return m_mode == Mode::Messages;
    case RowKind::Violation:
    case RowKind::Event: return true;
    case RowKind::Exchange: return false;
    }
    return false;
}

quint32 WsLogModel::typeOf(qsizetype row) const
{
    const TimelineRow &r = m_timeline->row(row);
    switch (r.rowKind()) {
    case RowKind::Violation: return ShowViolations;
    case RowKind::Event:
    case RowKind::Exchange: return ShowEvents;
    case RowKind::Frame:
    case RowKind::Message: break;
    }
    WsOpcode opcode = WsOpcode(r.opcode);
    if (opcode == WsOpcode::Continuation) {
        // A continuation frame is of its message's type: the data frame that started it
        // (RFC 6455 §5.4), found through the connection's frames of that direction.
        qint64 offset = r.offset;
        for (int steps = 0; opcode == WsOpcode::Continuation || wsIsControl(opcode); ++steps) {
            const qsizetype previous = steps < 100'000 ? m_timeline->frameRowAt(r.connection, r.direction(), offset - 1) : -1;
            if (previous < 0)
                return ShowText | ShowBinary;
            offset = m_timeline->row(previous).offset;
            opcode = WsOpcode(m_timeline->row(previous).opcode);
        }
    }
    if (opcode == WsOpcode::Text)
        return ShowText;
    if (opcode == WsOpcode::Binary)
        return ShowBinary;
    return ShowControl;
}

bool WsLogModel::accepts(qsizetype row, QByteArray &scratch) const
{
    const TimelineRow &r = m_timeline->row(row);
    if (!showsConnection(r.connection) || !inMode(r) || foldedIntoPing(row, scratch))
        return false;
    if (!filterActive())
        return true;
    if (r.rowKind() != RowKind::Event) {
        const quint32 dir = r.direction() == Direction::Out ? ShowOutgoing : ShowIncoming;
        if (!(m_directions & dir))
            return false;
    }
    if (!(m_types & typeOf(row)))
        return false;
    if (m_search.isEmpty())
        return true;
    const WsOpcode opcode = WsOpcode(r.opcode);
    if (isFrameOrMessage(r) && (opcode == WsOpcode::Text || opcode == WsOpcode::Continuation)) {
        const QByteArrayView payload = m_timeline->payload(row, scratch, kMaxSearchBytes);
        if (!m_searchFolded.isEmpty())
            return containsFolded(payload, m_searchFolded);
        // Search the raw UTF-8 bytes first: cheap, and exact when the case matches.
        if (std::string_view(payload.data(), size_t(payload.size()))
                .find(std::string_view(m_searchUtf8.constData(), size_t(m_searchUtf8.size())))
            != std::string_view::npos)
            return true;
    }
    return previewText(row, 1 << 16).contains(m_search, Qt::CaseInsensitive);
}

void WsLogModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    // Only the span of the log's connections is looked at, and only up to what has been
    // announced (later rows arrive with the next batch).
    qsizetype from = m_scanned;
    for (quint32 id : std::as_const(m_connections)) {
        const TimelineConnection *c = m_timeline->connection(id);
        if (c && c->firstRow >= 0)
            from = std::min(from, c->firstRow);
    }
    from = std::max(from, m_clearedBefore);
    QByteArray scratch;
    for (qsizetype row = from; row < m_scanned; ++row) {
        if (accepts(row, scratch))
            m_rows.push_back(quint32(row));
    }
    endResetModel();
}

void WsLogModel::addConnection(quint32 id)
{
    if (id == 0 || showsConnection(id))
        return;
    if (id >= m_member.size())
        m_member.resize(id + 1, false);
    m_member[id] = true;
    m_connections.append(id);
    const TimelineConnection *c = m_timeline->connection(id);
    if (c && c->firstRow >= 0 && c->firstRow < m_scanned)
        rebuild(); // a past connection: its rows are already in the timeline
}

void WsLogModel::clear()
{
    beginResetModel();
    std::deque<quint32>().swap(m_rows); // clear() would keep a block and the map
    m_clearedBefore = m_scanned;
    endResetModel();
}

void WsLogModel::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    rebuild();
}

void WsLogModel::setTypeFilter(quint32 types)
{
    if (types == m_types)
        return;
    m_types = types;
    rebuild();
}

void WsLogModel::setDirectionFilter(quint32 directions)
{
    if (directions == m_directions)
        return;
    m_directions = directions;
    rebuild();
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
    rebuild();
}

void WsLogModel::onRowsAppended(qsizetype, qsizetype end)
{
    m_pendingEnd = std::max(m_pendingEnd, end);
    if (pendingRows() >= kMaxPendingRows)
        flush();
    else if (!m_timer->isActive())
        m_timer->start();
}

// A violation can arrive after the frame it belongs to was shown (a rule broken across
// fragments is found at a later frame): the timeline flags that frame, its row repaints.
void WsLogModel::repaintFlaggedRows(qsizetype first, qsizetype end)
{
    for (qsizetype row = first; row < end; ++row) {
        if (m_timeline->row(row).rowKind() != RowKind::Violation)
            continue;
        const qsizetype target = m_timeline->violationTarget(row);
        if (target < 0 || target >= first)
            continue;
        const int shown = rowForTimelineRow(target);
        if (shown >= 0)
            Q_EMIT dataChanged(index(shown, 0), index(shown, ColumnCount - 1));
    }
}

// A pong folded into its ping's row arrives after that row was shown: the row repaints with
// the round trip.
void WsLogModel::repaintFoldedPings(qsizetype first, qsizetype end)
{
    if (m_mode != Mode::Messages)
        return;
    for (qsizetype row = first; row < end; ++row) {
        const TimelineRow &r = m_timeline->row(row);
        if (r.rowKind() != RowKind::Frame || r.opcode != quint8(WsOpcode::Pong))
            continue;
        const int shown = rowForTimelineRow(m_timeline->pingOf(row));
        if (shown >= 0)
            Q_EMIT dataChanged(index(shown, 0), index(shown, ColumnCount - 1));
    }
}

void WsLogModel::flush()
{
    m_timer->stop();
    if (m_pendingEnd <= m_scanned)
        return;
    const qsizetype first = m_scanned;
    const qsizetype end = m_pendingEnd;
    std::vector<quint32> accepted;
    if (!m_connections.isEmpty()) {
        QByteArray scratch;
        for (qsizetype row = first; row < end; ++row) {
            if (accepts(row, scratch))
                accepted.push_back(quint32(row));
        }
    }
    m_scanned = end;
    if (!accepted.empty()) {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at + int(accepted.size()) - 1);
        m_rows.insert(m_rows.end(), accepted.begin(), accepted.end());
        endInsertRows();
    }
    repaintFlaggedRows(first, end);
    repaintFoldedPings(first, end);
    Q_EMIT rowsScanned(first, end);
}

} // namespace wirescope

#include "ui/lab/labsummarymodel.h"

#include "ui/lab/labwording.h"

#include <QFont>

namespace wirescope {

LabSummaryModel::LabSummaryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LabSummaryModel::reset(const LabConfig &config)
{
    beginResetModel();
    m_config = config;
    m_rows.clear();
    for (LabTransport transport : config.transports) {
        Row row;
        row.transport = transport;
        m_rows.append(row);
    }
    endResetModel();
}

int LabSummaryModel::rowOf(LabTransport transport) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).transport == transport)
            return i;
    return -1;
}

void LabSummaryModel::changed(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void LabSummaryModel::setRunning(LabTransport transport)
{
    const int row = rowOf(transport);
    if (row < 0)
        return;
    m_rows[row].state = State::Running;
    changed(row);
}

void LabSummaryModel::setLive(LabTransport transport, qint64 delivered, qint64 late)
{
    const int row = rowOf(transport);
    if (row < 0 || m_rows.at(row).state != State::Running)
        return;
    m_rows[row].liveDelivered = delivered;
    m_rows[row].liveLate = late;
    changed(row);
}

void LabSummaryModel::setResult(const LabTransportResult &result)
{
    const int row = rowOf(result.transport);
    if (row < 0)
        return;
    Row &r = m_rows[row];
    r.result = result;
    r.result.samples.clear(); // the window keeps the run; the table needs the figures only
    r.state = result.ran() ? State::Done : State::Failed;
    changed(row);
}

void LabSummaryModel::finishRun(bool cancelled)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        Row &r = m_rows[row];
        if (r.state == State::Waiting || (cancelled && r.state == State::Running)) {
            r.state = State::NotRun;
            changed(row);
        }
    }
}

void LabSummaryModel::setColors(const QColor &error, const QColor &muted)
{
    m_error = error;
    m_muted = muted;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

int LabSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LabSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

// The delay a transport is judged by in this workload: the round trip of the client's
// own messages in echo, else the push delay of the server's.
const LabDelay &delayOf(const LabTransportResult &result, LabWorkload workload)
{
    return workload == LabWorkload::Echo ? result.roundTrip : result.pushDelay;
}

} // namespace

QVariant LabSummaryModel::value(const Row &row, int column) const
{
    const LabTransportResult &r = row.result;
    const bool done = row.state == State::Done;
    const double n = double(r.messagesDelivered);
    switch (column) {
    case DeliveredColumn:
        if (row.state == State::Running)
            return row.liveDelivered;
        return done ? QVariant(r.messagesDelivered) : QVariant();
    case LostColumn: return done ? QVariant(r.lost) : QVariant();
    case LateColumn:
        if (row.state == State::Running)
            return row.liveLate;
        return done ? QVariant(r.late) : QVariant();
    case P50Column: return done ? QVariant(delayOf(r, m_config.workload).p50Ms) : QVariant();
    case P99Column: return done ? QVariant(delayOf(r, m_config.workload).p99Ms) : QVariant();
    case MaxColumn: return done ? QVariant(delayOf(r, m_config.workload).maxMs) : QVariant();
    case BytesColumn: return done && n > 0 ? QVariant(double(r.wireBytesIn + r.wireBytesOut) / n) : QVariant();
    case OverheadColumn: {
        // What deflate saved is not negative overhead: the overhead is what is not the
        // payload as it crossed (deflated or not).
        const qint64 saved = qMin<qint64>(0, r.overhead.compression);
        return done && n > 0 ? QVariant(double(r.overhead.total() - saved) / n) : QVariant();
    }
    case ConnectionsColumn: return done ? QVariant(r.connections) : QVariant();
    case RequestsColumn:
        return done ? QVariant(isWebSocketTransport(r.transport) ? r.frames : r.requests) : QVariant();
    default: return {};
    }
}

QString LabSummaryModel::display(const Row &row, int column) const
{
    const LabTransportResult &r = row.result;
    if (column == TransportColumn)
        return LabWording::transportName(row.transport);
    if (column == WordsColumn) {
        switch (row.state) {
        case State::Waiting: return tr("Waiting");
        case State::Running: return tr("Running\u2026");
        case State::Done: return LabWording::summary(r, m_config);
        case State::Failed: return LabWording::failure(r.error);
        case State::NotRun: return tr("Not run: the lab was stopped first.");
        }
    }
    if (row.state == State::Failed || row.state == State::NotRun)
        return column == TransportColumn ? QString() : QStringLiteral("\u2014");
    const QVariant v = value(row, column);
    if (!v.isValid())
        return {};
    switch (column) {
    case DeliveredColumn:
        return row.state == State::Done ? tr("%1 of %2").arg(r.messagesDelivered).arg(r.messagesSent)
                                        : QString::number(v.toLongLong());
    case P50Column:
    case P99Column:
    case MaxColumn: return LabWording::delay(v.toDouble());
    case BytesColumn:
    case OverheadColumn: return tr("%1 B").arg(LabWording::perMessage(v.toDouble()));
    case RequestsColumn:
        return isWebSocketTransport(r.transport) ? tr("%n frame(s)", nullptr, int(r.frames))
                                                 : tr("%n request(s)", nullptr, int(r.requests));
    default: return QString::number(v.toLongLong());
    }
}

QVariant LabSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == WordsColumn || index.column() == TransportColumn)
            return display(row, WordsColumn);
        return {};
    case Qt::ForegroundRole:
        if (row.state == State::Failed)
            return m_error;
        if (row.state == State::Waiting || row.state == State::NotRun)
            return m_muted;
        return {};
    case Qt::FontRole:
        if (index.column() == TransportColumn || row.state == State::Failed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TransportColumn || index.column() == WordsColumn)
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case StateRole: return int(row.state);
    case TransportRole: return int(row.transport);
    case ValueRole: return value(row, index.column());
    default: return {};
    }
}

QVariant LabSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    const bool echo = m_config.workload == LabWorkload::Echo;
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TransportColumn: return tr("Transport");
        case DeliveredColumn: return tr("Delivered");
        case LostColumn: return tr("Lost");
        case LateColumn: return tr("Late");
        case P50Column: return tr("p50");
        case P99Column: return tr("p99");
        case MaxColumn: return tr("max");
        case BytesColumn: return tr("Wire B/msg");
        case OverheadColumn: return tr("Overhead/msg");
        case ConnectionsColumn: return tr("Conn.");
        case RequestsColumn: return tr("Requests");
        case WordsColumn: return tr("In words");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case DeliveredColumn: return tr("Distinct messages received, of those sent (duplicates not counted)");
        case LostColumn: return tr("Messages sent that never arrived");
        case LateColumn: return tr("Messages delivered after more than the \"late after\" delay");
        case P50Column:
            return echo ? tr("Median round trip: the client's message written to its answer read")
                        : tr("Median push delay: the server created the message to the client read it");
        case P99Column: return echo ? tr("99th percentile of the round trip") : tr("99th percentile of the push delay");
        case MaxColumn: return echo ? tr("Longest round trip") : tr("Longest push delay");
        case BytesColumn:
            return tr("Every byte the client's sockets wrote and read, per delivered message (handshakes included)");
        case OverheadColumn:
            return tr("Wire bytes that are not payload (as it crossed: deflated where deflate was on), per delivered message");
        case ConnectionsColumn: return tr("TCP connections the client opened");
        case RequestsColumn: return tr("HTTP requests, or WebSocket frames in both directions");
        case WordsColumn: return tr("The result in words, from the numbers of this run");
        default: return {};
        }
    }
    return {};
}

} // namespace wirescope

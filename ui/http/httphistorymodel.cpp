#include "ui/http/httphistorymodel.h"

#include "core/session/annotations.h"
#include "ui/common/noteactions.h"
#include "ui/common/units.h"
#include "ui/http/httpresponseview.h"

namespace wirescope {

HttpHistoryModel::HttpHistoryModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{
}

void HttpHistoryModel::setAnnotations(const Annotations *annotations)
{
    m_annotations = annotations;
    m_noteIcon = NoteActions::icon();
    connect(annotations, &Annotations::changed, this, [this](qint64 timelineRow) {
        for (int row = 0; row < int(m_entries.size()); ++row)
            if (m_entries.at(row).timelineRow == timelineRow)
                emit dataChanged(index(row, 0), index(row, int(Column::Count) - 1));
    });
}

void HttpHistoryModel::add(const HttpExchangeRecord &record, const QDateTime &when, qsizetype timelineRow)
{
    if (m_entries.size() >= m_capacity) {
        const int last = int(m_entries.size()) - 1;
        beginRemoveRows({}, last, last);
        m_entries.removeLast();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend({when, record, timelineRow});
    endInsertRows();
}

void HttpHistoryModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int HttpHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HttpHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant HttpHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    const HttpHop *hop = e.record.finalHop();
    const int status = hop ? hop->response.status : 0;
    const bool annotated = m_annotations && e.timelineRow >= 0 && m_annotations->contains(e.timelineRow);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Column::Time:
            return e.when.toString(QStringLiteral("HH:mm:ss"));
        case Column::Method:
            return e.record.request.method();
        case Column::Url:
            return hop ? hop->request.url : e.record.request.url();
        case Column::Status:
            if (status > 0)
                return QString::number(status);
            return e.record.error.isNull() ? tr("incomplete") : e.record.error.id();
        case Column::Duration:
            return (e.record.startNs >= 0 && e.record.endNs >= e.record.startNs)
                       ? formatDurationNs(e.record.endNs - e.record.startNs)
                       : QString();
        case Column::Count:
            break;
        }
        break;
    case Qt::ForegroundRole:
        if (Column(index.column()) == Column::Status)
            return HttpResponseView::statusColor(status);
        break;
    case Qt::TextAlignmentRole:
        if (Column(index.column()) == Column::Duration || Column(index.column()) == Column::Status)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::DecorationRole:
        // The marker sits on the method, which the narrowest dock still shows.
        if (annotated && Column(index.column()) == Column::Method)
            return m_noteIcon;
        break;
    case Qt::ToolTipRole: {
        QString sent = tr("%1 %2, sent %3. Double-click to reopen.")
                           .arg(e.record.request.method(), e.record.request.url(), e.when.toString(Qt::ISODate));
        if (annotated)
            sent = NoteActions::toolTip(m_annotations->at(e.timelineRow)) + QStringLiteral("\n\n") + sent;
        // The URL column's text may be cut in the middle: its tooltip starts with the whole URL.
        if (Column(index.column()) == Column::Url && hop)
            return QString(hop->request.url + u'\n' + sent);
        return sent;
    }
    case StatusCodeRole:
        return status;
    default:
        break;
    }
    return {};
}

QVariant HttpHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Time:
        return tr("Time");
    case Column::Method:
        return tr("Method");
    case Column::Url:
        return tr("URL");
    case Column::Status:
        return tr("Status");
    case Column::Duration:
        return tr("Duration");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace wirescope

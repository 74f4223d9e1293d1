#include "ui/app/demoendpointsmodel.h"

#include <QCoreApplication>

namespace wirescope {

DemoEndpointsModel::DemoEndpointsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DemoEndpointsModel::setBaseUrls(const QUrl &httpBase, const QUrl &wsBase)
{
    beginResetModel();
    m_httpBase = httpBase;
    m_wsBase = wsBase;
    m_rows = (httpBase.isValid() && wsBase.isValid()) ? DemoEndpoint::all() : QList<DemoEndpoint>{};
    endResetModel();
}

QUrl DemoEndpointsModel::urlAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const DemoEndpoint &e = m_rows.at(row);
    const QUrl &base = e.isWebSocket() ? m_wsBase : m_httpBase;
    QString text = base.toString(QUrl::StripTrailingSlash) + QString::fromLatin1(e.example);
    return QUrl(text, QUrl::StrictMode);
}

QString DemoEndpointsModel::methodAt(int row) const
{
    return (row >= 0 && row < m_rows.size()) ? QString::fromLatin1(m_rows.at(row).exampleMethod()) : QString();
}

bool DemoEndpointsModel::isWebSocketAt(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows.at(row).isWebSocket();
}

int DemoEndpointsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DemoEndpointsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant DemoEndpointsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DemoEndpoint &e = m_rows.at(index.row());
    const QString description = QCoreApplication::translate("DemoEndpoint", e.description);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Column::Method:
            return e.methodLabel();
        case Column::Path:
            return QString::fromLatin1(e.example);
        case Column::Description:
            return description;
        case Column::Count:
            break;
        }
        break;
    case Qt::ToolTipRole:
        return QString(description + u'\n' + urlAt(index.row()).toString());
    case UrlRole:
        return urlAt(index.row());
    case MethodRole:
        return methodAt(index.row());
    case IsWebSocketRole:
        return isWebSocketAt(index.row());
    default:
        break;
    }
    return {};
}

QVariant DemoEndpointsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Method:
        return tr("Method");
    case Column::Path:
        return tr("Path");
    case Column::Description:
        return tr("What it does");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace wirescope

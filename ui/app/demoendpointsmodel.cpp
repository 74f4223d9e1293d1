#include "ui/app/demoendpointsmodel.h"

#include <QCoreApplication>

namespace wirescope {

DemoEndpointsModel::DemoEndpointsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QList<DemoEndpointsModel::Endpoint> DemoEndpointsModel::endpoints()
{
    // The endpoints of issue 2 (httpbin- and echo-style), each with an example that answers as is.
    return {
        {QStringLiteral("GET"), QStringLiteral("/get?greeting=hello"), QT_TR_NOOP("Echoes the request as JSON")},
        {QStringLiteral("POST"), QStringLiteral("/post"), QT_TR_NOOP("Echoes the request and its body as JSON")},
        {QStringLiteral("PUT"), QStringLiteral("/put"), QT_TR_NOOP("Echoes the request and its body as JSON")},
        {QStringLiteral("PATCH"), QStringLiteral("/patch"), QT_TR_NOOP("Echoes the request and its body as JSON")},
        {QStringLiteral("DELETE"), QStringLiteral("/delete"), QT_TR_NOOP("Echoes the request as JSON")},
        {QStringLiteral("GET"), QStringLiteral("/status/418"), QT_TR_NOOP("Answers with the status code in the path")},
        {QStringLiteral("GET"), QStringLiteral("/delay/1"), QT_TR_NOOP("Answers after the given number of seconds")},
        {QStringLiteral("GET"), QStringLiteral("/bytes/1024"), QT_TR_NOOP("Sends n random bytes")},
        {QStringLiteral("GET"), QStringLiteral("/stream/5"), QT_TR_NOOP("Sends n JSON lines, chunked")},
        {QStringLiteral("GET"), QStringLiteral("/gzip"), QT_TR_NOOP("A gzip-encoded JSON body")},
        {QStringLiteral("GET"), QStringLiteral("/deflate"), QT_TR_NOOP("A deflate-encoded JSON body")},
        {QStringLiteral("GET"), QStringLiteral("/redirect/3"), QT_TR_NOOP("Redirects n times, then answers /get")},
        {QStringLiteral("GET"), QStringLiteral("/headers"), QT_TR_NOOP("Returns the request headers in order")},
        {QStringLiteral("GET"), QStringLiteral("/cookies"), QT_TR_NOOP("Returns the cookies sent")},
        {QStringLiteral("GET"), QStringLiteral("/cookies/set?flavour=oatmeal"), QT_TR_NOOP("Sets the cookies given in the query")},
        {QStringLiteral("GET"), QStringLiteral("/poll"), QT_TR_NOOP("Long poll: answers at the next server event or a timeout")},
        {QStringLiteral("WS"), QStringLiteral("/ws/echo"), QT_TR_NOOP("Echoes every message")},
        {QStringLiteral("WS"), QStringLiteral("/ws/ticker?hz=10&size=64"), QT_TR_NOOP("Pushes JSON ticks at a chosen rate and size")},
        {QStringLiteral("WS"), QStringLiteral("/ws/chat"), QT_TR_NOOP("Broadcasts to every connected client")},
    };
}

void DemoEndpointsModel::setBaseUrls(const QUrl &httpBase, const QUrl &wsBase)
{
    beginResetModel();
    m_httpBase = httpBase;
    m_wsBase = wsBase;
    m_rows = (httpBase.isValid() && wsBase.isValid()) ? endpoints() : QList<Endpoint>{};
    endResetModel();
}

QUrl DemoEndpointsModel::urlAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const Endpoint &e = m_rows.at(row);
    const QUrl &base = e.method == QLatin1String("WS") ? m_wsBase : m_httpBase;
    QString text = base.toString(QUrl::StripTrailingSlash) + e.pathAndQuery;
    return QUrl(text, QUrl::StrictMode);
}

QString DemoEndpointsModel::methodAt(int row) const
{
    return (row >= 0 && row < m_rows.size()) ? m_rows.at(row).method : QString();
}

bool DemoEndpointsModel::isWebSocketAt(int row) const
{
    return methodAt(row) == QLatin1String("WS");
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
    const Endpoint &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Column::Method:
            return e.method;
        case Column::Path:
            return e.pathAndQuery;
        case Column::Description:
            return tr(e.description);
        case Column::Count:
            break;
        }
        break;
    case Qt::ToolTipRole:
        return QString(tr(e.description) + u'\n' + urlAt(index.row()).toString());
    case UrlRole:
        return urlAt(index.row());
    case MethodRole:
        return e.method;
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

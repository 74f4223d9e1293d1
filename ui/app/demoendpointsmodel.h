#pragma once

#include "core/demo/demoendpoints.h"

#include <QAbstractTableModel>
#include <QList>
#include <QUrl>

namespace wirescope {

// The embedded demo server's endpoints (DemoEndpoint::all(), the table its router is built
// from) as a table: one row per example URL, built from the server's base URLs so a click
// copies or opens a URL that answers right now.
class DemoEndpointsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Method = 0, Path, Description, Count };
    enum Role { UrlRole = Qt::UserRole + 1, MethodRole, IsWebSocketRole };

    explicit DemoEndpointsModel(QObject *parent = nullptr);

    // Empty base URLs (demo server not running) leave the model empty: nothing to click that fails.
    void setBaseUrls(const QUrl &httpBase, const QUrl &wsBase);
    QUrl urlAt(int row) const;
    QString methodAt(int row) const; // the method that tries the example ("GET" for "ANY")
    bool isWebSocketAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DemoEndpoint> m_rows;
    QUrl m_httpBase;
    QUrl m_wsBase;
};

} // namespace wirescope

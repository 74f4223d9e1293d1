#pragma once

#include <QTableView>

namespace wirescope {

// The History table, readable at any dock width: method, status and duration as narrow as
// their contents, the URL taking the rest and cut in the middle (host and the end of the path
// stay; the whole URL is in its tooltip). When the URL would get less than about 24
// characters, the duration and then the time sent make room (both are in every row's
// tooltip): at 1366×768 the dock is about 220 px wide.
class HttpHistoryView : public QTableView
{
    Q_OBJECT
public:
    explicit HttpHistoryView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    // The narrowest the URL column may get before an optional column gives way.
    int minimumUrlWidth() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitColumns();
    int wanted(int column) const;

    bool m_fitting = false;
};

} // namespace wirescope

#include "ui/http/httphistoryview.h"

#include "ui/http/httphistorymodel.h"
#include "ui/http/urlelidedelegate.h"

#include <QHeaderView>

namespace wirescope {

HttpHistoryView::HttpHistoryView(QWidget *parent)
    : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    verticalHeader()->hide();
    setWordWrap(false);
    setAlternatingRowColors(true);
    horizontalHeader()->setMinimumSectionSize(fontMetrics().horizontalAdvance(QStringLiteral("000")));
    setItemDelegateForColumn(int(HttpHistoryModel::Column::Url), new UrlElideDelegate(this));
}

void HttpHistoryView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    using C = HttpHistoryModel::Column;
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(int(C::Url), QHeaderView::Stretch);
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &HttpHistoryView::fitColumns);
        connect(model, &QAbstractItemModel::modelReset, this, &HttpHistoryView::fitColumns);
    }
    fitColumns();
}

int HttpHistoryView::minimumUrlWidth() const
{
    return fontMetrics().averageCharWidth() * 24;
}

int HttpHistoryView::wanted(int column) const
{
    return std::max(sizeHintForColumn(column), horizontalHeader()->sectionSizeHint(column));
}

void HttpHistoryView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    fitColumns();
}

void HttpHistoryView::fitColumns()
{
    if (m_fitting || !model())
        return;
    m_fitting = true;
    using C = HttpHistoryModel::Column;
    const int room = viewport()->width() - minimumUrlWidth();
    int used = wanted(int(C::Method)) + wanted(int(C::Status));
    const bool duration = used + wanted(int(C::Duration)) <= room;
    if (duration)
        used += wanted(int(C::Duration));
    const bool time = duration && used + wanted(int(C::Time)) <= room;
    setColumnHidden(int(C::Duration), !duration);
    setColumnHidden(int(C::Time), !time);
    m_fitting = false;
}

} // namespace wirescope

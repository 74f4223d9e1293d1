#pragma once

#include <QStyledItemDelegate>

class QFontMetrics;

namespace wirescope {

// Draws a URL that does not fit by cutting its middle: the host and the end of the path stay
// readable ("127.0.0.1:8080/…/items/42?page=2"), where Qt's elision would keep "http://127.0…"
// and show nothing that tells two rows apart.
class UrlElideDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The URL as it fits `width` pixels: whole; else without its scheme; else host, "…" and as
    // much of the end as fits; else Qt's middle elision of the host.
    static QString elide(const QString &url, const QFontMetrics &metrics, int width);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace wirescope

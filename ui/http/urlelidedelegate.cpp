#include "ui/http/urlelidedelegate.h"

#include <QApplication>
#include <QFontMetrics>
#include <QStyle>

namespace wirescope {

QString UrlElideDelegate::elide(const QString &url, const QFontMetrics &metrics, int width)
{
    if (metrics.horizontalAdvance(url) <= width)
        return url;
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    const QString rest = scheme >= 0 ? url.mid(scheme + 3) : url;
    if (metrics.horizontalAdvance(rest) <= width)
        return rest;
    const qsizetype slash = rest.indexOf(u'/');
    const QString host = slash < 0 ? rest : rest.left(slash);
    const QString ellipsis = QStringLiteral("/\u2026");
    const int room = width - metrics.horizontalAdvance(host + ellipsis);
    if (slash < 0 || room < metrics.horizontalAdvance(QStringLiteral("/xxxx")))
        return metrics.elidedText(rest, Qt::ElideMiddle, width);
    // As many of the last characters as fit, starting at a '/' when one is close.
    const QString path = rest.mid(slash);
    qsizetype from = path.size();
    int used = 0;
    while (from > 0 && used + metrics.horizontalAdvance(path.at(from - 1)) <= room)
        used += metrics.horizontalAdvance(path.at(--from));
    const qsizetype cut = path.indexOf(u'/', from);
    if (cut > 0 && cut - from < 12 && cut < path.size() - 1)
        from = cut;
    QString tail = path.mid(from);
    if (tail.startsWith(u'/'))
        tail.remove(0, 1);
    return host + ellipsis + tail;
}

void UrlElideDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option->widget) + 1;
    option->text = elide(option->text, option->fontMetrics, option->rect.width() - 2 * margin);
}

} // namespace wirescope

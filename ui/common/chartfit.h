#pragma once

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QValueAxis>

namespace wirescope {

// A chart in a short dock (a third of a 768 px screen) has no room for its title, legend and
// axis titles and a plot: Qt Charts then squeezes the plot to nothing and elides every label
// to "...". Drop the decorations that say least first (title, then the x axis title, then the
// legend); the y axis keeps its unit title.
inline void fitChartDecorations(QChart *chart, int viewHeight)
{
    const bool title = viewHeight >= 190;
    const bool xTitle = viewHeight >= 150;
    const bool legend = viewHeight >= 120;
    if (!chart->title().isEmpty() || !chart->property("wsTitle").toString().isEmpty()) {
        if (chart->property("wsTitle").toString().isEmpty())
            chart->setProperty("wsTitle", chart->title());
        chart->setTitle(title ? chart->property("wsTitle").toString() : QString());
    }
    chart->legend()->setVisible(legend);
    for (QAbstractAxis *axis : chart->axes(Qt::Horizontal))
        axis->setTitleVisible(xTitle);
    // A y label needs about 30 px, or Qt Charts elides them all.
    for (QAbstractAxis *axis : chart->axes(Qt::Vertical)) {
        auto *values = qobject_cast<QValueAxis *>(axis);
        if (values && values->tickType() == QValueAxis::TicksFixed)
            values->setTickCount(qBound(2, (viewHeight - 60) / 30 + 1, 5));
    }
}

} // namespace wirescope

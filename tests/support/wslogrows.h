#pragma once

#include "ui/ws/wslogmodel.h"

#include <QStringList>

namespace wirescope::test {

// Every row of a WebSocket log as a person reads it: time, direction, type, size, data.
inline QStringList shownRows(const WsLogModel *model)
{
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = WsLogModel::TimeColumn; column < WsLogModel::ColumnCount; ++column)
            cells << model->index(row, column).data().toString();
        rows << cells.join(u'|');
    }
    return rows;
}

} // namespace wirescope::test

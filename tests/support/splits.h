#pragma once

#include <QList>

namespace wirescope::test {

// The cut points that feed a resumable parser every way that matters: the whole buffer at
// once, one byte at a time, and every two-piece split.
inline QList<QList<qsizetype>> everySplit(qsizetype size)
{
    QList<QList<qsizetype>> out{{}};
    QList<qsizetype> bytewise;
    for (qsizetype i = 1; i < size; ++i) {
        bytewise.append(i);
        out.append(QList<qsizetype>{i});
    }
    out.append(bytewise);
    return out;
}

} // namespace wirescope::test

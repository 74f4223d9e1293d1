#pragma once

#include <QString>

namespace wirescope {

class Timeline;

// One line per row from `first` on, with offsets, sizes, flags and what each violation row
// belongs to: the golden-log format of the recorder's tests, and a readable dump for bugs.
// Times are left out unless asked for (they differ between runs).
QString timelineText(const Timeline &timeline, qsizetype first = 0, bool withTimes = false);
QString timelineRowText(const Timeline &timeline, qsizetype row, bool withTimes = false);

} // namespace wirescope

#pragma once

#include <QString>
#include <QtGlobal>

namespace wirescope {

// Human figures for durations and sizes, one convention for every view:
// "412 µs", "12.34 ms", "1.234 s"; "512 B", "1.5 KiB", "3.2 MiB".
QString formatDurationNs(qint64 ns);
QString formatBytes(qint64 bytes);

} // namespace wirescope

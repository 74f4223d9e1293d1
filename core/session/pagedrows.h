#pragma once

#include "core/session/timelinerow.h"

#include <memory>
#include <vector>

namespace wirescope {

// The timeline's rows in fixed pages of 8192 rows (256 KiB). Appending never moves what is
// stored: a vector that doubles copies every row and touches twice the memory once per
// doubling, which held the UI thread for tens of milliseconds at half a million rows.
class PagedRows
{
public:
    static constexpr int kPageBits = 13;
    static constexpr qsizetype kPageRows = qsizetype(1) << kPageBits;

    qsizetype size() const { return m_size; }
    const TimelineRow &operator[](qsizetype index) const
    {
        return m_pages[size_t(index >> kPageBits)][size_t(index & (kPageRows - 1))];
    }
    TimelineRow &operator[](qsizetype index)
    {
        return m_pages[size_t(index >> kPageBits)][size_t(index & (kPageRows - 1))];
    }
    void append(const TimelineRow *rows, qsizetype count);
    // The pages held (whole pages: the last one is allocated at once).
    qint64 memoryUsed() const;

private:
    std::vector<std::unique_ptr<TimelineRow[]>> m_pages;
    qsizetype m_size = 0;
};

} // namespace wirescope

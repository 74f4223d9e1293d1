#include "core/session/pagedrows.h"

#include <algorithm>

namespace wirescope {

void PagedRows::append(const TimelineRow *rows, qsizetype count)
{
    while (count > 0) {
        const qsizetype inPage = m_size & (kPageRows - 1);
        if (inPage == 0 && qsizetype(m_pages.size()) == (m_size >> kPageBits))
            m_pages.push_back(std::unique_ptr<TimelineRow[]>(new TimelineRow[size_t(kPageRows)]));
        const qsizetype take = std::min(count, kPageRows - inPage);
        std::copy(rows, rows + take, m_pages.back().get() + inPage);
        m_size += take;
        rows += take;
        count -= take;
    }
}

qint64 PagedRows::memoryUsed() const
{
    return qint64(m_pages.size()) * kPageRows * qint64(sizeof(TimelineRow))
        + qint64(m_pages.capacity() * sizeof(std::unique_ptr<TimelineRow[]>));
}

} // namespace wirescope

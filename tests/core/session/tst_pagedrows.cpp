#include "core/session/pagedrows.h"

#include <QTest>

#include <vector>

using namespace wirescope;

class TestPagedRows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsAcrossPagesInOrder_data();
    void appendsAcrossPagesInOrder();
    void storedRowsNeverMove();
};

static std::vector<TimelineRow> numbered(qsizetype from, qsizetype count)
{
    std::vector<TimelineRow> rows(static_cast<size_t>(count));
    for (qsizetype i = 0; i < count; ++i)
        rows[size_t(i)].tNs = from + i;
    return rows;
}

void TestPagedRows::appendsAcrossPagesInOrder_data()
{
    QTest::addColumn<qsizetype>("batch");
    QTest::newRow("one row at a time") << qsizetype(1);
    QTest::newRow("batches that straddle pages") << qsizetype(PagedRows::kPageRows / 3 + 7);
    QTest::newRow("a batch of several pages") << qsizetype(PagedRows::kPageRows * 2 + 1);
}

void TestPagedRows::appendsAcrossPagesInOrder()
{
    QFETCH(qsizetype, batch);
    const qsizetype total = PagedRows::kPageRows * 3 + 5;
    PagedRows rows;
    for (qsizetype done = 0; done < total; done += batch) {
        const std::vector<TimelineRow> more = numbered(done, std::min(batch, total - done));
        rows.append(more.data(), qsizetype(more.size()));
    }
    QCOMPARE(rows.size(), total);
    for (qsizetype i = 0; i < total; ++i) {
        if (rows[i].tNs != i)
            QFAIL(qPrintable(QStringLiteral("row %1 holds %2").arg(i).arg(rows[i].tNs)));
    }
    // Four pages, nothing more.
    QVERIFY(rows.memoryUsed() >= 4 * PagedRows::kPageRows * qint64(sizeof(TimelineRow)));
    QVERIFY(rows.memoryUsed() < 5 * PagedRows::kPageRows * qint64(sizeof(TimelineRow)));
}

void TestPagedRows::storedRowsNeverMove()
{
    PagedRows rows;
    const std::vector<TimelineRow> first = numbered(0, 10);
    rows.append(first.data(), 10);
    const TimelineRow *address = &rows[3];
    const std::vector<TimelineRow> more = numbered(10, PagedRows::kPageRows * 4);
    rows.append(more.data(), qsizetype(more.size()));
    QCOMPARE(&rows[3], address);
    rows[3].flags |= TimelineRow::HasViolation;
    QVERIFY(rows[3].has(TimelineRow::HasViolation));
    QCOMPARE(rows[rows.size() - 1].tNs, qint64(PagedRows::kPageRows * 4 + 9));
}

QTEST_MAIN(TestPagedRows)
#include "tst_pagedrows.moc"

#include "core/session/annotations.h"
#include "ui/http/httphistorymodel.h"
#include "ui/http/httphistoryview.h"
#include "ui/http/httpworkspace.h"
#include "ui/http/urlelidedelegate.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QDockWidget>
#include <QHeaderView>
#include <QIcon>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace wirescope;

namespace {
HttpExchangeRecord record(const QString &url, int status, qint64 durationNs)
{
    HttpExchangeRecord r;
    r.request.setUrl(url);
    r.startNs = 1000;
    r.endNs = 1000 + durationNs;
    HttpHop hop;
    hop.request.url = url;
    hop.response.status = status;
    hop.complete = status > 0;
    r.hops.append(hop);
    return r;
}
} // namespace

class tst_HttpHistoryModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WirescopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_httphistorymodel"));
    }

    void theHistoryColumnsAreReadableAt1366x768()
    {
        MainWindow window(nullptr, QStringLiteral("not started in this test"));
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("historyDock"));
        QVERIFY(dock);
        dock->show();
        dock->raise();
        HttpHistoryModel *model = window.httpWorkspace()->historyModel();
        const QStringList urls{QStringLiteral("http://127.0.0.1:43125/anything/customers/4711/orders?page=2&sort=desc"),
                               QStringLiteral("http://127.0.0.1:43125/status/404"),
                               QStringLiteral("https://api.example.com/v1/projects/wirescope/issues/10/comments/7")};
        for (const QString &url : urls)
            model->add(record(url, 200, 1'234'000));
        auto *view = qobject_cast<HttpHistoryView *>(window.httpWorkspace()->historyView());
        QVERIFY(view);
        QTRY_VERIFY(view->isVisible());
        QTest::qWait(50); // the header sizes its sections to the new rows

        QHeaderView *header = view->horizontalHeader();
        using C = HttpHistoryModel::Column;
        const auto wanted = [&](C c) {
            return std::max(static_cast<QAbstractItemView *>(view)->sizeHintForColumn(int(c)), header->sectionSizeHint(int(c)));
        };
        // Method and status as narrow as their contents; the URL gets the rest. The dock is
        // narrow at this size: the duration and the time sent (both in the tooltip) give way.
        for (C c : {C::Method, C::Status})
            QVERIFY2(header->sectionSize(int(c)) <= wanted(c), qPrintable(QString::number(int(c))));
        QVERIFY(view->isColumnHidden(int(C::Time)));
        QVERIFY(view->isColumnHidden(int(C::Duration)));
        const int urlWidth = header->sectionSize(int(C::Url));
        QCOMPARE(urlWidth, view->viewport()->width() - header->sectionSize(int(C::Method)) - header->sectionSize(int(C::Status)));
        QVERIFY2(urlWidth >= header->sectionSize(int(C::Method)) + header->sectionSize(int(C::Status)),
                 qPrintable(QStringLiteral("URL %1 px in a %2 px view").arg(urlWidth).arg(view->viewport()->width())));

        // Each URL reads as the start of its host and the end of its path, never as a lone "…".
        const int textWidth = urlWidth - 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, int(C::Url));
            const QString full = index.data().toString();
            const QString shown = UrlElideDelegate::elide(full, view->fontMetrics(), textWidth);
            QVERIFY2(shown.startsWith(QUrl(full).host().left(4)), qPrintable(shown));
            QVERIFY2(full.endsWith(shown.right(3)), qPrintable(shown));
            QVERIFY2(shown.size() >= 10, qPrintable(shown));
            QVERIFY(view->fontMetrics().horizontalAdvance(shown) <= textWidth);
            QVERIFY(index.data(Qt::ToolTipRole).toString().startsWith(full + u'\n'));
        }

        // Given room (a wider dock), the duration and then the time come back.
        dock->setFloating(true);
        dock->resize(900, 400);
        QTRY_VERIFY(!view->isColumnHidden(int(C::Time)));
        QVERIFY(!view->isColumnHidden(int(C::Duration)));
        QVERIFY(header->sectionSize(int(C::Url)) >= view->minimumUrlWidth());
    }

    void aUrlIsCutInTheMiddleKeepingHostAndPathEnd_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("chars"); // the width, in average characters
        QTest::addColumn<QString>("expected");
        QTest::newRow("it fits: shown whole") << QStringLiteral("http://h:1/a") << 40 << QStringLiteral("http://h:1/a");
        QTest::newRow("without the scheme it fits")
            << QStringLiteral("http://127.0.0.1:8080/get") << 20 << QStringLiteral("127.0.0.1:8080/get");
    }

    void aUrlIsCutInTheMiddleKeepingHostAndPathEnd()
    {
        QFETCH(QString, url);
        QFETCH(int, chars);
        QFETCH(QString, expected);
        const QFontMetrics metrics(QFont(QStringLiteral("monospace")));
        QCOMPARE(UrlElideDelegate::elide(url, metrics, metrics.horizontalAdvance(QString(chars, u'x'))), expected);
    }

    void aLongPathKeepsItsHostAndItsLastSegment()
    {
        const QFontMetrics metrics(QFont(QStringLiteral("monospace")));
        const QString url = QStringLiteral("http://127.0.0.1:8080/anything/a/very/long/path/that/goes/on/items/42?page=2");
        const QString shown = UrlElideDelegate::elide(url, metrics, metrics.horizontalAdvance(QString(36, u'x')));
        QVERIFY2(shown.startsWith(QStringLiteral("127.0.0.1:8080/\u2026")), qPrintable(shown));
        QVERIFY2(shown.endsWith(QStringLiteral("42?page=2")), qPrintable(shown));
        QVERIFY(metrics.horizontalAdvance(shown) <= metrics.horizontalAdvance(QString(36, u'x')));
    }

    void theNewestRequestIsOnTop()
    {
        HttpHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.add(record(QStringLiteral("http://127.0.0.1:1/get"), 200, 420'000));
        model.add(record(QStringLiteral("http://127.0.0.1:1/status/404"), 404, 2'500'000));
        QCOMPARE(model.rowCount(), 2);
        const auto col = [](HttpHistoryModel::Column c) { return int(c); };
        QCOMPARE(model.data(model.index(0, col(HttpHistoryModel::Column::Url))).toString(),
                 QStringLiteral("http://127.0.0.1:1/status/404"));
        QCOMPARE(model.data(model.index(0, col(HttpHistoryModel::Column::Status))).toString(), QStringLiteral("404"));
        QCOMPARE(model.data(model.index(1, col(HttpHistoryModel::Column::Duration))).toString(), QStringLiteral("420 µs"));
        QCOMPARE(model.data(model.index(0, col(HttpHistoryModel::Column::Method))).toString(), QStringLiteral("GET"));
        QCOMPARE(model.recordAt(1).request.url(), QStringLiteral("http://127.0.0.1:1/get"));
    }

    void aNoteOnTheExchangeMarksItsRow()
    {
        HttpHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Annotations annotations;
        model.setAnnotations(&annotations);
        model.add(record(QStringLiteral("http://127.0.0.1:1/get"), 200, 420'000), QDateTime::currentDateTime(), 7);
        model.add(record(QStringLiteral("http://127.0.0.1:1/post"), 200, 420'000), QDateTime::currentDateTime(), 9);
        QCOMPARE(model.timelineRowAt(1), 7);
        const QModelIndex method = model.index(1, int(HttpHistoryModel::Column::Method));
        QVERIFY(method.data(Qt::DecorationRole).value<QIcon>().isNull());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        annotations.set(7, QStringLiteral("login"), QStringLiteral("sets the session cookie"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toModelIndex().row(), 1);
        QVERIFY(!method.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(method.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Note: login\nsets the session cookie")));
        QVERIFY(model.index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull()); // the other row
        annotations.set(7, {}, {});
        QVERIFY(method.data(Qt::DecorationRole).value<QIcon>().isNull());
    }

    void aFailedExchangeShowsItsErrorId()
    {
        HttpHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        HttpExchangeRecord r = record(QStringLiteral("http://127.0.0.1:1/"), 0, 5);
        r.error = Failure::of(failures::ConnectRefused, QStringLiteral("Connection refused"));
        model.add(r);
        QCOMPARE(model.data(model.index(0, int(HttpHistoryModel::Column::Status))).toString(),
                 QStringLiteral("connect.refused"));
    }

    void theOldestRequestsGoBeyondTheCapacity()
    {
        HttpHistoryModel model(2);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 4; ++i)
            model.add(record(QStringLiteral("http://127.0.0.1:1/%1").arg(i), 200, 1));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.recordAt(0).request.url(), QStringLiteral("http://127.0.0.1:1/3"));
        QCOMPARE(model.recordAt(1).request.url(), QStringLiteral("http://127.0.0.1:1/2"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(tst_HttpHistoryModel)
#include "tst_httphistorymodel.moc"

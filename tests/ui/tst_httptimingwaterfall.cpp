#include "core/net/httpclient.h"
#include "tests/peers/demopeer.h"
#include "ui/app/translations.h"
#include "ui/http/httpresponseview.h"
#include "ui/http/timingwaterfall.h"
#include "ui/http/timingwaterfallwidget.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace wirescope;
using Phase = WaterfallRow::Phase;

namespace {
// A fresh HTTPS exchange: 0.1 ms queued, 1 ms DNS, 2 ms TCP + 3 ms TLS, 0.5 ms send,
// 10 ms wait, 4 ms receive; stamps in ns from an arbitrary session origin.
PhaseTimings freshTls()
{
    PhaseTimings t;
    t.startNs = 1'000'000;
    t.dnsStartNs = t.startNs + 100'000;
    t.dnsEndNs = t.dnsStartNs + 1'000'000;
    t.connectStartNs = t.dnsEndNs;
    t.connectEndNs = t.connectStartNs + 2'000'000;
    t.sslStartNs = t.connectEndNs;
    t.sslEndNs = t.sslStartNs + 3'000'000;
    t.sendStartNs = t.sslEndNs;
    t.sendEndNs = t.sendStartNs + 500'000;
    t.firstByteNs = t.sendEndNs + 10'000'000;
    t.lastByteNs = t.firstByteNs + 4'000'000;
    return t;
}

PhaseTimings reusedPlain()
{
    PhaseTimings t;
    t.startNs = 0;
    t.sendStartNs = 20'000;
    t.sendEndNs = 30'000;
    t.firstByteNs = 230'000;
    t.lastByteNs = 250'000;
    return t;
}
} // namespace

class tst_HttpTimingWaterfall : public QObject
{
    Q_OBJECT
private slots:
    // The window's words: "4 hops", not "4 hop(s)".
    void initTestCase() { installTranslations(QCoreApplication::instance(), QLocale(QLocale::English)); }

    void aFreshTlsExchangeShowsEveryHarPhaseInOrder()
    {
        const QList<WaterfallRow> rows = TimingWaterfall::rows(freshTls());
        QStringList names;
        for (const WaterfallRow &r : rows)
            names.append(r.harName());
        QCOMPARE(names, (QStringList{QStringLiteral("blocked"), QStringLiteral("dns"), QStringLiteral("connect"),
                                     QStringLiteral("ssl"), QStringLiteral("send"), QStringLiteral("wait"),
                                     QStringLiteral("receive")}));
        // HAR 1.2: connect includes the TLS handshake; ssl is drawn inside it.
        QCOMPARE(rows.at(2).durationNs, 5'000'000);
        QCOMPARE(rows.at(3).durationNs, 3'000'000);
        QVERIFY(rows.at(3).nested);
        QCOMPARE(rows.at(3).startNs, 3'100'000);
        QCOMPARE(rows.at(5).startNs, 6'600'000); // wait starts when the request is sent
        QCOMPARE(rows.last().startNs + rows.last().durationNs, freshTls().totalNs());
    }

    void aReusedPlainConnectionHasNoDnsConnectOrTls()
    {
        const QList<WaterfallRow> rows = TimingWaterfall::rows(reusedPlain());
        QStringList names;
        for (const WaterfallRow &r : rows)
            names.append(r.harName());
        QCOMPARE(names, (QStringList{QStringLiteral("blocked"), QStringLiteral("send"), QStringLiteral("wait"),
                                     QStringLiteral("receive")}));
        QCOMPARE(rows.at(2).durationNs, 200'000);
    }

    void incompleteTimingsGiveNoRows()
    {
        PhaseTimings t;
        t.startNs = 5;
        QVERIFY(TimingWaterfall::rows(t).isEmpty());
    }

    void anExchangeThatEndedEarlyShowsWhereItStood_data()
    {
        QTest::addColumn<int>("cut");        // how many phases finished
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("open");   // the unfinished phase ("" when none)
        const QString b = QStringLiteral("blocked"), d = QStringLiteral("dns"), c = QStringLiteral("connect"),
                      s = QStringLiteral("ssl"), se = QStringLiteral("send"), w = QStringLiteral("wait");
        QTest::newRow("queued and never started") << 0 << QStringList{b} << b;
        QTest::newRow("stuck resolving the name") << 1 << QStringList{b, d} << d;
        QTest::newRow("TCP connect never answered") << 2 << QStringList{b, d, c} << c;
        QTest::newRow("TLS handshake stalled (https:// to a plain port)") << 3 << QStringList{b, d, c, s} << s;
        QTest::newRow("sent, no answer") << 6 << QStringList{b, d, c, s, se, w} << w;
    }

    void anExchangeThatEndedEarlyShowsWhereItStood()
    {
        QFETCH(int, cut);
        QFETCH(QStringList, names);
        QFETCH(QString, open);
        // The stamps of freshTls() up to the cut; the exchange ended 2 s after it started.
        const PhaseTimings full = freshTls();
        PhaseTimings t;
        t.startNs = full.startNs;
        if (cut >= 1) { t.dnsStartNs = full.dnsStartNs; }
        if (cut >= 2) { t.dnsEndNs = full.dnsEndNs; t.connectStartNs = full.connectStartNs; }
        if (cut >= 3) { t.connectEndNs = full.connectEndNs; t.sslStartNs = full.sslStartNs; }
        if (cut >= 6) { t.sslEndNs = full.sslEndNs; t.sendStartNs = full.sendStartNs; t.sendEndNs = full.sendEndNs; }
        const qint64 end = full.startNs + 2'000'000'000;
        const QList<WaterfallRow> rows = TimingWaterfall::rows(t, end);
        QStringList got;
        QString unfinished;
        for (const WaterfallRow &r : rows) {
            got.append(r.harName());
            if (r.unfinished) {
                QVERIFY2(unfinished.isEmpty() || r.nested || unfinished == QStringLiteral("connect"), "one phase stood open");
                unfinished = r.harName();
                QCOMPARE(r.startNs + r.durationNs, end - t.startNs); // drawn up to the end
            }
        }
        QCOMPARE(got, names);
        QCOMPARE(unfinished, open);
        QCOMPARE(TimingWaterfall::spanNs(t, end), end - t.startNs);
        // The stalled TLS handshake leaves connect open too (HAR counts TLS in connect).
        if (open == QStringLiteral("ssl"))
            QVERIFY(rows.at(2).unfinished);
    }

    void aRedirectChainIsDrawnHopByHopOnOneAxis()
    {
        // A real chain: the demo server's /redirect/3 answers 302 three times, then /get 200.
        test::DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(error));
        HttpClient client;
        HttpRequest request;
        request.setUrl(demo.httpUrl(QStringLiteral("/redirect/3")).toString());
        HttpRequestOptions options;
        options.followRedirects = true;
        options.reuseConnections = false; // every hop connects: each has its connect phase
        HttpExchange *exchange = client.start(request, options);
        QSignalSpy finished(exchange, &HttpExchange::finished);
        QVERIFY(finished.wait(10000));
        const auto record = finished.front().front().value<HttpExchangeRecord>();
        QCOMPARE(record.hops.size(), 4);

        const QList<WaterfallHop> hops = TimingWaterfall::hops(record);
        QCOMPARE(hops.size(), 4);
        const QList<int> statuses{hops.at(0).status, hops.at(1).status, hops.at(2).status, hops.at(3).status};
        QCOMPARE(statuses, (QList<int>{302, 302, 302, 200}));
        QVERIFY2(hops.at(0).url.endsWith(QStringLiteral("/redirect/3")), qPrintable(hops.at(0).url));
        QVERIFY2(hops.at(2).url.endsWith(QStringLiteral("/redirect/1")), qPrintable(hops.at(2).url));
        QVERIFY2(hops.at(3).url.endsWith(QStringLiteral("/get")), qPrintable(hops.at(3).url));
        QCOMPARE(hops.at(0).startNs, 0);
        for (qsizetype i = 0; i < hops.size(); ++i) {
            const WaterfallHop &hop = hops.at(i);
            QStringList names;
            for (const WaterfallRow &row : hop.rows) {
                names.append(row.harName());
                // Every phase lies within its hop, on the exchange's axis.
                QVERIFY(row.startNs >= hop.startNs);
                QVERIFY(row.startNs + row.durationNs <= hop.startNs + hop.durationNs);
            }
            QVERIFY2(names.contains(QStringLiteral("connect")) && names.contains(QStringLiteral("wait"))
                         && names.contains(QStringLiteral("receive")),
                     qPrintable(names.join(u' ')));
            // One after the other: a hop starts once the previous answer was read.
            if (i > 0)
                QVERIFY(hop.startNs >= hops.at(i - 1).startNs + hops.at(i - 1).durationNs);
        }

        // The total is the status line's time, and it is explained: hops plus what lies between.
        const WaterfallSummary sum = TimingWaterfall::summary(record, hops);
        QCOMPARE(sum.totalNs, record.endNs - record.startNs);
        qint64 hopsNs = 0;
        for (const WaterfallHop &hop : hops)
            hopsNs += hop.durationNs;
        QCOMPARE(sum.hopsNs, hopsNs);
        QCOMPARE(sum.hopsNs + sum.otherNs, sum.totalNs);

        // The response view's Timing tab shows all four hops, titled by status and URL, and the
        // same total as the summary line.
        HttpResponseView view;
        view.showRecord(record);
        const TimingWaterfallWidget *waterfall = view.waterfall();
        QCOMPARE(waterfall->hops().size(), 4);
        qsizetype rows = 0;
        for (const WaterfallHop &hop : hops)
            rows += hop.rows.size();
        QCOMPARE(waterfall->rows().size(), rows);
        QVERIFY2(TimingWaterfallWidget::hopTitle(hops.at(1)).contains(QStringLiteral("302")), qPrintable(TimingWaterfallWidget::hopTitle(hops.at(1))));
        QVERIFY2(TimingWaterfallWidget::hopTitle(hops.at(3)).contains(QStringLiteral("200 ") + hops.at(3).url),
                 qPrintable(TimingWaterfallWidget::hopTitle(hops.at(3))));
        QVERIFY2(waterfall->explanation().contains(QStringLiteral("4 hops")), qPrintable(waterfall->explanation()));
        QVERIFY2(waterfall->accessibleDescription().contains(QStringLiteral("Redirect 3: 200")),
                 qPrintable(waterfall->accessibleDescription()));
        QVERIFY2(view.summaryLabel()->text().contains(QStringLiteral("3 redirects followed")), qPrintable(view.summaryLabel()->text()));
        QVERIFY(waterfall->sizeHint().height() > waterfall->fontMetrics().height() * (rows + 4));
    }

    void aSingleHopHasNoHopTitlesAndNoExplanation()
    {
        HttpExchangeRecord record;
        record.startNs = freshTls().startNs;
        record.endNs = freshTls().lastByteNs;
        HttpHop hop;
        hop.timings = freshTls();
        hop.response.status = 200;
        hop.complete = true;
        record.hops.append(hop);
        TimingWaterfallWidget widget;
        widget.setExchange(record);
        QCOMPARE(widget.hops().size(), 1);
        QCOMPARE(widget.rows().size(), 7);
        QVERIFY(widget.explanation().isEmpty());
        QCOMPARE(widget.summary().totalNs, freshTls().totalNs());
        QCOMPARE(widget.summary().otherNs, 0);
    }

    void barRect_data()
    {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("duration");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<QRectF>("expected");
        const QRectF area(100, 10, 400, 20);
        QTest::newRow("the first half of the exchange fills the first half of the area")
            << qint64(0) << qint64(50) << qint64(100) << QRectF(100, 10, 200, 20);
        QTest::newRow("the last quarter ends at the right edge")
            << qint64(75) << qint64(25) << qint64(100) << QRectF(400, 10, 100, 20);
        QTest::newRow("a tiny phase is still two pixels wide")
            << qint64(0) << qint64(10) << qint64(1'000'000) << QRectF(100, 10, 2, 20);
        QTest::newRow("a tiny phase at the very end stays inside the area")
            << qint64(1000) << qint64(0) << qint64(1000) << QRectF(498, 10, 2, 20);
        QTest::newRow("a zero total draws a minimal bar at the start")
            << qint64(0) << qint64(0) << qint64(0) << QRectF(100, 10, 2, 20);
    }

    void barRect()
    {
        QFETCH(qint64, start);
        QFETCH(qint64, duration);
        QFETCH(qint64, total);
        QFETCH(QRectF, expected);
        WaterfallRow row;
        row.startNs = start;
        row.durationNs = duration;
        QCOMPARE(TimingWaterfall::barRect(row, total, QRectF(100, 10, 400, 20)), expected);
    }
};

QTEST_MAIN(tst_HttpTimingWaterfall)
#include "tst_httptimingwaterfall.moc"

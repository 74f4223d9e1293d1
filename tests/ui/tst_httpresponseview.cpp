#include "core/net/httpclient.h"
#include "tests/peers/demopeer.h"
#include "ui/http/httpresponseview.h"
#include "ui/http/timingwaterfallwidget.h"

#include <QBuffer>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QTest>

using namespace wirescope;

namespace {

HttpExchangeRecord recordWith(int status, const QByteArray &contentType, const QByteArray &body)
{
    HttpExchangeRecord r;
    r.request.setUrl(QStringLiteral("http://127.0.0.1:1/x"));
    r.startNs = 0;
    r.endNs = 2'500'000;
    HttpHop hop;
    hop.request.method = "GET";
    hop.request.target = "/x";
    hop.request.url = QStringLiteral("http://127.0.0.1:1/x");
    hop.request.headers = {{"Host", "127.0.0.1:1"}};
    hop.requestBytes = "GET /x HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n";
    hop.response.version = "HTTP/1.1";
    hop.response.status = status;
    hop.response.reason = status == 200 ? "OK" : "Not Found";
    hop.response.headers = {{"Content-Type", contentType, "Content-Type: " + contentType + "\r\n", 17}};
    hop.response.body = body;
    hop.response.decodedBody = body;
    hop.response.headBytes = 40;
    hop.response.wireBodyBytes = body.size();
    hop.responseBytes = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType + "\r\n\r\n" + body;
    hop.timings.startNs = 0;
    hop.timings.connectStartNs = 0;
    hop.timings.connectEndNs = 500'000;
    hop.timings.sendStartNs = 500'000;
    hop.timings.sendEndNs = 600'000;
    hop.timings.firstByteNs = 2'000'000;
    hop.timings.lastByteNs = 2'500'000;
    hop.connection.remoteAddress = QStringLiteral("127.0.0.1");
    hop.connection.remotePort = 1;
    hop.complete = true;
    r.hops.append(hop);
    return r;
}

} // namespace

class tst_HttpResponseView : public QObject
{
    Q_OBJECT
private slots:
    void aJsonAnswerShowsItsStatusTimeAndPrettyBody()
    {
        HttpResponseView view;
        view.showRecord(recordWith(200, "application/json", R"({"a":[1,true,null],"b":"x"})"));
        QCOMPARE(view.statusLabel()->text(), QStringLiteral("200 OK"));
        QCOMPARE(view.statusLabel()->palette().color(QPalette::Window), HttpResponseView::statusColor(200));
        QVERIFY2(view.summaryLabel()->text().contains(QStringLiteral("Time 2.50 ms")), qPrintable(view.summaryLabel()->text()));
        QCOMPARE(view.bodyModeBox()->currentIndex(), int(HttpResponseView::BodyMode::Pretty));
        QCOMPARE(view.prettyView()->toPlainText(),
                 QStringLiteral("{\n    \"a\": [\n        1,\n        true,\n        null\n    ],\n    \"b\": \"x\"\n}"));
        QCOMPARE(view.rawBodyView()->toPlainText(), QStringLiteral(R"({"a":[1,true,null],"b":"x"})"));
        QCOMPARE(view.waterfall()->rows().size(), 5); // blocked, connect, send, wait, receive
    }

    void thePrettyBodyIsTheServersJsonIndented()
    {
        // Member order, a repeated name and a number beyond a double's precision are what
        // the server sent: the pretty view changes whitespace only, and says a name repeats.
        HttpResponseView view;
        view.showRecord(recordWith(200, "application/json", R"({"z":1,"a":12345678901234567890,"z":2})"));
        QCOMPARE(view.prettyView()->toPlainText(),
                 QStringLiteral("{\n    \"z\": 1,\n    \"a\": 12345678901234567890,\n    \"z\": 2\n}"));
        bool said = false;
        for (const QLabel *label : view.findChildren<QLabel *>())
            said |= label->text().contains(QStringLiteral("1 repeated member name"));
        QVERIFY(said);
    }

    void anHttpsRequestToAPlainPortSaysWhereItStopped()
    {
        // TCP connects, the TLS handshake never completes (the demo server speaks plain
        // HTTP and waits for a request): nothing was sent, TLS was not "plain HTTP", and the
        // phases that ran are drawn with the stalled one open.
        test::DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(error));
        HttpClient client;
        HttpRequest request;
        request.setUrl(QStringLiteral("https://127.0.0.1:%1/get").arg(demo.port()));
        HttpRequestOptions options;
        options.totalTimeoutMs = 400;
        HttpExchange *exchange = client.start(request, options);
        QSignalSpy finished(exchange, &HttpExchange::finished);
        QVERIFY(finished.wait(5000));
        const auto record = finished.front().front().value<HttpExchangeRecord>();
        QCOMPARE(record.error.id(), QStringLiteral("timeout.total"));

        HttpResponseView view;
        view.showRecord(record);
        QVERIFY2(view.summaryLabel()->text().contains(QStringLiteral("stalled in the TLS handshake")),
                 qPrintable(view.summaryLabel()->text()));
        const QString raw = view.rawView()->toPlainText();
        QVERIFY2(raw.startsWith(QStringLiteral("── Not sent")), qPrintable(raw));
        QString tls;
        for (QTreeWidgetItemIterator it(view.tlsTree()); *it; ++it)
            tls += (*it)->text(0) + u": " + (*it)->text(1) + u'\n';
        QVERIFY2(tls.contains(QStringLiteral("Not established: the handshake started and did not finish")), qPrintable(tls));
        QVERIFY2(!tls.contains(QStringLiteral("plain HTTP")), qPrintable(tls));
        QVERIFY2(tls.contains(QStringLiteral("127.0.0.1:%1").arg(demo.port())), qPrintable(tls)); // TCP was up
        QStringList phases;
        QString open;
        for (const WaterfallRow &row : view.waterfall()->rows()) {
            phases << row.harName();
            if (row.unfinished)
                open = row.harName();
        }
        QVERIFY2(phases.contains(QStringLiteral("ssl")), qPrintable(phases.join(u' ')));
        QCOMPARE(open, QStringLiteral("ssl"));
    }

    void statusColoursFollowTheClass_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("sameAs");
        QTest::newRow("204 is a success like 200") << 204 << 200;
        QTest::newRow("302 is a redirect like 301") << 302 << 301;
        QTest::newRow("404 is a client error like 400") << 404 << 400;
        QTest::newRow("a failure without status is red like 503") << 0 << 503;
    }

    void statusColoursFollowTheClass()
    {
        QFETCH(int, status);
        QFETCH(int, sameAs);
        QCOMPARE(HttpResponseView::statusColor(status), HttpResponseView::statusColor(sameAs));
        QVERIFY(HttpResponseView::statusColor(200) != HttpResponseView::statusColor(404));
    }

    void anImageIsPreviewed()
    {
        QImage image(3, 2, QImage::Format_RGB32);
        image.fill(Qt::red);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        HttpResponseView view;
        view.showRecord(recordWith(200, "image/png", png));
        QCOMPARE(view.bodyModeBox()->currentIndex(), int(HttpResponseView::BodyMode::Preview));
    }

    void binaryBytesOpenAsHex()
    {
        HttpResponseView view;
        view.showRecord(recordWith(200, "application/octet-stream", QByteArray::fromHex("00ff10fe")));
        QCOMPARE(view.bodyModeBox()->currentIndex(), int(HttpResponseView::BodyMode::Hex));
    }

    void hexDumpHasOffsetBytesAndPrintableColumns()
    {
        QCOMPARE(HttpResponseView::hexDump(QByteArrayLiteral("GET / HTTP/1.1\r\n\x01"), 1024),
                 QStringLiteral("00000000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a  GET / HTTP/1.1..\n"
                                "00000010  01                                                .\n"));
        QVERIFY(HttpResponseView::hexDump(QByteArray(40, 'a'), 16).endsWith(QStringLiteral("24 B more not shown\n")));
    }

    void bytesAsTextKeepsLinesAndEscapesControlBytes()
    {
        QCOMPARE(HttpResponseView::bytesAsText(QByteArrayLiteral("a: b\r\n\x07z\xc3\xa9"), 1024), QStringLiteral("a: b\n\\x07zé"));
    }

    void theRawTabShowsTheBytesEachWay()
    {
        HttpResponseView view;
        view.showRecord(recordWith(404, "text/plain", "nope"));
        const QString raw = view.rawView()->toPlainText();
        QVERIFY(raw.contains(QStringLiteral("GET /x HTTP/1.1\nHost: 127.0.0.1:1")));
        QVERIFY(raw.contains(QStringLiteral("HTTP/1.1 404 X\nContent-Type: text/plain\n\nnope")));
    }

    void aPlainConnectionSaysThereIsNoTls()
    {
        HttpResponseView view;
        view.showRecord(recordWith(200, "text/plain", "ok"));
        const QList<QTreeWidgetItem *> found = view.tlsTree()->findItems(QStringLiteral("TLS"), Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(found.size(), 1);
        QVERIFY(found.first()->text(1).startsWith(QStringLiteral("Not used")));
    }

    void tlsDetailsAndErrorsAreListed()
    {
        HttpExchangeRecord r = recordWith(200, "text/plain", "ok");
        TlsInfo &tls = r.hops.first().connection.tls;
        tls.used = true;
        tls.protocol = QStringLiteral("TLSv1.3");
        tls.cipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
        tls.chain = {TlsCertificateInfo{QStringLiteral("CN=localhost"), QStringLiteral("CN=Wirescope Test CA"), {}, {},
                                        "ab12", {QStringLiteral("DNS:localhost")}, {}}};
        tls.errors = {TlsErrorInfo{QStringLiteral("tls.self_signed_in_chain"), QStringLiteral("self signed"), 0}};
        tls.errorsIgnored = true;
        HttpResponseView view;
        view.showRecord(r);
        QTreeWidget *tree = view.tlsTree();
        QCOMPARE(tree->findItems(QStringLiteral("Protocol"), Qt::MatchExactly | Qt::MatchRecursive).first()->text(1),
                 QStringLiteral("TLSv1.3"));
        QCOMPARE(tree->findItems(QStringLiteral("Cipher"), Qt::MatchExactly | Qt::MatchRecursive).first()->text(1),
                 QStringLiteral("TLS_AES_256_GCM_SHA384"));
        QCOMPARE(tree->findItems(QStringLiteral("tls.self_signed_in_chain"), Qt::MatchExactly | Qt::MatchRecursive).size(), 1);
        QVERIFY(!tree->findItems(QStringLiteral("Certificate errors (1), ignored on request"), Qt::MatchExactly).isEmpty());
        QCOMPARE(tree->findItems(QStringLiteral("Issuer"), Qt::MatchExactly | Qt::MatchRecursive).first()->text(1),
                 QStringLiteral("CN=Wirescope Test CA"));
    }

    void aFailedExchangeSaysWhy()
    {
        HttpExchangeRecord r;
        r.error = Failure::of(failures::ConnectRefused, QStringLiteral("Connection refused by 127.0.0.1:1"));
        r.startNs = 0;
        r.endNs = 100'000;
        HttpResponseView view;
        view.showRecord(r);
        QCOMPARE(view.statusLabel()->text(), QStringLiteral("Failed"));
        QVERIFY(view.summaryLabel()->text().contains(QStringLiteral("Connection refused by 127.0.0.1:1")));
    }
};

QTEST_MAIN(tst_HttpResponseView)
#include "tst_httpresponseview.moc"

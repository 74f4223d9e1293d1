// The demo server's request-head parser (RFC 9112 §2-§6): what it accepts, what it refuses
// with which status, and that every prefix of a valid head is "incomplete", never an error.
#include "core/demo/demolimits.h"
#include "core/demo/demorequest.h"

#include <QTest>

using namespace wirescope;
using Outcome = DemoHeadParse::Outcome;

class tst_DemoRequest : public QObject
{
    Q_OBJECT
private slots:
    void parsesAValidHead();
    void everyPrefixIsIncomplete();
    void refusesMalformedHeads_data();
    void refusesMalformedHeads();
    void framesTheBody_data();
    void framesTheBody();
    void keepAliveFollowsTheVersion_data();
    void keepAliveFollowsTheVersion();
    void recognisesWebSocketUpgrades_data();
    void recognisesWebSocketUpgrades();
};

void tst_DemoRequest::parsesAValidHead()
{
    const QByteArray head = "GET /get?a=1&a=2 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-Dup: one\r\n"
                            "x-dup:   two  \r\nAccept: */*\r\n\r\nBODY";
    const DemoHeadParse parse = parseDemoRequestHead(head);
    QCOMPARE(parse.outcome, Outcome::Complete);
    QCOMPARE(parse.headSize, head.size() - 4);
    QCOMPARE(parse.request.method, QByteArray("GET"));
    QCOMPARE(parse.request.path, QByteArray("/get"));
    QCOMPARE(parse.request.query, QByteArray("a=1&a=2"));
    QCOMPARE(parse.request.minorVersion, 1);
    QCOMPARE(parse.request.headers.size(), 4);
    // Order, spelling and duplicates as sent; OWS around values trimmed (RFC 9110 §5.5).
    QCOMPARE(parse.request.headers[1].first, QByteArray("X-Dup"));
    QCOMPARE(parse.request.headers[2].first, QByteArray("x-dup"));
    QCOMPARE(parse.request.headers[2].second, QByteArray("two"));
    QCOMPARE(parse.request.headerValues("X-DUP"), (QList<QByteArray>{"one", "two"}));
    QCOMPARE(parse.request.queryItems().allQueryItemValues(u"a"_qs), (QStringList{u"1"_qs, u"2"_qs}));
}

void tst_DemoRequest::everyPrefixIsIncomplete()
{
    const QByteArray head = "POST /post HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\n";
    for (qsizetype n = 0; n < head.size(); ++n)
        QVERIFY2(parseDemoRequestHead(QByteArrayView(head).first(n)).outcome == Outcome::Incomplete,
                 qPrintable(QString::number(n)));
    QCOMPARE(parseDemoRequestHead(head).outcome, Outcome::Complete);
}

void tst_DemoRequest::refusesMalformedHeads_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");
    QTest::newRow("missing Host in HTTP/1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("whitespace before the colon") << QByteArray("GET / HTTP/1.1\r\nHost : h\r\n\r\n") << 400;
    QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nA: b\r\n\tc\r\n\r\n") << 400;
    QTest::newRow("line without colon") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nnocolon\r\n\r\n") << 400;
    QTest::newRow("two spaces in the request line") << QByteArray("GET  / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("target not starting with a slash") << QByteArray("GET get HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("HTTP/1.2") << QByteArray("GET / HTTP/1.2\r\nHost: h\r\n\r\n") << 505;
    QTest::newRow("not HTTP") << QByteArray("GET / SPDY/3\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("chunked is not the last coding") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, gzip\r\n\r\n") << 400;
    QTest::newRow("an unsupported coding before chunked") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") << 501;
    QTest::newRow("Content-Length with a sign") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +5\r\n\r\n") << 400;
    QTest::newRow("Content-Length list that disagrees") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 6\r\n\r\n") << 400;
    QTest::newRow("head over the limit without an end") << QByteArray(DemoLimits::maxHeadBytes + 1, 'a') << 431;
    QTest::newRow("101 header fields") << "GET / HTTP/1.1\r\nHost: h\r\n" + QByteArray("A: b\r\n").repeated(100) + "\r\n" << 431;
}

void tst_DemoRequest::refusesMalformedHeads()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    const DemoHeadParse parse = parseDemoRequestHead(head);
    QCOMPARE(parse.outcome, Outcome::Error);
    QCOMPARE(parse.status, status);
    QVERIFY(!parse.reason.isEmpty());
}

void tst_DemoRequest::framesTheBody_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("chunked");
    QTest::addColumn<qint64>("length");
    QTest::newRow("no body fields: empty body") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n\r\n") << false << qint64(0);
    QTest::newRow("Content-Length") << QByteArray("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 42\r\n\r\n") << false << qint64(42);
    QTest::newRow("repeated equal Content-Length") << QByteArray("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 7, 7\r\n\r\n") << false << qint64(7);
    QTest::newRow("chunked, any case") << QByteArray("PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n") << true << qint64(0);
    QTest::newRow("HTTP/1.0 needs no Host") << QByteArray("POST / HTTP/1.0\r\nContent-Length: 1\r\n\r\n") << false << qint64(1);
    QTest::newRow("bare LF line ends are accepted") << QByteArray("PUT / HTTP/1.1\nHost: h\nContent-Length: 3\n\n") << false << qint64(3);
}

void tst_DemoRequest::framesTheBody()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, chunked);
    QFETCH(qint64, length);
    const DemoHeadParse parse = parseDemoRequestHead(head);
    QCOMPARE(parse.outcome, Outcome::Complete);
    QCOMPARE(parse.headSize, head.size());
    QCOMPARE(parse.chunked, chunked);
    QCOMPARE(parse.contentLength, length);
}

void tst_DemoRequest::keepAliveFollowsTheVersion_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("HTTP/1.1 persists by default") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n\r\n") << true;
    QTest::newRow("HTTP/1.1 with close") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: Close\r\n\r\n") << false;
    QTest::newRow("HTTP/1.0 closes by default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("HTTP/1.0 with keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
}

void tst_DemoRequest::keepAliveFollowsTheVersion()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, keepAlive);
    QCOMPARE(parseDemoRequestHead(head).request.keepAlive(), keepAlive);
}

void tst_DemoRequest::recognisesWebSocketUpgrades_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("upgrade");
    QTest::newRow("GET with Upgrade and Connection tokens") << QByteArray("GET /ws/echo HTTP/1.1\r\nHost: h\r\nUpgrade: WebSocket\r\nConnection: keep-alive, Upgrade\r\n\r\n") << true;
    QTest::newRow("Upgrade without Connection: Upgrade") << QByteArray("GET /ws/echo HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\n\r\n") << false;
    QTest::newRow("POST cannot upgrade") << QByteArray("POST /ws/echo HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n") << false;
    QTest::newRow("another protocol") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n") << false;
}

void tst_DemoRequest::recognisesWebSocketUpgrades()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, upgrade);
    QCOMPARE(parseDemoRequestHead(head).request.isWebSocketUpgrade(), upgrade);
}

QTEST_GUILESS_MAIN(tst_DemoRequest)
#include "tst_demorequest.moc"

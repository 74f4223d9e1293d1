// An HTTP client working for a session records every exchange and every byte of every
// connection in the session's timeline, on the clock the WebSocket engine uses too, and
// shares the session's cookie jar with it.
#include "core/net/httpclient.h"
#include "core/net/wsconnection.h"
#include "core/session/session.h"
#include "core/session/timelinetext.h"
#include "tests/peers/demopeer.h"

#include <QtTest>

using namespace wirescope;

namespace {

constexpr int kWait = 10000;

HttpExchangeRecord run(HttpClient &client, const QUrl &url, HttpRequestOptions options = {})
{
    HttpRequest request;
    request.setUrl(url.toString());
    HttpExchange *exchange = client.start(request, options);
    HttpExchangeRecord record;
    bool done = false;
    QObject::connect(exchange, &HttpExchange::finished, exchange, [&](const HttpExchangeRecord &r) {
        record = r;
        done = true;
    });
    QDeadlineTimer deadline(kWait);
    while (!done && !deadline.hasExpired())
        QTest::qWait(5);
    exchange->deleteLater();
    return record;
}

QList<qsizetype> rowsOf(const Timeline &t, RowKind kind)
{
    QList<qsizetype> rows;
    for (qsizetype i = 0; i < t.rowCount(); ++i)
        if (t.row(i).rowKind() == kind)
            rows << i;
    return rows;
}

} // namespace

class TestHttpTimeline : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void anExchangeIsARowAndItsBytesAreTheConnectionsStreams();
    void keepAliveExchangesShareOneConnection();
    void aRedirectChainIsOneRow();
    void aLoginOverHttpCarriesIntoTheWebSocketUpgrade();
    void httpAndWebSocketRowsShareOneClock();

private:
    test::DemoPeer m_demo;
};

void TestHttpTimeline::initTestCase()
{
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
}

void TestHttpTimeline::anExchangeIsARowAndItsBytesAreTheConnectionsStreams()
{
    Session session;
    HttpClient client(&session);
    const HttpExchangeRecord record = run(client, m_demo.httpUrl(QStringLiteral("/get?x=1")));
    QVERIFY2(record.completed(), qPrintable(record.error.message()));
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(session.timeline(), RowKind::Exchange).size(), 1, kWait);
    const Timeline &t = session.timeline();
    const qsizetype row = rowsOf(t, RowKind::Exchange).front();
    const auto recorded = t.exchange(row);
    QVERIFY(recorded);
    QCOMPARE(recorded->id, record.id);
    QCOMPARE(t.row(row).tNs, record.startNs);
    const HttpHop &hop = recorded->hops.last();
    QCOMPARE(t.row(row).connection, quint32(hop.connection.id));
    const TimelineConnection *c = t.connection(t.row(row).connection);
    QVERIFY(c);
    QCOMPARE(c->protocol, ConnectionProtocol::Http);
    QCOMPARE(c->label, QStringLiteral("http://127.0.0.1:%1").arg(m_demo.port()));
    QCOMPARE(c->stream(Direction::Out).copy(0, c->stream(Direction::Out).end()), hop.requestBytes);
    QCOMPARE(c->stream(Direction::In).copy(hop.responseStreamOffset, hop.responseBytes.size()), hop.responseBytes);
    // The chunks carry the times the phases were measured with.
    QCOMPARE(c->stream(Direction::Out).chunks().front().tNs, hop.timings.sendStartNs);
    QCOMPARE(c->stream(Direction::In).chunks().front().tNs, hop.timings.firstByteNs);
}

void TestHttpTimeline::keepAliveExchangesShareOneConnection()
{
    Session session;
    HttpClient client(&session);
    const HttpExchangeRecord first = run(client, m_demo.httpUrl(QStringLiteral("/get?n=1")));
    const HttpExchangeRecord second = run(client, m_demo.httpUrl(QStringLiteral("/get?n=2")));
    QVERIFY(second.hops.last().connection.reused);
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(session.timeline(), RowKind::Exchange).size(), 2, kWait);
    const Timeline &t = session.timeline();
    const QList<qsizetype> rows = rowsOf(t, RowKind::Exchange);
    QCOMPARE(t.row(rows[0]).connection, t.row(rows[1]).connection);
    const TimelineConnection *c = t.connection(t.row(rows[0]).connection);
    QCOMPARE(c->stream(Direction::Out).copy(0, c->stream(Direction::Out).end()),
             first.hops.last().requestBytes + second.hops.last().requestBytes);
    QCOMPARE(c->stream(Direction::Out).chunks().size(), size_t(2));
    QVERIFY(t.row(rows[0]).tNs < t.row(rows[1]).tNs);
}

void TestHttpTimeline::aRedirectChainIsOneRow()
{
    Session session;
    HttpClient client(&session);
    HttpRequestOptions options;
    options.followRedirects = true;
    const HttpExchangeRecord record = run(client, m_demo.httpUrl(QStringLiteral("/redirect/2")), options);
    QVERIFY2(record.completed(), qPrintable(record.error.message()));
    QCOMPARE(record.hops.size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(session.timeline(), RowKind::Exchange).size(), 1, kWait);
    const Timeline &t = session.timeline();
    const qsizetype row = rowsOf(t, RowKind::Exchange).front();
    QCOMPARE(t.row(row).extra, quint8(3));
    QCOMPARE(t.exchange(row)->hops.size(), 3);
    QVERIFY(timelineRowText(t, row).contains(QStringLiteral("hops=3")));
}

void TestHttpTimeline::aLoginOverHttpCarriesIntoTheWebSocketUpgrade()
{
    Session session;
    HttpClient client(&session);
    HttpRequestOptions options;
    options.followRedirects = true;
    const HttpExchangeRecord login = run(client, m_demo.httpUrl(QStringLiteral("/cookies/set?token=abc123")), options);
    QVERIFY(login.completed());
    WsConnection ws(&session, nullptr);
    WsConnectOptions wsOptions;
    wsOptions.url = m_demo.wsUrl(QStringLiteral("/ws/echo"));
    ws.open(wsOptions);
    QTRY_COMPARE_WITH_TIMEOUT(ws.state(), WsConnectionState::Open, kWait);
    QVERIFY2(ws.handshake().requestBytes.contains("\r\nCookie: token=abc123\r\n"), ws.handshake().requestBytes.constData());
    ws.abort();
}

void TestHttpTimeline::httpAndWebSocketRowsShareOneClock()
{
    Session session;
    WsConnection ws(&session, nullptr);
    WsConnectOptions wsOptions;
    wsOptions.url = m_demo.wsUrl(QStringLiteral("/ws/echo"));
    ws.open(wsOptions);
    QTRY_COMPARE_WITH_TIMEOUT(ws.state(), WsConnectionState::Open, kWait);
    const qint64 beforeHttp = session.clock().nowNs();
    HttpClient client(&session);
    run(client, m_demo.httpUrl(QStringLiteral("/get")));
    ws.sendText(QStringLiteral("after"));
    QTRY_VERIFY_WITH_TIMEOUT(rowsOf(session.timeline(), RowKind::Frame).size() >= 2, kWait);
    ws.close();
    QTRY_COMPARE_WITH_TIMEOUT(ws.state(), WsConnectionState::Closed, kWait);
    const Timeline &t = session.timeline();
    const qsizetype exchange = rowsOf(t, RowKind::Exchange).front();
    const QList<qsizetype> frames = rowsOf(t, RowKind::Frame);
    QVERIFY(t.row(exchange).tNs >= beforeHttp);
    // The handshake came before the exchange, the message after it, on one axis.
    const TimelineConnection *wsc = t.connection(ws.connectionId());
    QVERIFY(wsc->handshake->timings.lastByteNs < t.row(exchange).tNs);
    QVERIFY(t.row(frames.front()).tNs > t.exchange(exchange)->endNs);
    QVERIFY(t.row(exchange).connection != ws.connectionId());
}

QTEST_GUILESS_MAIN(TestHttpTimeline)
#include "tst_httptimeline.moc"

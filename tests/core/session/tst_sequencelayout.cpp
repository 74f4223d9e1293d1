// The sequence diagram as values, on sessions recorded from the demo server: one lane pair
// per connection, every arrow in the order and at the time the timeline holds, spaced by
// real time or compressed to one step each, fragments numbered and bracketed, a control
// frame between two fragments marked as such, HTTP phases on their exchange's lanes.
#include "core/net/wsconnection.h"
#include "core/session/httpexchangerecord.h"
#include "core/session/sequencelayout.h"
#include "core/session/session.h"
#include "core/wire/wsframewriter.h"
#include "tests/peers/demopeer.h"
#include "tests/peers/demorecording.h"

#include <QDeadlineTimer>
#include <QtTest>

using namespace wirescope;

namespace {

const char *kindName(SequenceArrowKind kind)
{
    switch (kind) {
    case SequenceArrowKind::TcpConnect: return "connect";
    case SequenceArrowKind::TlsHandshake: return "tls";
    case SequenceArrowKind::UpgradeRequest: return "upgrade";
    case SequenceArrowKind::UpgradeResponse: return "101";
    case SequenceArrowKind::Data: return "data";
    case SequenceArrowKind::Fragment: return "fragment";
    case SequenceArrowKind::Message: return "message";
    case SequenceArrowKind::Ping: return "ping";
    case SequenceArrowKind::Pong: return "pong";
    case SequenceArrowKind::Close: return "close";
    case SequenceArrowKind::OtherFrame: return "other";
    case SequenceArrowKind::HttpRequest: return "request";
    case SequenceArrowKind::HttpResponse: return "response";
    case SequenceArrowKind::Violation: return "violation";
    case SequenceArrowKind::Failure: return "failure";
    case SequenceArrowKind::Note: return "note";
    case SequenceArrowKind::TcpEnd: return "end";
    }
    return "?";
}

// "a b c" as {"a", "b", "c"}.
QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(u' ');
}

bool waitFor(const std::function<bool()> &done)
{
    QDeadlineTimer deadline(10000);
    while (!done() && !deadline.hasExpired())
        QTest::qWait(5);
    return done();
}

QList<quint32> connectionsOf(const Timeline &t, ConnectionProtocol protocol)
{
    QList<quint32> ids;
    for (quint32 id : t.connectionIds())
        if (t.connection(id)->protocol == protocol)
            ids << id;
    return ids;
}

} // namespace

class TestSequenceLayout : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void onePairOfLanesPerConnection_data();
    void onePairOfLanesPerConnection();
    void arrowsFollowTheTimelineInEachDirection_data();
    void arrowsFollowTheTimelineInEachDirection();
    void spacedByRealTimeOrCompressed_data();
    void spacedByRealTimeOrCompressed();
    void fragmentsAreNumberedAndBracketed();
    void aControlFrameBetweenFragmentsIsMarkedInterleaved();
    void httpExchangesCarryTheirStatusAndPhases();
    void theCloseHandshakeFromBothSidesThenTheTcpEnd();
    void everyRowOfTheConnectionSelectsItsArrow();

private:
    bool recordInterleaved(QString *error);
    Session *session(const QString &name) { return name == QLatin1String("interleaved") ? &m_interleaved : &m_demo; }

    test::DemoPeer m_peer;
    Session m_demo;        // DemoRecording: GET, POST, WebSocket echo of text, binary, fragments, ping, close
    Session m_interleaved; // a ping sent between the two fragments of a text message
};

void TestSequenceLayout::initTestCase()
{
    QString error;
    QVERIFY2(m_peer.start(&error), qPrintable(error));
    QVERIFY2(test::DemoRecording::record(m_demo, m_peer, &error), qPrintable(error));
    QVERIFY2(recordInterleaved(&error), qPrintable(error));
}

bool TestSequenceLayout::recordInterleaved(QString *error)
{
    WsConnectOptions options;
    options.url = m_peer.wsUrl(QStringLiteral("/ws/echo"));
    options.closeTimeoutMs = 2000;
    WsConnection ws(&m_interleaved, nullptr);
    bool echoed = false;
    bool pong = false;
    connect(&ws, &WsConnection::messageDecoded, &ws, [&](const WsMessageEvent &e) { echoed |= e.direction == Direction::In; });
    connect(&ws, &WsConnection::pongReceived, &ws, [&](const WsPongEvent &) { pong = true; });
    ws.open(options);
    if (!waitFor([&] { return ws.state() == WsConnectionState::Open; })) {
        *error = QStringLiteral("the echo did not open");
        return false;
    }
    WsCraftSpec first;
    first.fin = false;
    first.payload = "frag-";
    WsCraftSpec ping;
    ping.opcode = 0x9;
    ping.payload = "mid";
    WsCraftSpec last;
    last.opcode = 0x0;
    last.payload = "ment";
    ws.sendRaw(WsFrameWriter::craft(first) + WsFrameWriter::craft(ping) + WsFrameWriter::craft(last));
    if (!waitFor([&] { return echoed && pong; })) {
        *error = QStringLiteral("echo %1, pong %2").arg(echoed).arg(pong);
        return false;
    }
    ws.close(1000, QStringLiteral("bye"));
    if (!waitFor([&] {
            const Timeline &t = m_interleaved.timeline();
            return ws.state() == WsConnectionState::Closed && t.rowCount() > 0
                   && t.row(t.rowCount() - 1).rowKind() == RowKind::Event
                   && t.row(t.rowCount() - 1).eventType() == EventType::Closed;
        })) {
        *error = QStringLiteral("the echo did not close");
        return false;
    }
    return true;
}

void TestSequenceLayout::onePairOfLanesPerConnection_data()
{
    QTest::addColumn<QString>("scope"); // all, ws, http, reversed
    QTest::newRow("the whole session") << QStringLiteral("all");
    QTest::newRow("the WebSocket connection") << QStringLiteral("ws");
    QTest::newRow("the HTTP connections") << QStringLiteral("http");
    QTest::newRow("every connection, last first") << QStringLiteral("reversed");
}

void TestSequenceLayout::onePairOfLanesPerConnection()
{
    QFETCH(QString, scope);
    const Timeline &t = m_demo.timeline();
    SequenceLayoutOptions options;
    QList<quint32> expected = t.connectionIds();
    if (scope == QLatin1String("ws"))
        expected = connectionsOf(t, ConnectionProtocol::WebSocket);
    else if (scope == QLatin1String("http"))
        expected = connectionsOf(t, ConnectionProtocol::Http);
    else if (scope == QLatin1String("reversed"))
        std::reverse(expected.begin(), expected.end());
    if (scope != QLatin1String("all"))
        options.connections = expected;
    QVERIFY(!expected.isEmpty());
    const SequenceLayout layout = SequenceLayout::build(t, options);

    QCOMPARE(layout.lanes().size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const SequenceLanes &l = layout.lanes()[i];
        QCOMPARE(l.connection, expected[i]);
        QCOMPARE(l.label, t.connection(expected[i])->label);
        QCOMPARE(l.clientX, options.left + double(i) * (options.laneGap + options.pairGap));
        QCOMPARE(l.serverX, l.clientX + options.laneGap);
    }
    QVERIFY(layout.width() > layout.lanes().back().serverX);
    // Every row of those connections that is drawn at all, and nothing of the others.
    for (const SequenceArrow &a : layout.arrows()) {
        QVERIFY(expected.contains(a.connection));
        QCOMPARE(t.row(a.row).connection, a.connection);
    }
    for (qsizetype row = 0; row < t.rowCount(); ++row)
        QCOMPARE(layout.arrowOfRow(row) >= 0, expected.contains(t.row(row).connection));
}

void TestSequenceLayout::arrowsFollowTheTimelineInEachDirection_data()
{
    QTest::addColumn<QString>("session");
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QStringList>("out"); // client to server, in time order
    QTest::addColumn<QStringList>("in");
    const auto ws = int(ConnectionProtocol::WebSocket);
    const auto http = int(ConnectionProtocol::Http);
    QTest::newRow("echo: text, binary, three fragments, ping, close")
        << QStringLiteral("demo") << ws
        << words("connect upgrade data data fragment fragment fragment message ping close end")
        << words("101 data data data pong close");
    QTest::newRow("a ping between two fragments")
        << QStringLiteral("interleaved") << ws
        << words("connect upgrade fragment ping fragment message close end")
        << words("101 pong data close");
    QTest::newRow("GET and POST") << QStringLiteral("demo") << http
                                  << words("connect request request")
                                  << words("response response");
}

void TestSequenceLayout::arrowsFollowTheTimelineInEachDirection()
{
    QFETCH(QString, session);
    QFETCH(int, protocol);
    QFETCH(QStringList, out);
    QFETCH(QStringList, in);
    const Timeline &t = this->session(session)->timeline();
    SequenceLayoutOptions options;
    options.connections = connectionsOf(t, ConnectionProtocol(protocol));
    const SequenceLayout layout = SequenceLayout::build(t, options);
    QStringList seen[2];
    for (const SequenceArrow &a : layout.arrows())
        seen[a.direction == Direction::Out ? 1 : 0] << QLatin1String(kindName(a.kind));
    QCOMPARE(seen[1], out);
    QCOMPARE(seen[0], in);
}

void TestSequenceLayout::spacedByRealTimeOrCompressed_data()
{
    QTest::addColumn<QString>("session");
    QTest::addColumn<bool>("compressed");
    QTest::addColumn<double>("pixelsPerMs"); // 0: automatic
    for (const char *s : {"demo", "interleaved"}) {
        QTest::addRow("%s, real time, automatic scale", s) << QString::fromLatin1(s) << false << 0.0;
        QTest::addRow("%s, real time, 500 px/ms", s) << QString::fromLatin1(s) << false << 500.0;
        QTest::addRow("%s, real time, 0.01 px/ms", s) << QString::fromLatin1(s) << false << 0.01;
        QTest::addRow("%s, compressed", s) << QString::fromLatin1(s) << true << 0.0;
    }
}

void TestSequenceLayout::spacedByRealTimeOrCompressed()
{
    QFETCH(QString, session);
    QFETCH(bool, compressed);
    QFETCH(double, pixelsPerMs);
    const Timeline &t = this->session(session)->timeline();
    SequenceLayoutOptions options;
    options.compressed = compressed;
    options.pixelsPerMs = pixelsPerMs;
    const SequenceLayout layout = SequenceLayout::build(t, options);
    if (pixelsPerMs > 0)
        QCOMPARE(layout.pixelsPerMs(), pixelsPerMs);
    const SequenceArrow *previous = nullptr;
    int placed = 0;
    for (const SequenceArrow &a : layout.arrows()) {
        // Each arrow has the time of what it stands for, and arrows read in time.
        QVERIFY(a.row >= 0 && a.row < t.rowCount());
        if (a.kind == SequenceArrowKind::Data || a.kind == SequenceArrowKind::Close)
            QCOMPARE(a.tNs, t.row(a.row).tNs);
        if (a.kind == SequenceArrowKind::Message)
            continue; // a bracket over its frames, placed with them
        ++placed;
        if (!previous) {
            QCOMPARE(a.y, options.top);
            QCOMPARE(a.tNs, layout.originNs());
        } else {
            QVERIFY(a.tNs >= previous->tNs);
            double gap = options.step;
            if (!compressed)
                gap = std::min(options.maxGap, std::max(options.step, double(a.tNs - previous->tNs) / 1e6 * layout.pixelsPerMs()));
            QVERIFY2(qAbs(a.y - previous->y - gap) < 1e-6,
                     qPrintable(QStringLiteral("%1 -> %2: %3, expected %4").arg(QLatin1String(kindName(previous->kind)), QLatin1String(kindName(a.kind))).arg(a.y - previous->y).arg(gap)));
            QCOMPARE(a.gapCut, !compressed && gap == options.maxGap && double(a.tNs - previous->tNs) / 1e6 * layout.pixelsPerMs() > options.maxGap);
        }
        // yAt() is the inverse the painters use for phases and scrubbing.
        QVERIFY(layout.yAt(a.tNs) <= a.y);
        previous = &a;
    }
    if (compressed)
        QCOMPARE(layout.height(), options.top + double(placed - 1) * options.step + options.top);
    for (const SequencePhase &p : layout.phases()) {
        QVERIFY(p.y0 <= p.y1);
        QCOMPARE(p.y0, layout.yAt(p.startNs));
    }
}

void TestSequenceLayout::fragmentsAreNumberedAndBracketed()
{
    const Timeline &t = m_demo.timeline();
    const SequenceLayout layout = SequenceLayout::build(t);
    QList<int> positions;
    QList<double> ys;
    const SequenceArrow *bracket = nullptr;
    for (const SequenceArrow &a : layout.arrows()) {
        if (a.kind == SequenceArrowKind::Fragment) {
            QCOMPARE(a.direction, Direction::Out);
            QCOMPARE(a.fragments, 3);
            QCOMPARE(a.opcode, quint8(positions.isEmpty() ? 0x1 : 0x0)); // text, then continuations
            positions << a.fragment;
            ys << a.y;
            QVERIFY(!a.interleaved);
        } else if (a.kind == SequenceArrowKind::Message) {
            bracket = &a;
        }
    }
    QCOMPARE(positions, (QList<int>{1, 2, 3}));
    QVERIFY(bracket);
    QCOMPARE(bracket->fragments, 3);
    QCOMPARE(bracket->opcode, quint8(0x1));
    QCOMPARE(bracket->size, quint32(qstrlen(test::DemoRecording::kFragmented)));
    QCOMPARE(bracket->firstY, ys.front());
    QCOMPARE(bracket->y, ys.back());
    QCOMPARE(t.row(bracket->row).rowKind(), RowKind::Message);
}

void TestSequenceLayout::aControlFrameBetweenFragmentsIsMarkedInterleaved()
{
    const SequenceLayout layout = SequenceLayout::build(m_interleaved.timeline());
    QStringList outgoing;
    for (const SequenceArrow &a : layout.arrows()) {
        if (a.direction != Direction::Out || (a.kind != SequenceArrowKind::Fragment && a.kind != SequenceArrowKind::Ping))
            continue;
        outgoing << QStringLiteral("%1 %2/%3%4")
                        .arg(QLatin1String(kindName(a.kind)))
                        .arg(a.fragment)
                        .arg(a.fragments)
                        .arg(a.interleaved ? QStringLiteral(" interleaved") : QString());
    }
    QCOMPARE(outgoing, (QStringList{QStringLiteral("fragment 1/2"), QStringLiteral("ping 0/0 interleaved"), QStringLiteral("fragment 2/2")}));
    // The pong answers outside any fragmented message of the server: not interleaved. A
    // crafted ping is not one the engine times (rules unchecked): no round trip.
    for (const SequenceArrow &a : layout.arrows())
        if (a.kind == SequenceArrowKind::Pong) {
            QVERIFY(!a.interleaved);
            QCOMPARE(a.rttNs, qint64(-1));
        }
    // The ping sent through the engine is timed.
    for (const SequenceArrow &a : SequenceLayout::build(m_demo.timeline()).arrows())
        if (a.kind == SequenceArrowKind::Pong)
            QVERIFY(a.rttNs >= 0);
}

void TestSequenceLayout::httpExchangesCarryTheirStatusAndPhases()
{
    const Timeline &t = m_demo.timeline();
    const SequenceLayout layout = SequenceLayout::build(t);
    QStringList requests;
    for (const SequenceArrow &a : layout.arrows()) {
        if (a.kind != SequenceArrowKind::HttpRequest && a.kind != SequenceArrowKind::HttpResponse)
            continue;
        const auto record = t.exchange(a.row);
        QVERIFY(record);
        const HttpHop &hop = record->hops.last();
        if (a.kind == SequenceArrowKind::HttpRequest) {
            QCOMPARE(a.tNs, hop.timings.sendStartNs);
            requests << a.text.section(u'?', 0, 0);
        } else {
            QCOMPARE(a.tNs, hop.timings.firstByteNs);
            QCOMPARE(a.status, 200);
            QCOMPARE(a.text, QStringLiteral("OK"));
        }
    }
    QCOMPARE(requests, (QStringList{QStringLiteral("GET /get"), QStringLiteral("POST /post")}));
    // The phases of both exchanges and of the upgrade, each on its connection.
    QStringList names[2];
    for (const SequencePhase &p : layout.phases()) {
        QVERIFY(p.startNs <= p.endNs);
        names[t.connection(p.connection)->protocol == ConnectionProtocol::WebSocket ? 1 : 0] << QLatin1String(p.name);
    }
    QVERIFY2(names[0].count(QStringLiteral("wait")) == 2, qPrintable(names[0].join(u' ')));
    QVERIFY2(names[0].count(QStringLiteral("connect")) == 1, qPrintable(names[0].join(u' '))); // the POST reused the connection
    QVERIFY2(names[1].contains(QStringLiteral("connect")) && names[1].contains(QStringLiteral("wait")), qPrintable(names[1].join(u' ')));
}

void TestSequenceLayout::theCloseHandshakeFromBothSidesThenTheTcpEnd()
{
    for (Session *s : {&m_demo, &m_interleaved}) {
        SequenceLayoutOptions options;
        options.connections = connectionsOf(s->timeline(), ConnectionProtocol::WebSocket);
        const SequenceLayout layout = SequenceLayout::build(s->timeline(), options);
        const auto &arrows = layout.arrows();
        QVERIFY(arrows.size() >= 3);
        const SequenceArrow &end = arrows.back();
        QCOMPARE(end.kind, SequenceArrowKind::TcpEnd);
        QCOMPARE(end.closeCode, 1000);
        QCOMPARE(end.text, QStringLiteral("clean"));
        QList<Direction> closes;
        for (const SequenceArrow &a : arrows)
            if (a.kind == SequenceArrowKind::Close) {
                QCOMPARE(a.closeCode, 1000);
                closes << a.direction;
            }
        QCOMPARE(closes, (QList<Direction>{Direction::Out, Direction::In}));
        QCOMPARE(arrows.front().kind, SequenceArrowKind::TcpConnect);
    }
}

void TestSequenceLayout::everyRowOfTheConnectionSelectsItsArrow()
{
    // Selection sync: a row of the drawn connection selects an arrow drawn from it, a row
    // of another connection none.
    const Timeline &t = m_demo.timeline();
    SequenceLayoutOptions options;
    options.connections = connectionsOf(t, ConnectionProtocol::WebSocket);
    const SequenceLayout layout = SequenceLayout::build(t, options);
    for (qsizetype row = 0; row < t.rowCount(); ++row) {
        const int arrow = layout.arrowOfRow(row);
        if (t.row(row).connection != options.connections.front()) {
            QCOMPARE(arrow, -1);
            continue;
        }
        QVERIFY(arrow >= 0);
        QCOMPARE(layout.arrows()[arrow].row, row);
        QVERIFY(!layout.arrows()[arrow].violated);
    }
}

QTEST_MAIN(TestSequenceLayout)
#include "tst_sequencelayout.moc"

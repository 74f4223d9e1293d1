// The WebSocket log as a view over the session's timeline: conversations are recorded the
// way the engine records them (SimulatedWsConnection: real bytes through the real codecs into
// a TimelineWriter and the Recorder), and the model is read through its public face.
#include "ui/ws/wslogmodel.h"

#include "core/session/session.h"
#include "core/session/timelinewriter.h"
#include "core/wire/wsviolations.h"
#include "tests/peers/simulatedwsconnection.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

using namespace wirescope;
using wirescope::test::SimulatedWsConnection;

namespace {

constexpr qint64 ms = 1'000'000;

// A session and a writer feeding it, as an engine thread would.
struct Recording {
    Session session;
    QObject context;
    TimelineWriter writer{session.recorder(), &context};

    // Hands what was written to the timeline, which announces it to the views.
    void record()
    {
        writer.flush();
        session.recorder()->drain();
    }
};

// Connection 1: a conversation with every kind of row. Connection 2 (another tab) talks at
// the same time and must never show up.
void converse(Recording &r)
{
    SimulatedWsConnection ws(r.writer, 1);
    SimulatedWsConnection other(r.writer, 2);
    ws.open(1 * ms, QStringLiteral("ws://example.test/chat"));
    other.open(1 * ms + 500, QStringLiteral("ws://other.test/"));
    ws.sendText(2 * ms, "Hello");
    other.read(2 * ms + 500, other.serverFrame(WsOpcode::Text, "not this tab"));
    ws.read(3 * ms, ws.serverFrame(WsOpcode::Text, "Hello"));
    ws.read(4 * ms, ws.serverFrame(WsOpcode::Binary, QByteArray::fromHex("deadbeef")));
    // RFC 6455 §5.4: a message in two fragments with a ping between them.
    ws.read(5 * ms, ws.serverFrame(WsOpcode::Text, "one ", false) + ws.serverFrame(WsOpcode::Ping, "x")
                        + ws.serverFrame(WsOpcode::Continuation, "two", true));
    ws.ping(6 * ms, "rtt");
    ws.read(7 * ms, ws.serverFrame(WsOpcode::Pong, "rtt"));
    QByteArray rsv = ws.serverFrame(WsOpcode::Text, "hi");
    rsv[0] = char(quint8(rsv[0]) | 0x40); // RSV1 without permessage-deflate (RFC 6455 §5.2)
    ws.read(8 * ms, rsv);
    ws.read(9 * ms, ws.serverFrame(WsOpcode::Close, QByteArray::fromHex("03e8") + "bye"));
    ws.close(10 * ms, 1000, true);
    r.record();
}

// "type | preview" of every row shown, the way a person reads the log.
QStringList shownRows(const WsLogModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows << model.index(row, WsLogModel::TypeColumn).data().toString() + QStringLiteral(" | ")
                    + model.index(row, WsLogModel::PreviewColumn).data().toString();
    return rows;
}

int rowWithType(const WsLogModel &model, const QString &type)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, WsLogModel::TypeColumn).data().toString() == type)
            return row;
    return -1;
}

const QString kOpening = QStringLiteral("event | Connecting to ws://example.test/chat");
const QString kHandshake = QStringLiteral("event | Connected: HTTP 101 Switching Protocols");
const QString kSentHello = QStringLiteral("text | Hello");
const QString kEcho = QStringLiteral("text | Hello");
const QString kBinary = QStringLiteral("binary | de ad be ef");
const QString kPingX = QStringLiteral("ping | x");
const QString kAssembled = QStringLiteral("text (2 frames) | one two");
const QString kFirstFragment = QStringLiteral("text (fragment) | one ");
const QString kLastFragment = QStringLiteral("continuation (fragment) | two");
const QString kPingRtt = QStringLiteral("ping | rtt");
const QString kPong = QStringLiteral("pong | round trip 1.000 ms \u00b7 rtt");
// Messages mode: our ping and the pong that answered it, one row.
const QString kPingPong = QStringLiteral("ping \u21c4 pong | round trip 1.000 ms \u00b7 rtt");
const QString kViolation = QStringLiteral("violation | ") + QString::fromUtf8(wsv::RsvNonzero.text) + QStringLiteral(" (RSV1)");
const QString kRsvText = QStringLiteral("text | hi");
const QString kCloseFrame = QStringLiteral("close | 1000 Normal Closure: bye");
const QString kClosed = QStringLiteral("event | Closed with 1000 Normal Closure (clean)");

} // namespace

class TestWsLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheRowsOfItsConnectionsByModeAndFilter_data();
    void showsTheRowsOfItsConnectionsByModeAndFilter();
    void newRowsArriveInOneInsertionPerBatch();
    void newRowsRespectTheModeAndTheFilter();
    void aReconnectAppendsBelowTheOldRows();
    void aPastConnectionShowsAtOnce();
    void rowsShowTimeDirectionSizesAndWireSizes();
    void violationsStandOutWithTheirRfcSection();
    void aViolationFoundLaterRepaintsItsFrame();
    void craftedFramesAreMarked();
    void failuresAndRefusedHandshakesReadAsSentences();
    void searchMatchesWhatThePreviewShows_data();
    void searchMatchesWhatThePreviewShows();
    void clearingHidesTheRowsSoFar();
    void aPingAndItsPongAreOneRow();
    void goneBytesShowAMarker_data();
    void goneBytesShowAMarker();
    void copyGivesTabSeparatedText();
};

void TestWsLogModel::showsTheRowsOfItsConnectionsByModeAndFilter_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<quint32>("directions");
    QTest::addColumn<quint32>("types");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("rows");
    const int messages = int(WsLogModel::Mode::Messages);
    const int frames = int(WsLogModel::Mode::Frames);
    const quint32 both = WsLogModel::ShowBothDirections;
    const quint32 all = WsLogModel::ShowAllTypes;
    QTest::newRow("messages mode shows whole messages and hides their fragments")
        << messages << both << all << QString()
        << QStringList{kOpening, kHandshake, kSentHello, kEcho, kBinary, kPingX, kAssembled, kPingPong,
                       kViolation, kRsvText, kCloseFrame, kClosed};
    QTest::newRow("frames mode shows every frame and no message row")
        << frames << both << all << QString()
        << QStringList{kOpening, kHandshake, kSentHello, kEcho, kBinary, kFirstFragment, kPingX, kLastFragment,
                       kPingRtt, kPong, kViolation, kRsvText, kCloseFrame, kClosed};
    QTest::newRow("only sent rows in messages mode: the ping keeps its pong folded")
        << messages << quint32(WsLogModel::ShowOutgoing) << quint32(WsLogModel::ShowControl) << QString()
        << QStringList{kPingPong};
    QTest::newRow("only received rows; events have no direction and stay")
        << messages << quint32(WsLogModel::ShowIncoming) << all << QString()
        << QStringList{kOpening, kHandshake, kEcho, kBinary, kPingX, kAssembled, kPong, kViolation, kRsvText,
                       kCloseFrame, kClosed};
    QTest::newRow("only sent rows") << frames << quint32(WsLogModel::ShowOutgoing) << quint32(WsLogModel::ShowAllTypes & ~WsLogModel::ShowEvents)
                                    << QString() << QStringList{kSentHello, kPingRtt};
    QTest::newRow("only text in frames mode keeps the continuation of a text message")
        << frames << both << quint32(WsLogModel::ShowText) << QString()
        << QStringList{kSentHello, kEcho, kFirstFragment, kLastFragment, kRsvText};
    QTest::newRow("only binary") << messages << both << quint32(WsLogModel::ShowBinary) << QString() << QStringList{kBinary};
    QTest::newRow("only control frames, the same in both modes")
        << frames << both << quint32(WsLogModel::ShowControl) << QString()
        << QStringList{kPingX, kPingRtt, kPong, kCloseFrame};
    QTest::newRow("only violations") << messages << both << quint32(WsLogModel::ShowViolations) << QString()
                                     << QStringList{kViolation};
    QTest::newRow("only events") << frames << both << quint32(WsLogModel::ShowEvents) << QString()
                                 << QStringList{kOpening, kHandshake, kClosed};
    QTest::newRow("search is case-insensitive over the payload bytes")
        << messages << both << all << QStringLiteral("HELLO") << QStringList{kSentHello, kEcho};
    QTest::newRow("search finds a message assembled from its fragments")
        << messages << both << all << QStringLiteral("one two") << QStringList{kAssembled};
    QTest::newRow("search in frames mode sees each fragment on its own")
        << frames << both << all << QStringLiteral("one two") << QStringList{};
    QTest::newRow("search finds events and violations by their words")
        << messages << both << all << QStringLiteral("reserved bit") << QStringList{kViolation};
    QTest::newRow("search and direction together") << frames << quint32(WsLogModel::ShowIncoming)
                                                   << quint32(WsLogModel::ShowText) << QStringLiteral("hell")
                                                   << QStringList{kEcho};
}

void TestWsLogModel::showsTheRowsOfItsConnectionsByModeAndFilter()
{
    QFETCH(int, mode);
    QFETCH(quint32, directions);
    QFETCH(quint32, types);
    QFETCH(QString, search);
    QFETCH(QStringList, rows);
    auto configure = [&](WsLogModel &model) {
        model.addConnection(1);
        model.setMode(WsLogModel::Mode(mode));
        model.setDirectionFilter(directions);
        model.setTypeFilter(types);
        model.setSearchText(search);
    };
    // The filters set before the rows arrive and after give the same log.
    Recording r;
    WsLogModel model(&r.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    configure(model);
    converse(r);
    model.flush();
    QCOMPARE(shownRows(model), rows);
    WsLogModel late(&r.session);
    QAbstractItemModelTester lateTester(&late, QAbstractItemModelTester::FailureReportingMode::QtTest);
    configure(late);
    QCOMPARE(shownRows(late), rows);
}

void TestWsLogModel::newRowsArriveInOneInsertionPerBatch()
{
    Recording r;
    WsLogModel model(&r.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addConnection(1);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    converse(r);
    QCOMPARE(model.rowCount(), 0); // announced, not yet shown: the timer coalesces
    QVERIFY(model.pendingRows() > 0);
    model.flush();
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(model.pendingRows(), qsizetype(0));
    model.flush();
    QCOMPARE(inserted.count(), 1);
    // Left alone, the timer shows the next batch by itself.
    SimulatedWsConnection again(r.writer, 3);
    model.addConnection(3);
    again.open(20 * ms, QStringLiteral("ws://example.test/chat"));
    r.record();
    QTRY_COMPARE(model.rowCount(), 14);
    QCOMPARE(inserted.count(), 2);
}

void TestWsLogModel::newRowsRespectTheModeAndTheFilter()
{
    Recording r;
    WsLogModel model(&r.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addConnection(1);
    converse(r);
    model.flush();
    model.setDirectionFilter(WsLogModel::ShowOutgoing);
    QCOMPARE(model.rowCount(), 5); // opening, handshake, "Hello", the ping with its pong, close event
    const qsizetype sentHello = model.timelineRow(2);
    QCOMPARE(model.rowForTimelineRow(sentHello), 2);
    QCOMPARE(model.rowForTimelineRow(sentHello + 1), -1); // hidden by the filter, still in the timeline
    model.setDirectionFilter(WsLogModel::ShowBothDirections);
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(model.rowForTimelineRow(sentHello), 2);
}

void TestWsLogModel::aReconnectAppendsBelowTheOldRows()
{
    Recording r;
    WsLogModel model(&r.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addConnection(1);
    converse(r);
    model.flush();
    const QStringList before = shownRows(model);
    SimulatedWsConnection again(r.writer, 3);
    again.open(20 * ms, QStringLiteral("ws://example.test/chat"));
    again.read(21 * ms, again.serverFrame(WsOpcode::Text, "welcome back"));
    r.record();
    model.addConnection(3);
    model.flush();
    const QStringList after = shownRows(model);
    QCOMPARE(after.mid(0, before.size()), before);
    QCOMPARE(after.mid(before.size()), (QStringList{kOpening, kHandshake, QStringLiteral("text | welcome back")}));
    // One clock: the second connection's times continue from the first connection's start.
    QCOMPARE(model.originNs(), 1 * ms);
    QCOMPARE(model.index(model.rowCount() - 1, WsLogModel::TimeColumn).data().toString(), QStringLiteral("0.020000"));
    QCOMPARE(model.connections(), (QList<quint32>{1, 3}));
}

void TestWsLogModel::aPastConnectionShowsAtOnce()
{
    Recording r;
    converse(r);
    WsLogModel model(&r.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.addConnection(1);
    QCOMPARE(model.pendingRows(), qsizetype(0));
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(shownRows(model).constFirst(), kOpening);
    QCOMPARE(shownRows(model).constLast(), kClosed);
}

void TestWsLogModel::rowsShowTimeDirectionSizesAndWireSizes()
{
    Recording r;
    converse(r);
    WsLogModel model(&r.session);
    model.addConnection(1);
    auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(text(0, WsLogModel::TimeColumn), QStringLiteral("0.000000"));
    QCOMPARE(text(0, WsLogModel::DirectionColumn), QString()); // an event has no direction
    QCOMPARE(text(2, WsLogModel::TimeColumn), QStringLiteral("0.001000"));
    QCOMPARE(text(2, WsLogModel::DirectionColumn), QStringLiteral("\u2191"));
    QCOMPARE(text(3, WsLogModel::DirectionColumn), QStringLiteral("\u2193"));
    // "Hello" masked by us: 2 header bytes + 4 key bytes + 5; the echo: 2 + 5.
    QCOMPARE(text(2, WsLogModel::SizeColumn), QStringLiteral("5 B"));
    QCOMPARE(text(2, WsLogModel::WireSizeColumn), QStringLiteral("11 B"));
    QCOMPARE(text(3, WsLogModel::WireSizeColumn), QStringLiteral("7 B"));
    // The assembled message: its data, and the wire bytes from its first frame to its last
    // (the ping between them included).
    const int assembled = rowWithType(model, QStringLiteral("text (2 frames)"));
    QVERIFY(assembled >= 0);
    QCOMPARE(text(assembled, WsLogModel::SizeColumn), QStringLiteral("7 B"));
    QCOMPARE(text(assembled, WsLogModel::WireSizeColumn), QStringLiteral("14 B"));
    QCOMPARE(model.index(assembled, 0).data(WsLogModel::KindRole).toInt(), int(RowKind::Message));
    QCOMPARE(text(0, WsLogModel::SizeColumn), QString());
    QCOMPARE(model.index(2, 0).data(WsLogModel::DirectionRole).toInt(), int(Direction::Out));
    QVERIFY(model.index(2, WsLogModel::PreviewColumn).data(Qt::FontRole).isValid());
}

void TestWsLogModel::violationsStandOutWithTheirRfcSection()
{
    Recording r;
    converse(r);
    WsLogModel model(&r.session);
    model.addConnection(1);
    const int row = rowWithType(model, QStringLiteral("violation"));
    QVERIFY(row >= 0);
    const QModelIndex type = model.index(row, WsLogModel::TypeColumn);
    QVERIFY(!type.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(type.data(Qt::BackgroundRole).value<QColor>().isValid());
    QCOMPARE(type.data(WsLogModel::ViolationIdRole).toString(), QStringLiteral("ws.rsv_nonzero"));
    QCOMPARE(type.data(WsLogModel::DirectionRole).toInt(), int(Direction::In));
    const QString tip = model.index(row, WsLogModel::PreviewColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QString::fromUtf8(wsv::RsvNonzero.rfc)), qPrintable(tip));
    // The frame that broke the rule is the next row, marked with the warning icon.
    const QModelIndex frame = model.index(row + 1, WsLogModel::TypeColumn);
    QVERIFY(frame.data(WsLogModel::FlagsRole).toInt() & TimelineRow::HasViolation);
    QVERIFY(!frame.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(frame.data(Qt::BackgroundRole).value<QColor>().isValid());
    // A row that broke nothing has neither.
    QVERIFY(!model.index(3, WsLogModel::TypeColumn).data(Qt::DecorationRole).isValid());
    QVERIFY(!model.index(3, WsLogModel::TypeColumn).data(Qt::BackgroundRole).isValid());
}

void TestWsLogModel::aViolationFoundLaterRepaintsItsFrame()
{
    Recording r;
    SimulatedWsConnection ws(r.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    ws.read(1 * ms, ws.serverFrame(WsOpcode::Text, "ab", false));
    r.record();
    WsLogModel model(&r.session);
    model.setMode(WsLogModel::Mode::Frames);
    model.addConnection(1);
    const int shown = rowWithType(model, QStringLiteral("text (fragment)"));
    QVERIFY(shown >= 0);
    const QModelIndex type = model.index(shown, WsLogModel::TypeColumn);
    QVERIFY(!(type.data(WsLogModel::FlagsRole).toInt() & TimelineRow::HasViolation));
    const qint64 frameOffset = r.session.timeline().row(model.timelineRow(shown)).offset;
    // The next batch names that frame's bytes (as a rule broken across fragments would).
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    r.writer.violation(1, 2 * ms, Direction::In, Violation{&wsv::InvalidUtf8, frameOffset + 2, 1, {}});
    r.record();
    model.flush();
    QVERIFY(type.data(WsLogModel::FlagsRole).toInt() & TimelineRow::HasViolation);
    bool repainted = false;
    for (const QList<QVariant> &args : changed)
        repainted |= args.at(0).toModelIndex().row() <= shown && args.at(1).toModelIndex().row() >= shown;
    QVERIFY(repainted);
}

void TestWsLogModel::craftedFramesAreMarked()
{
    Recording r;
    SimulatedWsConnection ws(r.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    WsCraftSpec spec;
    spec.opcode = 0x1;
    spec.masked = true;
    spec.payload = "odd";
    ws.write(1 * ms, WsFrameWriter::craft(spec), true);
    ws.sendText(2 * ms, "plain");
    r.record();
    WsLogModel model(&r.session);
    model.addConnection(1);
    QCOMPARE(model.index(2, WsLogModel::TypeColumn).data().toString(), QStringLiteral("text [crafted]"));
    QVERIFY(model.index(2, WsLogModel::TypeColumn).data(WsLogModel::FlagsRole).toInt() & TimelineRow::Crafted);
    QVERIFY(model.index(2, WsLogModel::TypeColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("crafted")));
    QCOMPARE(model.index(3, WsLogModel::TypeColumn).data().toString(), QStringLiteral("text"));
}

void TestWsLogModel::failuresAndRefusedHandshakesReadAsSentences()
{
    Recording r;
    ConnectionOpening opening;
    opening.label = QStringLiteral("ws://127.0.0.1:9/");
    r.writer.opening(1, 0, opening);
    r.writer.failure(1, 1 * ms, Failure::of(failures::ConnectRefused, QStringLiteral("127.0.0.1:9")));
    WsCloseRecord close;
    close.tNs = 2 * ms;
    close.code = 1006;
    r.writer.wsClosed(1, close);
    opening.label = QStringLiteral("ws://127.0.0.1:8080/private");
    r.writer.opening(2, 3 * ms, opening);
    WsHandshakeRecord refused;
    refused.timings.lastByteNs = 4 * ms;
    refused.response.status = 403;
    refused.response.reason = "Forbidden";
    r.writer.wsHandshake(2, refused);
    r.record();
    WsLogModel model(&r.session);
    model.addConnection(1);
    model.addConnection(2);
    QCOMPARE(shownRows(model),
             (QStringList{QStringLiteral("event | Connecting to ws://127.0.0.1:9/"),
                          QStringLiteral("event | Failed: The server refused the TCP connection: 127.0.0.1:9 (connect.refused)"),
                          QStringLiteral("event | Closed with 1006 Abnormal Closure (not clean)"),
                          QStringLiteral("event | Connecting to ws://127.0.0.1:8080/private"),
                          QStringLiteral("event | Handshake failed: HTTP 403 Forbidden")}));
}

void TestWsLogModel::searchMatchesWhatThePreviewShows_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("rows");
    const QString text = QStringLiteral("text | Grüße aus Köln");
    const QString binary = QStringLiteral("binary | de ad be ef");
    QTest::newRow("an ASCII query ignores case") << QStringLiteral("AUS") << QStringList{text};
    QTest::newRow("a line break is searched as the space the preview shows") << QStringLiteral("aus k") << QStringList{text};
    QTest::newRow("a non-ASCII query ignores case too") << QStringLiteral("AUS KÖLN") << QStringList{text};
    QTest::newRow("non-ASCII letters match exactly") << QStringLiteral("Grüße") << QStringList{text};
    QTest::newRow("binary payloads are searched as their hex") << QStringLiteral("DE AD") << QStringList{binary};
    QTest::newRow("nothing matches") << QStringLiteral("xyz") << QStringList{};
}

void TestWsLogModel::searchMatchesWhatThePreviewShows()
{
    QFETCH(QString, search);
    QFETCH(QStringList, rows);
    Recording r;
    SimulatedWsConnection ws(r.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    ws.read(1 * ms, ws.serverFrame(WsOpcode::Text, QStringLiteral("Grüße aus\nKöln").toUtf8()));
    ws.read(2 * ms, ws.serverFrame(WsOpcode::Binary, QByteArray::fromHex("deadbeef")));
    r.record();
    WsLogModel model(&r.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addConnection(1);
    model.setTypeFilter(WsLogModel::ShowText | WsLogModel::ShowBinary);
    model.setSearchText(search);
    QCOMPARE(shownRows(model), rows);
}

void TestWsLogModel::clearingHidesTheRowsSoFar()
{
    Recording r;
    SimulatedWsConnection ws(r.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    ws.read(1 * ms, ws.serverFrame(WsOpcode::Text, "before"));
    r.record();
    WsLogModel model(&r.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addConnection(1);
    QCOMPARE(model.rowCount(), 3);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    ws.read(2 * ms, ws.serverFrame(WsOpcode::Text, "after"));
    r.record();
    model.flush();
    QCOMPARE(shownRows(model), QStringList{QStringLiteral("text | after")});
    model.setMode(WsLogModel::Mode::Frames); // a rebuild keeps what was cleared away
    QCOMPARE(shownRows(model), QStringList{QStringLiteral("text | after")});
    QCOMPARE(r.session.timeline().connection(1)->messageCount[0], quint64(2)); // the timeline keeps both
}

void TestWsLogModel::aPingAndItsPongAreOneRow()
{
    Recording r;
    SimulatedWsConnection ws(r.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    ws.ping(1 * ms, "auto-1");
    r.record();
    WsLogModel model(&r.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addConnection(1);
    QCOMPARE(shownRows(model).constLast(), QStringLiteral("ping | auto-1")); // waiting for its pong
    const int ping = model.rowCount() - 1;
    // The pong arrives in a later batch: no row of its own, the ping's row shows the round trip.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    ws.read(3 * ms, ws.serverFrame(WsOpcode::Pong, "auto-1"));
    r.record();
    model.flush();
    QCOMPARE(model.rowCount(), ping + 1);
    QCOMPARE(shownRows(model).constLast(), QStringLiteral("ping \u21c4 pong | round trip 2.000 ms \u00b7 auto-1"));
    QCOMPARE(model.index(ping, WsLogModel::DirectionColumn).data().toString(), QStringLiteral("\u2191\u2193"));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.constLast().at(0).toModelIndex().row(), ping);
    QCOMPARE(model.foldedPong(model.timelineRow(ping)), r.session.timeline().pongOf(model.timelineRow(ping)));
    QVERIFY(model.index(ping, WsLogModel::TypeColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Frames")));
    // Frames mode lists both frames, as they crossed the wire.
    model.setMode(WsLogModel::Mode::Frames);
    QCOMPARE(shownRows(model).mid(ping),
             (QStringList{QStringLiteral("ping | auto-1"), QStringLiteral("pong | round trip 2.000 ms \u00b7 auto-1")}));
    QCOMPARE(model.foldedPong(model.timelineRow(ping)), qsizetype(-1));
    // A pong whose ping was cleared away stays a row of its own.
    model.setMode(WsLogModel::Mode::Messages);
    ws.ping(4 * ms, "auto-2");
    r.record();
    model.flush();
    model.clear();
    ws.read(5 * ms, ws.serverFrame(WsOpcode::Pong, "auto-2"));
    r.record();
    model.flush();
    QCOMPARE(shownRows(model), QStringList{QStringLiteral("pong | round trip 1.000 ms \u00b7 auto-2")});
}

void TestWsLogModel::goneBytesShowAMarker_data()
{
    QTest::addColumn<bool>("release");
    QTest::addColumn<QString>("marker");
    QTest::newRow("dropped by the budget") << false << QStringLiteral("payload dropped (memory budget)");
    QTest::newRow("freed by a cleared log") << true << QStringLiteral("payload freed (log cleared)");
}

void TestWsLogModel::goneBytesShowAMarker()
{
    QFETCH(bool, release);
    QFETCH(QString, marker);
    Recording r;
    if (!release)
        r.session.timeline().setByteBudget(256 * 1024);
    SimulatedWsConnection ws(r.writer, 1);
    ws.open(0, QStringLiteral("ws://h/"));
    for (int i = 0; i < 300; ++i) {
        ws.read((i + 1) * ms, ws.serverFrame(WsOpcode::Text, QByteArray::number(i) + ' ' + QByteArray(8000, 'x')));
        if (i % 10 == 0)
            r.record();
    }
    r.record();
    WsLogModel model(&r.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addConnection(1);
    if (release)
        r.session.timeline().releaseConnection(1);
    const int first = 2; // after the opening and the handshake
    QCOMPARE(model.rowCount(), 302); // every row stays
    const QModelIndex data = model.index(first, WsLogModel::PreviewColumn);
    QCOMPARE(data.data().toString(), marker);
    QVERIFY(data.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(data.data(Qt::ToolTipRole).toString().contains(QStringLiteral("no longer keeps")));
    // Size, wire size and time stay.
    QCOMPARE(model.index(first, WsLogModel::SizeColumn).data().toString(), QStringLiteral("7.8 KiB"));
    QCOMPARE(model.index(first, WsLogModel::TimeColumn).data().toString(), QStringLiteral("0.001000"));
    QCOMPARE(model.index(first, WsLogModel::TypeColumn).data().toString(), QStringLiteral("text"));
    QVERIFY(model.rowAsText(first).endsWith(marker));
    // The newest message is held unless the whole connection was released.
    const QString last = model.index(model.rowCount() - 1, WsLogModel::PreviewColumn).data().toString();
    if (release)
        QCOMPARE(last, marker);
    else
        QVERIFY2(last.startsWith(QStringLiteral("299 xxx")), qPrintable(last));
    // A search does not find what is gone.
    model.setSearchText(QStringLiteral("0 xxx"));
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(!model.index(row, WsLogModel::PreviewColumn).data().toString().startsWith(marker));
}

void TestWsLogModel::copyGivesTabSeparatedText()
{
    Recording r;
    converse(r);
    WsLogModel model(&r.session);
    model.addConnection(1);
    const QStringList cells = model.rowAsText(3).split(u'\t');
    QCOMPARE(cells.size(), 6);
    QCOMPARE(cells.at(0), QStringLiteral("4"));
    QCOMPARE(cells.at(2), QStringLiteral("received"));
    QCOMPARE(cells.at(3), QStringLiteral("text"));
    QCOMPARE(cells.at(4), QStringLiteral("5"));
    QCOMPARE(cells.at(5), QStringLiteral("Hello"));
}

QTEST_MAIN(TestWsLogModel)
#include "tst_wslogmodel.moc"

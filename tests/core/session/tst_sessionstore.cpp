// The .wirescope session file: what a capture writes through is what a load reads back, row
// for row and byte for byte (timelineText, the CLI's JSON lines, the records, the byte
// streams); a file that is not a session we can read is refused with an id and left as it
// was; a killed capture keeps all but its last second; a small message costs at most 40 bytes
// beyond its payload.
#include "tests/support/countingchild.h"
#include "tests/support/sessionscenarios.h"
#include "core/net/httpclient.h"
#include "core/net/wsconnection.h"
#include "core/session/httpexchangejson.h"
#include "core/session/session.h"
#include "core/session/sessionfilereader.h"
#include "core/session/sessionrecordjson.h"
#include "core/session/sessionstore.h"
#include "core/session/sqlitedatabase.h"
#include "core/session/timelinetext.h"
#include "core/session/timelinewriter.h"
#include "core/session/wsjsonlines.h"
#include "core/wire/wsframewriter.h"
#include "tests/peers/demopeer.h"
#include "tests/peers/simulatedwsconnection.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace wirescope;
using wirescope::test::DemoPeer;
using wirescope::test::SimulatedWsConnection;
using wirescope::test::CountingChild;
using wirescope::test::everything;
using wirescope::test::fileHash;
using wirescope::test::json;
using wirescope::test::recordScenario;

namespace {

constexpr int kWait = 10000;


// A session written through a store, recorded by hand with TimelineWriter as the engines do.
struct Capture {
    Session session;
    SessionStore store;
    QObject context;
    TimelineWriter writer {session.recorder(), &context};

    bool start(const QString &path)
    {
        SessionFileError error;
        if (!store.open(path, &error)) {
            qWarning("%s: %s", qPrintable(error.id), qPrintable(error.message));
            return false;
        }
        store.attach(&session);
        return true;
    }
    bool finish()
    {
        writer.flush();
        session.recorder()->drain();
        return store.close();
    }
};

// What the child process of aKilledCaptureKeepsAllButItsLastSecond does: records a message
// every millisecond into the file named by the environment, printing how many it recorded,
// until it is killed.
int recordUntilKilled(const QString &path)
{
    Capture c;
    if (!c.start(path))
        return 1;
    SimulatedWsConnection ws(c.writer, c.session.newConnectionId());
    ws.open(0, QStringLiteral("ws://example.test/feed"));
    QTextStream out(stdout);
    for (qint64 i = 1;; ++i) {
        ws.read(i * 1000, ws.serverFrame(WsOpcode::Text, QByteArray::number(i)));
        c.writer.flush();
        c.session.recorder()->drain();
        if (i % 50 == 0) {
            out << i << Qt::endl;
        }
        QThread::msleep(1);
    }
}

} // namespace

class TestSessionStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void aRecordedSessionReadsBackExactly_data();
    void aRecordedSessionReadsBackExactly();
    void realTrafficReadsBackExactly();
    void aBadFileIsRefusedAndLeftAsItWas_data();
    void aBadFileIsRefusedAndLeftAsItWas();
    void appendingKeepsTheClockAndAddsConnections();
    void annotationsAreKept();
    void theSummaryCountsWithoutLoading();
    void aKilledCaptureKeepsAllButItsLastSecond();
    void aSmallMessageCostsAtMostFortyBytesBeyondItsPayload();
    void theFileKeepsWhatTheMemoryBudgetDropped();

private:
    QString validSession();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSessionStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestSessionStore::validSession()
{
    const QString path = m_dir->filePath(QStringLiteral("valid.wirescope"));
    Capture c;
    if (!c.start(path))
        return {};
    recordScenario(c.session, c.writer, 0);
    recordScenario(c.session, c.writer, 3);
    return c.finish() ? path : QString();
}

void TestSessionStore::aRecordedSessionReadsBackExactly_data()
{
    QTest::addColumn<int>("scenario");
    QTest::newRow("a fragmented message, a ping between its frames, a round trip") << 0;
    QTest::newRow("rules broken in the middle of a message, then a failure") << 1;
    QTest::newRow("compressed messages, one frame and three") << 2;
    QTest::newRow("a crafted frame, a note, the close, HTTP exchanges on the same clock") << 3;
}

void TestSessionStore::aRecordedSessionReadsBackExactly()
{
    QFETCH(int, scenario);
    const QString path = m_dir->filePath(QStringLiteral("s.wirescope"));
    Capture c;
    QVERIFY(c.start(path));
    recordScenario(c.session, c.writer, scenario);
    QVERIFY(c.finish());
    SessionFileError error;
    const std::unique_ptr<Session> loaded = SessionFileReader::load(path, &error);
    QVERIFY2(loaded, qPrintable(error.id + u' ' + error.message));
    QVERIFY(c.session.timeline().rowCount() > 3);
    QCOMPARE(everything(*loaded), everything(c.session));
    QCOMPARE(loaded->clock().wallAnchor(), c.session.clock().wallAnchor());
    QCOMPARE(loaded->newConnectionId(), c.session.newConnectionId());
}

void TestSessionStore::realTrafficReadsBackExactly()
{
    DemoPeer demo;
    QString why;
    QVERIFY2(demo.start(&why), qPrintable(why));
    const QString path = m_dir->filePath(QStringLiteral("real.wirescope"));
    Session session;
    SessionStore store;
    SessionFileError error;
    QVERIFY(store.open(path, &error));
    store.attach(&session);

    HttpClient client(&session);
    int finished = 0;
    HttpRequestOptions follow;
    follow.followRedirects = true;
    HttpRequestOptions compressed;
    compressed.acceptCompressed = true;
    const std::pair<QString, HttpRequestOptions> requests[] = {
        {demo.httpUrl(QStringLiteral("/get?greeting=hello")).toString(), {}},
        {demo.httpUrl(QStringLiteral("/gzip")).toString(), compressed},
        {demo.httpUrl(QStringLiteral("/redirect/2")).toString(), follow},
        {demo.httpUrl(QStringLiteral("/stream/3?interval_ms=5")).toString(), {}},
        {QStringLiteral("http://127.0.0.1:1/refused"), {}},
    };
    int started = 0;
    for (const auto &[url, options] : requests) {
        HttpRequest request;
        request.setUrl(url);
        HttpExchange *exchange = client.start(request, options);
        connect(exchange, &HttpExchange::finished, this, [&finished] { ++finished; });
        ++started;
        QTRY_COMPARE_WITH_TIMEOUT(finished, started, kWait);
    }

    WsConnectOptions options;
    options.url = demo.wsUrl(QStringLiteral("/ws/echo"));
    options.permessageDeflate = true;
    options.closeTimeoutMs = 1000;
    WsConnection ws(&session, nullptr);
    int messages = 0;
    connect(&ws, &WsConnection::messageDecoded, this,
        [&messages](const WsMessageEvent &e) { messages += e.direction == Direction::In; });
    ws.open(options);
    QTRY_COMPARE_WITH_TIMEOUT(ws.state(), WsConnectionState::Open, kWait);
    ws.sendText(QStringLiteral("hello"));
    ws.sendBinary(QByteArray::fromHex("00ff00ff"), 2);
    ws.ping("rtt");
    QTRY_VERIFY_WITH_TIMEOUT(messages >= 2, kWait);
    ws.close(1000, QStringLiteral("done"));
    QTRY_COMPARE_WITH_TIMEOUT(ws.state(), WsConnectionState::Closed, kWait);
    QVERIFY(store.close());

    const std::unique_ptr<Session> loaded = SessionFileReader::load(path, &error);
    QVERIFY2(loaded, qPrintable(error.id + u' ' + error.message));
    const QString original = everything(session);
    QVERIFY(original.contains(QStringLiteral("\"event\":\"handshake\"")));
    QVERIFY(original.contains(QStringLiteral("connect.refused")));
    QCOMPARE(everything(*loaded), original);
}

void TestSessionStore::aBadFileIsRefusedAndLeftAsItWas_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("id");
    QTest::newRow("a file that is not there")
        << QStringLiteral("missing") << QStringLiteral("session.unreadable");
    QTest::newRow("an empty file") << QStringLiteral("empty") << QStringLiteral("session.not_wirescope");
    QTest::newRow("a text file") << QStringLiteral("text") << QStringLiteral("session.not_wirescope");
    QTest::newRow("another application's SQLite database")
        << QStringLiteral("foreign") << QStringLiteral("session.not_wirescope");
    QTest::newRow("a session from a newer Wirescope")
        << QStringLiteral("newer") << QStringLiteral("session.newer_version");
    QTest::newRow("a session cut short") << QStringLiteral("truncated") << QStringLiteral("session.corrupt");
    QTest::newRow("a session whose pages were overwritten")
        << QStringLiteral("overwritten") << QStringLiteral("session.corrupt");
    QTest::newRow("a session whose packed rows were damaged")
        << QStringLiteral("rows") << QStringLiteral("session.corrupt");
    QTest::newRow("a session whose exchange record was damaged")
        << QStringLiteral("record") << QStringLiteral("session.corrupt");
    QTest::newRow("a session without its segments table")
        << QStringLiteral("table") << QStringLiteral("session.corrupt");
}

void TestSessionStore::aBadFileIsRefusedAndLeftAsItWas()
{
    QFETCH(QString, damage);
    QFETCH(QString, id);
    const QString valid = validSession();
    QVERIFY(!valid.isEmpty());
    const QString path = m_dir->filePath(QStringLiteral("bad.wirescope"));
    QFile file(path);
    auto sql = [&path](const char *statements) {
        SqliteDatabase db;
        return db.open(path, SqliteDatabase::Mode::ReadWriteCreate) && db.exec(statements);
    };
    if (damage == u"empty" || damage == u"text") {
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(damage == u"text" ? "not a session at all\n" : "");
        file.close();
    } else if (damage == u"foreign") {
        QVERIFY(sql("PRAGMA application_id = 1234; CREATE TABLE t(x);"));
    } else if (damage != u"missing") {
        QVERIFY(QFile::copy(valid, path));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        if (damage == u"newer") {
            QVERIFY(sql("PRAGMA user_version = 2"));
        } else if (damage == u"rows") {
            QVERIFY(sql("UPDATE segments SET rows = x'ffffffffffffffffffffffff'"));
        } else if (damage == u"record") {
            QVERIFY(sql("UPDATE exchanges SET record = '{\"id\": \"seven\"}'"));
        } else if (damage == u"table") {
            QVERIFY(sql("DROP TABLE segments"));
        } else {
            QVERIFY(file.open(QIODevice::ReadWrite));
            const qint64 size = file.size();
            if (damage == u"truncated") {
                QVERIFY(file.resize(size / 2));
            } else {
                // Every page after the first (the header stays: the file still says it is
                // a Wirescope session) overwritten with garbage.
                file.seek(4096);
                file.write(QByteArray(size - 4096, '\x5a'));
            }
            file.close();
        }
    }
    const QByteArray before = fileHash(path);
    SessionFileError error;
    const std::unique_ptr<Session> loaded = SessionFileReader::load(path, &error);
    QVERIFY(!loaded);
    QCOMPARE(error.id, id);
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(fileHash(path), before);
    // Appending refuses a file whose header or tables say it is not a session to append to
    // (it reads the summary, not every row: damage inside rows is found by loading), and
    // changes nothing either.
    if (damage != u"missing" && damage != u"empty" && damage != u"rows" && damage != u"record") {
        SessionStore store;
        QVERIFY(!store.open(path, &error));
        QCOMPARE(error.id, id);
        QCOMPARE(fileHash(path), before);
    }
}

void TestSessionStore::appendingKeepsTheClockAndAddsConnections()
{
    const QString path = validSession();
    QVERIFY(!path.isEmpty());
    SessionFileError error;
    const std::unique_ptr<Session> first = SessionFileReader::load(path, &error);
    QVERIFY(first);
    const qsizetype firstRows = first->timeline().rowCount();
    const QList<quint32> firstIds = first->timeline().connectionIds();

    QTest::qWait(20); // the second capture starts later on the wall clock
    Capture c;
    QVERIFY(c.start(path));
    QVERIFY(c.store.appending());
    QCOMPARE(c.session.clock().wallAnchor(), first->clock().wallAnchor());
    QVERIFY(c.session.clock().nowNs() >= 20'000'000);
    SimulatedWsConnection ws(c.writer, c.session.newConnectionId());
    const qint64 t = c.session.clock().nowNs();
    ws.open(t, QStringLiteral("ws://example.test/second"));
    ws.read(t + 10, ws.serverFrame(WsOpcode::Text, "appended"));
    QVERIFY(c.finish());

    const std::unique_ptr<Session> both = SessionFileReader::load(path, &error);
    QVERIFY2(both, qPrintable(error.message));
    const QList<quint32> ids = both->timeline().connectionIds();
    QCOMPARE(ids.size(), firstIds.size() + 1);
    QCOMPARE(ids.last(), firstIds.last() + 1);
    QCOMPARE(both->timeline().rowCount(), firstRows + c.session.timeline().rowCount());
    // The first capture's rows are as they were; the second's follow on the same clock.
    QCOMPARE(timelineText(both->timeline(), 0, true).left(timelineText(first->timeline(), 0, true).size()),
        timelineText(first->timeline(), 0, true));
    const TimelineRow &last = both->timeline().row(both->timeline().rowCount() - 1);
    QCOMPARE(last.connection, ids.last());
    QCOMPARE(last.tNs, t + 10);
    QCOMPARE(both->timeline().payload(both->timeline().rowCount() - 1), QByteArray("appended"));
}

void TestSessionStore::annotationsAreKept()
{
    const QString path = m_dir->filePath(QStringLiteral("notes.wirescope"));
    {
        Capture c;
        QVERIFY(c.start(path));
        recordScenario(c.session, c.writer, 0);
        c.writer.flush();
        c.session.recorder()->drain();
        c.store.annotate(2, QStringLiteral("slow"), QStringLiteral("the server took its time"));
        c.store.annotate(3, QStringLiteral("gone"), QStringLiteral("removed below"));
        c.store.annotate(3, {}, {});
        QVERIFY(c.finish());
    }
    SessionFileReader reader;
    SessionFileError error;
    QVERIFY(reader.open(path, &error));
    QList<SessionAnnotation> annotations;
    QVERIFY(reader.readAnnotations(&annotations, &error));
    QCOMPARE(annotations.size(), 1);
    QCOMPARE(annotations.first().row, 2);
    QCOMPARE(annotations.first().label, QStringLiteral("slow"));
    QCOMPARE(annotations.first().note, QStringLiteral("the server took its time"));
}

void TestSessionStore::theSummaryCountsWithoutLoading()
{
    const QString path = validSession();
    SessionFileReader reader;
    SessionFileError error;
    QVERIFY(reader.open(path, &error));
    SessionSummary s;
    QVERIFY(reader.readSummary(&s, &error));
    const std::unique_ptr<Session> loaded = reader.readSession(&error);
    QVERIFY(loaded);
    const Timeline &t = loaded->timeline();
    qint64 frames = 0, messages = 0, violations = 0, exchanges = 0, bytes = 0;
    qint64 first = std::numeric_limits<qint64>::max(), last = std::numeric_limits<qint64>::min();
    for (qsizetype i = 0; i < t.rowCount(); ++i) {
        const TimelineRow &r = t.row(i);
        frames += r.rowKind() == RowKind::Frame;
        violations += r.rowKind() == RowKind::Violation;
        exchanges += r.rowKind() == RowKind::Exchange;
        first = std::min(first, r.tNs);
        last = std::max(last, r.tNs);
    }
    for (quint32 id : t.connectionIds()) {
        const TimelineConnection *c = t.connection(id);
        messages += c->messageCount[0] + c->messageCount[1];
        bytes += c->streams[0].end() + c->streams[1].end();
    }
    QCOMPARE(s.formatVersion, 1);
    QCOMPARE(s.schemaVersion, 1);
    QCOMPARE(s.startedAt, loaded->clock().wallAnchor());
    QCOMPARE(s.connections, qint64(t.connectionIds().size()));
    QCOMPARE(s.frames, frames);
    QCOMPARE(s.messages, messages);
    QCOMPARE(s.violations, violations);
    QCOMPARE(s.exchanges, exchanges);
    QCOMPARE(s.rows, qint64(t.rowCount()));
    QCOMPARE(s.spanNs, last - first);
    QCOMPARE(s.bytes, bytes);
}

void TestSessionStore::aKilledCaptureKeepsAllButItsLastSecond()
{
    const QString path = m_dir->filePath(QStringLiteral("killed.wirescope"));
    CountingChild child;
    QVERIFY(child.start(QStringLiteral("WIRESCOPE_RECORD_UNTIL_KILLED"), path));
    // Let it record for a while, note how far it was 2 s before the kill (the one-second
    // commit interval, plus slack for a loaded machine), then kill it mid-capture. The
    // figures printed show what was really lost.
    QTRY_VERIFY_WITH_TIMEOUT(child.latest() > 0, kWait);
    QTest::qWait(1500);
    const qint64 safe = child.latest();
    QTest::qWait(2000);
    const qint64 latest = child.latest();
    QVERIFY(latest > safe);
    QVERIFY(child.kill());

    SessionFileError error;
    const std::unique_ptr<Session> loaded = SessionFileReader::load(path, &error);
    QVERIFY2(loaded, qPrintable(error.id + u' ' + error.message));
    const Timeline &t = loaded->timeline();
    const TimelineConnection *c = t.connection(1);
    QVERIFY(c);
    qInfo("recorded at least %lld messages by the kill, %lld of them 2 s before; the file holds %lld",
        latest, safe, c->messageCount[0]);
    QVERIFY(qint64(c->messageCount[0]) >= safe);
    // What it holds is whole: the last message is the one with its number.
    const QByteArray lastPayload = t.payload(c->lastRow);
    QCOMPARE(lastPayload.toLongLong(), qint64(c->messageCount[0]));
}

void TestSessionStore::aSmallMessageCostsAtMostFortyBytesBeyondItsPayload()
{
    // Server messages of 32 bytes, each read on its own (a chunk per message: the costly case).
    constexpr int kMessages = 20000;
    qint64 sizes[2] = {};
    for (int run = 0; run < 2; ++run) {
        const QString path = m_dir->filePath(QStringLiteral("size%1.wirescope").arg(run));
        Capture c;
        QVERIFY(c.start(path));
        SimulatedWsConnection ws(c.writer, c.session.newConnectionId());
        ws.open(0, QStringLiteral("ws://example.test/feed"));
        for (int i = 0; i < (run ? kMessages : 0); ++i)
            ws.read(1000 + i * 20'000, ws.serverFrame(WsOpcode::Text, QByteArray(32, char('a' + i % 26))));
        QVERIFY(c.finish());
        sizes[run] = QFileInfo(path).size();
    }
    const double perMessage = double(sizes[1] - sizes[0]) / kMessages - 32;
    qInfo("file: %.1f bytes per 32-byte message beyond its payload", perMessage);
    QVERIFY2(perMessage <= 40, qPrintable(QString::number(perMessage)));
}

void TestSessionStore::theFileKeepsWhatTheMemoryBudgetDropped()
{
    // The store is handed each batch before the timeline applies it: the budget and Clear
    // free the memory copy only.
    const QString path = m_dir->filePath(QStringLiteral("budget.wirescope"));
    Capture c;
    QVERIFY(c.start(path));
    c.session.timeline().setByteBudget(64 * 1024);
    const quint32 id = c.session.newConnectionId();
    SimulatedWsConnection ws(c.writer, id);
    ws.open(100, QStringLiteral("ws://example.test/big"));
    for (int i = 0; i < 100; ++i) {
        ws.read(200 + i, ws.serverFrame(WsOpcode::Binary, QByteArray(5000, char(i))));
        c.writer.flush();
        c.session.recorder()->drain();
    }
    c.session.timeline().releaseConnection(id);
    QVERIFY(c.finish());
    QVERIFY(c.session.timeline().bytesDropped() > 0);
    SessionFileError error;
    const std::unique_ptr<Session> loaded = SessionFileReader::load(path, &error);
    QVERIFY2(loaded, qPrintable(error.id + u' ' + error.message));
    const Timeline &t = loaded->timeline();
    int messages = 0;
    for (qsizetype row = 0; row < t.rowCount(); ++row) {
        if (t.row(row).rowKind() != RowKind::Frame || t.row(row).opcode != quint8(WsOpcode::Binary))
            continue;
        QCOMPARE(t.absence(row), ByteStream::Absence::None);
        QCOMPARE(t.payload(row), QByteArray(5000, char(messages)));
        ++messages;
    }
    QCOMPARE(messages, 100);
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("WIRESCOPE_RECORD_UNTIL_KILLED")) {
        QCoreApplication app(argc, argv);
        return recordUntilKilled(qEnvironmentVariable("WIRESCOPE_RECORD_UNTIL_KILLED"));
    }
    QCoreApplication app(argc, argv);
    TestSessionStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sessionstore.moc"

// The EventSource decisions of the WHATWG HTML standard (§9.2.3): which response heads open a
// stream, which end or fail it for good, the reconnection time and the Last-Event-ID a
// reconnection names, fed bytes (the CLI) or records parsed elsewhere (the window).
#include "core/wire/eventsourcestate.h"
#include "core/wire/httpresponse.h"

#include <QTest>

using namespace wirescope;

Q_DECLARE_METATYPE(wirescope::EventSourceState::Head)

namespace {

QString headerOf(const HttpRequest &request, const QString &name)
{
    QStringList values;
    for (const KeyValueRow &row : request.headers())
        if (row.enabled && row.name.compare(name, Qt::CaseInsensitive) == 0)
            values.append(row.value);
    return values.join(u',');
}

} // namespace

class TestEventSourceState : public QObject
{
    Q_OBJECT
private slots:
    void heads_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("contentEncoding");
        QTest::addColumn<bool>("redirectFollowed");
        QTest::addColumn<bool>("acceptCompressed");
        QTest::addColumn<EventSourceState::Head>("head");
        QTest::addColumn<QString>("reason");
        using H = EventSourceState::Head;
        QTest::newRow("200 event-stream") << 200 << QByteArray("text/event-stream") << QByteArray() << true << false << H::Open << QString();
        QTest::newRow("200 with charset") << 200 << QByteArray("Text/Event-Stream; charset=utf-8") << QByteArray() << true << false << H::Open << QString();
        QTest::newRow("200 identity") << 200 << QByteArray("text/event-stream") << QByteArray("identity") << true << false << H::Open << QString();
        QTest::newRow("204") << 204 << QByteArray() << QByteArray() << true << false << H::NoContent
                             << QStringLiteral("no content: the server ended the stream (204)");
        QTest::newRow("503") << 503 << QByteArray("text/event-stream") << QByteArray() << true << false << H::BadStatus
                             << QStringLiteral("status 503 is not a stream");
        QTest::newRow("201") << 201 << QByteArray("text/event-stream") << QByteArray() << true << false << H::BadStatus
                             << QStringLiteral("status 201 is not a stream");
        QTest::newRow("html") << 200 << QByteArray("text/html; charset=utf-8") << QByteArray() << true << false << H::BadType
                              << QStringLiteral("Content-Type text/html is not text/event-stream");
        QTest::newRow("no type") << 200 << QByteArray() << QByteArray() << true << false << H::BadType
                                 << QStringLiteral("Content-Type  is not text/event-stream");
        QTest::newRow("302 followed") << 302 << QByteArray("text/html") << QByteArray() << true << false << H::Redirect << QString();
        QTest::newRow("307 followed") << 307 << QByteArray() << QByteArray() << true << false << H::Redirect << QString();
        QTest::newRow("302 not followed") << 302 << QByteArray("text/html") << QByteArray() << false << false << H::BadStatus
                                          << QStringLiteral("status 302 is not a stream");
        QTest::newRow("gzip refused") << 200 << QByteArray("text/event-stream") << QByteArray("gzip") << true << false << H::BadType
                                      << QStringLiteral("a compressed event stream (Content-Encoding gzip) is not read yet");
        QTest::newRow("gzip accepted") << 200 << QByteArray("text/event-stream") << QByteArray("gzip") << true << true << H::Compressed << QString();
    }
    void heads()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, contentEncoding);
        QFETCH(bool, redirectFollowed);
        QFETCH(bool, acceptCompressed);
        QFETCH(EventSourceState::Head, head);
        QFETCH(QString, reason);
        EventSourceState state;
        state.setAcceptCompressed(acceptCompressed);
        state.connect(HttpRequest());
        QCOMPARE(state.head(status, contentType, contentEncoding, redirectFollowed), head);
        QCOMPARE(state.reason(), reason);
        const bool open = head == EventSourceState::Head::Open || head == EventSourceState::Head::Compressed;
        QCOMPARE(state.isOpen(), open);
        QCOMPARE(state.isCompressed(), head == EventSourceState::Head::Compressed);
        if (open) // once open, later heads (a trailer section, the finished record) change nothing
            QCOMPARE(state.head(503, "text/html", {}, true), head);
    }

    void headOfResponse()
    {
        HttpResponse response;
        response.status = 200;
        response.headers.append(HttpHeaderField{"content-type", "text/event-stream", {}, -1});
        EventSourceState state;
        state.connect(HttpRequest());
        QCOMPARE(state.head(response, false), EventSourceState::Head::Open);
    }

    // Bytes fed here (the CLI): records, the last event ID and the reconnection time; the
    // block the stream ended in comes with end().
    void feedAndEnd()
    {
        EventSourceState state;
        HttpRequest base;
        base.setUrl(QStringLiteral("http://localhost/sse"));
        base.addHeader(QStringLiteral("Accept"), QStringLiteral("text/event-stream"));
        QCOMPARE(headerOf(state.connect(base), QStringLiteral("Last-Event-ID")), QString());
        QCOMPARE(state.attempt(), 1);
        std::vector<SseRecord> out;
        QVERIFY(!state.feed("data: before open\n\n", out) || out.empty()); // nothing before a head opened it
        QVERIFY(out.empty());
        QCOMPARE(state.head(200, "text/event-stream", {}, true), EventSourceState::Head::Open);
        QVERIFY(state.feed("id: 7\nretry: 1500\ndata: a\n\nid: 8\ndata: b", out));
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(state.lastEventId(), QStringLiteral("7"));
        QCOMPARE(state.reconnectionTimeMs(), qint64(1500));
        out.clear();
        QCOMPARE(state.end(out), EventSourceState::Next::Reconnect);
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out.front().kind, SseRecord::Kind::Unterminated);
        QCOMPARE(state.lastEventId(), QStringLiteral("7")); // an unterminated block sets nothing
        QVERIFY(state.isOpen());

        const HttpRequest again = state.connect(base);
        QCOMPARE(state.attempt(), 2);
        QVERIFY(!state.isOpen());
        QCOMPARE(headerOf(again, QStringLiteral("Last-Event-ID")), QStringLiteral("7"));
        QCOMPARE(headerOf(again, QStringLiteral("Accept")), QStringLiteral("text/event-stream"));
        // The parser starts again: a block cut by the last connection does not continue.
        QCOMPARE(state.head(200, "text/event-stream", {}, true), EventSourceState::Head::Open);
        out.clear();
        QVERIFY(state.feed(": hi\n\n", out));
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out.front().kind, SseRecord::Kind::Comment);
    }

    // The Last-Event-ID a reconnection names: replaced, not repeated; none when the stream
    // set it empty.
    void lastEventId_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QString>("userHeader");
        QTest::addColumn<QString>("sent");
        QTest::newRow("none set") << QByteArray("data: x\n\n") << QString() << QString();
        QTest::newRow("set") << QByteArray("id: 42\ndata: x\n\n") << QString() << QStringLiteral("42");
        QTest::newRow("set without data") << QByteArray("id: 43\n\n") << QString() << QStringLiteral("43");
        QTest::newRow("set then cleared") << QByteArray("id: 1\ndata: x\n\nid\ndata: y\n\n") << QString() << QString();
        QTest::newRow("NULL ignored") << QByteArray("id: 5\ndata: x\n\nid: a\0b\ndata: y\n\n", 33) << QString() << QStringLiteral("5");
        QTest::newRow("replaces the user's") << QByteArray("id: 9\ndata: x\n\n") << QStringLiteral("1") << QStringLiteral("9");
        QTest::newRow("user's kept") << QByteArray("data: x\n\n") << QStringLiteral("1") << QStringLiteral("1");
    }
    void lastEventId()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QString, userHeader);
        QFETCH(QString, sent);
        HttpRequest base;
        if (!userHeader.isEmpty())
            base.addHeader(QStringLiteral("last-event-id"), userHeader);
        // Fed bytes, and fed the same records parsed elsewhere: the same decision.
        for (const bool follow : {false, true}) {
            EventSourceState state;
            state.connect(base);
            state.head(200, "text/event-stream", {}, true);
            std::vector<SseRecord> records;
            if (follow) {
                SseParser parser;
                parser.feed(stream, records);
                for (const SseRecord &r : records)
                    state.follow(r);
            } else {
                QVERIFY(state.feed(stream, records));
            }
            records.clear();
            state.end(records);
            QCOMPARE(headerOf(state.connect(base), QStringLiteral("Last-Event-ID")), sent);
        }
    }

    void retry_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<qint64>("retryMs");
        QTest::newRow("default") << QByteArray("data: x\n\n") << EventSourceState::defaultRetryMs;
        QTest::newRow("set") << QByteArray("retry: 250\ndata: x\n\n") << qint64(250);
        QTest::newRow("zero") << QByteArray("retry: 0\n\n") << qint64(0);
        QTest::newRow("not digits") << QByteArray("retry: 2s\ndata: x\n\n") << EventSourceState::defaultRetryMs;
        QTest::newRow("in an unterminated block") << QByteArray("data: x\n\nretry: 900\ndata: y") << qint64(900);
        QTest::newRow("the last one") << QByteArray("retry: 100\n\nretry: 200\n\n") << qint64(200);
    }
    void retry()
    {
        QFETCH(QByteArray, stream);
        QFETCH(qint64, retryMs);
        EventSourceState state;
        state.connect(HttpRequest());
        state.head(200, "text/event-stream", {}, false);
        std::vector<SseRecord> records;
        QVERIFY(state.feed(stream, records));
        state.end(records);
        QCOMPARE(state.reconnectionTimeMs(), retryMs);
    }

    void reconnectSwitch()
    {
        EventSourceState state;
        QVERIFY(state.reconnects());
        std::vector<SseRecord> out;
        state.connect(HttpRequest());
        // A connection that failed before any head (refused, reset) is reestablished too.
        QCOMPARE(state.end(out), EventSourceState::Next::Reconnect);
        state.setReconnect(false);
        state.connect(HttpRequest());
        state.head(200, "text/event-stream", {}, false);
        QCOMPARE(state.end(out), EventSourceState::Next::End);
    }

    // A server that never ends a line: the parser stops at its limit and says so.
    void limit()
    {
        SseParserOptions options;
        options.maxLineBytes = 64;
        EventSourceState state(options);
        state.connect(HttpRequest());
        state.head(200, "text/event-stream", {}, false);
        std::vector<SseRecord> out;
        QVERIFY(!state.feed(QByteArray(100, 'x'), out));
        QVERIFY(state.reason().startsWith(QStringLiteral("the stream broke a limit: ")));
        QVERIFY(!state.feed("\n\n", out));
        QVERIFY(out.empty());
    }

    void isEventStream_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<bool>("is");
        QTest::newRow("plain") << QByteArray("text/event-stream") << true;
        QTest::newRow("params") << QByteArray(" text/event-stream ;charset=utf-8") << true;
        QTest::newRow("case") << QByteArray("TEXT/EVENT-STREAM") << true;
        QTest::newRow("json") << QByteArray("application/json") << false;
        QTest::newRow("prefix") << QByteArray("text/event-streams") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }
    void isEventStream()
    {
        QFETCH(QByteArray, type);
        QFETCH(bool, is);
        QCOMPARE(EventSourceState::isEventStream(type), is);
    }
};

QTEST_APPLESS_MAIN(TestEventSourceState)
#include "tst_eventsourcestate.moc"

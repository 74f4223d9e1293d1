// The event-stream rules of the WHATWG HTML standard (§9.2.5 parsing, §9.2.6 interpreting),
// each case fed whole, one byte at a time and cut at every byte: the same records each time.
#include "core/wire/sseparser.h"
#include "tests/support/splits.h"

#include <QTest>

using namespace wirescope;

namespace {

QString kindName(SseRecord::Kind kind)
{
    switch (kind) {
    case SseRecord::Kind::Event:
        return QStringLiteral("event");
    case SseRecord::Kind::Comment:
        return QStringLiteral("comment");
    case SseRecord::Kind::NoData:
        return QStringLiteral("nodata");
    case SseRecord::Kind::Unterminated:
        return QStringLiteral("unterminated");
    }
    return {};
}

// One line per record: kind, type, data, lastEventId, retry, the invalid-UTF-8 flag, span.
QString golden(const std::vector<SseRecord> &records)
{
    QStringList lines;
    for (const SseRecord &r : records) {
        QString data = r.data;
        data.replace(u'\n', QStringLiteral("\\n")).replace(QChar(0xFFFD), QStringLiteral("<FFFD>"));
        data.replace(QChar(0xFEFF), QStringLiteral("<FEFF>"));
        QString line = kindName(r.kind);
        if (r.kind != SseRecord::Kind::Comment)
            line += QStringLiteral(" type=%1 id=%2").arg(r.type, r.lastEventId);
        line += QStringLiteral(" data=\"%1\"").arg(data);
        if (r.retryMs)
            line += QStringLiteral(" retry=%1").arg(*r.retryMs);
        if (r.invalidUtf8)
            line += QStringLiteral(" invalid-utf8");
        line += QStringLiteral(" [%1,%2)").arg(r.start).arg(r.end);
        lines.append(line);
    }
    return lines.join(u'\n');
}

QString parse(const QByteArray &body, const QList<qsizetype> &cuts, SseParserOptions options = {},
              QString *error = nullptr)
{
    SseParser parser(options);
    std::vector<SseRecord> records;
    qsizetype from = 0;
    QList<qsizetype> ends = cuts;
    ends.append(body.size());
    for (qsizetype end : std::as_const(ends)) {
        if (!parser.feed(QByteArrayView(body).sliced(from, end - from), records))
            break;
        from = end;
    }
    parser.finish(records);
    if (error)
        *error = parser.error();
    return golden(records);
}

} // namespace

class tst_SseParser : public QObject
{
    Q_OBJECT
private slots:
    void everySplitReadsTheSame_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one event") << QByteArray("data: hello\n\n") << QStringLiteral("event type=message id= data=\"hello\" [0,13)");
        QTest::newRow("CRLF") << QByteArray("data: a\r\n\r\n") << QStringLiteral("event type=message id= data=\"a\" [0,10)");
        QTest::newRow("lone CR") << QByteArray("data: a\r\rdata: b\r\r")
                                 << QStringLiteral("event type=message id= data=\"a\" [0,9)\n"
                                                   "event type=message id= data=\"b\" [9,18)");
        QTest::newRow("mixed line ends") << QByteArray("data: a\rdata: b\r\ndata: c\n\r\n")
                                         << QStringLiteral("event type=message id= data=\"a\\nb\\nc\" [0,26)");
        QTest::newRow("leading BOM skipped") << QByteArray("\xEF\xBB\xBF" "data: a\n\n")
                                             << QStringLiteral("event type=message id= data=\"a\" [0,12)");
        QTest::newRow("second BOM is part of the name") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF" "data: a\n\n")
                                                        << QStringLiteral("nodata type= id= data=\"\" [0,15)");
        QTest::newRow("BOM after the first line") << QByteArray("data: a\n\xEF\xBB\xBF" "data: b\n\n")
                                                  << QStringLiteral("event type=message id= data=\"a\" [0,20)");
        QTest::newRow("comment") << QByteArray(": heartbeat\n:\n") << QStringLiteral("comment data=\"heartbeat\" [0,12)\n"
                                                                                     "comment data=\"\" [12,14)");
        QTest::newRow("comment inside a block") << QByteArray("data: a\n: keep-alive\ndata: b\n\n")
                                                << QStringLiteral("comment data=\"keep-alive\" [8,21)\n"
                                                                  "event type=message id= data=\"a\\nb\" [0,30)");
        QTest::newRow("field without colon") << QByteArray("data\n\ndata\ndata\n\n")
                                             << QStringLiteral("event type=message id= data=\"\" [0,6)\n"
                                                               "event type=message id= data=\"\\n\" [6,17)");
        QTest::newRow("only one space removed") << QByteArray("data:  two\ndata:x\n\n")
                                                << QStringLiteral("event type=message id= data=\" two\\nx\" [0,19)");
        QTest::newRow("colon in the value") << QByteArray("data: a:b: c\n\n")
                                            << QStringLiteral("event type=message id= data=\"a:b: c\" [0,14)");
        QTest::newRow("event type, reset after dispatch") << QByteArray("event: add\ndata: 1\n\ndata: 2\n\n")
                                                          << QStringLiteral("event type=add id= data=\"1\" [0,20)\n"
                                                                            "event type=message id= data=\"2\" [20,29)");
        QTest::newRow("no data: not dispatched, type reset")
            << QByteArray("event: x\n\ndata: y\n\n")
            << QStringLiteral("nodata type=x id= data=\"\" [0,10)\nevent type=message id= data=\"y\" [10,19)");
        QTest::newRow("id persists") << QByteArray("id: 1\ndata: a\n\ndata: b\n\n")
                                     << QStringLiteral("event type=message id=1 data=\"a\" [0,15)\n"
                                                       "event type=message id=1 data=\"b\" [15,24)");
        QTest::newRow("id with NULL ignored") << QByteArray("id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n", 32)
                                              << QStringLiteral("event type=message id=1 data=\"a\" [0,15)\n"
                                                                "event type=message id=1 data=\"b\" [15,32)");
        QTest::newRow("empty id resets") << QByteArray("id: 1\ndata: a\n\nid\ndata: b\n\n")
                                         << QStringLiteral("event type=message id=1 data=\"a\" [0,15)\n"
                                                           "event type=message id= data=\"b\" [15,27)");
        QTest::newRow("id-only block sets the last event ID")
            << QByteArray("id: 7\n\ndata: x\n\n")
            << QStringLiteral("nodata type= id=7 data=\"\" [0,7)\nevent type=message id=7 data=\"x\" [7,16)");
        QTest::newRow("retry digits only") << QByteArray("retry: 3000\n\nretry: 3s\nretry:\nretry:  100\ndata: x\n\n")
                                           << QStringLiteral("nodata type= id= data=\"\" retry=3000 [0,13)\n"
                                                             "event type=message id= data=\"x\" [13,51)");
        QTest::newRow("retry beyond 64 bits") << QByteArray("retry: 99999999999999999999999\n\n")
                                              << QStringLiteral("nodata type= id= data=\"\" retry=9223372036854775807 [0,32)");
        QTest::newRow("unknown and miscased fields ignored") << QByteArray("foo: bar\nData: y\ndata : z\ndata: x\n\n")
                                                             << QStringLiteral("event type=message id= data=\"x\" [0,35)");
        QTest::newRow("blank lines alone") << QByteArray("\n\r\n\r\n") << QString();
        QTest::newRow("last event unterminated") << QByteArray("data: a\n\ndata: b\n")
                                                 << QStringLiteral("event type=message id= data=\"a\" [0,9)\n"
                                                                   "unterminated type= id= data=\"b\" [9,17)");
        QTest::newRow("last line unterminated") << QByteArray("data: a") << QStringLiteral("unterminated type= id= data=\"\" [0,7)");
        QTest::newRow("last comment unterminated") << QByteArray(": tick") << QString();
        QTest::newRow("lone BOM") << QByteArray("\xEF\xBB\xBF") << QString();
        QTest::newRow("invalid UTF-8 replaced") << QByteArray("data: a\xFF" "b\xC3\n\n")
                                                << QStringLiteral("event type=message id= data=\"a<FFFD>b<FFFD>\" invalid-utf8 [0,12)");
        QTest::newRow("UTF-8 kept") << QByteArray("data: gr\xC3\xBC\xC3\x9F" "e \xF0\x9F\x91\x8B\n\n")
                                    << QStringLiteral("event type=message id= data=\"gr\u00FC\u00DFe \U0001F44B\" [0,20)");
    }

    void everySplitReadsTheSame()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        for (const QList<qsizetype> &cuts : test::everySplit(body.size())) {
            const QString got = parse(body, cuts);
            if (got != expected) {
                QStringList where;
                for (qsizetype cut : cuts)
                    where.append(QString::number(cut));
                QFAIL(qPrintable(QStringLiteral("cut at [%1]:\n%2\nexpected:\n%3").arg(where.join(u','), got, expected)));
            }
        }
    }

    void stateAfterTheStream()
    {
        SseParser parser;
        std::vector<SseRecord> records;
        QVERIFY(parser.feed("retry: 250\nid: 42\ndata: x\n\nid: 43\ndata: y\n", records));
        QCOMPARE(parser.lastEventId(), QStringLiteral("42")); // 43 is not dispatched yet
        QCOMPARE(parser.reconnectionTimeMs(), std::optional<qint64>(250));
        parser.finish(records);
        QCOMPARE(parser.lastEventId(), QStringLiteral("42")); // nor ever: the stream ended inside it
        QCOMPARE(parser.offset(), qint64(42));
    }

    void limitsStopTheParser_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("expected");
        QTest::newRow("endless line") << QByteArray("data: ok\n\ndata: " + QByteArray(100, 'x'))
                                      << QStringLiteral("a line longer than 64 bytes at byte 10")
                                      << QStringLiteral("event type=message id= data=\"ok\" [0,10)");
        QByteArray big;
        for (int i = 0; i < 10; ++i)
            big += "data: 0123456789\n";
        QTest::newRow("endless event") << big << QStringLiteral("an event with more than 100 bytes of data at byte 0") << QString();
    }

    void limitsStopTheParser()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        QFETCH(QString, expected);
        SseParserOptions options;
        options.maxLineBytes = 64;
        options.maxEventBytes = 100;
        for (const QList<qsizetype> &cuts : test::everySplit(body.size())) {
            QString why;
            QCOMPARE(parse(body, cuts, options, &why), expected);
            QCOMPARE(why, error);
        }
    }
};

QTEST_APPLESS_MAIN(tst_SseParser)
#include "tst_sseparser.moc"

// Runs the built `wirescope-cli lab` (docs/cli-lab.md): its JSON contract (every field, its
// type, documented), the CSV header, the exit statuses, and --url to a server without the lab
// endpoints. Without --url the command starts the embedded demo server itself.
#include "tests/app/clirun.h"
#include "tests/app/scriptedserver.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace wirescope::test;

namespace {

CliRun runLab(const QStringList &arguments)
{
    return runCli(QStringList{QStringLiteral("lab")} + arguments);
}

QString readDoc()
{
    QFile file(QStringLiteral(WIRESCOPE_SOURCE_DIR "/docs/cli-lab.md"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Every key of the object is named in the documentation as `key`.
void verifyDocumented(const QJsonObject &object, const QString &doc, const QString &where)
{
    for (const QString &key : object.keys()) {
        QVERIFY2(doc.contains(u'`' + key + u'`'), qPrintable(where + QStringLiteral(": `") + key
                                                               + QStringLiteral("` is not in docs/cli-lab.md")));
    }
}

} // namespace

class TestLabCli : public QObject
{
    Q_OBJECT
private slots:
    void theJsonContract();
    void samplesOnRequest();
    void csvHasOneRowPerMessage();
    void usageErrors_data();
    void usageErrors();
    void aServerWithoutTheLab();
};

void TestLabCli::theJsonContract()
{
    const CliRun run = runLab({QStringLiteral("--transports"), QStringLiteral("keepalive,sse,ws"), QStringLiteral("--duration"),
                               QStringLiteral("0.5"), QStringLiteral("--rate"), QStringLiteral("10")});
    QVERIFY2(run.finished, run.stderrText.constData());
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = run.object();
    const QString doc = readDoc();
    QVERIFY(!doc.isEmpty());
    QCOMPARE(o[u"format_version"].toInt(), 2);
    QVERIFY(o[u"started_at"].toString().endsWith(u'Z'));
    QCOMPARE(o[u"cancelled"].toBool(true), false);
    QCOMPARE(o[u"not_measured"].toArray(), (QJsonArray{QStringLiteral("TCP/IP headers"), QStringLiteral("TLS records")}));
    QVERIFY(o[u"estimate_note"].isString());
    verifyDocumented(o, doc, QStringLiteral("top level"));

    const QJsonObject config = o[u"config"].toObject();
    QVERIFY(config[u"url"].toString().startsWith(u"http://127.0.0.1:"));
    QCOMPARE(config[u"workload"].toString(), QStringLiteral("push"));
    QCOMPARE(config[u"duration_ms"].toInt(), 500);
    QCOMPARE(config[u"rate"].toDouble(), 10.0);
    verifyDocumented(config, doc, QStringLiteral("config"));

    const QJsonArray transports = o[u"transports"].toArray();
    QCOMPARE(transports.size(), 3);
    const QStringList names{QStringLiteral("keepalive"), QStringLiteral("sse"), QStringLiteral("ws")};
    const QStringList integers{u"messages_sent"_qs,  u"client_messages"_qs, u"messages_delivered"_qs, u"lost"_qs,
                               u"duplicated"_qs,     u"late"_qs,            u"connections"_qs,        u"requests"_qs,
                               u"polls"_qs,          u"empty_responses"_qs, u"frames"_qs,             u"frame_header_min"_qs,
                               u"frame_header_max"_qs, u"wire_bytes_out"_qs, u"wire_bytes_in"_qs,      u"payload_bytes"_qs,
                               u"overhead_bytes"_qs, u"socket_writes"_qs,   u"socket_reads"_qs,
                               u"estimated_tcpip_bytes"_qs, u"start_ns"_qs, u"end_ns"_qs};
    for (qsizetype i = 0; i < transports.size(); ++i) {
        const QJsonObject t = transports.at(i).toObject();
        QCOMPARE(t[u"transport"].toString(), names.at(i));
        QVERIFY(t[u"error"].isNull());
        QVERIFY(t[u"run"].toString().endsWith(u'-' + names.at(i)));
        QVERIFY(t[u"summary"].toString().startsWith(names.at(i) + u':'));
        for (const QString &key : integers)
            QVERIFY2(t[key].isDouble() && t[key].toInteger(-1) >= 0, qPrintable(names.at(i) + u' ' + key));
        QCOMPARE(t[u"messages_sent"].toInt(), 5);
        QCOMPARE(t[u"messages_delivered"].toInt(), 5);
        QVERIFY(t[u"client_cpu_ms"].isDouble());
        QVERIFY(!t.contains(u"samples"));
        const QJsonObject overhead = t[u"overhead"].toObject();
        qint64 sum = 0;
        for (const QString &key : overhead.keys())
            sum += overhead[key].toInteger();
        QCOMPARE(sum, t[u"overhead_bytes"].toInteger());
        QCOMPARE(t[u"overhead_bytes"].toInteger(),
                 t[u"wire_bytes_out"].toInteger() + t[u"wire_bytes_in"].toInteger() - t[u"payload_bytes"].toInteger());
        const QJsonObject delay = t[u"push_delay_ms"].toObject();
        for (const char *p : {"p50", "p99", "max"})
            QVERIFY2(delay[QLatin1String(p)].isDouble(), p);
        QVERIFY(t[u"round_trip_ms"].toObject()[u"p50"].isNull()); // push: no client messages
        verifyDocumented(t, doc, names.at(i));
        verifyDocumented(overhead, doc, QStringLiteral("overhead"));
    }

    const QJsonArray claims = o[u"claims"].toArray();
    QCOMPARE(claims.size(), 4);
    const QStringList ids{u"frame_overhead"_qs, u"header_overhead"_qs, u"lower_latency"_qs, u"polling_wastes"_qs};
    for (qsizetype i = 0; i < claims.size(); ++i) {
        const QJsonObject c = claims.at(i).toObject();
        QCOMPARE(c[u"id"].toString(), ids.at(i));
        QVERIFY(QStringList({u"supported"_qs, u"refuted"_qs, u"not_measured"_qs}).contains(c[u"verdict"].toString()));
        QVERIFY(!c[u"claim"].toString().isEmpty());
        QVERIFY(!c[u"evidence"].toString().isEmpty());
        QVERIFY(c[u"figures"].isObject());
        verifyDocumented(c, doc, ids.at(i));
        QVERIFY2(doc.contains(u'`' + ids.at(i) + u'`'), qPrintable(ids.at(i)));
    }
    // ws and keepalive ran: every claim but none is measured here.
    QCOMPARE(claims.at(0).toObject()[u"verdict"].toString(), QStringLiteral("supported"));
    QVERIFY(claims.at(1).toObject()[u"verdict"].toString() != u"not_measured");
    QVERIFY(claims.at(2).toObject()[u"verdict"].toString() != u"not_measured");
    QVERIFY(claims.at(3).toObject()[u"verdict"].toString() != u"not_measured");
}

void TestLabCli::samplesOnRequest()
{
    const CliRun run = runLab({QStringLiteral("--transports"), QStringLiteral("stream"), QStringLiteral("--duration"),
                               QStringLiteral("0.3"), QStringLiteral("--rate"), QStringLiteral("10"), QStringLiteral("--samples"),
                               QStringLiteral("--workload"), QStringLiteral("chat"), QStringLiteral("--payload"), QStringLiteral("text")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject t = run.object()[u"transports"].toArray().first().toObject();
    const QJsonArray samples = t[u"samples"].toArray();
    QCOMPARE(samples.size(), t[u"messages_delivered"].toInt() + t[u"duplicated"].toInt());
    QVERIFY(!samples.isEmpty());
    const QString doc = readDoc();
    for (const QJsonValue &v : samples) {
        const QJsonObject s = v.toObject();
        QVERIFY(s[u"seq"].toInteger() != 0);
        QVERIFY(s[u"sent_ns"].isDouble() && s[u"received_ns"].isDouble() && s[u"delay_ms"].isDouble());
        QVERIFY(s[u"wire_bytes"].isDouble());
        QVERIFY(s[u"duplicate"].isBool());
        verifyDocumented(s, doc, QStringLiteral("samples"));
    }
}

void TestLabCli::csvHasOneRowPerMessage()
{
    const CliRun run = runLab({QStringLiteral("--transports"), QStringLiteral("sse,longpoll"), QStringLiteral("--duration"),
                               QStringLiteral("0.5"), QStringLiteral("--rate"), QStringLiteral("10"), QStringLiteral("--format"),
                               QStringLiteral("csv")});
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> rows = run.stdoutBytes.trimmed().split('\n');
    QCOMPARE(rows.first(), QByteArray("transport,seq,origin,sent_ns,received_ns,delay_ms,wire_bytes,duplicate"));
    QCOMPARE(rows.size(), 1 + 2 * 5);
    QVERIFY(rows.at(1).startsWith("sse,1,server,"));
    QVERIFY(rows.last().startsWith("longpoll,5,server,"));
    for (const QByteArray &row : rows)
        QCOMPARE(row.count(','), 7);
    QVERIFY(readDoc().contains(QString::fromLatin1(rows.first())));
}

void TestLabCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown transport") << QStringList{u"--transports"_qs, u"poll,carrier-pigeon"_qs} << u"unknown transport 'carrier-pigeon'"_qs;
    QTest::newRow("twice") << QStringList{u"--transports"_qs, u"ws,ws"_qs} << u"named twice"_qs;
    QTest::newRow("workload") << QStringList{u"--workload"_qs, u"gossip"_qs} << u"--workload"_qs;
    QTest::newRow("rate 0") << QStringList{u"--rate"_qs, u"0"_qs} << u"--rate"_qs;
    QTest::newRow("rate too high") << QStringList{u"--rate"_qs, u"20000"_qs} << u"--rate"_qs;
    QTest::newRow("json too small") << QStringList{u"--size"_qs, u"39"_qs} << u"from 40"_qs;
    QTest::newRow("text too small") << QStringList{u"--size"_qs, u"31"_qs, u"--payload"_qs, u"text"_qs} << u"from 32"_qs;
    QTest::newRow("size too large") << QStringList{u"--size"_qs, u"65537"_qs} << u"--size"_qs;
    QTest::newRow("duration 0") << QStringList{u"--duration"_qs, u"0"_qs} << u"--duration"_qs;
    QTest::newRow("poll interval") << QStringList{u"--poll-interval"_qs, u"0"_qs} << u"--poll-interval"_qs;
    QTest::newRow("format") << QStringList{u"--format"_qs, u"xml"_qs} << u"--format"_qs;
    QTest::newRow("url") << QStringList{u"--url"_qs, u"ftp://example.test"_qs} << u"--url"_qs;
    QTest::newRow("argument") << QStringList{u"http://127.0.0.1/"_qs} << u"unexpected argument"_qs;
    QTest::newRow("option") << QStringList{u"--frobnicate"_qs} << u"frobnicate"_qs;
}

void TestLabCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun run = runLab(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.stdoutBytes.isEmpty());
    QVERIFY2(QString::fromUtf8(run.stderrText).contains(message), run.stderrText.constData());
}

void TestLabCli::aServerWithoutTheLab()
{
    ScriptedServer server(ScriptedServer::Answer::Bytes,
                          "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nnot found",
                          ScriptedServer::Then::Close);
    const CliRun run = runLab({QStringLiteral("--url"), server.url(QStringLiteral("http")), QStringLiteral("--transports"),
                               QStringLiteral("keepalive,longpoll,sse,ws"), QStringLiteral("--duration"), QStringLiteral("0.2")});
    QCOMPARE(run.exitCode, 5);
    const QJsonArray transports = run.object()[u"transports"].toArray();
    QCOMPARE(transports.size(), 4); // every transport ran and printed
    const QStringList endpoints{u"poll"_qs, u"longpoll"_qs, u"sse"_qs, u"ws"_qs};
    for (qsizetype i = 0; i < transports.size(); ++i) {
        const QString expected = QStringLiteral("the server has no /lab/%1 endpoint (404)").arg(endpoints.at(i));
        QCOMPARE(transports.at(i).toObject()[u"error"].toString(), expected);
        QVERIFY(QString::fromUtf8(run.stderrText).contains(expected));
    }
    for (const QJsonValue &c : run.object()[u"claims"].toArray())
        QCOMPARE(c.toObject()[u"verdict"].toString(), QStringLiteral("not_measured"));
}

QTEST_GUILESS_MAIN(TestLabCli)
#include "tst_labcli.moc"

// `wirescope-cli http|ws --save FILE` and `wirescope-cli session info FILE` (docs/cli.md,
// "Session files"), run as built against the demo server: what a run prints is what its file
// holds, a second run appends on the first one's clock, and a file that is not a session is
// refused with exit 2 and left as it was.
#include "core/session/session.h"
#include "core/session/sessionfilereader.h"
#include "core/session/sqlitedatabase.h"
#include "core/session/wsjsonlines.h"
#include "tests/app/clirun.h"
#include "tests/peers/demopeer.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace wirescope;
using namespace wirescope::test;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return "missing";
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestSessionCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void savedRunsAppendAndReadBackAsPrinted();
    void aFileThatIsNotASessionIsRefused_data();
    void aFileThatIsNotASessionIsRefused();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void aSessionTravelsAsHarAndPcapngAndComesBack();
    void badExportsAndImportsChangeNothing_data();
    void badExportsAndImportsChangeNothing();
    void aSessionDrawsAsASequenceDiagram_data();
    void aSessionDrawsAsASequenceDiagram();
    void badDiagramsWriteNothing_data();
    void badDiagramsWriteNothing();

private:
    QString diagramSession();

    DemoPeer m_demo;
    QTemporaryDir m_dir;
};

void TestSessionCli::initTestCase()
{
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
}

void TestSessionCli::savedRunsAppendAndReadBackAsPrinted()
{
    const QString path = m_dir.filePath(QStringLiteral("runs.wirescope"));
    const CliRun http = runCli({QStringLiteral("http"), QStringLiteral("--json"), QStringLiteral("--save"), path,
                                m_demo.httpUrl(QStringLiteral("/get")).toString()});
    QCOMPARE(http.exitCode, 0);
    const CliRun ws = runCli({QStringLiteral("ws"), QStringLiteral("--save"), path, QStringLiteral("--text"),
                              QStringLiteral("hello"), QStringLiteral("--wait"), QStringLiteral("0.3"),
                              m_demo.wsUrl(QStringLiteral("/ws/echo")).toString()});
    QCOMPARE(ws.exitCode, 0);
    // The second run continues the file's clock: same started_at, later stamps.
    const QString startedAt = http.object()[u"started_at"].toString();
    QCOMPARE(ws.lines.first()[u"started_at"].toString(), startedAt);
    QVERIFY(ws.lines.at(1)[u"t_ns"].toInteger() > http.object()[u"end_ns"].toInteger());

    const CliRun info = runCli({QStringLiteral("session"), QStringLiteral("info"), path});
    QCOMPARE(info.exitCode, 0);
    const QJsonObject o = info.object();
    QCOMPARE(o[u"format_version"].toInt(), 2);
    QCOMPARE(o[u"file_format_version"].toInt(), 1);
    QCOMPARE(o[u"schema_version"].toInt(), 1);
    QCOMPARE(o[u"started_at"].toString(), startedAt);
    QCOMPARE(o[u"connections"].toInt(), 2);
    QCOMPARE(o[u"exchanges"].toInt(), 1);
    QCOMPARE(o[u"frames"].toInt(), qsizetype(ws.ofEvent(QStringLiteral("frame")).size()));
    QCOMPARE(o[u"messages"].toInt(), qsizetype(ws.ofEvent(QStringLiteral("message")).size()));
    QCOMPARE(o[u"violations"].toInt(), 0);
    QVERIFY(o[u"span_ns"].toInteger() >= ws.lines.last()[u"t_ns"].toInteger() - http.object()[u"start_ns"].toInteger());
    QVERIFY(o[u"bytes"].toInteger() > 0);
    QCOMPARE(o[u"annotations"].toInt(), 0);

    // The file holds what the runs printed: the ws lines again, from the loaded timeline.
    SessionFileError error;
    const std::unique_ptr<Session> loaded = SessionFileReader::load(path, &error);
    QVERIFY2(loaded, qPrintable(error.message));
    WsJsonLines encoder;
    QList<QJsonObject> lines;
    for (qsizetype row = 0; row < loaded->timeline().rowCount(); ++row)
        if (loaded->timeline().row(row).connection == 2)
            lines += encoder.linesFor(loaded->timeline(), row);
    QCOMPARE(lines, ws.lines.mid(1));
    QCOMPARE(loaded->timeline().exchange(loaded->timeline().connection(1)->lastRow)->hops.last().response.status, 200);
}

void TestSessionCli::aFileThatIsNotASessionIsRefused_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("id");
    QTest::newRow("session info of a text file") << QStringLiteral("info") << QByteArray("hello\n") << QStringLiteral("session.not_wirescope");
    QTest::newRow("session info of a file that is not there") << QStringLiteral("info") << QByteArray() << QStringLiteral("session.unreadable");
    QTest::newRow("http --save into a text file") << QStringLiteral("http") << QByteArray("hello\n") << QStringLiteral("session.not_wirescope");
    QTest::newRow("ws --save into a text file") << QStringLiteral("ws") << QByteArray("hello\n") << QStringLiteral("session.not_wirescope");
}

void TestSessionCli::aFileThatIsNotASessionIsRefused()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, content);
    QFETCH(QString, id);
    const QString path = m_dir.filePath(QStringLiteral("not-a-session-%1").arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QByteArray before = fileHash(path);
    CliRun run;
    if (command == u"info") {
        run = runCli({QStringLiteral("session"), QStringLiteral("info"), path});
        QCOMPARE(run.object()[u"error"].toObject()[u"id"].toString(), id);
    } else {
        const QString url = command == u"http" ? m_demo.httpUrl(QStringLiteral("/get")).toString()
                                               : m_demo.wsUrl(QStringLiteral("/ws/echo")).toString();
        run = runCli({command, QStringLiteral("--save"), path, url});
        QVERIFY(run.stdoutBytes.isEmpty()); // nothing was sent, nothing printed
    }
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.stderrText.contains(id.toUtf8()), run.stderrText.constData());
    QCOMPARE(fileHash(path), before);
}

void TestSessionCli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no subcommand") << QStringList{QStringLiteral("session")};
    QTest::newRow("an unknown subcommand") << QStringList{QStringLiteral("session"), QStringLiteral("list"), QStringLiteral("f")};
    QTest::newRow("info without a file") << QStringList{QStringLiteral("session"), QStringLiteral("info")};
    QTest::newRow("info with two files") << QStringList{QStringLiteral("session"), QStringLiteral("info"), QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("an unknown option") << QStringList{QStringLiteral("session"), QStringLiteral("--frobnicate")};
    QTest::newRow("diagram without --svg") << QStringList{QStringLiteral("session"), QStringLiteral("diagram"), QStringLiteral("f")};
    QTest::newRow("diagram without a file") << QStringList{QStringLiteral("session"), QStringLiteral("diagram"), QStringLiteral("--svg"), QStringLiteral("o.svg")};
}

void TestSessionCli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.stderrText.contains("see --help"));
}

void TestSessionCli::aSessionTravelsAsHarAndPcapngAndComesBack()
{
    // Recorded by the CLI with a credential, exported both ways (redacted by default), read
    // back by tshark and by `session import`.
    const QString path = m_dir.filePath(QStringLiteral("travel.wirescope"));
    QCOMPARE(runCli({QStringLiteral("http"), QStringLiteral("--save"), path, QStringLiteral("-H"),
                     QStringLiteral("Authorization: Bearer s3cret"),
                     m_demo.httpUrl(QStringLiteral("/get")).toString() + QStringLiteral("?token=abc")})
                 .exitCode,
             0);
    QCOMPARE(runCli({QStringLiteral("ws"), QStringLiteral("--save"), path, QStringLiteral("--text"), QStringLiteral("hello"),
                     QStringLiteral("--wait"), QStringLiteral("0.3"), m_demo.wsUrl(QStringLiteral("/ws/echo")).toString()})
                 .exitCode,
             0);
    // A note on the exchange, as the window keeps it (the annotations table).
    {
        SessionFileError error;
        const std::unique_ptr<Session> loaded = SessionFileReader::load(path, &error);
        QVERIFY2(loaded, qPrintable(error.message));
        qsizetype exchange = -1;
        for (qsizetype row = 0; row < loaded->timeline().rowCount() && exchange < 0; ++row)
            if (loaded->timeline().row(row).rowKind() == RowKind::Exchange)
                exchange = row;
        SqliteDatabase db;
        QVERIFY(db.open(path, SqliteDatabase::Mode::ReadWriteCreate));
        SqliteDatabase::Statement insert(&db, "INSERT INTO annotations(row, label, note) VALUES(?, 'token', 'sent with a token')");
        insert.bind(1, qint64(exchange));
        QVERIFY(insert.exec());
    }
    QCOMPARE(runCli({QStringLiteral("session"), QStringLiteral("info"), path}).object()[u"annotations"].toInt(), 1);
    const QString har = m_dir.filePath(QStringLiteral("travel.har"));
    const CliRun harRun = runCli({QStringLiteral("session"), QStringLiteral("export"), path, QStringLiteral("--har"), har});
    QCOMPARE(harRun.exitCode, 0);
    QCOMPARE(harRun.object()[u"format"].toString(), QStringLiteral("har"));
    QCOMPARE(harRun.object()[u"redacted"].toBool(), true);
    QFile harFile(har);
    QVERIFY(harFile.open(QIODevice::ReadOnly));
    const QJsonArray entries = QJsonDocument::fromJson(harFile.readAll())[u"log"][u"entries"].toArray();
    QCOMPARE(entries.size(), 2);
    // The request's credentials are hidden (the demo's body echoes them: bodies are the
    // server's data and stay as they came, docs/har.md).
    const QJsonObject request = entries.at(0)[u"request"].toObject();
    QVERIFY2(request[u"url"].toString().endsWith(QStringLiteral("token=[redacted]")), qPrintable(request[u"url"].toString()));
    bool authorizationHidden = false;
    for (const QJsonValue &h : request[u"headers"].toArray())
        if (h[u"name"].toString() == u"Authorization")
            authorizationHidden = h[u"value"].toString() == u"[redacted]";
    QVERIFY(authorizationHidden);
    QCOMPARE(entries.at(0)[u"comment"].toString(), QStringLiteral("token\nsent with a token"));
    QCOMPARE(entries.at(1)[u"_resourceType"].toString(), QStringLiteral("websocket"));
    QCOMPARE(entries.at(1)[u"_webSocketMessages"].toArray().size(), 2);

    const QString pcapng = m_dir.filePath(QStringLiteral("travel.pcapng"));
    QCOMPARE(runCli({QStringLiteral("session"), QStringLiteral("export"), path, QStringLiteral("--pcapng"), pcapng}).exitCode, 0);
    if (!QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty()) {
        QProcess tshark;
        tshark.start(QStringLiteral("tshark"), {QStringLiteral("-r"), pcapng, QStringLiteral("-Y"), QStringLiteral("http.request || websocket"),
                                                QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                                                QStringLiteral("http.request.uri"), QStringLiteral("-e"), QStringLiteral("websocket.opcode")});
        QVERIFY(tshark.waitForFinished(60000));
        const QByteArray fields = tshark.readAllStandardOutput();
        QVERIFY2(fields.contains("/get?token=***"), fields.constData()); // masked byte for byte
        QVERIFY2(fields.contains("/ws/echo"), fields.constData());
        QVERIFY2(fields.count("\t1\n") >= 2, fields.constData()); // the text both ways
    }

    const QString imported = m_dir.filePath(QStringLiteral("imported.wirescope"));
    const CliRun import = runCli({QStringLiteral("session"), QStringLiteral("import"), har, QStringLiteral("-o"), imported});
    QCOMPARE(import.exitCode, 0);
    QCOMPARE(import.object()[u"annotations"].toInt(), 1);
    const CliRun info = runCli({QStringLiteral("session"), QStringLiteral("info"), imported});
    QCOMPARE(info.exitCode, 0);
    QCOMPARE(info.object()[u"annotations"].toInt(), 1);
    QCOMPARE(info.object()[u"connections"].toInt(), 2);
    QCOMPARE(info.object()[u"exchanges"].toInt(), 1);
    QCOMPARE(info.object()[u"messages"].toInt(), 2); // hello, and its echo
}

void TestSessionCli::badExportsAndImportsChangeNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("untouched"); // a file that must stay as it was ("" for none)
    const QString notSession = m_dir.filePath(QStringLiteral("notes.txt"));
    const QString badHar = m_dir.filePath(QStringLiteral("bad.har"));
    const QString existing = m_dir.filePath(QStringLiteral("existing.wirescope"));
    QTest::newRow("export of a file that is not a session")
        << QStringList{QStringLiteral("session"), QStringLiteral("export"), notSession, QStringLiteral("--har"),
                       m_dir.filePath(QStringLiteral("never.har"))}
        << QStringLiteral("session.not_wirescope") << notSession;
    QTest::newRow("import of a HAR that is not JSON")
        << QStringList{QStringLiteral("session"), QStringLiteral("import"), badHar, QStringLiteral("-o"),
                       m_dir.filePath(QStringLiteral("never.wirescope"))}
        << QStringLiteral("har.not_json") << badHar;
    QTest::newRow("import over an existing file")
        << QStringList{QStringLiteral("session"), QStringLiteral("import"), badHar, QStringLiteral("-o"), existing}
        << QStringLiteral("import.exists") << existing;
}

void TestSessionCli::badExportsAndImportsChangeNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, id);
    QFETCH(QString, untouched);
    auto write = [](const QString &path, const QByteArray &bytes) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    QVERIFY(write(m_dir.filePath(QStringLiteral("notes.txt")), "not a session\n"));
    QVERIFY(write(m_dir.filePath(QStringLiteral("bad.har")), "{\"log\": "));
    QVERIFY(write(m_dir.filePath(QStringLiteral("existing.wirescope")), "keep me"));
    const QByteArray before = fileHash(untouched);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.object()[u"error"].toObject()[u"id"].toString(), id);
    QVERIFY(run.stderrText.contains(id.toUtf8()));
    QCOMPARE(fileHash(untouched), before);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("never.har"))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("never.wirescope"))));
}

// The diagram file recorded once by the CLI: an HTTP GET, then a WebSocket echo.
QString TestSessionCli::diagramSession()
{
    const QString path = m_dir.filePath(QStringLiteral("diagram.wirescope"));
    if (QFileInfo::exists(path))
        return path;
    const CliRun http = runCli({QStringLiteral("http"), QStringLiteral("--save"), path, m_demo.httpUrl(QStringLiteral("/get")).toString()});
    const CliRun ws = runCli({QStringLiteral("ws"), QStringLiteral("--save"), path, QStringLiteral("--text"), QStringLiteral("hello"),
                              QStringLiteral("--wait"), QStringLiteral("0.3"), m_demo.wsUrl(QStringLiteral("/ws/echo")).toString()});
    return http.exitCode == 0 && ws.exitCode == 0 ? path : QString();
}

void TestSessionCli::aSessionDrawsAsASequenceDiagram_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QList<int>>("connections");
    QTest::newRow("every connection") << QStringList() << QList<int>{1, 2};
    QTest::newRow("the WebSocket connection, compressed")
        << QStringList{QStringLiteral("--connection"), QStringLiteral("2"), QStringLiteral("--compressed")} << QList<int>{2};
    QTest::newRow("both, the WebSocket first")
        << QStringList{QStringLiteral("--connection"), QStringLiteral("2"), QStringLiteral("--connection"), QStringLiteral("1")}
        << QList<int>{2, 1};
}

void TestSessionCli::aSessionDrawsAsASequenceDiagram()
{
    QFETCH(QStringList, options);
    QFETCH(QList<int>, connections);
    const QString session = diagramSession();
    QVERIFY(!session.isEmpty());
    const QString svg = m_dir.filePath(QStringLiteral("diagram.svg"));
    const CliRun run = runCli(QStringList{QStringLiteral("session"), QStringLiteral("diagram"), session, QStringLiteral("--svg"), svg} + options);
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = run.object();
    QCOMPARE(o[u"format"].toString(), QStringLiteral("svg"));
    QCOMPARE(o[u"compressed"].toBool(), options.contains(QStringLiteral("--compressed")));
    QList<int> drawn;
    for (const QJsonValue &v : o[u"connections"].toArray())
        drawn << v.toInt();
    QCOMPARE(drawn, connections);
    QCOMPARE(o[u"bytes"].toInteger(), QFileInfo(svg).size());

    // The file: one lane pair per connection drawn, one arrow element per arrow counted.
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QList<int> lanes;
    int arrows = 0;
    QStringList kinds;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"g")
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        if (a.value(QLatin1String("class")) == u"lanes")
            lanes << a.value(QLatin1String("data-connection")).toInt();
        if (a.value(QLatin1String("class")) == u"arrow") {
            ++arrows;
            kinds << a.value(QLatin1String("data-kind")).toString();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(lanes, connections);
    QCOMPARE(arrows, o[u"arrows"].toInt());
    QVERIFY(kinds.contains(QStringLiteral("upgrade-response")));
    QCOMPARE(kinds.contains(QStringLiteral("http-response")), connections.contains(1));
}

void TestSessionCli::badDiagramsWriteNothing_data()
{
    QTest::addColumn<QString>("input"); // "session" or a path that is not one
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("not a session") << QStringLiteral("not-a-session") << QStringList() << QStringLiteral("session.") << 2;
    QTest::newRow("a connection the session does not have")
        << QStringLiteral("session") << QStringList{QStringLiteral("--connection"), QStringLiteral("9")}
        << QStringLiteral("diagram.no_such_connection") << 2;
    QTest::newRow("a connection that is not a number")
        << QStringLiteral("session") << QStringList{QStringLiteral("--connection"), QStringLiteral("two")}
        << QStringLiteral("diagram.no_such_connection") << 2;
}

void TestSessionCli::badDiagramsWriteNothing()
{
    QFETCH(QString, input);
    QFETCH(QStringList, options);
    QFETCH(QString, id);
    QFETCH(int, exitCode);
    QString path = diagramSession();
    if (input != u"session") {
        path = m_dir.filePath(input);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database");
    }
    const QString svg = m_dir.filePath(QStringLiteral("bad.svg"));
    const CliRun run = runCli(QStringList{QStringLiteral("session"), QStringLiteral("diagram"), path, QStringLiteral("--svg"), svg} + options);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.object()[u"error"].toObject()[u"id"].toString().startsWith(id), run.stdoutBytes.constData());
    QVERIFY(!QFileInfo::exists(svg));
}

QTEST_GUILESS_MAIN(TestSessionCli)
#include "tst_sessioncli.moc"

// One contract for `wirescope-cli http` and `wirescope-cli ws` (docs/cli.md): the same
// failure gives the same id and exit status in both, every object and line carries the
// format version and session-clock times, the shared objects are equal for equal facts, and
// the documents name every id the code can print.
#include "tests/app/clirun.h"
#include "tests/app/scriptedserver.h"
#include "tests/peers/demopeer.h"
#include "tests/peers/nginxpeer.h"
#include "tests/peers/peerprocess.h"
#include "tests/peers/pythonwspeer.h"

#include "core/session/failure.h"
#include "core/wire/httpviolations.h"
#include "core/wire/wsviolations.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace wirescope;
using namespace wirescope::test;

namespace {

QString readDoc(const QString &name)
{
    QFile file(QStringLiteral(WIRESCOPE_SOURCE_DIR "/docs/") + name);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The failure a run reports: http's "error", ws's close line's "error" (null: none).
QJsonValue reportedFailure(const QString &command, const CliRun &run)
{
    if (command == u"http")
        return run.object()[u"error"];
    const QList<QJsonObject> close = run.ofEvent(QStringLiteral("close"));
    return close.isEmpty() ? QJsonValue(QJsonValue::Undefined) : close.first()[u"error"];
}

bool isUtcIso(const QJsonValue &v)
{
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() && t.timeSpec() == Qt::UTC && v.toString().endsWith(u'Z');
}

bool isWholeNumber(const QJsonValue &v)
{
    return v.isDouble() && v.toDouble() == double(v.toInteger());
}

// docs/cli.md: every http object and every ws line carries format_version 2 and times on
// the session clock; started_at anchors that clock.
QString envelopeProblem(const QString &command, const CliRun &run)
{
    if (command == u"http") {
        const QJsonObject o = run.object();
        if (o[u"format_version"].toInt() != 2)
            return QStringLiteral("http object without format_version 2");
        if (!isUtcIso(o[u"started_at"]))
            return QStringLiteral("http started_at is not ISO 8601 UTC");
        if (!isWholeNumber(o[u"start_ns"]) || !isWholeNumber(o[u"end_ns"]) || o[u"start_ns"].toInteger() < 0
            || o[u"end_ns"].toInteger() < o[u"start_ns"].toInteger())
            return QStringLiteral("http start_ns/end_ns are not ordered nanoseconds");
        return {};
    }
    if (run.lines.isEmpty() || run.lines.first()[u"event"].toString() != u"session")
        return QStringLiteral("ws output does not start with a session line");
    if (!isUtcIso(run.lines.first()[u"started_at"]) || run.lines.first()[u"t_ns"].toInteger() != 0)
        return QStringLiteral("ws session line without started_at and t_ns 0");
    if (run.lines.last()[u"event"].toString() != u"close")
        return QStringLiteral("ws output does not end with a close line");
    for (const QJsonObject &line : run.lines) {
        if (line[u"format_version"].toInt() != 2 || !isWholeNumber(line[u"t_ns"]) || line[u"t_ns"].toInteger() < 0)
            return QStringLiteral("ws line without format_version 2 and t_ns: ") + line[u"event"].toString();
    }
    return {};
}

} // namespace

class TestCliContract : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void theSameFailureHasTheSameIdAndStatus_data();
    void theSameFailureHasTheSameIdAndStatus();
    void exitStatusTable_data();
    void exitStatusTable();
    void theSameCertificateGivesTheSameTlsObject();
    void theSameHeaderBytesGiveTheSameHeaderObject();
    void docsNameEveryFailureWithItsClassAndStatus();
    void docsNameEveryViolation();

private:
    // "%demo" and friends in arguments become the peers' base URLs.
    QStringList withUrls(QStringList arguments) const;

    DemoPeer m_demo;
    PythonWsPeer m_python;
    NginxPeer m_nginx; // TLS, /ws/ proxied to m_python
    ScriptedServer m_notHttp{ScriptedServer::Answer::Bytes, "SSH-2.0-OpenSSH_9.2\r\n\r\n", ScriptedServer::Then::Close};
    ScriptedServer m_upgradeThenDrop{ScriptedServer::Answer::Upgrade, {}, ScriptedServer::Then::Close};
    ScriptedServer m_reservedOpcode{ScriptedServer::Answer::Upgrade, QByteArray::fromHex("83026869"), ScriptedServer::Then::StayOpen};
    ScriptedServer m_latinHeader{ScriptedServer::Answer::Bytes,
                                 "HTTP/1.1 403 Forbidden\r\nX-Latin: caf\xe9\r\nContent-Length: 0\r\n\r\n", ScriptedServer::Then::Close};
    quint16 m_closedPort = 0;
};

void TestCliContract::initTestCase()
{
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(QStringLiteral("demo peer: ") + error));
    QVERIFY2(m_python.start(&error), qPrintable(QStringLiteral("python websockets peer: ") + error));
    NginxPeer::Options nginx;
    nginx.tls = true;
    nginx.wsBackendPort = m_python.port();
    QVERIFY2(m_nginx.start(nginx, &error), qPrintable(QStringLiteral("nginx peer: ") + error));
    m_closedPort = freeLoopbackPort();
}

QStringList TestCliContract::withUrls(QStringList arguments) const
{
    const QString demo = QStringLiteral("127.0.0.1:%1").arg(m_demo.port());
    const QString tls = QStringLiteral("127.0.0.1:%1").arg(m_nginx.tlsPort());
    const QList<QPair<QString, QString>> urls{
        {QStringLiteral("%demo-http"), QStringLiteral("http://") + demo},
        {QStringLiteral("%demo-ws"), QStringLiteral("ws://") + demo},
        {QStringLiteral("%python"), m_python.url().toString()},
        {QStringLiteral("%tls-http"), QStringLiteral("https://") + tls + QStringLiteral("/small.html")},
        {QStringLiteral("%tls-ws"), QStringLiteral("wss://") + tls + QStringLiteral("/ws/echo")},
        {QStringLiteral("%closed-http"), QStringLiteral("http://127.0.0.1:%1/").arg(m_closedPort)},
        {QStringLiteral("%closed-ws"), QStringLiteral("ws://127.0.0.1:%1/").arg(m_closedPort)},
        {QStringLiteral("%not-http-http"), m_notHttp.url(QStringLiteral("http"))},
        {QStringLiteral("%not-http-ws"), m_notHttp.url(QStringLiteral("ws"))},
        {QStringLiteral("%drop-ws"), m_upgradeThenDrop.url(QStringLiteral("ws"))},
        {QStringLiteral("%opcode-ws"), m_reservedOpcode.url(QStringLiteral("ws"))},
        {QStringLiteral("%latin-http"), m_latinHeader.url(QStringLiteral("http"))},
        {QStringLiteral("%latin-ws"), m_latinHeader.url(QStringLiteral("ws"))},
    };
    for (QString &a : arguments)
        for (const auto &[key, url] : urls)
            if (a.startsWith(key))
                a.replace(0, key.size(), url);
    return arguments;
}

void TestCliContract::theSameFailureHasTheSameIdAndStatus_data()
{
    QTest::addColumn<QString>("server"); // "%<name>": the -http / -ws URL of one server
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("status");
    QTest::newRow("a refused port") << QStringLiteral("%closed") << QStringLiteral("connect.refused") << 3;
    QTest::newRow("an untrusted certificate") << QStringLiteral("%tls") << QStringLiteral("tls.certificate") << 3;
    QTest::newRow("a server that speaks no HTTP") << QStringLiteral("%not-http") << QStringLiteral("http.not_http") << 5;
}

void TestCliContract::theSameFailureHasTheSameIdAndStatus()
{
    QFETCH(QString, server);
    QFETCH(QString, id);
    QFETCH(int, status);
    const CliRun http = runCli(withUrls({QStringLiteral("http"), QStringLiteral("--json"), server + QStringLiteral("-http")}));
    const CliRun ws = runCli(withUrls({QStringLiteral("ws"), server + QStringLiteral("-ws")}));
    QVERIFY2(envelopeProblem(QStringLiteral("http"), http).isEmpty(), qPrintable(envelopeProblem(QStringLiteral("http"), http)));
    QVERIFY2(envelopeProblem(QStringLiteral("ws"), ws).isEmpty(), qPrintable(envelopeProblem(QStringLiteral("ws"), ws)));
    QCOMPARE(reportedFailure(QStringLiteral("http"), http).toObject()[u"id"].toString(), id);
    QCOMPARE(http.exitCode, status);
    // The upgrade answer is read by the same HttpResponseParser: the same id, the same status.
    QCOMPARE(reportedFailure(QStringLiteral("ws"), ws).toObject()[u"id"].toString(), id);
    QCOMPARE(ws.exitCode, status);
}

void TestCliContract::exitStatusTable_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("id"); // the failure reported; empty: none
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QTest::newRow("0: http, an exchange that completed with any status")
        << QStringList{s("http"), s("--json"), s("%demo-http/status/500")} << 0 << QString();
    QTest::newRow("0: ws, a clean close") << QStringList{s("ws"), s("--text"), s("hi"), s("--wait"), s("0.2"), s("%python")} << 0 << QString();
    QTest::newRow("1: http, cut short by -m after connecting")
        << QStringList{s("http"), s("--json"), s("-m"), s("0.2"), s("%demo-http/delay/3")} << 1 << s("timeout.total");
    QTest::newRow("1: http, the redirect limit")
        << QStringList{s("http"), s("--json"), s("-L"), s("--max-redirs"), s("1"), s("%demo-http/redirect/3")} << 1 << s("redirect.limit");
    QTest::newRow("1: ws, cut short by -m after connecting")
        << QStringList{s("ws"), s("-m"), s("0.2"), s("--wait"), s("-1"), s("%python")} << 1 << s("timeout.total");
    QTest::newRow("1: ws, the server dropped TCP without a closing handshake")
        << QStringList{s("ws"), s("--wait"), s("-1"), s("%drop-ws")} << 1 << QString();
    QTest::newRow("2: http, an unresolved variable sends nothing")
        << QStringList{s("http"), s("--json"), s("%demo-http/{{missing}}")} << 2 << s("request.unresolved_variables");
    QTest::newRow("3: http, a refused port") << QStringList{s("http"), s("--json"), s("%closed-http")} << 3 << s("connect.refused");
    QTest::newRow("3: ws, a refused port") << QStringList{s("ws"), s("%closed-ws")} << 3 << s("connect.refused");
    QTest::newRow("4: ws, an upgrade answered with 200") << QStringList{s("ws"), s("%demo-ws/get")} << 4 << s("ws.handshake.bad_status");
    QTest::newRow("5: http, a peer that speaks no HTTP") << QStringList{s("http"), s("--json"), s("%not-http-http")} << 5 << s("http.not_http");
    QTest::newRow("5: ws, a reserved opcode from the server")
        << QStringList{s("ws"), s("--wait"), s("2"), s("%opcode-ws")} << 5 << s("ws.reserved_opcode");
}

void TestCliContract::exitStatusTable()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(QString, id);
    const CliRun run = runCli(withUrls(arguments));
    QVERIFY(run.finished);
    const QString command = arguments.first();
    QVERIFY2(envelopeProblem(command, run).isEmpty(), qPrintable(envelopeProblem(command, run) + u'\n' + QString::fromUtf8(run.stdoutBytes)));
    const QJsonValue failure = reportedFailure(command, run);
    QCOMPARE(failure.toObject()[u"id"].toString(), id);
    QCOMPARE(failure.isNull(), id.isEmpty());
    QCOMPARE(run.exitCode, status);
}

void TestCliContract::theSameCertificateGivesTheSameTlsObject()
{
    // One nginx serves both: https for http, wss (proxied to python websockets) for ws.
    const CliRun http = runCli(withUrls({QStringLiteral("http"), QStringLiteral("--json"), QStringLiteral("-k"), QStringLiteral("%tls-http")}));
    const CliRun ws = runCli(withUrls({QStringLiteral("ws"), QStringLiteral("-k"), QStringLiteral("--wait"), QStringLiteral("0.1"), QStringLiteral("%tls-ws")}));
    QCOMPARE(http.exitCode, 0);
    QCOMPARE(ws.exitCode, 0);
    const QJsonObject httpTls = http.object()[u"connection"].toObject()[u"tls"].toObject();
    const QJsonObject wsTls = ws.ofEvent(QStringLiteral("handshake")).first()[u"tls"].toObject();
    QVERIFY(!httpTls[u"errors"].toArray().isEmpty()); // the test CA is not trusted: reported, then ignored
    QCOMPARE(httpTls[u"errors_ignored"].toBool(), true);
    QCOMPARE(wsTls, httpTls);

    const QString ca = certsDir() + QStringLiteral("/ca.crt");
    const CliRun trusted = runCli(withUrls({QStringLiteral("ws"), QStringLiteral("--cacert"), ca, QStringLiteral("--wait"), QStringLiteral("0.1"), QStringLiteral("%tls-ws")}));
    QCOMPARE(trusted.exitCode, 0);
    QVERIFY(trusted.ofEvent(QStringLiteral("handshake")).first()[u"tls"].toObject()[u"errors"].toArray().isEmpty());
}

void TestCliContract::theSameHeaderBytesGiveTheSameHeaderObject()
{
    const CliRun http = runCli(withUrls({QStringLiteral("http"), QStringLiteral("--json"), QStringLiteral("%latin-http")}));
    const CliRun ws = runCli(withUrls({QStringLiteral("ws"), QStringLiteral("%latin-ws")}));
    QCOMPARE(http.exitCode, 0); // a 403 is a completed exchange
    QCOMPARE(ws.exitCode, 4);   // and a refused upgrade
    const QJsonObject fromHttp = http.object()[u"response"].toObject()[u"headers"].toArray().first().toObject();
    const QJsonObject fromWs = ws.ofEvent(QStringLiteral("handshake")).first()[u"response_headers"].toArray().first().toObject();
    QCOMPARE(fromHttp[u"name"].toString(), QStringLiteral("X-Latin"));
    QCOMPARE(QByteArray::fromHex(fromHttp[u"value_hex"].toString().toLatin1()), QByteArray("caf\xe9"));
    QCOMPARE(fromWs, fromHttp);
}

void TestCliContract::docsNameEveryFailureWithItsClassAndStatus()
{
    // docs/cli.md has one row per failure id: | `id` | `class` | status | when |
    const QString cli = readDoc(QStringLiteral("cli.md"));
    QVERIFY2(!cli.isEmpty(), "docs/cli.md is missing");
    for (const FailureKind *kind : failures::all()) {
        const QString row = QStringLiteral("| `%1` |").arg(QLatin1String(kind->id));
        const qsizetype at = cli.indexOf(row);
        QVERIFY2(at >= 0, kind->id);
        const QStringList cells = cli.mid(at, cli.indexOf(u'\n', at) - at).split(u'|');
        QVERIFY2(cells.size() > 4, kind->id);
        QCOMPARE(cells.at(2).trimmed(), u'`' + failureClassName(kind->failureClass) + u'`');
        QCOMPARE(cells.at(3).trimmed(), QString::number(exitStatusFor(kind->failureClass)));
    }
    for (const QString &page : {QStringLiteral("cli-http.md"), QStringLiteral("cli-ws.md")})
        QVERIFY2(readDoc(page).contains(QStringLiteral("(cli.md#exit-status)")), qPrintable(page + QStringLiteral(" does not link the exit table")));
}

void TestCliContract::docsNameEveryViolation()
{
    const QString http = readDoc(QStringLiteral("cli-http.md"));
    const QString ws = readDoc(QStringLiteral("cli-ws.md"));
    for (const ViolationKind *kind : httpViolationKinds())
        QVERIFY2(http.contains(u'`' + QLatin1String(kind->id) + u'`'), kind->id);
    for (const ViolationKind *kind : wsViolationKinds())
        QVERIFY2(ws.contains(u'`' + QLatin1String(kind->id) + u'`'), kind->id);
}

QTEST_GUILESS_MAIN(TestCliContract)
#include "tst_clicontract.moc"

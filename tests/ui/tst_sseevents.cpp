// Server-sent events in the window (#12): a text/event-stream answer to GET or POST fills the
// response's Events tab as it arrives, reconnects after a drop naming Last-Event-ID (or stops
// there with Reconnect off), and ends clearly on a 204, a wrong type, an error status or an
// endless line. Against the demo server's /sse and a scripted peer for the hostile answers.
#include "core/session/session.h"
#include "tests/peers/demopeer.h"
#include "tests/support/strings.h"
#include "ui/http/httpcomposer.h"
#include "ui/http/httphistorymodel.h"
#include "ui/http/httprequesttab.h"
#include "ui/http/httpresponseview.h"
#include "ui/http/httpworkspace.h"
#include "ui/http/sseeventmodel.h"
#include "ui/http/sseeventsview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace wirescope;
using namespace wirescope::test;

namespace {

// Answers the n-th connection with script[n] (the last one again beyond), after reading the
// request head, which it keeps; closes unless told to stay open.
class ScriptedHttpPeer : public QObject
{
public:
    struct Answer {
        QByteArray bytes;
        bool close = true;
    };

    explicit ScriptedHttpPeer(QList<Answer> script)
        : m_script(std::move(script))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                const Answer answer = m_script.at(qMin(m_heads.size() + m_waiting, m_script.size() - 1));
                ++m_waiting;
                auto head = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, head, answer] {
                    if (head->contains("\r\n\r\n"))
                        return; // a body after the head: not read
                    head->append(socket->readAll());
                    if (!head->contains("\r\n\r\n"))
                        return;
                    --m_waiting;
                    m_heads.append(*head);
                    socket->write(answer.bytes);
                    if (answer.close)
                        socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/events").arg(m_server.serverPort()); }
    const QList<QByteArray> &heads() const { return m_heads; }

private:
    QTcpServer m_server;
    QList<Answer> m_script;
    QList<QByteArray> m_heads;
    int m_waiting = 0;
};

QByteArray streamHead()
{
    return "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\n";
}

HttpRequest eventSourceRequest(const QString &url, const QString &method = QStringLiteral("GET"))
{
    HttpRequest request;
    request.setMethod(method);
    request.setUrl(url);
    request.addHeader(QStringLiteral("Accept"), QStringLiteral("text/event-stream"));
    if (method == QLatin1String("POST")) {
        HttpBody body;
        body.kind = BodyKind::Raw;
        body.text = QStringLiteral("{\"prompt\": \"count\"}");
        body.rawContentType = QStringLiteral("application/json");
        request.setBody(body);
    }
    return request;
}

// The ID column of the event rows, in order.
QStringList eventIds(const SseEventModel *model)
{
    QStringList ids;
    for (int i = 0; i < model->rowCount(); ++i)
        if (model->rowAt(i).kind == SseEventModel::Kind::Event)
            ids.append(model->rowAt(i).id);
    return ids;
}

// The connection rows' sentences, in order.
QStringList lifeRows(const SseEventModel *model)
{
    QStringList rows;
    for (int i = 0; i < model->rowCount(); ++i) {
        const SseEventModel::Row &row = model->rowAt(i);
        if (row.kind == SseEventModel::Kind::Status || row.kind == SseEventModel::Kind::Failure)
            rows.append(row.data);
    }
    return rows;
}

bool consecutiveFromOne(const QStringList &ids)
{
    for (int i = 0; i < ids.size(); ++i)
        if (ids.at(i) != QString::number(i + 1))
            return false;
    return true;
}

} // namespace

Q_DECLARE_METATYPE(QList<ScriptedHttpPeer::Answer>)

class tst_SseEvents : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WirescopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_sseevents"));
    }

    // A drop every 3 events: each reconnection names the last ID and the demo server resumes
    // after it, so the IDs run on without a gap or a repeat; Esc (Stop) ends it, timer and all.
    void aDroppedStreamResumesWithLastEventId_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("GET") << QStringLiteral("GET");
        QTest::newRow("POST") << QStringLiteral("POST");
    }
    void aDroppedStreamResumesWithLastEventId()
    {
        QFETCH(QString, method);
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        Session session;
        HttpWorkspace workspace(&session);
        workspace.resize(900, 700);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        HttpRequestTab *tab = workspace.currentTab();
        tab->setRequest(eventSourceRequest(
            demo.httpUrl(QStringLiteral("/sse?hz=20&count=0&drop_after=3&retry=100")).toString(), method));
        tab->send();
        HttpResponseView *response = tab->responseView();
        SseEventsView *events = response->eventsView();
        SseEventModel *model = events->model();
        QVERIFY(response->eventsShown());
        QCOMPARE(response->tabs()->currentWidget(), events);
        QTRY_VERIFY_WITH_TIMEOUT(eventIds(model).size() >= 8, 30000);
        QVERIFY(tab->isRunning());
        QVERIFY2(consecutiveFromOne(eventIds(model)), qPrintable(eventIds(model).join(u',')));
        const QStringList life = lifeRows(model);
        QVERIFY2(life.contains(QStringLiteral("reconnecting with Last-Event-ID 3")), qPrintable(life.join(u'|')));
        QVERIFY2(life.contains(QStringLiteral("reconnecting with Last-Event-ID 6")), qPrintable(life.join(u'|')));
        QVERIFY(life.count(QStringLiteral("connected")) >= 3);
        // The data is the demo server's JSON; a POST is answered as a POST.
        const SseEventModel::Row *first = nullptr;
        for (int i = 0; i < model->rowCount() && !first; ++i)
            if (model->rowAt(i).kind == SseEventModel::Kind::Event)
                first = &model->rowAt(i);
        QVERIFY(first);
        QCOMPARE(first->type, QStringLiteral("message"));
        const QJsonObject data = QJsonDocument::fromJson(first->data.toUtf8()).object();
        QCOMPARE(data.value(QStringLiteral("seq")).toInt(), 1);
        QCOMPARE(data.value(QStringLiteral("method")).toString(QStringLiteral("GET")), method);
        QVERIFY2(response->summaryLabel()->text().contains(QStringLiteral(" event")), qPrintable(response->summaryLabel()->text()));
        QVERIFY(events->countLabel()->isHidden()); // nothing dropped

        // The first event in full below the table, its JSON indented.
        for (int i = 0; i < model->rowCount(); ++i)
            if (&model->rowAt(i) == first)
                events->table()->setCurrentIndex(model->index(i, SseEventModel::DataColumn));
        QVERIFY2(events->detail()->toPlainText().contains(QStringLiteral("\n    \"seq\": 1")), qPrintable(events->detail()->toPlainText()));

        // Filters: by type, by text.
        events->typeFilter()->setCurrentIndex(events->typeFilter()->findData(SseEventModel::connectionFilter()));
        QVERIFY(model->rowCount() > 0);
        for (int i = 0; i < model->rowCount(); ++i)
            QVERIFY(model->rowAt(i).kind == SseEventModel::Kind::Status || model->rowAt(i).kind == SseEventModel::Kind::Failure);
        events->typeFilter()->setCurrentIndex(events->typeFilter()->findData(QStringLiteral("message")));
        events->searchEdit()->setText(QStringLiteral("\"seq\":5,"));
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->rowAt(0).id, QStringLiteral("5"));
        events->searchEdit()->clear();
        events->typeFilter()->setCurrentIndex(0);

        // Esc stops the stream, whether it is reading or waiting to reconnect.
        QTest::keyClick(tab->composer()->urlEdit(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 10000);
        QCOMPARE(lifeRows(model).constLast(), QStringLiteral("stopped"));
        const QStringList ids = eventIds(model);
        QVERIFY2(consecutiveFromOne(ids), qPrintable(ids.join(u',')));
        QTest::qWait(300); // longer than the retry time: nothing reconnects
        QCOMPARE(eventIds(model), ids);
        QVERIFY(!tab->isRunning());

        // Reopened from the History, a dropped attempt's events come from its recorded body
        // (a cancelled exchange keeps no response).
        const int rows = workspace.historyModel()->rowCount();
        QVERIFY(rows >= 3);
        int dropped = -1;
        for (int row = 0; row < rows && dropped < 0; ++row)
            if (const HttpHop *hop = workspace.historyModel()->recordAt(row).finalHop(); hop && hop->response.status == 200)
                dropped = row;
        QVERIFY(dropped >= 0);
        workspace.reopenFromHistory(dropped);
        HttpRequestTab *reopened = workspace.currentTab();
        QVERIFY(reopened->responseView()->eventsShown());
        const QStringList recorded = eventIds(reopened->responseView()->eventsView()->model());
        QCOMPARE(recorded.size(), 3);
    }

    // With Reconnect off the stream ends at the drop, and nothing connects again.
    void reconnectOffStopsAtTheDrop()
    {
        DemoPeer demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(u"the demo server did not start: " + error));
        Session session;
        HttpWorkspace workspace(&session);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        HttpRequestTab *tab = workspace.currentTab();
        SseEventsView *events = tab->responseView()->eventsView();
        events->reconnectBox()->setChecked(false);
        tab->setRequest(eventSourceRequest(demo.httpUrl(QStringLiteral("/sse?hz=50&count=0&drop_after=3&retry=50")).toString()));
        tab->send();
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 15000);
        QVERIFY2(eventIds(events->model()) == strings({"1", "2", "3"}),
                 qPrintable(eventIds(events->model()).join(u',') + u" / " + lifeRows(events->model()).join(u'|')));
        const QStringList life = lifeRows(events->model());
        QCOMPARE(life.constFirst(), QStringLiteral("connected"));
        QCOMPARE(life.constLast(), QStringLiteral("ended: the stream closed (Reconnect is off)"));
        QCOMPARE(life.filter(QStringLiteral("reconnecting")).size(), 0);
        QCOMPARE(workspace.historyModel()->rowCount(), 1);
    }

    // Hostile or final answers: each ends the stream with its row, without reconnecting.
    void theStreamEndsClearly_data()
    {
        QTest::addColumn<QList<ScriptedHttpPeer::Answer>>("script");
        QTest::addColumn<QStringList>("life");
        QTest::addColumn<int>("connections");
        QTest::newRow("204") << QList<ScriptedHttpPeer::Answer>{{"HTTP/1.1 204 No Content\r\n\r\n"}}
                             << strings({"ended: 204 no content"}) << 1;
        QTest::newRow("wrong type")
            << QList<ScriptedHttpPeer::Answer>{{"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\n\r\n<html>"}}
            << strings({"failed: Content-Type text/html is not text/event-stream"}) << 1;
        QTest::newRow("503 after a drop")
            << QList<ScriptedHttpPeer::Answer>{{streamHead() + "retry: 200\nid: 41\ndata: a\n\n"},
                                               {"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"}}
            << strings({"connected", "stream closed; reconnecting in 0.2 s", "reconnecting with Last-Event-ID 41",
                           "failed: status 503"})
            << 2;
        // A line that never ends: the engine's parser stops at its limit (16 MiB) and says so.
        QTest::newRow("endless line")
            << QList<ScriptedHttpPeer::Answer>{{streamHead() + "data: " + QByteArray(17 * 1024 * 1024, 'x'), false}}
            << strings({"connected", "failed: the stream broke a limit (a line longer than 16777216 bytes at byte 0)"})
            << 1;
    }
    void theStreamEndsClearly()
    {
        QFETCH(QList<ScriptedHttpPeer::Answer>, script);
        QFETCH(QStringList, life);
        QFETCH(int, connections);
        ScriptedHttpPeer peer(script);
        QVERIFY(peer.listen());
        Session session;
        HttpWorkspace workspace(&session);
        workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&workspace));
        HttpRequestTab *tab = workspace.currentTab();
        tab->setRequest(eventSourceRequest(peer.url()));
        tab->send();
        SseEventModel *model = tab->responseView()->eventsView()->model();
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning(), 30000);
        QCOMPARE(lifeRows(model), life);
        QCOMPARE(peer.heads().size(), connections);
        if (connections > 1)
            QVERIFY2(peer.heads().at(1).contains("\r\nLast-Event-ID: 41\r\n"), peer.heads().at(1).constData());
        QVERIFY(tab->responseView()->eventsShown());
    }
};

QTEST_MAIN(tst_SseEvents)
#include "tst_sseevents.moc"

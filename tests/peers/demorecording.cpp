#include "tests/peers/demorecording.h"

#include "core/net/httpclient.h"
#include "core/net/wsconnection.h"
#include "core/session/session.h"
#include "tests/peers/demopeer.h"

#include <QDeadlineTimer>
#include <QtTest>

namespace wirescope::test {

namespace {

constexpr int kWait = 10000;

bool waitFor(const std::function<bool()> &done)
{
    QDeadlineTimer deadline(kWait);
    while (!done() && !deadline.hasExpired())
        QTest::qWait(5);
    return done();
}

bool exchange(Session &session, HttpClient &client, const HttpRequest &request, QString *error)
{
    HttpExchange *exchange = client.start(request);
    bool done = false;
    HttpExchangeRecord record;
    QObject::connect(exchange, &HttpExchange::finished, exchange, [&](const HttpExchangeRecord &r) {
        record = r;
        done = true;
    });
    const qsizetype rowsBefore = session.timeline().rowCount();
    waitFor([&] { return done; });
    exchange->deleteLater();
    if (!record.completed()) {
        *error = QStringLiteral("%1 %2 did not complete: %3").arg(request.method(), request.url(), record.error.message());
        return false;
    }
    // The exchange row reaches the timeline on the recorder's next drain.
    return waitFor([&] {
        const Timeline &t = session.timeline();
        for (qsizetype i = rowsBefore; i < t.rowCount(); ++i)
            if (t.row(i).rowKind() == RowKind::Exchange)
                return true;
        return false;
    });
}

} // namespace

bool DemoRecording::record(Session &session, DemoPeer &demo, QString *error)
{
    HttpClient client(&session);
    HttpRequest get;
    get.setUrl(demo.httpUrl(QStringLiteral("/get?greeting=hello&token=%1").arg(QLatin1String(kToken))).toString());
    get.addHeader(QStringLiteral("Authorization"), QLatin1String(kBearer));
    if (!exchange(session, client, get, error))
        return false;
    HttpRequest post;
    post.setMethod(QStringLiteral("POST"));
    post.setUrl(demo.httpUrl(QStringLiteral("/post")).toString());
    post.body().kind = BodyKind::Json;
    post.body().text = QStringLiteral("{\"answer\":42}");
    if (!exchange(session, client, post, error))
        return false;

    WsConnectOptions options;
    options.url = demo.wsUrl(QStringLiteral("/ws/echo"));
    options.closeTimeoutMs = 2000;
    WsConnection ws(&session, nullptr);
    int messages = 0;
    bool pong = false;
    QObject::connect(&ws, &WsConnection::messageDecoded, &ws, [&](const WsMessageEvent &e) {
        messages += e.direction == Direction::In;
    });
    QObject::connect(&ws, &WsConnection::pongReceived, &ws, [&](const WsPongEvent &) { pong = true; });
    ws.open(options);
    if (!waitFor([&] { return ws.state() == WsConnectionState::Open; })) {
        *error = QStringLiteral("the WebSocket echo did not open");
        return false;
    }
    ws.sendText(QLatin1String(kText));
    ws.sendBinary(binary());
    ws.sendText(QLatin1String(kFragmented), 10);
    ws.ping("p1");
    if (!waitFor([&] { return messages == 3 && pong; })) {
        *error = QStringLiteral("the echo answered %1 of 3 messages, pong %2").arg(messages).arg(pong);
        return false;
    }
    ws.close(1000, QStringLiteral("bye"));
    const bool closed = waitFor([&] {
        const Timeline &t = session.timeline();
        if (ws.state() != WsConnectionState::Closed || t.rowCount() == 0)
            return false;
        const TimelineRow &last = t.row(t.rowCount() - 1);
        return last.rowKind() == RowKind::Event && last.eventType() == EventType::Closed;
    });
    if (!closed)
        *error = QStringLiteral("the WebSocket did not close");
    return closed;
}

} // namespace wirescope::test

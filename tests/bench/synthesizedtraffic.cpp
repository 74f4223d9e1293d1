#include "tests/bench/synthesizedtraffic.h"

#include "core/session/session.h"
#include "core/session/sessionstore.h"
#include "core/session/timelinewriter.h"
#include "tests/peers/simulatedwsconnection.h"

#include <QElapsedTimer>

#include <algorithm>

namespace wirescope::test {

namespace {

HttpExchangeRecord exchangeRecord(quint64 id, qint64 t, const QByteArray &request, const QByteArray &response)
{
    HttpExchangeRecord record;
    record.id = id;
    record.request.setUrl(QStringLiteral("http://bench.test/get?n=%1").arg(id));
    record.startNs = t;
    record.endNs = t + 50'000;
    HttpHop hop;
    hop.request.method = "GET";
    hop.request.url = record.request.url();
    hop.requestBytes = request;
    hop.response.status = 200;
    hop.response.version = "HTTP/1.1";
    hop.response.reason = "OK";
    hop.response.body = hop.response.decodedBody = "{\"ok\":true}";
    hop.responseBytes = response;
    hop.complete = true;
    record.hops.append(hop);
    return record;
}

} // namespace

double synthesizeTraffic(Session &session, SessionStore *store, qint64 messages, qint64 exchanges, int perRead)
{
    QObject context;
    TimelineWriter writer(session.recorder(), &context);
    SimulatedWsConnection ws(writer, session.newConnectionId());
    ws.open(0, QStringLiteral("ws://bench.test/feed"));
    const quint32 http = session.newConnectionId();
    ConnectionOpening opening;
    opening.protocol = ConnectionProtocol::Http;
    opening.label = QStringLiteral("http://bench.test:80");
    writer.opening(http, 1, opening);
    const QByteArray request = "GET /get HTTP/1.1\r\nHost: bench.test\r\n\r\n";
    const QByteArray response = "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"ok\":true}";
    const qint64 exchangeEvery = exchanges > 0 ? std::max<qint64>(1, messages / exchanges) : 0;
    qint64 exchangesDone = 0;
    qint64 httpOut = 0, httpIn = 0;

    QElapsedTimer timer;
    timer.start();
    QByteArray burst;
    qint64 t = 1000;
    for (qint64 i = 0; i < messages; ++i) {
        burst += ws.serverFrame(WsOpcode::Text, QByteArray(32, char('a' + i % 26)));
        if ((i + 1) % perRead == 0 || i + 1 == messages) {
            ws.read(t += 1000, burst);
            burst.clear();
        }
        if (exchangeEvery && (i + 1) % exchangeEvery == 0 && exchangesDone < exchanges) {
            writer.chunk(http, CapturedChunk{t += 100, Direction::Out, httpOut, request});
            writer.chunk(http, CapturedChunk{t += 100, Direction::In, httpIn, response});
            httpOut += request.size();
            httpIn += response.size();
            writer.httpExchange(http, exchangeRecord(quint64(++exchangesDone), t, request, response));
        }
        if (i % 1024 == 1023) { // an engine's turn: its batch goes to the recorder
            writer.flush();
            session.recorder()->drain();
        }
    }
    writer.flush();
    session.recorder()->drain();
    if (store)
        store->flush();
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace wirescope::test

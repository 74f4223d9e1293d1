#pragma once

// What the session-file tests share: everything a session shows, as one text to compare,
// and recorded scenarios that cover what a timeline can hold.
#include "core/session/httpexchangejson.h"
#include "core/session/session.h"
#include "core/session/sessionrecordjson.h"
#include "core/session/timelinetext.h"
#include "core/session/timelinewriter.h"
#include "core/session/wsjsonlines.h"
#include "tests/peers/simulatedwsconnection.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>

namespace wirescope::test {

// A file's SHA-256, or "missing": a refused file must be left byte for byte as it was.
inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return "missing";
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

inline QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Everything a session shows, as text: each row with its time and flags, the `ws` command's
// JSON lines, each exchange as `http --json` prints it, the connection table (options,
// handshake, close, counters) and every chunk of every byte stream.
inline QString everything(const Session &session)
{
    const Timeline &t = session.timeline();
    QString out = timelineText(t, 0, true);
    WsJsonLines lines(WsJsonOptions {1 << 20});
    for (qsizetype row = 0; row < t.rowCount(); ++row) {
        for (const QJsonObject &line : lines.linesFor(t, row))
            out += json(line) + u'\n';
        if (const auto record = t.exchange(row))
            out += json(httpExchangeToJson(*record, session.clock())) + u'\n'
                + json(httpExchangeToStoreJson(*record)) + u'\n';
        out += QStringLiteral("rtt=%1 note=%2 target=%3 held=%4\n")
                   .arg(t.roundTripNs(row))
                   .arg(t.note(row))
                   .arg(t.violationTarget(row))
                   .arg(t.bytesHeld(row));
    }
    for (quint32 id : t.connectionIds()) {
        const TimelineConnection *c = t.connection(id);
        out += QStringLiteral("connection %1 %2 %3 opened=%4 closed=%5 rows=%6..%7\n")
                   .arg(id)
                   .arg(int(c->protocol))
                   .arg(c->label)
                   .arg(c->openedNs)
                   .arg(c->closedNs)
                   .arg(c->firstRow)
                   .arg(c->lastRow);
        out += json(wsConnectOptionsToStoreJson(c->wsOptions)) + u'\n';
        if (c->handshake)
            out += json(wsHandshakeToStoreJson(*c->handshake)) + u'\n';
        if (c->close)
            out += json(wsCloseToStoreJson(*c->close)) + u'\n';
        for (int d = 0; d < 2; ++d) {
            out += QStringLiteral("frames=%1 messages=%2 payload=%3\n")
                       .arg(c->frameCount[d])
                       .arg(c->messageCount[d])
                       .arg(c->payloadBytes[d]);
            const ByteStream &s = c->streams[d];
            for (size_t i = 0; i < s.chunks().size(); ++i) {
                const qint64 end = i + 1 < s.chunks().size() ? s.chunks()[i + 1].offset : s.end();
                const ByteStream::Chunk &chunk = s.chunks()[i];
                out += QStringLiteral("chunk t=%1 off=%2 %3\n")
                           .arg(chunk.tNs)
                           .arg(chunk.offset)
                           .arg(QString::fromLatin1(s.copy(chunk.offset, end - chunk.offset).toHex()));
            }
        }
    }
    return out;
}

// The golden conversations of tst_recorder, and the rest of what a timeline can hold.
inline void recordScenario(Session &session, TimelineWriter &writer, int scenario)
{
    SimulatedWsConnection ws(writer, session.newConnectionId(), scenario == 2);
    ws.open(100, QStringLiteral("ws://example.test/chat"));
    ws.playConversation(SimulatedWsConnection::Conversation(scenario), 3);
    // And the rest of what a timeline holds: our fragments, a failure, a note, exchanges.
    switch (scenario) {
    case 0:
        ws.sendText(500, "fragmented by us", 4);
        break;
    case 1:
        writer.failure(1, 320, Failure::of(failures::SocketError, QStringLiteral("reset by peer")));
        break;
    case 3: {
        writer.note(1, 330, QStringLiteral("crafted frame written"));
        // An HTTP exchange on the same clock, and one that never connected.
        HttpExchangeRecord exchange;
        exchange.id = 7;
        exchange.startNs = 1500;
        exchange.endNs = 2500;
        exchange.request.setUrl(QStringLiteral("http://h/get?a=1&b"));
        exchange.request.setQueryParams({{QStringLiteral("a"), QStringLiteral("1"), true},
            {QStringLiteral("off"), QStringLiteral("x"), false}, {QStringLiteral("b"), QString(), true}});
        HttpHop hop;
        hop.request.method = "GET";
        hop.request.url = QStringLiteral("http://h/get");
        hop.response.status = 200;
        hop.response.headers.append(HttpHeaderField {"Server", "t\xe9st", "Server: t\xe9st\r\n", 17});
        hop.responseBytes = "HTTP/1.1 200 OK\r\nServer: t\xe9st\r\nContent-Length: 0\r\n\r\n";
        hop.connection.id = 2;
        exchange.hops.append(hop);
        ConnectionOpening http;
        http.protocol = ConnectionProtocol::Http;
        http.label = QStringLiteral("http://h:80");
        const quint32 id = session.newConnectionId();
        writer.opening(id, 1500, http);
        writer.chunk(id, CapturedChunk {1600, Direction::Out, 0, "GET /get HTTP/1.1\r\n\r\n"});
        writer.chunk(id, CapturedChunk {2400, Direction::In, 0, hop.responseBytes});
        writer.httpExchange(id, exchange);
        HttpExchangeRecord refused;
        refused.startNs = 2600;
        refused.error = Failure::of(failures::UnresolvedVariables, QStringLiteral("host"));
        writer.httpExchange(0, refused);
        break;
    }
    }
}

} // namespace wirescope::test

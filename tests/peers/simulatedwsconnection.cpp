#include "tests/peers/simulatedwsconnection.h"

#include <QUrl>

namespace wirescope::test {

SimulatedWsConnection::SimulatedWsConnection(TimelineWriter &writer, quint32 id, bool deflate)
    : m_writer(writer)
    , m_id(id)
{
    if (deflate) {
        PmdParams params;
        m_serverDeflate = std::make_unique<PerMessageDeflate>(WsRole::Server, params);
        m_inflate = std::make_unique<PerMessageDeflate>(WsRole::Client, params);
        m_in.setAllowedRsvBits(4);
        m_inAssembler.setDeflate(m_inflate.get());
    }
    m_serverWriter.setFixedMaskKey(std::nullopt);
    m_clientWriter.setFixedMaskKey(WsMaskKey{0x11, 0x22, 0x33, 0x44});
}

void SimulatedWsConnection::open(qint64 t, const QString &url)
{
    ConnectionOpening opening;
    opening.label = url;
    opening.wsOptions.url = QUrl(url);
    m_writer.opening(m_id, t, opening);
    const QByteArray request = "GET / HTTP/1.1\r\nHost: h\r\n\r\n";
    const QByteArray response = "HTTP/1.1 101 Switching Protocols\r\n\r\n";
    m_writer.chunk(m_id, CapturedChunk{t, Direction::Out, 0, request});
    m_writer.chunk(m_id, CapturedChunk{t + 1, Direction::In, 0, response});
    m_out.setStreamOffset(request.size());
    m_in.setStreamOffset(response.size());
    m_bytesOut = request.size();
    m_bytesIn = response.size();
    WsHandshakeRecord record;
    record.timings.sendStartNs = t;
    record.timings.lastByteNs = t + 1;
    record.response.status = 101;
    record.response.reason = "Switching Protocols";
    record.verdict.ok = true;
    m_writer.wsHandshake(m_id, record);
}

QByteArray SimulatedWsConnection::serverFrame(WsOpcode opcode, const QByteArray &payload, bool fin)
{
    return m_serverWriter.frame(opcode, payload, fin);
}

QByteArray SimulatedWsConnection::serverCompressed(const QByteArray &text)
{
    return m_serverWriter.message(WsOpcode::Text, m_serverDeflate->compress(text), 0, true);
}

void SimulatedWsConnection::read(qint64 t, const QByteArray &bytes, qsizetype split)
{
    const qsizetype step = split > 0 ? split : bytes.size();
    for (qsizetype i = 0; i < bytes.size(); i += step) {
        const QByteArray piece = bytes.mid(i, step);
        m_writer.chunk(m_id, CapturedChunk{t, Direction::In, m_bytesIn, piece});
        m_bytesIn += piece.size();
        report(t, Direction::In, m_in.feed(piece), m_inAssembler, false);
    }
}

void SimulatedWsConnection::write(qint64 t, const QByteArray &bytes, bool crafted)
{
    m_writer.chunk(m_id, CapturedChunk{t, Direction::Out, m_bytesOut, bytes});
    m_bytesOut += bytes.size();
    report(t, Direction::Out, m_out.feed(bytes), m_outAssembler, crafted);
}

void SimulatedWsConnection::sendText(qint64 t, const QByteArray &text, qsizetype fragment)
{
    write(t, m_clientWriter.message(WsOpcode::Text, text, fragment));
}

void SimulatedWsConnection::ping(qint64 t, const QByteArray &payload)
{
    m_pingSent = t;
    write(t, m_clientWriter.ping(payload));
}

void SimulatedWsConnection::close(qint64 t, quint16 code, bool clean)
{
    WsCloseRecord record;
    record.tNs = t;
    record.code = code;
    record.clean = clean;
    m_writer.wsClosed(m_id, record);
}

void SimulatedWsConnection::playConversation(Conversation conversation, qsizetype split)
{
    switch (conversation) {
    case Conversation::FragmentedWithPing: {
        sendText(200, "hi");
        QByteArray server = serverFrame(WsOpcode::Text, "Hel", false);
        server += serverFrame(WsOpcode::Ping, "p");
        server += serverFrame(WsOpcode::Continuation, "lo", true);
        read(300, server, split);
        write(310, WsFrameWriter(WsRole::Client).pong("p"));
        ping(400, "rtt");
        read(450, serverFrame(WsOpcode::Pong, "rtt"), split);
        break;
    }
    case Conversation::ViolationMidMessage: {
        QByteArray server = serverFrame(WsOpcode::Text, "ab", false);
        server += serverFrame(WsOpcode::Text, "cd", true); // RFC 6455 §5.4: not while "ab" is open
        server += serverFrame(WsOpcode::Text, "\xff", true); // not UTF-8
        QByteArray rsv = serverFrame(WsOpcode::Binary, "zz");
        rsv[0] = char(quint8(rsv[0]) | 0x20); // RSV2 without an extension
        server += rsv;
        read(300, server, split);
        break;
    }
    case Conversation::Compressed: {
        QByteArray server = serverCompressed("hello hello hello");
        read(300, server, split);
        QByteArray fragmented = serverCompressed("abcabcabcabcabcabc");
        // The same compressed bytes in three frames: RSV1 on the first only (RFC 7692 §6.1).
        const QByteArray body = fragmented.mid(2);
        const qsizetype third = body.size() / 3;
        QByteArray parts = WsFrameWriter(WsRole::Server).frame(WsOpcode::Text, body.left(third), false, true);
        parts += serverFrame(WsOpcode::Continuation, body.mid(third, third), false);
        parts += serverFrame(WsOpcode::Continuation, body.mid(2 * third), true);
        read(400, parts, split);
        break;
    }
    case Conversation::CraftedAndClose: {
        WsCraftSpec spec;
        spec.opcode = 0x3;
        spec.masked = false;
        spec.payload = "x";
        write(200, WsFrameWriter::craft(spec), true);
        const QByteArray closeFrame = serverFrame(WsOpcode::Close, QByteArray("\x03\xea", 2) + "protocol");
        read(300, closeFrame, split);
        close(320, 1002, false);
        break;
    }
    }
}

void SimulatedWsConnection::report(qint64 t, Direction d, const WsParseResult &result, WsMessageAssembler &assembler,
                                   bool crafted)
{
    for (const WsParseEvent &event : result.events) {
        if (event.type == WsParseEventType::Violation) {
            m_writer.violation(m_id, t, d, event.violation);
            continue;
        }
        m_writer.wsFrame(m_id, WsFrameEvent{t, d, m_index++, event.frame, crafted});
        const WsAssembleResult assembled = assembler.push(event.frame);
        for (const Violation &v : assembled.violations)
            m_writer.violation(m_id, t, d, v);
        if (assembled.hasMessage)
            m_writer.wsMessage(m_id, WsMessageEvent{t, d, assembled.message});
        if (d == Direction::In && event.frame.header.opcode == WsOpcode::Pong)
            m_writer.wsPong(m_id, WsPongEvent{t, event.frame.payload, t - m_pingSent});
    }
}

} // namespace wirescope::test

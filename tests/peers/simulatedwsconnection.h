#pragma once

#include "core/session/timelinewriter.h"
#include "core/wire/permessagedeflate.h"
#include "core/wire/wsframeparser.h"
#include "core/wire/wsframewriter.h"
#include "core/wire/wsmessageassembler.h"

#include <QString>

#include <memory>

namespace wirescope::test {

// What WsConnection does with the bytes it reads and writes, without a socket: the same
// codecs in the same order (frame parser, assembler, permessage-deflate), reporting to a
// TimelineWriter. Tests of the timeline and of the views over it build their conversations
// with it, byte for byte as the engine would record them.
class SimulatedWsConnection
{
public:
    SimulatedWsConnection(TimelineWriter &writer, quint32 id, bool deflate = false);

    // The Opening row, the upgrade's bytes each way and the handshake record (101).
    void open(qint64 t, const QString &url);

    QByteArray serverFrame(WsOpcode opcode, const QByteArray &payload, bool fin = true);
    QByteArray serverCompressed(const QByteArray &text);

    // The server's bytes, read in pieces of `split` bytes (0: one read).
    void read(qint64 t, const QByteArray &bytes, qsizetype split = 0);
    // Our bytes, as the socket took them (crafted: written as they are).
    void write(qint64 t, const QByteArray &bytes, bool crafted = false);
    void sendText(qint64 t, const QByteArray &text, qsizetype fragment = 0);
    void ping(qint64 t, const QByteArray &payload);
    // The Closed row with this close record.
    void close(qint64 t, quint16 code, bool clean);

    // The golden conversations of tests/core/session/golden (after open()), the server's
    // bytes read in pieces of `split`. Compressed needs a connection made with deflate.
    enum class Conversation { FragmentedWithPing, ViolationMidMessage, Compressed, CraftedAndClose };
    void playConversation(Conversation conversation, qsizetype split = 0);

private:
    void report(qint64 t, Direction d, const WsParseResult &result, WsMessageAssembler &assembler, bool crafted);

    TimelineWriter &m_writer;
    quint32 m_id;
    WsFrameParser m_in{WsFrameParserOptions{WsRole::Client, 1 << 20, 0}};
    WsFrameParser m_out{WsFrameParserOptions{WsRole::Server, 1 << 20, 0}};
    WsMessageAssembler m_inAssembler;
    WsMessageAssembler m_outAssembler;
    std::unique_ptr<PerMessageDeflate> m_serverDeflate;
    std::unique_ptr<PerMessageDeflate> m_inflate;
    WsFrameWriter m_serverWriter{WsRole::Server};
    WsFrameWriter m_clientWriter{WsRole::Client};
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
    quint64 m_index = 0;
    qint64 m_pingSent = 0;
};

} // namespace wirescope::test

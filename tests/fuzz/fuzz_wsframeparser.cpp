// libFuzzer target: the WebSocket frame parser and message assembler (with and without
// permessage-deflate), fed in chunks whose sizes the input chooses. The same stream is also
// fed as QByteArray chunks (feedShared, the connection's zero-copy path): both must report
// the same frames and violations.
// Input: byte 0 = flags (bit 0 parse as server, bit 1 deflate, bits 2-7 chunk size), rest = stream.
#include "core/wire/permessagedeflate.h"
#include "core/wire/wsframeparser.h"
#include "core/wire/wsmessageassembler.h"

#include <cstdint>
#include <cstdlib>

using namespace wirescope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t flags = data[0];
    const QByteArray stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const bool deflate = flags & 2;
    const qsizetype chunk = (flags >> 2) + 1;

    WsFrameParser parser(WsFrameParserOptions{(flags & 1) ? WsRole::Server : WsRole::Client, 1 << 20,
                                              quint8(deflate ? 4 : 0)});
    PerMessageDeflate pmd(WsRole::Client, PmdParams{});
    WsMessageAssembler assembler(WsAssemblerOptions{1 << 20, 1 << 20});
    if (deflate)
        assembler.setDeflate(&pmd);
    WsParseResult result;
    for (qsizetype i = 0; i < stream.size(); i += chunk)
        parser.feed(QByteArrayView(stream).sliced(i, std::min(chunk, stream.size() - i)), result);
    {
        WsFrameParser sharedParser(parser.options());
        WsParseResult shared;
        for (qsizetype i = 0; i < stream.size(); i += chunk)
            sharedParser.feedShared(stream.sliced(i, std::min(chunk, stream.size() - i)), shared);
        if (shared.events.size() != result.events.size() || shared.consumed != result.consumed)
            std::abort();
        for (size_t i = 0; i < shared.events.size(); ++i) {
            const WsParseEvent &a = result.events[i];
            const WsParseEvent &b = shared.events[i];
            if (a.type != b.type || a.violation.kind != b.violation.kind || a.violation.offset != b.violation.offset
                || a.frame.streamOffset != b.frame.streamOffset || a.frame.headerBytes != b.frame.headerBytes
                || a.frame.payload != b.frame.payload || a.frame.payloadDiscarded != b.frame.payloadDiscarded)
                std::abort();
        }
    }
    for (const WsParseEvent &e : result.events) {
        if (e.type != WsParseEventType::Frame)
            continue;
        const WsFrame &f = e.frame;
        // Invariant: a stored frame is exactly the bytes it was parsed from.
        if (!f.payloadDiscarded && f.wireBytes() != stream.mid(f.streamOffset, f.wireSize()))
            std::abort();
        const WsAssembleResult r = assembler.push(f);
        if (r.hasMessage && r.message.size > (1 << 20))
            std::abort(); // the inflate cap held
    }
    return 0;
}

// libFuzzer target: the handshake response parser and checks (a hostile server's answer).
#include "core/wire/wshandshake.h"

#include <cstdint>
#include <cstdlib>

using namespace wirescope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    WsHandshakeResponseParser parser(WsResponseParserLimits{4096, 50, 4096});
    qsizetype used = 0;
    // Two chunks, cut where the first byte says, to exercise resumption.
    const qsizetype cut = size ? qsizetype(data[0]) % (qsizetype(size) + 1) : 0;
    used += parser.feed(bytes.first(cut));
    if (parser.state() != WsHandshakeResponseParser::State::Complete && parser.state() != WsHandshakeResponseParser::State::Failed)
        used += parser.feed(bytes.sliced(cut));
    parser.finishAtEof();
    if (used > bytes.size() || parser.response().body.size() > 4096)
        std::abort();
    if (parser.state() == WsHandshakeResponseParser::State::Complete) {
        WsHandshakeRequestOptions options;
        options.url = QUrl(QStringLiteral("ws://127.0.0.1/"));
        options.subprotocols = {QStringLiteral("chat")};
        options.extensions = {"permessage-deflate"};
        const WsHandshakeRequest request = wsBuildHandshakeRequest(options, QByteArray(16, 'k'));
        const WsHandshakeVerdict verdict = wsCheckHandshakeResponse(request, parser.response());
        if (verdict.ok && parser.response().status != 101)
            std::abort();
    }
    return 0;
}

// libFuzzer target: a hostile server's answer to the WebSocket upgrade, read as the connection
// reads it (HttpResponseParser told the request asked for an upgrade) and then checked.
// The first input byte picks the leniencies and where the rest is cut in two.
#include "core/wire/httpresponseparser.h"
#include "core/wire/wshandshake.h"

#include <cstdint>
#include <cstdlib>

using namespace wirescope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t control = data[0];
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    HttpParserLimits limits;
    limits.maxHeaderBytes = 4096;
    limits.maxHeaderCount = 50;
    limits.maxBodyBytes = 4096;
    HttpParserLeniency leniency;
    leniency.bareLf = control & 0x01;
    leniency.obsFold = control & 0x02;
    HttpResponseParser parser(limits, leniency);
    parser.reset("GET", 0, true);
    // Two chunks, cut where the control byte says, to exercise resumption.
    const qsizetype cut = qsizetype(control >> 2) % (bytes.size() + 1);
    ParseResult r = parser.feed(bytes.first(cut));
    qsizetype used = r.consumed;
    if (r.status == ParseStatus::NeedMore) {
        if (used != cut)
            std::abort(); // "need more" means everything was taken
        r = parser.feed(bytes.sliced(cut));
        used += r.consumed;
    }
    ParseStatus status = r.status;
    if (status == ParseStatus::NeedMore)
        status = parser.finishEof();
    const HttpResponse &response = parser.response();
    if (used > bytes.size() || response.body.size() > limits.maxBodyBytes)
        std::abort();
    // A 101 ends with its head: whatever follows belongs to the WebSocket stream.
    if (status == ParseStatus::Complete && response.status == 101 && used != response.offset + response.headBytes)
        std::abort();
    if (status == ParseStatus::Complete) {
        WsHandshakeRequestOptions options;
        options.url = QUrl(QStringLiteral("ws://127.0.0.1/"));
        options.subprotocols = {QStringLiteral("chat")};
        options.extensions = {"permessage-deflate"};
        const WsHandshakeRequest request = wsBuildHandshakeRequest(options, QByteArray(16, 'k'));
        const WsHandshakeVerdict verdict = wsCheckHandshakeResponse(request, response);
        if (verdict.ok && response.status != 101)
            std::abort();
        if (verdict.ok != verdict.violations.empty())
            std::abort();
    }
    return 0;
}

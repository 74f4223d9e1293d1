// libFuzzer target: the HTTP/1.1 response parser (with its chunked decoder) and the content
// decoders fed arbitrary bytes. The first input byte picks the request method, leniencies,
// whether the request asked for an upgrade, and how the rest is split into chunks, so every
// resumable state is reached through odd splits too.
#include "core/wire/contentdecoder.h"
#include "core/wire/httpresponseparser.h"

#include <cstddef>
#include <cstdint>

using namespace wirescope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t control = data[0];
    const QByteArrayView input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    HttpParserLimits limits;
    limits.maxBodyBytes = 1 << 20;
    limits.maxHeaderBytes = 16 * 1024;
    HttpParserLeniency leniency;
    leniency.bareLf = control & 0x01;
    leniency.obsFold = control & 0x02;
    HttpResponseParser parser(limits, leniency);
    const bool upgradeRequested = control & 0x08;
    parser.reset((control & 0x04) ? QByteArrayView("HEAD") : QByteArrayView("GET"), 0, upgradeRequested);
    const qsizetype step = 1 + (control >> 3); // 1..32 bytes per feed
    qsizetype pos = 0;
    ParseStatus status = ParseStatus::NeedMore;
    while (pos < input.size() && status == ParseStatus::NeedMore) {
        const qsizetype n = qMin(step, input.size() - pos);
        const ParseResult r = parser.feed(input.sliced(pos, n));
        if (r.consumed > n)
            __builtin_trap(); // never claims more than it was given
        status = r.status;
        pos += r.consumed;
        if (r.status == ParseStatus::NeedMore && r.consumed != n)
            __builtin_trap(); // "need more" means everything was taken
    }
    if (status == ParseStatus::NeedMore)
        status = parser.finishEof();
    if (status == ParseStatus::Complete && parser.response().status == 101) {
        // A 101 is final only to an upgrade request, and then ends with its head.
        if (!upgradeRequested || pos != parser.response().offset + parser.response().headBytes)
            __builtin_trap();
    } else if (status == ParseStatus::Complete && pos < input.size()) {
        // What follows a complete response is reported, never read as part of it.
        const qsizetype before = parser.response().violations.size();
        parser.noteExtraBytes(input.sliced(pos));
        if (parser.response().violations.size() != before + 1)
            __builtin_trap();
    }
    HttpResponse response = parser.takeResponse();
    if (response.body.size() > limits.maxBodyBytes)
        __builtin_trap();
    if (status == ParseStatus::Complete) {
        if (response.contentCodings.isEmpty())
            response.contentCodings = {(control & 0x80) ? QByteArray("br") : QByteArray("gzip")};
        decodeResponseBody(response, 4 << 20);
        if (response.decodedBody.size() > (4 << 20))
            __builtin_trap();
    }
    return 0;
}

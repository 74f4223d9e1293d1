// libFuzzer target: the HTTP/1.1 response parser and the content decoders fed arbitrary
// bytes. The first input byte picks the request method, leniencies and how the rest is
// split into chunks, so every resumable state is reached through odd splits too.
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
    parser.reset((control & 0x04) ? QByteArrayView("HEAD") : QByteArrayView("GET"), 0);
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

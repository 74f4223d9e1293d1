// libFuzzer target: any response body read as an event stream. Whole, cut at a point the
// input chooses, or fed a byte at a time, it must give the same records, each inside the
// bytes read, and stop at its limits instead of growing.
#include "core/wire/sseparser.h"

#include <cstdint>
#include <cstdlib>

using namespace wirescope;

namespace {

std::vector<SseRecord> parse(QByteArrayView body, qsizetype step, qsizetype cut)
{
    SseParserOptions options;
    options.maxLineBytes = 4096;
    options.maxEventBytes = 8192;
    SseParser parser(options);
    std::vector<SseRecord> records;
    bool going = parser.feed(body.first(cut), records);
    for (qsizetype at = cut; going && at < body.size(); at += step)
        going = parser.feed(body.sliced(at, std::min(step, body.size() - at)), records);
    parser.finish(records);
    for (const SseRecord &r : records)
        if (r.start < 0 || r.start > r.end || r.end > body.size())
            std::abort();
    return records;
}

bool same(const std::vector<SseRecord> &a, const std::vector<SseRecord> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].kind != b[i].kind || a[i].type != b[i].type || a[i].data != b[i].data
            || a[i].lastEventId != b[i].lastEventId || a[i].retryMs != b[i].retryMs
            || a[i].invalidUtf8 != b[i].invalidUtf8 || a[i].start != b[i].start || a[i].end != b[i].end)
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView body(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::vector<SseRecord> whole = parse(body, qMax<qsizetype>(1, body.size()), body.size());
    const qsizetype cut = size > 0 ? qsizetype(data[0]) % qsizetype(size) : 0;
    if (!same(whole, parse(body, qMax<qsizetype>(1, body.size()), cut)) || !same(whole, parse(body, 1, 0)))
        std::abort();
    return 0;
}

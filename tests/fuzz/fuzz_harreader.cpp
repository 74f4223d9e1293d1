// libFuzzer target: a HAR file from anywhere, read with small limits; what it builds is
// applied to a timeline and read back (payloads, records), as an import would.
#include "core/session/harreader.h"
#include "core/session/timeline.h"

#include <cstdint>
#include <cstdlib>

using namespace wirescope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    HarReaderLimits limits;
    limits.maxInputBytes = 1 << 20;
    limits.maxBodyBytes = 1 << 16;
    limits.maxEntries = 1000;
    limits.maxMessages = 10000;
    HarReader reader(limits);
    std::optional<HarImport> result = reader.read(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!result) {
        // Refused: always with an id from the har.* family.
        if (!reader.error().id.startsWith(QLatin1String("har.")))
            std::abort();
        return 0;
    }
    Timeline timeline;
    timeline.apply(std::move(result->batch));
    qint64 total = 0;
    for (qsizetype row = 0; row < timeline.rowCount(); ++row) {
        total += timeline.payload(row).size();
        if (const auto exchange = timeline.exchange(row))
            total += exchange->hops.size();
    }
    return total < 0 ? 1 : 0;
}

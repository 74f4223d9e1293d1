// libFuzzer target: any bytes offered to the JSON pretty view (a response body, a message).
// Whatever it accepts, indenting its own output again must give the same text: only
// whitespace between tokens may change.
#include "core/wire/jsonpretty.h"

#include <cstdint>
#include <cstdlib>

using namespace wirescope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const JsonPretty once = jsonPretty(bytes, 2, 64);
    if (!once.ok) {
        if (once.errorOffset < 0 || once.errorOffset > bytes.size())
            std::abort();
        return 0;
    }
    const JsonPretty twice = jsonPretty(once.text, 2, 64);
    if (!twice.ok || twice.text != once.text || twice.duplicateKeys != once.duplicateKeys)
        std::abort();
    return 0;
}

// libFuzzer target: any text pasted as a curl command. The reader must end with a request
// or a reason, and a body written with shellQuote must read back as the same bytes.
#include "core/wire/curlcommand.h"

#include <cstdint>
#include <cstdlib>

using namespace wirescope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const CurlCommand command = CurlCommand::parse(QString::fromUtf8(bytes));
    // A request always has a URL and a method.
    if (command.ok() && (command.url.isEmpty() || command.method.isEmpty()))
        std::abort();
    if (!bytes.contains('\0')) {
        const CurlCommand quoted = CurlCommand::parse(
            QString::fromUtf8("curl http://h/ --data-raw " + CurlCommand::shellQuote(bytes)));
        if (quoted.body != bytes)
            std::abort();
    }
    return 0;
}

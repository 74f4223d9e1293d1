#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace wirescope {

struct JsonPretty {
    bool ok = false;
    QByteArray text;        // the indented document (ok), else empty
    qsizetype errorOffset = -1; // the first byte that is not JSON (not ok)
    const char *error = nullptr; // what was expected there, in English (not ok)
    qsizetype duplicateKeys = 0; // names repeated within one object, kept as they came
};

// Indents a JSON text (RFC 8259) from its tokens, never from a parsed map: members keep
// their order, a repeated name stays (RFC 8259 §4 leaves its meaning to the receiver, so a
// viewer must not pick one), numbers and strings keep their spelling to the byte
// (12345678901234567890 and "\u00e9" are not rewritten). Whitespace between tokens is the
// only thing that changes. Validates fully; nesting deeper than maxDepth is an error rather
// than a stack of that size.
JsonPretty jsonPretty(QByteArrayView json, int indent = 4, int maxDepth = 1000);

} // namespace wirescope

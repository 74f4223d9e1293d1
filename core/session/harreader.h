#pragma once

#include "core/session/annotations.h"
#include "core/session/recordbatch.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace wirescope {

// Checked before anything is built: a HAR is a file from anywhere.
struct HarReaderLimits {
    qint64 maxInputBytes = 512ll * 1024 * 1024;
    int maxDepth = 64;                        // nesting of arrays and objects
    qint64 maxBodyBytes = 64ll * 1024 * 1024; // one body or message, decoded
    qsizetype maxEntries = 1'000'000;
    qsizetype maxMessages = 10'000'000;       // WebSocket messages in the whole log
};

// Why a HAR was refused: a stable id (`har.not_json`, `har.too_deep`, `har.too_large`,
// `har.missing_field`, `har.wrong_type`, `har.bad_value`, `har.body_too_large`,
// `har.too_many`), where (a JSON path such as `log.entries[3].request.url`) and what.
struct HarReadError {
    QString id;
    QString path;
    QString detail;

    QString message() const;
};

// What a HAR held, as records for an empty timeline (connection ids from 1).
struct HarImport {
    RecordBatch batch;     // apply to a new Timeline
    QDateTime wallAnchor;  // session time 0: the earliest startedDateTime
    QStringList notes;     // what was left out or is unknown (not in the HAR), one line each
    // Entries' and WebSocket messages' `comment`s, on their rows of `batch` (docs/har.md).
    QList<SessionAnnotation> annotations;

    // The highest connection id the records use: a session continuing them starts after it.
    quint32 lastConnectionId() const
    {
        quint32 last = 0;
        for (const TimelineRow &row : batch.rows)
            last = std::max(last, row.connection);
        return last;
    }
};

// HAR 1.2 files as written by Chrome DevTools, Firefox, HTTP Toolkit and mitmproxy, read
// back into timeline records without inventing what a HAR does not hold: each entry is an
// HTTP exchange of one hop (its request and response as HAR gives them, its phase times;
// no wire bytes, no stream offsets), each WebSocket entry (`_resourceType: "websocket"` or
// `_webSocketMessages`) a connection with its handshake, its messages as message rows
// (no frames: HAR has none) and its close (`_webSocketClose`). An entry or a message that
// cannot be read is left out with a note and the rest imported; a file that is not a HAR,
// or none of whose entries can be read, is refused with one error. docs/har.md "Import".
class HarReader
{
public:
    explicit HarReader(HarReaderLimits limits = {}) : m_limits(limits) {}

    std::optional<HarImport> read(QByteArrayView json);
    const HarReadError &error() const { return m_error; }

private:
    HarReaderLimits m_limits;
    HarReadError m_error;
};

} // namespace wirescope

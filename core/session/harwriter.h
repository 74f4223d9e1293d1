#pragma once

#include "core/session/exportwriter.h"

namespace wirescope {

// A timeline as a HAR 1.2 log (http://www.softwareishard.com/blog/har-12-spec/), streamed:
// the log's head, then one entry at a time as the timeline's rows are read, then its tail,
// so memory does not grow with the session. Each HTTP hop is an entry of its own (a
// redirect chain is several, as browsers write it); a WebSocket connection is one entry in
// Chrome's shape (`_resourceType`, the upgrade and its 101, `_webSocketMessages`) with HTTP
// Toolkit's `_webSocketClose` and Wirescope's frame detail under `_wirescope`. Every
// extension field: docs/har.md.
class HarWriter : public ExportWriter
{
public:
    using ExportWriter::ExportWriter;

    bool write(const Timeline &timeline);
};

bool writeHar(const Timeline &timeline, QIODevice *out, const ExportOptions &options, QString *error);
// Written with QSaveFile: the file appears whole or not at all.
bool saveHar(const Timeline &timeline, const QString &path, const ExportOptions &options, QString *error);

} // namespace wirescope

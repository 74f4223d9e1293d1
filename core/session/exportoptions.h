#pragma once

#include "core/session/annotations.h"
#include "core/session/redaction.h"

#include <QDateTime>
#include <QList>
#include <QMap>

namespace wirescope {

// What an export of a timeline (HAR, pcapng) covers and how. A timeline counts in
// nanoseconds on the session clock; the wall anchor turns that into absolute time.
struct ExportOptions {
    QDateTime wallAnchor;        // SessionClock::wallAnchor(): session time 0 (invalid: the Unix epoch)
    QList<quint32> connections;  // the connections to export; empty: all of them
    RedactionRules redaction = RedactionRules::defaults(); // RedactionRules::none() to opt out
    QString creatorVersion;      // HAR creator.version; empty: this build's version
    QMap<qint64, SessionAnnotation> annotations; // Session::annotations(): written as comments

    bool includes(quint32 connection) const { return connections.isEmpty() || connections.contains(connection); }
};

} // namespace wirescope

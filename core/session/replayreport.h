#pragma once

#include "core/session/failure.h"
#include "core/session/replaydifference.h"
#include "core/session/replayplan.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace wirescope {

// What replaying one recorded exchange or WebSocket connection found.
struct ReplayItemResult {
    qsizetype index = 0;      // 0-based, in the order of the recording
    ReplayItem::Kind kind = ReplayItem::Kind::Http;
    QString label;            // as recorded: "GET http://host/path", "WS ws://host/path"
    QString target;           // the URL it was sent to
    qint64 durationNs = 0;    // from its start to its end on the replay's clock
    Failure failure;          // why the replay of it failed (null: it completed)
    QList<ReplayDifference> differences; // ignored ones included (ignoredBy set)

    qsizetype counted() const; // differences no rule ignores
    qsizetype ignored() const { return differences.size() - counted(); }
    bool passed() const { return counted() == 0; }
};

// A whole replay: what was replayed how, and every item's result.
struct ReplayReport {
    QString file;
    QString baseUrl;          // empty: the recorded URLs
    QString pace;             // "original", "fast" or "reply"
    QStringList ignoreRules;  // as typed
    QDateTime startedAt;
    qint64 durationNs = 0;
    QList<ReplayItemResult> items;

    qsizetype differences() const;
    qsizetype ignored() const;
    qsizetype failedItems() const; // items with a counted difference
    bool passed() const { return failedItems() == 0; }
};

// The three forms of a replay report (docs/replay.md#reports): readable text, the versioned
// JSON contract, JUnit XML (one testcase per exchange or WebSocket connection).
class ReplayReportWriter
{
public:
    // "SAME 1/3 GET http://..." or "DIFF ..." and one block per counted difference.
    static QString itemText(const ReplayItemResult &item, qsizetype total);
    static QString summaryText(const ReplayReport &report);
    static QJsonObject toJson(const ReplayReport &report);
    static QByteArray toJUnit(const ReplayReport &report);
    // A side longer than this (characters) is cut in the JSON and JUnit reports.
    static constexpr qsizetype kMaxValueChars = 16384;
};

} // namespace wirescope

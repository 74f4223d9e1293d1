#pragma once

#include "core/session/replaydifference.h"
#include "core/wire/jsonpath.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace wirescope {

// What a replay may ignore (`--ignore RULE`, docs/replay.md#ignore-rules). Nothing is
// ignored unless a rule says so, not even Date: the user decides what is volatile.
//   header:NAME   that response header (any case), added, removed or changed
//   json:PATH     that JSON value and everything inside it, in bodies and messages
//                 ($.id, $.items[*].ts, $['a b'], $.*; see JsonPath)
//   regex:RE      a difference whose two sides are equal once every match of RE (Perl
//                 syntax) is masked in both: header values, status, text, JSON values
struct ReplayIgnoreRule {
    enum class Kind : quint8 { Header, Json, Regex };
    Kind kind = Kind::Header;
    QString text; // as the user typed it: named in reports next to what it ignored
    QString header;
    JsonPath path;
    QRegularExpression regex;

    // nullopt with *error: one English sentence naming the rule and what is wrong with it.
    static std::optional<ReplayIgnoreRule> parse(const QString &text, QString *error);
    bool covers(const ReplayDifference &difference) const;
};

class ReplayIgnoreRules
{
public:
    // False with *error when the rule does not parse (nothing added).
    bool add(const QString &text, QString *error);
    const QList<ReplayIgnoreRule> &rules() const { return m_rules; }
    QStringList texts() const;
    // Sets ignoredBy on every difference a rule covers (the first such rule).
    void apply(QList<ReplayDifference> &differences) const;

private:
    QList<ReplayIgnoreRule> m_rules;
};

} // namespace wirescope

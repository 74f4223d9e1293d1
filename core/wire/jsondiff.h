#pragma once

#include "core/wire/jsonpath.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>

#include <optional>

namespace wirescope {

// Where two JSON values differ, by path: what a replay reports for a body or a message that
// is JSON on both sides (member order and white space do not count, RFC 8259 §4).
struct JsonDifference {
    JsonPath path;
    std::optional<QJsonValue> recorded; // nullopt: the member or element is absent on this side
    std::optional<QJsonValue> replayed;
};

class JsonDiff
{
public:
    // Every place where the two differ, in document order (members by name, as QJsonObject
    // keeps them). A value of another type is one difference at its path, not one per leaf.
    static QList<JsonDifference> compare(const QJsonValue &recorded, const QJsonValue &replayed);

    // Any JSON text (RFC 8259 §2: a scalar at the top too), nullopt when it is not JSON.
    static std::optional<QJsonValue> parse(const QByteArray &text);
    // Compact JSON text of a value: `"a"`, `12`, `null`, `{"a":1}`.
    static QString text(const QJsonValue &value);
};

} // namespace wirescope

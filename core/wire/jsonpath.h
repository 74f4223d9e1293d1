#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace wirescope {

// A JSON path in the dotted form users know from JSONPath (RFC 9535) and Postman/Hurl:
// `$`, `.name`, `['any name']`, `[3]`, and the wildcards `.*` / `[*]` (any member / any
// index). Only that subset: no recursive descent, filters or slices. A path read from a
// user is a pattern (wildcards allowed); a path found by a comparison is concrete.
class JsonPath
{
public:
    struct Segment {
        enum class Kind : quint8 { Member, Index, AnyMember, AnyIndex };
        Kind kind = Kind::Member;
        QString name;     // Member
        qint64 index = 0; // Index

        bool operator==(const Segment &o) const { return kind == o.kind && name == o.name && index == o.index; }
    };

    JsonPath() = default; // `$`, the whole value

    // nullopt with *error saying what is wrong and at which character (1-based).
    static std::optional<JsonPath> parse(QStringView text, QString *error);

    JsonPath member(const QString &name) const;
    JsonPath index(qint64 index) const;

    const QList<Segment> &segments() const { return m_segments; }
    // This pattern names `path` or a value inside it: `$.items[*]` covers `$.items[2].ts`.
    bool covers(const JsonPath &path) const;
    // `$.items[2].ts`; a member that is not an identifier as `['a b']`, so the text parses back.
    QString toString() const;

    bool operator==(const JsonPath &o) const { return m_segments == o.m_segments; }

private:
    QList<Segment> m_segments;
};

} // namespace wirescope

#include "core/wire/jsonpath.h"

#include <algorithm>

namespace wirescope {

namespace {

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$';
}

bool isIdentifierPart(QChar c)
{
    return isIdentifierStart(c) || c.isDigit() || c == u'-';
}

QString at(qsizetype position)
{
    return QStringLiteral(" at character %1").arg(position + 1);
}

} // namespace

std::optional<JsonPath> JsonPath::parse(QStringView text, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!text.startsWith(u'$'))
        return fail(QStringLiteral("a JSON path starts with '$' (the whole value), e.g. $.id or $.items[*].ts"));
    JsonPath path;
    qsizetype i = 1;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'.') {
            ++i;
            if (i < text.size() && text.at(i) == u'*') {
                path.m_segments.append({Segment::Kind::AnyMember, {}, 0});
                ++i;
                continue;
            }
            if (i < text.size() && text.at(i) == u'.')
                return fail(QStringLiteral("'..' (recursive descent) is not supported") + at(i - 1));
            const qsizetype start = i;
            while (i < text.size() && isIdentifierPart(text.at(i)))
                ++i;
            if (i == start)
                return fail(QStringLiteral("a member name is expected after '.'") + at(start - 1)
                            + QStringLiteral(" (use ['name'] for names with other characters)"));
            if (!isIdentifierStart(text.at(start)) && !text.at(start).isDigit())
                return fail(QStringLiteral("a member name is expected after '.'") + at(start - 1));
            path.m_segments.append({Segment::Kind::Member, text.mid(start, i - start).toString(), 0});
            continue;
        }
        if (c != u'[')
            return fail(QStringLiteral("'.' or '[' expected, found '%1'").arg(c) + at(i));
        const qsizetype open = i++;
        if (i >= text.size())
            return fail(QStringLiteral("'[' is not closed") + at(open));
        const QChar first = text.at(i);
        if (first == u'*') {
            ++i;
            if (i >= text.size() || text.at(i) != u']')
                return fail(QStringLiteral("']' expected after '[*'") + at(i));
            ++i;
            path.m_segments.append({Segment::Kind::AnyIndex, {}, 0});
            continue;
        }
        if (first == u'\'' || first == u'"') {
            ++i;
            QString name;
            bool closed = false;
            while (i < text.size()) {
                const QChar d = text.at(i++);
                if (d == first) {
                    closed = true;
                    break;
                }
                if (d == u'\\') {
                    if (i >= text.size())
                        break;
                    const QChar escaped = text.at(i++);
                    if (escaped != first && escaped != u'\\')
                        return fail(QStringLiteral("only \\%1 and \\\\ are escapes in a quoted name").arg(first) + at(i - 2));
                    name += escaped;
                    continue;
                }
                name += d;
            }
            if (!closed)
                return fail(QStringLiteral("the quoted name is not closed") + at(open + 1));
            if (i >= text.size() || text.at(i) != u']')
                return fail(QStringLiteral("']' expected after the quoted name") + at(i));
            ++i;
            path.m_segments.append({Segment::Kind::Member, name, 0});
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && text.at(i).isDigit())
            ++i;
        if (i == start || i >= text.size() || text.at(i) != u']')
            return fail(QStringLiteral("an index (0, 1, ...), * or a quoted name is expected in '[...]'") + at(start));
        bool ok = false;
        const qint64 index = text.mid(start, i - start).toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("index too large") + at(start));
        ++i;
        path.m_segments.append({Segment::Kind::Index, {}, index});
    }
    return path;
}

JsonPath JsonPath::member(const QString &name) const
{
    JsonPath p = *this;
    p.m_segments.append({Segment::Kind::Member, name, 0});
    return p;
}

JsonPath JsonPath::index(qint64 index) const
{
    JsonPath p = *this;
    p.m_segments.append({Segment::Kind::Index, {}, index});
    return p;
}

bool JsonPath::covers(const JsonPath &path) const
{
    if (m_segments.size() > path.m_segments.size())
        return false;
    for (qsizetype i = 0; i < m_segments.size(); ++i) {
        const Segment &pattern = m_segments.at(i);
        const Segment &actual = path.m_segments.at(i);
        switch (pattern.kind) {
        case Segment::Kind::AnyMember:
            if (actual.kind != Segment::Kind::Member)
                return false;
            break;
        case Segment::Kind::AnyIndex:
            if (actual.kind != Segment::Kind::Index)
                return false;
            break;
        default:
            if (!(pattern == actual))
                return false;
        }
    }
    return true;
}

QString JsonPath::toString() const
{
    QString out = QStringLiteral("$");
    for (const Segment &s : m_segments) {
        switch (s.kind) {
        case Segment::Kind::AnyMember: out += QLatin1String(".*"); break;
        case Segment::Kind::AnyIndex: out += QLatin1String("[*]"); break;
        case Segment::Kind::Index: out += u'[' + QString::number(s.index) + u']'; break;
        case Segment::Kind::Member: {
            const bool plain = !s.name.isEmpty() && isIdentifierStart(s.name.front())
                && std::all_of(s.name.begin(), s.name.end(), isIdentifierPart);
            if (plain) {
                out += u'.' + s.name;
            } else {
                QString quoted = s.name;
                quoted.replace(u'\\', QLatin1String("\\\\")).replace(u'\'', QLatin1String("\\'"));
                out += QLatin1String("['") + quoted + QLatin1String("']");
            }
            break;
        }
        }
    }
    return out;
}

} // namespace wirescope

#include "core/session/replayignorerules.h"

#include "core/wire/httpgrammar.h"

namespace wirescope {

std::optional<ReplayIgnoreRule> ReplayIgnoreRule::parse(const QString &text, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("ignore rule '%1': %2").arg(text, why);
        return std::nullopt;
    };
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return fail(QStringLiteral("expected header:NAME, json:PATH or regex:RE"));
    const QString kind = text.left(colon);
    const QString value = text.mid(colon + 1);
    ReplayIgnoreRule rule;
    rule.text = text;
    if (kind == u"header") {
        rule.kind = Kind::Header;
        // RFC 9110 §5.1: a field name is a token.
        if (value.isEmpty() || !http::isToken(value.toLatin1()) || value.toLatin1() != value.toUtf8())
            return fail(QStringLiteral("'%1' is not a header name (RFC 9110 §5.1 token)").arg(value));
        rule.header = value;
        return rule;
    }
    if (kind == u"json") {
        rule.kind = Kind::Json;
        QString why;
        const std::optional<JsonPath> path = JsonPath::parse(value, &why);
        if (!path)
            return fail(why);
        rule.path = *path;
        return rule;
    }
    if (kind == u"regex") {
        rule.kind = Kind::Regex;
        if (value.isEmpty())
            return fail(QStringLiteral("the regular expression is empty"));
        rule.regex = QRegularExpression(value);
        if (!rule.regex.isValid())
            return fail(QStringLiteral("%1 at character %2")
                            .arg(rule.regex.errorString())
                            .arg(rule.regex.patternErrorOffset() + 1));
        return rule;
    }
    return fail(QStringLiteral("unknown kind '%1' (header, json or regex)").arg(kind));
}

bool ReplayIgnoreRule::covers(const ReplayDifference &d) const
{
    switch (kind) {
    case Kind::Header:
        return d.aspect == ReplayDifference::Aspect::Header && d.header.compare(header, Qt::CaseInsensitive) == 0;
    case Kind::Json:
        return d.json && path.covers(d.path);
    case Kind::Regex: {
        if (!d.recorded || !d.replayed)
            return false; // something missing is not a volatile value
        static const QString mask = QStringLiteral("\u2026");
        return QString(*d.recorded).replace(regex, mask) == QString(*d.replayed).replace(regex, mask);
    }
    }
    return false;
}

bool ReplayIgnoreRules::add(const QString &text, QString *error)
{
    std::optional<ReplayIgnoreRule> rule = ReplayIgnoreRule::parse(text, error);
    if (!rule)
        return false;
    m_rules.append(std::move(*rule));
    return true;
}

QStringList ReplayIgnoreRules::texts() const
{
    QStringList out;
    for (const ReplayIgnoreRule &r : m_rules)
        out.append(r.text);
    return out;
}

void ReplayIgnoreRules::apply(QList<ReplayDifference> &differences) const
{
    for (ReplayDifference &d : differences) {
        for (const ReplayIgnoreRule &r : m_rules) {
            if (r.covers(d)) {
                d.ignoredBy = r.text;
                break;
            }
        }
    }
}

} // namespace wirescope

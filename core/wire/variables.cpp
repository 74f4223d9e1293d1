#include "core/wire/variables.h"

namespace wirescope {

const Variable *Environment::find(const QString &name) const
{
    for (qsizetype i = variables.size() - 1; i >= 0; --i) {
        if (variables.at(i).enabled && variables.at(i).name == name)
            return &variables.at(i);
    }
    return nullptr;
}

namespace {

// Calls f(start, end, name) for each {{name}} in text; returns nothing.
template<typename F>
void forEachReference(const QString &text, F f)
{
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), pos);
        if (open < 0)
            return;
        const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            return;
        const QString name = text.mid(open + 2, close - open - 2).trimmed();
        if (!name.isEmpty() && !name.contains(QLatin1String("{{")))
            f(open, close + 2, name);
        pos = name.contains(QLatin1String("{{")) ? open + 2 : close + 2;
    }
}

} // namespace

ResolvedText VariableScope::resolve(const QString &text) const
{
    ResolvedText out;
    qsizetype copied = 0;
    forEachReference(text, [&](qsizetype start, qsizetype end, const QString &name) {
        const Variable *found = nullptr;
        for (const Environment &env : m_environments) {
            if ((found = env.find(name)))
                break;
        }
        out.text += QStringView(text).mid(copied, start - copied);
        if (found) {
            out.text += found->value;
        } else {
            out.text += QStringView(text).mid(start, end - start);
            if (!out.unresolved.contains(name))
                out.unresolved.append(name);
        }
        copied = end;
    });
    out.text += QStringView(text).mid(copied);
    return out;
}

QStringList VariableScope::referencedNames(const QString &text)
{
    QStringList names;
    forEachReference(text, [&](qsizetype, qsizetype, const QString &name) {
        if (!names.contains(name))
            names.append(name);
    });
    return names;
}

} // namespace wirescope

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace wirescope {

struct Variable {
    QString name;
    QString value;
    bool enabled = true;
};

// A named set of variables ("local", "staging"), as Postman's environments.
struct Environment {
    QString name;
    QList<Variable> variables;

    const Variable *find(const QString &name) const; // last enabled definition wins
};

struct ResolvedText {
    QString text;          // with every known {{name}} replaced
    QStringList unresolved; // names with no value, in order of first use, no duplicates
};

// The environments a request sees, most specific first: the first environment that
// defines a name wins. Values are not themselves expanded again (no recursion, so a
// value containing "{{x}}" is sent literally, which also rules out loops).
class VariableScope
{
public:
    VariableScope() = default;
    explicit VariableScope(QList<Environment> environments) : m_environments(std::move(environments)) {}

    void addEnvironment(const Environment &environment) { m_environments.append(environment); }
    const QList<Environment> &environments() const { return m_environments; }

    // {{name}}: name is trimmed; "{{" without a closing "}}" is literal text.
    ResolvedText resolve(const QString &text) const;
    static QStringList referencedNames(const QString &text);

private:
    QList<Environment> m_environments;
};

} // namespace wirescope

#include "ui/http/environmentstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace wirescope::EnvironmentStore {

namespace {
QString key() { return QStringLiteral("http/environments"); }
} // namespace

QByteArray toJson(const QList<Environment> &environments)
{
    QJsonArray list;
    for (const Environment &env : environments) {
        QJsonArray vars;
        for (const Variable &v : env.variables)
            vars.append(QJsonObject{{QStringLiteral("name"), v.name},
                                    {QStringLiteral("value"), v.value},
                                    {QStringLiteral("enabled"), v.enabled}});
        list.append(QJsonObject{{QStringLiteral("name"), env.name}, {QStringLiteral("variables"), vars}});
    }
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

QList<Environment> fromJson(const QByteArray &json)
{
    QList<Environment> result;
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonArray list = doc.array();
    for (const QJsonValue &item : list) {
        const QJsonObject o = item.toObject();
        Environment env;
        env.name = o.value(QStringLiteral("name")).toString();
        if (env.name.isEmpty())
            continue;
        const QJsonArray vars = o.value(QStringLiteral("variables")).toArray();
        for (const QJsonValue &v : vars) {
            const QJsonObject vo = v.toObject();
            env.variables.append({vo.value(QStringLiteral("name")).toString(), vo.value(QStringLiteral("value")).toString(),
                                  vo.value(QStringLiteral("enabled")).toBool(true)});
        }
        result.append(env);
    }
    return result;
}

QList<Environment> load()
{
    return fromJson(QSettings().value(key()).toByteArray());
}

void save(const QList<Environment> &environments)
{
    QSettings().setValue(key(), toJson(environments));
}

} // namespace wirescope::EnvironmentStore

#include "core/wire/jsondiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace wirescope {

namespace {

void compareAt(const JsonPath &path, const QJsonValue &a, const QJsonValue &b, QList<JsonDifference> &out)
{
    if (a.type() != b.type()) {
        out.append({path, a, b});
        return;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        QStringList keys = x.keys();
        for (const QString &k : y.keys())
            if (!x.contains(k))
                keys.append(k);
        std::sort(keys.begin(), keys.end());
        for (const QString &k : std::as_const(keys)) {
            const JsonPath child = path.member(k);
            if (!x.contains(k))
                out.append({child, std::nullopt, y.value(k)});
            else if (!y.contains(k))
                out.append({child, x.value(k), std::nullopt});
            else
                compareAt(child, x.value(k), y.value(k), out);
        }
        return;
    }
    if (a.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        const qsizetype n = std::max(x.size(), y.size());
        for (qsizetype i = 0; i < n; ++i) {
            const JsonPath child = path.index(i);
            if (i >= x.size())
                out.append({child, std::nullopt, y.at(i)});
            else if (i >= y.size())
                out.append({child, x.at(i), std::nullopt});
            else
                compareAt(child, x.at(i), y.at(i), out);
        }
        return;
    }
    if (a != b)
        out.append({path, a, b});
}

} // namespace

QList<JsonDifference> JsonDiff::compare(const QJsonValue &recorded, const QJsonValue &replayed)
{
    QList<JsonDifference> out;
    compareAt(JsonPath(), recorded, replayed, out);
    return out;
}

std::optional<QJsonValue> JsonDiff::parse(const QByteArray &text)
{
    // QJsonDocument holds only an object or an array: a scalar is read inside one.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + text + ']', &error);
    if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != 1)
        return std::nullopt;
    return document.array().at(0);
}

QString JsonDiff::text(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

} // namespace wirescope

#pragma once

#include "core/wire/variables.h"

#include <QList>

namespace wirescope {

// The user's environments ({{variable}} sets), kept in QSettings as JSON.
namespace EnvironmentStore {
QList<Environment> load();
void save(const QList<Environment> &environments);
QByteArray toJson(const QList<Environment> &environments);
QList<Environment> fromJson(const QByteArray &json); // malformed input gives an empty list
} // namespace EnvironmentStore

} // namespace wirescope

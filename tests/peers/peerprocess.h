#pragma once

#include <QString>

namespace wirescope::test {

// Placeholder until the peer fixtures land (issue 2).
QString peersDir();

} // namespace wirescope::test

#include "tests/peers/peerprocess.h"

namespace wirescope::test {

QString peersDir()
{
    return QStringLiteral(WIRESCOPE_PEERS_DIR);
}

} // namespace wirescope::test

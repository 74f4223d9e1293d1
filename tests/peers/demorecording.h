#pragma once

#include <QByteArray>
#include <QString>

namespace wirescope {
class Session;
}

namespace wirescope::test {

class DemoPeer;

// One recorded conversation with the demo server, for the exporters' tests: an HTTP GET
// carrying credentials (an Authorization header and a token in the query), a POST with a
// JSON body, and a WebSocket echo of a text, a binary and a fragmented message, a ping
// and a clean close. Everything lands in `session`'s timeline before this returns.
struct DemoRecording {
    static constexpr char kBearer[] = "Bearer s3cr3t-bearer";
    static constexpr char kToken[] = "t0k3n-value";
    static constexpr char kText[] = "hello, wire";
    static constexpr char kFragmented[] = "a message in three fragments";
    static QByteArray binary() { return QByteArray("\x00\x01\x02\xfe\xff binary", 11); }

    // False with the reason when the peer did not answer as expected.
    static bool record(Session &session, DemoPeer &demo, QString *error);
};

} // namespace wirescope::test

#pragma once

#include "core/wire/wsframewriter.h"

#include <QByteArray>
#include <QString>

namespace wirescope::bench {

// A bare blocking-socket RFC 6455 client on 127.0.0.1: the yardstick of what the socket
// allows (bench_ws, bench_lab). No event loop, no codec beyond the frame header; aborts the
// process on a socket error (a benchmark has no one to report to).
struct BareWsClient {
    int fd = -1;
    QByteArray buffer;
    qsizetype pos = 0;
    WsFrameWriter writer{WsRole::Client};

    ~BareWsClient();
    // Connects with TCP_NODELAY, sends the upgrade for `path` and reads the answer's head.
    bool connectTo(quint16 port, const QString &path);
    void writeAll(const QByteArray &bytes);
    void fill();
    // Reads one unmasked server frame; returns its payload length.
    quint64 readFrame();
};

} // namespace wirescope::bench

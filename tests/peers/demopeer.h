#pragma once

#include "core/demo/demoserver.h"

#include <QUrl>

namespace wirescope::test {

// The embedded demo server (core/demo) in this test process, on a free 127.0.0.1 port.
// It needs the test's event loop to serve (QTRY_*, QSignalSpy::wait, QEventLoop), which every
// Qt client test runs anyway. Stopped when destroyed.
class DemoPeer
{
public:
    DemoPeer() = default;
    DemoPeer(const DemoPeer &) = delete;
    DemoPeer &operator=(const DemoPeer &) = delete;

    // Listens on 127.0.0.1:0; false with the server's error string on failure.
    bool start(QString *error);
    void stop();

    quint16 port() const { return m_server.port(); }
    // http://127.0.0.1:port + path, ws://127.0.0.1:port + path (path starts with '/').
    QUrl httpUrl(const QString &path = QStringLiteral("/")) const;
    QUrl wsUrl(const QString &path) const;
    DemoServer &server() { return m_server; }

private:
    DemoServer m_server;
};

} // namespace wirescope::test

#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace wirescope::test {

// Folder of the fixtures' sources (ws_server.py, certs/).
QString peersDir();
// Folder of the committed test certificates: ca.crt, localhost.crt, localhost.key.
QString certsDir();

// Debian's /usr/bin/python3 (which has python3-websockets), never the pyenv one on PATH.
// Returns the path, or an empty string and a reason naming the package to install.
QString findSystemPython3(QString *error);
// /usr/sbin/nginx (Debian nginx-light), or PATH's nginx; empty string and a reason if missing.
QString findNginx(QString *error);

// A free TCP port on 127.0.0.1 at the time of the call (bind to port 0, read, release).
// Another process may take it before the peer binds it: callers retry (see NginxPeer).
quint16 freeLoopbackPort();

// One child process of a fixture: started with merged stdout/stderr so its last lines can be
// quoted in a failure message, and stopped (SIGTERM, then SIGKILL) when destroyed, so a
// failing test never leaves a server behind.
class PeerProcess
{
public:
    PeerProcess();
    ~PeerProcess();
    PeerProcess(const PeerProcess &) = delete;
    PeerProcess &operator=(const PeerProcess &) = delete;

    // Starts program; false with a reason if it cannot be executed.
    bool start(const QString &program, const QStringList &arguments, QString *error,
               const QString &workingDirectory = {});
    // SIGTERM, wait up to 3 s, then SIGKILL. Safe to call twice.
    void stop();
    bool isRunning() const;
    // Waits up to timeoutMs for one complete line of output matching prefix and returns
    // the rest of that line; empty if the process died or the time ran out.
    QByteArray waitForLine(const QByteArray &prefix, int timeoutMs);
    // Everything the process printed so far (output is drained on every call).
    QByteArray output();
    // The last maxLines lines of output, for error messages.
    QString outputTail(int maxLines = 15);
    // "exited with code 1" / "crashed" / "still running", for error messages.
    QString exitDescription() const;
    qint64 processId() const;

private:
    void drain();

    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
};

// The last maxLines lines of text (used for log files of peers that write their own logs).
QString tailOf(const QByteArray &text, int maxLines = 15);

} // namespace wirescope::test

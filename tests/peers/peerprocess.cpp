#include "tests/peers/peerprocess.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>

namespace wirescope::test {

QString peersDir()
{
    return QStringLiteral(WIRESCOPE_PEERS_DIR);
}

QString certsDir()
{
    return peersDir() + u"/certs";
}

QString findSystemPython3(QString *error)
{
    // The python3 on PATH may be a pyenv build without Debian's python3-websockets.
    const QString path = QStringLiteral("/usr/bin/python3");
    if (QFileInfo(path).isExecutable())
        return path;
    if (error)
        *error = QStringLiteral("%1 not found: install the Debian packages python3 and "
                                "python3-websockets (scripts/deps.sh)").arg(path);
    return {};
}

QString findNginx(QString *error)
{
    const QString debian = QStringLiteral("/usr/sbin/nginx");
    if (QFileInfo(debian).isExecutable())
        return debian;
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    if (!onPath.isEmpty())
        return onPath;
    if (error)
        *error = QStringLiteral("nginx not found (%1 or PATH): install the Debian package "
                                "nginx-light (scripts/deps.sh)").arg(debian);
    return {};
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString tailOf(const QByteArray &text, int maxLines)
{
    QList<QByteArray> lines = text.trimmed().split('\n');
    if (lines.size() > maxLines)
        lines = lines.mid(lines.size() - maxLines);
    return QString::fromUtf8(lines.join('\n'));
}

PeerProcess::PeerProcess() = default;

PeerProcess::~PeerProcess()
{
    stop();
}

bool PeerProcess::start(const QString &program, const QStringList &arguments, QString *error,
                        const QString &workingDirectory)
{
    stop();
    m_output.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    if (!workingDirectory.isEmpty())
        m_process->setWorkingDirectory(workingDirectory);
    m_process->start(program, arguments);
    if (!m_process->waitForStarted(5000)) {
        if (error)
            *error = QStringLiteral("cannot run %1: %2").arg(program, m_process->errorString());
        m_process.reset();
        return false;
    }
    return true;
}

void PeerProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
    drain();
    m_process.reset();
}

bool PeerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QByteArray PeerProcess::waitForLine(const QByteArray &prefix, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    qsizetype searchFrom = 0;
    while (m_process) {
        drain();
        for (;;) {
            const qsizetype end = m_output.indexOf('\n', searchFrom);
            if (end < 0)
                break;
            const QByteArray line = m_output.mid(searchFrom, end - searchFrom).trimmed();
            searchFrom = end + 1;
            if (line.startsWith(prefix))
                return line.mid(prefix.size()).trimmed();
        }
        if (m_process->state() == QProcess::NotRunning || deadline.hasExpired())
            return {};
        m_process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 200)));
    }
    return {};
}

QByteArray PeerProcess::output()
{
    drain();
    return m_output;
}

QString PeerProcess::outputTail(int maxLines)
{
    drain();
    return tailOf(m_output, maxLines);
}

QString PeerProcess::exitDescription() const
{
    if (!m_process)
        return QStringLiteral("not started");
    if (m_process->state() != QProcess::NotRunning)
        return QStringLiteral("still running");
    if (m_process->exitStatus() == QProcess::CrashExit)
        return QStringLiteral("crashed (%1)").arg(m_process->errorString());
    return QStringLiteral("exited with code %1").arg(m_process->exitCode());
}

qint64 PeerProcess::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void PeerProcess::drain()
{
    if (m_process)
        m_output += m_process->readAll();
}

} // namespace wirescope::test

#pragma once

#include <QCoreApplication>
#include <QProcess>

#include <csignal>

namespace wirescope::test {

// This test binary started again as a child that records until it is killed, printing how
// far it got, one number per line (the crash-recovery tests: kill -9 mid-capture).
class CountingChild
{
public:
    // Starts the child with `variable`=`value` in its environment (what makes it record).
    bool start(const QString &variable, const QString &value)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(variable, value);
        m_process.setProcessEnvironment(env);
        m_process.start(QCoreApplication::applicationFilePath(), {});
        return m_process.waitForStarted();
    }
    // The last number it printed so far (0: none yet).
    qint64 latest()
    {
        for (const QByteArray &line : m_process.readAllStandardOutput().split('\n'))
            if (!line.isEmpty())
                m_latest = line.toLongLong();
        return m_latest;
    }
    // SIGKILL: no destructor, no last commit. True once it died of it.
    bool kill()
    {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        return m_process.waitForFinished() && m_process.exitStatus() == QProcess::CrashExit;
    }

private:
    QProcess m_process;
    qint64 m_latest = 0;
};

} // namespace wirescope::test

#include "tests/peers/demopeer.h"

namespace wirescope::test {

bool DemoPeer::start(QString *error)
{
    if (m_server.isListening())
        return true;
    if (m_server.start(0))
        return true;
    if (error)
        *error = QStringLiteral("demo server could not listen on 127.0.0.1: %1").arg(m_server.errorString());
    return false;
}

void DemoPeer::stop()
{
    m_server.stop();
}

QUrl DemoPeer::httpUrl(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.port()).arg(path));
}

QUrl DemoPeer::wsUrl(const QString &path) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_server.port()).arg(path));
}

} // namespace wirescope::test

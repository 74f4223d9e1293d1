#include "tests/peers/pythonwspeer.h"

namespace wirescope::test {

bool PythonWsPeer::start(const Options &options, QString *error)
{
    stop();
    QString reason;
    const QString python = findSystemPython3(&reason);
    if (python.isEmpty()) {
        if (error)
            *error = reason;
        return false;
    }
    QStringList arguments = {QStringLiteral("-u"), peersDir() + u"/ws_server.py",
                             QStringLiteral("--compression"),
                             options.compression == Compression::Deflate ? QStringLiteral("deflate")
                                                                         : QStringLiteral("none"),
                             QStringLiteral("--max-size"), QString::number(options.maxMessageSize)};
    if (!options.subprotocols.isEmpty())
        arguments << QStringLiteral("--subprotocols") << options.subprotocols.join(u',');
    if (options.tls)
        arguments << QStringLiteral("--tls") << certsDir() + u"/localhost.crt" << certsDir() + u"/localhost.key";
    if (options.closeAfterMessages > 0) {
        arguments << QStringLiteral("--close-after") << QString::number(options.closeAfterMessages)
                  << QStringLiteral("--close-code") << QString::number(options.closeCode)
                  << QStringLiteral("--close-reason") << options.closeReason;
    }
    if (options.pingIntervalMs > 0)
        arguments << QStringLiteral("--ping-interval") << QString::number(options.pingIntervalMs / 1000.0);
    if (options.floodBytes > 0)
        arguments << QStringLiteral("--flood-bytes") << QString::number(options.floodBytes);
    if (options.clientMaxWindowBits > 0)
        arguments << QStringLiteral("--client-max-window-bits") << QString::number(options.clientMaxWindowBits);

    if (!m_process.start(python, arguments, error))
        return false;
    const QByteArray port = m_process.waitForLine("PORT ", 15000);
    bool ok = false;
    m_port = quint16(port.toUInt(&ok));
    if (!ok || m_port == 0) {
        if (error)
            *error = QStringLiteral("python websockets peer (%1 %2) did not report its port (%3):\n%4")
                         .arg(python, arguments.join(u' '), m_process.exitDescription(),
                              m_process.outputTail());
        m_process.stop();
        m_port = 0;
        return false;
    }
    m_tls = options.tls;
    return true;
}

void PythonWsPeer::stop()
{
    m_process.stop();
}

bool PythonWsPeer::isRunning() const
{
    return m_process.isRunning();
}

QUrl PythonWsPeer::url(const QString &path) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                    .arg(m_tls ? QStringLiteral("wss") : QStringLiteral("ws"))
                    .arg(m_port)
                    .arg(path));
}

QString PythonWsPeer::outputTail(int maxLines)
{
    return m_process.outputTail(maxLines);
}

} // namespace wirescope::test

#include "core/demo/demolabmeter.h"

#include "core/demo/demolabrun.h"

#include <QTcpSocket>

namespace wirescope {

DemoLabMeter::DemoLabMeter(QTcpSocket *socket)
    : QObject(socket)
    , m_socket(socket)
{
    connect(socket, &QTcpSocket::channelBytesWritten, this, [this](int, qint64 bytes) { add(0, bytes); });
    connect(socket, &QTcpSocket::disconnected, this, &DemoLabMeter::finish);
}

DemoLabMeter::~DemoLabMeter()
{
    // Destroyed with its socket (the socket is half gone: not read here).
    if (!m_finished && m_attached && m_run)
        m_run->connectionClosed();
}

DemoLabMeter *DemoLabMeter::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<DemoLabMeter *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

QByteArray DemoLabMeter::read(qint64 maxSize)
{
    const QByteArray bytes = m_socket->read(maxSize);
    add(bytes.size(), 0);
    return bytes;
}

void DemoLabMeter::skip(qint64 size)
{
    const qint64 skipped = m_socket->skip(size);
    if (skipped > 0)
        add(skipped, 0);
}

void DemoLabMeter::countRequest()
{
    ++m_requests;
    if (m_attached && m_run)
        m_run->addRequests(1);
}

void DemoLabMeter::attach(DemoLabRun *run)
{
    if (m_attached || !run)
        return;
    m_attached = true;
    m_run = run;
    run->connectionOpened();
    run->addBytes(m_in, m_out);
    run->addRequests(m_requests);
    if (m_finished)
        run->connectionClosed();
}

void DemoLabMeter::add(qint64 in, qint64 out)
{
    m_in += in;
    m_out += out;
    if (m_attached && m_run)
        m_run->addBytes(in, out);
}

void DemoLabMeter::finish()
{
    if (m_finished)
        return;
    // Bytes the peer sent that nobody read are still bytes the socket received.
    add(m_socket->bytesAvailable(), 0);
    m_finished = true;
    if (m_attached && m_run)
        m_run->connectionClosed();
}

} // namespace wirescope

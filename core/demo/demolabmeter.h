#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace wirescope {

class DemoLabRun;

// The bytes one connection of the demo server carried, counted at the socket, and the run
// they belong to (docs/lab-endpoints.md "Server-side counts"). Out: every byte the socket
// handed to the kernel (QAbstractSocket::channelBytesWritten, which unlike bytesWritten is
// never held back inside its own slot). In: every byte taken from the socket through read()
// and skip() here, plus what was still unread when the connection closed. It lives as a
// child of its socket, so it stays with the socket when a WebSocket upgrade takes it over.
//
// The first request of the connection decides the run (attach()); what was counted before
// (that request's head) goes to the run then, and everything after as it happens.
class DemoLabMeter : public QObject
{
    Q_OBJECT
public:
    explicit DemoLabMeter(QTcpSocket *socket);
    ~DemoLabMeter() override;

    QByteArray read(qint64 maxSize);
    void skip(qint64 size);
    void countRequest();

    void attach(DemoLabRun *run);
    DemoLabRun *run() const { return m_run; }
    bool isAttached() const { return m_attached; }

    qint64 bytesIn() const { return m_in; }
    qint64 bytesOut() const { return m_out; }

    // The meter of a socket (null when the server did not create one).
    static DemoLabMeter *of(QTcpSocket *socket);

private:
    void add(qint64 in, qint64 out);
    void finish();

    QTcpSocket *m_socket;
    QPointer<DemoLabRun> m_run;
    bool m_attached = false;
    bool m_finished = false;
    qint64 m_in = 0;
    qint64 m_out = 0;
    qint64 m_requests = 0;
};

} // namespace wirescope

#pragma once

#include <QObject>
#include <QUrl>

class QTcpServer;

namespace wirescope {

// The embedded demo server, loopback only. (Skeleton: the endpoints arrive with issue 2.)
class DemoServer : public QObject
{
    Q_OBJECT
public:
    explicit DemoServer(QObject *parent = nullptr);

    // Listens on 127.0.0.1; port 0 picks a free one.
    bool start(quint16 port = 0);
    void stop();
    bool isListening() const;
    quint16 port() const;
    QUrl httpBaseUrl() const;
    QUrl wsBaseUrl() const;
    QString errorString() const;

private:
    QTcpServer *m_server;
};

} // namespace wirescope

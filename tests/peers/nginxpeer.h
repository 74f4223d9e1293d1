#pragma once

#include "tests/peers/peerprocess.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace wirescope::test {

// A real nginx (Debian nginx-light, /usr/sbin/nginx) on a free 127.0.0.1 port, with its own
// prefix, config, logs, pid and temp files in a QTemporaryDir (nothing under /etc or /var).
// It runs in the foreground (`daemon off; master_process on;`, one worker) and is stopped
// when the object is destroyed.
//
// What it serves (paths relative to httpUrl()):
//   /small.html  exactly 1024 bytes of HTML      /big.txt   ~200 KiB of compressible text
//   /data.json   a JSON document                 /status    stub_status counters
//   /redirect/N  302 to /redirect/N-1 ... /redirect/1 -> /small.html (N = 1..20)
//   /ws/...      WebSocket reverse proxy to 127.0.0.1:wsBackendPort, URI kept (/ws/echo)
//   /proxy/...   HTTP/1.1 reverse proxy to 127.0.0.1:httpBackendPort with the /proxy prefix
//                removed (/proxy/stream/3 -> /stream/3), unbuffered, so a chunked upstream
//                arrives chunked and streamed
// gzip is on for text/html, text/plain and application/json above 64 bytes (gzip_vary on),
// keepalive_requests 100000, tcp_nodelay on. With Options::tls the same server also listens
// with TLS on tlsPort() using tests/peers/certs/localhost.{crt,key} (signed by certs/ca.crt).
class NginxPeer
{
public:
    struct Options
    {
        quint16 wsBackendPort = 0;   // 0: no /ws/ location (404)
        quint16 httpBackendPort = 0; // 0: no /proxy/ location (404)
        bool tls = false;            // also listen with TLS on tlsPort()
        bool gzip = true;
    };

    NginxPeer();
    ~NginxPeer();
    NginxPeer(const NginxPeer &) = delete;
    NginxPeer &operator=(const NginxPeer &) = delete;

    // Writes the config and files, starts nginx and waits until it answers on its port
    // (retries a few ports if another process took the chosen one). On failure returns
    // false and a reason: binary missing, config rejected, process died, with its log tail.
    bool start(const Options &options, QString *error);
    bool start(QString *error) { return start(Options(), error); }
    void stop();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    quint16 tlsPort() const { return m_tlsPort; }
    // http://127.0.0.1:port + path (path starts with '/').
    QUrl httpUrl(const QString &path = QStringLiteral("/")) const;
    QUrl httpsUrl(const QString &path = QStringLiteral("/")) const;
    QUrl wsUrl(const QString &path) const;
    QUrl wssUrl(const QString &path) const;

    // The exact bytes of a served static file ("small.html", "big.txt", "data.json").
    static QByteArray fileContent(const QString &name);
    // The generated nginx.conf, and the tail of error.log / access.log, for failure messages.
    QString configText() const;
    QString errorLogTail(int maxLines = 15) const;
    QString accessLogTail(int maxLines = 15) const;
    QString directory() const;

private:
    bool writeFiles(const Options &options, QString *error);
    bool waitUntilServing(QString *error, bool *portClash);

    std::unique_ptr<QTemporaryDir> m_dir;
    PeerProcess m_process;
    QByteArray m_token;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
};

} // namespace wirescope::test

#include "tests/peers/nginxpeer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

namespace wirescope::test {

namespace {

constexpr int kPortAttempts = 4;
constexpr int kStartTimeoutMs = 10000;

QByteArray makeSmallHtml()
{
    QByteArray html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>small</title>"
                      "</head>\n<body><p>";
    const QByteArray tail = "</p></body></html>\n";
    const QByteArray filler = "Wirescope test page. ";
    while (html.size() + tail.size() < 1024)
        html += filler;
    html.truncate(1024 - tail.size());
    return html + tail;
}

QByteArray makeBigText()
{
    QByteArray text;
    text.reserve(200 * 1024 + 100);
    for (int i = 1; text.size() < 200 * 1024; ++i)
        text += QByteArray("line ") + QByteArray::number(i).rightJustified(6, '0')
                + ": the quick brown fox jumps over the lazy dog\n";
    text.truncate(200 * 1024);
    return text;
}

QByteArray makeDataJson()
{
    QByteArray json = "{\"name\":\"wirescope\",\"kind\":\"test fixture\",\"items\":[";
    for (int i = 0; i < 20; ++i) {
        if (i)
            json += ',';
        json += "{\"id\":" + QByteArray::number(i) + ",\"label\":\"item " + QByteArray::number(i)
                + "\",\"even\":" + (i % 2 ? "false" : "true") + '}';
    }
    json += "]}\n";
    return json;
}

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

NginxPeer::NginxPeer() = default;

NginxPeer::~NginxPeer()
{
    stop();
}

QByteArray NginxPeer::fileContent(const QString &name)
{
    if (name == u"small.html")
        return makeSmallHtml();
    if (name == u"big.txt")
        return makeBigText();
    if (name == u"data.json")
        return makeDataJson();
    return {};
}

bool NginxPeer::start(const Options &options, QString *error)
{
    stop();
    QString reason;
    const QString nginx = findNginx(&reason);
    if (nginx.isEmpty()) {
        if (error)
            *error = reason;
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        if (error)
            *error = QStringLiteral("nginx peer: cannot create a temporary directory: %1")
                         .arg(m_dir->errorString());
        return false;
    }
    const QString dir = m_dir->path();
    for (const char *sub : {"html", "logs", "tmp"}) {
        if (!QDir(dir).mkpath(QString::fromLatin1(sub))) {
            if (error)
                *error = QStringLiteral("nginx peer: cannot create %1/%2").arg(dir, QString::fromLatin1(sub));
            return false;
        }
    }
    for (const QString &name : {QStringLiteral("small.html"), QStringLiteral("big.txt"),
                                QStringLiteral("data.json")}) {
        if (!writeFile(dir + u"/html/" + name, fileContent(name), error))
            return false;
    }

    for (int attempt = 1; attempt <= kPortAttempts; ++attempt) {
        m_port = freeLoopbackPort();
        m_tlsPort = options.tls ? freeLoopbackPort() : 0;
        if (m_port == 0 || (options.tls && (m_tlsPort == 0 || m_tlsPort == m_port))) {
            if (error)
                *error = QStringLiteral("nginx peer: no free port on 127.0.0.1");
            continue;
        }
        m_token = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        if (!writeFiles(options, error))
            return false;
        QFile::remove(dir + u"/logs/error.log");
        // -p: every relative path is inside the temporary prefix; -g: stay in the foreground
        // so QProcess owns the master, which takes its worker down on SIGTERM.
        if (!m_process.start(nginx,
                             {QStringLiteral("-p"), dir + u'/', QStringLiteral("-c"), dir + u"/nginx.conf",
                              QStringLiteral("-g"), QStringLiteral("daemon off; master_process on;")},
                             error)) {
            return false;
        }
        bool portClash = false;
        if (waitUntilServing(error, &portClash))
            return true;
        m_process.stop();
        if (!portClash)
            return false;
    }
    if (error)
        *error = QStringLiteral("nginx peer: the chosen port was taken %1 times in a row; last error: %2")
                     .arg(kPortAttempts)
                     .arg(*error);
    return false;
}

bool NginxPeer::writeFiles(const Options &options, QString *error)
{
    const QString dir = m_dir->path();
    QString conf;
    conf += QStringLiteral("worker_processes 1;\n"
                           "error_log %1/logs/error.log notice;\n"
                           "pid %1/logs/nginx.pid;\n").arg(dir);
    // As root, nginx would run its worker as "nobody", which cannot read the 0700 temp dir.
    if (::geteuid() == 0)
        conf += QStringLiteral("user root root;\n");
    conf += QStringLiteral("events { worker_connections 1024; }\n"
                           "http {\n"
                           "  types { text/html html; text/plain txt; application/json json; }\n"
                           "  default_type application/octet-stream;\n"
                           "  access_log %1/logs/access.log;\n"
                           "  client_body_temp_path %1/tmp/body;\n"
                           "  proxy_temp_path %1/tmp/proxy;\n"
                           "  fastcgi_temp_path %1/tmp/fastcgi;\n"
                           "  uwsgi_temp_path %1/tmp/uwsgi;\n"
                           "  scgi_temp_path %1/tmp/scgi;\n"
                           "  sendfile on;\n"
                           "  tcp_nodelay on;\n"
                           "  keepalive_timeout 65s;\n"
                           "  keepalive_requests 100000;\n"
                           // Relative Location headers: clients must resolve them (RFC 9110 §10.2.2).
                           "  absolute_redirect off;\n").arg(dir);
    if (options.gzip) {
        conf += QStringLiteral("  gzip on;\n"
                               "  gzip_types text/plain application/json;\n"
                               "  gzip_min_length 64;\n"
                               "  gzip_vary on;\n");
    }
    // RFC 6455 §4.1 / RFC 9110 §7.8: Upgrade is hop-by-hop, a proxy forwards it explicitly.
    conf += QStringLiteral("  map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n"
                           "  server {\n"
                           "    listen 127.0.0.1:%1;\n").arg(m_port);
    if (options.tls) {
        conf += QStringLiteral("    listen 127.0.0.1:%1 ssl;\n"
                               "    ssl_certificate %2/localhost.crt;\n"
                               "    ssl_certificate_key %2/localhost.key;\n"
                               "    ssl_protocols TLSv1.2 TLSv1.3;\n").arg(m_tlsPort).arg(certsDir());
    }
    conf += QStringLiteral("    server_name localhost;\n"
                           "    root %1/html;\n"
                           "    location = /__wirescope_peer { default_type text/plain; return 200 \"%2\"; }\n"
                           "    location = /status { stub_status; }\n")
                .arg(dir, QString::fromLatin1(m_token));
    for (int n = 1; n <= 20; ++n) {
        const QString target = n == 1 ? QStringLiteral("/small.html") : QStringLiteral("/redirect/%1").arg(n - 1);
        conf += QStringLiteral("    location = /redirect/%1 { return 302 %2; }\n").arg(n).arg(target);
    }
    if (options.wsBackendPort) {
        conf += QStringLiteral("    location /ws/ {\n"
                               "      proxy_pass http://127.0.0.1:%1;\n"
                               "      proxy_http_version 1.1;\n"
                               "      proxy_set_header Upgrade $http_upgrade;\n"
                               "      proxy_set_header Connection $connection_upgrade;\n"
                               "      proxy_set_header Host $http_host;\n"
                               "      proxy_read_timeout 3600s;\n"
                               "      proxy_send_timeout 3600s;\n"
                               "      proxy_buffering off;\n"
                               "      gzip off;\n"
                               "    }\n").arg(options.wsBackendPort);
    }
    if (options.httpBackendPort) {
        conf += QStringLiteral("    location /proxy/ {\n"
                               "      proxy_pass http://127.0.0.1:%1/;\n"
                               "      proxy_http_version 1.1;\n"
                               "      proxy_set_header Connection \"\";\n"
                               "      proxy_set_header Host $http_host;\n"
                               "      proxy_buffering off;\n"
                               "      proxy_request_buffering off;\n"
                               "      proxy_read_timeout 60s;\n"
                               "      gzip off;\n"
                               "    }\n").arg(options.httpBackendPort);
    }
    conf += QStringLiteral("  }\n}\n");
    return writeFile(dir + u"/nginx.conf", conf.toUtf8(), error);
}

bool NginxPeer::waitUntilServing(QString *error, bool *portClash)
{
    *portClash = false;
    QDeadlineTimer deadline(kStartTimeoutMs);
    const QByteArray request = "GET /__wirescope_peer HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    while (!deadline.hasExpired()) {
        if (!m_process.isRunning()) {
            const QString log = m_process.outputTail() + u'\n' + errorLogTail();
            *portClash = log.contains(u"Address already in use");
            if (error)
                *error = QStringLiteral("nginx peer %1 before serving on port %2:\n%3")
                             .arg(m_process.exitDescription())
                             .arg(m_port)
                             .arg(log.trimmed());
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(500)) {
            socket.write(request);
            QByteArray answer;
            while (socket.waitForReadyRead(1000))
                answer += socket.readAll();
            answer += socket.readAll();
            // The token proves the answer came from this nginx, not from whoever held the port.
            if (answer.startsWith("HTTP/1.1 200") && answer.endsWith(m_token))
                return true;
        }
        QThread::msleep(50);
    }
    if (error)
        *error = QStringLiteral("nginx peer did not answer on 127.0.0.1:%1 within %2 ms:\n%3\n%4")
                     .arg(m_port)
                     .arg(kStartTimeoutMs)
                     .arg(m_process.outputTail(), errorLogTail());
    return false;
}

void NginxPeer::stop()
{
    m_process.stop();
}

bool NginxPeer::isRunning() const
{
    return m_process.isRunning();
}

QUrl NginxPeer::httpUrl(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

QUrl NginxPeer::httpsUrl(const QString &path) const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(m_tlsPort).arg(path));
}

QUrl NginxPeer::wsUrl(const QString &path) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path));
}

QUrl NginxPeer::wssUrl(const QString &path) const
{
    return QUrl(QStringLiteral("wss://127.0.0.1:%1%2").arg(m_tlsPort).arg(path));
}

QString NginxPeer::configText() const
{
    return m_dir ? QString::fromUtf8(readFile(m_dir->path() + u"/nginx.conf")) : QString();
}

QString NginxPeer::errorLogTail(int maxLines) const
{
    return m_dir ? tailOf(readFile(m_dir->path() + u"/logs/error.log"), maxLines) : QString();
}

QString NginxPeer::accessLogTail(int maxLines) const
{
    return m_dir ? tailOf(readFile(m_dir->path() + u"/logs/access.log"), maxLines) : QString();
}

QString NginxPeer::directory() const
{
    return m_dir ? m_dir->path() : QString();
}

} // namespace wirescope::test

#include "tests/bench/barewsclient.h"

#include "core/wire/wshandshake.h"

#include <QUrl>

#include <cstdlib>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace wirescope::bench {

BareWsClient::~BareWsClient()
{
    if (fd >= 0)
        ::close(fd);
}

bool BareWsClient::connectTo(quint16 port, const QString &path)
{
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
        return false;
    WsHandshakeRequestOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(port).arg(path));
    writeAll(wsBuildHandshakeRequest(options).bytes);
    while (buffer.indexOf("\r\n\r\n") < 0)
        fill();
    pos = buffer.indexOf("\r\n\r\n") + 4;
    writer.setFixedMaskKey(WsMaskKey{1, 2, 3, 4});
    return true;
}

void BareWsClient::writeAll(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n <= 0)
            std::abort();
        done += n;
    }
}

void BareWsClient::fill()
{
    if (pos > 0 && pos == buffer.size()) {
        buffer.clear();
        pos = 0;
    }
    char chunk[65536];
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0)
        std::abort();
    buffer.append(chunk, n);
}

quint64 BareWsClient::readFrame()
{
    while (buffer.size() - pos < 2)
        fill();
    auto byte = [&](qsizetype i) { return quint8(buffer.at(pos + i)); };
    quint64 len = byte(1) & 0x7f;
    qsizetype header = 2;
    if (len == 126) {
        while (buffer.size() - pos < 4)
            fill();
        len = (quint64(byte(2)) << 8) | byte(3);
        header = 4;
    } else if (len == 127) {
        while (buffer.size() - pos < 10)
            fill();
        len = 0;
        for (int i = 0; i < 8; ++i)
            len = (len << 8) | byte(2 + i);
        header = 10;
    }
    while (quint64(buffer.size() - pos) < header + len)
        fill();
    pos += header + qsizetype(len);
    if (pos > (4 << 20)) {
        buffer.remove(0, pos);
        pos = 0;
    }
    return len;
}

} // namespace wirescope::bench

#include "tests/peers/testclient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace wirescope::test {

QByteArray FetchResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FetchResult fetch(QNetworkAccessManager &manager, QNetworkRequest request, const QByteArray &verb,
                  const QByteArray &body, int timeoutMs)
{
    FetchResult result;
    std::unique_ptr<QNetworkReply> reply(manager.sendCustomRequest(request, verb, body));
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    if (!reply->isFinished()) {
        reply->abort();
        result.error = QStringLiteral("no answer within %1 ms from %2").arg(timeoutMs).arg(request.url().toString());
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.finalUrl = reply->url();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.error = reply->errorString();
    return result;
}

QByteArray rawExchange(quint16 port, const QByteArray &request, int timeoutMs, const QByteArray &stopAfter)
{
    QTcpSocket socket;
    QEventLoop loop;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        received += socket.readAll();
        if (!stopAfter.isEmpty() && received.contains(stopAfter))
            loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(request); });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    received += socket.readAll();
    return received;
}

} // namespace wirescope::test

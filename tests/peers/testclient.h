#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPair>
#include <QString>
#include <QUrl>

namespace wirescope::test {

// What an independent client (QNetworkAccessManager) received for one request.
struct FetchResult
{
    int status = 0;                // HTTP status, 0 if none
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // as Qt reports them
    QUrl finalUrl;                 // after redirects, if followed
    QString error;                 // empty on success (an HTTP error status is not an error here)
    QByteArray header(const QByteArray &name) const;
};

// Sends one request through manager and waits (event loop) up to timeoutMs.
FetchResult fetch(QNetworkAccessManager &manager, QNetworkRequest request,
                  const QByteArray &verb = "GET", const QByteArray &body = {}, int timeoutMs = 15000);

// Writes raw request bytes to 127.0.0.1:port and returns every byte received until the peer
// closes, timeoutMs elapse, or stopAfter (if given) appears in the received bytes. Used to
// assert the exact bytes on the wire (chunked framing, header order), which QNAM hides.
QByteArray rawExchange(quint16 port, const QByteArray &request, int timeoutMs = 10000,
                       const QByteArray &stopAfter = {});

} // namespace wirescope::test

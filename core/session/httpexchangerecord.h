#pragma once

#include "core/session/failure.h"
#include "core/session/phasetimings.h"
#include "core/session/tlsinfo.h"
#include "core/wire/httprequest.h"
#include "core/wire/httpresponse.h"
#include "core/wire/httpresponseparser.h"
#include "core/wire/sseparser.h"

#include <QList>
#include <QMetaType>
#include <QNetworkProxy>
#include <QSslCertificate>


namespace wirescope {

struct HttpRequestOptions {
    bool followRedirects = false;
    int maxRedirects = 10;
    bool ignoreCertificateErrors = false;   // explicit, per request
    QList<QSslCertificate> caCertificates;  // trusted in addition to the system store
    bool acceptCompressed = false;          // add Accept-Encoding: gzip, deflate, br
    bool decodeContent = true;              // decode Content-Encoding into decodedBody
    qint64 decodedBodyLimit = 64 * 1024 * 1024; // output cap against decompression bombs
    int connectTimeoutMs = 10'000;          // DNS + TCP + TLS
    int totalTimeoutMs = 30'000;            // whole exchange incl. redirects; 0 = none
    bool reuseConnections = true;           // keep-alive pool per origin
    bool useCookies = true;                 // the client's cookie jar
    QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    HttpParserLimits limits;
    HttpParserLeniency leniency;
};

enum class ExchangePhase : quint8 {
    Queued,
    Resolving,
    Connecting,
    TlsHandshake,
    Sending,
    Waiting,
    Receiving,
    Done,
};

// A record of a server-sent event stream (WHATWG HTML §9.2.5-9.2.6) and the time of the read
// that completed it, on the session's clock. Its span counts body bytes (de-chunked).
struct SseArrival {
    SseRecord record;
    qint64 tNs = 0;
};

struct HttpProgress {
    ExchangePhase phase = ExchangePhase::Queued;
    int hop = 0;            // 0 = the first request, 1.. = redirects followed
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    qint64 tNs = 0;
    // Receiving, once the head is read: what a view shows of a body still arriving (a
    // stream). `bodyAdded`: the body bytes (de-chunked, not content-decoded) read since the
    // previous report, a copy of its own (sharing the growing body would make the parser copy
    // all of it at its next append); HttpEngine fills it, up to its liveBodyBytes.
    int status = 0;
    QByteArray contentType;
    QByteArray contentEncoding;
    qsizetype chunks = 0;
    qint64 bodyBytes = 0;
    QByteArray bodyAdded;
    // A text/event-stream body that is not content-encoded is parsed on the engine's thread
    // (HttpEngine): the records completed since the previous report (Receiving), and at Done
    // the block the stream ended in. `sseError`: the parser stopped at a limit.
    QList<SseArrival> sseRecords;
    QString sseError;
};

struct ConnectionInfo {
    quint64 id = 0;             // per client, counts from 1
    bool reused = false;
    QString remoteAddress;      // "127.0.0.1"
    quint16 remotePort = 0;
    QString localAddress;
    quint16 localPort = 0;
    QString proxy;              // "http://host:port" or empty
    TlsInfo tls;
};

// One request/response on the wire. A redirect chain is a list of hops.
struct HttpHop {
    PreparedRequest request;
    QByteArray requestBytes;   // exactly as written to the socket
    HttpResponse response;
    QByteArray responseBytes;  // exactly as read for this response (interim 1xx included)
    qint64 responseStreamOffset = -1; // where responseBytes start in the connection's inbound stream
    PhaseTimings timings;
    ConnectionInfo connection;
    bool complete = false;     // a whole response was parsed
};

struct HttpExchangeRecord {
    quint64 id = 0;
    HttpRequest request;        // as the user composed it
    HttpRequestOptions options;
    QList<HttpHop> hops;        // hops.last() is the final answer; earlier ones are redirects
    Failure error;              // null when the exchange completed (whatever the status)
    qint64 startNs = -1;
    qint64 endNs = -1;

    const HttpHop *finalHop() const { return hops.isEmpty() ? nullptr : &hops.last(); }
    bool completed() const { return error.isNull() && !hops.isEmpty() && hops.last().complete; }
};

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::HttpProgress)
Q_DECLARE_METATYPE(wirescope::HttpExchangeRecord)

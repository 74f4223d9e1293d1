#pragma once

#include "core/lab/labdriver.h"
#include "core/session/httpexchangerecord.h"
#include "core/wire/sseparser.h"

#include <QHash>
#include <QTimer>

namespace wirescope {

class HttpExchange;

// The HTTP transports of the lab: poll (a new connection per request), keepalive (polls on
// one kept-alive connection), longpoll (held until there is news), sse and stream (one
// response held open). The client's own messages go to /lab/echo (poll, keepalive: answered
// in the response) or /lab/send (relayed into the run's channel), on keep-alive connections
// of their own. Every byte is counted from the client's connections' Taps; the records
// (request and response heads, chunk framing, the body's SSE fields and line ends) say
// what the bytes were.
class LabHttpDriver : public LabDriver
{
    Q_OBJECT
public:
    explicit LabHttpDriver(const LabDriverSetup &setup);
    ~LabHttpDriver() override;

protected:
    void begin() override;
    void abortIo() override;
    QString pending() const override;
    bool sendClientMessage(qint64 cseq, const QByteArray &message) override;
    bool serverSideDone() const override;
    bool channelClosed() const override;
    bool requestsOutstanding() const override { return m_sendsOutstanding > 0; }

private:
    enum class Role : quint8 { Channel, Send };
    struct Exchange
    {
        Role role = Role::Channel;
        QString endpoint;      // "poll", "sse", "send", ...
        bool finalPoll = false;
        bool checked = false;  // status and content type seen
        bool chunked = false;
        qint64 headBytes = 0;  // of the response, once read
        qint64 bodyBytes = 0;  // de-chunked body read so far
        QByteArray line;       // an NDJSON line not ended yet
        SseParser sse;
    };

    bool usesChannel() const;
    bool isStreaming() const;
    QString channelEndpoint() const;
    HttpRequestOptions options(bool keepAlive) const;
    HttpExchange *startExchange(Role role, const QString &endpoint, const QByteArray &method, const QUrl &url,
                                const QByteArray &body);
    void startPoll();
    void schedulePoll();
    void onReceiving(HttpExchange *exchange, const HttpResponse &response, qsizetype added, qint64 tNs);
    void onFinished(HttpExchange *exchange, const HttpExchangeRecord &record);
    void finishChannel(Exchange &state, const HttpExchangeRecord &record);
    void finishSend(Exchange &state, const HttpExchangeRecord &record);
    // The kinds of bytes in an exchange's requests and response heads and framing.
    void account(const Exchange &state, const HttpExchangeRecord &record);
    QString statusError(const QString &endpoint, const HttpResponse &response) const;

    QHash<HttpExchange *, Exchange> m_exchanges;
    QTimer m_pollTimer;
    qint64 m_lastPollStartNs = -1;
    bool m_channelParametersSent = false;
    bool m_sendParametersSent = false;
    bool m_channelEnded = false;
    int m_sendsOutstanding = 0;
    int m_maxLineBytes;
    QMetaObject::Connection m_chunks;
};

} // namespace wirescope

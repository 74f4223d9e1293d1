#pragma once

#include "core/wire/httprequest.h"
#include "core/wire/sseparser.h"

#include <QByteArrayView>
#include <QString>

#include <vector>

namespace wirescope {

struct HttpResponse;

// The decisions of an EventSource (WHATWG HTML §9.2.3, "The EventSource interface"), as pure
// value code shared by `wirescope-cli sse` and the window: fed the request to repeat, each
// response head, the body (or records parsed elsewhere) and the end of each response, it says
// what the stream is and what to do next. Timers, sockets and output belong to the caller.
class EventSourceState
{
public:
    // The reconnection time before a server sets one: §9.2.3 leaves it to the user agent; a
    // few seconds is what browsers use.
    static constexpr qint64 defaultRetryMs = 3000;

    // What a response head means for the stream.
    enum class Head : quint8 {
        Redirect,   // a redirect that will be followed: its body is not the stream
        Open,       // 200 with Content-Type text/event-stream: the stream is announced open
        Compressed, // as Open, but with a Content-Encoding: the body cannot be read as it
                    // arrives (only when acceptCompressed; otherwise a failure, reason() says)
        NoContent,  // 204: the server ended the stream; no reconnection
        BadStatus,  // any other status: the connection fails for good
        BadType,    // 200 with another Content-Type: the connection fails for good
    };
    // What to do when a response ended.
    enum class Next : quint8 { Reconnect, End };

    explicit EventSourceState(SseParserOptions options = {});

    // On by default (§9.2.3 reestablishes a connection that ended or failed on the network).
    void setReconnect(bool on) { m_reconnect = on; }
    bool reconnects() const { return m_reconnect; }
    // The window shows a compressed stream when it ends rather than failing it.
    void setAcceptCompressed(bool on) { m_acceptCompressed = on; }

    // A new connection begins: the request to send is `base` naming the last event ID the
    // stream set, if any (Last-Event-ID, replacing one `base` has). Counts the attempt and
    // forgets the previous response (not the ID nor the reconnection time).
    HttpRequest connect(const HttpRequest &base);
    int attempt() const { return m_attempt; }

    // A response head of this connection. `redirectFollowed`: the client follows redirects
    // (a 3xx is then not the answer). Once a head opened the stream, later calls return Open.
    Head head(int status, QByteArrayView contentType, QByteArrayView contentEncoding, bool redirectFollowed);
    Head head(const HttpResponse &response, bool redirectFollowed);
    // This connection's stream was opened by a head (until the next connect()).
    bool isOpen() const { return m_open; }
    bool isCompressed() const { return m_compressed; }
    // Why the last head failed or ended the stream, or why the body broke a limit: English
    // facts for the CLI ("Content-Type text/html is not text/event-stream").
    QString reason() const { return m_reason; }

    // Body bytes of the open stream (not compressed), parsed here; appends the records.
    // Returns false once the parser stopped at a limit (reason() says which).
    bool feed(QByteArrayView bytes, std::vector<SseRecord> &out);
    // Records parsed elsewhere (the HTTP engine): the state follows their IDs and retry fields.
    void follow(const SseRecord &record);
    // The response ended (completed, or failed on the network): the block left unterminated
    // by bytes fed here, then whether to reconnect (after reconnectionTimeMs()).
    Next end(std::vector<SseRecord> &out);

    QString lastEventId() const { return m_lastEventId; }
    qint64 reconnectionTimeMs() const { return m_retryMs; }

    // "text/event-stream; charset=utf-8" → true (the MIME type's essence, RFC 9110 §8.3.1).
    static bool isEventStream(QByteArrayView contentType);

private:
    SseParserOptions m_options;
    SseParser m_parser;
    QString m_lastEventId;
    QString m_reason;
    qint64 m_retryMs = defaultRetryMs;
    int m_attempt = 0;
    bool m_reconnect = true;
    bool m_acceptCompressed = false;
    bool m_open = false;
    bool m_compressed = false;
};

} // namespace wirescope

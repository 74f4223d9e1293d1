// wirescope-cli sse: an EventSource on the command line (WHATWG HTML §9.2): option parsing,
// the reconnection loop and JSON lines; the bytes are read by the HTTP engine (core/net),
// the decisions are EventSourceState's and the event stream is the codec's (core/wire).
// docs/cli-sse.md.
#include "app/cli/clicommandline.h"
#include "app/cli/clicommands.h"

#include "core/net/httpclient.h"
#include "core/session/recordjson.h"
#include "core/session/sessionclock.h"
#include "core/wire/eventsourcestate.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <limits>
#include <optional>

using namespace wirescope;

namespace {

class SseRun
{
public:
    SseRun(HttpClient *client, const SessionClock &clock, QFile *out)
        : m_client(client)
        , m_clock(clock)
        , m_out(out)
    {
    }

    HttpRequest request;
    HttpRequestOptions options;
    qint64 maxEvents = 0; // 0: no limit
    void setReconnect(bool on) { m_source.setReconnect(on); }

    // Runs until the stream is done (204, a failure that ends it, --max-events, --wait);
    // returns the exit status.
    int exec(int waitMs)
    {
        if (waitMs > 0)
            QTimer::singleShot(waitMs, &m_loop, [this] { stop(QStringLiteral("wait"), 0); });
        print(QJsonObject{{QStringLiteral("event"), QStringLiteral("session")},
                          {QStringLiteral("t_ns"), m_clock.nowNs()},
                          {QStringLiteral("started_at"), startedAtJson(m_clock)}});
        QTimer::singleShot(0, &m_loop, [this] { connectOnce(); });
        m_loop.exec();
        return m_status;
    }

private:
    void print(QJsonObject o)
    {
        o.insert(QStringLiteral("format_version"), kJsonFormatVersion);
        if (m_attempt > 0)
            o.insert(QStringLiteral("connection"), m_attempt);
        m_out->write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
        m_out->flush();
    }

    void stop(const QString &reason, int status, const QJsonObject &more = {})
    {
        if (m_stopped)
            return;
        m_stopped = true;
        m_status = status;
        QJsonObject o = more;
        o.insert(QStringLiteral("event"), QStringLiteral("end"));
        o.insert(QStringLiteral("reason"), reason);
        o.insert(QStringLiteral("t_ns"), m_clock.nowNs());
        o.insert(QStringLiteral("events"), m_events);
        print(o);
        if (m_exchange)
            m_exchange->cancel();
        m_loop.quit();
    }

    void connectOnce()
    {
        if (m_stopped)
            return;
        const HttpRequest attempt = m_source.connect(request);
        m_attempt = m_source.attempt();
        const QString lastEventId = m_source.lastEventId();
        print(QJsonObject{{QStringLiteral("event"), QStringLiteral("connecting")},
                          {QStringLiteral("t_ns"), m_clock.nowNs()},
                          {QStringLiteral("url"), attempt.url()},
                          {QStringLiteral("last_event_id"), lastEventId.isEmpty() ? QJsonValue() : QJsonValue(lastEventId)}});
        m_exchange = m_client->start(attempt, options);
        QObject::connect(m_exchange, &HttpExchange::receiving, &m_loop,
                         [this](int, const HttpResponse &response, qsizetype added, qint64 tNs) {
                             onBody(response, added, tNs);
                         });
        QObject::connect(m_exchange, &HttpExchange::finished, &m_loop,
                         [this](const HttpExchangeRecord &record) { onFinished(record); });
    }

    // The decisions are EventSourceState's (§9.2.3); this prints them. Redirects are followed
    // first.
    bool accept(const HttpResponse &response, qint64 tNs)
    {
        if (m_source.isOpen())
            return true;
        switch (m_source.head(response, options.followRedirects)) {
        case EventSourceState::Head::Redirect:
            return false; // the redirect's own body is not the stream
        case EventSourceState::Head::NoContent:
            stop(m_source.reason(), 0);
            return false;
        case EventSourceState::Head::BadStatus:
        case EventSourceState::Head::BadType:
        case EventSourceState::Head::Compressed: // not accepted here: a failure with its reason
            stop(m_source.reason(), 5);
            return false;
        case EventSourceState::Head::Open:
            break;
        }
        print(QJsonObject{{QStringLiteral("event"), QStringLiteral("open")},
                          {QStringLiteral("t_ns"), tNs},
                          {QStringLiteral("status"), response.status},
                          {QStringLiteral("content_type"), QString::fromLatin1(response.headerValue("Content-Type"))}});
        return true;
    }

    void onBody(const HttpResponse &response, qsizetype added, qint64 tNs)
    {
        if (m_stopped || !accept(response, tNs))
            return;
        std::vector<SseRecord> records;
        const bool going = m_source.feed(QByteArrayView(response.body).last(added), records);
        emitRecords(records, tNs);
        if (!going && !m_stopped)
            stop(m_source.reason(), 5);
    }

    void emitRecords(const std::vector<SseRecord> &records, qint64 tNs)
    {
        for (const SseRecord &r : records) {
            if (m_stopped)
                return;
            QJsonObject o{{QStringLiteral("t_ns"), tNs}, {QStringLiteral("span"), QJsonArray{r.start, r.end}}};
            switch (r.kind) {
            case SseRecord::Kind::Event:
                o.insert(QStringLiteral("event"), QStringLiteral("message"));
                o.insert(QStringLiteral("type"), r.type);
                o.insert(QStringLiteral("data"), r.data);
                o.insert(QStringLiteral("id"), r.lastEventId);
                break;
            case SseRecord::Kind::Comment:
                o.insert(QStringLiteral("event"), QStringLiteral("comment"));
                o.insert(QStringLiteral("text"), r.data);
                break;
            case SseRecord::Kind::NoData:
                o.insert(QStringLiteral("event"), QStringLiteral("no_data"));
                o.insert(QStringLiteral("id"), r.lastEventId);
                break;
            case SseRecord::Kind::Unterminated:
                o.insert(QStringLiteral("event"), QStringLiteral("unterminated"));
                o.insert(QStringLiteral("data"), r.data);
                break;
            }
            if (r.retryMs)
                o.insert(QStringLiteral("retry_ms"), *r.retryMs);
            if (r.invalidUtf8)
                o.insert(QStringLiteral("invalid_utf8"), true);
            print(o);
            if (r.kind == SseRecord::Kind::Event && ++m_events == maxEvents)
                stop(QStringLiteral("max events"), 0);
        }
    }

    void onFinished(const HttpExchangeRecord &record)
    {
        m_exchange->deleteLater();
        m_exchange = nullptr;
        if (m_stopped)
            return;
        const HttpHop *hop = record.finalHop();
        if (hop && hop->response.status > 0 && !accept(hop->response, hop->timings.firstByteNs))
            return; // stopped with the reason
        std::vector<SseRecord> records;
        const EventSourceState::Next next = m_source.end(records);
        emitRecords(records, m_clock.nowNs());
        if (m_stopped)
            return;
        QJsonObject o{{QStringLiteral("event"), QStringLiteral("closed")}, {QStringLiteral("t_ns"), m_clock.nowNs()}};
        if (!record.error.isNull())
            o.insert(QStringLiteral("error"), failureToJson(record.error));
        if (next == EventSourceState::Next::End) {
            stop(QStringLiteral("the stream ended"),
                 record.error.isNull() || m_source.isOpen() ? 0 : exitStatusFor(record.error.failureClass()), o);
            return;
        }
        const qint64 retryMs = m_source.reconnectionTimeMs();
        o.insert(QStringLiteral("reconnect_in_ms"), retryMs);
        print(o);
        QTimer::singleShot(int(qMin<qint64>(retryMs, std::numeric_limits<int>::max())), &m_loop, [this] { connectOnce(); });
    }

    HttpClient *m_client;
    const SessionClock &m_clock;
    QFile *m_out;
    QEventLoop m_loop;
    HttpExchange *m_exchange = nullptr;
    EventSourceState m_source;
    qint64 m_events = 0;
    int m_attempt = 0;
    int m_status = 0;
    bool m_stopped = false;
};

} // namespace

int runSseCommand(const QStringList &arguments)
{
    CliCommandLine command(QStringLiteral("sse"),
        QStringLiteral("Read a server-sent event stream (GET, or POST as LLM APIs answer) and print one JSON line per\n"
                       "connection attempt, event, comment and end, reconnecting with Last-Event-ID as EventSource does.\n"
                       "Output and exit status: docs/cli-sse.md, docs/cli.md."),
        QStringLiteral("10"), QStringLiteral("0"), QStringLiteral("each connection attempt,"));
    const QCommandLineOption methodOpt({QStringLiteral("X"), QStringLiteral("request")}, QStringLiteral("Request method (default GET, POST with a body)."), QStringLiteral("METHOD"));
    const QCommandLineOption dataOpt({QStringLiteral("d"), QStringLiteral("data")}, QStringLiteral("Send BODY as the request body (Content-Type application/json unless -H sets one)."), QStringLiteral("BODY"));
    const QCommandLineOption noReconnectOpt(QStringLiteral("no-reconnect"), QStringLiteral("End when the stream ends instead of reconnecting."));
    const QCommandLineOption maxEventsOpt(QStringLiteral("max-events"), QStringLiteral("End after N events."), QStringLiteral("N"));
    const QCommandLineOption waitOpt(QStringLiteral("wait"), QStringLiteral("End after S seconds (fractions allowed)."), QStringLiteral("S"));
    for (const QCommandLineOption &option : {methodOpt, dataOpt, noReconnectOpt, maxEventsOpt, waitOpt})
        command.addOption(option);
    int status = 0;
    if (!command.parse(arguments, &status))
        return status;
    const QCommandLineParser &parser = command.parser();
    if (parser.positionalArguments().size() != 1)
        return command.usageError(QStringLiteral("exactly one URL expected"));
    qint64 maxEvents = 0;
    if (parser.isSet(maxEventsOpt)) {
        bool ok = false;
        maxEvents = parser.value(maxEventsOpt).toLongLong(&ok);
        if (!ok || maxEvents < 1)
            return command.usageError(QStringLiteral("--max-events needs a positive number"));
    }
    int waitMs = 0;
    if (parser.isSet(waitOpt)) {
        const std::optional<int> ms = CliCommandLine::secondsToMs(parser.value(waitOpt));
        if (!ms || *ms == 0)
            return command.usageError(QStringLiteral("--wait needs a positive number of seconds"));
        waitMs = *ms;
    }
    const std::optional<CliCommandLine::Connection> connection = command.connection();
    if (!connection)
        return exitStatusFor(FailureClass::Usage);

    // Nothing recorded: a stream may run for hours. The client's clock is the run's clock.
    HttpClient client;
    QFile out;
    out.open(stdout, QIODevice::WriteOnly);
    SseRun run(&client, client.clock(), &out);
    run.request.setUrl(parser.positionalArguments().constFirst());
    run.request.setMethod(parser.isSet(methodOpt) ? parser.value(methodOpt)
                                                  : parser.isSet(dataOpt) ? QStringLiteral("POST") : QStringLiteral("GET"));
    if (parser.isSet(dataOpt)) {
        HttpBody body;
        body.kind = BodyKind::Raw;
        body.text = parser.value(dataOpt);
        body.rawContentType = QStringLiteral("application/json");
        run.request.setBody(body);
    }
    // §9.2.3: what an EventSource sends; -H adds to or replaces nothing of it.
    run.request.addHeader(QStringLiteral("Accept"), QStringLiteral("text/event-stream"));
    run.request.addHeader(QStringLiteral("Cache-Control"), QStringLiteral("no-cache"));
    for (const auto &[name, value] : connection->headers)
        run.request.addHeader(name, value);
    run.options.followRedirects = true;
    run.options.ignoreCertificateErrors = connection->insecure;
    run.options.caCertificates = connection->caCertificates;
    run.options.proxy = connection->proxy;
    run.options.connectTimeoutMs = connection->connectTimeoutMs;
    run.options.totalTimeoutMs = connection->maxTimeMs;
    run.options.reuseConnections = false;
    run.setReconnect(!parser.isSet(noReconnectOpt));
    run.maxEvents = maxEvents;
    return run.exec(waitMs);
}

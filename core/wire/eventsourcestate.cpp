#include "core/wire/eventsourcestate.h"

#include "core/wire/httpresponse.h"

namespace wirescope {

EventSourceState::EventSourceState(SseParserOptions options)
    : m_options(options)
    , m_parser(options)
{
}

HttpRequest EventSourceState::connect(const HttpRequest &base)
{
    ++m_attempt;
    m_parser = SseParser(m_options);
    m_open = false;
    m_compressed = false;
    m_reason.clear();
    HttpRequest request = base;
    // §9.2.3: a reconnection names the last event ID the stream set (none when it set none,
    // or set it empty).
    if (!m_lastEventId.isEmpty()) {
        QList<KeyValueRow> headers = request.headers();
        headers.removeIf([](const KeyValueRow &row) {
            return row.name.compare(QLatin1String("Last-Event-ID"), Qt::CaseInsensitive) == 0;
        });
        request.setHeaders(headers);
        request.addHeader(QStringLiteral("Last-Event-ID"), m_lastEventId);
    }
    return request;
}

bool EventSourceState::isEventStream(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArrayView essence = (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed();
    return essence.compare("text/event-stream", Qt::CaseInsensitive) == 0;
}

EventSourceState::Head EventSourceState::head(int status, QByteArrayView contentType, QByteArrayView contentEncoding,
                                              bool redirectFollowed)
{
    if (m_open)
        return m_compressed ? Head::Compressed : Head::Open;
    // §9.2.3: redirects are followed by the fetch; the stream is the answer at the end.
    if (status >= 300 && status < 400 && redirectFollowed)
        return Head::Redirect;
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArray type = (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed().toByteArray().toLower();
    if (status == 204) {
        // §9.2.3: "HTTP 204 No Content ... prevents the user agent from reconnecting".
        m_reason = QStringLiteral("no content: the server ended the stream (204)");
        return Head::NoContent;
    }
    if (status != 200) {
        m_reason = QStringLiteral("status %1 is not a stream").arg(status);
        return Head::BadStatus;
    }
    if (type != "text/event-stream") {
        m_reason = QStringLiteral("Content-Type %1 is not text/event-stream").arg(QString::fromLatin1(type));
        return Head::BadType;
    }
    const QByteArray coding = contentEncoding.trimmed().toByteArray().toLower();
    if (!coding.isEmpty() && coding != "identity") {
        if (!m_acceptCompressed) {
            m_reason = QStringLiteral("a compressed event stream (Content-Encoding %1) is not read yet")
                           .arg(QString::fromLatin1(contentEncoding.toByteArray()));
            return Head::BadType;
        }
        m_open = true;
        m_compressed = true;
        return Head::Compressed;
    }
    m_open = true;
    return Head::Open;
}

EventSourceState::Head EventSourceState::head(const HttpResponse &response, bool redirectFollowed)
{
    return head(response.status, response.headerValue("Content-Type"), response.headerValue("Content-Encoding"),
                redirectFollowed);
}

bool EventSourceState::feed(QByteArrayView bytes, std::vector<SseRecord> &out)
{
    if (!m_open || m_compressed || m_parser.isError())
        return !m_parser.isError();
    const bool going = m_parser.feed(bytes, out);
    m_lastEventId = m_parser.lastEventId();
    if (m_parser.reconnectionTimeMs())
        m_retryMs = *m_parser.reconnectionTimeMs();
    if (!going)
        m_reason = QStringLiteral("the stream broke a limit: ") + m_parser.error();
    return going;
}

void EventSourceState::follow(const SseRecord &record)
{
    // §9.2.6: a dispatched block sets the last event ID even without data; an unterminated
    // one is never dispatched. A retry field counts as soon as it is read.
    if (record.kind == SseRecord::Kind::Event || record.kind == SseRecord::Kind::NoData)
        m_lastEventId = record.lastEventId;
    if (record.retryMs)
        m_retryMs = *record.retryMs;
}

EventSourceState::Next EventSourceState::end(std::vector<SseRecord> &out)
{
    if (m_open && !m_compressed && !m_parser.isError()) {
        m_parser.finish(out);
        if (m_parser.reconnectionTimeMs())
            m_retryMs = *m_parser.reconnectionTimeMs();
    }
    // §9.2.3: a stream that ended, or a connection that failed on the network, is
    // reestablished after the reconnection time.
    return m_reconnect ? Next::Reconnect : Next::End;
}

} // namespace wirescope

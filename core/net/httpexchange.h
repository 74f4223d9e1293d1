#pragma once

#include "core/session/httpexchangerecord.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace wirescope {

class HttpClient;
class HttpConnection;

// The live side of one exchange. Created by HttpClient::start(); deletes itself never:
// the caller owns it (parented to the client; deleteLater() when done with it).
class HttpExchange : public QObject
{
    Q_OBJECT
public:
    ~HttpExchange() override;

    quint64 id() const { return m_record.id; }
    const HttpExchangeRecord &record() const { return m_record; }
    bool isFinished() const { return m_finished; }

public slots:
    // Aborts the exchange: the connection is closed, finished() carries error "cancelled".
    void cancel();

signals:
    void progress(const wirescope::HttpProgress &progress);
    // Body bytes as they arrive, before the response ends (a stream, server-sent events):
    // `response` is hop `hop`'s response so far (status, fields, the body read up to now,
    // de-chunked but not content-decoded); its last `added` bytes are new, read at `tNs`.
    void receiving(int hop, const wirescope::HttpResponse &response, qsizetype added, qint64 tNs);
    void finished(const wirescope::HttpExchangeRecord &record);

private:
    friend class HttpClient;
    friend class HttpConnection;
    HttpExchange(HttpClient *client, quint64 id);

    HttpClient *m_client;
    HttpExchangeRecord m_record;
    QPointer<HttpConnection> m_connection;
    // The whole-exchange time limit (HttpRequestOptions::totalTimeoutMs), while it runs.
    QPointer<QTimer> m_totalTimer;
    bool m_finished = false;
};

} // namespace wirescope


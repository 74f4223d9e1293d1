#pragma once

#include "core/session/replayignorerules.h"
#include "core/session/replayplan.h"
#include "core/session/replayreport.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace wirescope {

class HttpClient;
class Session;
class WsConnection;

// How a replay spaces what it sends (docs/replay.md#pacing).
enum class ReplayPace : quint8 {
    Original, // each exchange, connection and message at its recorded offset from the start
    Fast,     // everything at once, one item after the other
    Reply,    // a WebSocket message only after the replies recorded before it arrived
};

struct ReplayOptions {
    ReplayPace pace = ReplayPace::Fast;
    QUrl baseUrl;                 // empty: the recorded URLs (ReplayPlan::retarget)
    ReplayIgnoreRules rules;
    QList<WireHeader> headers;    // replace same-named recorded headers, or are added
    bool insecure = false;
    QList<QSslCertificate> caCertificates;
    QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    int connectTimeoutMs = 10'000; // DNS + TCP + TLS, per connection; 0 = none
    int maxTimeMs = 30'000;        // per exchange or WebSocket connection; 0 = none
    int replyTimeoutMs = 5'000;    // waiting for a recorded reply or for the server's close

    static QString paceName(ReplayPace pace); // "original", "fast", "reply"
    static std::optional<ReplayPace> paceFromName(const QString &name);
};

// Sends a recorded session's HTTP exchanges and WebSocket conversations again, one item
// after the other in the recorded order, into `session` (its timeline records the replay;
// a SessionStore attached to it saves it), and compares each with its recording as soon as
// it ends. It may live on any thread (moveToThread before start(), then call it only there,
// as HttpEngine does with its client); its three signals carry values, so a window listens
// across threads. The CLI runs it on its own thread. Nothing waits without a limit: connect,
// total and reply timeouts bound every step, a failed item is reported and the next starts.
class Replayer : public QObject
{
    Q_OBJECT
public:
    explicit Replayer(Session *session, QObject *parent = nullptr);
    ~Replayer() override;

    // `items`: ReplayPlan::fromTimeline(recording). `file` names the recording in reports.
    void start(const QList<ReplayItem> &items, const ReplayOptions &options, const QString &file = {});
    // Ends the running item (reported as cancelled) and starts no other; finished() follows.
    void cancel();
    bool isRunning() const { return m_running; }
    const ReplayReport &report() const { return m_report; }

signals:
    void itemStarted(qsizetype index, qsizetype count, const QString &label);
    void itemFinished(const wirescope::ReplayItemResult &result);
    void finished(const wirescope::ReplayReport &report);

private:
    void next();
    void runItem();
    void runHttp(const ReplayItem &item);
    void runWebSocket(const ReplayItem &item);
    void pumpWebSocket();
    bool readyFor(qsizetype expectedIn, qint64 recordedNs, bool waitForReplies);
    void finishWebSocket(const WsCloseRecord &record);
    void finishItem(ReplayItemResult result);
    qint64 nowNs() const;

    Session *m_session;
    HttpClient *m_http = nullptr;
    ReplayOptions m_options;
    QList<ReplayItem> m_items;
    ReplayReport m_report;
    qsizetype m_next = 0;
    bool m_running = false;
    bool m_cancelled = false;
    QObject *m_current = nullptr; // the running exchange or connection
    qint64 m_startNs = 0;         // replay clock at start()
    qint64 m_itemStartNs = 0;
    QTimer m_paceTimer;           // original pacing
    QTimer m_replyTimer;          // a reply or the server's close did not come
    QTimer m_maxTimer;            // a WebSocket connection's --max-time

    // The running WebSocket conversation.
    struct Outgoing {
        const ReplayWsMessage *message;
        qsizetype repliesBefore; // received messages recorded before it
    };
    WsConnection *m_ws = nullptr;
    QList<Outgoing> m_outgoing;
    qsizetype m_sent = 0;
    qsizetype m_received = 0;
    qsizetype m_expectedIn = 0;
    bool m_waitExpired = false;
    bool m_closeSent = false;
    bool m_awaitingServerClose = false;
    qint64 m_openNs = -1;
    QString m_target;
    ReplayWsConversation m_replayed;
};

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::ReplayItemResult)
Q_DECLARE_METATYPE(wirescope::ReplayReport)

#pragma once

#include "core/session/httpexchangerecord.h"
#include "core/wire/eventsourcestate.h"
#include "core/wire/variables.h"

#include <functional>

#include <QPointer>
#include <QWidget>

class QLabel;
class QSplitter;
class QTimer;

namespace wirescope {

class HttpComposer;
class HttpEngine;
class HttpResponseView;
struct SessionAnnotation;

// One request in a tab: the composer above, the response below. Sends through the
// workspace's engine; the workspace hands back what the engine reports about the exchange
// this tab started (showProgress(), finish()).
//
// A request whose Accept asks for text/event-stream, or whose answer is one, runs as an
// EventSource (WHATWG HTML §9.2.3, decided by EventSourceState): its events fill the
// response's Events tab as the engine parses them, and when the stream ends the tab
// reconnects after the server's retry time naming Last-Event-ID (unless Reconnect is off),
// until a 204, a failure or Stop ends it; each step is a row of the Events tab.
class HttpRequestTab : public QWidget
{
    Q_OBJECT
public:
    HttpRequestTab(HttpEngine *engine, QWidget *parent = nullptr);
    // Cancels the running exchange: a closed tab's record still reaches the history.
    ~HttpRequestTab() override;

    HttpComposer *composer() const { return m_composer; }
    HttpResponseView *responseView() const { return m_response; }
    QSplitter *splitter() const { return m_splitter; }
    // An exchange runs, or an event stream waits to reconnect.
    bool isRunning() const;
    // The engine's id of the running exchange, 0 when none runs.
    quint64 exchangeId() const { return m_exchangeId; }
    // True while nothing was typed or sent: the tab can be reused for an opened request.
    bool isPristine() const;

    void setEnvironments(const QList<Environment> &environments);
    void setRequest(const HttpRequest &request);
    // A recorded exchange (History); `events`: its server-sent events (core/session's
    // sseArrivals), shown in the Events tab when it is an event stream.
    void showRecord(const HttpExchangeRecord &record, const QList<SseArrival> &events = {});
    // The exchange the response shows is timeline row `row` (-1: none yet); its note stands
    // above the response.
    void setShownRow(qsizetype row) { m_shownRow = row; }
    qsizetype shownRow() const { return m_shownRow; }
    void showNote(const SessionAnnotation &annotation);
    QLabel *noteLabel() const { return m_note; }

    // Reports unresolved variables or other problems in the composer and sends nothing
    // when there are any.
    void send();
    void cancel();
    void showProgress(const HttpProgress &progress);
    // The running exchange ended: shows its record and accepts the next send().
    // `recordedEvents` reads the events from the record when they could not all be shown live
    // (a compressed stream, decoded only as a whole; a record that came before the engine's
    // last report).
    void finish(const HttpExchangeRecord &record,
                const std::function<QList<SseArrival>()> &recordedEvents = {});

signals:
    void titleChanged(const QString &title);
    void runningChanged(bool running);
    void manageEnvironmentsRequested();

private:
    VariableScope currentScope() const;
    void startAttempt();
    // The response head of the current attempt, read at tNs.
    void decideHead(int status, const QByteArray &contentType, const QByteArray &contentEncoding, qint64 tNs);
    // A row of the Events tab for a step of the stream's life, at tNs (-1: now).
    void addStatus(const QString &text, bool failure = false, qint64 tNs = -1);
    void endEventSource();

    QPointer<HttpEngine> m_engine; // the workspace's; gone first when the workspace is destroyed
    QList<Environment> m_environments;
    QSplitter *m_splitter;
    HttpComposer *m_composer;
    HttpResponseView *m_response;
    QLabel *m_note;
    qsizetype m_shownRow = -1;
    quint64 m_exchangeId = 0;
    bool m_sentOnce = false;

    // The EventSource run by the last send.
    EventSourceState m_source;
    HttpRequest m_sourceRequest;
    HttpRequestOptions m_sourceOptions;
    VariableScope m_sourceScope;
    QTimer *m_reconnectTimer;
    bool m_eventSource = false;  // this run is an event stream
    bool m_headDecided = false;  // the current attempt's final head was read
    bool m_sourceDone = false;   // a head or a limit ended the stream for good
    bool m_stopped = false;      // the user stopped it
    bool m_doneSeen = false;     // the engine's last report of the current attempt came
    qsizetype m_liveRecords = 0; // records of the current attempt shown as they came
};

} // namespace wirescope

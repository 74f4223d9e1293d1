#pragma once

#include "core/lab/labtally.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace wirescope {

class HttpClient;
class SessionClock;

// What a driver needs to run one transport of a lab run.
struct LabDriverSetup
{
    LabConfig config;
    LabTransport transport = LabTransport::Poll;
    QString runId;              // names the run on the server ([A-Za-z0-9_-]{1,64})
    HttpClient *http = nullptr; // the lab thread's client (its connections are closed after)
    const SessionClock *clock = nullptr;
    qint64 epochAnchorUs = 0;   // the wall clock at lab clock 0
};

// Runs one transport of a lab run on the lab thread: the workload's schedule (the client's
// own messages for echo and chat), the end (everything delivered, or the server ended the
// run), and the time limit: whatever the server does, the transport ends at its duration
// plus LabRunner::graceMs, saying what was still pending. Subclasses speak the transport.
class LabDriver : public QObject
{
    Q_OBJECT
public:
    static std::unique_ptr<LabDriver> create(const LabDriverSetup &setup);
    ~LabDriver() override;

    void start();
    // Ends now with the error "cancelled"; finished() follows.
    void cancel();
    LabTally &tally() { return m_tally; }
    bool isFinished() const { return m_finished; }

signals:
    void finished();

protected:
    explicit LabDriver(const LabDriverSetup &setup);

    // Opens the transport (the first request names the run with its parameters).
    virtual void begin() = 0;
    // Drops every connection and request at once, reporting nothing more.
    virtual void abortIo() = 0;
    // Why the transport had not ended at its time limit ("the /lab/sse response had not ended").
    virtual QString pending() const = 0;
    // Writes the client's message on the transport's way for the workload; false when the
    // transport cannot take it any more (a WebSocket already closing): it is not counted.
    virtual bool sendClientMessage(qint64 cseq, const QByteArray &message) = 0;
    // Whether the client's messages can go now (a WebSocket: once open); when it becomes
    // true, call sendDueMessages(): what fell due meanwhile goes at once.
    virtual bool readyForClientMessages() const { return true; }
    // The server's side of the workload is over (all its messages read, or it ended the run).
    virtual bool serverSideDone() const = 0;
    // A request of the client's is still unanswered: the transport does not end under it
    // (its answer would be on the wire, counted by the server, never read by the client).
    virtual bool requestsOutstanding() const { return false; }
    // The way the server's messages come has closed for good (a stream ended, the WebSocket
    // closed): the client's answers still missing cannot come any more.
    virtual bool channelClosed() const { return false; }
    // Everything is in: the default closes nothing (a WebSocket closes first).
    virtual void wrapUp() { complete(); }

    // Call whenever something arrived or ended: wraps up when both sides are done.
    void checkDone();
    void complete();
    void fail(const QString &error);
    // /lab/<name>?run=ID[&the run's parameters]
    QUrl endpoint(const QString &name, bool withParameters, const QUrlQuery &extra = {}) const;
    // Every message the server scheduled has been read.
    bool allServerMessagesIn() const { return m_tally.serverDelivered() >= m_tally.scheduled(); }
    // The client's messages: all written and all answered (none for push).
    bool clientSideDone() const;
    // An answer to the client's own message arrived (echo writes the next one then).
    void noteAnswered();
    qint64 scheduleEndNs() const { return m_startNs + qint64(m_setup.config.durationMs) * 1'000'000; }
    qint64 clientMessageCount() const { return m_clientMessages; }

    const LabDriverSetup m_setup;
    LabTally m_tally;
    qint64 m_startNs = 0;
    bool m_finished = false;
    bool m_wrappingUp = false;

    void sendDueMessages();

private:

    QTimer m_deadline;
    QTimer m_schedule;
    qint64 m_clientMessages = 0; // to write in all
    qint64 m_nextCseq = 1;
};

} // namespace wirescope

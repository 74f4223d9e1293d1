#pragma once

#include "core/demo/demolabconfig.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRandomGenerator>

#include <deque>

class QTimer;

namespace wirescope {

// One lab run (docs/lab-endpoints.md): its server events on their schedule, the messages
// clients relayed into it, and what the server counted on the connections attributed to it.
//
// Every message a reader may still want is an entry of one log, in the order it became
// available; a position names an entry for good (positions only grow). Streaming readers
// (SSE, chunked stream, WebSocket) keep a position each; polls name the last server seq they
// saw. The log is bounded (DemoLimits::maxLabPendingMessages / maxLabPendingBytes): the
// oldest entries go first, and one that no reader ever got counts as dropped.
class DemoLabRun : public QObject
{
    Q_OBJECT
public:
    struct Entry {
        qint64 position = 0;
        qint64 seq = 0; // 1..N for a server event, 0 for a relayed client message
        QByteArray bytes; // the message, exactly as delivered
        bool delivered = false; // handed to at least one reader
    };

    DemoLabRun(const DemoLabConfig &config, QObject *parent = nullptr);

    const DemoLabConfig &config() const { return m_config; }
    QByteArray id() const { return m_config.run; }

    // The schedule has ended: every server event exists (push, chat), or duration_ms + 5 s
    // have passed (echo). Streams end once they delivered what is there.
    bool isOver() const { return m_over; }

    qint64 firstPosition() const { return m_firstPosition; }
    qint64 endPosition() const { return m_firstPosition + qint64(m_log.size()); }
    // Where a reader that saw server event `seq` goes on (after= of a stream, Last-Event-ID):
    // just after that event, or at the oldest entry kept when it is gone.
    qint64 positionAfterSeq(qint64 seq) const;
    // The entries from *position on (moved up to the oldest kept first), at most maxBytes of
    // messages (at least one); *position moves past them; they count as delivered.
    QList<Entry> take(qint64 *position, qint64 maxBytes);
    // For a poll: server events with seq > after, and relayed messages no poll got yet.
    bool hasForPoll(qint64 after) const;
    QList<Entry> takeForPoll(qint64 after);

    // A client message for the run's readers (POST /lab/send, a chat frame).
    void relay(const QByteArray &message);
    void countEcho() { ++m_echoed; }

    // Counts of the connections attributed to this run (DemoLabMeter).
    void connectionOpened()
    {
        ++m_connections;
        ++m_open;
    }
    void connectionClosed();
    void addBytes(qint64 in, qint64 out)
    {
        m_bytesIn += in;
        m_bytesOut += out;
    }
    void addRequests(qint64 count) { m_requests += count; }
    int openConnections() const { return m_open; }

    // Nothing open and over for DemoLimits::labForgetAfterMs: the registry may forget it.
    bool isForgettable() const;
    // GET /lab/stats.
    QJsonObject stats() const;

Q_SIGNALS:
    // Entries were appended (once per timer turn however many events it created).
    void messagesAdded();
    // The schedule ended (isOver() is true from now on).
    void over();

private:
    void createDue();
    void append(qint64 seq, const QByteArray &bytes);
    void finish();

    DemoLabConfig m_config;
    qint64 m_scheduled;
    QElapsedTimer m_clock; // the run's start: event k is due at dueNs(k) on it
    QTimer *m_timer;
    QRandomGenerator m_random;
    std::deque<Entry> m_log;
    qint64 m_firstPosition = 0;
    qint64 m_logBytes = 0;
    qint64 m_polledRelays = -1; // last position whose relayed message a poll got
    qint64 m_nextSeq = 1;
    bool m_over = false;
    QElapsedTimer m_quietSince; // over and nothing open since then

    qint64 m_connections = 0;
    int m_open = 0;
    qint64 m_requests = 0;
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
    qint64 m_relayed = 0;
    qint64 m_echoed = 0;
    qint64 m_dropped = 0;
};

} // namespace wirescope

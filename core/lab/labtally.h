#pragma once

#include "core/lab/labresult.h"
#include "core/wire/direction.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>

namespace wirescope {

// What one transport of a lab run measured, as it happens: the bytes its sockets carried,
// the messages written and delivered, and from them the transport's result. Pure value
// code: the drivers feed it from the lab thread.
class LabTally
{
public:
    // epochAnchorUs: the wall clock (microseconds since the Unix epoch) at lab clock 0, so
    // the server's send stamps become lab-clock times.
    LabTally(LabTransport transport, int lateMs, qint64 epochAnchorUs);

    // A chunk one of the transport's sockets read or wrote.
    void noteChunk(quint64 connection, Direction direction, qint64 size);
    void noteScheduled(qint64 serverMessages) { m_scheduled = serverMessages; }
    qint64 scheduled() const { return m_scheduled; }
    void noteClientWritten(qint64 cseq, qint64 tNs, qint64 size);
    // The transport could not take the message after all.
    void unnoteClientWritten(qint64 cseq, qint64 size);
    // The messages completed by one socket read at `receivedNs`: they share the bytes the
    // sockets carried since the previous delivery. A message that is no lab message is
    // counted as unreadable (and its bytes stay unattributed).
    void noteDelivered(const QList<QByteArray> &messages, qint64 receivedNs);

    qint64 labNsOfEpochUs(qint64 epochUs) const { return (epochUs - m_epochAnchorUs) * 1000; }
    qint64 serverDelivered() const { return m_serverDelivered; }
    qint64 highestServerSeq() const { return m_highestServerSeq; }
    qint64 clientWritten() const { return m_clientWritten; }
    qint64 clientAnswered() const { return m_clientAnswered; }
    qint64 unreadable() const { return m_unreadable; }
    // The samples noted since the last call (for the batches sent to the caller).
    QList<LabSample> takeFresh();

    // Filled by the driver as it goes (requests, byte categories, error ...).
    LabTransportResult &result() { return m_result; }
    // Completes the result: counts, delays, payload, and `other` as what the categories
    // left unexplained (so that they add up exactly).
    LabTransportResult finish(qint64 endNs, double cpuMs);

private:
    LabTransportResult m_result;
    qint64 m_lateNs;
    qint64 m_epochAnchorUs;
    qint64 m_scheduled = 0;
    QSet<qint64> m_seen;
    QHash<qint64, qint64> m_clientWriteNs; // cseq -> when it was written
    qint64 m_clientWritten = 0;
    qint64 m_clientAnswered = 0;
    qint64 m_serverDelivered = 0;
    qint64 m_highestServerSeq = 0;
    qint64 m_payloadBytes = 0;
    qint64 m_unreadable = 0;
    QByteArray m_firstUnreadable;
    QSet<quint64> m_connections;
    qint64 m_bytesAtLastDelivery = 0;
    qsizetype m_freshFrom = 0;
    QList<qint64> m_pushDelays;
    QList<qint64> m_roundTrips;
};

} // namespace wirescope

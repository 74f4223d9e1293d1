#pragma once

#include "core/session/capturedchunk.h"
#include "core/session/recordbatch.h"

#include <QPointer>

namespace wirescope {

class Recorder;

// Builds the rows of one engine (on its thread) and hands them to the Recorder once per
// event-loop turn. It turns engine events into rows without re-deciding anything: a message
// made of one frame marks that frame's row, a longer one gets a Message row of its own, a
// pong's RTT lands on the pong's row.
//
// `context` lives on the engine's thread (the engine itself): the hand-over is posted to it,
// so a writer must be a member of its context (the posted call dies with both).
class TimelineWriter
{
public:
    TimelineWriter(Recorder *recorder, QObject *context);
    ~TimelineWriter();
    TimelineWriter(const TimelineWriter &) = delete;
    TimelineWriter &operator=(const TimelineWriter &) = delete;

    void opening(quint32 connection, qint64 tNs, const ConnectionOpening &opening);
    void chunk(quint32 connection, const CapturedChunk &chunk);
    void wsHandshake(quint32 connection, const WsHandshakeRecord &record);
    void wsFrame(quint32 connection, const WsFrameEvent &event);
    void wsMessage(quint32 connection, const WsMessageEvent &event);
    void wsPong(quint32 connection, const WsPongEvent &event);
    void wsClosed(quint32 connection, const WsCloseRecord &record);
    void violation(quint32 connection, qint64 tNs, Direction direction, const Violation &violation);
    void failure(quint32 connection, qint64 tNs, const Failure &failure);
    void note(quint32 connection, qint64 tNs, const QString &text);
    // `connection`: the connection of the final hop (0 when nothing was sent).
    void httpExchange(quint32 connection, const HttpExchangeRecord &record);

    // Hands what was written to the recorder now (also done by itself once per turn).
    void flush();

    // An engine's turn (one read, one write): rows added during it go to the recorder
    // together when the outermost Turn ends, instead of by a posted flush. Null-safe.
    class Turn
    {
    public:
        explicit Turn(TimelineWriter *writer);
        ~Turn();
        Turn(const Turn &) = delete;
        Turn &operator=(const Turn &) = delete;

    private:
        TimelineWriter *m_writer;
    };

    // An inflated payload kept beyond this is cut (the row says Truncated).
    static constexpr qsizetype kMaxKeptPayload = 16 * 1024 * 1024;

private:
    TimelineRow &addRow(quint32 connection, qint64 tNs, RowKind kind, Direction direction);
    size_t lastRow() const { return m_batch.rows.size() - 1; }
    void scheduleFlush();
    RecordBatch takeBatch();

    Recorder *m_recorder;
    QPointer<QObject> m_context;
    RecordBatch m_batch;
    bool m_flushPosted = false;
    int m_turnDepth = 0;
    // The last frame row of each direction in this batch, with its connection.
    qsizetype m_lastFrame[2] = {-1, -1};
};

} // namespace wirescope

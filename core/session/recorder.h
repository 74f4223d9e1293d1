#pragma once

#include "core/session/recordbatch.h"

#include <QMutex>
#include <QObject>

#include <vector>

namespace wirescope {

class RecordSink;
class Timeline;

// The timeline's only writer. Engines on any thread submit batches (TimelineWriter builds
// them); the recorder applies them on its own thread in the order they were submitted, so
// nothing is lost or re-ordered however busy that thread is, and announces the new rows
// once per drain (views coalesce further).
class Recorder : public QObject
{
    Q_OBJECT
public:
    explicit Recorder(Timeline *timeline, QObject *parent = nullptr);

    Timeline *timeline() const { return m_timeline; }

    // Any thread. The batch is applied on the recorder's thread at its next event-loop turn.
    void submit(RecordBatch &&batch);
    // At the end of an engine's turn: on the recorder's own thread (the CLI, a benchmark)
    // the batch is applied now, which saves the turn a posted event and a wake-up of the
    // event loop; from another thread (the window's engines) it is submit().
    void submitAtEndOfTurn(RecordBatch &&batch);
    // Applies everything submitted so far (the recorder's thread; tests call it directly).
    void drain();

    // Every batch applied from now on is shown to `sink` first (null: none). Call it on the
    // recorder's thread.
    void setSink(RecordSink *sink) { m_sink = sink; }
    RecordSink *sink() const { return m_sink; }

Q_SIGNALS:
    // Rows [first, end) were appended (and the connections they name updated).
    void rowsAppended(qsizetype first, qsizetype end);

private:
    Timeline *m_timeline;
    RecordSink *m_sink = nullptr;
    QMutex m_mutex;
    std::vector<RecordBatch> m_queue;
    bool m_drainPosted = false;
};

} // namespace wirescope

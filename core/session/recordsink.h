#pragma once

#include "core/session/recordbatch.h"

namespace wirescope {

// Sees every batch the Recorder applies, on the recorder's thread, just before the timeline
// takes it: the session file's write-through. It must not block that thread (the window's):
// it copies what it keeps and returns.
class RecordSink
{
public:
    virtual ~RecordSink() = default;
    // `firstRow`: the timeline index the batch's first row gets.
    virtual void batchRecorded(const RecordBatch &batch, qsizetype firstRow) = 0;
};

} // namespace wirescope

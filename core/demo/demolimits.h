#pragma once

#include <QtGlobal>

namespace wirescope {

// Every limit of the demo server, named and checked before anything is allocated, so a hostile
// or broken client gets a clear status code instead of making the server grow without bound.
struct DemoLimits
{
    static constexpr qsizetype maxHeadBytes = 16 * 1024;        // request line + fields -> 431
    static constexpr int maxHeaderLines = 100;                  // -> 431
    static constexpr qint64 maxBodyBytes = 10 * 1024 * 1024;    // request body -> 413
    static constexpr qsizetype maxChunkLineBytes = 1024;        // chunk-size line -> 400
    static constexpr qint64 maxResponseBytes = 10 * 1024 * 1024; // /bytes/{n}
    static constexpr double maxDelaySeconds = 10.0;             // /delay/{s}
    static constexpr int maxStreamLines = 10000;                // /stream/{n}
    static constexpr int maxStreamIntervalMs = 5000;            // /stream/{n}?interval_ms=
    static constexpr int maxRedirects = 50;                     // /redirect/{n}
    static constexpr int maxPollTimeoutSeconds = 120;           // /poll?timeout=
    static constexpr int defaultPollTimeoutSeconds = 25;
    static constexpr int maxEvents = 1000;                      // kept for /poll?since=
    static constexpr int maxEventsPerPoll = 100;
    static constexpr int maxSseHz = 10000;                      // /sse?hz=
    static constexpr int maxSseSize = 1024 * 1024;              // /sse?size=
    static constexpr int maxSseRetryMs = 3600 * 1000;           // /sse?retry=
    static constexpr int maxTickerHz = 100000;                  // /ws/ticker?hz=
    static constexpr int maxTickerSize = 1024 * 1024;           // /ws/ticker?size=
    static constexpr qint64 maxTickerBacklogBytes = 8 * 1024 * 1024; // unsent bytes before pausing
    static constexpr qint64 maxWsMessageBytes = 16 * 1024 * 1024;    // incoming message -> 1009
    static constexpr int maxChatMessageBytes = 64 * 1024;       // /ws/chat message -> 1009
    static constexpr int maxConnections = 512;                  // further connections are refused
    static constexpr int idleTimeoutMs = 120 * 1000;            // no request in progress -> close
    // The transport lab (/lab/..., docs/lab-endpoints.md).
    static constexpr int maxLabRuns = 64;                       // runs alive at once -> 503
    static constexpr double minLabRate = 0.1;                   // rate= messages per second
    static constexpr double maxLabRate = 10000;
    static constexpr int maxLabSize = 64 * 1024;                // size= and any message sent to a run
    static constexpr double maxLabBytesPerSecond = 64.0 * 1024 * 1024; // rate x size
    static constexpr int maxLabDurationMs = 600 * 1000;         // duration_ms=
    static constexpr int maxLabPendingMessages = 10000;         // kept per run; older ones go (dropped)
    static constexpr qint64 maxLabPendingBytes = 4 * 1024 * 1024;
    static constexpr int labForgetAfterMs = 60 * 1000;          // after the run ended and its last connection closed
    static constexpr int labEchoGraceMs = 5000;                 // echo runs end at duration_ms + this
    static constexpr int labLongPollHoldMs = 30 * 1000;         // /lab/longpoll: 204 after this long
    static constexpr int labRetryMs = 1000;                     // /lab/sse: the retry field
    static constexpr int labMaxEventsPerTurn = 2000;            // created per timer turn when catching up
    static constexpr int labWsCloseWaitMs = 5000;               // for the client's close frame
};

} // namespace wirescope

#pragma once

#include "core/demo/demoendpoints.h"

#include <QObject>
#include <QPointer>

class QTimer;

namespace wirescope {

class DemoHttpConnection;
class DemoLabMeter;
class DemoLabRun;
class DemoLabRuns;
struct DemoResponse;

// One request to a /lab/ endpoint (docs/lab-endpoints.md), answered on its DemoHttpConnection:
// poll and stats at once, longpoll held until there is news, sse and stream written as the
// run's messages become available (one chunk per message, one socket write per turn), echo
// and send, and the checks of a /lab/ws upgrade before DemoLabWebSocket takes the socket.
// It is the connection's job object: deleting it (the connection closed) ends what it holds.
class DemoLabExchange : public QObject
{
    Q_OBJECT
public:
    // firstRequest: the connection's first request, which attributes it to the run it names.
    DemoLabExchange(DemoHttpConnection *connection, DemoLabRuns *runs, DemoLabMeter *meter,
        DemoEndpoint::Kind kind, bool firstRequest);

    void start();

    // {"status": s, "error": message, "parameter": parameter}: what every /lab/ refusal says.
    static DemoResponse refusal(int status, const QString &parameter, const QString &message);

private:
    void servePoll(qint64 after);
    void holdPoll(qint64 after);
    void serveStream(qint64 position, bool sse);
    void pump();
    void serveWebSocket();

    DemoHttpConnection *m_connection;
    DemoLabRuns *m_runs;
    DemoLabMeter *m_meter;
    DemoEndpoint::Kind m_kind;
    bool m_firstRequest;
    QPointer<DemoLabRun> m_run;
    // A streaming response (sse, stream): where the reader is in the run's log.
    qint64 m_position = 0;
    bool m_sse = false;
    bool m_chunked = true;
    bool m_ended = false;
    QTimer *m_retry = nullptr; // while the client reads slower than the run writes
};

} // namespace wirescope

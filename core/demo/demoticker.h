#pragma once

#include <QElapsedTimer>
#include <QObject>

class QTimer;
class QWebSocket;

namespace wirescope {

// Server push for /ws/ticker: sends JSON {"seq":n,"t_ns":wall-clock-ns,"pad":"..."} messages
// padded to exactly `size` bytes (or the unpadded object when size is smaller) at `hz`
// messages per second. A QTimer cannot fire 50 000 times a second, so a ~1 ms timer sends as
// many messages as the elapsed time calls for (message k is due at k/hz seconds), and
// QWebSocket coalesces them into few socket writes. When the client reads slower than that,
// sending pauses while more than DemoLimits::maxTickerBacklogBytes wait unsent, and the
// schedule restarts from there, so memory stays bounded and the rate seen is the real one.
class DemoTicker : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int hz = 10;
        int size = 64;
        qint64 count = 0;    // > 0: close with 1000 after that many messages
        bool binary = false; // binary frames instead of text
    };

    DemoTicker(QWebSocket *socket, const Options &options);

    // Builds one message of exactly size bytes when size allows (public for tests).
    static QByteArray message(qint64 seq, qint64 tNs, int size);

private:
    void tick();

    QWebSocket *m_socket;
    Options m_options;
    QTimer *m_timer;
    QElapsedTimer m_clock;
    qint64 m_sent = 0;
    qint64 m_scheduleBase = 1; // messages due at the schedule's start (the first goes at once)
};

} // namespace wirescope

#include "core/demo/demoticker.h"

#include "core/demo/demoeventlog.h"
#include "core/demo/demolimits.h"

#include <QTimer>
#include <QWebSocket>

namespace wirescope {

DemoTicker::DemoTicker(QWebSocket *socket, const Options &options)
    : QObject(socket)
    , m_socket(socket)
    , m_options(options)
    , m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    // Wake often enough that each wake-up sends a small batch, never more often than 1 ms.
    m_timer->setInterval(qBound(1, 1000 / qMax(1, options.hz), 20));
    connect(m_timer, &QTimer::timeout, this, &DemoTicker::tick);
    m_clock.start();
    m_timer->start();
    tick();
}

QByteArray DemoTicker::message(qint64 seq, qint64 tNs, int size)
{
    QByteArray text = "{\"seq\":" + QByteArray::number(seq) + ",\"t_ns\":" + QByteArray::number(tNs);
    const qsizetype padded = text.size() + qsizetype(sizeof(",\"pad\":\"\"}") - 1);
    if (size >= padded)
        text += ",\"pad\":\"" + QByteArray(size - padded, 'x') + "\"}";
    else
        text += '}';
    return text;
}

void DemoTicker::tick()
{
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        m_timer->stop();
        return;
    }
    if (m_socket->bytesToWrite() > DemoLimits::maxTickerBacklogBytes) {
        // The client is behind: restart the schedule instead of bursting later.
        m_scheduleBase = m_sent;
        m_clock.restart();
        return;
    }
    const double elapsed = double(m_clock.nsecsElapsed()) / 1e9;
    // m_scheduleBase messages are due at the schedule's start, one more every 1/hz seconds.
    qint64 due = m_scheduleBase + qint64(elapsed * m_options.hz);
    if (m_options.count > 0)
        due = qMin(due, m_options.count);
    // At most 100 ms worth of messages in one go, so one wake-up never starves the loop.
    const qint64 burst = qMax<qint64>(1, m_options.hz / 10);
    qint64 toSend = due - m_sent;
    if (toSend > burst) {
        m_scheduleBase = m_sent + burst; // drop the backlog rather than burst it later
        m_clock.restart();
        toSend = burst;
    }
    for (qint64 i = 0; i < toSend; ++i) {
        const QByteArray payload = message(m_sent, demoWallClockNs(), m_options.size);
        if (m_options.binary)
            m_socket->sendBinaryMessage(payload);
        else
            m_socket->sendTextMessage(QString::fromLatin1(payload));
        ++m_sent;
    }
    if (m_options.count > 0 && m_sent >= m_options.count) {
        m_timer->stop();
        m_socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("count reached"));
    }
}

} // namespace wirescope

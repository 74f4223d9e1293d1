#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace wirescope {

// Incremental decoder of a chunked request body (RFC 9112 §7.1). feed() consumes what it can
// from bytes and returns how many bytes it consumed.
class DemoChunkedDecoder
{
public:
    enum class State { Size, Data, DataEnd, Trailer, Done, Error };
    qsizetype feed(QByteArrayView bytes);
    State state() const { return m_state; }
    const QByteArray &body() const { return m_body; }
    QByteArray error() const { return m_error; }
    int errorStatus() const { return m_errorStatus; }

private:
    State m_state = State::Size;
    qint64 m_remaining = 0;
    QByteArray m_body;
    QByteArray m_error;
    int m_errorStatus = 400;
};

} // namespace wirescope

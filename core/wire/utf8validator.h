#pragma once

#include <QByteArrayView>

namespace wirescope {

// Incremental UTF-8 validator (RFC 3629): feed a text message fragment by fragment, code
// points may be split anywhere. RFC 6455 §8.1: fail as soon as the bytes cannot be the
// start of valid UTF-8, not only at the end of the message.
class Utf8Validator
{
public:
    // false as soon as the input so far cannot be a prefix of valid UTF-8;
    // errorOffset() then gives the offset (from the first byte fed) of the offending byte.
    bool feed(QByteArrayView bytes);
    // false when the input ends in the middle of a code point (or was invalid).
    bool finish() const;
    void reset();

    bool failed() const { return m_state == Reject; }
    qint64 errorOffset() const { return m_errorOffset; }
    qint64 bytesFed() const { return m_fed; }

    static bool isValid(QByteArrayView bytes);

private:
    enum : quint8 { Accept = 0, Reject = 12 };
    quint8 m_state = Accept;
    qint64 m_fed = 0;
    qint64 m_errorOffset = -1;
};

} // namespace wirescope

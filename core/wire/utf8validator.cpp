#include "core/wire/utf8validator.h"

#include <cstring>

namespace wirescope {

namespace {

// Björn Höhrmann's UTF-8 DFA (http://bjoern.hoehrmann.de/utf-8/decoder/dfa/, MIT):
// character classes, then transitions. It rejects overlong forms, surrogates
// (U+D800-U+DFFF) and code points above U+10FFFF, as RFC 3629 requires.
constexpr quint8 kClass[256] = {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,9,
    7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7, 7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,
    8,8,2,2,2,2,2,2,2,2,2,2,2,2,2,2, 2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    10,3,3,3,3,3,3,3,3,3,3,3,3,4,3,3, 11,6,6,6,5,8,8,8,8,8,8,8,8,8,8,8,
};

constexpr quint8 kTransition[108] = {
    0,12,24,36,60,96,84,12,12,12,48,72, 12,12,12,12,12,12,12,12,12,12,12,12,
    12, 0,12,12,12,12,12, 0,12, 0,12,12, 12,24,12,12,12,12,12,24,12,24,12,12,
    12,12,12,12,12,12,12,24,12,12,12,12, 12,24,12,12,12,12,12,12,12,24,12,12,
    12,12,12,12,12,12,12,36,12,36,12,12, 12,36,12,12,12,12,12,36,12,36,12,12,
    12,36,12,12,12,12,12,12,12,12,12,12,
};

} // namespace

bool Utf8Validator::feed(QByteArrayView bytes)
{
    if (m_state == Reject)
        return false;
    const auto *p = reinterpret_cast<const quint8 *>(bytes.data());
    const qsizetype n = bytes.size();
    quint8 state = m_state;
    qsizetype i = 0;
    while (i < n) {
        // Fast path: 8 ASCII bytes at a time while between code points.
        if (state == Accept) {
            while (i + 8 <= n) {
                quint64 word;
                std::memcpy(&word, p + i, 8);
                if (word & 0x8080808080808080ull)
                    break;
                i += 8;
            }
            if (i >= n)
                break;
        }
        state = kTransition[state + kClass[p[i]]];
        if (state == Reject) {
            m_state = Reject;
            m_errorOffset = m_fed + i;
            m_fed += n;
            return false;
        }
        ++i;
    }
    m_state = state;
    m_fed += n;
    return true;
}

bool Utf8Validator::finish() const
{
    return m_state == Accept;
}

void Utf8Validator::reset()
{
    m_state = Accept;
    m_fed = 0;
    m_errorOffset = -1;
}

bool Utf8Validator::isValid(QByteArrayView bytes)
{
    Utf8Validator validator;
    return validator.feed(bytes) && validator.finish();
}

} // namespace wirescope

#include "core/lab/labmessage.h"

#include <QRandomGenerator>

namespace wirescope {

namespace {

// Digits from `at` up to the first non-digit; nullopt when there are none (or too many).
std::optional<qint64> digitsAt(QByteArrayView text, qsizetype &at)
{
    const qsizetype begin = at;
    qint64 value = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
        if (at - begin >= 18)
            return std::nullopt;
        value = value * 10 + (text[at] - '0');
        ++at;
    }
    if (at == begin)
        return std::nullopt;
    return value;
}

std::optional<qint64> jsonNumber(QByteArrayView message, QByteArrayView key)
{
    qsizetype at = message.indexOf(key);
    if (at < 0)
        return std::nullopt;
    at += key.size();
    return digitsAt(message, at);
}

} // namespace

std::optional<LabMessageStamp> parseLabMessage(QByteArrayView message)
{
    if (message.startsWith('{')) {
        // The server writes the keys in this order without spaces; a pad cannot hold a quote.
        std::optional<qint64> seq = jsonNumber(message, "\"seq\":");
        bool client = false;
        if (!seq) {
            seq = jsonNumber(message, "\"cseq\":");
            client = true;
        }
        const std::optional<qint64> t = jsonNumber(message, "\"t\":");
        if (!seq || !t)
            return std::nullopt;
        return LabMessageStamp{client ? -*seq : *seq, *t};
    }
    qsizetype at = 0;
    const bool client = message.startsWith('c');
    if (client)
        ++at;
    const std::optional<qint64> seq = digitsAt(message, at);
    if (!seq || at >= message.size() || message[at] != ' ')
        return std::nullopt;
    ++at;
    const std::optional<qint64> t = digitsAt(message, at);
    if (!t || at >= message.size() || message[at] != ' ')
        return std::nullopt;
    return LabMessageStamp{client ? -*seq : *seq, *t};
}

QByteArray makeLabClientMessage(LabPayloadKind kind, int size, qint64 cseq, qint64 epochUs)
{
    QByteArray out;
    out.reserve(size);
    if (kind == LabPayloadKind::Json) {
        out = "{\"cseq\":" + QByteArray::number(cseq) + ",\"t\":" + QByteArray::number(epochUs);
        const qsizetype pad = size - out.size() - 10; // ,"pad":"" and }
        if (pad >= 0) {
            out += ",\"pad\":\"" + QByteArray(pad, 'x') + "\"}";
            return out;
        }
        // "cseq" is a byte longer than the server's "seq": at the smallest sizes there is no
        // room for a pad, and JSON's whitespace makes up the size instead (RFC 8259 §2).
        out.append(qMax<qsizetype>(0, size - out.size() - 1), ' ');
        out.append('}');
        return out;
    }
    out = 'c' + QByteArray::number(cseq) + ' ' + QByteArray::number(epochUs) + ' ';
    const qsizetype pad = qMax<qsizetype>(0, size - out.size());
    if (kind == LabPayloadKind::Text) {
        out.append(pad, 'x');
        return out;
    }
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QRandomGenerator *random = QRandomGenerator::global();
    for (qsizetype i = 0; i < pad; ++i)
        out.append(alphabet[random->bounded(62)]);
    return out;
}

} // namespace wirescope

#include "core/wire/permessagedeflate.h"

#include "core/wire/wshandshake.h"

#include <zlib.h>

namespace wirescope {

QByteArray PmdOffer::headerValue() const
{
    QByteArray out = "permessage-deflate";
    if (serverNoContextTakeover)
        out += "; server_no_context_takeover";
    if (clientNoContextTakeover)
        out += "; client_no_context_takeover";
    if (serverMaxWindowBits)
        out += "; server_max_window_bits=" + QByteArray::number(*serverMaxWindowBits);
    if (clientMaxWindowBitsValue)
        out += "; client_max_window_bits=" + QByteArray::number(pmdClientWindowBits(*clientMaxWindowBitsValue));
    else if (clientMaxWindowBits)
        out += "; client_max_window_bits";
    return out;
}

QByteArray PmdParams::headerValue() const
{
    QByteArray out = "permessage-deflate";
    if (serverNoContextTakeover)
        out += "; server_no_context_takeover";
    if (clientNoContextTakeover)
        out += "; client_no_context_takeover";
    if (serverMaxWindowBits != 15)
        out += "; server_max_window_bits=" + QByteArray::number(serverMaxWindowBits);
    if (clientMaxWindowBits != 15)
        out += "; client_max_window_bits=" + QByteArray::number(clientMaxWindowBits);
    return out;
}

namespace {

// One extension parameter as written (RFC 6455 §9.1: token, or token "=" token / quoted-string).
struct PmdParameter {
    QByteArray name;     // lower case
    QByteArray value;    // unquoted
    bool hasValue = false;
    QByteArray text;     // as written, for messages
};

// The parameters of a permessage-deflate element, or nullopt with *error when it is another
// extension or names a parameter twice (RFC 7692 §7.1).
std::optional<QList<PmdParameter>> pmdParameters(const QByteArray &element, QString *error)
{
    const QList<QByteArray> parts = element.split(';');
    if (parts.isEmpty() || parts.first().trimmed().toLower() != "permessage-deflate") {
        *error = QStringLiteral("not permessage-deflate");
        return std::nullopt;
    }
    QList<PmdParameter> out;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        PmdParameter parameter;
        parameter.text = parts.at(i).trimmed();
        const qsizetype eq = parameter.text.indexOf('=');
        parameter.hasValue = eq >= 0;
        parameter.name = (eq < 0 ? parameter.text : parameter.text.left(eq)).trimmed().toLower();
        parameter.value = eq < 0 ? QByteArray() : parameter.text.mid(eq + 1).trimmed();
        if (parameter.value.size() >= 2 && parameter.value.startsWith('"') && parameter.value.endsWith('"'))
            parameter.value = parameter.value.mid(1, parameter.value.size() - 2);
        for (const PmdParameter &earlier : out) {
            if (earlier.name == parameter.name) {
                *error = QStringLiteral("duplicate parameter ") + QString::fromLatin1(parameter.name);
                return std::nullopt;
            }
        }
        out.append(parameter);
    }
    return out;
}

// RFC 7692 §7.1.2: a window size is 8-15, written without leading zeros.
bool pmdWindowBits(const QByteArray &value, int *out)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n < 8 || n > 15 || value.startsWith('0'))
        return false;
    *out = n;
    return true;
}

} // namespace

std::optional<PmdParams> pmdAcceptOffer(const QByteArray &offerElement)
{
    QString error;
    const std::optional<QList<PmdParameter>> parameters = pmdParameters(offerElement, &error);
    if (!parameters)
        return std::nullopt;
    PmdParams params;
    for (const PmdParameter &parameter : *parameters) {
        int bits = 0;
        if (parameter.name == "server_no_context_takeover" && !parameter.hasValue) {
            params.serverNoContextTakeover = true; // §7.1.1.1: accepted, so answered
        } else if (parameter.name == "client_no_context_takeover" && !parameter.hasValue) {
            params.clientNoContextTakeover = true; // §7.1.1.2: may be answered; it is
        } else if (parameter.name == "server_max_window_bits" && pmdWindowBits(parameter.value, &bits)) {
            params.serverMaxWindowBits = bits;     // §7.1.2.1: our window at most that
        } else if (parameter.name == "client_max_window_bits"
                   && (!parameter.hasValue || pmdWindowBits(parameter.value, &bits))) {
            // §7.1.2.2: the client may use any window up to what it offered; we need not limit it.
            if (parameter.hasValue)
                params.clientMaxWindowBits = bits;
        } else {
            return std::nullopt; // §7.1: unknown parameter or invalid value: decline this offer
        }
    }
    return params;
}

std::optional<PmdParams> pmdNegotiate(const PmdOffer &offer, const QByteArray &responseElement, QString *error)
{
    auto failWith = [&](const QString &why) -> std::optional<PmdParams> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QString why;
    const std::optional<QList<PmdParameter>> parameters = pmdParameters(responseElement, &why);
    if (!parameters)
        return failWith(why);
    PmdParams params;
    QList<QByteArray> seen;
    for (const PmdParameter &parameter : *parameters) {
        const QByteArray &part = parameter.text;
        const QByteArray &name = parameter.name;
        const QByteArray &value = parameter.value;
        seen << name;
        if (name == "server_no_context_takeover" && !parameter.hasValue) {
            params.serverNoContextTakeover = true;
        } else if (name == "client_no_context_takeover" && !parameter.hasValue) {
            params.clientNoContextTakeover = true;
        } else if (name == "server_max_window_bits") {
            if (!pmdWindowBits(value, &params.serverMaxWindowBits))
                return failWith(QStringLiteral("server_max_window_bits=") + QString::fromLatin1(value));
            // §7.1.2.1: the server may always lower its window; a value above the offered one is not allowed.
            if (offer.serverMaxWindowBits && params.serverMaxWindowBits > *offer.serverMaxWindowBits)
                return failWith(QStringLiteral("server_max_window_bits above the offer"));
        } else if (name == "client_max_window_bits") {
            // §7.1.2.2: only if the client offered it.
            if (!offer.clientMaxWindowBits && !offer.clientMaxWindowBitsValue)
                return failWith(QStringLiteral("client_max_window_bits was not offered"));
            if (!pmdWindowBits(value, &params.clientMaxWindowBits))
                return failWith(QStringLiteral("client_max_window_bits=") + QString::fromLatin1(value));
            // §7.1.2.2: the client must compress with at most that window. zlib's raw deflate
            // has none of 8 bits (it would write with 9), so with 8 this client honours the
            // limit by sending every message uncompressed, which RFC 7692 §6 allows (RSV1 = 0).
            if (offer.clientMaxWindowBitsValue
                && params.clientMaxWindowBits > pmdClientWindowBits(*offer.clientMaxWindowBitsValue))
                return failWith(QStringLiteral("client_max_window_bits above the offer"));
        } else {
            return failWith(QStringLiteral("unknown parameter ") + QString::fromLatin1(part));
        }
    }
    if (offer.serverMaxWindowBits && !seen.contains("server_max_window_bits"))
        return failWith(QStringLiteral("server_max_window_bits offered but not answered"));
    if (offer.serverNoContextTakeover && !params.serverNoContextTakeover)
        return failWith(QStringLiteral("server_no_context_takeover offered but not answered"));
    if (offer.clientNoContextTakeover)
        params.clientNoContextTakeover = true; // the client promised it anyway
    if (offer.clientMaxWindowBitsValue && !seen.contains("client_max_window_bits"))
        params.clientMaxWindowBits = pmdClientWindowBits(*offer.clientMaxWindowBitsValue);
    return params;
}

struct PerMessageDeflate::Streams {
    z_stream deflater{};
    z_stream inflater{};
    bool deflaterReady = false;
    bool inflaterReady = false;
};

PerMessageDeflate::PerMessageDeflate(WsRole role, const PmdParams &params)
    : m_role(role)
    , m_params(params)
    , m_streams(std::make_unique<Streams>())
{
    const int ourBits = role == WsRole::Client ? params.clientMaxWindowBits : params.serverMaxWindowBits;
    // zlib's raw deflate cannot use an 8-bit window (it would use 9, which a peer limited to
    // 8 could not read): with 8 nothing is compressed (compresses() is false).
    // Inflating always takes a 15-bit window, which reads any smaller one.
    m_streams->deflaterReady = ourBits >= kPmdMinClientWindowBits
        && deflateInit2(&m_streams->deflater, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -ourBits, 8, Z_DEFAULT_STRATEGY) == Z_OK;
    m_streams->inflaterReady = inflateInit2(&m_streams->inflater, -15) == Z_OK;
}

PerMessageDeflate::~PerMessageDeflate()
{
    if (m_streams->deflaterReady)
        deflateEnd(&m_streams->deflater);
    if (m_streams->inflaterReady)
        inflateEnd(&m_streams->inflater);
}

bool PerMessageDeflate::compresses() const
{
    return m_streams->deflaterReady;
}

QByteArray PerMessageDeflate::compress(QByteArrayView message)
{
    z_stream &z = m_streams->deflater;
    QByteArray out;
    if (!m_streams->deflaterReady)
        return out;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(message.data()));
    z.avail_in = uInt(message.size());
    qsizetype produced = 0;
    out.resize(qsizetype(deflateBound(&z, uLong(message.size()))) + 16);
    for (;;) {
        z.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        z.avail_out = uInt(out.size() - produced);
        deflate(&z, Z_SYNC_FLUSH);
        produced = out.size() - qsizetype(z.avail_out);
        if (z.avail_out != 0)
            break;
        out.resize(out.size() * 2);
    }
    out.resize(produced);
    // RFC 7692 §7.2.1: remove the 4 octets 0x00 0x00 0xff 0xff of the sync flush.
    if (out.endsWith(QByteArrayView("\x00\x00\xff\xff", 4)))
        out.chop(4);
    const bool noTakeover = m_role == WsRole::Client ? m_params.clientNoContextTakeover
                                                     : m_params.serverNoContextTakeover;
    if (noTakeover)
        deflateReset(&z);
    return out;
}

PmdInflateResult PerMessageDeflate::decompress(QByteArrayView compressed, qint64 maxSize)
{
    PmdInflateResult result;
    z_stream &z = m_streams->inflater;
    if (!m_streams->inflaterReady) {
        result.status = PmdInflateResult::Status::Corrupt;
        result.error = QStringLiteral("inflater not initialised");
        return result;
    }
    static const char tail[4] = {0x00, 0x00, char(0xff), char(0xff)};
    // RFC 7692 §7.2.2: append 00 00 FF FF, then inflate. Output grows in steps, never past
    // maxSize + 1 (the one extra byte proves the message is too big).
    QByteArray &out = result.data;
    qsizetype produced = 0;
    const QByteArrayView pieces[2] = {compressed, QByteArrayView(tail, 4)};
    bool failed = false;
    for (const QByteArrayView &piece : pieces) {
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(piece.data()));
        z.avail_in = uInt(piece.size());
        while (z.avail_in > 0 || (produced == out.size() && out.size() > 0 && !failed)) {
            if (produced == out.size()) {
                const qint64 cap = maxSize + 1;
                if (out.size() >= cap) {
                    result.status = PmdInflateResult::Status::TooBig;
                    failed = true;
                    break;
                }
                const qint64 grow = std::max<qint64>(4096, out.size());
                out.resize(qsizetype(std::min<qint64>(cap, out.size() + grow)));
            }
            z.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
            z.avail_out = uInt(out.size() - produced);
            const int rc = inflate(&z, Z_SYNC_FLUSH);
            produced = out.size() - qsizetype(z.avail_out);
            if (rc == Z_BUF_ERROR && z.avail_in == 0 && z.avail_out > 0)
                break; // all input consumed
            if (rc != Z_OK && rc != Z_BUF_ERROR && rc != Z_STREAM_END) {
                result.status = PmdInflateResult::Status::Corrupt;
                result.error = QString::fromLatin1(z.msg ? z.msg : "inflate error");
                failed = true;
                break;
            }
            if (rc == Z_STREAM_END) {
                // A BFINAL block ended the stream; the window restarts for the next message.
                inflateReset(&z);
                if (z.avail_in == 0)
                    break;
            }
            if (z.avail_in == 0 && z.avail_out > 0)
                break;
        }
        if (failed)
            break;
    }
    if (produced > maxSize && !failed)
        result.status = PmdInflateResult::Status::TooBig;
    out.resize(std::min<qsizetype>(produced, qsizetype(maxSize)));
    const bool noTakeover = m_role == WsRole::Client ? m_params.serverNoContextTakeover
                                                     : m_params.clientNoContextTakeover;
    if (noTakeover || result.status != PmdInflateResult::Status::Ok)
        inflateReset(&z);
    return result;
}

} // namespace wirescope

#pragma once

#include "core/wire/wsframe.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace wirescope {

// zlib's raw deflate writes with windows of 9-15 bits only (an 8-bit request silently becomes
// 9), so as a client we offer client_max_window_bits 9-15 (RFC 7692 §7.1.2.2). A server that
// answers 8 anyway gets our messages uncompressed (PerMessageDeflate::compresses()).
constexpr int kPmdMinClientWindowBits = 9;
constexpr int pmdClientWindowBits(int bits)
{
    return bits < kPmdMinClientWindowBits ? kPmdMinClientWindowBits : bits > 15 ? 15 : bits;
}

// RFC 7692 §7.1: the parameters a client offers in Sec-WebSocket-Extensions.
struct PmdOffer {
    bool serverNoContextTakeover = false;
    bool clientNoContextTakeover = false;
    std::optional<int> serverMaxWindowBits;  // 8-15
    bool clientMaxWindowBits = true;         // offer "client_max_window_bits" (no value)
    std::optional<int> clientMaxWindowBitsValue; // 9-15, sends "client_max_window_bits=N" (8 is sent as 9)

    QByteArray headerValue() const; // "permessage-deflate; client_max_window_bits"
};

// What the server's response agreed to.
struct PmdParams {
    bool serverNoContextTakeover = false;
    bool clientNoContextTakeover = false;
    int serverMaxWindowBits = 15;
    int clientMaxWindowBits = 15;

    QByteArray headerValue() const; // the response form, for a server
};

// RFC 7692 §7.1: checks the server's permessage-deflate extension element against the
// offer. Returns the agreed parameters, or nullopt with *error set.
std::optional<PmdParams> pmdNegotiate(const PmdOffer &offer, const QByteArray &responseElement,
                                      QString *error);

// RFC 7692 §7.1, as a server: the parameters to answer one permessage-deflate element of a
// client's offer with, or nullopt when the offer must be declined (an unknown parameter, an
// invalid value, a parameter twice). PmdParams::headerValue() is the answer.
std::optional<PmdParams> pmdAcceptOffer(const QByteArray &offerElement);

struct PmdInflateResult {
    enum class Status : quint8 { Ok, TooBig, Corrupt };
    Status status = Status::Ok;
    QByteArray data;
    QString error; // zlib's message when corrupt
};

// permessage-deflate for one connection (RFC 7692 §7.2): one compressor for what we send,
// one decompressor for what we receive, each keeping its LZ77 window between messages
// unless the negotiated *_no_context_takeover says otherwise.
class PerMessageDeflate
{
public:
    // role: which side we are (a client compresses with client_* parameters).
    PerMessageDeflate(WsRole role, const PmdParams &params);
    ~PerMessageDeflate();
    PerMessageDeflate(const PerMessageDeflate &) = delete;
    PerMessageDeflate &operator=(const PerMessageDeflate &) = delete;

    // RFC 7692 §7.2.1: deflate, flush with Z_SYNC_FLUSH and strip the final 00 00 FF FF.
    QByteArray compress(QByteArrayView message);
    // RFC 7692 §7.2.2: append 00 00 FF FF and inflate; never produces more than maxSize
    // bytes (TooBig instead).
    PmdInflateResult decompress(QByteArrayView compressed, qint64 maxSize);

    const PmdParams &params() const { return m_params; }
    // False when our negotiated window is 8 bits (zlib has no such raw deflate window): our
    // messages then go out uncompressed, RSV1 = 0, as RFC 7692 §6 allows.
    bool compresses() const;

private:
    struct Streams;
    WsRole m_role;
    PmdParams m_params;
    std::unique_ptr<Streams> m_streams;
};

} // namespace wirescope

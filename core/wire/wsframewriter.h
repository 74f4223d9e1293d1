#pragma once

#include "core/wire/wsframe.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace wirescope {

// Craft mode: every header field chosen by hand, to see how a server reacts to a frame
// that breaks the rules. Nothing is checked or corrected.
struct WsCraftSpec {
    bool fin = true;
    bool rsv1 = false;
    bool rsv2 = false;
    bool rsv3 = false;
    quint8 opcode = 0x1;               // any of the 16 values (only the low 4 bits are used)
    bool masked = true;                // false writes an unmasked client frame
    std::optional<WsMaskKey> maskKey;  // default: a fresh key from the CSPRNG
    enum class Length : quint8 { Minimal, Force16, Force64 };
    Length lengthEncoding = Length::Minimal; // Force16/Force64 give a non-minimal encoding
    std::optional<quint64> declaredLength;   // lie about the payload length
    QByteArray payload;                      // unmasked; masked on writing when masked
};

// RFC 6455 §5 frame writer. As a client (the default) every frame is masked with a fresh
// 32-bit key from QRandomGenerator::system() (RFC 6455 §5.3: unpredictable keys).
class WsFrameWriter
{
public:
    explicit WsFrameWriter(WsRole role = WsRole::Client);

    // Data messages. fragmentSize > 0 splits the payload into frames of at most that many
    // bytes (first frame keeps the opcode, then continuations, FIN on the last).
    // rsv1 marks the first frame as compressed (RFC 7692); the payload is sent as given.
    QByteArray text(const QString &text, qsizetype fragmentSize = 0);
    QByteArray message(WsOpcode opcode, QByteArrayView payload, qsizetype fragmentSize = 0,
                       bool rsv1 = false);
    // Same, appended to `out` (a connection's send buffer: many frames, one write).
    void appendMessage(QByteArray &out, WsOpcode opcode, QByteArrayView payload, qsizetype fragmentSize = 0,
                       bool rsv1 = false);
    QByteArray ping(QByteArrayView payload = {});
    QByteArray pong(QByteArrayView payload = {});
    // RFC 6455 §5.5.1: empty payload when code is absent; reason is UTF-8.
    QByteArray close(std::optional<quint16> code, const QString &reason = {});
    // One frame with the given header bits (control or data).
    QByteArray frame(WsOpcode opcode, QByteArrayView payload, bool fin = true, bool rsv1 = false);

    // Writes exactly what the spec says (static: depends only on the spec and the CSPRNG).
    static QByteArray craft(const WsCraftSpec &spec);

    WsRole role() const { return m_role; }
    // Test hook: use this key for every frame instead of the CSPRNG.
    void setFixedMaskKey(std::optional<WsMaskKey> key) { m_fixedKey = key; }

    // A fresh key from the system CSPRNG (drawn in blocks of 256 keys to spare syscalls).
    static WsMaskKey randomMaskKey();

private:
    void appendFrame(QByteArray &out, quint8 firstByte, QByteArrayView payload);

    WsRole m_role;
    std::optional<WsMaskKey> m_fixedKey;
};

} // namespace wirescope

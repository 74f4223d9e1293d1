#pragma once

#include "core/wire/utf8validator.h"
#include "core/wire/violation.h"
#include "core/wire/wsclosecode.h"
#include "core/wire/wsframe.h"

#include <QMetaType>

#include <vector>

namespace wirescope {

class PerMessageDeflate;

enum class WsMessageType : quint8 { Text, Binary };

// One data message, reassembled from its frames (and inflated when compressed).
struct WsMessage {
    WsMessageType type = WsMessageType::Text;
    QByteArray payload;        // the application data (inflated)
    bool compressed = false;   // RFC 7692: RSV1 on the first frame
    qint64 wireSize = 0;       // sum of the frames' payload lengths (compressed size)
    qint64 size = 0;           // payload.size(), the inflated size
    int frameCount = 0;
    qint64 firstFrameOffset = 0; // stream offset of the first frame
    qint64 lastFrameOffset = 0;  // and of the last: the message's frames are the data frames
                                 // from the first to the last (control frames may lie between)
    bool truncated = false;    // over a limit: payload is incomplete (a violation says why)
    bool utf8Valid = true;     // text messages only
};

struct WsAssemblerOptions {
    quint64 maxMessageSize = 64ull * 1024 * 1024;  // RFC 6455 §10.4, before inflating
    qint64 maxInflatedSize = 64ll * 1024 * 1024;   // RFC 7692 §8.1 inflate cap
};

// What one frame produced.
struct WsAssembleResult {
    std::vector<Violation> violations;
    bool hasMessage = false;
    WsMessage message;
    bool isClose = false;    // the frame was a close frame
    WsClosePayload close;    // decoded when isClose
};

// RFC 6455 §5.4 message assembly: fragments, interleaved control frames, UTF-8 checks
// across fragments (incremental, fail-fast), close payload checks, data after close,
// permessage-deflate when a PerMessageDeflate is attached.
class WsMessageAssembler
{
public:
    explicit WsMessageAssembler(const WsAssemblerOptions &options = {});

    void setDeflate(PerMessageDeflate *deflate) { m_deflate = deflate; }
    WsAssembleResult push(const WsFrame &frame);

    bool inMessage() const { return m_inMessage; }
    bool closeSeen() const { return m_closeSeen; }
    void reset();

private:
    void finishMessage(WsAssembleResult &result, const WsFrame &lastFrame);

    WsAssemblerOptions m_options;
    PerMessageDeflate *m_deflate = nullptr;
    bool m_inMessage = false;
    bool m_closeSeen = false;
    bool m_overLimit = false;
    bool m_utf8Reported = false;
    WsMessage m_current;
    Utf8Validator m_utf8;
};

} // namespace wirescope

Q_DECLARE_METATYPE(wirescope::WsMessage)

#pragma once

#include "core/session/httpexchangerecord.h"
#include "core/session/wsconnectoptions.h"
#include "core/session/wsrecords.h"
#include "core/wire/direction.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace wirescope {

class Timeline;

// One WebSocket data message of a conversation (control frames are the connection's own
// business: pings and pongs are not replayed or compared, the close is).
struct ReplayWsMessage {
    Direction direction = Direction::Out;
    bool binary = false;
    QByteArray payload;
    qint64 tNs = 0;
};

// A WebSocket connection as a replay sees it: how it was opened, how the upgrade was
// answered, its data messages in the order they crossed, how it ended.
struct ReplayWsConversation {
    quint32 connection = 0;
    WsConnectOptions options;
    int handshakeStatus = 0;   // 101, a refusal's status, 0: never answered
    qint64 openNs = -1;        // when the upgrade was answered (pacing is measured from here)
    QList<ReplayWsMessage> messages;
    std::shared_ptr<const WsCloseRecord> close; // null: the recording ended before the close
    qint64 clientCloseNs = -1; // when our close frame left (-1: we sent none)
    Failure failure;           // why it never opened (a failure row of the connection)

    qsizetype count(Direction direction) const;
    // RFC 6455 §5.5.1: after our close frame the server may still send what it had under
    // way; how much of it crosses our close is a race, not an answer, so such a message is
    // neither compared nor waited for.
    bool crossedOurClose(const ReplayWsMessage &message) const
    {
        return message.direction == Direction::In && clientCloseNs >= 0 && message.tNs > clientCloseNs;
    }
};

// One thing to send again: an HTTP exchange (with its redirects) or a WebSocket connection.
struct ReplayItem {
    enum class Kind : quint8 { Http, WebSocket };
    Kind kind = Kind::Http;
    qint64 startNs = 0; // on the recording's clock: the original pacing
    std::shared_ptr<const HttpExchangeRecord> exchange;
    ReplayWsConversation ws;

    // "GET http://host/path" or "WS ws://host/path": how reports name it.
    QString label() const;
};

class ReplayPlan
{
public:
    // Every exchange and WebSocket connection of a timeline, by when it started.
    static QList<ReplayItem> fromTimeline(const Timeline &timeline);
    // One WebSocket connection of a timeline (recorded or replayed), as compared.
    static ReplayWsConversation conversation(const Timeline &timeline, quint32 connection);

    // The URL sent to `base` instead: its scheme (http/https; ws/wss for WebSocket URLs,
    // following base's TLS), host and port, and base's path put before the recorded path.
    // An empty base keeps the URL. nullopt with *error for a base that is not
    // http(s):// or ws(s)://.
    static std::optional<QUrl> retarget(const QUrl &recorded, const QUrl &base, QString *error = nullptr);
    // The request an exchange's first hop sent, sent to `url` instead: the same method,
    // headers (Host rewritten for the new target) and body bytes. `extraHeaders` replace
    // headers of the same name (-H), or are added.
    static PreparedRequest retargetedRequest(const HttpExchangeRecord &recorded, const QUrl &url,
                                             const QList<WireHeader> &extraHeaders);
};

} // namespace wirescope

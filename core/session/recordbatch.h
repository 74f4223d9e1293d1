#pragma once

#include "core/session/failure.h"
#include "core/session/httpexchangerecord.h"
#include "core/session/timelinerow.h"
#include "core/session/wsconnectoptions.h"
#include "core/session/wsrecords.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace wirescope {

enum class ConnectionProtocol : quint8 { Http, WebSocket };

// What an Opening event says about its connection.
struct ConnectionOpening {
    ConnectionProtocol protocol = ConnectionProtocol::WebSocket;
    QString label;              // WebSocket: the URL; HTTP: "scheme://host:port"
    WsConnectOptions wsOptions; // WebSocket only: what it was opened with
};

// What engines hand to the Recorder: raw chunks (bytes back to back in one array) and rows
// in the order they happened, with the detail of the few rows that have any. Built on the
// engine's thread by a TimelineWriter, applied on the timeline's thread by the Recorder.
struct RecordBatch {
    struct Chunk {
        quint32 connection = 0;
        Direction direction = Direction::In;
        qint64 tNs = 0;
        qint64 offset = 0;   // in the connection's stream for that direction
        qsizetype begin = 0; // in `bytes`
        qsizetype length = 0;
    };
    // Detail of one row, by the row's index in `rows`.
    template<typename T>
    struct Detail {
        size_t row = 0;
        T value;
    };
    struct MessageDetail {
        qint64 lastFrameOffset = -1; // the frames are the data frames from row.offset to here
        QByteArray payload;          // kept only when the frames cannot give it back (inflated)
    };

    QByteArray bytes;
    std::vector<Chunk> chunks;
    std::vector<TimelineRow> rows;
    std::vector<Detail<Violation>> violations;
    std::vector<Detail<Failure>> failures;
    std::vector<Detail<QString>> notes;
    std::vector<Detail<MessageDetail>> messages;
    std::vector<Detail<QByteArray>> inflated;  // one-frame compressed messages: their data
    std::vector<Detail<qint64>> roundTrips;    // pong frames answering our ping: RTT in ns
    std::vector<Detail<ConnectionOpening>> openings;
    std::vector<Detail<std::shared_ptr<const WsHandshakeRecord>>> handshakes;
    std::vector<Detail<std::shared_ptr<const WsCloseRecord>>> closes;
    std::vector<Detail<std::shared_ptr<const HttpExchangeRecord>>> exchanges;

    bool isEmpty() const { return chunks.empty() && rows.empty(); }
};

} // namespace wirescope

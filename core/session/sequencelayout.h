#pragma once

#include "core/session/recordbatch.h"
#include "core/wire/direction.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace wirescope {

class Timeline;
struct HttpHop;

// What one arrow of the sequence diagram stands for.
enum class SequenceArrowKind : quint8 {
    TcpConnect,      // the connection was opened (its Opening row)
    TlsHandshake,    // the TLS handshake started (RFC 8446 §2)
    UpgradeRequest,  // the WebSocket opening handshake's GET (RFC 6455 §4.1)
    UpgradeResponse, // its answer, 101 when accepted (RFC 6455 §4.2.2)
    Data,            // a data frame that is a whole message by itself
    Fragment,        // one frame of a fragmented message (RFC 6455 §5.4)
    Message,         // a fragmented message, spanning its frames (a bracket, not an arrow)
    Ping,
    Pong,
    Close,           // a close frame (RFC 6455 §5.5.1)
    OtherFrame,      // a frame with a reserved opcode
    HttpRequest,
    HttpResponse,
    Violation,       // a broken rule not tied to a frame
    Failure,         // the engine gave up
    Note,            // the user's note
    TcpEnd,          // the connection ended
};

// A connection's two lanes: the client (Wirescope) on the left, the server on the right.
struct SequenceLanes {
    quint32 connection = 0;
    ConnectionProtocol protocol = ConnectionProtocol::WebSocket;
    QString label; // the URL or scheme://host:port
    double clientX = 0;
    double serverX = 0;
};

struct SequenceArrow {
    SequenceArrowKind kind = SequenceArrowKind::Data;
    quint32 connection = 0;
    Direction direction = Direction::Out; // Out: client to server
    qint64 tNs = 0;         // session clock
    qsizetype row = -1;     // the timeline row it was drawn from
    quint8 opcode = 0;      // frames as sent; Message: text or binary
    quint32 size = 0;       // payload (frames), application data (messages), body (HTTP responses)
    int fragment = 0;       // Fragment: its position in the message, from 1
    int fragments = 0;      // Fragment, Message: frames of the message (0: the message never completed)
    bool interleaved = false; // a control frame sent between two fragments of a message (RFC 6455 §5.4)
    bool violated = false;  // a violation points into it
    bool gapCut = false;    // the time since the previous arrow was longer than the diagram shows
    int status = 0;         // UpgradeResponse, HttpResponse
    int closeCode = -1;     // Close: the code in its payload, -1 when none (or its bytes are gone)
    qint64 rttNs = -1;      // Pong: the round trip the engine measured
    QString text;           // method and target, close reason, failure or violation id, note
    double y = 0;
    double firstY = 0;      // Message: the y of its first fragment (else y)
};

// One HTTP timing phase of an exchange or a WebSocket handshake (HAR 1.2 names), drawn on
// the client lane.
struct SequencePhase {
    quint32 connection = 0;
    qsizetype row = -1;
    const char *name = "";  // "dns", "connect", "ssl", "send", "wait", "receive"
    qint64 startNs = 0;
    qint64 endNs = 0;
    double y0 = 0;
    double y1 = 0;
};

struct SequenceLayoutOptions {
    QList<quint32> connections; // the connections to draw, in this order; empty: all of them
    // Keeps the order of the arrows but not the gaps between them: one step each.
    bool compressed = false;
    double top = 70;          // y of the first arrow
    double left = 120;        // x of the first client lane (the time axis is left of it)
    double laneGap = 260;     // client lane to server lane
    double pairGap = 80;      // one connection's server lane to the next one's client lane
    double step = 30;         // the least distance between two arrows; compressed: the distance
    double maxGap = 20 * 30;  // a longer real gap is cut to this (SequenceArrow::gapCut)
    // Real time scale; 0: chosen so the arrows span about twice their compressed height.
    double pixelsPerMs = 0;
};

// The sequence diagram of a session, or some of its connections, as values: lanes, arrows
// and phases with their coordinates. Everything the painters (the window, the SVG and PNG
// exports) draw is decided here, so it is tested without painting.
class SequenceLayout
{
public:
    static SequenceLayout build(const Timeline &timeline, const SequenceLayoutOptions &options = {});

    const QList<SequenceLanes> &lanes() const { return m_lanes; }
    const std::vector<SequenceArrow> &arrows() const { return m_arrows; } // in time order
    const std::vector<SequencePhase> &phases() const { return m_phases; }
    const SequenceLayoutOptions &options() const { return m_options; }
    const SequenceLanes *lanesOf(quint32 connection) const;
    qint64 originNs() const { return m_originNs; } // the first arrow's time
    double pixelsPerMs() const { return m_pixelsPerMs; } // the real scale used (compressed too)
    double width() const { return m_width; }
    double height() const { return m_height; }

    // The arrow drawn from timeline row `row` (the first one of several; a violation's row
    // gives the frame it points into); -1 when none.
    int arrowOfRow(qsizetype row) const { return m_arrowOfRow.value(row, -1); }
    // The y of session time `tNs`, between the arrows around it (clamped to the first and last).
    double yAt(qint64 tNs) const;

private:
    void addTimelineRow(const Timeline &timeline, qsizetype row);
    void addHop(const HttpHop &hop, quint32 connection, qsizetype row, bool upgrade);
    void place();

    SequenceLayoutOptions m_options;
    QList<SequenceLanes> m_lanes;
    std::vector<SequenceArrow> m_arrows;
    std::vector<SequencePhase> m_phases;
    QHash<qsizetype, int> m_arrowOfRow;
    // The placed arrows (not Message brackets) as (time, y), for yAt().
    std::vector<std::pair<qint64, double>> m_placed;
    // Fragment arrows of a message still open, by connection and direction (build only).
    QHash<quint64, std::vector<size_t>> m_openFragments;
    std::vector<qsizetype> m_violationRows;
    qint64 m_originNs = 0;
    double m_pixelsPerMs = 0;
    double m_width = 0;
    double m_height = 0;
};

} // namespace wirescope

#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <QUrl>

#include <optional>

namespace wirescope {

// How the lab client reads a run's messages (docs/lab-endpoints.md, docs/cli-lab.md).
enum class LabTransport : quint8 { Poll, KeepAlive, LongPoll, Sse, Stream, WebSocket, WebSocketDeflate };
// push: the server sends; echo: the client sends, each message answered; chat: both.
enum class LabWorkload : quint8 { Push, Echo, Chat };
enum class LabPayloadKind : quint8 { Text, Json, Random };

// The names the CLI, the JSON and the CSV use: "poll", "keepalive", "longpoll", "sse",
// "stream", "ws", "ws-deflate"; "push", "echo", "chat"; "text", "json", "random".
QString labName(LabTransport transport);
QString labName(LabWorkload workload);
QString labName(LabPayloadKind payload);
std::optional<LabTransport> labTransportFromName(QStringView name);
std::optional<LabWorkload> labWorkloadFromName(QStringView name);
std::optional<LabPayloadKind> labPayloadKindFromName(QStringView name);
// Every transport, in the order of the table in docs/cli-lab.md.
QList<LabTransport> allLabTransports();
// The transports that ask the server again and again (poll, keepalive, longpoll).
bool isPollingTransport(LabTransport transport);
bool isWebSocketTransport(LabTransport transport);

struct LabConfig
{
    QUrl baseUrl;                    // http://127.0.0.1:port : the endpoints are under /lab/
    QList<LabTransport> transports;  // run one after another, in this order (never at once:
                                     // each transport gets the machine to itself)
    LabWorkload workload = LabWorkload::Push;
    LabPayloadKind payload = LabPayloadKind::Json;
    double rate = 20;                // push: server events/s; echo: client messages/s (one
                                     // outstanding at a time: the next waits for the answer);
                                     // chat: both the server's events and the client's messages
    int size = 64;                   // payload bytes per message
    int durationMs = 5000;           // per transport
    int pollIntervalMs = 50;         // poll, keepalive
    int lateMs = 100;                // a delivered message whose delay exceeds this is "late"
    int connectTimeoutMs = 5000;
};

} // namespace wirescope

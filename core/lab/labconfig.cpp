#include "core/lab/labconfig.h"

#include <array>
#include <utility>

namespace wirescope {

namespace {

constexpr std::array<std::pair<LabTransport, const char *>, 7> transportNames{{
    {LabTransport::Poll, "poll"},
    {LabTransport::KeepAlive, "keepalive"},
    {LabTransport::LongPoll, "longpoll"},
    {LabTransport::Sse, "sse"},
    {LabTransport::Stream, "stream"},
    {LabTransport::WebSocket, "ws"},
    {LabTransport::WebSocketDeflate, "ws-deflate"},
}};
constexpr std::array<std::pair<LabWorkload, const char *>, 3> workloadNames{{
    {LabWorkload::Push, "push"},
    {LabWorkload::Echo, "echo"},
    {LabWorkload::Chat, "chat"},
}};
constexpr std::array<std::pair<LabPayloadKind, const char *>, 3> payloadNames{{
    {LabPayloadKind::Text, "text"},
    {LabPayloadKind::Json, "json"},
    {LabPayloadKind::Random, "random"},
}};

template<typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &names, E value)
{
    for (const auto &[v, name] : names) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char *>, N> &names, QStringView name)
{
    for (const auto &[v, n] : names) {
        if (name == QLatin1String(n))
            return v;
    }
    return std::nullopt;
}

} // namespace

QString labName(LabTransport transport) { return nameOf(transportNames, transport); }
QString labName(LabWorkload workload) { return nameOf(workloadNames, workload); }
QString labName(LabPayloadKind payload) { return nameOf(payloadNames, payload); }

std::optional<LabTransport> labTransportFromName(QStringView name) { return valueOf(transportNames, name); }
std::optional<LabWorkload> labWorkloadFromName(QStringView name) { return valueOf(workloadNames, name); }
std::optional<LabPayloadKind> labPayloadKindFromName(QStringView name) { return valueOf(payloadNames, name); }

QList<LabTransport> allLabTransports()
{
    QList<LabTransport> all;
    for (const auto &entry : transportNames)
        all.append(entry.first);
    return all;
}

bool isPollingTransport(LabTransport transport)
{
    return transport == LabTransport::Poll || transport == LabTransport::KeepAlive
        || transport == LabTransport::LongPoll;
}

bool isWebSocketTransport(LabTransport transport)
{
    return transport == LabTransport::WebSocket || transport == LabTransport::WebSocketDeflate;
}

} // namespace wirescope

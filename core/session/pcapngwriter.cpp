#include "core/session/pcapngwriter.h"

#include "core/session/timeline.h"

#include <QHostAddress>
#include <QUrl>
#include <QtEndian>

#include <algorithm>
#include <limits>
#include <map>

namespace wirescope {

namespace {

// draft-ietf-opsawg-pcapng §4: block types; §4.2 IDB link type (LINKTYPE_ETHERNET).
constexpr quint32 kSectionHeader = 0x0A0D0D0A;
constexpr quint32 kInterfaceDescription = 0x00000001;
constexpr quint32 kEnhancedPacket = 0x00000006;
constexpr quint32 kByteOrderMagic = 0x1A2B3C4D;
constexpr quint16 kLinkTypeEthernet = 1;
// §3.5 options: opt_endofopt, opt_comment; shb_userappl; if_name, if_tsresol.
constexpr quint16 kOptEnd = 0;
constexpr quint16 kOptComment = 1;
constexpr quint16 kShbUserAppl = 4;
constexpr quint16 kIfName = 2;
constexpr quint16 kIfTsResol = 9;

// TCP flags (RFC 9293 §3.1).
constexpr quint8 kFin = 0x01;
constexpr quint8 kSyn = 0x02;
constexpr quint8 kPsh = 0x08;
constexpr quint8 kAck = 0x10;

// RFC 7323 §2.2: the largest window scale. No pure ACKs are invented between data
// segments, so the advertised window must cover everything one side sends before the
// other answers; 65535 << 14 (1 GiB) does, and keeps tshark's "window full" quiet.
constexpr quint8 kWindowScale = 14;

// Multi-byte fields: pcapng blocks in little endian (the section's byte-order magic says
// so), network headers in big endian (RFC 1700's network byte order).
template<typename T>
void appendLe(QByteArray &b, T v)
{
    const T le = qToLittleEndian(v);
    b.append(reinterpret_cast<const char *>(&le), sizeof le);
}

template<typename T>
void appendBe(QByteArray &b, T v)
{
    const T be = qToBigEndian(v);
    b.append(reinterpret_cast<const char *>(&be), sizeof be);
}

void pad4(QByteArray &b)
{
    while (b.size() % 4)
        b.append('\0');
}

// draft-ietf-opsawg-pcapng §3.5: code, length, value padded to 32 bits.
void appendOption(QByteArray &b, quint16 code, const QByteArray &value)
{
    appendLe<quint16>(b, code);
    appendLe<quint16>(b, quint16(value.size()));
    b.append(value);
    pad4(b);
}

// §3.1: type, total length, body, total length again.
QByteArray block(quint32 type, const QByteArray &body)
{
    QByteArray b;
    const quint32 total = quint32(12 + body.size());
    appendLe<quint32>(b, type);
    appendLe<quint32>(b, total);
    b.append(body);
    appendLe<quint32>(b, total);
    return b;
}

// RFC 1071: the Internet checksum, summed in 16-bit big-endian words.
quint32 sumWords(const char *data, qsizetype size, quint32 sum = 0)
{
    for (qsizetype i = 0; i + 1 < size; i += 2)
        sum += (quint32(quint8(data[i])) << 8) | quint8(data[i + 1]);
    if (size % 2)
        sum += quint32(quint8(data[size - 1])) << 8;
    return sum;
}

quint16 foldChecksum(quint32 sum)
{
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return quint16(~sum);
}

struct Endpoint {
    QHostAddress address;
    quint16 port = 0;
};

// "127.0.0.1:8080" or "[::1]:8080" (the handshake record's form, RFC 3986 §3.2.2).
Endpoint parseEndpoint(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return {};
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const quint16 port = quint16(text.mid(colon + 1).toUInt(&ok));
    return ok ? Endpoint{QHostAddress(host), port} : Endpoint{};
}

// An IPv4-mapped IPv6 address (a dual-stack socket's view of 127.0.0.1) is the IPv4 address.
QHostAddress plain(const QHostAddress &a)
{
    bool v4 = false;
    const quint32 ip4 = a.toIPv4Address(&v4);
    return v4 ? QHostAddress(ip4) : a;
}

// A direction of one connection: its index in TimelineConnection::streams and who sends it.
enum Side : int { FromServer = 0, FromClient = 1 };

struct MaskedHead {
    qint64 offset = 0;
    QByteArray bytes; // the head with hidden values overwritten, same length
};

struct ConnectionPlan {
    const TimelineConnection *connection = nullptr;
    Endpoint client;
    Endpoint server;
    const PhaseTimings *timings = nullptr; // of the handshake or the first request: when TCP connected
    bool tls = false;
    bool addressesRecorded = true;
    std::vector<MaskedHead> masked[2]; // by Side
};

// One packet to write, without its payload bytes (read from the stream when written), so
// sorting the packets of all connections by time costs a few words per packet.
struct Packet {
    qint64 tNs = 0;
    quint32 plan = 0;
    Side side = FromClient;
    quint8 flags = 0;
    quint32 seq = 0;
    quint32 ack = 0;
    qint64 offset = 0; // stream offset of the payload
    qint64 length = 0;
    int comment = -1;  // into the comment list
};

// Where the request heads of a connection lie in its outbound stream: requests are
// written back to back, so each is looked for from where the previous one ended.
qint64 locate(const ByteStream &stream, const QByteArray &bytes, qint64 from)
{
    if (bytes.isEmpty())
        return -1;
    if (stream.holds(from, bytes.size()) && stream.copy(from, bytes.size()) == bytes)
        return from;
    const qint64 begin = std::max(from, stream.begin());
    const QByteArray held = stream.copy(begin, stream.end() - begin);
    const qsizetype at = held.indexOf(bytes);
    return at < 0 ? -1 : begin + at;
}

QByteArray headOf(const QByteArray &message)
{
    const qsizetype end = message.indexOf("\r\n\r\n");
    return end < 0 ? message : message.left(end + 4);
}

void addMasked(std::vector<MaskedHead> &out, const Redaction &redaction, qint64 offset, const QByteArray &head)
{
    if (offset < 0 || head.isEmpty())
        return;
    QByteArray masked = redaction.maskHead(head);
    if (masked != head)
        out.push_back(MaskedHead{offset, std::move(masked)});
}

class Builder
{
public:
    Builder(const Timeline &timeline, const ExportOptions &options)
        : m_timeline(timeline), m_options(options), m_redaction(options.redaction)
    {
    }

    void plan();
    const std::vector<ConnectionPlan> &plans() const { return m_plans; }
    std::vector<Packet> &packets() { return m_packets; }
    const QStringList &comments() const { return m_comments; }
    QByteArray frame(const Packet &p) const;

private:
    void planConnection(const TimelineConnection &c, const std::vector<const HttpHop *> &hops);
    void planPackets(quint32 index);
    // The user's notes on rows of plan `index`'s connection, each on the packet that carries
    // the first byte of its row (a frame, a message, the upgrade request, an exchange's
    // request); its packets are m_packets[firstPacket...].
    void addNotes(quint32 index, size_t firstPacket);
    // Where `row` starts on the wire: its connection, direction and stream offset (false: a
    // row that has no bytes of its own, or whose start is not known).
    bool startOf(qsizetype row, quint32 *connection, Side *side, qint64 *offset) const;
    int comment(const QString &text)
    {
        m_comments.append(text);
        return int(m_comments.size() - 1);
    }

    const Timeline &m_timeline;
    const ExportOptions &m_options;
    Redaction m_redaction;
    std::vector<ConnectionPlan> m_plans;
    std::vector<Packet> m_packets;
    QStringList m_comments;
    std::map<const HttpHop *, qint64> m_requestAt; // each hop's request in its outbound stream
};

void Builder::plan()
{
    // The hops that ran on each connection, in the order they were sent: their addresses
    // and request heads. Kept alive by `records` while planning.
    std::vector<std::shared_ptr<const HttpExchangeRecord>> records;
    std::map<quint32, std::vector<const HttpHop *>> hopsOf;
    for (qsizetype row = 0; row < m_timeline.rowCount(); ++row) {
        if (m_timeline.row(row).rowKind() != RowKind::Exchange)
            continue;
        auto record = m_timeline.exchange(row);
        if (!record)
            continue;
        for (const HttpHop &hop : record->hops)
            hopsOf[quint32(hop.connection.id)].push_back(&hop);
        records.push_back(std::move(record));
    }
    for (auto &[id, hops] : hopsOf)
        std::stable_sort(hops.begin(), hops.end(), [](const HttpHop *a, const HttpHop *b) {
            return a->timings.sendStartNs < b->timings.sendStartNs;
        });
    for (quint32 id : m_timeline.connectionIds()) {
        const TimelineConnection *c = m_timeline.connection(id);
        if (!m_options.includes(id) || (c->streams[0].end() == 0 && c->streams[1].end() == 0))
            continue; // nothing crossed the wire (refused, failed before sending)
        planConnection(*c, hopsOf[id]);
    }
    for (quint32 i = 0; i < m_plans.size(); ++i)
        planPackets(i);
    // One file in time order; within a connection the order is already the stream order.
    std::stable_sort(m_packets.begin(), m_packets.end(), [](const Packet &a, const Packet &b) { return a.tNs < b.tNs; });
}

void Builder::planConnection(const TimelineConnection &c, const std::vector<const HttpHop *> &hops)
{
    ConnectionPlan p;
    p.connection = &c;
    if (c.handshake) {
        p.server = parseEndpoint(c.handshake->peerAddress);
        p.client = parseEndpoint(c.handshake->localAddress);
        p.tls = c.handshake->tls.used;
        p.timings = &c.handshake->timings;
    } else if (!hops.empty()) {
        const ConnectionInfo &info = hops.front()->connection;
        p.server = Endpoint{QHostAddress(info.remoteAddress), info.remotePort};
        p.client = Endpoint{QHostAddress(info.localAddress), info.localPort};
        p.tls = info.tls.used;
        p.timings = &hops.front()->timings;
    }
    p.server.address = plain(p.server.address);
    p.client.address = plain(p.client.address);
    if (p.server.address.isNull() || p.client.address.isNull()
        || p.server.address.protocol() != p.client.address.protocol()) {
        // Not recorded (a connection that failed before its handshake finished, a session
        // from before addresses were kept): documentation addresses (RFC 5737) and the
        // URL's port, said so in a comment.
        const QUrl url(c.label);
        const bool secure = url.scheme() == u"https" || url.scheme() == u"wss";
        p.server = Endpoint{QHostAddress(QStringLiteral("192.0.2.2")), quint16(url.port(secure ? 443 : 80))};
        p.client = Endpoint{QHostAddress(QStringLiteral("192.0.2.1")), quint16(49152 + c.id % 16384)};
        p.addressesRecorded = false;
        p.tls = p.tls || secure;
    }
    // Where each request starts (for notes on exchanges), and the credentials in the heads
    // (docs/pcapng.md "Redaction"): overwritten byte for byte.
    const ByteStream &out = c.streams[FromClient];
    qint64 cursor = 0;
    for (const HttpHop *hop : hops) {
        const qint64 at = locate(out, headOf(hop->requestBytes), cursor);
        m_requestAt[hop] = at;
        if (at >= 0)
            cursor = at + hop->requestBytes.size();
    }
    if (m_redaction.enabled()) {
        if (c.handshake) {
            addMasked(p.masked[FromClient], m_redaction, locate(out, headOf(c.handshake->requestBytes), 0),
                      headOf(c.handshake->requestBytes));
            const HttpResponse &r = c.handshake->response;
            addMasked(p.masked[FromServer], m_redaction, r.offset, c.handshake->responseBytes.mid(r.offset, r.headBytes));
        }
        for (const HttpHop *hop : hops) {
            addMasked(p.masked[FromClient], m_redaction, m_requestAt[hop], headOf(hop->requestBytes));
            const HttpResponse &r = hop->response;
            const qint64 headStart = r.offset - hop->responseStreamOffset;
            if (r.offset >= 0 && headStart >= 0)
                addMasked(p.masked[FromServer], m_redaction, r.offset, hop->responseBytes.mid(headStart, r.headBytes));
        }
    }
    m_plans.push_back(std::move(p));
}

bool Builder::startOf(qsizetype row, quint32 *connection, Side *side, qint64 *offset) const
{
    if (row < 0 || row >= m_timeline.rowCount())
        return false;
    const TimelineRow &r = m_timeline.row(row);
    switch (r.rowKind()) {
    case RowKind::Frame:
    case RowKind::Message: // its offset is its first frame's
        *connection = r.connection;
        *side = r.direction() == Direction::Out ? FromClient : FromServer;
        *offset = r.offset;
        return true;
    case RowKind::Exchange: {
        const auto record = m_timeline.exchange(row);
        if (!record || record->hops.isEmpty())
            return false;
        const HttpHop &first = record->hops.first();
        const auto at = m_requestAt.find(&first);
        if (at == m_requestAt.end() || at->second < 0)
            return false;
        *connection = quint32(first.connection.id);
        *side = FromClient;
        *offset = at->second;
        return true;
    }
    case RowKind::Event: {
        const TimelineConnection *c = m_timeline.connection(r.connection);
        if (r.eventType() != EventType::Handshake || !c || !c->handshake)
            return false;
        *connection = r.connection;
        *side = FromClient;
        *offset = locate(c->streams[FromClient], headOf(c->handshake->requestBytes), 0);
        return *offset >= 0;
    }
    case RowKind::Violation:
        return false;
    }
    return false;
}

void Builder::addNotes(quint32 index, size_t firstPacket)
{
    const quint32 id = m_plans[index].connection->id;
    for (const SessionAnnotation &a : m_options.annotations) {
        quint32 connection = 0;
        Side side = FromClient;
        qint64 offset = -1;
        if (!startOf(a.row, &connection, &side, &offset) || connection != id)
            continue;
        for (size_t i = firstPacket; i < m_packets.size(); ++i) {
            Packet &pk = m_packets[i];
            if (pk.side != side || pk.length == 0 || offset < pk.offset || offset >= pk.offset + pk.length)
                continue;
            // Wireshark shows a packet's comments as "Packet comments", one line each here.
            if (pk.comment < 0)
                pk.comment = comment(a.text());
            else
                m_comments[pk.comment] += u'\n' + a.text();
            break;
        }
    }
}

void Builder::planPackets(quint32 index)
{
    const ConnectionPlan &p = m_plans[index];
    const TimelineConnection &c = *p.connection;
    const size_t firstPacket = m_packets.size();
    // Initial sequence numbers: any value will do (RFC 9293 §3.4.1); these make each
    // connection's numbers distinct in a hex dump. Data byte n of a direction has sequence
    // number isn + 1 + n, so the stream offsets and the sequence numbers agree.
    const quint32 isn[2] = {0x80000000u + c.id * 0x10000u, 0x10000000u + c.id * 0x10000u};
    qint64 sent[2] = {0, 0}; // how far into its stream each side has sent (held or not)
    qint64 last = 0;
    const auto seqOf = [&](Side s) { return quint32(isn[s] + 1 + quint32(sent[s])); };
    const auto add = [&](qint64 tNs, Side s, quint8 flags, quint32 seq, quint32 ack, qint64 offset, qint64 length,
                         int commentIndex) {
        last = std::max(last, tNs);
        m_packets.push_back(Packet{last, index, s, flags, seq, ack, offset, length, commentIndex});
    };

    // The first chunk's time bounds the handshake: nothing is sent before it completes.
    qint64 first = std::numeric_limits<qint64>::max();
    for (const ByteStream &s : c.streams)
        if (!s.chunks().empty())
            first = std::min(first, s.chunks().front().tNs);
    const PhaseTimings *timings = p.timings;
    qint64 synNs = timings && timings->connectStartNs >= 0 ? timings->connectStartNs
                                                            : (c.openedNs >= 0 ? c.openedNs : first);
    qint64 establishedNs = timings && timings->connectEndNs >= 0 ? timings->connectEndNs : synNs;
    synNs = std::min(synNs, first);
    establishedNs = std::clamp(establishedNs, synNs, first);
    last = synNs;

    QStringList about{QStringLiteral("Wirescope connection c%1: %2").arg(c.id).arg(m_redaction.url(c.label))};
    if (p.tls)
        about << QStringLiteral("TLS: the payload is the decrypted application data as Wirescope read and wrote "
                                "it, on the real port; the TLS records are not in this capture (Decode As: "
                                "TCP port %1 as HTTP).")
                     .arg(p.server.port);
    if (!p.addressesRecorded)
        about << QStringLiteral("The connection's addresses were not recorded: 192.0.2.1 and 192.0.2.2 "
                                "(RFC 5737 documentation addresses) stand in for them.");
    const int aboutComment = comment(about.join(u'\n'));
    add(synNs, FromClient, kSyn, isn[FromClient], 0, 0, 0, aboutComment);
    add(establishedNs, FromServer, kSyn | kAck, isn[FromServer], isn[FromClient] + 1, 0, 0, -1);
    add(establishedNs, FromClient, kAck, seqOf(FromClient), seqOf(FromServer), 0, 0, -1);

    // Both directions merged by time; at equal times the client's bytes go first (a request
    // is sent before its answer arrives).
    const std::vector<ByteStream::Chunk> *chunks[2] = {&c.streams[FromServer].chunks(),
                                                       &c.streams[FromClient].chunks()};
    size_t next[2] = {0, 0};
    int pendingGap[2] = {-1, -1};
    qint64 gapBytes[2] = {0, 0};
    // Bytes the timeline no longer holds (byte budget) or never saw: a gap in the sequence
    // numbers, said in a comment on the side's next packet; never invented bytes.
    const auto skip = [&](Side s, qint64 bytes) {
        const ByteStream::Absence why = c.streams[s].absence(sent[s], bytes);
        sent[s] += bytes;
        gapBytes[s] += bytes;
        if (pendingGap[s] < 0)
            pendingGap[s] = comment(QString());
        const QString reason = why == ByteStream::Absence::Released ? QStringLiteral("released when its log was cleared or closed")
            : why == ByteStream::Absence::Dropped                    ? QStringLiteral("dropped by the memory budget")
                                                                     : QStringLiteral("never captured");
        m_comments[pendingGap[s]] = QStringLiteral("%1 bytes before this segment are no longer held by the session "
                                                   "(%2): the sequence numbers skip them.")
                                        .arg(gapBytes[s])
                                        .arg(reason);
    };
    while (next[0] < chunks[0]->size() || next[1] < chunks[1]->size()) {
        Side s;
        if (next[FromServer] >= chunks[FromServer]->size())
            s = FromClient;
        else if (next[FromClient] >= chunks[FromClient]->size())
            s = FromServer;
        else
            s = (*chunks[FromClient])[next[FromClient]].tNs <= (*chunks[FromServer])[next[FromServer]].tNs
                    ? FromClient
                    : FromServer;
        const ByteStream &stream = c.streams[s];
        const ByteStream::Chunk &chunk = (*chunks[s])[next[s]++];
        const qint64 end = next[s] < chunks[s]->size() ? (*chunks[s])[next[s]].offset : stream.end();
        const Side other = s == FromClient ? FromServer : FromClient;
        if (chunk.offset > sent[s])
            skip(s, chunk.offset - sent[s]);
        while (sent[s] < end) {
            const qint64 at = sent[s];
            const qint64 length = std::min(end - at, PcapngWriter::kMaxSegment);
            if (!stream.holds(at, length)) {
                const qint64 held = stream.begin();
                skip(s, held > at && held < at + length ? held - at : length);
                continue;
            }
            add(chunk.tNs, s, kAck | kPsh, seqOf(s), seqOf(other), at, length, pendingGap[s]);
            pendingGap[s] = -1;
            gapBytes[s] = 0;
            sent[s] += length;
        }
    }
    for (Side s : {FromServer, FromClient})
        if (pendingGap[s] >= 0) // a gap nothing follows: said on a bare ACK
            add(last, s, kAck, seqOf(s), seqOf(s == FromClient ? FromServer : FromClient), 0, 0, pendingGap[s]);

    if (c.closedNs >= 0) {
        // RFC 9293 §3.6: each side's FIN takes one sequence number. The order is
        // synthesized: the server first, as RFC 6455 §7.1.1 asks of a WebSocket server.
        const qint64 t = std::max(last, c.closedNs);
        add(t, FromServer, kFin | kAck, seqOf(FromServer), seqOf(FromClient), 0, 0, -1);
        ++sent[FromServer];
        add(t, FromClient, kFin | kAck, seqOf(FromClient), seqOf(FromServer), 0, 0, -1);
        ++sent[FromClient];
        add(t, FromServer, kAck, seqOf(FromServer), seqOf(FromClient), 0, 0, -1);
    }
    addNotes(index, firstPacket);
}

// Ethernet II + IPv4 (RFC 791) or IPv6 (RFC 8200) + TCP (RFC 9293), checksums computed.
QByteArray Builder::frame(const Packet &pk) const
{
    const ConnectionPlan &p = m_plans[pk.plan];
    const Endpoint &src = pk.side == FromClient ? p.client : p.server;
    const Endpoint &dst = pk.side == FromClient ? p.server : p.client;

    QByteArray payload;
    if (pk.length > 0) {
        payload = p.connection->streams[pk.side].copy(pk.offset, pk.length);
        for (const MaskedHead &m : p.masked[pk.side]) {
            const qint64 from = std::max(pk.offset, m.offset);
            const qint64 to = std::min(pk.offset + pk.length, m.offset + qint64(m.bytes.size()));
            if (from < to)
                payload.replace(from - pk.offset, to - from, m.bytes.mid(from - m.offset, to - from));
        }
    }

    QByteArray tcp;
    appendBe<quint16>(tcp, src.port);
    appendBe<quint16>(tcp, dst.port);
    appendBe<quint32>(tcp, pk.seq);
    appendBe<quint32>(tcp, pk.flags & kAck ? pk.ack : 0);
    const bool syn = pk.flags & kSyn;
    const int headerWords = syn ? 7 : 5;
    tcp.append(char(headerWords << 4));
    tcp.append(char(pk.flags));
    appendBe<quint16>(tcp, 0xFFFF); // window (scaled by kWindowScale after the handshake)
    appendBe<quint16>(tcp, 0);      // checksum, below
    appendBe<quint16>(tcp, 0);      // urgent pointer
    if (syn) {
        // RFC 9293 §3.7.1 MSS (what fits a loopback MTU), RFC 7323 §2.2 window scale.
        tcp.append("\x02\x04", 2);
        appendBe<quint16>(tcp, quint16(65495));
        tcp.append("\x01\x03\x03", 3);
        tcp.append(char(kWindowScale));
    }
    tcp.append(payload);

    const bool v6 = src.address.protocol() == QAbstractSocket::IPv6Protocol;
    QByteArray pseudo;
    QByteArray ip;
    if (v6) {
        const Q_IPV6ADDR s = src.address.toIPv6Address();
        const Q_IPV6ADDR d = dst.address.toIPv6Address();
        pseudo.append(reinterpret_cast<const char *>(s.c), 16);
        pseudo.append(reinterpret_cast<const char *>(d.c), 16);
        appendBe<quint32>(pseudo, quint32(tcp.size()));
        appendBe<quint32>(pseudo, 6);
        appendBe<quint32>(ip, 0x60000000);
        appendBe<quint16>(ip, quint16(tcp.size()));
        ip.append(char(6));  // next header: TCP
        ip.append(char(64)); // hop limit
        ip.append(pseudo.left(32));
    } else {
        appendBe<quint32>(pseudo, src.address.toIPv4Address());
        appendBe<quint32>(pseudo, dst.address.toIPv4Address());
        appendBe<quint16>(pseudo, 6);
        appendBe<quint16>(pseudo, quint16(tcp.size()));
        ip.append(char(0x45));
        ip.append('\0');
        appendBe<quint16>(ip, quint16(20 + tcp.size()));
        appendBe<quint16>(ip, 0);      // identification: unused with DF
        appendBe<quint16>(ip, 0x4000); // DF
        ip.append(char(64));    // TTL
        ip.append(char(6));     // protocol: TCP
        appendBe<quint16>(ip, 0);
        ip.append(pseudo.left(8));
        const quint16 sum = foldChecksum(sumWords(ip.constData(), ip.size()));
        ip[10] = char(sum >> 8);
        ip[11] = char(sum & 0xFF);
    }
    const quint16 tcpSum = foldChecksum(sumWords(tcp.constData(), tcp.size(), sumWords(pseudo.constData(), pseudo.size())));
    tcp[16] = char(tcpSum >> 8);
    tcp[17] = char(tcpSum & 0xFF);

    // Locally administered MAC addresses (IEEE 802 U/L bit): 02:..:01 the client, :02 the server.
    static const QByteArray clientMac("\x02\x00\x00\x00\x00\x01", 6);
    static const QByteArray serverMac("\x02\x00\x00\x00\x00\x02", 6);
    QByteArray eth = pk.side == FromClient ? serverMac + clientMac : clientMac + serverMac;
    appendBe<quint16>(eth, v6 ? 0x86DD : 0x0800);
    return eth + ip + tcp;
}

} // namespace

bool PcapngWriter::write(const Timeline &timeline)
{
    Builder builder(timeline, m_options);
    builder.plan();

    // §4.1 Section Header Block: little-endian, version 1.0, section length unknown (-1).
    QByteArray shb;
    appendLe<quint32>(shb, kByteOrderMagic);
    appendLe<quint16>(shb, 1);
    appendLe<quint16>(shb, 0);
    appendLe<quint32>(shb, 0xFFFFFFFF);
    appendLe<quint32>(shb, 0xFFFFFFFF);
    appendOption(shb, kShbUserAppl, QByteArrayLiteral("Wirescope"));
    appendOption(shb, kOptEnd, {});
    // §4.2 Interface Description Block: one synthetic Ethernet interface, nanosecond stamps.
    QByteArray idb;
    appendLe<quint16>(idb, kLinkTypeEthernet);
    appendLe<quint16>(idb, 0);
    appendLe<quint32>(idb, 0); // snaplen: no limit
    appendOption(idb, kIfName, QByteArrayLiteral("wirescope"));
    appendOption(idb, kIfTsResol, QByteArray(1, char(9))); // 10^-9 s
    appendOption(idb, kOptComment,
                 QByteArrayLiteral("Synthesized by Wirescope from a session's recorded byte streams: the "
                                   "Ethernet, IP and TCP headers, handshakes and FINs are made up around the "
                                   "payload bytes, which are the recorded ones (see docs/pcapng.md).")
                     + (m_options.redaction.enabled
                            ? QByteArrayLiteral(" Credential header values and token-like query values are "
                                                "overwritten with '*' (same length).")
                            : QByteArray()));
    appendOption(idb, kOptEnd, {});
    if (!put(block(kSectionHeader, shb)) || !put(block(kInterfaceDescription, idb)))
        return false;

    const qint64 anchorNs = m_options.wallAnchor.isValid() ? m_options.wallAnchor.toMSecsSinceEpoch() * 1'000'000 : 0;
    for (const Packet &pk : builder.packets()) {
        const QByteArray data = builder.frame(pk);
        // §4.3 Enhanced Packet Block: interface 0, 64-bit timestamp in if_tsresol units.
        QByteArray epb;
        const quint64 ts = quint64(anchorNs + pk.tNs);
        appendLe<quint32>(epb, 0);
        appendLe<quint32>(epb, quint32(ts >> 32));
        appendLe<quint32>(epb, quint32(ts & 0xFFFFFFFF));
        appendLe<quint32>(epb, quint32(data.size()));
        appendLe<quint32>(epb, quint32(data.size()));
        epb.append(data);
        pad4(epb);
        if (pk.comment >= 0) {
            appendOption(epb, kOptComment, builder.comments().at(pk.comment).toUtf8());
            appendOption(epb, kOptEnd, {});
        }
        if (!put(block(kEnhancedPacket, epb)))
            return false;
    }
    return true;
}

bool writePcapng(const Timeline &timeline, QIODevice *out, const ExportOptions &options, QString *error)
{
    return runExport(PcapngWriter(out, options), timeline, error);
}

bool savePcapng(const Timeline &timeline, const QString &path, const ExportOptions &options, QString *error)
{
    return saveExportFile(path, error, [&](QIODevice *out, QString *reason) {
        return writePcapng(timeline, out, options, reason);
    });
}

} // namespace wirescope

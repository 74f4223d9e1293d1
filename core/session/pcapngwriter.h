#pragma once

#include "core/session/exportwriter.h"

namespace wirescope {

// A timeline as a pcapng capture (draft-ietf-opsawg-pcapng) that Wireshark and tshark
// dissect: each connection's recorded byte streams in synthesized Ethernet / IPv4 or IPv6 /
// TCP packets with the connection's real addresses and ports, a three-way handshake at its
// start, sequence and acknowledgement numbers that follow the stream offsets, every chunk at
// its own time (nanoseconds, if_tsresol = 9) and FINs when the connection's end was
// recorded. Payload bytes are the recorded ones, never invented: bytes the timeline no
// longer holds are a gap in the sequence numbers with a comment. What is synthesized and
// why: docs/pcapng.md.
class PcapngWriter : public ExportWriter
{
public:
    using ExportWriter::ExportWriter;

    // Writes the whole capture; false with a reason when the device refused bytes.
    bool write(const Timeline &timeline);

    // Payload bytes per TCP segment: a chunk larger than this is split. Below 65535 minus
    // the IPv6 / IPv4 and TCP headers, so every IP length field stays valid (RFC 791 §3.1,
    // RFC 8200 §3), and close to what a loopback interface (MTU 65536) carries.
    static constexpr qint64 kMaxSegment = 65000;
};

// The same, as one call for the CLI and the UI.
bool writePcapng(const Timeline &timeline, QIODevice *out, const ExportOptions &options, QString *error);
// Written with QSaveFile: the file appears whole or not at all.
bool savePcapng(const Timeline &timeline, const QString &path, const ExportOptions &options, QString *error);

} // namespace wirescope

#pragma once

#include <QByteArray>

#include <zlib.h>

namespace wirescope::test {

// The whole of `data` compressed in one go. windowBits as in zlib's deflateInit2:
// 15 + 16 gzip (one member, RFC 1952), 15 zlib (RFC 1950), -15 raw deflate (RFC 1951).
inline QByteArray deflateWith(const QByteArray &data, int windowBits, int level = 9)
{
    z_stream zs{};
    deflateInit2(&zs, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&zs, uLong(data.size()))) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

} // namespace wirescope::test

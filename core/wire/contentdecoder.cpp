#include "core/wire/contentdecoder.h"

#include "core/wire/httpgrammar.h"
#include "core/wire/httpviolations.h"

#include <brotli/decode.h>
#include <zlib.h>

namespace wirescope {

namespace {

constexpr qsizetype StepBytes = 64 * 1024;

// Where a stream ended before its input did: the rest is reported, never decoded as more.
void noteTrailing(ContentDecoder::Result &result, QByteArrayView input, qint64 unread)
{
    result.trailingOffset = input.size() - unread;
    result.trailingBytes = unread;
}

// windowBits: 15+16 gzip, 15 zlib, -15 raw deflate (zlib manual, inflateInit2).
ContentDecoder::Result inflateWith(QByteArrayView input, int windowBits, qint64 limit)
{
    const bool gzip = windowBits > 15;
    ContentDecoder::Result result;
    z_stream zs{};
    if (inflateInit2(&zs, windowBits) != Z_OK) {
        result.status = ContentDecoder::Status::Corrupt;
        result.detail = QStringLiteral("zlib init failed");
        return result;
    }
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
    zs.avail_in = uInt(input.size());
    while (true) {
        const qint64 room = limit - result.output.size();
        const qsizetype before = result.output.size();
        const qsizetype step = qsizetype(qBound<qint64>(0, room, StepBytes));
        // At the cap, one probe byte tells "exactly at the cap" from "more to come".
        char probe = 0;
        if (step > 0) {
            result.output.resize(before + step);
            zs.next_out = reinterpret_cast<Bytef *>(result.output.data() + before);
            zs.avail_out = uInt(step);
        } else {
            zs.next_out = reinterpret_cast<Bytef *>(&probe);
            zs.avail_out = 1;
        }
        const uLong inBefore = zs.total_in;
        const uLong outBefore = zs.total_out;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        if (step > 0) {
            result.output.resize(before + step - qsizetype(zs.avail_out));
        } else if (zs.avail_out == 0) {
            result.status = ContentDecoder::Status::Truncated;
            result.detail = QStringLiteral("limit %1 bytes").arg(limit);
            break;
        }
        if (rc == Z_STREAM_END) {
            if (zs.avail_in == 0)
                break;
            // RFC 1952 §2.2: a gzip file is a series of members, each starting with ID1 ID2
            // (1f 8b); all of them make the body. Anything else after a stream is not data.
            const auto *next = zs.next_in;
            if (gzip && zs.avail_in >= 2 && next[0] == 0x1f && next[1] == 0x8b && inflateReset(&zs) == Z_OK)
                continue;
            noteTrailing(result, input, zs.avail_in);
            break;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            result.status = ContentDecoder::Status::Corrupt;
            result.detail = QString::fromLatin1(zs.msg ? zs.msg : "inflate error");
            break;
        }
        if ((zs.avail_in == 0 && zs.avail_out != 0) || (zs.total_in == inBefore && zs.total_out == outBefore)) {
            result.status = ContentDecoder::Status::Corrupt;
            result.detail = QStringLiteral("stream ends early");
            break;
        }
    }
    inflateEnd(&zs);
    return result;
}

ContentDecoder::Result brotliDecode(QByteArrayView input, qint64 limit)
{
    ContentDecoder::Result result;
    BrotliDecoderState *state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    size_t availIn = size_t(input.size());
    const uint8_t *nextIn = reinterpret_cast<const uint8_t *>(input.data());
    while (true) {
        const qint64 room = limit - result.output.size();
        const qsizetype before = result.output.size();
        const qsizetype step = qsizetype(qBound<qint64>(0, room, StepBytes));
        uint8_t probe = 0;
        uint8_t *nextOut = &probe;
        size_t availOut = 1;
        if (step > 0) {
            result.output.resize(before + step);
            nextOut = reinterpret_cast<uint8_t *>(result.output.data() + before);
            availOut = size_t(step);
        }
        const BrotliDecoderResult rc = BrotliDecoderDecompressStream(state, &availIn, &nextIn, &availOut, &nextOut, nullptr);
        if (step > 0) {
            result.output.resize(before + step - qsizetype(availOut));
        } else if (availOut == 0) {
            result.status = ContentDecoder::Status::Truncated;
            result.detail = QStringLiteral("limit %1 bytes").arg(limit);
            break;
        }
        if (rc == BROTLI_DECODER_RESULT_SUCCESS) {
            // RFC 7932 §9.1: the stream ends with its last meta-block; more input is not data.
            if (availIn > 0)
                noteTrailing(result, input, qint64(availIn));
            break;
        }
        if (rc == BROTLI_DECODER_RESULT_ERROR) {
            result.status = ContentDecoder::Status::Corrupt;
            result.detail = QString::fromLatin1(BrotliDecoderErrorString(BrotliDecoderGetErrorCode(state)));
            break;
        }
        if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
            result.status = ContentDecoder::Status::Corrupt;
            result.detail = QStringLiteral("stream ends early");
            break;
        }
    }
    BrotliDecoderDestroyInstance(state);
    return result;
}

} // namespace

bool ContentDecoder::isSupported(QByteArrayView coding)
{
    return coding == "gzip" || coding == "x-gzip" || coding == "deflate" || coding == "br" || coding == "identity";
}

ContentDecoder::Result ContentDecoder::decode(QByteArrayView coding, QByteArrayView input, qint64 outputLimit)
{
    const qint64 limit = outputLimit < 0 ? std::numeric_limits<qsizetype>::max() / 2 : outputLimit;
    if (coding == "identity") {
        Result r;
        r.output = input.first(qsizetype(qMin<qint64>(limit, input.size()))).toByteArray();
        if (input.size() > limit)
            r.status = Status::Truncated;
        return r;
    }
    if (coding == "gzip" || coding == "x-gzip")
        return inflateWith(input, 15 + 16, limit);
    if (coding == "deflate") {
        // RFC 9110 §8.4.1.2: deflate is the zlib format; some servers send raw deflate.
        // A zlib header has CMF.CM == 8 and (CMF*256 + FLG) % 31 == 0.
        const bool zlibWrapped = input.size() >= 2 && (uchar(input[0]) & 0x0f) == 8
                                 && ((uchar(input[0]) << 8) | uchar(input[1])) % 31 == 0;
        return inflateWith(input, zlibWrapped ? 15 : -15, limit);
    }
    if (coding == "br")
        return brotliDecode(input, limit);
    Result r;
    r.status = Status::UnknownCoding;
    r.detail = QString::fromLatin1(coding.toByteArray());
    return r;
}

void decodeResponseBody(HttpResponse &response, qint64 outputLimit, bool decode)
{
    response.decodedBody = response.body;
    response.decodedTruncated = false;
    // No body (HEAD, 204, 304, an empty 200) has nothing to decode, whatever its headers say.
    if (!decode || response.contentCodings.isEmpty() || response.body.isEmpty())
        return;
    for (const QByteArray &c : std::as_const(response.contentCodings)) {
        if (!ContentDecoder::isSupported(c)) {
            response.violations.append(Violation{&httpv::UnknownCoding, -1, 0, QString::fromLatin1(c)});
            return;
        }
    }
    // RFC 9110 §8.4: codings are listed in the order applied; undo them last to first.
    QByteArray data = response.body;
    for (qsizetype i = response.contentCodings.size() - 1; i >= 0; --i) {
        const QString coding = QString::fromLatin1(response.contentCodings.at(i));
        ContentDecoder::Result r = ContentDecoder::decode(response.contentCodings.at(i), data, outputLimit);
        if (r.status == ContentDecoder::Status::Corrupt) {
            response.violations.append(Violation{&httpv::DecodeFailed, -1, 0, coding + QStringLiteral(": ") + r.detail});
            return; // decodedBody stays the body as received
        }
        if (r.trailingBytes > 0) {
            // The offset is in this coding's input (the body with the outer codings undone).
            response.violations.append(Violation{&httpv::TrailingDataAfterCoding, r.trailingOffset, r.trailingBytes,
                QStringLiteral("%1: %2 bytes after the end of the stream, at byte %3 of its input: %4")
                    .arg(coding).arg(r.trailingBytes).arg(r.trailingOffset)
                    .arg(http::hexPreview(QByteArrayView(data).sliced(r.trailingOffset), 16))});
        }
        data = std::move(r.output);
        if (r.status == ContentDecoder::Status::Truncated) {
            response.violations.append(Violation{&httpv::DecodeLimit, -1, 0, coding + QStringLiteral(": ") + r.detail});
            response.decodedTruncated = true;
            break;
        }
    }
    response.decodedBody = std::move(data);
}

} // namespace wirescope

#include "core/session/ssearrivals.h"

#include "core/session/bytestream.h"
#include "core/wire/eventsourcestate.h"

namespace wirescope {

namespace {

void append(QList<SseArrival> &out, std::vector<SseRecord> &records, qint64 tNs)
{
    for (SseRecord &r : records)
        out.append({std::move(r), tNs});
    records.clear();
}

// The hop's response read again chunk by chunk, as the engine read it: body bytes go to the
// event-stream parser with the time of the read that brought them. False when the stream
// does not hold the response's bytes as recorded (then the caller falls back).
bool replay(const HttpHop &hop, const HttpRequestOptions &options, const ByteStream &inbound, QList<SseArrival> &out)
{
    const qint64 begin = hop.responseStreamOffset;
    const qint64 end = begin + hop.responseBytes.size();
    if (begin < 0 || hop.responseBytes.isEmpty() || inbound.end() < end)
        return false;
    const std::vector<ByteStream::Chunk> &chunks = inbound.chunks();
    qsizetype i = inbound.chunkAt(begin);
    if (i < 0)
        return false;
    HttpResponseParser parser(options.limits, options.leniency);
    parser.reset(hop.request.method, begin, hop.request.hasHeader("Upgrade"));
    SseParser sse;
    std::vector<SseRecord> records;
    for (qint64 at = begin; at < end; ++i) {
        if (i >= qsizetype(chunks.size()))
            return false;
        const qint64 chunkEnd = i + 1 < qsizetype(chunks.size()) ? chunks[size_t(i) + 1].offset : inbound.end();
        const qint64 pieceEnd = qMin(chunkEnd, end);
        if (pieceEnd <= at)
            continue;
        const qint64 bodyBefore = parser.bodyBytesReceived();
        parser.feed(QByteArrayView(hop.responseBytes).sliced(at - begin, pieceEnd - at));
        const qint64 added = parser.bodyBytesReceived() - bodyBefore;
        if (added > 0 && !sse.isError()) {
            sse.feed(QByteArrayView(parser.response().body).last(qsizetype(added)), records);
            append(out, records, chunks[size_t(i)].tNs);
        }
        at = pieceEnd;
    }
    if (!sse.isError())
        sse.finish(records);
    append(out, records, hop.timings.lastByteNs);
    return true;
}

} // namespace

QList<SseArrival> sseArrivals(const HttpExchangeRecord &record, const ByteStream *inbound)
{
    QList<SseArrival> out;
    const HttpHop *hop = record.finalHop();
    if (!hop || !EventSourceState::isEventStream(hop->response.headerValue("Content-Type")))
        return out;
    const bool encoded = !hop->response.contentCodings.isEmpty();
    if (!encoded && inbound && replay(*hop, record.options, *inbound, out))
        return out;
    out.clear();
    SseParser sse;
    std::vector<SseRecord> records;
    sse.feed(encoded ? hop->response.decodedBody : hop->response.body, records);
    if (!sse.isError())
        sse.finish(records);
    append(out, records, hop->timings.lastByteNs);
    return out;
}

} // namespace wirescope

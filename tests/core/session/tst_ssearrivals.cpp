// The server-sent events of a recorded exchange (History, a reopened session, a HAR): read
// from the final response's body, each timed by the read that completed it when the
// connection's inbound chunks are at hand, else by the response's last byte.
#include "core/session/bytestream.h"
#include "core/session/ssearrivals.h"
#include "core/wire/contentdecoder.h"
#include "tests/support/strings.h"
#include "tests/support/zlibdeflate.h"

#include <QTest>

using namespace wirescope;
using namespace wirescope::test;

namespace {

// A recorded exchange whose response is `bytes`, as the engine keeps it (parsed, decoded).
HttpExchangeRecord recorded(const QByteArray &bytes, qint64 streamOffset)
{
    HttpExchangeRecord record;
    HttpHop hop;
    hop.request.method = "GET";
    hop.responseBytes = bytes;
    hop.responseStreamOffset = streamOffset;
    hop.timings.lastByteNs = 9000;
    HttpResponseParser parser;
    parser.reset("GET", streamOffset);
    parser.feed(bytes);
    parser.finishEof();
    hop.response = parser.response();
    decodeResponseBody(hop.response, -1);
    hop.complete = true;
    record.hops.append(hop);
    return record;
}

QStringList describe(const QList<SseArrival> &arrivals)
{
    QStringList out;
    for (const SseArrival &a : arrivals)
        out.append(QStringLiteral("%1 %2 %3@%4").arg(int(a.record.kind)).arg(a.record.lastEventId, a.record.data).arg(a.tNs));
    return out;
}

const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";

} // namespace

class TestSseArrivals : public QObject
{
    Q_OBJECT
private slots:
    void timedByTheReadsOfTheConnection()
    {
        // Two events in two chunks of the body, read in three pieces; the last block is cut.
        const QByteArray bytes = head + "11\r\nid: 1\ndata: one\n\n\r\n" + "19\r\nid: 2\ndata: two\n\ndata: x\n\r\n" + "0\r\n\r\n";
        const qint64 offset = 500; // a second response on a kept-alive connection
        ByteStream inbound;
        inbound.append(100, 0, QByteArray(int(offset), 'p'));
        const qsizetype cut = bytes.indexOf("two");
        inbound.append(200, offset, QByteArrayView(bytes).first(cut));
        inbound.append(300, offset + cut, QByteArrayView(bytes).sliced(cut));
        const HttpExchangeRecord record = recorded(bytes, offset);
        QVERIFY(record.completed());
        QCOMPARE(describe(sseArrivals(record, &inbound)),
                 strings({"0 1 one@200", "0 2 two@300", "3 2 x@9000"}));
        // Without the connection's chunks (an imported HAR): the time of the last byte.
        QCOMPARE(describe(sseArrivals(record)), strings({"0 1 one@9000", "0 2 two@9000", "3 2 x@9000"}));
    }

    void aCompressedStreamIsReadDecoded()
    {
        const QByteArray body = deflateWith("id: 7\ndata: zipped\n\n", 15 + 16);
        const QByteArray bytes = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Encoding: gzip\r\nContent-Length: "
                                 + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        ByteStream inbound;
        inbound.append(100, 0, bytes);
        QCOMPARE(describe(sseArrivals(recorded(bytes, 0), &inbound)), strings({"0 7 zipped@9000"}));
    }

    void otherResponsesHaveNone()
    {
        const QByteArray bytes = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 14\r\n\r\ndata: no\n\n....";
        QVERIFY(sseArrivals(recorded(bytes, 0)).isEmpty());
        QVERIFY(sseArrivals(HttpExchangeRecord()).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestSseArrivals)
#include "tst_ssearrivals.moc"

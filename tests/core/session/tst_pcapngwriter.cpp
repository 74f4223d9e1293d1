// A session exported as pcapng is read by tshark as the traffic it was: the same HTTP
// requests and responses, the same WebSocket frames with their opcodes and texts, no
// malformed packet and no TCP problem; credentials are masked byte for byte, and bytes the
// timeline no longer holds are a commented gap, never invented.
#include "core/session/pcapngwriter.h"
#include "core/session/session.h"
#include "tests/peers/demopeer.h"
#include "tests/peers/demorecording.h"
#include "tests/support/noterows.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace wirescope;

namespace {

ExportOptions anchoredAt(const Session &session)
{
    ExportOptions options;
    options.wallAnchor = session.clock().wallAnchor();
    return options;
}

} // namespace

class TestPcapngWriter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tsharkReadsTheHttpExchangesTheTimelineShows();
    void tsharkReadsTheWebSocketFramesTheTimelineShows();
    void tsharkFindsNoMalformedPacketAndNoTcpProblem();
    void packetsCarryTheRecordedAddressesAndTimes();
    void credentialsAreMaskedByteForByteUnlessOptedOut();
    void bytesNoLongerHeldAreACommentedGap();
    void aTlsConnectionOverIpv6CarriesItsDecryptedBytesWithAComment();
    void notesArePacketComments();

private:
    QString exportTo(const QString &name, const ExportOptions &options);
    // tshark's fields, one list per packet; `filter` selects packets (-Y).
    QList<QStringList> tshark(const QString &file, const QString &filter, const QStringList &fields);

    test::DemoPeer m_demo;
    Session m_session;
    QTemporaryDir m_dir;
    QString m_tshark;
    QString m_capture;
};

void TestPcapngWriter::initTestCase()
{
    m_tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    if (m_tshark.isEmpty())
        QSKIP("tshark is not installed (scripts/packages.txt lists it): the capture cannot be checked");
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
    QVERIFY2(test::DemoRecording::record(m_session, m_demo, &error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    m_capture = exportTo(QStringLiteral("session.pcapng"), anchoredAt(m_session));
}

QString TestPcapngWriter::exportTo(const QString &name, const ExportOptions &options)
{
    const QString path = m_dir.filePath(name);
    QString error;
    if (!savePcapng(m_session.timeline(), path, options, &error))
        qWarning("export failed: %s", qPrintable(error));
    return path;
}

QList<QStringList> TestPcapngWriter::tshark(const QString &file, const QString &filter, const QStringList &fields)
{
    QStringList args{QStringLiteral("-r"), file, QStringLiteral("-n"),
                     // The demo server's port is not one tshark knows for HTTP.
                     QStringLiteral("-d"), QStringLiteral("tcp.port==%1,http").arg(m_demo.port()),
                     QStringLiteral("-Y"), filter, QStringLiteral("-T"), QStringLiteral("fields"),
                     QStringLiteral("-E"), QStringLiteral("aggregator=|")};
    for (const QString &f : fields)
        args << QStringLiteral("-e") << f;
    QProcess process;
    process.start(m_tshark, args);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("tshark failed: %s", process.readAllStandardError().constData());
        return {{QStringLiteral("tshark failed")}};
    }
    QList<QStringList> packets;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n'))
        if (!line.isEmpty())
            packets.append(QString::fromUtf8(line).split(u'\t'));
    return packets;
}

void TestPcapngWriter::tsharkReadsTheHttpExchangesTheTimelineShows()
{
    const Timeline &t = m_session.timeline();
    QList<QStringList> requests;
    QList<QStringList> responses;
    for (qsizetype row = 0; row < t.rowCount(); ++row) {
        const auto record = t.exchange(row);
        for (const HttpHop &hop : record ? record->hops : QList<HttpHop>()) {
            // The capture is redacted by default: the token's bytes are '*' (checked below).
            const QByteArray target = QByteArray(hop.request.target)
                                          .replace(test::DemoRecording::kToken, QByteArray(qstrlen(test::DemoRecording::kToken), '*'));
            requests.append({QString::fromLatin1(hop.request.method), QString::fromLatin1(target)});
            responses.append({QString::number(hop.response.status)});
        }
    }
    // The WebSocket upgrade is an HTTP request and a 101 too.
    const TimelineConnection *ws = nullptr;
    for (quint32 id : t.connectionIds())
        if (t.connection(id)->handshake)
            ws = t.connection(id);
    QVERIFY(ws);
    requests.append({QStringLiteral("GET"), QStringLiteral("/ws/echo")});
    responses.append({QStringLiteral("101")});
    QCOMPARE(requests.size(), 3);

    QCOMPARE(tshark(m_capture, QStringLiteral("http.request"), {QStringLiteral("http.request.method"),
                                                                QStringLiteral("http.request.uri")}),
             requests);
    QCOMPARE(tshark(m_capture, QStringLiteral("http.response"), {QStringLiteral("http.response.code")}), responses);
    // The POST's body is the recorded one.
    const QList<QStringList> body = tshark(m_capture, QStringLiteral("http.request.method == \"POST\""),
                                           {QStringLiteral("http.file_data")});
    QCOMPARE(body, QList<QStringList>{{QStringLiteral("{\"answer\":42}")}});
}

void TestPcapngWriter::tsharkReadsTheWebSocketFramesTheTimelineShows()
{
    const Timeline &t = m_session.timeline();
    // What the timeline shows, per direction: every frame's opcode, and the text messages.
    QStringList opcodes[2];
    QStringList texts[2];
    for (qsizetype row = 0; row < t.rowCount(); ++row) {
        const TimelineRow &r = t.row(row);
        const int d = r.direction() == Direction::Out ? 1 : 0;
        if (r.rowKind() == RowKind::Frame) {
            opcodes[d] << QString::number(r.opcode);
        }
        const bool wholeText = r.rowKind() == RowKind::Frame && r.opcode == 0x1 && !r.has(TimelineRow::Fragment);
        if (wholeText || (r.rowKind() == RowKind::Message && r.opcode == 0x1))
            texts[d] << QString::fromUtf8(t.payload(row));
    }
    // Sent: text, binary, three fragments, ping, close; echoed: text, binary, the
    // reassembled text in one frame, pong, close.
    QCOMPARE(opcodes[1].size(), 7);
    QCOMPARE(opcodes[0].size(), 5);
    QVERIFY(texts[1].contains(QLatin1String(test::DemoRecording::kFragmented)));

    const QString port = QString::number(m_demo.port());
    QStringList seenOpcodes[2];
    QStringList seenTexts[2];
    for (const QStringList &packet :
         tshark(m_capture, QStringLiteral("websocket"),
                {QStringLiteral("tcp.dstport"), QStringLiteral("websocket.opcode"),
                 QStringLiteral("websocket.payload.text")})) {
        QCOMPARE(packet.size(), 3);
        const int d = packet[0] == port ? 1 : 0;
        seenOpcodes[d] << packet[1].split(u'|');
        if (!packet[2].isEmpty())
            seenTexts[d] << packet[2].split(u'|');
    }
    QCOMPARE(seenOpcodes[1], opcodes[1]);
    QCOMPARE(seenOpcodes[0], opcodes[0]);
    QCOMPARE(seenTexts[1], texts[1]);
    QCOMPARE(seenTexts[0], texts[0]);
    // The binary message, unmasked by tshark, is the bytes we sent.
    const QList<QStringList> close = tshark(m_capture, QStringLiteral("websocket.opcode == 8"),
                                            {QStringLiteral("websocket.payload.close.status_code"),
                                             QStringLiteral("websocket.payload.close.reason")});
    QCOMPARE(close.size(), 2);
    QCOMPARE(close.front(), (QStringList{QStringLiteral("1000"), QStringLiteral("bye")}));
}

void TestPcapngWriter::tsharkFindsNoMalformedPacketAndNoTcpProblem()
{
    QCOMPARE(tshark(m_capture, QStringLiteral("_ws.malformed || tcp.analysis.flags || _ws.expert.severity >= warning"),
                    {QStringLiteral("frame.number"), QStringLiteral("_ws.expert.message")}),
             QList<QStringList>());
    // Every connection is one TCP stream with its handshake (and FIN when it was closed).
    const QList<QStringList> syns = tshark(m_capture, QStringLiteral("tcp.flags.syn == 1 && tcp.flags.ack == 0"),
                                           {QStringLiteral("tcp.stream")});
    QCOMPARE(syns.size(), m_session.timeline().connectionIds().size());
}

void TestPcapngWriter::packetsCarryTheRecordedAddressesAndTimes()
{
    const Timeline &t = m_session.timeline();
    const TimelineConnection *ws = nullptr;
    for (quint32 id : t.connectionIds())
        if (t.connection(id)->handshake)
            ws = t.connection(id);
    QVERIFY(ws);
    const QString local = ws->handshake->localAddress;
    QVERIFY2(local.startsWith(QLatin1String("127.0.0.1:")), qPrintable(local));
    const QList<QStringList> upgrade = tshark(m_capture, QStringLiteral("http.request.uri == \"/ws/echo\""),
                                              {QStringLiteral("ip.src"), QStringLiteral("tcp.srcport"),
                                               QStringLiteral("ip.dst"), QStringLiteral("tcp.dstport"),
                                               QStringLiteral("frame.time_epoch")});
    QCOMPARE(upgrade.size(), 1);
    QCOMPARE(upgrade[0][0] + u':' + upgrade[0][1], local);
    QCOMPARE(upgrade[0][2] + u':' + upgrade[0][3], ws->handshake->peerAddress);
    // The request's packet carries the time its chunk was written, to the microsecond
    // (tshark prints nanoseconds; a double keeps microseconds at today's epoch).
    const ByteStream::Chunk &sent = ws->stream(Direction::Out).chunks().front();
    const double expected = m_session.clock().epochSecondsAt(sent.tNs);
    QVERIFY2(qAbs(upgrade[0][4].toDouble() - expected) < 1e-5, qPrintable(upgrade[0][4]));
}

void TestPcapngWriter::credentialsAreMaskedByteForByteUnlessOptedOut()
{
    // Heads only: the demo's /get echoes the request in its JSON body, and bodies are
    // exported as recorded (docs/pcapng.md "Redaction").
    const QList<QStringList> get = tshark(m_capture, QStringLiteral("http.request.method == \"GET\""),
                                          {QStringLiteral("http.authorization"), QStringLiteral("http.request.uri")});
    QCOMPARE(get.front()[0], QString(qsizetype(qstrlen(test::DemoRecording::kBearer)), u'*'));
    QCOMPARE(get.front()[1], QStringLiteral("/get?greeting=hello&token=%1")
                                 .arg(QString(qsizetype(qstrlen(test::DemoRecording::kToken)), u'*')));

    ExportOptions plain = anchoredAt(m_session);
    plain.redaction = RedactionRules::none();
    const QString path = exportTo(QStringLiteral("plain.pcapng"), plain);
    const QList<QStringList> clear = tshark(path, QStringLiteral("http.request.method == \"GET\""),
                                            {QStringLiteral("http.authorization"), QStringLiteral("http.request.uri")});
    QCOMPARE(clear.front()[0], QLatin1String(test::DemoRecording::kBearer));
    QCOMPARE(clear.front()[1], QStringLiteral("/get?greeting=hello&token=%1").arg(QLatin1String(test::DemoRecording::kToken)));
    // Masking changes no length: the same packets, byte counts and sequence numbers.
    const QStringList fields{QStringLiteral("frame.len"), QStringLiteral("tcp.seq_raw"), QStringLiteral("tcp.ack_raw")};
    QCOMPARE(tshark(path, QStringLiteral("tcp"), fields), tshark(m_capture, QStringLiteral("tcp"), fields));
}

// A user's note on a row is a packet comment (Wireshark: "Packet comments") on the packet that
// carries the row's first byte: an exchange's request, the upgrade request, a message.
void TestPcapngWriter::notesArePacketComments()
{
    const test::NoteRows rows = test::noteRowsOf(m_session.timeline());
    QVERIFY(rows.found());
    const qsizetype exchange = rows.exchange, handshake = rows.handshake, message = rows.message;
    ExportOptions options = anchoredAt(m_session);
    options.annotations.insert(exchange, SessionAnnotation{exchange, QStringLiteral("slow-get"), {}});
    options.annotations.insert(handshake, SessionAnnotation{handshake, {}, QStringLiteral("upgrade-note")});
    options.annotations.insert(message, SessionAnnotation{message, QStringLiteral("greeting"), {}});
    const QString path = exportTo(QStringLiteral("notes.pcapng"), options);

    const QList<QStringList> get = tshark(path, QStringLiteral("frame.comment contains \"slow-get\""),
                                          {QStringLiteral("http.request.method"), QStringLiteral("frame.comment")});
    QCOMPARE(get.size(), 1);
    QCOMPARE(get.front()[0], QStringLiteral("GET"));
    const QList<QStringList> upgrade = tshark(path, QStringLiteral("frame.comment contains \"upgrade-note\""),
                                              {QStringLiteral("http.request.uri")});
    QCOMPARE(upgrade, QList<QStringList>{{QStringLiteral("/ws/echo")}});
    const QList<QStringList> text = tshark(path, QStringLiteral("frame.comment contains \"greeting\""),
                                           {QStringLiteral("websocket.payload.text")});
    QCOMPARE(text.size(), 1);
    QVERIFY2(text.front()[0].contains(QLatin1String(test::DemoRecording::kText)), qPrintable(text.front()[0]));
    // Nothing else is touched: the same packets as without notes.
    const QStringList fields{QStringLiteral("frame.len"), QStringLiteral("tcp.seq_raw")};
    QCOMPARE(tshark(path, QStringLiteral("tcp"), fields), tshark(m_capture, QStringLiteral("tcp"), fields));
}

void TestPcapngWriter::bytesNoLongerHeldAreACommentedGap()
{
    // Three chunks each way in 4 KiB blocks; a small budget drops the oldest block.
    Timeline t;
    RecordBatch batch;
    TimelineRow opening{1'000, -1, 1, 0, 0, quint8(RowKind::Event), 0, TimelineRow::Outgoing,
                        quint8(EventType::Opening)};
    batch.rows.push_back(opening);
    ConnectionOpening http;
    http.protocol = ConnectionProtocol::Http;
    http.label = QStringLiteral("http://127.0.0.1:8080");
    batch.openings.push_back({0, http});
    qint64 offsets[2] = {0, 0};
    for (int i = 0; i < 3; ++i) {
        for (Direction d : {Direction::Out, Direction::In}) {
            const QByteArray bytes(3000, d == Direction::Out ? 'q' : 'r');
            qint64 &offset = offsets[d == Direction::In ? 0 : 1];
            batch.chunks.push_back({1, d, 2'000 + i * 100 + (d == Direction::In ? 50 : 0), offset, batch.bytes.size(),
                                    bytes.size()});
            batch.bytes += bytes;
            offset += bytes.size();
        }
    }
    t.apply(std::move(batch));
    t.setByteBudget(8000);
    QVERIFY(t.connection(1)->stream(Direction::Out).begin() > 0);

    const QString path = m_dir.filePath(QStringLiteral("gap.pcapng"));
    QString error;
    QVERIFY2(savePcapng(t, path, ExportOptions{}, &error), qPrintable(error));
    const QList<QStringList> packets = tshark(path, QStringLiteral("tcp.len > 0"),
                                              {QStringLiteral("tcp.seq_raw"), QStringLiteral("tcp.len"),
                                               QStringLiteral("frame.comment"), QStringLiteral("tcp.srcport")});
    qint64 held = 0;
    for (const QStringList &p : packets)
        held += p[1].toLongLong();
    const ByteStream &out = t.connection(1)->stream(Direction::Out);
    const ByteStream &in = t.connection(1)->stream(Direction::In);
    QCOMPARE(held, (out.end() - out.begin()) + (in.end() - in.begin()));
    // The first packet after the gap says how many bytes are missing, and its sequence
    // number skips exactly those.
    bool commented = false;
    for (const QStringList &p : packets) {
        if (!p[2].contains(QLatin1String("no longer held")))
            continue;
        commented = true;
        QVERIFY2(p[2].startsWith(QString::number(out.begin())) || p[2].startsWith(QString::number(in.begin())),
                 qPrintable(p[2]));
    }
    QVERIFY(commented);
}

void TestPcapngWriter::aTlsConnectionOverIpv6CarriesItsDecryptedBytesWithAComment()
{
    // A wss:// upgrade over ::1 as a recorder would have written it (no TLS server needed:
    // the timeline holds the decrypted bytes either way).
    const QByteArray request("GET /chat HTTP/1.1\r\nHost: [::1]\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    const QByteArray answer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");
    RecordBatch batch;
    TimelineRow opening;
    opening.tNs = 1'000;
    opening.connection = 1;
    opening.kind = quint8(RowKind::Event);
    opening.flags = TimelineRow::Outgoing;
    opening.extra = quint8(EventType::Opening);
    batch.rows.push_back(opening);
    ConnectionOpening ws;
    ws.label = QStringLiteral("wss://[::1]/chat");
    batch.openings.push_back({0, ws});
    auto handshake = std::make_shared<WsHandshakeRecord>();
    handshake->peerAddress = QStringLiteral("[::1]:443");
    handshake->localAddress = QStringLiteral("[::1]:50123");
    handshake->tls.used = true;
    handshake->timings.connectStartNs = 2'000;
    handshake->timings.connectEndNs = 3'000;
    handshake->requestBytes = request;
    handshake->responseBytes = answer;
    TimelineRow hs = opening;
    hs.tNs = 5'000;
    hs.flags = 0;
    hs.extra = quint8(EventType::Handshake);
    batch.rows.push_back(hs);
    batch.handshakes.push_back({1, handshake});
    batch.chunks.push_back({1, Direction::Out, 4'000, 0, 0, request.size()});
    batch.chunks.push_back({1, Direction::In, 5'000, 0, request.size(), answer.size()});
    batch.bytes = request + answer;
    Timeline t;
    t.apply(std::move(batch));

    const QString path = m_dir.filePath(QStringLiteral("tls6.pcapng"));
    QString error;
    QVERIFY2(savePcapng(t, path, ExportOptions{}, &error), qPrintable(error));
    QStringList args{QStringLiteral("-r"), path, QStringLiteral("-n"), QStringLiteral("-d"), QStringLiteral("tcp.port==443,http"),
                     QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("ipv6.src"),
                     QStringLiteral("-e"), QStringLiteral("tcp.srcport"), QStringLiteral("-e"), QStringLiteral("http.request.uri"),
                     QStringLiteral("-e"), QStringLiteral("http.response.code"), QStringLiteral("-e"), QStringLiteral("frame.comment"),
                     QStringLiteral("-e"), QStringLiteral("tcp.analysis.flags")};
    QProcess process;
    process.start(m_tshark, args);
    QVERIFY(process.waitForFinished(60000));
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 5); // SYN, SYN-ACK, ACK, the upgrade, the 101
    const QList<QByteArray> syn = lines[0].split('\t');
    QCOMPARE(syn[0], QByteArray("::1"));
    QCOMPARE(syn[1], QByteArray("50123"));
    QVERIFY2(syn[4].contains("decrypted application data"), syn[4].constData());
    QCOMPARE(lines[3].split('\t')[2], QByteArray("/chat"));
    QCOMPARE(lines[4].split('\t')[3], QByteArray("101"));
    for (const QByteArray &line : lines)
        QCOMPARE(line.split('\t').value(5), QByteArray()); // no TCP analysis flag
}

QTEST_MAIN(TestPcapngWriter)
#include "tst_pcapngwriter.moc"

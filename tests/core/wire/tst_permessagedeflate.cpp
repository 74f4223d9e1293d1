#include "core/wire/permessagedeflate.h"

#include <QTest>

using namespace wirescope;

class TestPerMessageDeflate : public QObject
{
    Q_OBJECT
private slots:
    void offersAreWrittenAsRfc7692Says();
    void aClientWindowOf8IsOfferedAs9();
    void negotiation_data();
    void negotiation();
    void aServerAcceptsOrDeclinesAnOffer_data();
    void aServerAcceptsOrDeclinesAnOffer();
    void rfcExampleInflates();
    void contextTakeoverShrinksRepeatedMessages();
    void noContextTakeoverMakesMessagesIndependent();
    void corruptDataIsReported();
    void inflateStopsAtTheCap();
};

void TestPerMessageDeflate::aServerAcceptsOrDeclinesAnOffer_data()
{
    // RFC 7692 §7.1: what a server answers to one offer element; empty: declined.
    QTest::addColumn<QByteArray>("offer");
    QTest::addColumn<QByteArray>("answer");
    QTest::newRow("bare") << QByteArray("permessage-deflate") << QByteArray("permessage-deflate");
    QTest::newRow("client_max_window_bits without a value") << QByteArray("permessage-deflate; client_max_window_bits")
                                                            << QByteArray("permessage-deflate");
    QTest::newRow("client window named") << QByteArray("permessage-deflate; client_max_window_bits=10")
                                         << QByteArray("permessage-deflate; client_max_window_bits=10");
    QTest::newRow("server window, quoted") << QByteArray("permessage-deflate; server_max_window_bits=\"12\"")
                                           << QByteArray("permessage-deflate; server_max_window_bits=12");
    QTest::newRow("no context takeover both ways")
        << QByteArray("permessage-deflate;server_no_context_takeover; client_no_context_takeover")
        << QByteArray("permessage-deflate; server_no_context_takeover; client_no_context_takeover");
    QTest::newRow("unknown parameter") << QByteArray("permessage-deflate; x=1") << QByteArray();
    QTest::newRow("window of 16") << QByteArray("permessage-deflate; server_max_window_bits=16") << QByteArray();
    QTest::newRow("server window without a value") << QByteArray("permessage-deflate; server_max_window_bits") << QByteArray();
    QTest::newRow("twice") << QByteArray("permessage-deflate; client_max_window_bits; client_max_window_bits") << QByteArray();
    QTest::newRow("another extension") << QByteArray("x-webkit-deflate-frame") << QByteArray();
}

void TestPerMessageDeflate::aServerAcceptsOrDeclinesAnOffer()
{
    QFETCH(QByteArray, offer);
    QFETCH(QByteArray, answer);
    const std::optional<PmdParams> params = pmdAcceptOffer(offer);
    QCOMPARE(params ? params->headerValue() : QByteArray(), answer);
}

void TestPerMessageDeflate::offersAreWrittenAsRfc7692Says()
{
    QCOMPARE(PmdOffer{}.headerValue(), QByteArray("permessage-deflate; client_max_window_bits"));
    PmdOffer offer;
    offer.serverNoContextTakeover = true;
    offer.clientNoContextTakeover = true;
    offer.serverMaxWindowBits = 10;
    offer.clientMaxWindowBitsValue = 12;
    QCOMPARE(offer.headerValue(), QByteArray("permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                                             "server_max_window_bits=10; client_max_window_bits=12"));
}

void TestPerMessageDeflate::aClientWindowOf8IsOfferedAs9()
{
    PmdOffer offer;
    offer.clientMaxWindowBitsValue = 8;
    QCOMPARE(offer.headerValue(), QByteArray("permessage-deflate; client_max_window_bits=9"));
    // A server that omits the parameter leaves the client at what it offered.
    QString error;
    const auto params = pmdNegotiate(offer, QByteArray("permessage-deflate"), &error);
    QVERIFY2(params.has_value(), qPrintable(error));
    QCOMPARE(params->clientMaxWindowBits, 9);
    // A server that still answers 8 is honoured by not compressing at all (RFC 7692 §6 lets
    // any message go uncompressed): zlib has no 8-bit raw deflate window.
    const auto eight = pmdNegotiate(offer, QByteArray("permessage-deflate; client_max_window_bits=8"), &error);
    QVERIFY2(eight.has_value(), qPrintable(error));
    QCOMPARE(eight->clientMaxWindowBits, 8);
    QVERIFY(!PerMessageDeflate(WsRole::Client, *eight).compresses());
    QVERIFY(PerMessageDeflate(WsRole::Client, *params).compresses());
    // The other direction is unaffected: what the server compresses with 8 bits inflates.
    PerMessageDeflate server(WsRole::Server, PmdParams{});
    PerMessageDeflate client(WsRole::Client, *eight);
    const PmdInflateResult back = client.decompress(server.compress("hello hello hello"), 1 << 20);
    QCOMPARE(back.data, QByteArray("hello hello hello"));
}

void TestPerMessageDeflate::negotiation_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<bool>("serverNoTakeover");
    QTest::addColumn<int>("clientBits");
    QTest::newRow("a bare acceptance keeps the defaults") << QByteArray("permessage-deflate") << true << false << 15;
    QTest::newRow("the server may ask for server_no_context_takeover")
        << QByteArray("permessage-deflate; server_no_context_takeover") << true << true << 15;
    QTest::newRow("the server may lower the client's window when offered")
        << QByteArray("permessage-deflate; client_max_window_bits=10") << true << false << 10;
    QTest::newRow("a quoted value is accepted") << QByteArray("permessage-deflate; client_max_window_bits=\"9\"") << true << false << 9;
    QTest::newRow("a client window of 8 bits is accepted (and honoured by not compressing)")
        << QByteArray("permessage-deflate; client_max_window_bits=8") << true << false << 8;
    QTest::newRow("a server window of 8 bits is accepted: inflating with 15 reads it")
        << QByteArray("permessage-deflate; server_max_window_bits=8") << true << false << 15;
    QTest::newRow("window bits out of range are refused") << QByteArray("permessage-deflate; server_max_window_bits=16") << false << false << 0;
    QTest::newRow("an unknown parameter is refused") << QByteArray("permessage-deflate; speed=fast") << false << false << 0;
    QTest::newRow("a repeated parameter is refused")
        << QByteArray("permessage-deflate; server_no_context_takeover; server_no_context_takeover") << false << false << 0;
}

void TestPerMessageDeflate::negotiation()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, accepted);
    QFETCH(bool, serverNoTakeover);
    QFETCH(int, clientBits);
    QString error;
    const auto params = pmdNegotiate(PmdOffer{}, response, &error);
    QCOMPARE(params.has_value(), accepted);
    if (!accepted) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(params->serverNoContextTakeover, serverNoTakeover);
    QCOMPARE(params->clientMaxWindowBits, clientBits);
}

void TestPerMessageDeflate::rfcExampleInflates()
{
    // RFC 7692 §7.2.3.1: "Hello" compressed is f2 48 cd c9 c9 07 00.
    PerMessageDeflate deflate(WsRole::Client, PmdParams{});
    const PmdInflateResult r = deflate.decompress(QByteArray::fromHex("f248cdc9c90700"), 1024);
    QCOMPARE(r.status, PmdInflateResult::Status::Ok);
    QCOMPARE(r.data, QByteArray("Hello"));
    // §7.2.3.3: a block with no compression works too.
    const PmdInflateResult stored = deflate.decompress(QByteArray::fromHex("000500faff48656c6c6f00"), 1024);
    QCOMPARE(stored.data, QByteArray("Hello"));
}

void TestPerMessageDeflate::contextTakeoverShrinksRepeatedMessages()
{
    PerMessageDeflate client(WsRole::Client, PmdParams{});
    PerMessageDeflate server(WsRole::Server, PmdParams{});
    const QByteArray text = "a fairly repetitive message about WebSocket frames and masking keys";
    const QByteArray first = client.compress(text);
    const QByteArray second = client.compress(text);
    QVERIFY(second.size() < first.size());
    QCOMPARE(server.decompress(first, 1 << 20).data, text);
    QCOMPARE(server.decompress(second, 1 << 20).data, text);
}

void TestPerMessageDeflate::noContextTakeoverMakesMessagesIndependent()
{
    PmdParams params;
    params.clientNoContextTakeover = true;
    PerMessageDeflate client(WsRole::Client, params);
    const QByteArray text = "a fairly repetitive message about WebSocket frames and masking keys";
    const QByteArray first = client.compress(text);
    QCOMPARE(client.compress(text), first);
    // A fresh receiver can read the second message alone.
    PerMessageDeflate fresh(WsRole::Server, params);
    QCOMPARE(fresh.decompress(first, 1 << 20).data, text);
}

void TestPerMessageDeflate::corruptDataIsReported()
{
    PerMessageDeflate deflate(WsRole::Client, PmdParams{});
    const PmdInflateResult r = deflate.decompress(QByteArray::fromHex("ffffffffff"), 1024);
    QCOMPARE(r.status, PmdInflateResult::Status::Corrupt);
    QVERIFY(!r.error.isEmpty());
}

void TestPerMessageDeflate::inflateStopsAtTheCap()
{
    PerMessageDeflate server(WsRole::Server, PmdParams{});
    const QByteArray bomb = server.compress(QByteArray(10 * 1024 * 1024, '\0'));
    QVERIFY(bomb.size() < 20 * 1024);
    PerMessageDeflate client(WsRole::Client, PmdParams{});
    const PmdInflateResult r = client.decompress(bomb, 1024 * 1024);
    QCOMPARE(r.status, PmdInflateResult::Status::TooBig);
    QVERIFY(r.data.size() <= 1024 * 1024);
}

QTEST_GUILESS_MAIN(TestPerMessageDeflate)
#include "tst_permessagedeflate.moc"

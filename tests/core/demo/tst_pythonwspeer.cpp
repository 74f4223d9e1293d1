// The python3-websockets fixture itself: echo, permessage-deflate on/off, subprotocols,
// TLS and close-after, checked with QWebSocket and with raw handshake bytes.
#include "tests/peers/pythonwspeer.h"
#include "tests/peers/testclient.h"

#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

using namespace wirescope::test;

Q_DECLARE_METATYPE(wirescope::test::PythonWsPeer::Compression)

namespace {

// RFC 6455 §4.1 opening handshake with the sample key of §1.3, plus extra header lines.
QByteArray handshake(const QByteArray &extraHeaders)
{
    return "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
           + extraHeaders + "\r\n";
}

} // namespace

class tst_PythonWsPeer : public QObject
{
    Q_OBJECT
private slots:
    void echoesTextAndBinary();
    void negotiatesPermessageDeflate_data();
    void negotiatesPermessageDeflate();
    void selectsSubprotocol_data();
    void selectsSubprotocol();
    void servesWssWithTestCertificate();
    void closesAfterMessages();
};

void tst_PythonWsPeer::echoesTextAndBinary()
{
    PythonWsPeer peer;
    QString error;
    QVERIFY2(peer.start(&error), qPrintable(error));
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy texts(&socket, &QWebSocket::textMessageReceived);
    QSignalSpy binaries(&socket, &QWebSocket::binaryMessageReceived);
    socket.open(peer.url());
    QVERIFY2(connected.wait(10000), qPrintable(socket.errorString() + u'\n' + peer.outputTail()));
    const QByteArray big(200 * 1024, 'z');
    socket.sendTextMessage(u"grüß dich"_qs);
    socket.sendBinaryMessage(big);
    QTRY_COMPARE_WITH_TIMEOUT(texts.size() + binaries.size(), 2, 10000);
    QCOMPARE(texts.first().first().toString(), u"grüß dich"_qs);
    QCOMPARE(binaries.first().first().toByteArray(), big);
}

void tst_PythonWsPeer::negotiatesPermessageDeflate_data()
{
    QTest::addColumn<PythonWsPeer::Compression>("compression");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("deflate peer accepts an offered permessage-deflate") << PythonWsPeer::Compression::Deflate << true;
    QTest::newRow("uncompressed peer declines it") << PythonWsPeer::Compression::None << false;
}

void tst_PythonWsPeer::negotiatesPermessageDeflate()
{
    QFETCH(PythonWsPeer::Compression, compression);
    QFETCH(bool, accepted);
    PythonWsPeer peer;
    PythonWsPeer::Options options;
    options.compression = compression;
    QString error;
    QVERIFY2(peer.start(options, &error), qPrintable(error));
    const QByteArray response = rawExchange(peer.port(),
        handshake("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"), 10000, "\r\n\r\n");
    QVERIFY2(response.startsWith("HTTP/1.1 101"), response.constData());
    // RFC 6455 §1.3: the accept value of the sample key.
    QVERIFY(response.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
    QCOMPARE(response.contains("Sec-WebSocket-Extensions: permessage-deflate"), accepted);
}

void tst_PythonWsPeer::selectsSubprotocol_data()
{
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<QString>("selected");
    QTest::newRow("chat offered, chat selected") << QStringList{u"chat"_qs} << u"chat"_qs;
    QTest::newRow("json offered, json selected") << QStringList{u"json"_qs} << u"json"_qs;
    QTest::newRow("unknown offered, none selected") << QStringList{u"mqtt"_qs} << QString();
}

void tst_PythonWsPeer::selectsSubprotocol()
{
    QFETCH(QStringList, offered);
    QFETCH(QString, selected);
    PythonWsPeer peer;
    PythonWsPeer::Options options;
    options.subprotocols = {u"chat"_qs, u"json"_qs};
    QString error;
    QVERIFY2(peer.start(options, &error), qPrintable(error));
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QWebSocketHandshakeOptions handshakeOptions;
    handshakeOptions.setSubprotocols(offered);
    socket.open(peer.url(), handshakeOptions);
    QVERIFY2(connected.wait(10000), qPrintable(socket.errorString() + u'\n' + peer.outputTail()));
    QCOMPARE(socket.subprotocol(), selected);
}

void tst_PythonWsPeer::servesWssWithTestCertificate()
{
    PythonWsPeer peer;
    PythonWsPeer::Options options;
    options.tls = true;
    QString error;
    QVERIFY2(peer.start(options, &error), qPrintable(error));
    QCOMPARE(peer.url().scheme(), u"wss"_qs);
    QWebSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(certsDir() + u"/ca.crt"_qs));
    socket.setSslConfiguration(tls);
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy texts(&socket, &QWebSocket::textMessageReceived);
    socket.open(peer.url());
    QVERIFY2(connected.wait(10000), qPrintable(socket.errorString() + u'\n' + peer.outputTail()));
    socket.sendTextMessage(u"secure"_qs);
    QVERIFY(texts.wait(10000));
    QCOMPARE(texts.first().first().toString(), u"secure"_qs);
}

void tst_PythonWsPeer::closesAfterMessages()
{
    PythonWsPeer peer;
    PythonWsPeer::Options options;
    options.closeAfterMessages = 2;
    options.closeCode = 4001;
    options.closeReason = u"enough"_qs;
    QString error;
    QVERIFY2(peer.start(options, &error), qPrintable(error));
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    QSignalSpy texts(&socket, &QWebSocket::textMessageReceived);
    socket.open(peer.url());
    QVERIFY(connected.wait(10000));
    socket.sendTextMessage(u"one"_qs);
    socket.sendTextMessage(u"two"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 10000);
    QCOMPARE(texts.size(), 2);
    QCOMPARE(int(socket.closeCode()), 4001);
    QCOMPARE(socket.closeReason(), u"enough"_qs);
}

QTEST_GUILESS_MAIN(tst_PythonWsPeer)
#include "tst_pythonwspeer.moc"

#include "core/wire/wsclosecode.h"

#include <QTest>

using namespace wirescope;

class TestWsCloseCode : public QObject
{
    Q_OBJECT
private slots:
    void table_data();
    void table();
    void closePayloads_data();
    void closePayloads();
};

void TestWsCloseCode::table_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("validOnWire");
    QTest::addColumn<QString>("className");
    QTest::addColumn<QString>("name");
    // The boundaries where Qt, Beast and Wireshark disagree (DESIGN.md §9).
    QTest::newRow("999 is below the range") << 999 << false << QStringLiteral("invalid") << QString();
    QTest::newRow("1000 is a normal closure") << 1000 << true << QStringLiteral("standard") << QStringLiteral("Normal Closure");
    QTest::newRow("1004 is reserved") << 1004 << false << QStringLiteral("standard") << QStringLiteral("Reserved");
    QTest::newRow("1005 must not be sent") << 1005 << false << QStringLiteral("standard") << QStringLiteral("No Status Received");
    QTest::newRow("1006 must not be sent") << 1006 << false << QStringLiteral("standard") << QStringLiteral("Abnormal Closure");
    QTest::newRow("1011 is an internal error") << 1011 << true << QStringLiteral("standard") << QStringLiteral("Internal Error");
    QTest::newRow("1012 service restart is registered") << 1012 << true << QStringLiteral("standard") << QStringLiteral("Service Restart");
    QTest::newRow("1014 bad gateway is registered") << 1014 << true << QStringLiteral("standard") << QStringLiteral("Bad Gateway");
    QTest::newRow("1015 must not be sent") << 1015 << false << QStringLiteral("standard") << QStringLiteral("TLS Handshake");
    QTest::newRow("1016 is unassigned") << 1016 << false << QStringLiteral("reserved") << QString();
    QTest::newRow("2999 is unassigned") << 2999 << false << QStringLiteral("reserved") << QString();
    QTest::newRow("3000 is for libraries") << 3000 << true << QStringLiteral("registered") << QString();
    QTest::newRow("4999 is private use") << 4999 << true << QStringLiteral("private") << QString();
    QTest::newRow("5000 is out of range") << 5000 << false << QStringLiteral("out-of-range") << QString();
}

void TestWsCloseCode::table()
{
    QFETCH(int, code);
    QFETCH(bool, validOnWire);
    QFETCH(QString, className);
    QFETCH(QString, name);
    const WsCloseCodeInfo info = wsCloseCodeInfo(quint16(code));
    QCOMPARE(info.validOnWire, validOnWire);
    QCOMPARE(wsCloseCodeValidOnWire(quint16(code)), validOnWire);
    QCOMPARE(wsCloseCodeClassName(info.codeClass), className);
    QCOMPARE(QString::fromLatin1(info.name), name);
    QVERIFY(info.reference[0] != '\0');
}

void TestWsCloseCode::closePayloads_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("code"); // -1: none
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("violations");
    QTest::newRow("an empty payload has no code") << QByteArray() << -1 << QString() << QStringList();
    QTest::newRow("1000 with a reason") << QByteArray::fromHex("03e8627965") << 1000 << QStringLiteral("bye") << QStringList();
    QTest::newRow("one byte is malformed") << QByteArray::fromHex("03") << -1 << QString()
                                           << QStringList{QStringLiteral("ws.close_payload_one_byte")};
    QTest::newRow("1005 on the wire is invalid") << QByteArray::fromHex("03ed") << 1005 << QString()
                                                 << QStringList{QStringLiteral("ws.invalid_close_code")};
    QTest::newRow("a reason with invalid UTF-8") << QByteArray::fromHex("03e8ff") << 1000 << QStringLiteral("\ufffd")
                                                 << QStringList{QStringLiteral("ws.invalid_close_reason_utf8")};
}

void TestWsCloseCode::closePayloads()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(QStringList, violations);
    const WsClosePayload parsed = wsParseClosePayload(payload);
    QCOMPARE(parsed.code.has_value(), code >= 0);
    if (code >= 0)
        QCOMPARE(int(*parsed.code), code);
    QCOMPARE(parsed.reason, reason);
    QStringList ids;
    for (const Violation &v : parsed.violations)
        ids << v.id();
    QCOMPARE(ids, violations);
}

QTEST_GUILESS_MAIN(TestWsCloseCode)
#include "tst_wsclosecode.moc"

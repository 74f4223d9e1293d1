#include "ui/ws/wslogmodel.h"

#include "core/wire/wsviolations.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace wirescope;

static WsLogEntry message(qint64 tNs, Direction dir, WsOpcode opcode, const QByteArray &payload,
                          const QByteArray &header = {})
{
    WsLogEntry entry;
    entry.record.tNs = tNs;
    entry.record.opcode = quint8(opcode);
    entry.record.size = quint32(payload.size());
    entry.record.wireSize = quint32(payload.size());
    entry.record.frameCount = 1;
    entry.record.setKind(wsIsControl(opcode) ? WsLogKind::Control : WsLogKind::Message);
    if (dir == Direction::Out)
        entry.record.bits |= WsLogRecord::Outgoing;
    entry.header = header;
    entry.data = payload;
    return entry;
}

static WsLogEntry violationRow(qint64 tNs, const ViolationKind &kind, qint64 offset)
{
    WsLogEntry entry;
    entry.record.tNs = tNs;
    entry.record.setKind(WsLogKind::Violation);
    entry.violation.kind = &kind;
    entry.violation.offset = offset;
    return entry;
}

static std::vector<WsLogEntry> conversation()
{
    std::vector<WsLogEntry> rows;
    // RFC 6455 §5.7: a masked "Hello" from the client, the unmasked echo from the server.
    rows.push_back(message(1'000'000, Direction::Out, WsOpcode::Text, "Hello", QByteArray::fromHex("818537fa213d")));
    rows.push_back(message(2'500'000, Direction::In, WsOpcode::Text, "Hello", QByteArray::fromHex("8105")));
    rows.push_back(message(3'000'000, Direction::In, WsOpcode::Binary, QByteArray::fromHex("deadbeef")));
    rows.push_back(message(4'000'000, Direction::Out, WsOpcode::Ping, "hi"));
    rows.push_back(violationRow(5'000'000, wsv::RsvNonzero, 42));
    rows.push_back(message(6'000'000, Direction::In, WsOpcode::Close, QByteArray::fromHex("03e8") + "bye"));
    return rows;
}

class TestWsLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsAreCompact();
    void aBatchInsertsAllItsRowsAtOnce();
    void rowsShowDirectionTypeSizeAndPreview();
    void violationsStandOutWithTheirRfcSection();
    void filtersByDirectionTypeAndText_data();
    void filtersByDirectionTypeAndText();
    void searchMatchesWhatThePreviewShows_data();
    void searchMatchesWhatThePreviewShows();
    void newRowsRespectTheActiveFilter();
    void framesAreRebuiltFromTheStoredHeader();
    void longPayloadsAreTruncatedInTheStoreOnly();
    void copyGivesTabSeparatedText();
};

void TestWsLogModel::rowsAreCompact()
{
    QCOMPARE(sizeof(WsLogRecord), size_t(32));
}

void TestWsLogModel::aBatchInsertsAllItsRowsAtOnce()
{
    WsLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendBatch(conversation());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 6);
    model.appendBatch(conversation());
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.rowCount(), 12);
    model.appendBatch({});
    QCOMPARE(inserted.count(), 2);
}

void TestWsLogModel::rowsShowDirectionTypeSizeAndPreview()
{
    WsLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOriginNs(1'000'000);
    model.appendBatch(conversation());
    auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(text(0, WsLogModel::TimeColumn), QStringLiteral("0.000000"));
    QCOMPARE(text(1, WsLogModel::TimeColumn), QStringLiteral("0.001500"));
    QCOMPARE(text(0, WsLogModel::DirectionColumn), QStringLiteral("\u2191"));
    QCOMPARE(text(1, WsLogModel::DirectionColumn), QStringLiteral("\u2193"));
    QCOMPARE(text(0, WsLogModel::TypeColumn), QStringLiteral("text"));
    QCOMPARE(text(0, WsLogModel::SizeColumn), QStringLiteral("5 B"));
    QCOMPARE(text(0, WsLogModel::PreviewColumn), QStringLiteral("Hello"));
    QCOMPARE(text(2, WsLogModel::PreviewColumn), QStringLiteral("de ad be ef"));
    QCOMPARE(text(3, WsLogModel::TypeColumn), QStringLiteral("ping"));
    QCOMPARE(text(5, WsLogModel::PreviewColumn), QStringLiteral("1000 Normal Closure: bye"));
}

void TestWsLogModel::violationsStandOutWithTheirRfcSection()
{
    WsLogModel model;
    model.appendBatch(conversation());
    const QModelIndex type = model.index(4, WsLogModel::TypeColumn);
    QCOMPARE(type.data().toString(), QStringLiteral("violation"));
    QVERIFY(!type.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(type.data(Qt::BackgroundRole).value<QColor>().isValid());
    QCOMPARE(type.data(WsLogModel::ViolationIdRole).toString(), QStringLiteral("ws.rsv_nonzero"));
    QCOMPARE(model.index(4, WsLogModel::PreviewColumn).data().toString(),
             QString::fromUtf8(wsv::RsvNonzero.text));
    const QString tip = model.index(4, WsLogModel::PreviewColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QString::fromUtf8(wsv::RsvNonzero.rfc)), qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("42")));
    QVERIFY(!model.index(0, WsLogModel::TypeColumn).data(Qt::BackgroundRole).isValid());
}

void TestWsLogModel::filtersByDirectionTypeAndText_data()
{
    QTest::addColumn<quint32>("directions");
    QTest::addColumn<quint32>("types");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QList<int>>("rows");
    QTest::newRow("no filter shows everything") << quint32(WsLogModel::ShowBothDirections)
        << quint32(WsLogModel::ShowAllTypes) << QString() << QList<int>{1, 2, 3, 4, 5, 6};
    QTest::newRow("only received rows (violations keep their direction)") << quint32(WsLogModel::ShowIncoming)
        << quint32(WsLogModel::ShowAllTypes) << QString() << QList<int>{2, 3, 5, 6};
    QTest::newRow("only sent rows") << quint32(WsLogModel::ShowOutgoing) << quint32(WsLogModel::ShowAllTypes)
        << QString() << QList<int>{1, 4};
    QTest::newRow("only binary messages") << quint32(WsLogModel::ShowBothDirections)
        << quint32(WsLogModel::ShowBinary) << QString() << QList<int>{3};
    QTest::newRow("only violations") << quint32(WsLogModel::ShowBothDirections)
        << quint32(WsLogModel::ShowViolations) << QString() << QList<int>{5};
    QTest::newRow("text search is case-insensitive") << quint32(WsLogModel::ShowBothDirections)
        << quint32(WsLogModel::ShowAllTypes) << QStringLiteral("hello") << QList<int>{1, 2};
    QTest::newRow("search within received text") << quint32(WsLogModel::ShowIncoming)
        << quint32(WsLogModel::ShowText) << QStringLiteral("Hell") << QList<int>{2};
    QTest::newRow("search matching nothing") << quint32(WsLogModel::ShowBothDirections)
        << quint32(WsLogModel::ShowAllTypes) << QStringLiteral("nothing like this") << QList<int>{};
}

void TestWsLogModel::filtersByDirectionTypeAndText()
{
    QFETCH(quint32, directions);
    QFETCH(quint32, types);
    QFETCH(QString, search);
    QFETCH(QList<int>, rows);
    WsLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendBatch(conversation());
    model.setDirectionFilter(directions);
    model.setTypeFilter(types);
    model.setSearchText(search);
    QList<int> shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.index(row, WsLogModel::IndexColumn).data().toInt();
    QCOMPARE(shown, rows);
}

void TestWsLogModel::searchMatchesWhatThePreviewShows_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QList<int>>("rows");
    // Row 1: text with a line break and non-ASCII letters; row 2: binary, shown as hex.
    QTest::newRow("an ASCII query ignores case") << QStringLiteral("AUS") << QList<int>{1};
    QTest::newRow("a line break is searched as the space the preview shows") << QStringLiteral("aus k") << QList<int>{1};
    QTest::newRow("a non-ASCII query ignores case too") << QStringLiteral("AUS KÖLN") << QList<int>{1};
    QTest::newRow("non-ASCII letters match exactly") << QStringLiteral("Grüße") << QList<int>{1};
    QTest::newRow("binary payloads are searched as their hex") << QStringLiteral("DE AD") << QList<int>{2};
    QTest::newRow("nothing matches") << QStringLiteral("xyz") << QList<int>{};
}

void TestWsLogModel::searchMatchesWhatThePreviewShows()
{
    QFETCH(QString, search);
    QFETCH(QList<int>, rows);
    std::vector<WsLogEntry> entries;
    entries.push_back(message(1'000'000, Direction::In, WsOpcode::Text, QStringLiteral("Grüße aus\nKöln").toUtf8(), QByteArray::fromHex("8110")));
    entries.push_back(message(2'000'000, Direction::In, WsOpcode::Binary, QByteArray::fromHex("deadbeef")));
    WsLogModel model;
    model.appendBatch(std::move(entries));
    model.setSearchText(search);
    QList<int> shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.index(row, WsLogModel::IndexColumn).data().toInt();
    QCOMPARE(shown, rows);
}

void TestWsLogModel::newRowsRespectTheActiveFilter()
{
    WsLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDirectionFilter(WsLogModel::ShowIncoming);
    model.appendBatch(conversation());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.totalRows(), qsizetype(6));
    QCOMPARE(model.rowForStoreRow(0), -1);
    QCOMPARE(model.rowForStoreRow(1), 0);
    model.setDirectionFilter(WsLogModel::ShowBothDirections);
    QCOMPARE(model.rowCount(), 6);
}

void TestWsLogModel::framesAreRebuiltFromTheStoredHeader()
{
    WsLogModel model;
    model.appendBatch(conversation());
    const std::vector<WsFrame> frames = model.framesOf(0);
    QCOMPARE(frames.size(), size_t(1));
    const WsFrame &frame = frames.front();
    QVERIFY(frame.header.fin);
    QVERIFY(frame.header.masked);
    QCOMPARE(frame.header.opcode, WsOpcode::Text);
    QCOMPARE(frame.header.payloadLength, quint64(5));
    QVERIFY(frame.header.maskingKey.has_value());
    QCOMPARE(wsMaskKeyHex(*frame.header.maskingKey), QByteArray("37fa213d"));
    QCOMPARE(frame.payload, QByteArray("Hello"));
    QCOMPARE(frame.maskedPayload(), QByteArray::fromHex("7f9f4d5158"));
    QCOMPARE(frame.headerBytes, QByteArray::fromHex("818537fa213d"));
    // A row stored without its header (no frame bytes) has nothing to rebuild.
    QVERIFY(model.framesOf(2).empty());
}

void TestWsLogModel::longPayloadsAreTruncatedInTheStoreOnly()
{
    WsLogModel model;
    std::vector<WsLogEntry> rows;
    rows.push_back(message(0, Direction::In, WsOpcode::Text, QByteArray(200'000, 'x')));
    model.appendBatch(std::move(rows));
    const WsLogRecord &record = model.store().at(0);
    QVERIFY(record.has(WsLogRecord::Truncated));
    QCOMPARE(record.size, quint32(200'000));
    QCOMPARE(model.store().payload(0).size(), qsizetype(WsLogStore::kMaxStoredPayload));
    QCOMPARE(model.index(0, WsLogModel::SizeColumn).data().toString(), QStringLiteral("195.3 KiB"));
}

void TestWsLogModel::copyGivesTabSeparatedText()
{
    WsLogModel model;
    model.appendBatch(conversation());
    const QStringList cells = model.rowAsText(1).split(u'\t');
    QCOMPARE(cells.size(), 6);
    QCOMPARE(cells.at(2), QStringLiteral("received"));
    QCOMPARE(cells.at(3), QStringLiteral("text"));
    QCOMPARE(cells.at(5), QStringLiteral("Hello"));
}

QTEST_MAIN(TestWsLogModel)
#include "tst_wslogmodel.moc"

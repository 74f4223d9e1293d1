#include "ui/widgets/hexview.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace wirescope;

// RFC 6455 §5.7: a single-frame masked text message "Hello".
static QByteArray maskedHello()
{
    return QByteArray::fromHex("818537fa213d7f9f4d5158");
}

static QList<HexField> helloFields()
{
    return {{QStringLiteral("FIN, RSV, opcode"), 0, 1},
            {QStringLiteral("MASK, payload length"), 1, 1},
            {QStringLiteral("Masking key"), 2, 4},
            {QStringLiteral("Payload"), 6, 5}};
}

static bool showHello(HexView &view)
{
    view.resize(640, 200);
    view.setBytes(maskedHello(), helloFields());
    view.show();
    return QTest::qWaitForWindowExposed(&view);
}

class TestHexView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layoutPlacesBytesOnRowsOfSixteen_data();
    void layoutPlacesBytesOnRowsOfSixteen();
    void layoutHitTestingFindsTheByteUnderEveryCell();
    void layoutHitTestingOutsideCellsFindsNothing();
    void fieldLookupFindsTheFieldOfAByte();
    void clickingAByteSelectsItAndReportsItsField();
    void draggingSelectsARange();
    void selectingAFieldHighlightsItsBytes();
    void keyboardMovesTheSelection();
    void paintsWithoutCrashingForEmptyAndLargeData();
};

void TestHexView::layoutPlacesBytesOnRowsOfSixteen_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("rows");
    QTest::newRow("no bytes make no rows") << qint64(0) << qint64(0);
    QTest::newRow("one byte makes one row") << qint64(1) << qint64(1);
    QTest::newRow("sixteen bytes fill exactly one row") << qint64(16) << qint64(1);
    QTest::newRow("seventeen bytes spill onto a second row") << qint64(17) << qint64(2);
    QTest::newRow("a mebibyte makes 65536 rows") << qint64(1 << 20) << qint64(65536);
}

void TestHexView::layoutPlacesBytesOnRowsOfSixteen()
{
    QFETCH(qint64, size);
    QFETCH(qint64, rows);
    const HexLayout layout(10, 20);
    QCOMPARE(layout.rowCount(size), rows);
    QCOMPARE(layout.contentSize(size).height(), qreal(rows) * 20);
}

void TestHexView::layoutHitTestingFindsTheByteUnderEveryCell()
{
    const HexLayout layout(7, 15);
    const qint64 size = 40;
    qreal previousX = -1;
    for (qint64 i = 0; i < size; ++i) {
        const QRectF hex = layout.hexCellRect(i);
        const QRectF ascii = layout.asciiCellRect(i);
        QCOMPARE(layout.byteAt(hex.center(), size), i);
        QCOMPARE(layout.byteAt(ascii.center(), size), i);
        QVERIFY(ascii.left() > layout.hexCellRect(i - i % 16 + 15).right());
        if (i % 16 != 0)
            QVERIFY(hex.left() > previousX);
        previousX = hex.left();
    }
    // The gap after eight bytes is wider than the gap between neighbours.
    const qreal normalStep = layout.hexCellRect(1).left() - layout.hexCellRect(0).left();
    const qreal groupStep = layout.hexCellRect(8).left() - layout.hexCellRect(7).left();
    QVERIFY(groupStep > normalStep);
}

void TestHexView::layoutHitTestingOutsideCellsFindsNothing()
{
    const HexLayout layout(7, 15);
    QCOMPARE(layout.byteAt(layout.offsetRect(0).center(), 40), qint64(-1));
    QCOMPARE(layout.byteAt(QPointF(layout.hexCellRect(0).center().x(), 15 * 10), 40), qint64(-1));
    // Row 2 holds bytes 32..39 only: the cell of byte 45 is empty.
    QCOMPARE(layout.byteAt(layout.hexCellRect(45).center(), 40), qint64(-1));
    QCOMPARE(layout.nearestByte(layout.hexCellRect(45).center(), 40), qint64(39));
}

void TestHexView::fieldLookupFindsTheFieldOfAByte()
{
    const QList<HexField> fields = helloFields();
    QCOMPARE(hexFieldAt(fields, 0), 0);
    QCOMPARE(hexFieldAt(fields, 3), 2);
    QCOMPARE(hexFieldAt(fields, 10), 3);
    QCOMPARE(hexFieldAt(fields, 11), -1);
}

void TestHexView::clickingAByteSelectsItAndReportsItsField()
{
    HexView view;
    QVERIFY(showHello(view));
    QSignalSpy bytesSpy(&view, &HexView::bytesSelected);
    QSignalSpy fieldSpy(&view, &HexView::fieldSelected);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.hexCellCenter(3));
    QCOMPARE(bytesSpy.count(), 1);
    QCOMPARE(bytesSpy.at(0).at(0).toLongLong(), qint64(3));
    QCOMPARE(bytesSpy.at(0).at(1).toLongLong(), qint64(1));
    QCOMPARE(fieldSpy.count(), 1);
    QCOMPARE(fieldSpy.at(0).at(0).toInt(), 2); // the masking key
    QCOMPARE(view.currentField(), 2);
}

void TestHexView::draggingSelectsARange()
{
    HexView view;
    QVERIFY(showHello(view));
    QSignalSpy bytesSpy(&view, &HexView::bytesSelected);
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, view.hexCellCenter(8));
    QMouseEvent move(QEvent::MouseMove, view.hexCellCenter(6), view.viewport()->mapToGlobal(view.hexCellCenter(6)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &move);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, view.hexCellCenter(6));
    QCOMPARE(bytesSpy.count(), 1);
    QCOMPARE(view.selectionStart(), qint64(6));
    QCOMPARE(view.selectionLength(), qint64(3));
    QCOMPARE(view.currentField(), 3); // the payload
}

void TestHexView::selectingAFieldHighlightsItsBytes()
{
    HexView view;
    view.setBytes(maskedHello(), helloFields());
    QSignalSpy bytesSpy(&view, &HexView::bytesSelected);
    view.selectField(2);
    QCOMPARE(view.selectionStart(), qint64(2));
    QCOMPARE(view.selectionLength(), qint64(4));
    QCOMPARE(bytesSpy.count(), 0); // programmatic selection does not echo back
    view.selectField(-1);
    QCOMPARE(view.selectionLength(), qint64(0));
    QCOMPARE(view.currentField(), -1);
}

void TestHexView::keyboardMovesTheSelection()
{
    HexView view;
    view.resize(640, 200);
    view.setBytes(QByteArray(40, 'a'));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.selectionStart(), qint64(16));
    QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(view.selectionStart(), qint64(16));
    QCOMPARE(view.selectionLength(), qint64(2));
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.selectionStart(), qint64(39));
}

void TestHexView::paintsWithoutCrashingForEmptyAndLargeData()
{
    HexView view;
    view.resize(640, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.grab().isNull());
    view.setBytes(QByteArray(1 << 20, '\x7f'));
    view.setSelection((1 << 20) - 10, 10);
    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(view.verticalScrollBar()->value() > 0); // scrolled to the selection
}

QTEST_MAIN(TestHexView)
#include "tst_hexview.moc"

// The Sequence tab of the WebSocket console against the demo server: the diagram draws the
// console's connection as it happens, clicking an arrow selects its row in the log, selecting
// a log row highlights its arrow, the compressed toggle keeps the arrows, and both exports
// write a file.
#include "core/demo/demoserver.h"
#include "core/session/sequencesvg.h"
#include "core/session/session.h"
#include "ui/common/sequencediagrampanel.h"
#include "ui/common/sequencediagramview.h"
#include "ui/ws/wscomposer.h"
#include "ui/ws/wsconsole.h"
#include "ui/ws/wslogmodel.h"

#include <QImage>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace wirescope;

class TestSequenceDiagram : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void clickingAnArrowSelectsItsLogRow();
    void selectingALogRowHighlightsItsArrow();
    void compressedKeepsEveryArrowOnLessHeight();
    void exportsWriteSvgAndPng();

private:
    int arrowOf(SequenceArrowKind kind, Direction direction) const;

    DemoServer m_demo;
    Session m_session;
    std::unique_ptr<WsConsole> m_console;
};

void TestSequenceDiagram::initTestCase()
{
    QVERIFY2(m_demo.start(), qPrintable(m_demo.errorString()));
    m_console = std::make_unique<WsConsole>(&m_session);
    m_console->resize(1400, 900);
    m_console->show();
    QUrl url = m_demo.wsBaseUrl();
    url.setPath(QStringLiteral("/ws/echo"));
    m_console->setUrl(url);
    QTest::mouseClick(m_console->connectButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_console->state(), WsConnectionState::Open, 10000);
    m_console->detailTabs()->setCurrentWidget(m_console->sequenceDiagram());
    m_console->composer()->setFragments(3);
    m_console->composer()->setText(QStringLiteral("abcdefghi"));
    QTest::mouseClick(m_console->composer()->sendButton(), Qt::LeftButton);
    // The diagram follows the recording: the echo arrives as an arrow.
    QTRY_VERIFY_WITH_TIMEOUT(arrowOf(SequenceArrowKind::Data, Direction::In) >= 0, 10000);
}

int TestSequenceDiagram::arrowOf(SequenceArrowKind kind, Direction direction) const
{
    const auto &arrows = m_console->sequenceDiagram()->view()->diagram().arrows();
    for (int i = 0; i < int(arrows.size()); ++i)
        if (arrows[i].kind == kind && arrows[i].direction == direction)
            return i;
    return -1;
}

void TestSequenceDiagram::clickingAnArrowSelectsItsLogRow()
{
    SequenceDiagramView *view = m_console->sequenceDiagram()->view();
    WsLogModel *log = m_console->logModel();
    m_console->flushLog();
    for (SequenceArrowKind kind : {SequenceArrowKind::Data, SequenceArrowKind::Message, SequenceArrowKind::UpgradeResponse}) {
        const Direction direction = kind == SequenceArrowKind::Message ? Direction::Out : Direction::In;
        const int arrow = arrowOf(kind, direction);
        QVERIFY(arrow >= 0);
        const qsizetype row = view->diagram().arrows()[arrow].row;
        view->setSelectedRow(row); // scrolls it into view
        const QPoint at = view->arrowPosition(arrow);
        QCOMPARE(view->arrowAt(at), arrow);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        const QModelIndex current = m_console->logView()->selectionModel()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(log->timelineRow(current.row()), row);
        QVERIFY(m_console->logView()->selectionModel()->isRowSelected(current.row(), {}));
        // The diagram stays on screen while its arrows are clicked.
        QCOMPARE(m_console->detailTabs()->currentWidget(), m_console->sequenceDiagram());
        QCOMPARE(view->selectedRow(), row);
    }
}

void TestSequenceDiagram::selectingALogRowHighlightsItsArrow()
{
    SequenceDiagramView *view = m_console->sequenceDiagram()->view();
    WsLogModel *log = m_console->logModel();
    m_console->flushLog();
    QVERIFY(log->rowCount() >= 4);
    for (int shown = 0; shown < log->rowCount(); ++shown) {
        m_console->logView()->selectionModel()->setCurrentIndex(log->index(shown, 0),
                                                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const qsizetype row = log->timelineRow(shown);
        const int arrow = view->diagram().arrowOfRow(row);
        QVERIFY2(arrow >= 0, qPrintable(log->typeText(row)));
        QCOMPARE(view->selectedRow(), view->diagram().arrows()[arrow].row);
        // Scrolled to: the arrow is inside the viewport.
        QVERIFY(view->viewport()->rect().contains(view->arrowPosition(arrow)));
    }
}

void TestSequenceDiagram::compressedKeepsEveryArrowOnLessHeight()
{
    SequenceDiagramPanel *panel = m_console->sequenceDiagram();
    panel->rebuild();
    const auto real = panel->view()->diagram().arrows();
    const double realHeight = panel->view()->diagram().height();
    panel->setCompressed(true);
    const auto &compressed = panel->view()->diagram().arrows();
    QCOMPARE(compressed.size(), real.size());
    for (size_t i = 0; i < real.size(); ++i)
        QCOMPARE(compressed[i].row, real[i].row);
    QVERIFY(panel->view()->diagram().height() <= realHeight);
    panel->setCompressed(false);
}

void TestSequenceDiagram::exportsWriteSvgAndPng()
{
    SequenceDiagramPanel *panel = m_console->sequenceDiagram();
    QTemporaryDir dir;
    QString error;
    const QString svg = dir.filePath(QStringLiteral("s.svg"));
    const QString png = dir.filePath(QStringLiteral("s.png"));
    QVERIFY2(panel->exportSvg(svg, &error), qPrintable(error));
    QVERIFY2(panel->exportPng(png, &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), sequenceSvg(panel->view()->diagram()));
    const QImage image(png);
    QCOMPARE(image.width(), int(std::ceil(panel->view()->diagram().width())));
    QCOMPARE(image.height(), int(std::ceil(panel->view()->diagram().height())));
}

QTEST_MAIN(TestSequenceDiagram)
#include "tst_sequencediagram.moc"

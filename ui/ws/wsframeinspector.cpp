#include "ui/ws/wsframeinspector.h"

#include "ui/widgets/hexlayout.h"
#include "ui/widgets/hexview.h"
#include "ui/ws/wsframediagram.h"
#include "ui/ws/wsframefieldsmodel.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace wirescope {

WsFrameInspector::WsFrameInspector(QWidget *parent)
    : QWidget(parent)
    , m_frameBox(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_diagram(new WsFrameDiagram(this))
    , m_fields(new WsFrameFieldsModel(this))
    , m_fieldsView(new QTableView(this))
    , m_hex(new HexView(this))
{
    auto *top = new QHBoxLayout;
    auto *frameLabel = new QLabel(tr("&Frame:"), this);
    frameLabel->setBuddy(m_frameBox);
    top->addWidget(frameLabel);
    top->addWidget(m_frameBox);
    top->addWidget(m_summary, 1);
    m_frameBox->setAccessibleName(tr("Frame of the message"));
    // Shrinks with the pane instead of setting its minimum width; the list shows whole names.
    m_frameBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_frameBox->setMinimumContentsLength(12);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    m_fieldsView->setModel(m_fields);
    m_fieldsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fieldsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_fieldsView->verticalHeader()->hide();
    m_fieldsView->horizontalHeader()->setStretchLastSection(true);
    m_fieldsView->setWordWrap(false);
    // Rows as dense as the log's: ten of them (a frame has at most ten fields) fit on a laptop.
    m_fieldsView->verticalHeader()->setMinimumSectionSize(m_fieldsView->fontMetrics().height() + 2);
    m_fieldsView->verticalHeader()->setDefaultSectionSize(m_fieldsView->fontMetrics().height() + 4);
    m_fieldsView->setAccessibleName(tr("Frame header fields"));
    m_hex->setAccessibleName(tr("Frame bytes"));

    m_diagramScroll = new QScrollArea(this);
    auto *diagramScroll = m_diagramScroll;
    diagramScroll->setWidget(m_diagram);
    diagramScroll->setWidgetResizable(true);
    diagramScroll->setFrameShape(QFrame::NoFrame);

    // Diagram, fields, bytes: top to bottom, each at full width so nothing is cut.
    auto *split = new QSplitter(Qt::Vertical, this);
    m_split = split;
    split->addWidget(diagramScroll);
    split->addWidget(m_fieldsView);
    split->addWidget(m_hex);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 1);
    // A frame header is at most 14 bytes: a few hex rows show it and the payload's start;
    // given the room (focus mode, a tall window) ten lines show 160 bytes of it.
    m_hex->setMinimumHeight(hexLinesHeight(2));
    m_hex->setMaximumHeight(hexLinesHeight(12));
    split->setChildrenCollapsible(false);
    split->installEventFilter(this);
    connect(split, &QSplitter::splitterMoved, this, [this] { m_userSized = true; });
    // Small minimums: the inspector must fit under the log in a 768 px high window.
    const int line = m_hex->fontMetrics().height();
    diagramScroll->setMinimumHeight(line * 2);
    m_fieldsView->setMinimumHeight(line * 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_frameBox, &QComboBox::currentIndexChanged, this, &WsFrameInspector::showFrame);
    connect(m_fieldsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { fieldRowChanged(current.isValid() ? current.row() : -1); });
    connect(m_hex, &HexView::fieldSelected, this, [this](int hexField) {
        // Hex fields are listed in the table's row order.
        if (m_syncing)
            return;
        m_fieldsView->selectRow(hexField);
    });
    connect(m_hex, &HexView::bytesSelected, this, [this](qint64 start, qint64) {
        if (hexFieldAt(m_hex->fields(), start) < 0)
            m_fieldsView->clearSelection();
    });
    connect(m_diagram, &WsFrameDiagram::fieldClicked, this, [this](int field) { selectField(WsField(field)); });
    showMessage(tr("Select a message or frame in the log."));
}

void WsFrameInspector::setFrames(const std::vector<WsFrame> &frames, Direction direction,
                                 const std::optional<WsClosePayload> &close)
{
    load(frames, std::vector<Direction>(frames.size(), direction), close);
}

void WsFrameInspector::setFrames(const std::vector<WsFrame> &frames, const std::vector<Direction> &directions)
{
    load(frames, directions, std::nullopt);
}

void WsFrameInspector::load(const std::vector<WsFrame> &frames, const std::vector<Direction> &directions,
                            const std::optional<WsClosePayload> &close)
{
    m_frames = frames;
    m_close = close;
    m_directions = directions;
    m_directions.resize(m_frames.size(), Direction::In);
    const QSignalBlocker blocker(m_frameBox);
    m_frameBox->clear();
    for (size_t i = 0; i < m_frames.size(); ++i) {
        const WsFrame &frame = m_frames[i];
        m_frameBox->addItem(tr("%1 of %2: %3, %n byte(s)%4", nullptr, int(std::min<quint64>(frame.header.payloadLength, INT_MAX)))
                                .arg(i + 1)
                                .arg(m_frames.size())
                                .arg(wsOpcodeName(frame.header.opcode))
                                .arg(frame.header.fin ? tr(", FIN") : QString()));
    }
    m_frameBox->setEnabled(m_frames.size() > 1);
    if (m_frames.empty()) {
        showMessage(tr("No frame bytes for this row."));
        return;
    }
    showFrame(0);
}

void WsFrameInspector::showMessage(const QString &text)
{
    m_frames.clear();
    m_frameBox->clear();
    m_frameBox->setEnabled(false);
    m_summary->setText(text);
    m_fields->clear();
    m_diagram->clear();
    m_hex->setBytes({});
    emit currentFrameChanged(-1, text);
}

int WsFrameInspector::currentFrame() const
{
    return m_frames.empty() ? -1 : m_frameBox->currentIndex();
}

void WsFrameInspector::setCurrentFrame(int index)
{
    m_frameBox->setCurrentIndex(index);
}

void WsFrameInspector::showFrame(int index)
{
    if (index < 0 || size_t(index) >= m_frames.size())
        return;
    if (m_frameBox->currentIndex() != index) {
        const QSignalBlocker blocker(m_frameBox);
        m_frameBox->setCurrentIndex(index);
    }
    const WsFrame &frame = m_frames[size_t(index)];
    m_fields->setFrame(frame, m_close);
    m_diagram->setFrame(frame);
    fitPanes();
    m_hex->setBytes(frame.wireBytes(), m_fields->hexFields());
    const QString who = m_directions[size_t(index)] == Direction::Out ? tr("sent") : tr("received");
    const int payloadCount = int(std::min<quint64>(frame.header.payloadLength, INT_MAX));
    // The offset counts the whole stream of that direction, the handshake included.
    const QString summary = frame.streamOffset >= 0
        ? tr("%1 frame at byte %3: %2 header + %n payload byte(s)", nullptr, payloadCount)
              .arg(who)
              .arg(frame.header.headerSize)
              .arg(frame.streamOffset)
        : tr("%1 frame, %2 header bytes + %n payload byte(s)", nullptr, payloadCount)
              .arg(who)
              .arg(frame.header.headerSize);
    m_summary->setText(summary);
    m_fieldsView->resizeColumnsToContents();
    // The meaning takes what the other columns leave and elides (a payload preview is long):
    // a horizontal scroll bar would cost a field row. (Set per frame: the model has no
    // columns before the first one.)
    m_fieldsView->horizontalHeader()->setSectionResizeMode(WsFrameFieldsModel::MeaningColumn, QHeaderView::Stretch);
    emit currentFrameChanged(index, QString());
}

bool WsFrameInspector::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_split && event->type() == QEvent::Resize)
        fitPanes();
    return QWidget::eventFilter(watched, event);
}

void WsFrameInspector::fitPanes()
{
    // Show the whole diagram (2-4 header rows + payload), all the fields (at most ten) and ten
    // hex lines without scrolling when there is room, until the user drags a handle: then the
    // heights they chose stay. No minimum height from it, so the inspector still fits a short
    // window (the three scroll there).
    if (m_userSized || m_split->height() <= 0)
        return;
    const int total = m_split->height() - m_split->handleWidth() * 2;
    const int wanted = qMin(m_diagram->heightForWidth(m_diagramScroll->viewport()->width()) + 4, 420);
    // The diagram never takes more than 40%: the fields and the bytes share the rest, each
    // its full need (every field row, ten hex lines) when there is room, else in proportion.
    const int diagram = qMin(wanted, total * 4 / 10);
    const int rest = total - diagram;
    const QHeaderView *rows = m_fieldsView->verticalHeader();
    const int fieldsNeed = m_fieldsView->horizontalHeader()->sizeHint().height()
        + qMax(10, m_fields->rowCount()) * rows->defaultSectionSize() + 2 * m_fieldsView->frameWidth();
    const int hexNeed = hexLinesHeight(10);
    int hex = rest * hexNeed / qMax(1, fieldsNeed + hexNeed);
    if (rest >= fieldsNeed + hexNeed)
        hex = qMin(hexNeed + (rest - fieldsNeed - hexNeed) / 2, m_hex->maximumHeight());
    m_split->setSizes({diagram, qMax(rest - hex, 1), hex});
}

int WsFrameInspector::hexLinesHeight(int lines) const
{
    return int(std::ceil(m_hex->layoutGeometry().lineHeight() * lines)) + 2 * m_hex->frameWidth();
}

void WsFrameInspector::selectField(WsField field)
{
    const int row = m_fields->rowOf(field);
    if (row >= 0)
        m_fieldsView->selectRow(row);
}

void WsFrameInspector::fieldRowChanged(int row)
{
    if (row < 0 || row >= m_fields->rowCount()) {
        m_hex->setSelection(0, 0);
        m_diagram->setCurrentField(-1);
        return;
    }
    m_syncing = true;
    m_hex->selectField(row);
    m_diagram->setCurrentField(int(m_fields->fieldAt(row)));
    m_syncing = false;
}

} // namespace wirescope

#include "ui/ws/wsframeinspector.h"

#include "ui/widgets/hexview.h"
#include "ui/ws/wsframediagram.h"
#include "ui/ws/wsframefieldsmodel.h"

#include <algorithm>
#include <climits>
#include <QComboBox>
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
    m_hex->setMinimumHeight(m_hex->fontMetrics().height() * 2 + 6);
    m_hex->setMaximumHeight(m_hex->fontMetrics().height() * 11 + 8);
    split->setChildrenCollapsible(false);
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
    // Show the whole diagram (2-4 header rows + payload) without scrolling when there is room:
    // sized once, so a height the user chose by dragging stays. No minimum height from it, so
    // the inspector still fits a 768 px high screen (the diagram scrolls there).
    if (!m_diagramSized && m_split->height() > 0) {
        const int wanted = qMin(m_diagram->heightForWidth(m_diagramScroll->viewport()->width()) + 4, 420);
        const QList<int> sizes = m_split->sizes();
        const int total = sizes.value(0) + sizes.value(1) + sizes.value(2);
        // The diagram never takes more than 40%: the fields and the bytes share the rest.
        const int diagram = qMin(wanted, total * 4 / 10);
        const int hex = qMin((total - diagram) / 2, m_hex->maximumHeight());
        m_split->setSizes({diagram, qMax(total - diagram - hex, 1), hex});
        m_diagramSized = true;
    }
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

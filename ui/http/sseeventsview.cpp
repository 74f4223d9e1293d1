#include "ui/http/sseeventsview.h"

#include "core/wire/jsonpretty.h"
#include "ui/http/sseeventmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace wirescope {

namespace {
constexpr qsizetype DetailChars = 1024 * 1024; // the detail pane shows this much of one event
}

SseEventsView::SseEventsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new SseEventModel(this))
    , m_typeFilter(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_reconnect(new QCheckBox(this))
    , m_note(new QLabel(this))
    , m_table(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
    , m_count(new QLabel(this))
{
    m_typeFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_typeFilter->setMinimumContentsLength(10);
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(80);
    m_reconnect->setChecked(true);
    m_note->setWordWrap(true);
    m_note->hide();

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(SseEventModel::DataColumn, QHeaderView::Stretch);
    const int digit = m_table->fontMetrics().horizontalAdvance(u'0');
    m_table->setColumnWidth(SseEventModel::TimeColumn, digit * 12);
    m_table->setColumnWidth(SseEventModel::TypeColumn, digit * 12);
    m_table->setColumnWidth(SseEventModel::IdColumn, digit * 8);
    m_table->setColumnWidth(SseEventModel::RetryColumn, digit * 8);
    m_table->setColumnWidth(SseEventModel::BytesColumn, digit * 8);

    m_detail->setReadOnly(true);
    m_detail->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_typeFilter);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_reconnect);
    filters->addWidget(m_count);
    // A laptop's 768 px must fit the window: the tab asks no more height than the Body tab.
    const int line = fontMetrics().height();
    m_table->setMinimumHeight(line * 3);
    m_detail->setMinimumHeight(line * 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(filters);
    layout->addWidget(m_note);
    layout->addWidget(split, 1);
    setFocusProxy(m_table);

    connect(m_typeFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setTypeFilter(m_typeFilter->currentData().toString()); });
    connect(m_search, &QLineEdit::textChanged, m_model, &SseEventModel::setSearchText);
    connect(m_model, &SseEventModel::eventTypesChanged, this, &SseEventsView::updateTypes);
    connect(m_model, &SseEventModel::countsChanged, this, &SseEventsView::updateCount);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SseEventsView::showDetail);
    // Follows the newest row while the user is at the end, as the WebSocket log does.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_follow = value == m_table->verticalScrollBar()->maximum(); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_table->scrollToBottom();
    });
    retranslate();
}

void SseEventsView::setNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

void SseEventsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SseEventsView::retranslate()
{
    m_search->setPlaceholderText(tr("Search"));
    m_search->setToolTip(tr("Show only the rows that contain this text"));
    m_search->setAccessibleName(tr("Search the events"));
    m_typeFilter->setAccessibleName(tr("Event type filter"));
    m_reconnect->setText(tr("Reconnect"));
    m_reconnect->setToolTip(tr("When the stream ends, connect again after the server's retry time, "
                               "naming the last event ID (Last-Event-ID), as a browser's EventSource does"));
    m_table->setAccessibleName(tr("Server-sent events"));
    m_detail->setAccessibleName(tr("Event data"));
    m_detail->setPlaceholderText(tr("Select an event to see its data in full (JSON indented)."));
    updateTypes();
    updateCount();
}

void SseEventsView::updateTypes()
{
    const QString current = m_typeFilter->currentData().toString();
    const QSignalBlocker block(m_typeFilter);
    m_typeFilter->clear();
    m_typeFilter->addItem(tr("All rows"), SseEventModel::allTypes());
    for (const QString &type : m_model->eventTypes())
        m_typeFilter->addItem(tr("Events: %1").arg(type), type);
    m_typeFilter->addItem(tr("Comments"), SseEventModel::commentsFilter());
    m_typeFilter->addItem(tr("Connection"), SseEventModel::connectionFilter());
    const int found = m_typeFilter->findData(current);
    m_typeFilter->setCurrentIndex(found >= 0 ? found : 0);
    if (found < 0)
        m_model->setTypeFilter(SseEventModel::allTypes());
}

void SseEventsView::updateCount()
{
    // The number of events leads the response's summary; this says what went.
    m_count->setText(m_model->droppedRows() > 0
                         ? tr("(%n oldest row(s) dropped to stay within memory)", nullptr,
                              int(qMin<qsizetype>(m_model->droppedRows(), INT_MAX)))
                         : QString());
    m_count->setVisible(m_model->droppedRows() > 0);
}

void SseEventsView::showDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const SseEventModel::Row &row = m_model->rowAt(current.row());
    const QString data = row.data.left(DetailChars);
    const JsonPretty json = row.kind == SseEventModel::Kind::Event ? jsonPretty(data.toUtf8()) : JsonPretty();
    QString text = json.ok ? QString::fromUtf8(json.text) : data;
    if (row.data.size() > DetailChars)
        text += u'\n' + tr("… (%1 more characters)").arg(row.data.size() - DetailChars);
    m_detail->setPlainText(text);
}

} // namespace wirescope

#include "ui/ws/wsconsole.h"

#include "core/session/session.h"
#include "core/session/websocatsnippet.h"
#include "core/wire/jsonpretty.h"
#include "core/wire/wsclosecode.h"
#include "ui/app/appsettings.h"
#include "ui/common/freedmemory.h"
#include "ui/common/noteactions.h"
#include "ui/common/sequencediagrampanel.h"
#include "ui/ws/wscomposer.h"
#include "ui/widgets/hexview.h"
#include "ui/ws/wsframeinspector.h"
#include "ui/ws/wshandshakeview.h"
#include "ui/ws/wsmaskingview.h"

#include <algorithm>
#include <climits>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QResizeEvent>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace wirescope {

namespace {
// The Message tab shows at most this much of a payload.
constexpr qsizetype kMaxShownPayload = 1024 * 1024;
constexpr int kSideBySideWidth = 900; // below it the log and the details stack

QString stateText(WsConnectionState state)
{
    switch (state) {
    case WsConnectionState::Idle: return WsConsole::tr("Not connected");
    case WsConnectionState::Connecting: return WsConsole::tr("Connecting\u2026");
    case WsConnectionState::Handshaking: return WsConsole::tr("Handshaking\u2026");
    case WsConnectionState::Open: return WsConsole::tr("Open");
    case WsConnectionState::Closing: return WsConsole::tr("Closing\u2026");
    case WsConnectionState::Closed: return WsConsole::tr("Closed");
    }
    return {};
}

QColor stateColor(WsConnectionState state)
{
    switch (state) {
    case WsConnectionState::Open: return QColor(0x2e, 0x7d, 0x32);
    case WsConnectionState::Connecting:
    case WsConnectionState::Handshaking:
    case WsConnectionState::Closing: return QColor(0xef, 0x6c, 0x00);
    case WsConnectionState::Idle:
    case WsConnectionState::Closed: return QColor(0x75, 0x75, 0x75);
    }
    return {};
}
} // namespace

WsConsole::WsConsole(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_engineContext(new QObject)
{
    m_engineThread.setObjectName(QStringLiteral("wirescope-ws-engine"));
    m_engineContext->moveToThread(&m_engineThread);
    m_engineThread.start();
    buildUi();
    updateStateUi();
}

WsConsole::~WsConsole()
{
    dropConnection();
    m_engineThread.quit();
    m_engineThread.wait();
    delete m_engineContext; // its thread has finished
}

template<typename F>
void WsConsole::onConnectionThread(F f)
{
    if (m_connection)
        QMetaObject::invokeMethod(m_connection, std::move(f), Qt::QueuedConnection);
}

void WsConsole::dropConnection()
{
    if (!m_connection)
        return;
    WsConnection *connection = std::exchange(m_connection, nullptr);
    connection->disconnect(this);
    // Blocking is safe: the engine thread never waits for this one.
    QMetaObject::invokeMethod(
        m_engineContext,
        [connection] {
            connection->abort();
            delete connection;
        },
        Qt::BlockingQueuedConnection);
}

void WsConsole::buildUi()
{
    // Connect bar: URL, Connect/Disconnect, the state at all times.
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(tr("ws://host:port/path or wss://\u2026"));
    m_url->setAccessibleName(tr("WebSocket URL"));
    m_url->setClearButtonEnabled(true);
    m_connectButton = new QPushButton(tr("&Connect"), this);
    m_connectButton->setToolTip(tr("Open the connection (Ctrl+Shift+O); Disconnect sends a close frame (Ctrl+Shift+D)"));
    m_stateLabel = new QLabel(this);
    m_stateLabel->setAccessibleName(tr("Connection state"));
    m_stateLabel->setMinimumWidth(110);
    m_stateLabel->setAlignment(Qt::AlignCenter);
    auto *urlLabel = new QLabel(tr("&URL:"), this);
    urlLabel->setBuddy(m_url);
    auto *bar = new QHBoxLayout;
    bar->addWidget(urlLabel);
    bar->addWidget(m_url, 1);
    bar->addWidget(m_connectButton);
    bar->addWidget(m_stateLabel);
    // The connection as a websocat command: the last one opened, else what the form says.
    // Credentials are hidden unless asked for by name, as in every export.
    const auto copyWebsocat = [this](const RedactionRules &rules) {
        const TimelineConnection *last = lastConnection();
        QApplication::clipboard()->setText(websocatSnippet(last ? last->wsOptions : options(), rules));
    };
    auto *copyHidden = new QAction(tr("Copy as &websocat"), this);
    copyHidden->setToolTip(tr("Copy the connection as a websocat command; Authorization, Cookie and token-like query values are hidden"));
    connect(copyHidden, &QAction::triggered, this, [copyWebsocat] { copyWebsocat(AppSettings::redactionRules()); });
    auto *copyWithSecrets = new QAction(tr("Copy as websocat (with &Secrets)"), this);
    copyWithSecrets->setToolTip(tr("Copy the connection as a websocat command with its credentials"));
    connect(copyWithSecrets, &QAction::triggered, this, [copyWebsocat] { copyWebsocat(RedactionRules::none()); });
    m_copyWebsocat = new QToolButton(this);
    m_copyWebsocat->setDefaultAction(copyHidden);
    auto *copyMenu = new QMenu(m_copyWebsocat);
    copyMenu->addActions({copyHidden, copyWithSecrets});
    m_copyWebsocat->setMenu(copyMenu);
    m_copyWebsocat->setPopupMode(QToolButton::MenuButtonPopup);

    // Options of the next connection, and how to close this one.
    m_subprotocols = new QLineEdit(this);
    m_subprotocols->setPlaceholderText(tr("e.g. chat, json"));
    m_subprotocols->setAccessibleName(tr("Subprotocols"));
    m_subprotocols->setToolTip(tr("Sec-WebSocket-Protocol values offered, in order of preference, separated by commas"));
    m_headers = new QPlainTextEdit(this);
    m_headers->setPlaceholderText(tr("Extra request headers, one per line: Name: value"));
    m_headers->setAccessibleName(tr("Extra request headers"));
    m_headers->setTabChangesFocus(true);
    m_headers->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_headers->setFixedHeight(m_headers->fontMetrics().lineSpacing() * 2 + 12);
    m_deflate = new QCheckBox(tr("permessage-&deflate"), this);
    m_deflate->setToolTip(tr("Offer RFC 7692 compression; compressed sizes appear in the log"));
    m_keepInspecting = new QCheckBox(tr("&Keep inspecting"), this);
    m_keepInspecting->setToolTip(tr("On a protocol violation, record it and keep decoding instead of failing the "
                                    "connection as RFC 6455 §7.1.7 requires"));
    m_autoPong = new QCheckBox(tr("&Answer pings"), this);
    m_autoPong->setChecked(true);
    m_autoPong->setToolTip(tr("RFC 6455 §5.5.2: answer every ping with a pong. Switch off to see how a server treats "
                              "a client that stops answering."));
    m_closeCode = new QComboBox(this);
    m_closeCode->setAccessibleName(tr("Close code"));
    for (quint16 code = 1000; code <= 1015; ++code) {
        const WsCloseCodeInfo info = wsCloseCodeInfo(code);
        if (!info.validOnWire || !*info.name)
            continue;
        m_closeCode->addItem(QStringLiteral("%1 %2").arg(code).arg(QCoreApplication::translate("CloseCode", info.name)), code);
        m_closeCode->setItemData(m_closeCode->count() - 1, QString::fromUtf8(info.reference), Qt::ToolTipRole);
    }
    m_closeCode->addItem(tr("3000 (registered range)"), 3000);
    m_closeCode->addItem(tr("4000 (private use)"), 4000);
    m_closeCode->addItem(tr("no status code"), -1);
    m_closeReason = new QLineEdit(this);
    m_closeReason->setPlaceholderText(tr("reason (optional, at most 123 bytes)"));
    m_closeReason->setAccessibleName(tr("Close reason"));
    m_closeReason->setMaxLength(123);
    m_ignoreTlsErrors = new QCheckBox(tr("&Ignore TLS certificate errors"), this);
    m_ignoreTlsErrors->setAccessibleName(tr("Ignore TLS certificate errors"));
    m_ignoreTlsErrors->setToolTip(tr("For wss:// servers with self-signed or expired certificates: connect anyway; "
                                     "the errors are still listed in the Connection tab"));
    // Narrow enough for half of a 1366 px screen: the close code box shows its number and
    // the start of its name, the full name is in the list and the tooltip.
    m_closeCode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_closeCode->setMinimumContentsLength(12);
    m_subprotocols->setMinimumWidth(60);
    m_closeReason->setMinimumWidth(60);
    m_headers->setMinimumWidth(60);
    auto *options = new QGridLayout;
    auto *subLabel = new QLabel(tr("Su&bprotocols:"), this);
    subLabel->setBuddy(m_subprotocols);
    auto *headersLabel = new QLabel(tr("&Headers:"), this);
    headersLabel->setBuddy(m_headers);
    auto *closeLabel = new QLabel(tr("Cl&ose with:"), this);
    closeLabel->setBuddy(m_closeCode);
    // Labels and fields on the left, the four switches stacked on the right beside the
    // headers box and the close row: the form stays about 450 px wide.
    options->addWidget(subLabel, 0, 0);
    options->addWidget(m_subprotocols, 0, 1);
    options->addWidget(headersLabel, 1, 0, Qt::AlignTop);
    options->addWidget(m_headers, 1, 1, 2, 1);
    options->addWidget(m_deflate, 0, 2);
    options->addWidget(m_keepInspecting, 1, 2);
    options->addWidget(m_ignoreTlsErrors, 2, 2);
    auto *closeRow = new QHBoxLayout;
    closeRow->addWidget(m_closeCode, 1);
    closeRow->addWidget(m_closeReason, 2);
    options->addWidget(closeLabel, 3, 0);
    options->addLayout(closeRow, 3, 1);
    options->addWidget(m_autoPong, 3, 2);
    options->setColumnStretch(1, 1);
    options->setContentsMargins(0, 0, 0, 0);
    // The options fold into the connect bar: on a laptop screen the four rows they take are
    // the log's and the frame inspector's (issue #10), and most connections need none.
    m_optionsPanel = new QWidget(this);
    m_optionsPanel->setLayout(options);
    m_optionsButton = new QToolButton(this);
    m_optionsButton->setText(tr("&Options"));
    m_optionsButton->setCheckable(true);
    m_optionsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_optionsButton->setAccessibleName(tr("Connection options"));
    m_optionsButton->setToolTip(tr("Subprotocols, extra headers, permessage-deflate, TLS errors, automatic pongs "
                                   "and the close code of the next connection"));
    connect(m_optionsButton, &QToolButton::toggled, this, [this](bool shown) {
        m_optionsPanel->setVisible(shown);
        m_optionsButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        QSettings().setValue(QStringLiteral("ws/optionsShown"), shown);
    });
    const bool optionsShown = QSettings().value(QStringLiteral("ws/optionsShown"), false).toBool();
    m_optionsButton->setChecked(optionsShown);
    m_optionsPanel->setVisible(optionsShown);
    m_optionsButton->setArrowType(optionsShown ? Qt::DownArrow : Qt::RightArrow);
    bar->insertWidget(bar->indexOf(m_connectButton), m_optionsButton);

    // Message log.
    m_log = new WsLogModel(session(), this);
    m_logView = new QTableView(this);
    m_logView->setModel(m_log);
    m_logView->setAccessibleName(tr("Message log"));
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_logView->setWordWrap(false);
    m_logView->setShowGrid(false);
    m_logView->setAlternatingRowColors(true);
    m_logView->verticalHeader()->hide();
    // Fixed row heights keep a million rows cheap to scroll (no per-row measuring).
    m_logView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_logView->verticalHeader()->setDefaultSectionSize(m_logView->fontMetrics().height() + 6);
    m_logView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Columns sized for their widest usual content, so nothing common is elided.
    const QFontMetrics fm = m_logView->fontMetrics();
    const int pad = 14;
    m_logView->setColumnWidth(WsLogModel::IndexColumn, fm.horizontalAdvance(QStringLiteral("0000000")) + pad);
    m_logView->setColumnWidth(WsLogModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("0000.000000")) + pad);
    m_logView->setColumnWidth(WsLogModel::DirectionColumn, fm.horizontalAdvance(QStringLiteral("Dir")) + pad);
    m_logView->setColumnWidth(WsLogModel::TypeColumn, fm.horizontalAdvance(QStringLiteral("text (3 frames)")) + pad + 20);
    m_logView->setColumnWidth(WsLogModel::SizeColumn, fm.horizontalAdvance(QStringLiteral("000.0 KiB")) + pad);
    m_logView->setColumnWidth(WsLogModel::WireSizeColumn, fm.horizontalAdvance(QStringLiteral("000.0 KiB")) + pad);
    m_logView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // What a person reads first comes first and takes the room (issue #10): the direction
    // arrow, then the data, wide; type, sizes, time and number after it, at their widths.
    QHeaderView *columns = m_logView->horizontalHeader();
    columns->setStretchLastSection(false);
    const int order[] = {WsLogModel::DirectionColumn, WsLogModel::PreviewColumn, WsLogModel::TypeColumn,
                         WsLogModel::SizeColumn, WsLogModel::TimeColumn, WsLogModel::IndexColumn,
                         WsLogModel::WireSizeColumn};
    for (int visual = 0; visual < int(std::size(order)); ++visual)
        columns->moveSection(columns->visualIndex(order[visual]), visual);
    columns->setSectionResizeMode(WsLogModel::PreviewColumn, QHeaderView::Stretch);
    // The row number and the wire size are a right-click away on the header, as in
    // Wireshark's packet list; by default their width goes to the data.
    columns->hideSection(WsLogModel::IndexColumn);
    columns->hideSection(WsLogModel::WireSizeColumn);
    columns->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(columns, &QHeaderView::customContextMenuRequested, this, [this, columns](const QPoint &at) {
        QMenu menu(this);
        for (int visual = 0; visual < columns->count(); ++visual) {
            const int column = columns->logicalIndex(visual);
            if (column == WsLogModel::PreviewColumn)
                continue; // the data is why the log is there
            QAction *action = menu.addAction(m_log->headerData(column, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!columns->isSectionHidden(column));
            connect(action, &QAction::toggled, columns, [columns, column](bool shown) { columns->setSectionHidden(column, !shown); });
        }
        menu.exec(columns->mapToGlobal(at));
    });
    columns->setMinimumSectionSize(fm.horizontalAdvance(QStringLiteral("Dir")) + pad);

    m_mode = new QComboBox(this);
    m_mode->setAccessibleName(tr("Log mode"));
    m_mode->setToolTip(tr("Messages: whole messages and control frames. Frames: every frame as it crossed the wire, "
                          "fragments included."));
    m_mode->addItem(tr("Messages"), int(WsLogModel::Mode::Messages));
    m_mode->addItem(tr("Frames"), int(WsLogModel::Mode::Frames));
    m_directionFilter = new QComboBox(this);
    m_directionFilter->setAccessibleName(tr("Direction filter"));
    m_directionFilter->addItem(tr("\u2195 Both"), uint(WsLogModel::ShowBothDirections));
    m_directionFilter->addItem(tr("\u2193 Received"), uint(WsLogModel::ShowIncoming));
    m_directionFilter->addItem(tr("\u2191 Sent"), uint(WsLogModel::ShowOutgoing));
    m_typeFilter = new QComboBox(this);
    m_typeFilter->setAccessibleName(tr("Type filter"));
    m_typeFilter->addItem(tr("All types"), uint(WsLogModel::ShowAllTypes));
    m_typeFilter->addItem(tr("Data messages"), uint(WsLogModel::ShowText | WsLogModel::ShowBinary));
    m_typeFilter->addItem(tr("Text"), uint(WsLogModel::ShowText));
    m_typeFilter->addItem(tr("Binary"), uint(WsLogModel::ShowBinary));
    m_typeFilter->addItem(tr("Control (ping, pong, close)"), uint(WsLogModel::ShowControl));
    m_typeFilter->addItem(tr("Violations"), uint(WsLogModel::ShowViolations));
    m_typeFilter->addItem(tr("Events"), uint(WsLogModel::ShowEvents));
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search (Ctrl+F)"));
    m_search->setToolTip(tr("Show only the rows that contain this text (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search the log"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(80);
    // The filters shrink with the log pane (a half screen at 1366 px) instead of fixing its width.
    for (QComboBox *filter : {m_directionFilter, m_typeFilter}) {
        filter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        filter->setMinimumContentsLength(8);
    }
    m_followButton = new QToolButton(this);
    m_followButton->setText(tr("Follow"));
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    m_followButton->setToolTip(tr("Scroll to new messages as they arrive (Ctrl+Shift+L pauses)"));
    m_followTip = m_followButton->toolTip();
    m_followButton->setAccessibleName(tr("Follow new messages"));
    auto *copyButton = new QToolButton(this);
    copyButton->setText(tr("Copy"));
    copyButton->setToolTip(tr("Copy the selected rows as tab-separated text (Ctrl+C)"));
    auto *clearButton = new QToolButton(this);
    clearButton->setText(tr("Clear"));
    clearButton->setToolTip(tr("Clear the log: frees the payload bytes it held and starts its counters and charts again"));
    m_counts = new QLabel(this);
    // Filters above the log, counts and log actions below it: two short rows keep the log
    // pane narrow enough to share half of a 1366 px screen with the details.
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_directionFilter);
    filterRow->addWidget(m_typeFilter);
    filterRow->addWidget(m_search, 1);
    // One line of its own under the log, never wrapped into a column of words; the whole
    // sentence is in the tooltip when the pane is too narrow for it.
    m_counts->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_counts->setWordWrap(false);
    auto *bottomRow = new QHBoxLayout;
    bottomRow->addStretch(1);
    bottomRow->addWidget(m_mode);
    bottomRow->addWidget(m_followButton);
    bottomRow->addWidget(copyButton);
    bottomRow->addWidget(m_copyWebsocat); // below the log: the URL keeps the connect bar's width
    bottomRow->addWidget(clearButton);
    auto *logPane = new QWidget(this);
    m_logPane = logPane;
    auto *logLayout = new QVBoxLayout(logPane);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addLayout(filterRow);
    logLayout->addWidget(m_logView, 1);
    logLayout->addWidget(m_counts);
    logLayout->addLayout(bottomRow);

    // Details of the selected row and of the connection.
    m_details = new QTabWidget(this);
    m_inspector = new WsFrameInspector(m_details);
    m_messageView = new QPlainTextEdit(m_details);
    m_messageView->setReadOnly(true);
    m_messageView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_messageView->setAccessibleName(tr("Selected message"));
    m_handshake = new WsHandshakeView(m_details);
    m_connectionInfo = new QTextBrowser(m_details);
    m_connectionInfo->setAccessibleName(tr("Connection details"));
    m_details->addTab(m_inspector, tr("&Frame"));
    m_details->addTab(m_messageView, tr("&Message"));
    m_masking = new WsMaskingView(m_details);
    // The masking of whichever frame the Frame tab shows (a message's fragments each have a key).
    connect(m_inspector, &WsFrameInspector::currentFrameChanged, m_masking, [this](int index, const QString &message) {
        if (index < 0)
            m_masking->showMessage(message);
        else
            m_masking->setFrame(m_inspector->frameAt(index), m_inspector->directionAt(index));
    });
    m_details->addTab(m_masking, tr("Mas&king"));
    m_details->addTab(m_handshake, tr("Hand&shake"));
    m_details->addTab(m_connectionInfo, tr("Co&nnection"));
    // The exchange over time (issue #13); selecting an arrow selects its row in the log.
    m_sequence = new SequenceDiagramPanel(m_details);
    m_details->addTab(m_sequence, tr("Se&quence"));
    // The selected row's note stands above whichever tab is open.
    m_noteLabel = NoteActions::createBanner(this);
    m_detailsPane = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(m_detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->setSpacing(2);
    detailsLayout->addWidget(m_noteLabel);
    detailsLayout->addWidget(m_details, 1);

    m_composer = new WsComposer(this);
    m_composer->setAccessibleName(tr("Message composer"));

    // Log and details side by side, the composer under the log; where the console is too
    // narrow for that, log, details and composer stack (resizeEvent).
    m_logColumn = new QSplitter(Qt::Vertical, this);
    m_logColumn->addWidget(logPane);
    m_logColumn->setChildrenCollapsible(false);
    m_middle = new QSplitter(Qt::Horizontal, this);
    m_middle->addWidget(m_logColumn);
    m_middle->addWidget(m_detailsPane);
    m_middle->setStretchFactor(0, 5);
    m_middle->setStretchFactor(1, 6);
    m_middle->setSizes({500, 500}); // log and details start as equal halves of whatever width there is
    m_outer = new QSplitter(Qt::Vertical, this);
    m_outer->addWidget(m_middle);
    m_outer->setCollapsible(0, false);
    placeComposer();

    m_connectBar = new QWidget(this);
    bar->setContentsMargins(0, 0, 0, 0);
    m_connectBar->setLayout(bar);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_connectBar);
    layout->addWidget(m_optionsPanel);
    layout->addWidget(m_outer, 1);

    setTabOrder(m_url, m_optionsButton);
    setTabOrder(m_optionsButton, m_connectButton);
    setTabOrder(m_connectButton, m_subprotocols);
    setTabOrder(m_subprotocols, m_deflate);
    setTabOrder(m_deflate, m_keepInspecting);
    setTabOrder(m_keepInspecting, m_ignoreTlsErrors);
    setTabOrder(m_ignoreTlsErrors, m_autoPong);
    setTabOrder(m_autoPong, m_headers);
    setTabOrder(m_headers, m_closeCode);
    setTabOrder(m_closeCode, m_closeReason);
    setTabOrder(m_closeReason, m_directionFilter);
    setTabOrder(m_directionFilter, m_typeFilter);
    setTabOrder(m_typeFilter, m_search);
    setTabOrder(m_search, m_logView);
    setTabOrder(m_logView, m_mode);
    setTabOrder(m_mode, m_composer->editor());

    connect(m_url, &QLineEdit::returnPressed, this, &WsConsole::toggleConnection);
    connect(m_url, &QLineEdit::textChanged, this, [this] { Q_EMIT titleChanged(title()); });
    connect(m_connectButton, &QPushButton::clicked, this, &WsConsole::toggleConnection);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &WsConsole::applyFilters);
    connect(m_directionFilter, &QComboBox::currentIndexChanged, this, &WsConsole::applyFilters);
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this, &WsConsole::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &WsConsole::applyFilters);
    connect(m_followButton, &QToolButton::toggled, this, &WsConsole::setFollowLog);
    connect(copyButton, &QToolButton::clicked, this, &WsConsole::copySelectedRows);
    connect(clearButton, &QToolButton::clicked, this, &WsConsole::clearLog);
    connect(m_log, &WsLogModel::rowsScanned, this, &WsConsole::onRowsScanned);
    connect(m_details, &QTabWidget::currentChanged, this, [this] { updateConnectionInfo(); });
    connect(m_sequence, &SequenceDiagramPanel::rowClicked, this, [this](qsizetype row) {
        const int shown = m_log->rowForTimelineRow(row);
        if (shown < 0) // hidden by the log's filter or mode: the diagram keeps its own selection
            return;
        const QModelIndex index = m_log->index(shown, 0);
        m_logView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_logView->scrollTo(index);
    });
    connect(m_logView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRow(current); });
    // Notes on rows (issue #11): the log's context menu, the details' banner.
    m_notes = new NoteActions(m_session->annotations(), m_logView,
                              [this](const QModelIndex &index) { return m_log->timelineRow(index.row()); });
    auto *copyRows = new QAction(tr("&Copy Rows"), m_logView);
    connect(copyRows, &QAction::triggered, this, &WsConsole::copySelectedRows);
    auto *separator = new QAction(m_logView);
    separator->setSeparator(true);
    m_logView->addActions({m_notes->editAction(), m_notes->removeAction(), separator, copyRows});
    m_logView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_session->annotations(), &Annotations::changed, this, [this](qint64 row) {
        if (row == m_notes->currentRow())
            showNote(row);
    });
    // A selection given up lets following go on at once.
    connect(m_logView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_followPaused)
            follow();
    });
    auto *unselect = new QShortcut(QKeySequence(Qt::Key_Escape), m_logView);
    unselect->setContext(Qt::WidgetShortcut);
    connect(unselect, &QShortcut::activated, m_logView, &QAbstractItemView::clearSelection);
    // Scrolling up to read pauses following; scrolling back to the end resumes it.
    connect(m_logView->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        auto *bar = m_logView->verticalScrollBar();
        if (value < bar->maximum() && m_follow && bar->isSliderDown())
            setFollowLog(false);
    });

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    auto *copy = new QShortcut(QKeySequence::Copy, m_logView);
    copy->setContext(Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &WsConsole::copySelectedRows);

    connect(m_composer, &WsComposer::textRequested, this, [this](const QString &text, qsizetype fragment) {
        onConnectionThread([c = m_connection, text, fragment] { c->sendText(text, fragment); });
    });
    connect(m_composer, &WsComposer::binaryRequested, this, [this](const QByteArray &data, qsizetype fragment) {
        onConnectionThread([c = m_connection, data, fragment] { c->sendBinary(data, fragment); });
    });
    connect(m_composer, &WsComposer::pingIntervalChanged, this, [this](int seconds) {
        onConnectionThread([c = m_connection, seconds] { c->setPingInterval(seconds * 1000); });
    });
    connect(m_composer, &WsComposer::pingRequested, this, [this](const QByteArray &payload) {
        onConnectionThread([c = m_connection, payload] { c->ping(payload); });
    });
    connect(m_composer, &WsComposer::craftRequested, this, [this](const WsCraftSpec &spec) {
        // The frame's row carries the Crafted mark: the engine decodes what it wrote.
        onConnectionThread([c = m_connection, bytes = WsFrameWriter::craft(spec)] { c->sendRaw(bytes); });
    });
}

WsConnectOptions WsConsole::options() const
{
    WsConnectOptions options;
    options.url = QUrl::fromUserInput(m_url->text().trimmed());
    if (options.url.scheme() == QStringLiteral("http"))
        options.url.setScheme(QStringLiteral("ws"));
    else if (options.url.scheme() == QStringLiteral("https"))
        options.url.setScheme(QStringLiteral("wss"));
    for (const QString &p : m_subprotocols->text().split(u',', Qt::SkipEmptyParts)) {
        if (!p.trimmed().isEmpty())
            options.subprotocols << p.trimmed();
    }
    for (const QString &line : m_headers->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        options.headers.append({line.left(colon).trimmed().toUtf8(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    options.permessageDeflate = m_deflate->isChecked();
    options.keepInspecting = m_keepInspecting->isChecked();
    options.ignoreCertificateErrors = m_ignoreTlsErrors->isChecked();
    options.autoPong = m_autoPong->isChecked();
    options.pingIntervalMs = m_composer->pingIntervalSeconds() * 1000;
    return options;
}

void WsConsole::setOptions(const WsConnectOptions &options)
{
    m_url->setText(options.url.toString());
    m_subprotocols->setText(options.subprotocols.join(QStringLiteral(", ")));
    QStringList lines;
    for (const WsHeader &header : options.headers)
        lines << QString::fromUtf8(header.first) + QStringLiteral(": ") + QString::fromUtf8(header.second);
    m_headers->setPlainText(lines.join(u'\n'));
    m_deflate->setChecked(options.permessageDeflate);
    m_keepInspecting->setChecked(options.keepInspecting);
    m_ignoreTlsErrors->setChecked(options.ignoreCertificateErrors);
    m_autoPong->setChecked(options.autoPong);
    m_composer->setPingIntervalSeconds(options.pingIntervalMs / 1000);
}

void WsConsole::setUrl(const QUrl &url)
{
    m_url->setText(url.toString());
}

QString WsConsole::title() const
{
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (!url.isValid() || url.host().isEmpty())
        return tr("WebSocket");
    return url.port() > 0 ? QStringLiteral("%1:%2%3").arg(url.host()).arg(url.port()).arg(url.path())
                          : url.host() + url.path();
}

void WsConsole::toggleConnection()
{
    const WsConnectionState s = state();
    if (s == WsConnectionState::Idle || s == WsConnectionState::Closed)
        connectToServer();
    else
        disconnectFromServer();
}

void WsConsole::connectToServer()
{
    const WsConnectionState s = state();
    if (s != WsConnectionState::Idle && s != WsConnectionState::Closed)
        return;
    const WsConnectOptions opts = options();
    // A URL the engine cannot use is its failure (request.invalid), recorded like any other.
    dropConnection();
    m_connection = new WsConnection(m_session, nullptr);
    m_connection->moveToThread(&m_engineThread);
    m_state = WsConnectionState::Connecting;
    connect(m_connection, &WsConnection::stateChanged, this, [this](WsConnectionState state) {
        m_state = state;
        updateStateUi();
        Q_EMIT stateChanged(state);
    });
    // The new connection's id comes back before its first rows are announced (both are posted
    // to this thread, the id first); its rows then join this tab's log below the old ones.
    onConnectionThread([c = m_connection, opts, console = this] {
        c->open(opts);
        QMetaObject::invokeMethod(console, [console, id = c->connectionId()] { console->adoptConnection(id); },
                                  Qt::QueuedConnection);
    });
    updateStateUi();
}

void WsConsole::adoptConnection(quint32 id)
{
    const bool first = m_log->connections().isEmpty();
    m_log->addConnection(id);
    m_sequence->setConnections(&m_session->timeline(), m_log->connections());
    m_shownHandshake = nullptr;
    m_handshake->clear();
    if (first) {
        m_inspector->showMessage(tr("Select a message or frame in the log."));
        m_noteLabel->hide();
        m_messageView->clear();
    }
    rebuildCharts();
    showHandshake();
    updateCounts();
    updateConnectionInfo();
}

void WsConsole::showPastConnection(quint32 id)
{
    const TimelineConnection *c = m_session->timeline().connection(id);
    if (!c || c->protocol != ConnectionProtocol::WebSocket)
        return;
    setOptions(c->wsOptions);
    m_state = c->close ? WsConnectionState::Closed : WsConnectionState::Idle;
    adoptConnection(id);
    updateStateUi();
    follow();
}

void WsConsole::disconnectFromServer()
{
    if (!m_connection)
        return;
    const WsConnectionState s = m_state;
    if (s == WsConnectionState::Open) {
        const int code = m_closeCode->currentData().toInt();
        const std::optional<quint16> closeCode = code < 0 ? std::nullopt : std::optional<quint16>(quint16(code));
        onConnectionThread([c = m_connection, closeCode, reason = m_closeReason->text()] { c->close(closeCode, reason); });
    } else if (s == WsConnectionState::Connecting || s == WsConnectionState::Handshaking || s == WsConnectionState::Closing) {
        // Nothing to close politely yet (or the peer is not answering): drop TCP.
        onConnectionThread([c = m_connection] { c->abort(); });
    }
}

void WsConsole::sendPing()
{
    m_composer->sendPing();
}

void WsConsole::updateStateUi()
{
    const WsConnectionState s = state();
    const QColor color = stateColor(s);
    m_stateLabel->setText(QStringLiteral("\u25cf ") + stateText(s));
    m_stateLabel->setStyleSheet(QStringLiteral("QLabel { color: white; background: %1; border-radius: 9px; padding: 2px 10px; font-weight: bold; }")
                                    .arg(color.name()));
    const TimelineConnection *c = lastConnection();
    m_stateLabel->setToolTip(c ? c->label : QString());
    const bool idle = s == WsConnectionState::Idle || s == WsConnectionState::Closed;
    m_connectButton->setText(idle ? tr("&Connect") : tr("&Disconnect"));
    m_composer->setConnected(s == WsConnectionState::Open);
    for (QWidget *w : {static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_subprotocols),
                       static_cast<QWidget *>(m_headers), static_cast<QWidget *>(m_deflate),
                       static_cast<QWidget *>(m_keepInspecting), static_cast<QWidget *>(m_ignoreTlsErrors),
                       static_cast<QWidget *>(m_autoPong)})
        w->setEnabled(idle);
    updateConnectionInfo();
}

const TimelineConnection *WsConsole::lastConnection() const
{
    const QList<quint32> &ids = m_log->connections();
    return ids.isEmpty() ? nullptr : m_session->timeline().connection(ids.last());
}

const WsHandshakeRecord &WsConsole::handshakeRecord() const
{
    static const WsHandshakeRecord none;
    const TimelineConnection *c = lastConnection();
    return c && c->handshake ? *c->handshake : none;
}

const WsCloseRecord &WsConsole::closeRecord() const
{
    static const WsCloseRecord none;
    const TimelineConnection *c = lastConnection();
    return c && c->close ? *c->close : none;
}

qint64 WsConsole::chartNowNs() const
{
    const qint64 origin = m_log->originNs();
    const TimelineConnection *c = lastConnection();
    if (!c)
        return 0;
    if (c->closedNs >= 0 && (!m_connection || m_state == WsConnectionState::Closed))
        return c->closedNs - origin; // a finished connection's charts end where it ended
    return m_session->clock().nowNs() - origin;
}

qsizetype WsConsole::pendingRows() const
{
    return m_log->pendingRows();
}

void WsConsole::flushLog()
{
    m_log->flush();
}

void WsConsole::onRowsScanned(qsizetype first, qsizetype end)
{
    addChartRows(first, end);
    m_sequence->refresh();
    showHandshake();
    updateCounts();
    if (m_details->currentWidget() == m_connectionInfo)
        updateConnectionInfo();
    follow();
}

void WsConsole::follow()
{
    if (!m_follow)
        return;
    // Like a browser's message list: a row the user selected stays in view while rows keep
    // arriving below it; following goes on once it would stay in view, or nothing is selected.
    const QModelIndex current = m_logView->selectionModel()->currentIndex();
    const bool selected = current.isValid() && m_logView->selectionModel()->isRowSelected(current.row(), {});
    const int rowHeight = std::max(1, m_logView->verticalHeader()->defaultSectionSize());
    const int rowsInView = std::max(1, m_logView->viewport()->height() / rowHeight);
    const bool paused = selected && m_log->rowCount() - current.row() > rowsInView;
    if (paused != m_followPaused) {
        m_followPaused = paused;
        m_followButton->setToolTip(paused ? tr("Following is paused while a row above is selected: rows keep arriving "
                                               "below it. Clear the selection (Esc) to follow again.")
                                          : m_followTip);
    }
    if (!paused)
        m_logView->scrollToBottom();
}

void WsConsole::addChartRows(qsizetype first, qsizetype end)
{
    // Charts count messages (a one-frame message's frame, a longer one's Message row) with
    // their bytes on the wire, and the round trip of each pong that answered our ping.
    const Timeline &timeline = m_session->timeline();
    const qint64 origin = m_log->originNs();
    for (qsizetype i = first; i < end; ++i) {
        const TimelineRow &r = timeline.row(i);
        if (!m_log->showsConnection(r.connection))
            continue;
        const bool data = r.opcode == quint8(WsOpcode::Text) || r.opcode == quint8(WsOpcode::Binary);
        if (r.rowKind() == RowKind::Message
            || (r.rowKind() == RowKind::Frame && data && !r.has(TimelineRow::Fragment))) {
            m_chartData.addMessage(r.tNs - origin, r.direction(), r.wireSize);
        } else if (r.rowKind() == RowKind::Frame && r.opcode == quint8(WsOpcode::Pong)) {
            const qint64 rtt = timeline.roundTripNs(i);
            if (rtt >= 0)
                m_chartData.addRtt(r.tNs - origin, rtt);
        }
    }
}

void WsConsole::rebuildCharts()
{
    m_chartData.clear();
    qsizetype from = m_log->scannedEnd();
    for (quint32 id : m_log->connections()) {
        const TimelineConnection *c = m_session->timeline().connection(id);
        if (c && c->firstRow >= 0)
            from = qMin(from, c->firstRow);
    }
    addChartRows(qMax(from, m_log->clearedBefore()), m_log->scannedEnd());
}

void WsConsole::showHandshake()
{
    const TimelineConnection *c = lastConnection();
    const WsHandshakeRecord *record = c ? c->handshake.get() : nullptr;
    if (!record || record == m_shownHandshake)
        return;
    m_shownHandshake = record;
    m_handshake->setRecord(*record);
    if (!record->verdict.ok)
        m_details->setCurrentWidget(m_handshake);
}

void WsConsole::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Side by side the log and the details each need ~450 px: on a half of a laptop screen
    // they stack instead (log above, details below), as Chrome DevTools stacks its panes, so
    // the data column, the frame diagram and 16-byte hex lines all keep their width.
    const Qt::Orientation wanted = width() < kSideBySideWidth ? Qt::Vertical : Qt::Horizontal;
    if (m_middle->orientation() != wanted || !m_proportioned) {
        m_proportioned = true;
        m_middle->setOrientation(wanted);
        placeComposer();
        // The splitters get their new geometry from the layout after this event.
        QMetaObject::invokeMethod(this, &WsConsole::applyProportions, Qt::QueuedConnection);
    }
}

void WsConsole::placeComposer()
{
    // Side by side, the composer writes under the log it adds to and the details keep the
    // whole height (a diagram, ten field rows and ten hex lines on a 768 px screen);
    // stacked, it stays at the bottom, under both.
    QSplitter *home = m_middle->orientation() == Qt::Horizontal ? m_logColumn : m_outer;
    if (m_composer->parentWidget() == home)
        return;
    home->addWidget(m_composer);
    home->setStretchFactor(0, 4);
    home->setStretchFactor(1, 1);
}

void WsConsole::applyProportions()
{
    const bool sideBySide = m_middle->orientation() == Qt::Horizontal;
    const int total = sideBySide ? m_middle->width() : m_middle->height();
    // Side by side the details get the larger part, at least what 16 hex bytes a line need
    // (the diagram's 32 bit columns need less). Stacked, the log gets 40%.
    const int details = qMax(total * 6 / 11, m_inspector->hexView()->sizeHint().width() + 40);
    const int first = sideBySide ? qMax(total - details, total / 3) : total * 2 / 5;
    m_middle->setSizes({first, total - first});
    QSplitter *home = qobject_cast<QSplitter *>(m_composer->parentWidget());
    const int height = home ? home->height() : 0;
    const int composer = qMin(m_composer->sizeHint().height(), height / 3);
    if (home && home->count() == 2 && height > 0)
        home->setSizes({height - composer, composer});
}

void WsConsole::setFocusPanel(FocusPanel panel)
{
    if (panel == m_focus)
        return;
    m_focus = panel;
    const bool all = panel == FocusPanel::None;
    const bool details = panel == FocusPanel::Frame || panel == FocusPanel::Handshake;
    m_connectBar->setVisible(all);
    m_optionsPanel->setVisible(all && m_optionsButton->isChecked());
    m_composer->setVisible(all);
    m_logPane->setVisible(all || panel == FocusPanel::Log);
    m_detailsPane->setVisible(all || details);
    if (panel == FocusPanel::Frame)
        m_details->setCurrentWidget(m_inspector);
    else if (panel == FocusPanel::Handshake)
        m_details->setCurrentWidget(m_handshake);
}

WsConsole::Counts WsConsole::counts(quint32 id) const
{
    Counts n;
    const TimelineConnection *c = m_session->timeline().connection(id);
    if (!c)
        return n;
    const Counts base = m_countsAtClear.value(id);
    for (int d = 0; d < 2; ++d) {
        n.frames[d] = c->frameCount[d] - base.frames[d];
        n.messages[d] = c->messageCount[d] - base.messages[d];
        n.payloadBytes[d] = c->payloadBytes[d] - base.payloadBytes[d];
        n.wireBytes[d] = c->streams[d].end() - base.wireBytes[d];
    }
    return n;
}

WsConsole::Counts WsConsole::counts() const
{
    Counts total;
    for (quint32 id : m_log->connections()) {
        const Counts n = counts(id);
        for (int d = 0; d < 2; ++d) {
            total.frames[d] += n.frames[d];
            total.messages[d] += n.messages[d];
            total.payloadBytes[d] += n.payloadBytes[d];
            total.wireBytes[d] += n.wireBytes[d];
        }
    }
    return total;
}

void WsConsole::updateCounts()
{
    const Counts total = counts();
    // %n picks the plural form; counts past INT_MAX keep the last form (as they would).
    const auto n = [](quint64 count) { return int(std::min<quint64>(count, quint64(INT_MAX))); };
    m_counts->setText(QStringList{tr("%n row(s)", nullptr, m_log->rowCount()),
                                  tr("received %n message(s) (%1)", nullptr, n(total.messages[0]))
                                      .arg(WsLogModel::sizeText(quint64(total.payloadBytes[0]))),
                                  tr("sent %n message(s) (%1)", nullptr, n(total.messages[1]))
                                      .arg(WsLogModel::sizeText(quint64(total.payloadBytes[1])))}
                          .join(QStringLiteral(" · ")));
    m_counts->setToolTip(m_counts->text());
}

void WsConsole::updateConnectionInfo()
{
    QString html;
    const QString dim = palette().color(QPalette::PlaceholderText).name();
    auto row = [](const QString &k, const QString &v) {
        return QStringLiteral("<tr><td style=\"padding-right:16px\"><b>%1</b></td><td>%2</td></tr>").arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    html += QStringLiteral("<table cellpadding=\"3\">");
    html += row(tr("State"), stateText(state()));
    const TimelineConnection *c = lastConnection();
    if (c) {
        if (m_log->connections().size() > 1)
            html += row(tr("Connections in this tab"), QString::number(m_log->connections().size()));
        html += row(tr("URL"), c->label);
        const WsHandshakeRecord &hs = handshakeRecord();
        if (!hs.peerAddress.isEmpty())
            html += row(tr("Peer"), hs.peerAddress);
        const PhaseTimings &t = hs.timings;
        const auto ms = [this](qint64 ns) { return ns < 0 ? tr("none") : tr("%1 ms").arg(double(ns) / 1e6, 0, 'f', 3); };
        if (t.connectEndNs >= 0) {
            html += row(tr("DNS"), t.dnsNs() < 0 ? tr("none (an address, or the proxy resolves)") : ms(t.dnsNs()));
            html += row(tr("TCP connect"), ms(t.connectEndNs - t.connectStartNs));
            if (hs.tls.used)
                html += row(tr("TLS handshake"), ms(t.sslNs()));
        }
        const Counts n = counts(c->id);
        if (m_log->clearedBefore() > 0)
            html += row(tr("Counted since"), tr("the log was cleared"));
        html += row(tr("Frames"), tr("%1 received, %2 sent").arg(n.frames[0]).arg(n.frames[1]));
        html += row(tr("Messages"), tr("%1 received (%2), %3 sent (%4)")
                                        .arg(n.messages[0])
                                        .arg(WsLogModel::sizeText(quint64(n.payloadBytes[0])))
                                        .arg(n.messages[1])
                                        .arg(WsLogModel::sizeText(quint64(n.payloadBytes[1]))));
        html += row(tr("Bytes on the wire"), tr("%1 received, %2 sent").arg(n.wireBytes[0]).arg(n.wireBytes[1]));
        const Timeline &timeline = m_session->timeline();
        const QString budget = timeline.byteBudget() > 0 ? WsLogModel::sizeText(quint64(timeline.byteBudget())) : tr("no limit");
        html += row(tr("Payload memory (session)"),
                    tr("%1 kept of %2; %3 dropped by the budget, %4 freed by Clear or closed tabs")
                        .arg(WsLogModel::sizeText(quint64(timeline.bytesHeld())), budget,
                             WsLogModel::sizeText(quint64(timeline.bytesDropped())),
                             WsLogModel::sizeText(quint64(timeline.bytesReleased()))));
        html += row(tr("permessage-deflate"), hs.deflateNegotiated ? QString::fromLatin1(hs.deflateParams.headerValue()) : tr("off"));
        html += row(tr("Keep inspecting"), c->wsOptions.keepInspecting ? tr("on") : tr("off (RFC 6455 behaviour)"));
        if (hs.tls.used) {
            html += row(tr("TLS"), tr("%1, %2").arg(hs.tls.protocol, hs.tls.cipher));
            for (const TlsCertificateInfo &cert : hs.tls.chain)
                html += row(tr("Certificate"), tr("%1 (issued by %2, valid until %3)").arg(cert.subject, cert.issuer, cert.notAfter.toString(Qt::ISODate)));
            for (const TlsErrorInfo &error : hs.tls.errors)
                html += row(hs.tls.errorsIgnored ? tr("TLS error (ignored)") : tr("TLS error"), error.message);
        }
        if (c->close) {
            const WsCloseRecord &close = *c->close;
            const QString who = close.initiator == WsCloseInitiator::Client ? tr("Wirescope")
                : close.initiator == WsCloseInitiator::Server                ? tr("the server")
                                                                              : tr("nobody (connection dropped)");
            html += row(tr("Closed first by"), who);
            html += row(tr("Close sent"), close.sentClose ? (close.sentCode ? QString::number(*close.sentCode) : tr("no code")) + u' ' + close.sentReason : tr("no"));
            html += row(tr("Close received"), close.receivedClose ? (close.receivedCode ? QString::number(*close.receivedCode) : tr("no code")) + u' ' + close.receivedReason : tr("no"));
            html += row(tr("Result"), tr("%1 %2, %3").arg(close.code).arg(close.reason, close.clean ? tr("clean close (RFC 6455 §7.1.4)") : tr("not clean")));
            if (!close.failure.isNull())
                html += row(tr("Why"), WsLogModel::failureText(close.failure));
        }
    }
    html += QStringLiteral("</table><p style=\"color:%1\">%2</p>")
                .arg(dim, tr("Times in the log are seconds since the first connection of this tab started.").toHtmlEscaped());
    m_connectionInfo->setHtml(html);
}

void WsConsole::showNote(qsizetype row)
{
    NoteActions::showOnBanner(m_noteLabel, m_session->annotations()->at(row));
}

void WsConsole::showRow(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qsizetype row = m_log->timelineRow(index.row());
    if (row < 0)
        return;
    m_sequence->setSelectedRow(row);
    showNote(row);
    const Timeline &timeline = m_session->timeline();
    const TimelineRow &r = timeline.row(row);
    switch (r.rowKind()) {
    case RowKind::Violation: {
        const Violation *v = timeline.violation(row);
        QString text;
        if (v && v->kind) {
            text = tr("%1\n\nRule: %2\nId: %3\nSeverity: %4\nByte offset in the %5 stream: %6 (length %7)\nDetail: %8")
                       .arg(QCoreApplication::translate("Violation", v->kind->text), QString::fromUtf8(v->kind->rfc),
                            QString::fromLatin1(v->kind->id), violationSeverityName(v->kind->severity),
                            r.direction() == Direction::Out ? tr("sent") : tr("received"))
                       .arg(v->offset)
                       .arg(v->length)
                       .arg(v->detail);
        }
        m_messageView->setPlainText(text);
        m_inspector->showMessage(tr("A violation row: its rule and byte offset are on the Message tab."));
        if (m_details->currentWidget() != m_sequence) // the diagram stays up while its arrows are clicked
            m_details->setCurrentWidget(m_messageView);
        return;
    }
    case RowKind::Event:
    case RowKind::Exchange:
        m_messageView->setPlainText(m_log->previewText(row, 1 << 16));
        m_inspector->showMessage(tr("An event row has no frame."));
        return;
    case RowKind::Frame:
    case RowKind::Message:
        break;
    }
    const QString gone = m_log->goneText(row);
    if (!gone.isEmpty()) {
        m_messageView->setPlainText(tr("%1: the session no longer keeps the %n byte(s) of this row in memory; "
                                       "its type, size and time stay.", nullptr, int(std::min<quint32>(r.size, INT_MAX)))
                                        .arg(gone));
        m_inspector->showMessage(gone);
        return;
    }
    if (const qsizetype pong = m_log->foldedPong(row); pong >= 0) {
        // A ping folded with its pong: both frames, each with its own direction.
        std::vector<WsFrame> frames = timeline.framesOf(row);
        std::vector<Direction> directions(frames.size(), Direction::Out);
        for (WsFrame &f : timeline.framesOf(pong)) {
            frames.push_back(std::move(f));
            directions.push_back(Direction::In);
        }
        m_messageView->setPlainText(m_log->previewText(row, 1 << 16));
        m_inspector->setFrames(frames, directions);
        return;
    }
    QByteArray scratch;
    const QByteArrayView payload = timeline.payload(row, scratch, kMaxShownPayload);
    const QByteArray bytes = payload.toByteArray();
    QString text;
    if (WsOpcode(r.opcode) == WsOpcode::Binary) {
        // A classic hex dump for binary payloads.
        for (qsizetype i = 0; i < bytes.size(); i += 16) {
            const QByteArray line = bytes.mid(i, 16);
            QString ascii;
            for (char c : line)
                ascii += (c >= 0x20 && c < 0x7f) ? QChar(QLatin1Char(c)) : QChar(u'.');
            text += QStringLiteral("%1  %2  %3\n").arg(i, 8, 16, QLatin1Char('0')).arg(QString::fromLatin1(line.toHex(' ')), -48).arg(ascii);
        }
    } else if (WsOpcode(r.opcode) == WsOpcode::Close) {
        text = m_log->previewText(row, 1 << 16);
    } else {
        const QByteArray trimmed = bytes.trimmed();
        const JsonPretty json = trimmed.startsWith('{') || trimmed.startsWith('[') ? jsonPretty(bytes) : JsonPretty();
        text = QString::fromUtf8(json.ok ? json.text : bytes);
    }
    if (bytes.size() < qsizetype(r.size))
        text += tr("\n\u2026 (showing the first %1 of %2 bytes)").arg(bytes.size()).arg(r.size);
    m_messageView->setPlainText(text);
    std::optional<WsClosePayload> close;
    if (WsOpcode(r.opcode) == WsOpcode::Close && r.rowKind() == RowKind::Frame)
        close = timeline.closePayload(row);
    m_inspector->setFrames(timeline.framesOf(row), r.direction(), close);
}

void WsConsole::applyFilters()
{
    m_log->setMode(WsLogModel::Mode(m_mode->currentData().toInt()));
    m_log->setDirectionFilter(m_directionFilter->currentData().toUInt());
    m_log->setTypeFilter(m_typeFilter->currentData().toUInt());
    m_log->setSearchText(m_search->text());
}

void WsConsole::setFollowLog(bool follow)
{
    m_follow = follow;
    if (m_followButton->isChecked() != follow)
        m_followButton->setChecked(follow);
    if (follow)
        m_logView->scrollToBottom();
}

void WsConsole::copySelectedRows()
{
    QModelIndexList rows = m_logView->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &index : std::as_const(rows))
        lines << m_log->rowAsText(index.row());
    if (!lines.isEmpty())
        QGuiApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
}

void WsConsole::clearLog()
{
    flushLog();
    m_log->clear();
    // The log was the reason to keep these bytes: the timeline frees them (its rows stay,
    // marked as freed), and what the tab counts starts again from here.
    Timeline &timeline = m_session->timeline();
    for (quint32 id : m_log->connections()) {
        timeline.releaseConnection(id);
        m_countsAtClear.remove(id);
        m_countsAtClear.insert(id, counts(id));
    }
    returnFreedMemory();
    m_chartData.clear();
    updateCounts();
    updateConnectionInfo();
    m_inspector->showMessage(tr("Select a message or frame in the log."));
    m_noteLabel->hide();
    m_messageView->clear();
}

} // namespace wirescope

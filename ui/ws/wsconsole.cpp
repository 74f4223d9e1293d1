#include "ui/ws/wsconsole.h"

#include "core/wire/wsclosecode.h"
#include "ui/ws/wscomposer.h"
#include "ui/ws/wsframeinspector.h"
#include "ui/ws/wshandshakeview.h"

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
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace wirescope {

namespace {
// DESIGN.md: rows reach the view at most every ~16-33 ms, however fast they arrive. 33 ms:
// each flush costs a repaint (~10 ms for a full log view), so 30 per second leaves the
// UI thread two thirds of its time for input and the socket.
constexpr int kFlushIntervalMs = 33;
// A burst never holds more than this many rows back before they are shown.
constexpr size_t kMaxPendingRows = 200'000;

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

WsConsole::WsConsole(QWidget *parent)
    : QWidget(parent)
    , m_engineContext(new QObject)
    , m_flushTimer(new QTimer(this))
{
    m_engineThread.setObjectName(QStringLiteral("wirescope-ws-engine"));
    m_engineContext->moveToThread(&m_engineThread);
    m_engineThread.start();
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(kFlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &WsConsole::flushLog);
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

    // Message log.
    m_log = new WsLogModel(this);
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
    m_logView->horizontalHeader()->setStretchLastSection(true);
    m_logView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Columns sized for their widest usual content, so nothing common is elided.
    const QFontMetrics fm = m_logView->fontMetrics();
    const int pad = 14;
    m_logView->setColumnWidth(WsLogModel::IndexColumn, fm.horizontalAdvance(QStringLiteral("0000000")) + pad);
    m_logView->setColumnWidth(WsLogModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("0000.000000")) + pad);
    m_logView->setColumnWidth(WsLogModel::DirectionColumn, fm.horizontalAdvance(QStringLiteral("Dir")) + pad);
    m_logView->setColumnWidth(WsLogModel::TypeColumn, fm.horizontalAdvance(QStringLiteral("text (3 frames)")) + pad + 20);
    m_logView->setColumnWidth(WsLogModel::SizeColumn, fm.horizontalAdvance(QStringLiteral("000.0 KiB")) + pad);
    m_logView->setColumnWidth(WsLogModel::WireSizeColumn, fm.horizontalAdvance(tr("Compressed")) + pad);
    m_logView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);

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
    m_followButton->setAccessibleName(tr("Follow new messages"));
    auto *copyButton = new QToolButton(this);
    copyButton->setText(tr("Copy"));
    copyButton->setToolTip(tr("Copy the selected rows as tab-separated text (Ctrl+C)"));
    auto *clearButton = new QToolButton(this);
    clearButton->setText(tr("Clear"));
    clearButton->setToolTip(tr("Clear the log"));
    m_counts = new QLabel(this);
    // Filters above the log, counts and log actions below it: two short rows keep the log
    // pane narrow enough to share half of a 1366 px screen with the details.
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_directionFilter);
    filterRow->addWidget(m_typeFilter);
    filterRow->addWidget(m_search, 1);
    m_counts->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_counts->setWordWrap(true);
    auto *bottomRow = new QHBoxLayout;
    bottomRow->addWidget(m_counts, 1);
    bottomRow->addWidget(m_followButton);
    bottomRow->addWidget(copyButton);
    bottomRow->addWidget(clearButton);
    auto *logPane = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logPane);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addLayout(filterRow);
    logLayout->addWidget(m_logView, 1);
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
    m_details->addTab(m_handshake, tr("Hand&shake"));
    m_details->addTab(m_connectionInfo, tr("Co&nnection"));

    m_composer = new WsComposer(this);
    m_composer->setAccessibleName(tr("Message composer"));

    auto *middle = new QSplitter(Qt::Horizontal, this);
    middle->addWidget(logPane);
    middle->addWidget(m_details);
    middle->setStretchFactor(0, 5);
    middle->setStretchFactor(1, 6);
    middle->setSizes({500, 500}); // log and details start as equal halves of whatever width there is
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(middle);
    vertical->addWidget(m_composer);
    vertical->setStretchFactor(0, 4);
    vertical->setStretchFactor(1, 1);
    vertical->setCollapsible(0, false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addLayout(options);
    layout->addWidget(vertical, 1);

    setTabOrder(m_url, m_connectButton);
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
    setTabOrder(m_logView, m_composer->editor());

    connect(m_url, &QLineEdit::returnPressed, this, &WsConsole::toggleConnection);
    connect(m_url, &QLineEdit::textChanged, this, [this] { Q_EMIT titleChanged(title()); });
    connect(m_connectButton, &QPushButton::clicked, this, &WsConsole::toggleConnection);
    connect(m_directionFilter, &QComboBox::currentIndexChanged, this, &WsConsole::applyFilters);
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this, &WsConsole::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &WsConsole::applyFilters);
    connect(m_followButton, &QToolButton::toggled, this, &WsConsole::setFollowLog);
    connect(copyButton, &QToolButton::clicked, this, &WsConsole::copySelectedRows);
    connect(clearButton, &QToolButton::clicked, this, &WsConsole::clearLog);
    connect(m_logView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRow(current); });
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
        if (m_connection) {
            addEvent(tr("Crafted frame written: FIN=%1 RSV=%2%3%4 opcode=0x%5 MASK=%6")
                         .arg(int(spec.fin)).arg(int(spec.rsv1)).arg(int(spec.rsv2)).arg(int(spec.rsv3))
                         .arg(spec.opcode, 0, 16).arg(int(spec.masked)));
            onConnectionThread([c = m_connection, bytes = WsFrameWriter::craft(spec)] { c->sendRaw(bytes); });
        }
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
    if (!opts.url.isValid() || (opts.url.scheme() != QStringLiteral("ws") && opts.url.scheme() != QStringLiteral("wss"))
        || opts.url.host().isEmpty()) {
        m_stateLabel->setText(tr("Invalid URL"));
        m_stateLabel->setToolTip(tr("Use ws://host[:port]/path or wss://host[:port]/path"));
        addEvent(tr("Cannot connect: \u201c%1\u201d is not a ws:// or wss:// URL.").arg(m_url->text()));
        flushLog();
        return;
    }
    // The previous connection is gone before the clock it stamps with restarts.
    dropConnection();
    // Each connection starts a fresh log, chart and clock: times are relative to its start.
    flushLog();
    m_log->clear();
    m_chartData.clear();
    m_partial[0].clear();
    m_partial[1].clear();
    m_violationPending[0] = m_violationPending[1] = false;
    m_hasClose = false;
    m_lastClose = WsCloseRecord();
    m_handshakeRecord = WsHandshakeRecord();
    m_framesIn = m_framesOut = 0;
    m_bytesIn = m_bytesOut = 0;
    m_openedOptions = opts;
    m_clock.restart();
    m_log->setOriginNs(0);
    m_handshake->clear();
    m_inspector->showMessage(tr("Select a message or frame in the log."));
    m_messageView->clear();

    m_connection = new WsConnection(&m_clock, nullptr);
    m_connection->moveToThread(&m_engineThread);
    m_state = WsConnectionState::Connecting;
    connect(m_connection, &WsConnection::stateChanged, this, [this](WsConnectionState state) {
        m_state = state;
        updateStateUi();
        Q_EMIT stateChanged(state);
    });
    connect(m_connection, &WsConnection::chunkCaptured, this, [this](const CapturedChunk &chunk) {
        (chunk.direction == Direction::In ? m_bytesIn : m_bytesOut) += chunk.bytes.size();
    });
    connect(m_connection, &WsConnection::frameDecoded, this, &WsConsole::onFrame);
    connect(m_connection, &WsConnection::messageDecoded, this, &WsConsole::onMessage);
    connect(m_connection, &WsConnection::violationFound, this, &WsConsole::onViolation);
    connect(m_connection, &WsConnection::pongReceived, this, &WsConsole::onPong);
    connect(m_connection, &WsConnection::handshakeFinished, this, &WsConsole::onHandshake);
    connect(m_connection, &WsConnection::errorOccurred, this, &WsConsole::onError);
    connect(m_connection, &WsConnection::closed, this, &WsConsole::onClosed);
    addEvent(tr("Connecting to %1").arg(opts.url.toString()));
    onConnectionThread([c = m_connection, opts] { c->open(opts); });
    updateStateUi();
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
    m_stateLabel->setToolTip(m_connection ? m_openedOptions.url.toString() : QString());
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

void WsConsole::addPending(WsLogEntry &&entry)
{
    // A violation is reported just before the frame or message it belongs to: mark that row.
    const WsLogKind kind = entry.record.kind();
    if (kind == WsLogKind::Message || kind == WsLogKind::Control) {
        bool &flag = m_violationPending[entry.record.direction() == Direction::In ? 0 : 1];
        if (flag)
            entry.record.bits |= WsLogRecord::HasViolation;
        flag = false;
    }
    m_pending.push_back(std::move(entry));
    if (m_pending.size() >= kMaxPendingRows)
        flushLog();
    else if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void WsConsole::addEvent(const QString &text, qint64 tNs)
{
    WsLogEntry entry;
    entry.record.tNs = tNs >= 0 ? tNs : m_clock.nowNs();
    entry.record.setKind(WsLogKind::Event);
    entry.note = text;
    addPending(std::move(entry));
}

void WsConsole::flushLog()
{
    m_flushTimer->stop();
    if (m_pending.empty())
        return;
    std::vector<WsLogEntry> batch;
    batch.swap(m_pending);
    m_log->appendBatch(std::move(batch));
    if (m_follow)
        m_logView->scrollToBottom();
    m_counts->setText(tr("%1 rows · received %2 messages (%3) · sent %4 messages (%5)")
                          .arg(m_log->totalRows())
                          .arg(m_chartData.totalMessages(Direction::In))
                          .arg(WsLogModel::sizeText(quint64(m_chartData.totalBytes(Direction::In))))
                          .arg(m_chartData.totalMessages(Direction::Out))
                          .arg(WsLogModel::sizeText(quint64(m_chartData.totalBytes(Direction::Out)))));
}

static WsLogEntry frameRow(const WsFrameEvent &event)
{
    WsLogEntry entry;
    const WsFrame &frame = event.frame;
    entry.record.tNs = event.tNs;
    entry.record.opcode = quint8(frame.header.opcode);
    entry.record.size = quint32(qMin<quint64>(frame.header.payloadLength, 0xffffffffu));
    entry.record.wireSize = entry.record.size;
    entry.record.frameCount = 1;
    entry.record.setKind(WsLogKind::Control);
    if (event.direction == Direction::Out)
        entry.record.bits |= WsLogRecord::Outgoing;
    if (frame.payloadDiscarded || frame.payload.size() > qsizetype(WsLogStore::kMaxStoredPayload)) {
        entry.frames.push_back(frame);
    } else {
        entry.header = frame.headerBytes;
    }
    entry.data = frame.payload;
    return entry;
}

void WsConsole::onFrame(const WsFrameEvent &event)
{
    ++(event.direction == Direction::In ? m_framesIn : m_framesOut);
    const WsOpcode opcode = event.frame.header.opcode;
    if (wsIsControl(opcode) || wsIsReserved(opcode)) {
        // Control frames (and frames with opcodes no message can be built from) are rows of their own.
        addPending(frameRow(event));
        return;
    }
    auto &partial = m_partial[event.direction == Direction::In ? 0 : 1];
    partial.push_back(event.frame);
    if (event.frame.header.fin && partial.size() > 1 && opcode != WsOpcode::Continuation) {
        // A new message started while frames of an unfinished one were held: those never
        // became a message (the violation row says why). Show them as frames.
        for (size_t i = 0; i + 1 < partial.size(); ++i) {
            WsFrameEvent orphan{event.tNs, event.direction, 0, partial[i]};
            WsLogEntry entry = frameRow(orphan);
            entry.record.setKind(WsLogKind::Message);
            addPending(std::move(entry));
        }
        partial.erase(partial.begin(), partial.end() - 1);
    }
}

void WsConsole::onMessage(const WsMessageEvent &event)
{
    const WsMessage &message = event.message;
    auto &partial = m_partial[event.direction == Direction::In ? 0 : 1];
    std::vector<WsFrame> frames;
    const size_t count = qMin(partial.size(), size_t(qMax(1, message.frameCount)));
    frames.assign(std::make_move_iterator(partial.end() - qsizetype(count)), std::make_move_iterator(partial.end()));
    partial.clear();

    WsLogEntry entry;
    entry.record.tNs = event.tNs;
    entry.record.opcode = quint8(message.type == WsMessageType::Binary ? WsOpcode::Binary : WsOpcode::Text);
    entry.record.size = quint32(qMin<qint64>(message.size, 0xffffffff));
    entry.record.wireSize = quint32(qMin<qint64>(message.wireSize, 0xffffffff));
    entry.record.frameCount = quint8(qMin(message.frameCount, 255));
    entry.record.setKind(WsLogKind::Message);
    if (event.direction == Direction::Out)
        entry.record.bits |= WsLogRecord::Outgoing;
    if (message.compressed)
        entry.record.bits |= WsLogRecord::Compressed;
    if (!message.utf8Valid || message.truncated)
        entry.record.bits |= WsLogRecord::HasViolation;
    entry.data = message.payload;
    // The common case (one uncompressed frame) is rebuilt later from header + payload; the
    // rest keeps its frames whole.
    if (frames.size() == 1 && !message.compressed && !frames.front().payloadDiscarded
        && message.payload.size() <= qsizetype(WsLogStore::kMaxStoredPayload)) {
        entry.header = frames.front().headerBytes;
    } else {
        entry.frames = std::move(frames);
    }
    m_chartData.addMessage(event.tNs, event.direction, message.wireSize);
    addPending(std::move(entry));
}

void WsConsole::onViolation(const WsViolationEvent &event)
{
    WsLogEntry entry;
    entry.record.tNs = event.tNs;
    entry.record.setKind(WsLogKind::Violation);
    if (event.direction == Direction::Out)
        entry.record.bits |= WsLogRecord::Outgoing;
    entry.violation = event.violation;
    addPending(std::move(entry));
    m_violationPending[event.direction == Direction::In ? 0 : 1] = true;
}

void WsConsole::onPong(const WsPongEvent &event)
{
    if (event.rttNs >= 0) {
        m_chartData.addRtt(event.tNs, event.rttNs);
        addEvent(tr("Pong after %1 ms").arg(double(event.rttNs) / 1e6, 0, 'f', 3), event.tNs);
    }
}

void WsConsole::onHandshake(const WsHandshakeRecord &record)
{
    m_handshakeRecord = record;
    m_handshake->setRecord(record);
    if (record.verdict.ok) {
        QString text = tr("Connected: HTTP %1 %2").arg(record.response.status).arg(QString::fromUtf8(record.response.reason));
        if (!record.verdict.subprotocol.isEmpty())
            text += tr(", subprotocol %1").arg(record.verdict.subprotocol);
        if (record.deflateNegotiated)
            text += tr(", permessage-deflate");
        addEvent(text, record.timings.lastByteNs);
    } else {
        addEvent(tr("Handshake failed: HTTP %1 %2").arg(record.response.status).arg(QString::fromUtf8(record.response.reason)),
                 record.timings.lastByteNs);
        m_details->setCurrentWidget(m_handshake);
    }
    updateConnectionInfo();
}

void WsConsole::onError(const WsErrorEvent &event)
{
    addEvent(tr("Error: %1 (%2)").arg(event.failure.message(), event.failure.id()), event.tNs);
}

void WsConsole::onClosed(const WsCloseRecord &record)
{
    m_lastClose = record;
    m_hasClose = true;
    const WsCloseCodeInfo info = wsCloseCodeInfo(record.code);
    QString text = tr("Closed with %1 %2").arg(record.code).arg(QCoreApplication::translate("CloseCode", info.name));
    if (!record.reason.isEmpty())
        text += QStringLiteral(": ") + record.reason;
    text += record.clean ? tr(" (clean") : tr(" (not clean");
    if (record.initiator == WsCloseInitiator::Client)
        text += tr(", closed by Wirescope)");
    else if (record.initiator == WsCloseInitiator::Server)
        text += tr(", closed by the server)");
    else
        text += u')';
    addEvent(text, record.tNs);
    flushLog();
    updateStateUi();
    Q_EMIT connectionFinished(m_connection ? m_openedOptions : options(), text);
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
    if (m_connection) {
        const WsHandshakeRecord &hs = m_handshakeRecord;
        html += row(tr("URL"), m_openedOptions.url.toString());
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
        html += row(tr("Frames"), tr("%1 received, %2 sent").arg(m_framesIn).arg(m_framesOut));
        html += row(tr("Bytes on the wire"), tr("%1 received, %2 sent").arg(m_bytesIn).arg(m_bytesOut));
        html += row(tr("permessage-deflate"), hs.deflateNegotiated ? QString::fromLatin1(hs.deflateParams.headerValue()) : tr("off"));
        html += row(tr("Keep inspecting"), m_openedOptions.keepInspecting ? tr("on") : tr("off (RFC 6455 behaviour)"));
        if (hs.tls.used) {
            html += row(tr("TLS"), tr("%1, %2").arg(hs.tls.protocol, hs.tls.cipher));
            for (const TlsCertificateInfo &cert : hs.tls.chain)
                html += row(tr("Certificate"), tr("%1 (issued by %2, valid until %3)").arg(cert.subject, cert.issuer, cert.notAfter.toString(Qt::ISODate)));
            for (const TlsErrorInfo &error : hs.tls.errors)
                html += row(hs.tls.errorsIgnored ? tr("TLS error (ignored)") : tr("TLS error"), error.message);
        }
    }
    if (m_hasClose) {
        const WsCloseRecord &c = m_lastClose;
        const QString who = c.initiator == WsCloseInitiator::Client ? tr("Wirescope")
            : c.initiator == WsCloseInitiator::Server                ? tr("the server")
                                                                      : tr("nobody (connection dropped)");
        html += row(tr("Closed first by"), who);
        html += row(tr("Close sent"), c.sentClose ? (c.sentCode ? QString::number(*c.sentCode) : tr("no code")) + u' ' + c.sentReason : tr("no"));
        html += row(tr("Close received"), c.receivedClose ? (c.receivedCode ? QString::number(*c.receivedCode) : tr("no code")) + u' ' + c.receivedReason : tr("no"));
        html += row(tr("Result"), tr("%1 %2, %3").arg(c.code).arg(c.reason, c.clean ? tr("clean close (RFC 6455 §7.1.4)") : tr("not clean")));
        if (!c.failure.isNull())
            html += row(tr("Why"), c.failure.id());
    }
    html += QStringLiteral("</table><p style=\"color:%1\">%2</p>").arg(dim, tr("Times in the log are seconds since this connection started.").toHtmlEscaped());
    m_connectionInfo->setHtml(html);
}

void WsConsole::showRow(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qsizetype row = m_log->storeRow(index.row());
    if (row < 0)
        return;
    const WsLogRecord &record = m_log->store().at(row);
    const QByteArrayView payload = m_log->store().payload(row);
    switch (record.kind()) {
    case WsLogKind::Violation: {
        const Violation *v = m_log->store().violation(row);
        QString text;
        if (v && v->kind) {
            text = tr("%1\n\nRule: %2\nId: %3\nSeverity: %4\nByte offset in the %5 stream: %6 (length %7)\nDetail: %8")
                       .arg(QCoreApplication::translate("Violation", v->kind->text), QString::fromUtf8(v->kind->rfc),
                            QString::fromLatin1(v->kind->id), violationSeverityName(v->kind->severity),
                            record.direction() == Direction::Out ? tr("sent") : tr("received"))
                       .arg(v->offset)
                       .arg(v->length)
                       .arg(v->detail);
        }
        m_messageView->setPlainText(text);
        m_inspector->showMessage(tr("A violation row: its rule and byte offset are on the Message tab."));
        m_details->setCurrentWidget(m_messageView);
        return;
    }
    case WsLogKind::Event:
        m_messageView->setPlainText(m_log->store().note(row));
        m_inspector->showMessage(tr("An event row has no frame."));
        return;
    case WsLogKind::Message:
    case WsLogKind::Control:
        break;
    }
    const QByteArray bytes = payload.toByteArray();
    QString text;
    if (WsOpcode(record.opcode) == WsOpcode::Binary) {
        // A classic hex dump for binary payloads.
        for (qsizetype i = 0; i < bytes.size(); i += 16) {
            const QByteArray line = bytes.mid(i, 16);
            QString ascii;
            for (char c : line)
                ascii += (c >= 0x20 && c < 0x7f) ? QChar(QLatin1Char(c)) : QChar(u'.');
            text += QStringLiteral("%1  %2  %3\n").arg(i, 8, 16, QLatin1Char('0')).arg(QString::fromLatin1(line.toHex(' ')), -48).arg(ascii);
        }
    } else {
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(bytes, &error);
        text = error.error == QJsonParseError::NoError && (json.isObject() || json.isArray())
            ? QString::fromUtf8(json.toJson(QJsonDocument::Indented))
            : QString::fromUtf8(bytes);
    }
    if (record.has(WsLogRecord::Truncated))
        text += tr("\n\u2026 (showing the first %1 of %2 bytes)").arg(payload.size()).arg(record.size);
    m_messageView->setPlainText(text);
    m_inspector->setFrames(m_log->framesOf(row), record.direction());
}

void WsConsole::applyFilters()
{
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
    m_inspector->showMessage(tr("Select a message or frame in the log."));
    m_messageView->clear();
}

} // namespace wirescope

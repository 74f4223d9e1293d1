#include "ui/ws/wsworkspace.h"

#include "core/net/wsconnection.h"
#include "core/session/session.h"
#include "ui/common/freedmemory.h"
#include "ui/ws/wschartswidget.h"
#include "ui/ws/wscomposer.h"
#include "ui/ws/wsconsole.h"

#include <QAction>
#include <QDataStream>
#include <QDateTime>
#include <QTabBar>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace wirescope {

namespace {
constexpr int kMaxHistory = 100;
constexpr qsizetype kTabsOfARecordedSession = 4; // more are a click away in Past connections
constexpr int kConnectionIdRole = Qt::UserRole + 1;
} // namespace

WsWorkspace::WsWorkspace(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_split(new QSplitter(Qt::Horizontal, this))
    , m_tabs(new QTabWidget(this))
    , m_history(new QListWidget(this))
    , m_charts(new WsChartsWidget(this))
    , m_defaultUrl(QStringLiteral("ws://127.0.0.1/ws/echo"))
{
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setAccessibleName(tr("WebSocket connections"));
    auto *plus = new QToolButton(m_tabs);
    plus->setText(QStringLiteral("+"));
    plus->setToolTip(tr("New WebSocket connection (Ctrl+Shift+N)"));
    plus->setAccessibleName(tr("New WebSocket connection"));
    plus->setAutoRaise(true);
    m_tabs->setCornerWidget(plus, Qt::TopRightCorner);
    m_historyButton = new QToolButton(m_tabs);
    m_historyButton->setCheckable(true);
    m_historyButton->setIcon(QIcon(QStringLiteral(":/ui/icons/history.svg")));
    m_historyButton->setToolTip(tr("Show or hide the past connections"));
    m_historyButton->setAccessibleName(tr("Past connections"));
    m_historyButton->setAutoRaise(true);
    m_tabs->setCornerWidget(m_historyButton, Qt::TopLeftCorner);

    auto *historyPane = m_historyPane = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    auto *historyLabel = new QLabel(tr("<b>Past connections</b>"), historyPane);
    historyLabel->setBuddy(m_history);
    historyLayout->addWidget(historyLabel);
    historyLayout->addWidget(m_history, 1);
    m_history->setAccessibleName(tr("Past WebSocket connections"));
    m_history->setToolTip(tr("Double-click or press Enter to open a past connection with everything it showed; "
                             "Connect in its tab connects again with the same settings"));
    m_history->setWordWrap(true);
    m_history->setUniformItemSizes(false);
    m_history->setMinimumWidth(110);

    m_split->addWidget(historyPane);
    m_split->addWidget(m_tabs);
    m_split->setStretchFactor(0, 0);
    m_split->setStretchFactor(1, 1);
    m_split->setCollapsible(0, true);
    m_split->setCollapsible(1, false);
    m_split->setSizes({180, 1000});
    // Folded (hidden, so it adds nothing to the minimum width) until asked for.
    historyPane->hide();
    connect(m_split, &QSplitter::splitterMoved, this, &WsWorkspace::syncHistoryButton);
    connect(m_historyButton, &QToolButton::toggled, this, &WsWorkspace::setHistoryShown);
    syncHistoryButton();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_split);

    m_charts->setAccessibleName(tr("WebSocket charts"));
    m_charts->hide(); // until the main window places it

    auto makeAction = [this](const QString &text, const QKeySequence &shortcut, const QString &tip) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setStatusTip(tip);
        action->setToolTip(tip);
        m_actions.append(action);
        return action;
    };
    QAction *newAction = makeAction(tr("New &WebSocket Connection"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                                    tr("Open a new WebSocket console tab"));
    connect(newAction, &QAction::triggered, this, &WsWorkspace::newConsole);
    m_connectAction = makeAction(tr("&Connect WebSocket"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                                 tr("Connect the current WebSocket console"));
    connect(m_connectAction, &QAction::triggered, this, &WsWorkspace::connectCurrent);
    m_disconnectAction = makeAction(tr("&Disconnect WebSocket"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                                    tr("Close the current WebSocket connection with the chosen code and reason"));
    connect(m_disconnectAction, &QAction::triggered, this, &WsWorkspace::disconnectCurrent);
    m_pingAction = makeAction(tr("Send &Ping"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                              tr("Send a ping and measure the round trip"));
    connect(m_pingAction, &QAction::triggered, this, &WsWorkspace::pingCurrent);
    m_followAction = makeAction(tr("&Follow WebSocket Log"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                                tr("Scroll the message log to new messages as they arrive"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    connect(m_followAction, &QAction::triggered, this, &WsWorkspace::toggleFollowCurrent);

    connect(plus, &QToolButton::clicked, this, &WsWorkspace::newConsole);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &WsWorkspace::closeConsole);
    connect(m_tabs, &QTabWidget::currentChanged, this, &WsWorkspace::currentChanged);
    connect(m_tabs->tabBar(), &QTabBar::tabMoved, this, &WsWorkspace::updateTitles);
    connect(m_history, &QListWidget::itemActivated, this, &WsWorkspace::reopen);
    connect(session->recorder(), &Recorder::rowsAppended, this, &WsWorkspace::onRowsAppended);
    newConsole();
    showRecordedConnections();
}

void WsWorkspace::showRecordedConnections()
{
    // A session opened from a file (or recovered after a crash, when a connection may have
    // no close) holds no live connection: each of its WebSocket connections is a past one,
    // and the latest few open in tabs of their own, as they were.
    const Timeline &timeline = m_session->timeline();
    QList<quint32> recorded;
    for (quint32 id : timeline.connectionIds())
        if (timeline.connection(id)->protocol == ConnectionProtocol::WebSocket)
            recorded.append(id);
    if (recorded.isEmpty())
        return;
    for (quint32 id : recorded)
        addHistory(id);
    const qsizetype first = std::max<qsizetype>(0, recorded.size() - kTabsOfARecordedSession);
    for (qsizetype i = first; i < recorded.size(); ++i)
        openPastConnection(recorded.at(i));
    closeConsole(0); // the empty console every workspace starts with
    if (recorded.size() > kTabsOfARecordedSession)
        setHistoryShown(true);
}

WsWorkspace::~WsWorkspace() = default;

void WsWorkspace::setDefaultUrl(const QUrl &url)
{
    m_defaultUrl = url;
    // Consoles nobody has typed into yet follow the new default.
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *console = qobject_cast<WsConsole *>(m_tabs->widget(i));
        if (console && console->state() == WsConnectionState::Idle && console->logModel()->connections().isEmpty())
            console->setUrl(url);
    }
}

QWidget *WsWorkspace::chartsWidget() const
{
    return m_charts;
}

QList<QAction *> WsWorkspace::actions() const
{
    return m_actions;
}

WsConsole *WsWorkspace::currentConsole() const
{
    return qobject_cast<WsConsole *>(m_tabs->currentWidget());
}

int WsWorkspace::consoleCount() const
{
    return m_tabs->count();
}

WsConsole *WsWorkspace::newConsole()
{
    auto *console = new WsConsole(m_session, m_tabs);
    console->setUrl(m_defaultUrl);
    const int index = m_tabs->addTab(console, console->title());
    connect(console, &WsConsole::titleChanged, this, &WsWorkspace::updateTitles);
    connect(console, &WsConsole::stateChanged, this, [this, console](WsConnectionState state) {
        const int i = m_tabs->indexOf(console);
        if (i >= 0)
            m_tabs->setTabToolTip(i, wsConnectionStateName(state));
        updateActions();
    });
    updateTitles();
    m_tabs->setCurrentIndex(index);
    console->urlEdit()->setFocus();
    return console;
}

void WsWorkspace::closeConsole(int index)
{
    auto *console = qobject_cast<WsConsole *>(m_tabs->widget(index));
    if (!console)
        return;
    if (console->state() == WsConnectionState::Open)
        console->disconnectFromServer();
    m_tabs->removeTab(index);
    m_charts->setSource(nullptr, {}, QString());
    // The tab was the reason to keep its connections' bytes, unless another tab shows the
    // same past connection. The timeline is append-only: the rows stay (the session file,
    // exports and Past connections list them) and report their bytes as freed.
    for (quint32 id : console->logModel()->connections()) {
        bool shownElsewhere = false;
        for (int i = 0; i < m_tabs->count() && !shownElsewhere; ++i) {
            auto *other = qobject_cast<WsConsole *>(m_tabs->widget(i));
            shownElsewhere = other && other->logModel()->showsConnection(id);
        }
        if (!shownElsewhere)
            m_session->timeline().discardConnection(id);
    }
    returnFreedMemory();
    console->deleteLater();
    if (m_tabs->count() == 0)
        newConsole();
    updateTitles();
    currentChanged();
}

void WsWorkspace::currentChanged()
{
    WsConsole *console = currentConsole();
    showCharts(console);
    updateActions();
    Q_EMIT currentConsoleChanged(console);
}

void WsWorkspace::updateActions()
{
    WsConsole *console = currentConsole();
    const WsConnectionState state = console ? console->state() : WsConnectionState::Idle;
    const bool idle = state == WsConnectionState::Idle || state == WsConnectionState::Closed;
    m_connectAction->setEnabled(console && idle);
    m_disconnectAction->setEnabled(console && !idle);
    m_pingAction->setEnabled(console && state == WsConnectionState::Open);
}

void WsWorkspace::connectCurrent()
{
    if (WsConsole *console = currentConsole())
        console->connectToServer();
}

void WsWorkspace::disconnectCurrent()
{
    if (WsConsole *console = currentConsole())
        console->disconnectFromServer();
}

void WsWorkspace::pingCurrent()
{
    if (WsConsole *console = currentConsole())
        console->sendPing();
}

void WsWorkspace::toggleFollowCurrent()
{
    if (WsConsole *console = currentConsole())
        console->setFollowLog(m_followAction->isChecked());
}

void WsWorkspace::showCharts(WsConsole *console)
{
    if (!console) {
        m_charts->setSource(nullptr, {}, QString());
        return;
    }
    m_charts->setSource(&console->chartData(), [console] { return console->chartNowNs(); },
                        m_tabs->tabText(m_tabs->indexOf(console)));
}

void WsWorkspace::updateTitles()
{
    QHash<QString, int> seen;
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *console = qobject_cast<WsConsole *>(m_tabs->widget(i));
        if (!console)
            continue;
        const QString base = console->title();
        const int n = ++seen[base];
        const QString title = n > 1 ? tr("%1 (%2)").arg(base).arg(n) : base;
        if (m_tabs->tabText(i) != title) {
            m_tabs->setTabText(i, title);
            if (console == currentConsole())
                showCharts(console);
        }
    }
}

void WsWorkspace::onRowsAppended(qsizetype first, qsizetype end)
{
    const Timeline &timeline = m_session->timeline();
    for (qsizetype i = first; i < end; ++i) {
        const TimelineRow &r = timeline.row(i);
        if (r.rowKind() == RowKind::Event && r.eventType() == EventType::Closed) {
            const TimelineConnection *c = timeline.connection(r.connection);
            if (c && c->protocol == ConnectionProtocol::WebSocket)
                addHistory(r.connection);
        }
    }
}

void WsWorkspace::addHistory(quint32 id)
{
    const TimelineConnection *c = m_session->timeline().connection(id);
    auto *item = new QListWidgetItem;
    const QDateTime opened = m_session->clock().wallTimeAt(c->openedNs).toLocalTime();
    item->setText(QStringLiteral("%1\n%2").arg(c->label, opened.toString(QStringLiteral("HH:mm:ss"))));
    QString summary = c->handshake ? WsLogModel::handshakeText(*c->handshake) : QString();
    if (c->close)
        summary += (summary.isEmpty() ? QString() : QStringLiteral("\n")) + WsLogModel::closeText(*c->close);
    item->setToolTip(summary);
    item->setData(kConnectionIdRole, id);
    m_history->insertItem(0, item);
    while (m_history->count() > kMaxHistory)
        delete m_history->takeItem(m_history->count() - 1);
    syncHistoryButton();
}

void WsWorkspace::reopen(QListWidgetItem *item)
{
    if (item)
        openPastConnection(item->data(kConnectionIdRole).toUInt());
}

WsConsole *WsWorkspace::openPastConnection(quint32 id)
{
    const TimelineConnection *c = m_session->timeline().connection(id);
    if (!c || c->protocol != ConnectionProtocol::WebSocket)
        return nullptr;
    WsConsole *console = newConsole();
    console->showPastConnection(id);
    updateActions();
    return console;
}

bool WsWorkspace::isHistoryShown() const
{
    return !m_historyPane->isHidden();
}

void WsWorkspace::setHistoryShown(bool shown)
{
    if (shown != isHistoryShown()) {
        m_historyPane->setVisible(shown);
        if (shown) {
            const int total = qMax(m_split->width(), 1);
            // About a sixth of the workspace, never narrower than a URL and time can be read in.
            const int width = qBound(160, total / 6, 260);
            m_split->setSizes({width, qMax(total - width, 1)});
        }
    }
    syncHistoryButton();
}

void WsWorkspace::syncHistoryButton()
{
    // Dragged shut: hide it, so it no longer counts in the minimum width either.
    if (!m_historyPane->isHidden() && m_split->sizes().value(0) == 0)
        m_historyPane->hide();
    const QSignalBlocker blocker(m_historyButton);
    m_historyButton->setChecked(isHistoryShown());
    const int count = m_history->count();
    m_historyButton->setText(count > 0 ? QString::number(count) : QString());
    m_historyButton->setToolButtonStyle(count > 0 ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly);
    m_historyButton->setToolTip(count > 0 ? tr("Show or hide the past connections (%n kept)", nullptr, count)
                                          : tr("Show or hide the past connections"));
}

// The splitter's own state plus whether the past connections are shown (QSplitter does
// not keep a hidden child's visibility).
static constexpr quint32 kStateMagic = 0x57535753; // "WSWS"
static constexpr quint8 kStateVersion = 1;

QByteArray WsWorkspace::saveState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << kStateMagic << kStateVersion << isHistoryShown() << m_split->saveState();
    return state;
}

bool WsWorkspace::restoreState(const QByteArray &state)
{
    QDataStream in(state);
    quint32 magic = 0;
    quint8 version = 0;
    bool shown = false;
    QByteArray splitter;
    in >> magic >> version >> shown >> splitter;
    if (in.status() != QDataStream::Ok || magic != kStateMagic || version != kStateVersion)
        return false; // nothing saved yet, or from another version: keep the defaults
    m_historyPane->setVisible(shown);
    const bool ok = m_split->restoreState(splitter);
    syncHistoryButton();
    return ok;
}

} // namespace wirescope

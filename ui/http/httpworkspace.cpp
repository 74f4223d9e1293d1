#include "ui/http/httpworkspace.h"

#include "core/session/session.h"
#include "core/session/ssearrivals.h"
#include "core/wire/curlcommand.h"

#include "core/net/httpengine.h"
#include "ui/http/environmentdialog.h"
#include "ui/http/environmentstore.h"
#include "ui/http/httpcomposer.h"
#include "ui/common/noteactions.h"
#include "ui/http/httphistorymodel.h"
#include "ui/http/httphistoryview.h"
#include "ui/http/httprequesttab.h"
#include "ui/http/httpresponseview.h"
#include "ui/http/httptimingchart.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace wirescope {

namespace {
QString splitterKey() { return QStringLiteral("http/requestSplitter"); }
}

HttpWorkspace::HttpWorkspace(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_engine(std::make_unique<HttpEngine>(session))
    , m_tabs(new QTabWidget(this))
    , m_history(new HttpHistoryModel(500, this))
    , m_historyPanel(new QWidget) // placed (and then owned) by the main window's dock
    , m_historyView(new HttpHistoryView(m_historyPanel))
    , m_chart(new HttpTimingChart) // likewise
    , m_environments(EnvironmentStore::load())
{
    setAccessibleName(tr("HTTP requests"));
    connect(m_engine.get(), &HttpEngine::progress, this, &HttpWorkspace::onExchangeProgress);
    // What the history, the chart and the tabs show is read from the session's timeline,
    // where the engine records every exchange (the same records the CLI prints).
    connect(session->recorder(), &Recorder::rowsAppended, this, [this](qsizetype first, qsizetype end) {
        const Timeline &timeline = m_session->timeline();
        for (qsizetype row = first; row < end; ++row)
            if (timeline.row(row).rowKind() == RowKind::Exchange)
                onExchangeFinished(*timeline.exchange(row), row);
    });
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("HTTP request tabs"));
    auto *plus = new QToolButton(m_tabs);
    plus->setIcon(QIcon(QStringLiteral(":/ui/icons/add.svg")));
    plus->setToolTip(tr("New HTTP request (Ctrl+N)"));
    plus->setAccessibleName(tr("New HTTP request"));
    plus->setAutoRaise(true);
    m_tabs->setCornerWidget(plus, Qt::TopRightCorner);
    connect(plus, &QToolButton::clicked, this, &HttpWorkspace::newRequest);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &HttpWorkspace::closeTab);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs, 1);

    // History panel (docked by the main window).
    m_historyView->setModel(m_history);
    m_historyView->setAccessibleName(tr("Request history"));
    connect(m_historyView, &QTableView::activated, this, [this](const QModelIndex &index) { reopenFromHistory(index.row()); });
    m_historyView->addActions(HttpResponseView::createCopyCurlActions(m_historyView, [this]() -> const HttpExchangeRecord * {
        const int row = m_historyView->currentIndex().row();
        return row >= 0 && row < m_history->rowCount() ? &m_history->recordAt(row) : nullptr;
    }));
    // Notes on exchanges (issue #11), kept on the exchange's timeline row.
    m_history->setAnnotations(m_session->annotations());
    m_notes = new NoteActions(m_session->annotations(), m_historyView,
                              [this](const QModelIndex &index) { return m_history->timelineRowAt(index.row()); });
    auto *noteSeparator = new QAction(m_historyView);
    noteSeparator->setSeparator(true);
    m_historyView->addActions({noteSeparator, m_notes->editAction(), m_notes->removeAction()});
    connect(m_session->annotations(), &Annotations::changed, this, [this](qint64 row) {
        for (int i = 0; i < m_tabs->count(); ++i)
            if (auto *tab = qobject_cast<HttpRequestTab *>(m_tabs->widget(i)); tab && tab->shownRow() == row)
                tab->showNote(m_session->annotations()->at(row));
    });
    m_historyView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *historyHint = new QLabel(tr("Requests sent in this session. Double-click or Enter reopens one."), m_historyPanel);
    historyHint->setWordWrap(true);
    auto *clearHistory = new QPushButton(tr("Clear &History"), m_historyPanel);
    connect(clearHistory, &QPushButton::clicked, m_history, &HttpHistoryModel::clear);
    auto *historyLayout = new QVBoxLayout(m_historyPanel);
    historyLayout->setContentsMargins(4, 4, 4, 4);
    historyLayout->addWidget(historyHint);
    historyLayout->addWidget(m_historyView, 1);
    historyLayout->addWidget(clearHistory, 0, Qt::AlignLeft);

    // Actions: global ones (new request) work anywhere in the window; send/cancel/focus URL
    // only while the focus is in this workspace, so the WebSocket side can use the same keys.
    auto *newAction = new QAction(tr("&New HTTP Request"), this);
    newAction->setShortcut(QKeySequence::New);
    newAction->setIcon(QIcon(QStringLiteral(":/ui/icons/add.svg")));
    connect(newAction, &QAction::triggered, this, &HttpWorkspace::newRequest);

    auto *closeAction = new QAction(tr("&Close HTTP Request"), this);
    closeAction->setShortcut(QKeySequence::Close);
    closeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(closeAction, &QAction::triggered, this, [this] { closeTab(m_tabs->currentIndex()); });

    auto *sendAction = new QAction(tr("&Send HTTP Request"), this);
    sendAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    sendAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    sendAction->setIcon(QIcon(QStringLiteral(":/ui/icons/send.svg")));
    connect(sendAction, &QAction::triggered, this, [this] {
        if (HttpRequestTab *tab = currentTab())
            tab->send();
    });

    auto *cancelAction = new QAction(tr("C&ancel HTTP Request"), this);
    cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    cancelAction->setIcon(QIcon(QStringLiteral(":/ui/icons/cancel.svg")));
    // Enabled only while the current request runs, so Esc still closes cell editors and popups.
    cancelAction->setEnabled(false);
    m_cancelAction = cancelAction;
    connect(m_tabs, &QTabWidget::currentChanged, this, &HttpWorkspace::updateCancelAction);
    connect(cancelAction, &QAction::triggered, this, [this] {
        if (HttpRequestTab *tab = currentTab())
            tab->cancel();
    });

    auto *focusUrl = new QAction(tr("Go to &URL Bar"), this);
    focusUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(focusUrl, &QAction::triggered, this, [this] {
        if (HttpRequestTab *tab = currentTab()) {
            tab->composer()->urlEdit()->setFocus(Qt::ShortcutFocusReason);
            tab->composer()->urlEdit()->selectAll();
        }
    });
    m_actions = {newAction, sendAction, cancelAction, focusUrl, closeAction};
    addActions(m_actions);

    auto *envAction = new QAction(tr("&Environments..."), this);
    envAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(envAction, &QAction::triggered, this, &HttpWorkspace::editEnvironments);
    auto *clearAction = new QAction(tr("Clear HTTP &History"), this);
    connect(clearAction, &QAction::triggered, m_history, &HttpHistoryModel::clear);
    m_editActions = {envAction, clearAction};
    addActions(m_editActions);

    m_requestSplitterState = QSettings().value(splitterKey()).toByteArray();
    newRequest();
    // A session opened from a file (or imported, or recovered) shows what it holds: every
    // exchange in the history and the chart, the latest one in the tab as it was.
    const Timeline &timeline = m_session->timeline();
    for (qsizetype row = 0; row < timeline.rowCount(); ++row)
        if (timeline.row(row).rowKind() == RowKind::Exchange)
            onExchangeFinished(*timeline.exchange(row), row);
    if (m_history->rowCount() > 0)
        reopenFromHistory(0);
}

HttpWorkspace::~HttpWorkspace()
{
    // Panels nobody docked are still ours.
    if (m_historyPanel && !m_historyPanel->parent())
        delete m_historyPanel;
    if (m_chart && !m_chart->parent())
        delete m_chart;
}

QWidget *HttpWorkspace::chartsWidget() const
{
    return m_chart;
}

HttpRequestTab *HttpWorkspace::currentTab() const
{
    return qobject_cast<HttpRequestTab *>(m_tabs->currentWidget());
}

void HttpWorkspace::setDefaultUrl(const QUrl &url)
{
    m_defaultUrl = url;
    // The first, untouched tab starts with it too.
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *tab = qobject_cast<HttpRequestTab *>(m_tabs->widget(i));
        if (tab && tab->isPristine() && tab->composer()->request().url().isEmpty()) {
            HttpRequest request;
            request.setUrl(url.toString());
            tab->setRequest(request);
        }
    }
}

HttpRequestTab *HttpWorkspace::newRequest()
{
    HttpRequest request;
    request.setUrl(m_defaultUrl.toString());
    HttpRequestTab *tab = addTab(request);
    Q_EMIT frontRequested();
    tab->composer()->urlEdit()->setFocus(Qt::OtherFocusReason);
    return tab;
}

HttpRequestTab *HttpWorkspace::addTab(const HttpRequest &request)
{
    auto *tab = new HttpRequestTab(m_engine.get(), m_tabs);
    tab->setEnvironments(m_environments);
    if (!m_requestSplitterState.isEmpty())
        tab->splitter()->restoreState(m_requestSplitterState);
    connect(tab, &HttpRequestTab::titleChanged, this, [this, tab](const QString &title) {
        const int index = m_tabs->indexOf(tab);
        if (index < 0)
            return;
        m_tabs->setTabToolTip(index, title); // the whole title; the tab shows it shortened
        updateTitles();
    });
    connect(tab, &HttpRequestTab::runningChanged, this, &HttpWorkspace::updateCancelAction);
    connect(tab, &HttpRequestTab::manageEnvironmentsRequested, this, &HttpWorkspace::editEnvironments);
    connect(tab->splitter(), &QSplitter::splitterMoved, this, [this, tab] { m_requestSplitterState = tab->splitter()->saveState(); });
    const int index = m_tabs->addTab(tab, tr("New request"));
    tab->setRequest(request);
    m_tabs->setCurrentIndex(index);
    return tab;
}

void HttpWorkspace::updateCancelAction()
{
    HttpRequestTab *tab = currentTab();
    m_cancelAction->setEnabled(tab && tab->isRunning());
}

void HttpWorkspace::openRequest(const QString &method, const QUrl &url)
{
    HttpRequest request;
    request.setMethod(method);
    request.setUrl(url.toString());
    HttpRequestTab *tab = currentTab();
    if (tab && tab->isPristine())
        tab->setRequest(request);
    else
        tab = addTab(request);
    Q_EMIT frontRequested();
    tab->composer()->urlEdit()->setFocus(Qt::OtherFocusReason);
}

HttpRequestTab *HttpWorkspace::importCurl(const QString &text, QString *error)
{
    const CurlCommand command = CurlCommand::parse(text);
    if (!command.ok()) {
        if (error)
            *error = command.error;
        return nullptr;
    }
    HttpRequestTab *tab = addTab(HttpRequest());
    tab->composer()->importCurl(text);
    Q_EMIT frontRequested();
    tab->composer()->urlEdit()->setFocus(Qt::OtherFocusReason);
    return tab;
}

void HttpWorkspace::reopenFromHistory(int row)
{
    if (row < 0 || row >= m_history->rowCount())
        return;
    const HttpExchangeRecord &record = m_history->recordAt(row);
    HttpRequestTab *tab = currentTab();
    if (!tab || !tab->isPristine())
        tab = addTab(record.request);
    else
        tab->setRequest(record.request);
    tab->composer()->setOptions(record.options);
    tab->showRecord(record, recordedEvents(record));
    tab->setShownRow(m_history->timelineRowAt(row));
    tab->showNote(m_session->annotations()->at(tab->shownRow()));
    Q_EMIT frontRequested();
    tab->composer()->urlEdit()->setFocus(Qt::OtherFocusReason);
}

void HttpWorkspace::closeTab(int index)
{
    QWidget *tab = m_tabs->widget(index);
    if (!tab)
        return;
    m_tabs->removeTab(index);
    tab->deleteLater();
    if (m_tabs->count() == 0)
        newRequest(); // never an empty workspace
    updateTitles();
}

// Two tabs on the same request read "GET host/path" and "GET host/path (2)", as the
// WebSocket tabs do: a title must say which tab is which.
void HttpWorkspace::updateTitles()
{
    QHash<QString, int> seen;
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QString title = m_tabs->tabToolTip(i);
        if (title.isEmpty())
            continue;
        const QString shown = title.size() > 28 ? title.left(27) + QStringLiteral("…") : title;
        const int n = ++seen[title];
        m_tabs->setTabText(i, n > 1 ? tr("%1 (%2)").arg(shown).arg(n) : shown);
    }
}

HttpRequestTab *HttpWorkspace::tabRunning(quint64 exchangeId) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *tab = qobject_cast<HttpRequestTab *>(m_tabs->widget(i));
        if (tab && tab->exchangeId() == exchangeId)
            return tab;
    }
    return nullptr;
}

void HttpWorkspace::onExchangeProgress(quint64 exchangeId, const HttpProgress &progress)
{
    if (HttpRequestTab *tab = tabRunning(exchangeId))
        tab->showProgress(progress);
}

void HttpWorkspace::onExchangeFinished(const HttpExchangeRecord &record, qsizetype row)
{
    // When it was sent on the session's clock: a session opened from a file keeps its times.
    m_history->add(record, m_session->clock().wallTimeAt(record.startNs).toLocalTime(), row);
    if (const HttpHop *hop = record.finalHop(); hop && hop->timings.complete()) {
        ++m_sentCount;
        m_chart->addExchange(QStringLiteral("#%1").arg(m_sentCount),
                             record.request.method() + u' ' + hop->request.url, hop->timings);
    }
    // A closed tab is no longer among the tabs: its (cancelled) record reaches the history only.
    if (HttpRequestTab *tab = tabRunning(record.id)) {
        tab->finish(record, [this, &record] { return recordedEvents(record); });
        tab->setShownRow(row);
        tab->showNote(m_session->annotations()->at(row));
    }
}

QList<SseArrival> HttpWorkspace::recordedEvents(const HttpExchangeRecord &record) const
{
    const HttpHop *hop = record.finalHop();
    if (!hop)
        return {};
    // The connection's inbound chunks give each event the time of the read that completed it.
    const TimelineConnection *connection = m_session->timeline().connection(quint32(hop->connection.id));
    return sseArrivals(record, connection ? &connection->stream(Direction::In) : nullptr);
}

void HttpWorkspace::setEnvironments(const QList<Environment> &environments)
{
    m_environments = environments;
    EnvironmentStore::save(environments);
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *tab = qobject_cast<HttpRequestTab *>(m_tabs->widget(i)))
            tab->setEnvironments(environments);
}

void HttpWorkspace::editEnvironments()
{
    EnvironmentDialog dialog(m_environments, this);
    if (dialog.exec() == QDialog::Accepted)
        setEnvironments(dialog.environments());
}

void HttpWorkspace::saveState() const
{
    if (HttpRequestTab *tab = currentTab())
        QSettings().setValue(splitterKey(), tab->splitter()->saveState());
}

void HttpWorkspace::restoreState()
{
    m_requestSplitterState = QSettings().value(splitterKey()).toByteArray();
    if (m_requestSplitterState.isEmpty())
        return;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *tab = qobject_cast<HttpRequestTab *>(m_tabs->widget(i)))
            tab->splitter()->restoreState(m_requestSplitterState);
}

} // namespace wirescope

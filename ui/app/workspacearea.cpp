#include "ui/app/workspacearea.h"

#include <QApplication>
#include <QSplitter>
#include <QStackedLayout>
#include <QTabBar>
#include <QTabWidget>

namespace wirescope {

WorkspaceArea::WorkspaceArea(QWidget *http, QWidget *ws, QWidget *parent)
    : QWidget(parent)
    , m_http(http)
    , m_ws(ws)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_tabs(new QTabWidget(this))
    , m_stack(new QStackedLayout(this))
{
    m_splitter->setObjectName(QStringLiteral("workspaceSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_tabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Workspaces"));
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (isTabbed())
            Q_EMIT layoutChanged();
    });
    apply();
}

void WorkspaceArea::setArrangement(Arrangement arrangement)
{
    m_arrangement = arrangement;
    apply();
}

bool WorkspaceArea::isTabbed() const
{
    return m_stack->currentWidget() == m_tabs;
}

void WorkspaceArea::showWorkspace(QWidget *workspace)
{
    if (isTabbed())
        m_tabs->setCurrentWidget(workspace);
}

QWidget *WorkspaceArea::currentWorkspace() const
{
    if (isTabbed())
        return m_tabs->currentWidget();
    const QWidget *focus = QApplication::focusWidget();
    return focus && m_ws->isAncestorOf(focus) ? m_ws : m_http;
}

void WorkspaceArea::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    apply();
}

void WorkspaceArea::setSolo(QWidget *workspace)
{
    // Leaving focus mode brings back the tab that was in front before it.
    if (workspace && !m_solo)
        m_frontBeforeSolo = currentWorkspace();
    m_solo = workspace;
    apply();
    if (!m_solo && m_frontBeforeSolo) {
        showWorkspace(m_frontBeforeSolo);
        m_frontBeforeSolo = nullptr;
    }
    Q_EMIT layoutChanged();
}

void WorkspaceArea::apply()
{
    const bool tabs = m_arrangement == Arrangement::Tabs
        || (m_arrangement == Arrangement::Automatic && width() < kSideBySideMinWidth);
    bool moved = false;
    if (!m_placed || tabs != isTabbed()) {
        // Moving the widget that holds the focus would drop it: it gets it back.
        QWidget *focus = QApplication::focusWidget();
        QWidget *front = m_placed ? currentWorkspace() : m_http;
        if (tabs) {
            m_tabs->addTab(m_http, tr("HTTP"));
            m_tabs->addTab(m_ws, tr("WebSocket"));
            m_tabs->setCurrentWidget(front);
            m_stack->setCurrentWidget(m_tabs);
        } else {
            // Halves of the area: the splitter itself, a page not shown, has a stale size.
            m_splitter->addWidget(m_http);
            m_splitter->addWidget(m_ws);
            m_splitter->setStretchFactor(0, 1);
            m_splitter->setStretchFactor(1, 1);
            m_splitter->setSizes({width() / 2, width() - width() / 2});
            m_stack->setCurrentWidget(m_splitter);
        }
        m_placed = true;
        if (focus && isAncestorOf(focus))
            focus->setFocus();
        moved = true;
    }
    if (tabs) {
        // The tab widget shows its current page only: visibility is its business.
        if (m_solo)
            m_tabs->setCurrentWidget(m_solo);
        m_tabs->tabBar()->setVisible(!m_solo);
    } else {
        m_http->setVisible(!m_solo || m_solo == m_http);
        m_ws->setVisible(!m_solo || m_solo == m_ws);
    }
    if (moved)
        Q_EMIT layoutChanged();
}

} // namespace wirescope

#include "ui/ws/wsworkspace.h"

#include <QAction>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace wirescope {

WsWorkspace::WsWorkspace(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_charts(new QStackedWidget(this))
    , m_defaultUrl(QStringLiteral("ws://127.0.0.1/ws/echo"))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setAccessibleName(tr("WebSocket connections"));
    m_charts->setAccessibleName(tr("WebSocket charts"));

    auto *newAction = new QAction(tr("New &WebSocket Connection"), this);
    newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(newAction, &QAction::triggered, this, &WsWorkspace::newConsole);
    m_actions.append(newAction);
}

WsWorkspace::~WsWorkspace() = default;

void WsWorkspace::setDefaultUrl(const QUrl &url)
{
    m_defaultUrl = url;
}

QWidget *WsWorkspace::chartsWidget() const
{
    return m_charts;
}

QList<QAction *> WsWorkspace::actions() const
{
    return m_actions;
}

void WsWorkspace::newConsole()
{
    auto *page = new QLabel(m_defaultUrl.toString(), m_tabs);
    m_tabs->setCurrentIndex(m_tabs->addTab(page, tr("WebSocket")));
}

} // namespace wirescope

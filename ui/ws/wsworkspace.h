#pragma once

#include <QList>
#include <QUrl>
#include <QWidget>

class QAction;
class QStackedWidget;
class QTabWidget;

namespace wirescope {

// Tabs of WebSocket consoles plus the live charts that follow the current tab.
// MainWindow embeds it and puts actions() into its menus.
class WsWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit WsWorkspace(QWidget *parent = nullptr);
    ~WsWorkspace() override;

    // The URL a new console starts with (the demo server's ws://127.0.0.1:PORT/ws/echo).
    void setDefaultUrl(const QUrl &url);
    QUrl defaultUrl() const { return m_defaultUrl; }

    // Live charts of the current console; owned by the workspace, placed by the main window.
    QWidget *chartsWidget() const;
    QList<QAction *> actions() const;

    QTabWidget *tabs() const { return m_tabs; }

public Q_SLOTS:
    void newConsole();

private:
    QTabWidget *m_tabs = nullptr;
    QStackedWidget *m_charts = nullptr;
    QList<QAction *> m_actions;
    QUrl m_defaultUrl;
};

} // namespace wirescope

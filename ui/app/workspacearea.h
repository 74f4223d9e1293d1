#pragma once

#include <QWidget>

class QSplitter;
class QStackedLayout;
class QTabWidget;

namespace wirescope {

// The window's centre: the HTTP and the WebSocket workspace, side by side where the window is
// wide enough for both, else as two tabs so the one in front gets the whole width (on a
// 1366x768 laptop the WebSocket log, the frame diagram, ten field rows and ten hex lines
// cannot share half a screen). The workspaces are moved, never rebuilt: switching keeps
// every tab, selection and scroll position.
class WorkspaceArea : public QWidget
{
    Q_OBJECT
public:
    enum class Arrangement { Automatic, SideBySide, Tabs };
    // Automatic puts them side by side from this width on: each half then keeps the
    // WebSocket console's log and details side by side (WsConsole::kSideBySideWidth).
    static constexpr int kSideBySideMinWidth = 1800;

    WorkspaceArea(QWidget *http, QWidget *ws, QWidget *parent = nullptr);

    void setArrangement(Arrangement arrangement);
    Arrangement arrangement() const { return m_arrangement; }
    bool isTabbed() const;
    // Brings `workspace` to the front when they are tabs (nothing to do side by side).
    void showWorkspace(QWidget *workspace);
    // The workspace in front (side by side: the one holding the focus, else the HTTP one).
    QWidget *currentWorkspace() const;
    // Focus mode: only `workspace` is shown, without the tab bar; null shows both again.
    void setSolo(QWidget *workspace);
    QSplitter *splitter() const { return m_splitter; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    // Tabs or side by side changed, or another tab came to the front.
    void layoutChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void apply();

    QWidget *m_http;
    QWidget *m_ws;
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    QStackedLayout *m_stack;
    Arrangement m_arrangement = Arrangement::Automatic;
    QWidget *m_solo = nullptr;
    QWidget *m_frontBeforeSolo = nullptr;
    bool m_placed = false;
};

} // namespace wirescope

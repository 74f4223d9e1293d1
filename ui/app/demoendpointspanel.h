#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace wirescope {

class DemoEndpointsModel;

// Lists the demo server's endpoints; one click copies a URL, a double click (or Enter, or
// "Open") sends it to the HTTP composer or the WebSocket console.
class DemoEndpointsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DemoEndpointsPanel(QWidget *parent = nullptr);

    // Empty URLs: the server is not running; the panel says why instead of listing dead links.
    void setServer(const QUrl &httpBase, const QUrl &wsBase, const QString &notRunningReason = {});
    DemoEndpointsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    void copyUrl(int row);
    void open(int row);

protected:
    void resizeEvent(QResizeEvent *event) override;

signals:
    void openHttpRequested(const QString &method, const QUrl &url);
    void openWebSocketRequested(const QUrl &url);

private:
    int currentRow() const;
    void updateButtons();

    DemoEndpointsModel *m_model;
    QLabel *m_status;
    QTableView *m_view;
    QPushButton *m_copyButton;
    QPushButton *m_openButton;
};

} // namespace wirescope

#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace wirescope {

class SseEventModel;

// The Events tab of a text/event-stream response: the events as they arrive (time, type, id,
// data on one line, retry, bytes), filtered by type and searched as the WebSocket log is, the
// selected event's data in full below (JSON indented), and the Reconnect switch of the
// request's EventSource (on by default).
class SseEventsView : public QWidget
{
    Q_OBJECT
public:
    explicit SseEventsView(QWidget *parent = nullptr);

    SseEventModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *typeFilter() const { return m_typeFilter; }
    QLineEdit *searchEdit() const { return m_search; }
    QCheckBox *reconnectBox() const { return m_reconnect; }
    QPlainTextEdit *detail() const { return m_detail; }
    // Says how many of the oldest rows went to stay within memory (hidden while none did).
    QLabel *countLabel() const { return m_count; }
    // A line above the table for what the view cannot show live (a compressed stream).
    void setNote(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateTypes();
    void updateCount();
    void showDetail();

    SseEventModel *m_model;
    QComboBox *m_typeFilter;
    QLineEdit *m_search;
    QCheckBox *m_reconnect;
    QLabel *m_note;
    QTableView *m_table;
    QPlainTextEdit *m_detail;
    QLabel *m_count;
    bool m_follow = true;
};

} // namespace wirescope

#pragma once

#include "core/session/httpexchangerecord.h"
#include "core/wire/variables.h"
#include "ui/http/httptimingchart.h"

#include <QList>
#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <memory>

class QAction;
class QTabWidget;
class QTableView;

namespace wirescope {

class HttpEngine;
class HttpHistoryModel;
class NoteActions;
class Session;
class HttpRequestTab;
class HttpTimingChart;

// Tabs of HTTP requests, the history of what was sent and the live timing chart. The main
// window embeds it, docks historyWidget() and chartsWidget(), and puts actions() in File and
// editActions() in Edit. Its tabs send through one HttpEngine (one keep-alive pool, one
// cookie jar, on a thread of its own), whose reports come back here and go to the tab that
// sent the exchange.
class HttpWorkspace : public QWidget
{
    Q_OBJECT
public:
    // `session`: the window's one session (its clock, timeline and cookie jar), shared with
    // the WebSocket workspace.
    explicit HttpWorkspace(Session *session, QWidget *parent = nullptr);
    ~HttpWorkspace() override;

    Session *session() const { return m_session; }

    // The URL a new request starts with (the demo server's /get).
    void setDefaultUrl(const QUrl &url);
    QUrl defaultUrl() const { return m_defaultUrl; }

    QWidget *chartsWidget() const;
    QWidget *historyWidget() const { return m_historyPanel; }
    QList<QAction *> actions() const { return m_actions; }
    QList<QAction *> editActions() const { return m_editActions; }

    QTabWidget *tabs() const { return m_tabs; }
    HttpRequestTab *currentTab() const;
    HttpHistoryModel *historyModel() const { return m_history; }
    QTableView *historyView() const { return m_historyView; }
    // The history's "Add Note..." / "Edit Note..." / "Remove Note".
    NoteActions *historyNotes() const { return m_notes; }
    HttpTimingChart *timingChart() const { return m_chart; }
    HttpEngine *engine() const { return m_engine.get(); }

    void setEnvironments(const QList<Environment> &environments); // saved to QSettings
    const QList<Environment> &environments() const { return m_environments; }

    void saveState() const;
    void restoreState();

    // A curl command line (File > Import cURL..., a paste) as a new request tab: method,
    // URL, headers, body, auth and the -k, -L, --compressed settings, with what was not
    // taken over in the composer's problem line. Null, and no tab, when the text is not a
    // curl command; *error then says why.
    HttpRequestTab *importCurl(const QString &text, QString *error = nullptr);

Q_SIGNALS:
    // A request tab was opened or reopened for the user: where HTTP and WebSocket are tabs of
    // the window, HTTP comes to the front.
    void frontRequested();

public slots:
    HttpRequestTab *newRequest();
    // Opens `url` in the current tab when it is still untouched, else in a new one.
    void openRequest(const QString &method, const QUrl &url);
    void reopenFromHistory(int row);
    void closeTab(int index);
    void editEnvironments();

private:
    // The server-sent events of a recorded exchange, timed by its connection's reads.
    QList<SseArrival> recordedEvents(const HttpExchangeRecord &record) const;
    HttpRequestTab *addTab(const HttpRequest &request);
    void updateCancelAction();
    void updateTitles();
    // The tab whose running exchange has this id; none once it was closed.
    HttpRequestTab *tabRunning(quint64 exchangeId) const;
    void onExchangeProgress(quint64 exchangeId, const HttpProgress &progress);
    // Every finished exchange passes here, once: history, chart, the tab that sent it.
    void onExchangeFinished(const HttpExchangeRecord &record, qsizetype row);

    Session *m_session;
    // A member, not a child: destroyed (its thread stopped, its exchanges aborted, nothing
    // more reported) before ~QWidget deletes the tabs, which then find it gone.
    std::unique_ptr<HttpEngine> m_engine;
    QTabWidget *m_tabs;
    HttpHistoryModel *m_history;
    QPointer<QWidget> m_historyPanel;
    QTableView *m_historyView;
    NoteActions *m_notes = nullptr;
    QPointer<HttpTimingChart> m_chart;
    QList<QAction *> m_actions;
    QList<QAction *> m_editActions;
    QAction *m_cancelAction = nullptr;
    QList<Environment> m_environments;
    QUrl m_defaultUrl;
    QByteArray m_requestSplitterState;
    int m_sentCount = 0;
};

} // namespace wirescope

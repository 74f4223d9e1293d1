#pragma once

#include "core/session/httpexchangerecord.h"
#include "core/wire/variables.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QSplitter;

namespace wirescope {

class HttpComposer;
class HttpEngine;
class HttpResponseView;
struct SessionAnnotation;

// One request in a tab: the composer above, the response below. Sends through the
// workspace's engine; the workspace hands back what the engine reports about the exchange
// this tab started (showProgress(), finish()).
class HttpRequestTab : public QWidget
{
    Q_OBJECT
public:
    HttpRequestTab(HttpEngine *engine, QWidget *parent = nullptr);
    // Cancels the running exchange: a closed tab's record still reaches the history.
    ~HttpRequestTab() override;

    HttpComposer *composer() const { return m_composer; }
    HttpResponseView *responseView() const { return m_response; }
    QSplitter *splitter() const { return m_splitter; }
    bool isRunning() const { return m_exchangeId != 0; }
    // The engine's id of the running exchange, 0 when none runs.
    quint64 exchangeId() const { return m_exchangeId; }
    // True while nothing was typed or sent: the tab can be reused for an opened request.
    bool isPristine() const;

    void setEnvironments(const QList<Environment> &environments);
    void setRequest(const HttpRequest &request);
    void showRecord(const HttpExchangeRecord &record);
    // The exchange the response shows is timeline row `row` (-1: none yet); its note stands
    // above the response.
    void setShownRow(qsizetype row) { m_shownRow = row; }
    qsizetype shownRow() const { return m_shownRow; }
    void showNote(const SessionAnnotation &annotation);
    QLabel *noteLabel() const { return m_note; }

    // Reports unresolved variables or other problems in the composer and sends nothing
    // when there are any.
    void send();
    void cancel();
    void showProgress(const HttpProgress &progress);
    // The running exchange ended: shows its record and accepts the next send().
    void finish(const HttpExchangeRecord &record);

signals:
    void titleChanged(const QString &title);
    void runningChanged(bool running);
    void manageEnvironmentsRequested();

private:
    VariableScope currentScope() const;

    QPointer<HttpEngine> m_engine; // the workspace's; gone first when the workspace is destroyed
    QList<Environment> m_environments;
    QSplitter *m_splitter;
    HttpComposer *m_composer;
    HttpResponseView *m_response;
    QLabel *m_note;
    qsizetype m_shownRow = -1;
    quint64 m_exchangeId = 0;
    bool m_sentOnce = false;
};

} // namespace wirescope

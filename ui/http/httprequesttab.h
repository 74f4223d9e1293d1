#pragma once

#include "core/net/httpexchange.h"
#include "core/wire/variables.h"

#include <QPointer>
#include <QWidget>

class QSplitter;

namespace wirescope {

class HttpClient;
class HttpComposer;
class HttpResponseView;

// One request in a tab: the composer above, the response below; sends through the shared
// client and reports the finished exchange.
class HttpRequestTab : public QWidget
{
    Q_OBJECT
public:
    HttpRequestTab(HttpClient *client, QWidget *parent = nullptr);
    ~HttpRequestTab() override;

    HttpComposer *composer() const { return m_composer; }
    HttpResponseView *responseView() const { return m_response; }
    QSplitter *splitter() const { return m_splitter; }
    bool isRunning() const { return !m_exchange.isNull(); }
    // True while nothing was typed or sent: the tab can be reused for an opened request.
    bool isPristine() const;

    void setEnvironments(const QList<Environment> &environments);
    void setRequest(const HttpRequest &request);
    void showRecord(const HttpExchangeRecord &record);

    // Reports unresolved variables or other problems in the composer and sends nothing
    // when there are any.
    void send();
    void cancel();

signals:
    void exchangeFinished(const wirescope::HttpExchangeRecord &record);
    void titleChanged(const QString &title);
    void runningChanged(bool running);
    void manageEnvironmentsRequested();

private:
    VariableScope currentScope() const;
    void onFinished(const HttpExchangeRecord &record);

    HttpClient *m_client;
    QList<Environment> m_environments;
    QSplitter *m_splitter;
    HttpComposer *m_composer;
    HttpResponseView *m_response;
    QPointer<HttpExchange> m_exchange;
    bool m_sentOnce = false;
};

} // namespace wirescope

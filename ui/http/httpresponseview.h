#pragma once

#include "core/net/httpexchange.h"

#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QTreeWidget;

namespace wirescope {

class JsonHighlighter;
class SseEventsView;
class TimingWaterfallWidget;

// The answer to one exchange: status (coloured), total time and sizes at a glance, and tabs
// Body (pretty JSON, raw text, hex, image preview), Headers (request and response), Raw
// (exact bytes each way), Timing (waterfall) and TLS. Shows what core/net recorded; parses
// nothing itself.
class HttpResponseView : public QWidget
{
    Q_OBJECT
public:
    enum class BodyMode { Pretty = 0, Raw, Hex, Preview };

    explicit HttpResponseView(QWidget *parent = nullptr);

    void showRecord(const HttpExchangeRecord &record);
    void showProgress(const HttpProgress &progress);
    void clear();
    // A request refused before anything was sent (a bad URL, a variable without a value):
    // the last response goes away rather than standing as this request's answer.
    void showNotSent(const QString &why);

    QLabel *statusLabel() const { return m_status; }
    QLabel *summaryLabel() const { return m_summary; }
    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *bodyModeBox() const { return m_bodyMode; }
    QPlainTextEdit *prettyView() const { return m_pretty; }
    QPlainTextEdit *rawBodyView() const { return m_rawBody; }
    QTreeWidget *headersTree() const { return m_headers; }
    QPlainTextEdit *rawView() const { return m_raw; }
    TimingWaterfallWidget *waterfall() const { return m_waterfall; }
    QTreeWidget *tlsTree() const { return m_tls; }
    // The Events tab (a text/event-stream response): shown, and brought to the front, by
    // showEvents(true); its rows are the request tab's to fill.
    SseEventsView *eventsView() const { return m_events; }
    void showEvents(bool show);
    bool eventsShown() const;
    // "Copy as cURL" of the exchange shown, credentials hidden; and the explicit opt-out.
    QAction *copyCurlAction() const { return m_copyCurl; }
    QAction *copyCurlWithSecretsAction() const { return m_copyCurlWithSecrets; }
    QToolButton *copyButton() const { return m_copyButton; }

    // "Copy as cURL" (credentials hidden) and "Copy as cURL (with Secrets)": they put the
    // first request of the exchange `record()` returns (null: none) on the clipboard as a
    // curl command. The History's menu offers the same two.
    static QList<QAction *> createCopyCurlActions(QObject *parent, std::function<const HttpExchangeRecord *()> record);

    // Text of a classic hex dump (offset, 16 bytes, printable column), at most `maxBytes`.
    static QString hexDump(const QByteArray &bytes, qint64 maxBytes);
    // Bytes as readable text: UTF-8 where valid, CR LF kept as line breaks, other control
    // bytes as \xNN, so nothing is hidden.
    static QString bytesAsText(const QByteArray &bytes, qint64 maxBytes);
    // 2xx green, 3xx blue, 4xx orange, 5xx and failures red.
    static QColor statusColor(int status);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createBodyTab();
    void showBody(const HttpResponse &response);
    // A body still arriving (a stream): its complete lines appended to the Raw view as they
    // come, up to HttpEngine::liveBodyBytes; the whole body replaces it when the exchange ends.
    void showLiveBody(const HttpProgress &progress);
    void showHeaders(const HttpExchangeRecord &record);
    void showRaw();
    void showTls(const HttpHop *hop);
    void setStatusChip(const QString &text, const QColor &color);
    // The summary line, led by the number of events while the Events tab is shown.
    void setSummary(const QString &text);
    void updateCopyActions();

    HttpExchangeRecord m_record;
    QLabel *m_status;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QComboBox *m_bodyMode;
    QLabel *m_bodyNote;
    QStackedWidget *m_bodyStack;
    QPlainTextEdit *m_pretty;
    JsonHighlighter *m_highlighter;
    QPlainTextEdit *m_rawBody;
    QPlainTextEdit *m_hex;
    QScrollArea *m_imageArea;
    QLabel *m_image;
    QTreeWidget *m_headers;
    QCheckBox *m_rawAsHex;
    QPlainTextEdit *m_raw;
    TimingWaterfallWidget *m_waterfall;
    QTreeWidget *m_tls;
    SseEventsView *m_events;
    QString m_summaryText;
    QAction *m_copyCurl;
    QAction *m_copyCurlWithSecrets;
    QToolButton *m_copyButton;
    qsizetype m_liveShown = -1; // body bytes the live view shows; -1: no live view
    int m_liveHop = -1;
    QByteArray m_livePending;   // arrived after the last line end, not shown yet
};

} // namespace wirescope

#pragma once

#include "core/net/httpexchange.h"
#include "core/wire/httprequest.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace wirescope {

class JsonHighlighter;
class KeyValueEditor;
class KeyValueModel;
class PayloadEditor;

// What the user edits before sending: method, URL, query parameters (kept in sync with the
// URL both ways, by HttpRequest), headers, body and auth. Widgets only; the request model
// and its rules live in core/wire/httprequest.h.
class HttpComposer : public QWidget
{
    Q_OBJECT
public:
    explicit HttpComposer(QWidget *parent = nullptr);
    ~HttpComposer() override;

    HttpRequest request() const;
    void setRequest(const HttpRequest &request);
    // The Settings tab: redirects, certificate errors, compression, keep-alive, timeout.
    HttpRequestOptions options() const;
    void setOptions(const HttpRequestOptions &options);

    // Send button becomes Cancel while an exchange runs.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    // A problem found before sending (unresolved variables, unreadable file); empty clears it.
    void showProblem(const QString &text);
    QLabel *problemLabel() const { return m_problem; }

    // Fills the composer from a curl command line (method, URL, headers, body, auth, -k, -L,
    // --compressed) and lists in the problem line what curl would have done that the
    // request cannot (files, proxies, shell variables). A curl command pasted into the URL
    // bar comes here. False when the text is not a curl command: nothing changes but the
    // problem line, which says why.
    bool importCurl(const QString &text);

    QComboBox *methodBox() const { return m_method; }
    QLineEdit *urlEdit() const { return m_url; }
    QPushButton *sendButton() const { return m_send; }
    QComboBox *environmentBox() const { return m_environment; }
    QTabWidget *tabs() const { return m_tabs; }
    KeyValueModel *paramsModel() const { return m_params; }
    KeyValueModel *headersModel() const { return m_headers; }

signals:
    void sendRequested();
    void cancelRequested();
    void manageEnvironmentsRequested();
    void titleChanged(const QString &title);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createBodyTab();
    QWidget *createAuthTab();
    QWidget *createSettingsTab();
    void urlEdited(const QString &text);
    void paramsEdited();
    void sendOrCancel();
    void validateJson();
    void checkRawText();
    void formatJson();
    void updateTitle();

    HttpRequest m_request; // method, URL and parameters; the rest is read from the widgets
    bool m_busy = false;

    QComboBox *m_method;
    QLineEdit *m_url;
    QPushButton *m_send;
    QComboBox *m_environment;
    QLabel *m_problem;
    QTabWidget *m_tabs;
    KeyValueModel *m_params;
    KeyValueModel *m_headers;

    QComboBox *m_bodyKind;
    QStackedWidget *m_bodyStack;
    QComboBox *m_rawContentType;
    PayloadEditor *m_rawText;
    PayloadEditor *m_jsonText;
    QLabel *m_jsonStatus;
    QPushButton *m_format;
    JsonHighlighter *m_jsonHighlighter;
    KeyValueModel *m_formFields;
    KeyValueModel *m_multipartFields;
    QLineEdit *m_filePath;
    QLineEdit *m_fileContentType;

    QComboBox *m_authKind;
    QStackedWidget *m_authStack;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_token;

    QCheckBox *m_followRedirects;
    QSpinBox *m_maxRedirects;
    QCheckBox *m_ignoreCertErrors;
    QCheckBox *m_acceptCompressed;
    QCheckBox *m_reuseConnections;
    QSpinBox *m_timeout;
};

} // namespace wirescope

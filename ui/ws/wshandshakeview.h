#pragma once

#include <QWidget>

class QPlainTextEdit;
class QTextBrowser;

namespace wirescope {

struct WsHandshakeRecord;

// The opening handshake as it happened: the raw request and response next to the
// Sec-WebSocket-Accept derivation with this connection's own values, step by step
// (RFC 6455 §4.2.2 item 5.4, §4.1 client checks), and every response check.
class WsHandshakeView : public QWidget
{
    Q_OBJECT
public:
    explicit WsHandshakeView(QWidget *parent = nullptr);

    void setRecord(const WsHandshakeRecord &record);
    void setRequestOnly(const QByteArray &requestBytes); // sent, no answer yet
    void clear();

    QString requestText() const;
    QString responseText() const;
    QString explanationHtml() const;

private:
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_response;
    QTextBrowser *m_explanation;
};

} // namespace wirescope

#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QPlainTextEdit;
class QTextBrowser;

namespace wirescope {

struct WsHandshakeRecord;

// The opening handshake as it happened: the raw request and response next to the
// Sec-WebSocket-Accept derivation with this connection's own values, step by step
// (RFC 6455 §4.2.2 item 5.4, §4.1 client checks), and every response check. The lines of
// the raw response a check read are marked (green passed, red failed) from the offsets the
// HTTP parser recorded for them.
class WsHandshakeView : public QWidget
{
    Q_OBJECT
public:
    // A byte range of the raw response that a check read: the status line or a header line.
    struct ResponseMark {
        qint64 offset = 0; // in the record's responseBytes
        qint64 length = 0;
        QString what;      // the check's name ("status", "Sec-WebSocket-Accept", ...)
        bool passed = false;
    };

    explicit WsHandshakeView(QWidget *parent = nullptr);
    // The marks for a record: one per header line (or status line) behind each check.
    static QList<ResponseMark> responseMarks(const WsHandshakeRecord &record);

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

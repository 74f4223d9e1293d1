#pragma once

#include "core/session/wsrecords.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QTextBrowser;
class QToolButton;

namespace wirescope {

// The opening handshake as it happened: the raw request and response next to the
// Sec-WebSocket-Accept derivation with this connection's own values, step by step
// (RFC 6455 §4.2.2 item 5.4, §4.1 client checks), and every response check. The lines of
// the raw response a check read are marked (green passed, red failed) from the offsets the
// HTTP parser recorded for them. The derivation can be stepped through one step at a time
// (a class follows it), a failed check says at which step it failed, and every header of
// the request and of the answer is explained with its RFC section.
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

    // The steps of the Sec-WebSocket-Accept derivation: key, key + GUID, SHA-1, base64,
    // the server's value.
    static constexpr int stepCount = 5;

    explicit WsHandshakeView(QWidget *parent = nullptr);
    // The marks for a record: one per header line (or status line) behind each check.
    static QList<ResponseMark> responseMarks(const WsHandshakeRecord &record);

    void setRecord(const WsHandshakeRecord &record);
    void setRequestOnly(const QByteArray &requestBytes); // sent, no answer yet
    void clear();

    QString requestText() const;
    QString responseText() const;
    QString explanationHtml() const;

    // Stepping: 0 shows every step; 1..stepCount shows that many.
    int shownSteps() const { return m_shownSteps; }
    void setShownSteps(int steps);
    QToolButton *nextButton() const { return m_next; }
    QToolButton *backButton() const { return m_back; }
    QToolButton *allButton() const { return m_all; }
    // The step the check failed at (1 when the key is not base64 of 16 bytes, 5 when the
    // server's value differs or is missing), or 0 when it passed.
    static int failedStep(const WsHandshakeRecord &record);

private:
    void render();

    QPlainTextEdit *m_request;
    QPlainTextEdit *m_response;
    QTextBrowser *m_explanation;
    QToolButton *m_back;
    QToolButton *m_next;
    QToolButton *m_all;
    QLabel *m_stepLabel;
    std::optional<WsHandshakeRecord> m_record;
    int m_shownSteps = 0;
};

} // namespace wirescope

#pragma once

#include "core/wire/wsframewriter.h"
#include "ui/widgets/payloadeditor.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFrame;
class QLabel;
class QPushButton;
class QSpinBox;

namespace wirescope {

// Writes messages for one connection: text, JSON (validated before sending) or binary
// given as hex; optionally split into N fragments; ping; and the craft mode, clearly marked,
// that writes one frame with any header bits to see how a server reacts. A multi-MiB paste or
// a loaded file is kept as bytes by the PayloadEditor and sent exactly as it came; a file is
// sent as its bytes in every mode (Binary included), a paste in Binary mode is hex.
class WsComposer : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Text, Json, Binary };

    explicit WsComposer(QWidget *parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const;
    void setText(const QString &text);
    QString text() const;
    void setFragments(int count);
    void setCraftMode(bool on);
    bool craftMode() const;
    void setConnected(bool connected);
    // Automatic pings: every this many seconds while connected, 0 = off.
    int pingIntervalSeconds() const;
    void setPingIntervalSeconds(int seconds);

    // Validation of what is typed: empty string when it can be sent. A large payload is
    // checked off the UI thread; until then checkPending() is true and Send waits.
    QString validationError() const;
    bool checkPending() const;
    // The payload as it would be sent (UTF-8, the decoded hex, or a loaded file's bytes).
    QByteArray payload() const;
    WsCraftSpec craftSpec() const;

    PayloadEditor *editor() const { return m_editor; }
    QPushButton *loadFileButton() const { return m_loadFile; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *pingButton() const { return m_ping; }
    QSpinBox *autoPingBox() const { return m_autoPing; }
    QCheckBox *craftCheck() const { return m_craft; }
    QComboBox *craftOpcodeBox() const { return m_opcode; }
    QCheckBox *craftRsvCheck(int bit) const; // 1, 2, 3
    QCheckBox *craftMaskCheck() const { return m_mask; }

public Q_SLOTS:
    void send();
    void sendPing();

Q_SIGNALS:
    void textRequested(const QString &text, qsizetype fragmentSize);
    void binaryRequested(const QByteArray &data, qsizetype fragmentSize);
    void pingRequested(const QByteArray &payload);
    void craftRequested(const wirescope::WsCraftSpec &spec);
    void pingIntervalChanged(int seconds);

private:
    void updateState();
    void updateCheck();
    bool sendsFileBytes() const;
    qsizetype fragmentSize(qsizetype payloadSize) const;

    QComboBox *m_modeBox;
    PayloadEditor *m_editor;
    QLabel *m_status;
    QSpinBox *m_fragments;
    QPushButton *m_send;
    QPushButton *m_ping;
    QPushButton *m_loadFile;
    QSpinBox *m_autoPing;
    QCheckBox *m_craft;
    QFrame *m_craftPanel;
    QCheckBox *m_fin;
    QCheckBox *m_rsv[3];
    QComboBox *m_opcode;
    QCheckBox *m_mask;
    QComboBox *m_lengthBox;
    bool m_connected = false;
};

} // namespace wirescope

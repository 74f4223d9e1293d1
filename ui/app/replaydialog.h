#pragma once

#include "core/session/replayreport.h"

#include <QDialog>
#include <QThread>
#include <QUrl>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace wirescope {

class Replayer;
class Session;

// Replays the window's session (its HTTP exchanges and WebSocket conversations) against the
// same or another base URL and shows recorded vs replayed side by side, difference by
// difference, as `wirescope-cli replay` reports them (docs/replay.md): the same engine, the
// same ignore rules, the same reports to save. The replay's engine runs on a thread of its
// own and records into a session of its own: the window's session and its file are not touched.
class ReplayDialog : public QDialog
{
    Q_OBJECT
public:
    // `recording`: read on this thread when the replay starts. `demoBase`: the demo server's
    // HTTP base URL, offered as a target (may be empty).
    ReplayDialog(const Session *recording, const QString &recordingName, const QUrl &demoBase, QWidget *parent = nullptr);
    ~ReplayDialog() override;

    QLineEdit *baseUrlEdit() const { return m_baseUrl; }
    QComboBox *paceBox() const { return m_pace; }
    QPlainTextEdit *ignoreEdit() const { return m_ignore; }
    QPushButton *runButton() const { return m_run; }
    QTreeWidget *results() const { return m_results; }
    QLabel *summaryLabel() const { return m_summary; }
    bool isRunning() const { return m_running; }
    const ReplayReport &report() const { return m_report; }

    void run();
    void cancel();

Q_SIGNALS:
    void replayFinished(const wirescope::ReplayReport &report);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onItemStarted(qsizetype index, qsizetype count, const QString &label);
    void onItemFinished(const ReplayItemResult &result);
    void onFinished(const ReplayReport &report);
    void saveReport();
    void stopEngine();
    void setRunning(bool running);

    const Session *m_recording;
    QString m_recordingName;
    QLineEdit *m_baseUrl;
    QComboBox *m_pace;
    QPlainTextEdit *m_ignore;
    QLabel *m_ruleError;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_save;
    QProgressBar *m_progress;
    QTreeWidget *m_results;
    QLabel *m_summary;
    QThread m_thread;
    Session *m_replaySession = nullptr; // what the replay recorded (this thread)
    Replayer *m_replayer = nullptr;
    ReplayReport m_report;
    bool m_running = false;
};

} // namespace wirescope

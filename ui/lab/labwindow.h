#pragma once

#include "core/lab/labconfig.h"
#include "core/lab/labresult.h"
#include "ui/lab/labchartdata.h"

#include <QList>
#include <QUrl>
#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableView;
class QTimer;

namespace wirescope {

class LabChartsWidget;
class LabClaimsPanel;
class LabRunner;
class LabSummaryModel;

// The transport lab (issue #12): one workload run over each transport in turn against a
// server with the lab endpoints (the embedded demo server by default), shown live on three
// charts, stated in a summary table in words, and judged against the four common claims.
// A form on the left (transports, workload, payload, rate, size, duration, poll interval,
// late threshold; Run Ctrl+R, Stop Esc), charts on top, table and claims below; the run
// exports as CSV and JSON (core/lab/labreport) and the charts as PNG.
// One per main window: a top-level window of its own (its parent is the main window).
class LabWindow : public QWidget
{
    Q_OBJECT
public:
    explicit LabWindow(const QUrl &baseUrl, QWidget *parent = nullptr);
    ~LabWindow() override;

    // The form as a run's configuration, and the form filled from one.
    LabConfig config() const;
    void setConfig(const LabConfig &config);

    // Starts a run with the form's configuration; false (and the reason in the status line)
    // when the form does not make a run (no transport, no server address) or one runs.
    bool run();
    // Ends the run: the transport running stops now, the results so far stay.
    void stop();
    bool isRunning() const;
    // The last run that finished (stopped or not); none before.
    const std::optional<LabRunResult> &result() const { return m_result; }

    // The last run as CSV (one row per message), JSON (with every message) and the three
    // charts as one PNG; false with the reason in `error`.
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    bool exportJson(const QString &path, QString *error = nullptr) const;
    bool exportChartsPng(const QString &path, QString *error = nullptr) const;

    LabSummaryModel *summaryModel() const { return m_summary; }
    QTableView *summaryView() const { return m_table; }
    // Each transport's sentence with its name, as the window shows them below the table.
    QString wordsText() const;
    LabClaimsPanel *claimsPanel() const { return m_claims; }
    LabChartsWidget *charts() const { return m_charts; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    QString statusText() const;
    QLineEdit *urlEdit() const { return m_url; }

signals:
    void runFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *makeForm();
    void onTransportStarted(LabTransport transport, qint64 tNs);
    void onSamples(LabTransport transport, const QList<LabSample> &samples);
    void onTransportFinished(const LabTransportResult &result);
    void onFinished(const LabRunResult &result);
    void tick();
    void setStatus(const QString &text, bool error = false);
    void updateButtons();
    void updateSizeMinimum();
    void applyPalette();
    void fitTable();
    void updateWords();
    void saveForm() const;
    void restoreForm();
    void exportWithDialog(int format);
    QString suggestedPath(const QString &suffix) const;

    LabRunner *m_runner;
    LabChartData m_chartData;
    LabSummaryModel *m_summary;
    std::optional<LabRunResult> m_result;
    LabConfig m_running;               // the configuration of the run in progress
    int m_transportIndex = -1;         // which of m_running.transports runs (-1: starting)
    qint64 m_transportStartNs = 0;
    bool m_stopping = false;

    QLineEdit *m_url = nullptr;
    QList<QCheckBox *> m_transports;
    QComboBox *m_workload = nullptr;
    QComboBox *m_payload = nullptr;
    QDoubleSpinBox *m_rate = nullptr;
    QSpinBox *m_size = nullptr;
    QDoubleSpinBox *m_duration = nullptr;
    QSpinBox *m_pollInterval = nullptr;
    QSpinBox *m_late = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportJson = nullptr;
    QPushButton *m_exportPng = nullptr;
    QAction *m_runAction;
    QAction *m_stopAction;
    LabChartsWidget *m_charts;
    QTableView *m_table;
    QLabel *m_words;
    LabClaimsPanel *m_claims;
    QSplitter *m_splitter;
    QSplitter *m_results;
    QSplitter *m_findings;
    QTimer *m_tick;
    bool m_statusIsError = false;
};

} // namespace wirescope

#include "ui/app/replaydialog.h"

#include "core/net/replayer.h"
#include "core/session/session.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wirescope {

namespace {
enum Column { WhatColumn, RecordedColumn, ReplayedColumn, NoteColumn, ColumnCount };

QString sideText(const std::optional<QString> &side)
{
    return side ? *side : ReplayDialog::tr("(absent)");
}
} // namespace

ReplayDialog::ReplayDialog(const Session *recording, const QString &recordingName, const QUrl &demoBase, QWidget *parent)
    : QDialog(parent)
    , m_recording(recording)
    , m_recordingName(recordingName)
    , m_baseUrl(new QLineEdit(this))
    , m_pace(new QComboBox(this))
    , m_ignore(new QPlainTextEdit(this))
    , m_ruleError(new QLabel(this))
    , m_run(new QPushButton(tr("&Replay"), this))
    , m_cancel(new QPushButton(tr("&Stop"), this))
    , m_save(new QPushButton(tr("Save &Report..."), this))
    , m_progress(new QProgressBar(this))
    , m_results(new QTreeWidget(this))
    , m_summary(new QLabel(this))
{
    qRegisterMetaType<wirescope::ReplayItemResult>();
    qRegisterMetaType<wirescope::ReplayReport>();
    setWindowTitle(tr("Replay %1").arg(recordingName));
    setObjectName(QStringLiteral("replayDialog"));

    m_baseUrl->setPlaceholderText(tr("the recorded URLs"));
    m_baseUrl->setClearButtonEnabled(true);
    m_baseUrl->setToolTip(tr("Send everything to this server instead (scheme, host and port; a path is put in front of "
                             "the recorded paths). ws:// and wss:// follow http:// and https://."));
    auto *useDemo = new QPushButton(tr("&Demo Server"), this);
    useDemo->setEnabled(demoBase.isValid());
    useDemo->setToolTip(tr("Replay against the built-in demo server"));
    connect(useDemo, &QPushButton::clicked, this, [this, demoBase] { m_baseUrl->setText(demoBase.toString()); });
    auto *baseRow = new QHBoxLayout;
    baseRow->addWidget(m_baseUrl, 1);
    baseRow->addWidget(useDemo);

    m_pace->addItem(tr("As fast as possible"), int(ReplayPace::Fast));
    m_pace->addItem(tr("With the recorded pacing"), int(ReplayPace::Original));
    m_pace->addItem(tr("Waiting for each reply"), int(ReplayPace::Reply));
    m_pace->setToolTip(tr("Fast: one item after the other. Recorded pacing: each request and message at its recorded "
                          "offset. Each reply: a WebSocket message only after the replies recorded before it came."));

    m_ignore->setPlaceholderText(tr("One rule per line, e.g.\nheader:Date\njson:$.id\nregex:\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z"));
    m_ignore->setToolTip(tr("What may differ: header:NAME (a response header), json:PATH (a JSON value and what is "
                            "inside it, in bodies and messages), regex:RE (matches masked on both sides)"));
    m_ignore->setMaximumHeight(m_ignore->fontMetrics().height() * 5);
    m_ruleError->setWordWrap(true);
    m_ruleError->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_ruleError->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Base URL:"), baseRow);
    form->addRow(tr("&Pace:"), m_pace);
    form->addRow(tr("&Ignore:"), m_ignore);
    form->addRow(QString(), m_ruleError);

    m_results->setColumnCount(ColumnCount);
    m_results->setHeaderLabels({tr("Item / difference"), tr("Recorded"), tr("Replayed"), tr("Note")});
    m_results->setAlternatingRowColors(true);
    m_results->setUniformRowHeights(true);
    m_results->setWordWrap(false);
    m_results->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_results->header()->setStretchLastSection(true);
    m_results->setColumnWidth(WhatColumn, 320);
    m_results->setColumnWidth(RecordedColumn, 220);
    m_results->setColumnWidth(ReplayedColumn, 220);
    m_results->setAccessibleName(tr("Replay results"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("%v of %m"));
    m_progress->setValue(0);

    m_run->setDefault(true);
    m_cancel->setEnabled(false);
    m_save->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_run, &QPushButton::clicked, this, &ReplayDialog::run);
    connect(m_cancel, &QPushButton::clicked, this, &ReplayDialog::cancel);
    connect(m_save, &QPushButton::clicked, this, &ReplayDialog::saveReport);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(1000, 640);
}

ReplayDialog::~ReplayDialog()
{
    stopEngine();
}

void ReplayDialog::run()
{
    if (m_running)
        return;
    ReplayOptions options;
    options.pace = ReplayPace(m_pace->currentData().toInt());
    const QString base = m_baseUrl->text().trimmed();
    if (!base.isEmpty()) {
        options.baseUrl = QUrl(base);
        if (!options.baseUrl.isValid() || options.baseUrl.host().isEmpty()) {
            m_ruleError->setText(tr("The base URL is not a URL with a host: %1").arg(base));
            m_ruleError->show();
            return;
        }
    }
    for (const QString &line : m_ignore->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        QString error;
        if (!line.trimmed().isEmpty() && !options.rules.add(line.trimmed(), &error)) {
            m_ruleError->setText(error);
            m_ruleError->show();
            return;
        }
    }
    m_ruleError->hide();
    const QList<ReplayItem> items = ReplayPlan::fromTimeline(m_recording->timeline());
    if (items.isEmpty()) {
        m_summary->setText(tr("Nothing to replay: the session holds no HTTP exchange and no WebSocket connection."));
        return;
    }
    stopEngine(); // the previous replay's engine and session
    m_results->clear();
    m_progress->setRange(0, int(items.size()));
    m_progress->setValue(0);
    m_summary->setText(tr("Replaying..."));
    setRunning(true);
    if (!m_thread.isRunning())
        m_thread.start();
    // The engine works on a thread of its own, as the window's engines do; the session it
    // records into stays on this thread, where its recorder applies what the engine hands over.
    m_replaySession = new Session;
    m_replayer = new Replayer(m_replaySession);
    connect(m_replayer, &Replayer::itemStarted, this, &ReplayDialog::onItemStarted);
    connect(m_replayer, &Replayer::itemFinished, this, &ReplayDialog::onItemFinished);
    connect(m_replayer, &Replayer::finished, this, &ReplayDialog::onFinished);
    m_replayer->moveToThread(&m_thread);
    QMetaObject::invokeMethod(m_replayer, [replayer = m_replayer, items, options, name = m_recordingName] {
        replayer->start(items, options, name);
    });
}

void ReplayDialog::cancel()
{
    if (m_replayer && m_running)
        QMetaObject::invokeMethod(m_replayer, &Replayer::cancel);
}

void ReplayDialog::stopEngine()
{
    if (!m_replayer)
        return;
    // The engine is deleted on its thread (its sockets and timers belong there), then the
    // thread stops and the session it recorded into goes.
    QMetaObject::invokeMethod(m_replayer, [replayer = m_replayer] { delete replayer; }, Qt::BlockingQueuedConnection);
    m_replayer = nullptr;
    m_thread.quit();
    m_thread.wait();
    delete m_replaySession;
    m_replaySession = nullptr;
}

void ReplayDialog::setRunning(bool running)
{
    m_running = running;
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_save->setEnabled(!running && !m_report.items.isEmpty());
    m_baseUrl->setEnabled(!running);
    m_pace->setEnabled(!running);
    m_ignore->setReadOnly(running);
}

void ReplayDialog::onItemStarted(qsizetype index, qsizetype count, const QString &label)
{
    m_progress->setRange(0, int(count));
    m_progress->setValue(int(index));
    m_summary->setText(tr("Replaying %1").arg(label));
}

void ReplayDialog::onItemFinished(const ReplayItemResult &result)
{
    auto *item = new QTreeWidgetItem(m_results);
    const QString verdict = !result.failure.isNull() && result.counted() > 0 ? tr("FAILED")
        : result.passed()                                                   ? tr("SAME")
                                                                             : tr("DIFF");
    item->setText(WhatColumn, QStringLiteral("%1  %2").arg(verdict, result.label));
    item->setToolTip(WhatColumn, tr("Sent to %1").arg(result.target));
    item->setText(NoteColumn, result.counted() == 0 && result.ignored() == 0
                                  ? tr("no difference")
                                  : tr("%n difference(s)", nullptr, int(result.counted()))
                                      + (result.ignored() ? u' ' + tr("(%n ignored)", nullptr, int(result.ignored())) : QString()));
    const QColor tone = result.passed() ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
    item->setForeground(WhatColumn, tone);
    for (const ReplayDifference &difference : result.differences) {
        auto *child = new QTreeWidgetItem(item);
        child->setText(WhatColumn, difference.where());
        child->setText(RecordedColumn, sideText(difference.recorded));
        child->setText(ReplayedColumn, sideText(difference.replayed));
        child->setToolTip(RecordedColumn, sideText(difference.recorded));
        child->setToolTip(ReplayedColumn, sideText(difference.replayed));
        child->setText(NoteColumn, difference.ignored() ? tr("ignored by %1").arg(difference.ignoredBy) : QString());
        if (difference.ignored())
            for (int column = 0; column < ColumnCount; ++column)
                child->setForeground(column, palette().color(QPalette::PlaceholderText));
    }
    item->setExpanded(!result.passed());
    m_progress->setValue(int(result.index + 1));
}

void ReplayDialog::onFinished(const ReplayReport &report)
{
    m_report = report;
    m_summary->setText(ReplayReportWriter::summaryText(report));
    setRunning(false);
    emit replayFinished(report);
}

void ReplayDialog::saveReport()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Replay Report"),
        QFileInfo(m_recordingName).completeBaseName() + QStringLiteral("-replay.xml"),
        tr("JUnit XML (*.xml);;JSON (*.json);;Text (*.txt)"), &filter);
    if (path.isEmpty())
        return;
    QByteArray bytes;
    if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) {
        bytes = QJsonDocument(ReplayReportWriter::toJson(m_report)).toJson(QJsonDocument::Indented);
    } else if (path.endsWith(QStringLiteral(".txt"), Qt::CaseInsensitive)) {
        QString text;
        for (const ReplayItemResult &item : m_report.items)
            text += ReplayReportWriter::itemText(item, m_report.items.size());
        bytes = (text + ReplayReportWriter::summaryText(m_report) + u'\n').toUtf8();
    } else {
        bytes = ReplayReportWriter::toJUnit(m_report);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        QMessageBox::warning(this, tr("Report not saved"), tr("%1 was not written: %2").arg(path, file.errorString()));
}

void ReplayDialog::closeEvent(QCloseEvent *event)
{
    cancel();
    QDialog::closeEvent(event);
}

} // namespace wirescope

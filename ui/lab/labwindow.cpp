#include "ui/lab/labwindow.h"

#include "core/lab/labreport.h"
#include "core/lab/labrunner.h"
#include "ui/lab/labchartswidget.h"
#include "ui/lab/labclaimspanel.h"
#include "ui/lab/labcolors.h"
#include "ui/lab/labsummarymodel.h"
#include "ui/lab/labwording.h"

#include <QAction>
#include <QBuffer>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace wirescope {

namespace {

enum ExportFormat { Csv, Json, Png };

QString settingsKey(const char *name)
{
    return QStringLiteral("lab/") + QLatin1String(name);
}

// RFC 3986 and the lab endpoints: an http(s) base with a host; its path is replaced by /lab/.
bool isUsableBase(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty();
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

LabWindow::LabWindow(const QUrl &baseUrl, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_runner(new LabRunner(this))
    , m_summary(new LabSummaryModel(this))
    , m_runAction(new QAction(tr("Run"), this))
    , m_stopAction(new QAction(tr("Stop"), this))
    , m_charts(new LabChartsWidget(this))
    , m_table(new QTableView(this))
    , m_words(new QLabel(this))
    , m_claims(new LabClaimsPanel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_results(new QSplitter(Qt::Vertical, this))
    , m_findings(new QSplitter(Qt::Horizontal, this))
    , m_tick(new QTimer(this))
{
    setWindowTitle(tr("Transport Lab - Wirescope"));
    setObjectName(QStringLiteral("labWindow"));

    m_table->setModel(m_summary);
    m_table->setAccessibleName(tr("Summary per transport"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LabSummaryModel::TransportColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
    // The sentences need the width of a paragraph: they are read below the table, a
    // paragraph per transport, next to the claims (a column of the table wraps them to a
    // narrow tower of words on a laptop screen).
    m_table->setColumnHidden(LabSummaryModel::WordsColumn, true);
    connect(m_summary, &QAbstractItemModel::dataChanged, this, &LabWindow::updateWords);
    connect(m_summary, &QAbstractItemModel::modelReset, this, &LabWindow::updateWords);
    connect(m_summary, &QAbstractItemModel::modelReset, this, &LabWindow::fitTable);

    m_words->setObjectName(QStringLiteral("labWords"));
    m_words->setWordWrap(true);
    m_words->setTextFormat(Qt::RichText);
    m_words->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_words->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_words->setAccessibleName(tr("The result of each transport in words"));
    const auto framed = [this](QWidget *inside, const QString &title) {
        auto *scroll = new QScrollArea(this);
        scroll->setWidget(inside);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        auto *box = new QGroupBox(title, this);
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(4, 2, 4, 2);
        layout->addWidget(scroll);
        return box;
    };
    m_findings->setObjectName(QStringLiteral("labFindingsSplitter"));
    m_findings->addWidget(framed(m_words, tr("In words")));
    m_findings->addWidget(framed(m_claims, tr("The common claims, judged by this run")));
    m_findings->setStretchFactor(0, 1);
    m_findings->setStretchFactor(1, 1);
    m_findings->setChildrenCollapsible(false);

    m_results->setObjectName(QStringLiteral("labResultsSplitter"));
    m_results->addWidget(m_charts);
    m_results->addWidget(m_table);
    m_results->addWidget(m_findings);
    m_results->setStretchFactor(0, 3);
    m_results->setStretchFactor(1, 0);
    m_results->setStretchFactor(2, 2);
    m_results->setChildrenCollapsible(false);
    QWidget *right = m_results;

    auto *formScroll = new QScrollArea(this);
    formScroll->setWidget(makeForm());
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    formScroll->setMinimumWidth(formScroll->widget()->minimumSizeHint().width() + 16);

    m_splitter->addWidget(formScroll);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);

    // Ctrl+R runs, Esc stops, wherever the focus is in this window.
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    addAction(m_runAction);
    addAction(m_stopAction);
    connect(m_runAction, &QAction::triggered, this, [this] { run(); });
    connect(m_stopAction, &QAction::triggered, this, &LabWindow::stop);
    connect(m_runButton, &QPushButton::clicked, m_runAction, &QAction::trigger);
    connect(m_stopButton, &QPushButton::clicked, m_stopAction, &QAction::trigger);

    connect(m_runner, &LabRunner::transportStarted, this, &LabWindow::onTransportStarted);
    connect(m_runner, &LabRunner::samplesArrived, this, &LabWindow::onSamples);
    connect(m_runner, &LabRunner::transportFinished, this, &LabWindow::onTransportFinished);
    connect(m_runner, &LabRunner::finished, this, &LabWindow::onFinished);
    // 4 Hz: the charts, the live counts and the time left; far below a frame's budget.
    m_tick->setInterval(250);
    connect(m_tick, &QTimer::timeout, this, &LabWindow::tick);

    restoreForm();
    if (isUsableBase(baseUrl))
        m_url->setText(baseUrl.toString());
    m_chartData.reset(config());
    m_summary->reset(config());
    m_charts->setData(&m_chartData);
    applyPalette();
    updateButtons();
    setStatus(tr("Choose the transports and the workload, then Run (Ctrl+R)."));

    resize(1366, 768);
    fitTable();
    m_findings->setSizes({500, 500}); // equal: the splitter shares what the window adds
}

// The table as high as its rows (no more: the room goes to the charts and the words), the
// charts three fifths of the rest.
void LabWindow::fitTable()
{
    m_table->resizeRowsToContents();
    int rows = m_table->horizontalHeader()->height() + 2 * m_table->frameWidth() + 2;
    for (int row = 0; row < m_summary->rowCount(); ++row)
        rows += m_table->rowHeight(row);
    m_table->setMinimumHeight(qMin(rows, m_table->horizontalHeader()->height() + 3 * m_table->verticalHeader()->defaultSectionSize()));
    const int total = qMax(m_results->height(), 600);
    const int rest = qMax(0, total - rows);
    m_results->setSizes({rest * 3 / 5, rows, rest - rest * 3 / 5});
}

void LabWindow::updateWords()
{
    QString html;
    for (int row = 0; row < m_summary->rowCount(); ++row) {
        const QModelIndex index = m_summary->index(row, LabSummaryModel::WordsColumn);
        const QVariant colour = index.data(Qt::ForegroundRole);
        const QString name = m_summary->index(row, LabSummaryModel::TransportColumn).data().toString().toHtmlEscaped();
        QString sentence = index.data().toString().toHtmlEscaped();
        if (colour.isValid())
            sentence = QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour.value<QColor>().name(), sentence);
        html += QStringLiteral("<p style=\"margin:0 0 6px 0\"><b>%1</b>: %2</p>").arg(name, sentence);
    }
    m_words->setText(html);
}

LabWindow::~LabWindow() = default;

QWidget *LabWindow::makeForm()
{
    auto *form = new QWidget(this);
    auto *layout = new QVBoxLayout(form);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *serverLabel = new QLabel(tr("&Server:"), form);
    m_url = new QLineEdit(form);
    m_url->setPlaceholderText(tr("http://host:port (the lab endpoints are under /lab/)"));
    m_url->setToolTip(tr("A server with the lab endpoints (docs/lab-endpoints.md); the built-in demo server has them"));
    m_url->setAccessibleName(tr("Lab server address"));
    serverLabel->setBuddy(m_url);
    layout->addWidget(serverLabel);
    layout->addWidget(m_url);

    auto *transports = new QGroupBox(tr("Transports (run one after another)"), form);
    auto *grid = new QGridLayout(transports);
    grid->setContentsMargins(6, 4, 6, 4);
    grid->setVerticalSpacing(2);
    const QList<LabTransport> all = allLabTransports();
    for (int i = 0; i < all.size(); ++i) {
        auto *check = new QCheckBox(LabWording::transportName(all.at(i)), transports);
        check->setToolTip(LabWording::transportToolTip(all.at(i)));
        check->setChecked(true);
        check->setProperty("labTransport", int(all.at(i)));
        grid->addWidget(check, i, 0);
        m_transports.append(check);
        connect(check, &QCheckBox::toggled, this, &LabWindow::updateButtons);
    }
    layout->addWidget(transports);

    auto *fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_workload = new QComboBox(form);
    for (LabWorkload w : {LabWorkload::Push, LabWorkload::Echo, LabWorkload::Chat})
        m_workload->addItem(LabWording::workloadName(w), int(w));
    m_workload->setToolTip(tr("Server push: the server sends at the rate; echo: the client sends and each message is "
                              "answered; chat: both"));
    fields->addRow(tr("&Workload:"), m_workload);
    m_payload = new QComboBox(form);
    for (LabPayloadKind p : {LabPayloadKind::Json, LabPayloadKind::Text, LabPayloadKind::Random})
        m_payload->addItem(LabWording::payloadName(p), int(p));
    m_payload->setToolTip(tr("What each message carries: JSON, text, or random letters that deflate cannot shrink"));
    fields->addRow(tr("&Payload:"), m_payload);
    m_rate = new QDoubleSpinBox(form);
    m_rate->setRange(0.1, 10000);
    m_rate->setDecimals(1);
    m_rate->setSuffix(tr(" msg/s"));
    m_rate->setToolTip(tr("Messages per second (server events in push, client messages in echo, both in chat)"));
    fields->addRow(tr("&Rate:"), m_rate);
    m_size = new QSpinBox(form);
    m_size->setRange(32, 65536);
    m_size->setSuffix(tr(" B"));
    m_size->setToolTip(tr("Payload bytes per message (JSON needs at least 40)"));
    fields->addRow(tr("Si&ze:"), m_size);
    m_duration = new QDoubleSpinBox(form);
    m_duration->setRange(0.1, 600);
    m_duration->setDecimals(1);
    m_duration->setSuffix(tr(" s"));
    m_duration->setToolTip(tr("How long each transport runs"));
    fields->addRow(tr("&Duration:"), m_duration);
    m_pollInterval = new QSpinBox(form);
    m_pollInterval->setRange(1, 60000);
    m_pollInterval->setSuffix(tr(" ms"));
    m_pollInterval->setToolTip(tr("How often the polling transports ask for news"));
    fields->addRow(tr("P&oll every:"), m_pollInterval);
    m_late = new QSpinBox(form);
    m_late->setRange(1, 600000);
    m_late->setSuffix(tr(" ms"));
    m_late->setToolTip(tr("A message delivered later than this counts as late"));
    fields->addRow(tr("&Late after:"), m_late);
    layout->addLayout(fields);
    connect(m_payload, &QComboBox::currentIndexChanged, this, &LabWindow::updateSizeMinimum);

    m_runButton = new QPushButton(tr("Run"), form);
    m_runButton->setToolTip(tr("Run the lab (Ctrl+R)"));
    m_runButton->setDefault(true);
    m_stopButton = new QPushButton(tr("Stop"), form);
    m_stopButton->setToolTip(tr("Stop the run; the results so far stay (Esc)"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_stopButton);
    layout->addLayout(buttons);

    m_progress = new QProgressBar(form);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progress->setAccessibleName(tr("Run progress"));
    layout->addWidget(m_progress);
    m_status = new QLabel(form);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Run status"));
    layout->addWidget(m_status);

    auto *exports = new QGroupBox(tr("Export the run"), form);
    auto *exportLayout = new QVBoxLayout(exports);
    exportLayout->setContentsMargins(6, 4, 6, 4);
    m_exportCsv = new QPushButton(tr("&CSV (every message)..."), exports);
    m_exportJson = new QPushButton(tr("&JSON (figures and messages)..."), exports);
    m_exportPng = new QPushButton(tr("Charts as &PNG..."), exports);
    for (QPushButton *button : {m_exportCsv, m_exportJson, m_exportPng})
        exportLayout->addWidget(button);
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportWithDialog(Csv); });
    connect(m_exportJson, &QPushButton::clicked, this, [this] { exportWithDialog(Json); });
    connect(m_exportPng, &QPushButton::clicked, this, [this] { exportWithDialog(Png); });
    layout->addWidget(exports);
    layout->addStretch(1);
    return form;
}

LabConfig LabWindow::config() const
{
    LabConfig config;
    config.baseUrl = QUrl::fromUserInput(m_url->text().trimmed());
    for (const QCheckBox *check : m_transports)
        if (check->isChecked())
            config.transports.append(LabTransport(check->property("labTransport").toInt()));
    config.workload = LabWorkload(m_workload->currentData().toInt());
    config.payload = LabPayloadKind(m_payload->currentData().toInt());
    config.rate = m_rate->value();
    config.size = m_size->value();
    config.durationMs = int(std::lround(m_duration->value() * 1000));
    config.pollIntervalMs = m_pollInterval->value();
    config.lateMs = m_late->value();
    return config;
}

void LabWindow::setConfig(const LabConfig &config)
{
    m_url->setText(config.baseUrl.toString());
    for (QCheckBox *check : std::as_const(m_transports))
        check->setChecked(config.transports.contains(LabTransport(check->property("labTransport").toInt())));
    m_workload->setCurrentIndex(m_workload->findData(int(config.workload)));
    m_payload->setCurrentIndex(m_payload->findData(int(config.payload)));
    updateSizeMinimum();
    m_rate->setValue(config.rate);
    m_size->setValue(config.size);
    m_duration->setValue(config.durationMs / 1000.0);
    m_pollInterval->setValue(config.pollIntervalMs);
    m_late->setValue(config.lateMs);
}

// The lab endpoints' smallest message: the sequence number and the time must fit
// (docs/lab-endpoints.md: 32 bytes for text and random, 40 for JSON).
void LabWindow::updateSizeMinimum()
{
    m_size->setMinimum(LabPayloadKind(m_payload->currentData().toInt()) == LabPayloadKind::Json ? 40 : 32);
}

bool LabWindow::isRunning() const
{
    return m_runner->isRunning() || m_tick->isActive();
}

bool LabWindow::run()
{
    if (isRunning())
        return false;
    const LabConfig wanted = config();
    if (wanted.transports.isEmpty()) {
        setStatus(tr("Choose at least one transport."), true);
        return false;
    }
    if (!isUsableBase(wanted.baseUrl)) {
        setStatus(tr("Enter the address of a server with the lab endpoints, such as http://127.0.0.1:8080."), true);
        m_url->setFocus(Qt::OtherFocusReason);
        return false;
    }
    saveForm();
    m_running = wanted;
    m_transportIndex = -1;
    m_stopping = false;
    m_result.reset();
    m_chartData.reset(wanted);
    m_summary->reset(wanted);
    m_charts->rebuild();
    m_claims->clear();
    m_progress->setValue(0);
    setStatus(tr("Starting\u2026"));
    m_runner->start(wanted);
    m_tick->start();
    updateButtons();
    return true;
}

void LabWindow::stop()
{
    if (!isRunning() || m_stopping)
        return;
    m_stopping = true;
    setStatus(tr("Stopping\u2026"));
    m_runner->cancel();
    updateButtons();
}

void LabWindow::onTransportStarted(LabTransport transport, qint64 tNs)
{
    m_transportIndex = int(m_running.transports.indexOf(transport));
    m_transportStartNs = tNs;
    m_chartData.startTransport(transport, tNs);
    m_summary->setRunning(transport);
    tick();
}

void LabWindow::onSamples(LabTransport transport, const QList<LabSample> &samples)
{
    m_chartData.addSamples(transport, samples);
}

void LabWindow::onTransportFinished(const LabTransportResult &result)
{
    m_chartData.finishTransport(result);
    m_summary->setResult(result);
    m_charts->refresh();
}

void LabWindow::onFinished(const LabRunResult &result)
{
    m_tick->stop();
    m_result = result;
    // Transports the runner reported only here (a run stopped before they started) and
    // the counts of the last one.
    for (const LabTransportResult &transport : result.transports) {
        const int row = int(m_running.transports.indexOf(transport.transport));
        if (row >= 0 && m_summary->state(row) == LabSummaryModel::State::Running)
            onTransportFinished(transport);
    }
    m_summary->finishRun(result.cancelled);
    m_claims->setClaims(result.claims);
    m_charts->refresh();
    m_progress->setValue(result.cancelled ? m_progress->value() : m_progress->maximum());
    qint64 failed = 0;
    for (const LabTransportResult &transport : result.transports)
        failed += transport.ran() ? 0 : 1;
    QString text = result.cancelled ? tr("Stopped: the transports that ran are shown.")
                                    : tr("Done: %n transport(s) measured.", nullptr, int(result.transports.size() - failed));
    if (failed > 0)
        text += u' ' + tr("%n transport(s) failed; the table says why.", nullptr, int(failed));
    setStatus(text, failed > 0);
    m_stopping = false;
    updateButtons();
    emit runFinished();
}

void LabWindow::tick()
{
    m_charts->refresh();
    if (m_transportIndex < 0 || m_running.transports.isEmpty())
        return;
    const LabTransport transport = m_running.transports.at(m_transportIndex);
    const LabChartData::Counts counts = m_chartData.counts(transport);
    m_summary->setLive(transport, counts.onTime + counts.late, counts.late);
    if (m_stopping)
        return;
    const qint64 durationMs = m_running.durationMs;
    const qint64 inTransportMs = qBound<qint64>(0, (m_runner->clock().nowNs() - m_transportStartNs) / 1'000'000, durationMs);
    const qint64 totalMs = durationMs * m_running.transports.size();
    const qint64 doneMs = durationMs * m_transportIndex + inTransportMs;
    m_progress->setValue(int(doneMs * m_progress->maximum() / qMax<qint64>(1, totalMs)));
    const QString name = LabWording::transportName(transport);
    const int number = m_transportIndex + 1;
    const int count = int(m_running.transports.size());
    if (inTransportMs >= durationMs) {
        setStatus(tr("Running %1 (%2 of %3): waiting for its last messages.").arg(name).arg(number).arg(count));
        return;
    }
    const int secondsLeft = int((totalMs - doneMs + 999) / 1000);
    setStatus(tr("Running %1 (%2 of %3): about %n s left.", nullptr, secondsLeft).arg(name).arg(number).arg(count));
}

void LabWindow::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_statusIsError = error;
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText, error ? labErrorColor(palette()) : palette().color(QPalette::WindowText));
    m_status->setPalette(pal);
}

QString LabWindow::wordsText() const
{
    return QTextDocumentFragment::fromHtml(m_words->text()).toPlainText();
}

QString LabWindow::statusText() const
{
    return m_status->text();
}

void LabWindow::updateButtons()
{
    const bool running = isRunning();
    bool anyTransport = false;
    for (const QCheckBox *check : std::as_const(m_transports))
        anyTransport = anyTransport || check->isChecked();
    m_runAction->setEnabled(!running);
    m_runButton->setEnabled(!running && anyTransport);
    m_stopAction->setEnabled(running && !m_stopping);
    m_stopButton->setEnabled(running && !m_stopping);
    const bool exportable = !running && m_result.has_value();
    for (QPushButton *button : {m_exportCsv, m_exportJson, m_exportPng})
        button->setEnabled(exportable);
    for (QWidget *field : std::initializer_list<QWidget *>{m_url, m_workload, m_payload, m_rate, m_size, m_duration,
                                                           m_pollInterval, m_late})
        field->setEnabled(!running);
    for (QCheckBox *check : std::as_const(m_transports))
        check->setEnabled(!running);
}

bool LabWindow::exportCsv(const QString &path, QString *error) const
{
    if (!m_result) {
        if (error)
            *error = tr("there is no run to export yet");
        return false;
    }
    return writeFile(path, labRunToCsv(*m_result), error);
}

bool LabWindow::exportJson(const QString &path, QString *error) const
{
    if (!m_result) {
        if (error)
            *error = tr("there is no run to export yet");
        return false;
    }
    return writeFile(path, QJsonDocument(labRunToJson(*m_result, true)).toJson(QJsonDocument::Indented), error);
}

bool LabWindow::exportChartsPng(const QString &path, QString *error) const
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!m_charts->grab().save(&buffer, "PNG")) {
        if (error)
            *error = tr("the charts could not be drawn as PNG");
        return false;
    }
    return writeFile(path, png, error);
}

QString LabWindow::suggestedPath(const QString &suffix) const
{
    const QDateTime when = m_result && m_result->startedAt.isValid() ? m_result->startedAt : QDateTime::currentDateTime();
    return QDir::home().filePath(
        QStringLiteral("lab-%1.%2").arg(when.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss")), suffix));
}

void LabWindow::exportWithDialog(int format)
{
    const QString suffix = format == Csv ? QStringLiteral("csv") : format == Json ? QStringLiteral("json") : QStringLiteral("png");
    const QString filter = format == Csv ? tr("CSV files (*.csv)") : format == Json ? tr("JSON files (*.json)") : tr("PNG images (*.png)");
    const QString title = format == Png ? tr("Save the Charts") : tr("Export the Lab Run");
    QString path = QFileDialog::getSaveFileName(this, title, suggestedPath(suffix), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + suffix;
    QString error;
    const bool written = format == Csv ? exportCsv(path, &error) : format == Json ? exportJson(path, &error)
                                                                                  : exportChartsPng(path, &error);
    if (written)
        setStatus(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    else
        setStatus(tr("%1 was not written: %2").arg(QDir::toNativeSeparators(path), error), true);
}

void LabWindow::saveForm() const
{
    QSettings settings;
    const LabConfig c = config();
    QStringList transports;
    for (LabTransport t : c.transports)
        transports.append(labName(t));
    settings.setValue(settingsKey("transports"), transports);
    settings.setValue(settingsKey("workload"), labName(c.workload));
    settings.setValue(settingsKey("payload"), labName(c.payload));
    settings.setValue(settingsKey("rate"), c.rate);
    settings.setValue(settingsKey("size"), c.size);
    settings.setValue(settingsKey("durationMs"), c.durationMs);
    settings.setValue(settingsKey("pollIntervalMs"), c.pollIntervalMs);
    settings.setValue(settingsKey("lateMs"), c.lateMs);
    settings.setValue(settingsKey("url"), c.baseUrl.toString());
}

// The last run's form, or the lab's defaults (every transport, push, JSON).
void LabWindow::restoreForm()
{
    const QSettings settings;
    LabConfig c;
    c.transports = allLabTransports();
    if (settings.contains(settingsKey("transports"))) {
        c.transports.clear();
        for (const QString &name : settings.value(settingsKey("transports")).toStringList())
            if (const auto t = labTransportFromName(name))
                c.transports.append(*t);
    }
    c.workload = labWorkloadFromName(settings.value(settingsKey("workload")).toString()).value_or(c.workload);
    c.payload = labPayloadKindFromName(settings.value(settingsKey("payload")).toString()).value_or(c.payload);
    c.rate = settings.value(settingsKey("rate"), c.rate).toDouble();
    c.size = settings.value(settingsKey("size"), c.size).toInt();
    c.durationMs = settings.value(settingsKey("durationMs"), c.durationMs).toInt();
    c.pollIntervalMs = settings.value(settingsKey("pollIntervalMs"), c.pollIntervalMs).toInt();
    c.lateMs = settings.value(settingsKey("lateMs"), c.lateMs).toInt();
    c.baseUrl = QUrl(settings.value(settingsKey("url")).toString());
    setConfig(c);
}

void LabWindow::closeEvent(QCloseEvent *event)
{
    // Closing the window ends the run; the results so far stay for when it is shown again.
    stop();
    QWidget::closeEvent(event);
}

void LabWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void LabWindow::applyPalette()
{
    m_summary->setColors(labErrorColor(palette()), palette().color(QPalette::PlaceholderText));
    setStatus(m_status->text(), m_statusIsError);
}

} // namespace wirescope

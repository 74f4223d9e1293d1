#include "ui/app/exportdialog.h"

#include "ui/app/appsettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace wirescope {

namespace {
QString namesOf(const QList<QByteArray> &headers, const QStringList &parameters)
{
    QStringList names;
    for (const QByteArray &header : headers)
        names.append(QString::fromLatin1(header));
    names.append(parameters);
    return names.join(QStringLiteral(", "));
}

QStringList splitNames(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
}
} // namespace

ExportDialog::ExportDialog(Format format, const QString &suggestedPath, QWidget *parent)
    : QDialog(parent)
    , m_format(format)
    , m_path(new QLineEdit(suggestedPath, this))
    , m_hide(new QCheckBox(tr("&Hide secrets (recommended)"), this))
    , m_extra(new QLineEdit(AppSettings::extraRedactedNames().join(QStringLiteral(", ")), this))
    , m_warning(new QLabel(this))
    , m_export(nullptr)
{
    setWindowTitle(format == Format::Har ? tr("Export HAR") : tr("Export pcapng"));
    auto *intro = new QLabel(format == Format::Har
            ? tr("Every HTTP exchange and WebSocket connection of the session as a HAR 1.2 file, "
                 "which browsers, Postman and HTTP Toolkit open.")
            : tr("Every connection's bytes as a pcapng capture with synthesized TCP/IP packets, "
                 "which Wireshark and tshark decode. wss:// and https:// traffic is written decrypted."),
        this);
    intro->setWordWrap(true);

    auto *browse = new QPushButton(tr("&Browse..."), this);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    const RedactionRules defaults = RedactionRules::defaults();
    m_hide->setChecked(true);
    m_hide->setToolTip(tr("Hidden always: %1").arg(namesOf(defaults.headers, defaults.queryParameters)));
    m_extra->setPlaceholderText(tr("e.g. X-Api-Key, session_id"));
    m_extra->setToolTip(tr("Header or query parameter names to hide as well, separated by commas; kept for the next export"));
    m_warning->setWordWrap(true);
    m_warning->setText(tr("<b>Secrets will be written as recorded:</b> Authorization, cookies and tokens "
                          "travel with the file. Share it only with people who may log in as you."));
    m_warning->setStyleSheet(QStringLiteral("color: #b3261e;"));

    auto *form = new QFormLayout;
    form->addRow(tr("&File:"), pathRow);
    form->addRow(QString(), m_hide);
    form->addRow(tr("Also &hide:"), m_extra);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_hide, &QCheckBox::toggled, this, &ExportDialog::updateState);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    updateState();
    resize(560, sizeHint().height());
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

RedactionRules ExportDialog::redaction() const
{
    if (!m_hide->isChecked())
        return RedactionRules::none();
    RedactionRules rules = RedactionRules::defaults();
    for (const QString &name : splitNames(m_extra->text())) {
        rules.headers.append(name.toLatin1());
        rules.queryParameters.append(name);
    }
    return rules;
}

void ExportDialog::accept()
{
    if (path().isEmpty())
        return;
    if (m_hide->isChecked())
        AppSettings::setExtraRedactedNames(splitNames(m_extra->text()));
    QDialog::accept();
}

void ExportDialog::browse()
{
    const QString filter = m_format == Format::Har ? tr("HAR files (*.har)") : tr("pcapng captures (*.pcapng)");
    const QString chosen = QFileDialog::getSaveFileName(this, windowTitle(), path(), filter);
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ExportDialog::updateState()
{
    m_warning->setVisible(!m_hide->isChecked());
    m_extra->setEnabled(m_hide->isChecked());
    m_export->setEnabled(!path().isEmpty());
}

} // namespace wirescope

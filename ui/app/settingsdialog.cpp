#include "ui/app/settingsdialog.h"

#include "ui/app/appsettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace wirescope {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_startDemo(new QCheckBox(tr("&Start the demo server when Wirescope starts"), this))
    , m_port(new QSpinBox(this))
    , m_budget(new QSpinBox(this))
{
    setWindowTitle(tr("Preferences"));
    m_startDemo->setChecked(AppSettings::startDemoServer());
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Automatic (a free port)"));
    m_port->setValue(AppSettings::demoServerPort());
    m_port->setAccessibleName(tr("Demo server port"));
    m_port->setEnabled(m_startDemo->isChecked());
    connect(m_startDemo, &QCheckBox::toggled, m_port, &QSpinBox::setEnabled);

    auto *note = new QLabel(tr("The demo server listens on 127.0.0.1 only. Changes apply at the next start."), this);
    note->setWordWrap(true);

    m_budget->setRange(0, 1 << 20);
    m_budget->setSingleStep(64);
    m_budget->setSuffix(tr(" MiB"));
    m_budget->setSpecialValueText(tr("No limit"));
    m_budget->setValue(AppSettings::payloadBudgetMiB());
    m_budget->setAccessibleName(tr("Payload memory budget"));
    m_budget->setToolTip(tr("Beyond this, the oldest payload bytes are dropped from memory and the log marks them; "
                            "rows, sizes and times stay. Applies at once."));

    auto *form = new QFormLayout;
    form->addRow(m_startDemo);
    form->addRow(tr("Demo server &port:"), m_port);
    form->addRow(tr("Payload memory &budget:"), m_budget);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

void SettingsDialog::accept()
{
    AppSettings::setStartDemoServer(m_startDemo->isChecked());
    AppSettings::setDemoServerPort(quint16(m_port->value()));
    AppSettings::setPayloadBudgetMiB(m_budget->value());
    QDialog::accept();
}

} // namespace wirescope

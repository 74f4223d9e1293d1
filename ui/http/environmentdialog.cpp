#include "ui/http/environmentdialog.h"

#include "ui/http/keyvalueeditor.h"
#include "ui/http/keyvaluemodel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace wirescope {

EnvironmentDialog::EnvironmentDialog(const QList<Environment> &environments, QWidget *parent)
    : QDialog(parent)
    , m_environments(environments)
    , m_list(new QListWidget(this))
    , m_model(new KeyValueModel(this))
    , m_editor(new KeyValueEditor(m_model, this))
    , m_remove(new QPushButton(tr("&Remove"), this))
{
    setWindowTitle(tr("Environments"));
    m_model->setColumnTitles(tr("Variable"), tr("Value"));
    m_list->setAccessibleName(tr("Environments"));
    m_editor->setAccessibleName(tr("Variables of the selected environment"));
    for (const Environment &env : std::as_const(m_environments))
        m_list->addItem(env.name);

    auto *add = new QPushButton(tr("&Add..."), this);
    connect(add, &QPushButton::clicked, this, &EnvironmentDialog::addEnvironment);
    connect(m_remove, &QPushButton::clicked, this, &EnvironmentDialog::removeEnvironment);
    connect(m_list, &QListWidget::currentRowChanged, this, &EnvironmentDialog::showEnvironment);

    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(add);
    leftButtons->addWidget(m_remove);
    left->addLayout(leftButtons);

    auto *hint = new QLabel(tr("Use a variable as {{name}} in the URL, parameters, headers, body or auth. "
                               "Unresolved variables are reported before anything is sent."),
                            this);
    hint->setWordWrap(true);
    auto *right = new QVBoxLayout;
    right->addWidget(m_editor, 1);
    right->addWidget(hint);

    auto *top = new QHBoxLayout;
    top->addLayout(left, 1);
    top->addLayout(right, 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &EnvironmentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buttons);
    resize(720, 420);

    if (!m_environments.isEmpty())
        m_list->setCurrentRow(0);
    else
        showEnvironment(-1);
}

void EnvironmentDialog::storeCurrent()
{
    if (m_shown < 0 || m_shown >= m_environments.size())
        return;
    QList<Variable> vars;
    for (const KeyValueRow &row : m_model->rows())
        if (!row.name.trimmed().isEmpty())
            vars.append({row.name.trimmed(), row.value, row.enabled});
    m_environments[m_shown].variables = vars;
}

void EnvironmentDialog::showEnvironment(int row)
{
    storeCurrent();
    m_shown = row;
    QList<KeyValueRow> rows;
    if (row >= 0 && row < m_environments.size())
        for (const Variable &v : std::as_const(m_environments.at(row).variables))
            rows.append({v.name, v.value, v.enabled});
    m_model->setRows(rows);
    m_editor->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
}

void EnvironmentDialog::addEnvironment()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New Environment"), tr("Name:"), QLineEdit::Normal,
                                               tr("local"), &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    storeCurrent();
    m_environments.append({name, {}});
    m_list->addItem(name);
    m_list->setCurrentRow(int(m_environments.size()) - 1);
}

void EnvironmentDialog::removeEnvironment()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    m_shown = -1; // do not store the rows of the one being removed
    m_environments.removeAt(row);
    delete m_list->takeItem(row);
    showEnvironment(m_list->currentRow());
}

void EnvironmentDialog::accept()
{
    storeCurrent();
    QDialog::accept();
}

} // namespace wirescope

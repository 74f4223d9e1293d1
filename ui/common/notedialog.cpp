#include "ui/common/notedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wirescope {

namespace {
// A label is read on the row, beside its data: a few words, not a paragraph.
constexpr int kMaxLabelLength = 80;
}

NoteDialog::NoteDialog(const QString &label, const QString &note, QWidget *parent)
    : QDialog(parent)
    , m_label(new QLineEdit(label, this))
    , m_note(new QPlainTextEdit(note, this))
{
    setWindowTitle(label.isEmpty() && note.isEmpty() ? tr("Add Note") : tr("Edit Note"));
    m_label->setMaxLength(kMaxLabelLength);
    m_label->setPlaceholderText(tr("A few words, shown on the row"));
    m_label->setAccessibleName(tr("Note label"));
    m_note->setPlaceholderText(tr("What you noticed, shown in the row's tooltip and details"));
    m_note->setAccessibleName(tr("Note text"));
    m_note->setTabChangesFocus(true);
    auto *hint = new QLabel(tr("Notes are kept in the session file and exported as HAR and pcapng comments."), this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout;
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("&Note:"), m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(440, 260);
    m_label->setFocus(Qt::OtherFocusReason);
}

QString NoteDialog::label() const
{
    return m_label->text().simplified();
}

QString NoteDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

} // namespace wirescope

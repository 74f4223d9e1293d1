#include "ui/common/noteactions.h"

#include "ui/common/notedialog.h"

#include <QAbstractItemView>
#include <QAction>
#include <QItemSelectionModel>
#include <QLabel>

namespace wirescope {

NoteActions::NoteActions(Annotations *annotations, QAbstractItemView *view,
                         std::function<qsizetype(const QModelIndex &)> rowOf)
    : QObject(view)
    , m_annotations(annotations)
    , m_view(view)
    , m_rowOf(std::move(rowOf))
    , m_edit(new QAction(icon(), tr("Add &Note..."), view))
    , m_remove(new QAction(tr("&Remove Note"), view))
{
    m_edit->setObjectName(QStringLiteral("editNoteAction"));
    m_remove->setObjectName(QStringLiteral("removeNoteAction"));
    connect(m_edit, &QAction::triggered, this, &NoteActions::editNote);
    connect(m_remove, &QAction::triggered, this, &NoteActions::removeNote);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, &NoteActions::update);
    connect(annotations, &Annotations::changed, this, &NoteActions::update);
    update();
}

qsizetype NoteActions::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_rowOf(current) : -1;
}

void NoteActions::editNote()
{
    const qsizetype row = currentRow();
    if (row < 0)
        return;
    const SessionAnnotation a = m_annotations->at(row);
    NoteDialog dialog(a.label, a.note, m_view->window());
    if (dialog.exec() == QDialog::Accepted)
        m_annotations->set(row, dialog.label(), dialog.note());
}

void NoteActions::removeNote()
{
    const qsizetype row = currentRow();
    if (row >= 0)
        m_annotations->set(row, {}, {});
}

QIcon NoteActions::icon()
{
    return QIcon(QStringLiteral(":/ui/icons/note.svg"));
}

QString NoteActions::toolTip(const SessionAnnotation &annotation)
{
    if (annotation.label.isEmpty())
        return tr("Note: %1").arg(annotation.note);
    if (annotation.note.isEmpty())
        return tr("Note: %1").arg(annotation.label);
    return tr("Note: %1\n%2").arg(annotation.label, annotation.note);
}

QLabel *NoteActions::createBanner(QWidget *parent)
{
    auto *banner = new QLabel(parent);
    banner->setObjectName(QStringLiteral("noteBanner"));
    banner->setWordWrap(true);
    banner->setTextFormat(Qt::RichText);
    banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    banner->setAccessibleName(tr("Note on the selected row"));
    banner->setStyleSheet(QStringLiteral("QLabel { background: rgba(255, 213, 79, 60); border: 1px solid rgba(249, 168, 37, 160);"
                                         " border-radius: 3px; padding: 3px 6px; }"));
    banner->hide();
    return banner;
}

void NoteActions::showOnBanner(QLabel *banner, const SessionAnnotation &annotation)
{
    banner->setVisible(!annotation.isEmpty());
    if (annotation.isEmpty())
        return;
    QString html = QStringLiteral("<img src=\":/ui/icons/note.svg\" width=\"14\" height=\"14\"> ");
    if (!annotation.label.isEmpty())
        html += QStringLiteral("<b>%1</b>").arg(annotation.label.toHtmlEscaped());
    if (!annotation.label.isEmpty() && !annotation.note.isEmpty())
        html += QStringLiteral("<br>");
    html += annotation.note.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
    banner->setText(html);
    banner->setToolTip(annotation.text());
}

void NoteActions::update()
{
    const qsizetype row = currentRow();
    const bool annotated = row >= 0 && m_annotations->contains(row);
    m_edit->setEnabled(row >= 0);
    m_edit->setText(annotated ? tr("Edit &Note...") : tr("Add &Note..."));
    m_remove->setEnabled(annotated);
}

} // namespace wirescope

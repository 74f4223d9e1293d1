#include "core/session/annotations.h"

namespace wirescope {

QString SessionAnnotation::text() const
{
    if (label.isEmpty() || note.isEmpty())
        return label + note;
    return label + u'\n' + note;
}

SessionAnnotation SessionAnnotation::fromText(qint64 row, const QString &text, const QString &label)
{
    if (label.isEmpty() || !text.startsWith(label))
        return {row, {}, text};
    QString note = text.mid(label.size());
    if (note.startsWith(u'\n'))
        note.remove(0, 1);
    return {row, label, note};
}

SessionAnnotation Annotations::at(qint64 row) const
{
    return m_byRow.value(row, SessionAnnotation {row, {}, {}});
}

void Annotations::set(qint64 row, const QString &label, const QString &note)
{
    SessionAnnotation a {row, label.simplified(), note.trimmed()};
    if (a.isEmpty()) {
        if (m_byRow.remove(row) == 0)
            return;
    } else {
        const auto it = m_byRow.constFind(row);
        if (it != m_byRow.constEnd() && it->label == a.label && it->note == a.note)
            return;
        m_byRow.insert(row, a);
    }
    emit changed(row);
}

void Annotations::load(const QList<SessionAnnotation> &annotations)
{
    for (const SessionAnnotation &a : annotations)
        if (!a.isEmpty())
            m_byRow.insert(a.row, a);
}

} // namespace wirescope

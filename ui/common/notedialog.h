#pragma once

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

namespace wirescope {

// Asks for a row's label (one short line, shown on the row) and note (any length, shown in
// the row's tooltip and the details), the way Wireshark asks for a packet comment.
class NoteDialog : public QDialog
{
    Q_OBJECT
public:
    NoteDialog(const QString &label, const QString &note, QWidget *parent = nullptr);

    QString label() const;
    QString note() const;
    QLineEdit *labelEdit() const { return m_label; }
    QPlainTextEdit *noteEdit() const { return m_note; }

private:
    QLineEdit *m_label;
    QPlainTextEdit *m_note;
};

} // namespace wirescope

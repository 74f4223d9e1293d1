#pragma once

#include "core/session/redaction.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace wirescope {

// Where an export goes and what it hides. Secrets are hidden unless the user unticks the
// box, which says in so many words what will then travel with the file (issue #11: a
// visible, explicit opt-out); the names the user adds to the hidden list are kept.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Format { Har, Pcapng };

    ExportDialog(Format format, const QString &suggestedPath, QWidget *parent = nullptr);

    QString path() const;
    // The built-in names plus the user's, or none when the user chose to keep secrets.
    RedactionRules redaction() const;

    QLineEdit *pathEdit() const { return m_path; }
    QCheckBox *hideSecretsBox() const { return m_hide; }
    QLineEdit *extraNamesEdit() const { return m_extra; }

    void accept() override;

private:
    void browse();
    void updateState();

    Format m_format;
    QLineEdit *m_path;
    QCheckBox *m_hide;
    QLineEdit *m_extra;
    QLabel *m_warning;
    QPushButton *m_export;
};

} // namespace wirescope

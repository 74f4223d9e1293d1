#pragma once

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace wirescope {

// Edit > Preferences: whether the demo server starts at launch and on which port, and how
// many payload bytes the session keeps in memory.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void accept() override;

private:
    QCheckBox *m_startDemo;
    QSpinBox *m_port;
    QSpinBox *m_budget;
};

} // namespace wirescope

#pragma once

#include "core/wire/variables.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace wirescope {

class KeyValueEditor;
class KeyValueModel;

// Edit > Environments: named sets of {{variables}} (e.g. "local" with host = 127.0.0.1:8080).
class EnvironmentDialog : public QDialog
{
    Q_OBJECT
public:
    explicit EnvironmentDialog(const QList<Environment> &environments, QWidget *parent = nullptr);

    // The edited environments, valid after accept().
    QList<Environment> environments() const { return m_environments; }
    void accept() override;

private:
    void storeCurrent();
    void showEnvironment(int row);
    void addEnvironment();
    void removeEnvironment();

    QList<Environment> m_environments;
    int m_shown = -1;
    QListWidget *m_list;
    KeyValueModel *m_model;
    KeyValueEditor *m_editor;
    QPushButton *m_remove;
};

} // namespace wirescope

#pragma once

#include <QDialog>

namespace wirescope {

// Help > About: what Wirescope is, its version, the Qt it runs on, where the demo server listens.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(const QString &demoServerText, QWidget *parent = nullptr);
};

} // namespace wirescope

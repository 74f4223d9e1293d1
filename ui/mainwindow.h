#pragma once

#include <QMainWindow>

namespace wirescope {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace wirescope

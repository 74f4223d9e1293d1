#include "ui/mainwindow.h"

namespace wirescope {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Wirescope"));
}

} // namespace wirescope

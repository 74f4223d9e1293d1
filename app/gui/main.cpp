#include "core/demo/demoserver.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Wirescope"));
    QApplication::setOrganizationName(QStringLiteral("Wirescope"));
    QApplication::setApplicationVersion(QStringLiteral(WIRESCOPE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/wirescope.svg")));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator appTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("wirescope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    wirescope::MainWindow window;
    window.show();
    return app.exec();
}

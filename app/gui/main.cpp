#include "core/demo/demoserver.h"
#include "core/demo/demoserverthread.h"
#include "core/net/httpengine.h"
#include "ui/app/appsettings.h"
#include "ui/app/translations.h"
#include "ui/http/httpworkspace.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QLocale>
#include <QTimer>

#include <optional>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Wirescope"));
    QApplication::setOrganizationName(QStringLiteral("Wirescope"));
    QApplication::setApplicationVersion(QStringLiteral(WIRESCOPE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/wirescope.svg")));

    wirescope::installTranslations(&app, QLocale());

    // The demo server makes the window useful offline from the first launch (issue 2);
    // a preference turns it off. A taken port is reported in the status bar, not fatal. It
    // runs on a thread of its own, so what the window measures against it is not UI time.
    std::optional<wirescope::DemoServerThread> demo;
    QString demoError;
    if (wirescope::AppSettings::startDemoServer()) {
        demo.emplace();
        if (!demo->start(wirescope::AppSettings::demoServerPort()))
            demoError = demo->server()->errorString();
    }

    // Windows delete themselves when closed (File > Open may open more); the application
    // ends with the last one.
    auto *window = new wirescope::MainWindow(demo ? demo->server() : nullptr, demoError);
    window->setAttribute(Qt::WA_DeleteOnClose);
    if (window->fillsSmallScreen())
        window->showMaximized();
    else
        window->show();
    // TLS library start-up costs tens of milliseconds once per process; done after the first
    // paint, on the HTTP engine's thread, it is not timed as the first request's "blocked"
    // phase and does not hold up the window.
    QTimer::singleShot(0, window, [window] { window->httpWorkspace()->engine()->warmUpTls(); });
    // Then what a crashed Wirescope left unsaved, and the files named on the command line
    // (`wirescope session.wirescope capture.har`), each in a window of its own.
    const QStringList files = app.arguments().mid(1);
    QTimer::singleShot(0, window, [window, files] {
        wirescope::MainWindow *from = window;
        for (wirescope::MainWindow *reopened : window->offerRecovery())
            from = reopened;
        for (const QString &file : files)
            if (wirescope::MainWindow *opened = from->openFile(file))
                from = opened;
    });
    return app.exec();
}

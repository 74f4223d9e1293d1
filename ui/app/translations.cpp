#include "ui/app/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace wirescope {

void installTranslations(QCoreApplication *app, const QLocale &locale)
{
    // Qt searches the translator installed last first: the language's own forms win.
    auto install = [app](auto &&load) {
        auto *translator = new QTranslator(app);
        if (load(*translator))
            QCoreApplication::installTranslator(translator);
        else
            delete translator;
    };
    // Source strings carry "(s)" where a count decides the form; English needs a
    // translation of its own for those (lupdate -pluralonly keeps nothing else).
    install([](QTranslator &t) { return t.load(QStringLiteral(":/i18n/wirescope_en.qm")); });
    install([&locale](QTranslator &t) {
        return t.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    });
    if (locale.language() != QLocale::English && locale.language() != QLocale::C)
        install([&locale](QTranslator &t) {
            return t.load(locale, QStringLiteral("wirescope"), QStringLiteral("_"), QStringLiteral(":/i18n"));
        });
}

} // namespace wirescope

#pragma once

class QCoreApplication;
class QLocale;

namespace wirescope {

// Installs the translations for `locale` on `app` (they live as long as it does): English
// plural forms first, so "%n message(s)" reads "1 message" / "2 messages" whatever the
// language; then Qt's own strings; then Wirescope's for the language, searched first.
void installTranslations(QCoreApplication *app, const QLocale &locale);

} // namespace wirescope
